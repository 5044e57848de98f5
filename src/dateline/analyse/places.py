"""Places: toponyms in the text resolved against the offline gazetteer, with context.

Toponyms are the GPE/LOC/FAC entities (``article.entities`` when the actors component filled
them, else the spaCy doc's own), the dateline places, organisation entities that are wholly the
name of a country, union, first-level division or capital ("the EU", "DPRK", "Zimbabwe said"),
person and organisation entities named like a large place the text also uses as a place, and
names the model misses in two news patterns: "Khasan, a Russian settlement" (appositive) and
"the Russian port of Vladivostok", and a name the model misses or mislabels (a person, an
organisation, a nationality, a product) in a frame that only a place fills: "the settlement of
Tarbesh", "Mokresh, a town", "in Hadoor town", "the al-Qasimi area of Riyadh", "at village
Talipora", and right after a locative preposition, "struck at Hickman", "in western Samarra" (a
proper noun, not a modifier: "outside UN headquarters"; see ``_framed_names``). A name the model
cut at "of"/"and" is joined again ("Port of Spain"), and an elliptical pair is two places:
"North and South Korea" gives "North" (North Korea) and "South Korea". One sense per discourse
for the model's labels too: a name tagged as a person more often than as a place is no place
("Noma"), a name tagged as a place at least as often as a person or organisation is a place at
every mention ("Douma"), and a town of a country the article names is a place right after "in"
whatever its label ("a forum in Clarinda"); a name the gazetteer lacks that the model also tags
as a person ("Soltan", "Mohamed Soltan") and a title's abbreviation ("Sens.") are none. Road
numbers ("the A120", "I-95") are places of the form "road". Names that hold a place but are no
place: a brand in camel case the gazetteer spells otherwise ("BlackRock" is not Blackrock,
Ireland), a team ("the Tampa Bay Buccaneers": "Tampa" is a place inside its name), a name glued
by a hyphen to a lowercase word that heads the phrase ("the Yamaguchi-gumi"; "Syria-based",
"U.S.-led", "a US-style system" stay places), a lawmaker's state ("Rep. Jody Hice (R-Ga.)": inside
a name); a direction word split off a name ("west Auckland") is no place of its own, and an
"organisation" or "product" entity that is a place's bare name ("gunmen in Quetta", "Goma
Thursday") is a plain place, not one nested in a name.

Resolution, one sense per discourse (every mention of the same name gets the same place):

1. candidates from the gazetteer (:mod:`dateline.gazetteer`): exact names, aliases ("U.S.",
   "Britain"), GeoNames alternate names (weaker), abbreviations only when capitalised;
2. a prior from the feature type and population (country > continent/region > first-level
   division > city by population, capitals first);
3. context: the countries the article is about (country names, demonyms such as "Russian", the
   dateline country), the first-level divisions it names ("Texas"), proximity to the article's
   other places, and local constraints: "Paris, Texas", "X, Russia", "X, a Russian
   settlement", "the Russian port of X";
   plus, for US local news, coherence between a town and the county the article names
   ("Huntsville" with "Walker County" is Huntsville, Texas); the towns chosen first add their
   countries and divisions to the context and every name is chosen again, twice at most (an
   ambiguous "WA" follows the towns once they are placed in Western Australia); a large town
   named like a country ("Jamaica", Queens) is that town only where the article names its
   division, and a short name of a county the article names ("Rockland" beside "Rockland County")
   is that county, not a small town of the name elsewhere;
4. confidence: ``resolved: true`` only for a direct, unambiguous-enough match. Otherwise the
   place is ``resolved: false`` and carries its probable country, and coordinates only as a
   best guess:
   - a weak match (an alternate name of a small place outside the article's countries, a place
     found only inside a longer name such as "University of California", a US county placed at
     a town of its name) keeps that guess's name and coordinates;
   - a name the gazetteer lacks (a facility, a neighbourhood, a village, a road) gets the
     coordinates of the town the text puts it in ("X Correctional Center in Shelby", "Jobar, a
     neighbourhood in eastern Damascus"), else of the article's focus (its most mentioned
     resolved town, a town of the article's main country first; a small town found only inside
     an organisation's name is none) with ``feature: "approximate"``,
     ``name: null`` and ``near: <focus name>``, unless the text puts it in another country; so
     does a match the rest of the article gives no support to: a small town abroad, a place
     found inside a longer name ("St. Peter's Basilica" is not Antigua's parish of Saint Peter),
     a division named by a compass word alone ("the West" is not Cameroon's West region);
   - a hard constraint that no candidate satisfies (Khasan is "a Russian settlement"; the
     gazetteer only knows Hassan in India under that name) never takes the other country's
     place: the country stays the constrained one (and coordinates come only from a focus in
     that country).

Dateline places (the dateline is removed from ``text`` by the cleaner): each is tied to the first
mention of the same name in the text; a dateline place the text never names is still emitted
(it says where the story was filed) with an empty span ``start == end == 0`` and
``dateline: true``; consumers highlight only spans with ``end > start``.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Literal

from ..article import Article
from ..article import Place as PlaceRecord
from ..gazetteer import ABBR, ALIAS, ALT, DEMONYM, NAME, Gazetteer, Place, currency_of, get_gazetteer, normalise
from ..nlp import doc_text, pos_tags, token_starts, token_strings
from ..vocabulary import calendar_words
from . import lexicon as L
from .quickrx import quick

PLACE_LABELS = ("GPE", "LOC", "FAC")

# Tunable weights (general rules; tuned on the GeoWebNews/LGL figures, not on items).
W = {
    "country": 10.0,
    "continent": 10.0,
    "union": 10.0,
    "region": 10.0,
    "admin1_us": 8.6,
    "admin1": 7.8,
    "admin2": 7.0,
    "airport": 7.2,
    "support": 3.5,
    "shadowed": -3.0,
    "city_base": 3.0,
    "city_pop": 0.8,
    "capital": 1.6,
    "alt": -3.0,
    "abbr": -0.3,
    "demonym": 0.0,
    "ctx_country": 2.6,
    "ctx_present": 0.6,
    "ctx_pass1": 0.5,
    "ctx_min": 1.0,
    "cue": 1.0,
    "cue_dollar": 0.5,
    "ctx_admin1": 3.0,
    "ctx_admin1_inferred": 2.0,
    "constraint": 6.0,
    "near_30": 2.2,
    "near_100": 1.6,
    "near_300": 0.8,
    "stray_pop": 20_000,
    "nested_pop": 100_000,
    "stray_ctx": 2.0,
}

_FEATURE_WORDS = (
    r"settlement|village|town|city|port|seaport|region|province|district|island|capital|county|"
    r"resort|enclave|oblast|state|municipality|suburb|outpost|border town|border crossing|"
    r"hamlet|community|area|territory"
)
#: ", a Kurdish town", ", the Syrian city of": the nationality a feature noun after a name gives it
#: (``resolve_mentions``; compiled once, the pattern was built at each call)
_APPOSED_FEATURE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[a-z]+\s+){0,2}([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+"
    r"(?:[a-z-]+\s+){0,2}(?:" + _FEATURE_WORDS + r")\b"
)
#: "the Kurdish town of" before a name
_FEATURE_OF = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]?[a-z-]+\s+){0,3}(?:" + _FEATURE_WORDS + r")\s+of\s+$")


# Words that are place names somewhere but, inside a longer name, are generic.
GENERIC = frozenset(
    """
university college school academy institute church cathedral basilica chapel mosque temple
synagogue hospital clinic airport station park square street road avenue boulevard lane bridge
lake river creek mount mountain mountains hill hills island islands republic state states city
county center centre hall house tower museum stadium arena court bay beach valley north south
east west northern southern eastern western new old great united national international federal
royal saint st fort port cape coast gulf sea ocean desert forest market plaza palace castle library
club hotel restaurant theatre theater quarter white black red green golden central upper lower
higher high middle grand little big memorial medical community government ministry department
office police army navy camp base field fields gardens garden village town district harbor
harbour point springs spring falls rock heights landing junction crossing corner plains prairie
mall tech pacific atlantic american america english christ holy trinity union liberty victory
freedom independence peace unity hope faith grace providence mission prospect paradise bank
embassy consulate commission council committee agency authority corporation company group news
times post daily herald tribune journal press summit congress parliament senate assembly
airlines airways railway railways delta lagoon wing conservation area protection reserve
environmental sheriff office sheriffs line lines
""".split()
)

# "Rapides Parish", "Borno State": a name with the generic head of its kind of place
_GENERIC_HEAD = re.compile(
    r"^(.*?)\s+(County|Parish|Province|Region|State|City|District|Oblast|"
    r"Township|Borough|Prefecture|Governorate|Municipality)$"
)

# Divisions named by a compass word alone ("West" in Cameroon, "Western" in Ghana, Zambia,
# Kenya...): taken only when the article is otherwise about their country.
_COMPASS = re.compile(
    r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"north ?east|north ?west|south ?east|south ?west)\s?)+"
    r"(?:region|province|area|district)?"
)

# Words that say which country a story is in, without naming a place (institutions and titles
# particular to one country): a weak vote each, at most three per country.
_CUES: tuple[tuple[str, re.Pattern[str]] | tuple[str, re.Pattern[str], int, str], ...] = (
    (
        "USA",
        re.compile(
            r"\b(?:[Ss]heriff\W{0,3}s? (?:[Oo]ffice|[Dd]epartment|[Dd]eputies)|"
            r"[A-Z][a-z]+ Township\b|[Pp]olice [Dd]epartment|[Ee]lementary [Ss]chool|"
            r"[Hh]igh [Ss]chool|[Mm]iddle [Ss]chool|[Ss]chool [Bb]oard|[Ss]chool [Dd]istrict|"
            r"[Cc]ounty (?:[Cc]ommission(?:ers?)?|[Ss]heriff|[Cc]ourt|[Bb]oard)|"
            r"[Ss]tate (?:Rep|Sen)\.|Gov\. |[Ss]uperintendent of [Ss]chools|"
            r"[Cc]ity [Cc]ouncil(?:man|woman)|Commonwealth(?:'s|’s) Attorney|"
            r"[Dd]istrict [Aa]ttorney|\bD-[A-Z][a-z]|\bR-[A-Z][a-z]|Interstate \d+|"
            r"I-\d{2,3}\b|ZIP code)"
        ),
    ),
    # dollars, unqualified (not C$, A$, HK$): a weak hint (Canada and Australia write "$" too)
    ("USA", re.compile(r"(?<![A-Z])\$\d"), 1, "cue_dollar"),
    ("GBR", re.compile(r"(?:£\d|\bMPs?\b|\bNHS\b|[Cc]ouncillors?\b|\bHome Office\b)")),
    ("CAN", re.compile(r"\b(?:MPP|[Pp]remier [A-Z][a-z]+|RCMP|Ont\.|B\.C\.)")),
    ("IND", re.compile(r"\b(?:Rs\.? ?\d|crore|lakh|Lok Sabha)")),
    ("AUS", re.compile(r"\b(?:A\$\d|NSW)")),
)
# the same scans, opened with a lookahead for their first characters (quickrx)
_QUICK_CUES = [
    quick(cue[1], first)
    for cue, first in zip(_CUES, ["A-ZCDEGHIMPRSZcdehmps", r"\$", "CHMNc£", "BMOPRp", "LRcl", "AN"])
]


@dataclass
class Mention:
    text: str
    start: int
    end: int
    label: str = "GPE"
    dateline: bool = False
    # the name meant, when the span says less: "North" in "North and South Korea"
    lookup: str | None = None
    # how the text names the place: "name" (a toponym), "demonym" (an adjective of a country
    # before a noun: "the Russian government"), "nested" (a toponym inside an organisation's or
    # an event's name: "Alberta" in "University of Alberta"), "facility" (an airport, hospital,
    # stadium... named as a place), "road" (a road number: "the A120", "I-95")
    form: str = "name"
    within: str | None = None  # the name a nested toponym sits in

    @property
    def name(self) -> str:
        return self.lookup or self.text


@dataclass
class Resolution:
    place: Place | None
    resolved: bool
    country: str | None
    approximate: bool = False
    borrowed: bool = False  # coordinates of the article's focus, not of the name itself


@dataclass
class _Group:
    key: str
    surface: str
    mentions: list[Mention] = field(default_factory=list)
    cands: list[tuple[Place, int]] = field(default_factory=list)
    derived: bool = False  # candidates come from a part of the name only
    shadow: bool = False  # the name is a country, division or region's own name
    country_name: bool = False  # the name is a country's own name
    country_constraint: str | None = None
    admin1_constraint: set[int] = field(default_factory=set)
    prefer_division: bool = False  # named in a list with a first-level division
    choice: Place | None = None


# -- mentions ----------------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the ", a trailing day or month the model glued to the name ("Goma
    Thursday") and a trailing possessive from a toponym span."""
    span = text[start:end]
    if span.lower().startswith("the ") and len(span) > 4:
        start += 4
    span = text[start:end]
    tail = _DATE_TAIL.search(span)
    if tail is not None and tail.start() > 0:
        end = start + tail.start()
    span = text[start:end]
    if span.endswith(("'s", "’s")) and end - start > 2:
        end -= 2
    elif span.endswith(("'", "’")) and end - start > 1:
        end -= 1
    return start, end


def _entities(article: Article, doc: Any) -> list[tuple[str, int, int, str]]:
    if article.entities:
        return [(e.text, e.start, e.end, e.label) for e in article.entities]
    if doc is None:
        return []
    return [(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]


_PREP_BEFORE = re.compile(r"\b(?:in|at|to|from|near|of|outside|across|into|via)\s+$", re.I)
_TITLES = frozenset("sen sens rep reps gov gen lt col capt sgt cpl adm maj rev supt insp det".split())
_IN_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$")
# a name in a news-source frame: "Xinhua reported", "the Anatolia news agency", "told Xinhua",
# "according to Xinhua", "state news agency Xinhua said"
_SOURCE_AFTER = re.compile(
    r"^(?:'s)?\s*(?:(?:news\s+)?agency\b|,?\s*(?:reported|reports|reporting|said|says|quoted|cited|wrote|writes)\b)",
    re.I,
)
_SOURCE_BEFORE = re.compile(
    r"\b(?:according\s+to|told|quoted\s+by|reported\s+by|cited\s+by|agency)\s+(?:the\s+)?$", re.I
)

_COORDINATED = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")


def _named_as_source(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is cited as a news source ("Xinhua reported", "told Xinhua")."""
    return bool(_SOURCE_AFTER.match(text[end : end + 24]) or _SOURCE_BEFORE.search(text[max(0, start - 20) : start]))


def _after_place(text: str, places: list[tuple[int, int]], s: int) -> bool:
    """The name comes next in a list after a place: "stops in Hilversum and Almelo"."""
    return any(e <= s and s - e <= 8 and _COORDINATED.match(text[e:s]) for _, e in places)


def toponym_mentions(article: Article, doc: Any, gaz: Gazetteer) -> list[Mention]:
    """The toponym mentions of an article (spans into ``article.text``)."""
    text = article.text
    ents = _entities(article, doc)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    place_like_names: set[str] = set()
    voted: set[str] = set()
    other: list[tuple[str, int, int, str]] = []
    # A name the model tags as a person more often than as a place is a person's name ("Noma",
    # a woman named five times, twice tagged as a place), unless it is a large place's name.
    votes: Counter[tuple[str, str]] = Counter()
    for etext, start, end, label in ents:
        if label in PLACE_LABELS or label in ("PERSON", "ORG"):
            s, e = _trim(text, start, end)
            votes[normalise(text[s:e]), "place" if label in PLACE_LABELS else label] += 1
    for etext, start, end, label in ents:
        if label in PLACE_LABELS:
            s, e = _trim(text, start, end)
            e = _hyphen_tail(text, s, e, gaz)
            key = normalise(text[s:e])
            if votes[key, "PERSON"] > votes[key, "place"] and not _big_name(gaz, text[s:e]):
                continue
            if _team_name(text[s:e], gaz):
                continue  # "the Tampa Bay Buccaneers": a team, whose town is a place inside its name
            if _hyphenated_name(doc, text, e):
                continue  # "the Yamaguchi-gumi": a gang's name, not the prefecture
            # a name the gazetteer does not know that the model also tags as a person, or that
            # ends with such a name ("Mohamed Soltan"), is a person's
            last = key.rsplit(" ", 1)[-1]
            if (votes[key, "PERSON"] or (last != key and votes[last, "PERSON"])) and not gaz.lookup(text[s:e]):
                continue
            if e > s:
                out.append(Mention(text[s:e], s, e, label))
                taken.append((s, e))
                place_like_names.add(normalise(text[s:e]))
        elif label in ("PERSON", "ORG"):
            other.append((etext, start, end, label))
    # the countries the article names (a country or a first-level division of it)
    named = {
        p.country
        for key in place_like_names
        for p, k in gaz.lookup(key)
        if k in (NAME, ALIAS) and p.feature in ("country", "admin1") and p.country
    }
    # An organisation entity that is wholly the name of a country, a union, a first-level
    # division or a capital is the place, used for its government or its team ("Zimbabwe
    # said", "the EU", "Washington warned"). A person or organisation entity that is another
    # well-known place name and that the text uses as a place somewhere ("seen in Vladivostok")
    # is a place at each mention (the small model tags "Vladivostok" as a person in the seed).
    for etext, start, end, label in other:
        s, e = _trim(text, start, end)
        key = normalise(text[s:e])
        if not key or " " in key and label == "PERSON":
            continue
        found = gaz.lookup(text[s:e])
        if label == "ORG" and any(
            p.feature in ("country", "union")
            and k in (NAME, ALIAS, ABBR)
            or p.feature in ("admin1", "PPLC")
            and k in (NAME, ALIAS)
            for p, k in found
        ):
            place_like_names.add(key)
            continue
        big = [
            p
            for p, k in found
            if k in (NAME, ALIAS) and (p.feature in ("country", "admin1", "PPLC") or p.population >= 100_000)
        ]
        if not big:
            # a smaller town of a country the article names, right after "in" ("a forum in
            # Clarinda" in an Iowa story; the small model often tags such towns as persons)
            if (
                " " not in key
                and (
                    _IN_BEFORE.search(text[max(0, s - 8) : s])
                    # next in a list of places, and not a person the article keeps naming
                    or (_after_place(text, taken, s) and votes[key, "PERSON"] + votes[key, "ORG"] <= 2)
                )
                and not re.match(r"['’]s\b", text[e : e + 3])
                and any(k in (NAME, ALIAS) and p.feature in ("city", "PPLC") and p.country in named for p, k in found)
            ):
                voted.add(key)
            continue
        if key in place_like_names or _PREP_BEFORE.search(text[max(0, s - 12) : s]):
            place_like_names.add(key)
    # one sense per discourse: a name the model tags as a place at least as often as a person or
    # an organisation ("Douma" twice a place, once a person) is a place at every mention the
    # gazetteer knows
    for etext, start, end, label in other:
        s, e = _trim(text, start, end)
        key = normalise(text[s:e])
        placed = votes[key, "place"]
        if placed and placed >= votes[key, "PERSON"] + votes[key, "ORG"] and gaz.lookup(text[s:e]):
            voted.add(key)
    for etext, start, end, label in other:
        s, e = _trim(text, start, end)
        key = normalise(text[s:e])
        if (key in place_like_names or key in voted) and not _overlaps(taken, s, e):
            if key in voted or any(
                k in (NAME, ALIAS) or k == ABBR and p.feature in ("country", "union") for p, k in gaz.lookup(text[s:e])
            ):
                out.append(Mention(text[s:e], s, e, "GPE"))
                taken.append((s, e))
    # "Khasan, a Russian settlement" / "the Russian Pacific port of Vladivostok": the model may
    # miss the name; the pattern names it.
    for m in _APPOSITIVE.finditer(text):
        s, e = m.span(1)
        if not _overlaps(taken, s, e) and gaz.demonym(m.group(2)) is not None:
            out.append(Mention(text[s:e], s, e, "GPE"))
            taken.append((s, e))
    for m in _PORT_OF.finditer(text):
        s, e = m.span(3)
        if not _overlaps(taken, s, e) and gaz.demonym(m.group(1)) is not None:
            out.append(Mention(text[s:e], s, e, "GPE"))
            taken.append((s, e))
    # road numbers: "the A120", "via the A436, A40 and A429", "I-95", "Interstate 80"
    for m in _ROADS.finditer(text):
        window = text[max(0, m.start() - 100) : m.end() + 100]
        if m.group(0)[:1] in "Tt" and not _ROAD_CUE.search(window):
            continue  # "the A380" (an aircraft), "the A4" (paper): a road number needs a road nearby
        for r in _ROAD.finditer(m.group(0)):
            s, e = m.start() + r.start(), m.start() + r.end()
            if not _overlaps(taken, s, e):
                out.append(Mention(text[s:e], s, e, "FAC", form="road"))
                taken.append((s, e))
    out.extend(_facilities_and_nested(text, ents, doc, gaz, taken))
    out.extend(_unlabelled_names(doc, ents, gaz, taken))
    # a frame's name takes the place of the words inside it that the gazetteer knows ("the
    # al-Alif Dar area of Baghdad": "Dar" inside the model's organisation "al-Alif Dar")
    replaced: list[Mention] = []
    out.extend(_framed_names(text, ents, doc, gaz, taken, [m for m in out if m.form == "nested"], replaced))
    out = [m for m in out if not any(m is r for r in replaced)]
    out.sort(key=lambda m: m.start)
    joined = _join_cut_names(text, out, gaz)
    # a title's abbreviation ("Sens. Chris Van Hollen") is no place
    joined = [
        m for m in joined if m.form != "name" or not (normalise(m.text) in _TITLES and text[m.end : m.end + 1] == ".")
    ]
    # a name written in a brand's camel case ("BlackRock", "ReOpenNC") is no place, unless a
    # place bears it so spelt ("McAllen", "KwaZulu-Natal")
    joined = [m for m in joined if m.form == "road" or not _camel_case_brand(m.text, gaz)]
    # a lowercase word is no place ("the gulf states", "a bay colt", "the metro"), and a country
    # named through its currency ("the Turkish lira", "the U.S. dollar", "Kenya's shilling")
    # names a currency, not the place
    joined = [m for m in joined if _written_as_name(m.text) and not _currency_country(text, doc, m, gaz)]
    # a news agency or broadcaster cited as the source ("Xinhua reported", "told Xinhua", "according
    # to Xinhua"; ``lexicon.MEDIA_NAMES``) is the publisher, not a town that bears the name; a region
    # that bears an agency's name stays a place elsewhere ("eastern Anatolia", "Anatolia's farmers")
    joined = [m for m in joined if normalise(m.text) not in L.MEDIA_NAMES or not _named_as_source(text, m.start, m.end)]
    # a person's title and name after a possessive ("Britain's Prince Charles", "Jordan's King
    # Abdullah") is the person, not a town that bears the name (Prince Charles, Canada)
    joined = [m for m in joined if not _titled_person(text, m, gaz)]
    # a sentence's first word, capitalised as every first word is, that the tagger reads as a
    # common noun and the gazetteer does not know ("Gunmen attacked ...") is no place
    joined = [m for m in joined if not _capitalised_common_noun(doc, m, gaz)]
    for mention in joined:
        s, e = mention.start, mention.end
        if _AFFILIATION.match(text[max(0, s - 3) : s]) and text[e : e + 1] == ")":
            # "Rep. Jody Hice (R-Ga.)": the state a lawmaker represents, part of the name's label,
            # not a place the story is in nor where anything happened
            mention.form, mention.within = "nested", text[max(0, s - 3) : e + 1]
    return _split_compounds(_split_elliptical(joined, gaz), gaz)


#: titles written before a person's name, which a town's name may also begin with ("Prince
#: Charles", "King George", "Lady Lake")
_PERSON_TITLES = L.NAME_TITLES | frozenset(
    "prince princess king queen crown sheikh emir duke duchess lord lady sir pope ayatollah".split()
)
_POSSESSOR = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+$")


def _titled_person(text: str, m: Mention, gaz: Gazetteer) -> bool:
    """``m`` is a person's title and name after a possessive ("Britain's Prince Charles"): two or
    three words, the first a title (``_PERSON_TITLES``), none a generic word of places ("Canada's
    Prince Edward Island" stays a place), and no place of that name lies in the possessor's
    country ("Canada's Prince Rupert" stays the port)."""
    words = m.text.split()
    if not 2 <= len(words) <= 3 or words[0].lower() not in _PERSON_TITLES:
        return False
    if any(w.lower() in GENERIC for w in words[1:]):
        return False
    owner = _POSSESSOR.search(text[max(0, m.start - 40) : m.start])
    if owner is None:
        return False
    countries = {p.country for p, k in gaz.lookup(owner.group(1)) if k in (NAME, ALIAS, ABBR) and p.country}
    return not any(p.country in countries for p, _ in gaz.lookup(m.text))


def _capitalised_common_noun(doc: Any, m: Mention, gaz: Gazetteer) -> bool:
    """``m`` is one word opening its sentence, which the tagger reads as a common noun and the
    gazetteer does not know by name ("Gunmen attacked Kandahar's main market": the model's GPE)."""
    if doc is None or " " in m.text or "-" in m.text:
        return False
    # the one token spanning exactly m's characters (``doc.char_span(m.start, m.end)`` of one
    # token), found by bisection over the token offsets
    starts = token_starts(doc)
    k = bisect.bisect_left(starts, m.start)
    if k == len(starts) or starts[k] != m.start or starts[k] + len(token_strings(doc, "ORTH")[k]) != m.end:
        return False
    tok = doc[k]
    if not tok.is_sent_start or tok.pos_ != "NOUN":
        return False
    return not any(k in (NAME, ALIAS) for _, k in gaz.lookup(m.text))


def _written_as_name(span: str) -> bool:
    """A place's name has a capital letter somewhere ("al-Tijara", "eastern Ghouta"'s "Ghouta",
    "I-95"); a span of lowercase words ("the gulf", "metro", "big city") is a common noun."""
    return any(ch.isupper() for ch in span)


_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([a-z]+)\b")


def _currency_country(text: str, doc: Any, m: Mention, gaz: Gazetteer) -> bool:
    """The mention is a country (or its demonym) that modifies the name of that country's own
    currency, the next word, lowercase and a noun: "the Turkish lira", "the U.S. dollar",
    "Hong Kong dollars", "Russia's rouble fell" (the small tagger calls that "rouble" an adjective
    that is the subject), not "a Brazilian real estate firm" (a modifier) nor "the Kenyan won"
    (a verb)."""
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is None:
        return False
    word = nxt.group(1)
    countries = {p.country for p, k in gaz.lookup(m.name) if p.feature == "country" or k == DEMONYM}
    if not any(currency_of(c, word) for c in countries):
        return False
    if doc is not None:
        span = doc.char_span(nxt.start(1), nxt.end(1))
        if span is None:
            return False
        tok = span[0]  # a noun, or a word the tagger calls an adjective but heads a phrase
        if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "dobj", "pobj")):
            return False
    return True


_SUFFIX = re.compile(r"-([a-z]+)\b")


#: the rest of a hyphenated name the model cut at its first hyphen: "Mazar[-i-Sharif]",
#: "Bandar[-e-Anzali]", "Dar[-es-Salaam]"
_HYPHEN_TAIL = re.compile(r"(?:-(?:[a-z]{1,3}-)?[A-Z][\w'’]*)+")


def _hyphen_tail(text: str, s: int, e: int, gaz: Gazetteer) -> int:
    """The end of the place name text[s:e] with the hyphenated rest the model cut off, where the
    whole is a gazetteer name ("Mazar" of "Mazar-i-Sharif" is a Jordanian town), else ``e``."""
    m = _HYPHEN_TAIL.match(text, e)
    if m is not None and gaz.lookup(text[s : m.end()]):
        return m.end()
    return e


def _hyphenated_name(doc: Any, text: str, end: int) -> bool:
    """A place name glued by a hyphen to a lowercase word that heads the phrase itself, neither a
    participle nor an adjective nor a noun modifying the next one: a name of which the place is a
    part ("the Yamaguchi-gumi", a gang); "Syria-based", "U.S.-led", "Gaza-bound" (participles),
    "a US-style system", "Soviet-era tanks" (modifiers) stay places."""
    m = _SUFFIX.match(text, end)
    if m is None or doc is None:
        return False
    span = doc.char_span(m.start(1), m.end(1))
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.tag_[:2] not in ("VB", "JJ", "RB") and tok.dep_ not in ("compound", "amod", "nmod", "npadvmod")


#: the party and state of a US lawmaker: "(R-Ga.)", "(D-Calif.)", "(I-Vt.)"
_AFFILIATION = re.compile(r"\([RDI]\s?[-–]$")

#: a capital letter inside a word after a small one: a brand's camel case ("BlackRock")
_CAMEL = re.compile(r"\b\w*[a-z][A-Z]\w*")


def _camel_case_brand(name: str, gaz: Gazetteer) -> bool:
    """``name`` holds a camel-case word ("BlackRock", "ReOpenNC", "PayPal") that no place the
    gazetteer finds under that name spells so (the gazetteer's "Blackrock" in Ireland is another
    spelling; "McAllen", "DeKalb", "KwaZulu-Natal" are places so spelt)."""
    words = _CAMEL.findall(name)
    if not words:
        return False
    spelt = " ".join(p.name for p, _ in gaz.lookup(name))
    return not all(w in spelt for w in words)


#: a team's name: a place, then a plural noun of people or creatures ("Tampa Bay Buccaneers",
#: "Denver Broncos", "Chennai Super Kings"); not a plural place noun ("Golan Heights")
_TEAM = re.compile(r"^(.+?)\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]+[^s\W]s)$")
#: plural nouns of places and landforms, which end a place's name as a team's nickname ends a team's
_PLACE_PLURALS = frozenset(
    """
keys woods oaks pines palms meadows glades shoals flats narrows dunes cliffs rocks sands territories provinces
regions highlands lowlands midlands marshes wetlands isles forks rapids shores banks basins ranges ridges valleys
mounts peaks points bays harbors harbours creeks villas acres estates towers farms camps caves mines wells baths
gates docks quays terraces emirates antilles grenadines carpathians alps andes himalayas rockies ozarks
""".split()
)


def _team_name(name: str, gaz: Gazetteer) -> bool:
    """``name`` is a sports team's, a place's name then a plural nickname, which the gazetteer
    does not know as a whole: "Tampa Bay Buccaneers" (the nested "Tampa Bay" stays a place
    inside a name), not "Golan Heights" nor "Cayman Islands"."""
    m = _TEAM.match(name)
    plural = m.group(2).lower() if m else ""
    if m is None or plural in GENERIC or plural[:-1] in GENERIC or plural in _PLACE_PLURALS or gaz.lookup(name):
        return False
    return any(k in (NAME, ALIAS) for _, k in gaz.lookup(m.group(1)))


# Head words of the facilities news names as places: "Colchester General Hospital", "Barclays
# Center", "Heathrow Airport", "St. Peter's Basilica", "University of Alberta".
_FACILITY_HEAD = re.compile(
    r"(?:^|\s)(?:Airport|Airfield|Air\s+Base|Base|Hospital|Infirmary|Clinic|Stadium|Arena|Center|Centre|"
    r"Cathedral|Basilica|Church|Chapel|Mosque|Temple|Synagogue|Shrine|Abbey|Monastery|Prison|Jail|"
    r"Penitentiary|Correctional\s+(?:Center|Facility|Institution)|Station|Terminal|Bridge|Tunnel|Park|"
    r"Square|Plaza|Castle|Palace|Museum|Gallery|Hotel|Casino|Mall|Market|Zoo|Harbou?r|Port|Racecourse|"
    r"Speedway|Cemetery|Library|Theatre|Theater|Opera\s+House|Hall|Tower|Courthouse|Campus|"
    r"University|College|School|Academy|Estate|Ranch|Farm|Dam|Canal|Street|Road|Avenue|Boulevard|"
    r"Highway|Freeway|Lane|Drive)$"
)
_FACILITY_FIRST = re.compile(
    r"^(?:the\s+)?(?:University|College|Port|Palace|Castle|Cathedral|Basilica|Church|Museum|Bank(?=\s+of\s+[A-Z]))"
    r"\s+of\s+"
)
# the head first, in other languages: "Palais des Nations", "Palazzo Chigi", "Schloss Bellevue"
_FACILITY_FOREIGN = re.compile(r"^(?:the\s+)?(?:Palais|Palazzo|Château|Chateau|Schloss)\s+\S")
# entities whose names may hold a place name ("Alberta" in "University of Alberta", "Dubai" in
# "Dubai World Cup", "Philippine" in "Philippine Sports Commission")
NESTED_LABELS = ("ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT")
NESTED_FEATURES = ("country", "admin1", "union", "region", "continent", "city", "PPLC")


# British road numbers after "the" (and the list that follows), US interstates: a road is
# placed where the story is (the article's focus), approximately
_ROAD_NUMBER = r"(?:[AM]\d{1,4}(?:\(M\))?)"
_ROADS = re.compile(
    r"\b[Tt]he\s+" + _ROAD_NUMBER + r"(?:(?:\s*,\s*|\s+(?:and|or)\s+)" + _ROAD_NUMBER + r")*\b"
    r"|\bI-\d{1,3}\b|\bInterstate\s+\d{1,3}\b"
)
_ROAD = re.compile(_ROAD_NUMBER + r"\b|I-\d{1,3}\b|Interstate\s+\d{1,3}\b")
_ROAD_CUE = re.compile(
    r"\b(?:road|roads|roundabout|junction|carriageway|motorway|lanes?|traffic|crash|collision|closed|closure|"
    r"diversion|(?:north|south|east|west)bound|heading|lorry|driver|vehicle|pothole|roadworks)\b",
    re.I,
)


# heads that are also surnames ("Krystal D. Hall", "Lane", "Park"), or a name with an initial: a
# person's name, not a facility's
_SURNAME_HEAD = re.compile(r"(?:\b[A-Z]\.\s|\s(?:Hall|Lane|Park|Church|Temple|Port|Tower|Bridge|Castle)$)")


def _is_facility(name: str) -> bool:
    return bool(_FACILITY_HEAD.search(name) or _FACILITY_FIRST.match(name) or _FACILITY_FOREIGN.match(name))


def _facilities_and_nested(
    text: str, ents: list[tuple[str, int, int, str]], doc: Any, gaz: Gazetteer, taken: list[tuple[int, int]]
) -> list[Mention]:
    """Places the entity labels leave out: a demonym before a noun ("the Russian government"), a
    facility the model calls an organisation ("Colchester General Hospital"), and a toponym
    inside an organisation's or an event's name ("Alberta" in "University of Alberta", "Dubai"
    in "Dubai World Cup"): the longest run of one to three capitalised words the gazetteer knows
    by that very name (a country, division, region, town) or as a demonym."""
    out: list[Mention] = []
    for etext, start, end, label in ents:
        s, e = _trim(text, start, end)
        if e <= s or _overlaps(taken, s, e):
            continue
        name = text[s:e]
        if label == "NORP":
            if _modifier(doc, s, e) and gaz.demonym(name) is not None:
                out.append(Mention(name, s, e, "NORP", form="demonym"))
                taken.append((s, e))
            continue
        if label == "PERSON" and " " in name and _FACILITY_HEAD.search(name) and not _SURNAME_HEAD.search(name):
            # "Meydan Racecourse" tagged as a person: a facility by its head word
            out.append(Mention(name, s, e, "FAC", form="facility"))
            taken.append((s, e))
            continue
        if label not in NESTED_LABELS:
            continue
        if (
            label == "ORG"
            and _is_facility(name)
            and any(k in (NAME, ALIAS) and p.feature == "airport" for p, k in gaz.lookup(name))
        ):
            out.append(Mention(name, s, e, "FAC", form="facility"))
            taken.append((s, e))
            continue
        if label == "ORG" and _is_facility(name) and not _FACILITY_FIRST.match(name):
            out.append(Mention(name, s, e, "FAC", form="facility"))
            taken.append((s, e))
            continue
        for ns, ne, demonym in _nested_names(text, s, e, gaz):
            out.append(Mention(text[ns:ne], ns, ne, label, form="demonym" if demonym else "nested", within=name))
            taken.append((ns, ne))
    return out


def _unlabelled_names(
    doc: Any, ents: list[tuple[str, int, int, str]], gaz: Gazetteer, taken: list[tuple[int, int]]
) -> list[Mention]:
    """Proper nouns no entity covers that the gazetteer knows by that very name: a country, a
    division, a region, or a town of 20,000 or more ("Cyprus, Greece Italy or Spain" where the
    model tagged only three). A whole run of proper nouns must be the name (no "Italy" out of
    "Italy Street"), and a town needs more than a sentence's first word."""
    if doc is None:
        return []
    covered = _Spans([(s, e) for _, s, e, _ in ents] + taken)
    out: list[Mention] = []
    text = doc_text(doc)  # (Doc.text is built anew on every access)
    pos = pos_tags(doc)
    n = len(doc)
    # the capitalised proper nouns, found without a Token object for every other token
    orth = token_strings(doc, "ORTH")
    cap = [p == "PROPN" and orth[k][:1].isupper() for k, p in enumerate(pos)]
    i = 0
    while i < n:
        if not cap[i]:
            i += 1
            continue
        t = doc[i]
        j = i
        while j + 1 < n and cap[j + 1] and j + 1 - i < 3:
            j += 1
        if j + 1 < n and cap[j + 1]:
            i = j + 2  # a longer run: some other name
            continue
        s, e = doc[i].idx, doc[j].idx + len(doc[j].text)
        i = j + 1
        if covered.overlaps(s, e):
            continue
        name = text[s:e]
        if len(name) < 4 or normalise(name) in GENERIC:
            continue
        cands = [(p, k) for p, k in gaz.lookup(name) if k in (NAME, ALIAS)]
        if not cands:
            continue
        wide = any(p.feature in ("country", "admin1", "union", "region", "continent") for p, _ in cands)
        town = any(p.feature in ("city", "PPLC") and p.population >= W["stray_pop"] for p, _ in cands)
        if wide or (town and not t.is_sent_start):
            out.append(Mention(name, s, e, "GPE"))
            taken.append((s, e))
    return out


def stray_place(name: str, *, towns: bool = True) -> bool:
    """Whether ``_unlabelled_names`` would read a run of unlabelled proper nouns as a place: the
    gazetteer's name of a country, a division or a region, or (``towns``) of a town of 20,000 or
    more. The actors' finders of unlabelled names leave such runs, and the names inside them, to
    the places ("Carolina" in an unlabelled "Carolina Thread Trail")."""
    if len(name) < 4 or normalise(name) in GENERIC:
        return False
    for p, k in get_gazetteer().lookup(name):
        if k not in (NAME, ALIAS):
            continue
        if p.feature in ("country", "admin1", "union", "region", "continent"):
            return True
        if towns and p.feature in ("city", "PPLC") and p.population >= W["stray_pop"]:
            return True
    return False


# A name in a frame that only a place fills, whatever label the model gave it (often a person,
# an organisation, a nationality or a product for a small town it does not know): "the
# settlement of Tarbesh", "the city of Kel Ashura", "Mokresh, a town on the highway", "in Hadoor
# town", "the al-Qasimi area of Riyadh", "at village Talipora", and, right after a locative
# preposition, "struck at Hickman", "in western
# Samarra" (``_framed_names``).
_FRAME_NOUNS = (
    r"town|city|village|settlement|hamlet|district|province|region|area|neighbou?rhood|suburb|"
    r"governorate|municipality|county|camp|island|peninsula|township|locality|valley|oasis|"
    r"plateau|gorge|mountains|hills|desert|highlands|delta|basin|canyon|countryside|outskirts|suburbs|districts|"
    r"neighbou?rhoods|villages"
)
_FRAME_NAME = (
    r"((?:(?:al|el|ad|an|ar|as|ash|at|az)[-‑ ](?=[A-Z]))?[A-Z][\w'’‘-]*[\w'’‘](?:\s+[A-Z][\w'’‘-]*[\w'’‘]){0,2})"
)
_FRAMES = (
    # the town of X / the small village of X / the Kurdish-held town of X
    re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:[\w-]+\s+){0,2}?(?:" + _FRAME_NOUNS + r")\s+of\s+" + _FRAME_NAME),
    # X, a (small) town
    re.compile(
        _FRAME_NAME + r",\s+(?:a|an)\s+(?:(?:small|tiny|remote|little|large|nearby|coastal|border|frontier|mountain|"
        r"northern|southern|eastern|western|central|rural)\s+)*(?:town|village|city|settlement|hamlet|suburb|"
        r"neighbou?rhood|district)\b"
    ),
    # in X town / the X area of / near X district
    re.compile(
        r"\b(?:in|at|near|outside|around|of|the(?:\s+[a-z][a-z-]+){0,2}?)\s+"  # "the strategic X plateau"
        + _FRAME_NAME
        + r"\s+(?:"
        + _FRAME_NOUNS
        + r")\b(?!\s+(?:of|for)\s+[a-z])"
    ),
    # at village X / in the town X
    re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:village|town|hamlet|settlement)\s+" + _FRAME_NAME),
    # X, northern Syria / X, central Mali: a name, then the part of a larger place it lies in
    re.compile(
        _FRAME_NAME + r",\s+(?:(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)|central)\s+"
        r"(?=[A-Z][a-z]+\b(?!\s+[A-Z]))"
    ),
    # west of X / 20 km northeast of X / the countryside east of X: a bearing taken from a place
    re.compile(
        r"\b(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Nn]orth-?east|[Nn]orth-?west|[Ss]outh-?east|[Ss]outh-?west)"
        r"\s+of\s+" + _FRAME_NAME
    ),
)
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\s+|central\s+)?"
    + _FRAME_NAME
)
# the same scans, opened with a lookahead for their first characters (quickrx)
_QUICK_FRAMES = [
    quick(rx, first) for rx, first in zip(_FRAMES, ["ATat", "A-Zae", "ainot", "aino", "A-Zae", "ENSWensw"], strict=True)
]
_QUICK_LOCATIVE = quick(_LOCATIVE, "aino")
# The object of a verb of taking ground, a name the gazetteer knows: "captured Rutshuru",
# "seized Bunia and Kisangani", "overran Kidal", "took control of Kunduz" (``_framed_names``)
_TAKE_GROUND = re.compile(
    r"\b(?:(?:re)?captur(?:ed?|es|ing)|seiz(?:ed?|es|ing)|retak(?:en?|es|ing)|retook|overr(?:an|un|uns|unning)|"
    r"occup(?:ied|ies|y|ying)|storm(?:ed|s|ing)?|liberat(?:ed?|es|ing)|enter(?:ed|s|ing)?|"
    r"(?:took|taken?|takes|taking|seized|gained|wrested|won|regained|assumed)\s+(?:full\s+|back\s+)?control\s+of)\s+"
    + _FRAME_NAME
)
_AND_NAME = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _FRAME_NAME)

#: labels a framed name may carry (the model's guess for a name it does not know as a place)
_MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
#: names a locative preposition takes that are no places
_NOT_PLACES = frozenset("god allah christ jesus heaven hell islam christianity parliament congress court".split())


def _framed_names(
    text: str,
    ents: list[tuple[str, int, int, str]],
    doc: Any,
    gaz: Gazetteer,
    taken: list[tuple[int, int]],
    nested: list[Mention] | None = None,
    replaced: list[Mention] | None = None,
) -> list[Mention]:
    """Names the model missed or mislabelled in a frame that only a place fills (``_FRAMES``:
    a place noun of, before or after the name), and names right after a locative preposition
    (``_LOCATIVE``) that the model labelled as no place or left unlabelled, where the name is
    a proper noun and no person's name: "struck at Hickman". A name that is a
    nationality, a month or weekday, a generic word, or the model's time or number, is none; a
    name after a bare preposition must be the model's person named once in one word ("at
    Hickman"), or a name the gazetteer knows that the model labelled as something else; a
    possessor is none ("in Modi's government"). A name a place noun frames may hold words
    found inside the model's organisation (``nested``, "the al-Alif Dar area of": "Dar"): the
    name takes their place (they go to ``replaced``)."""
    from ..timex import MONTHS, WEEKDAYS

    if doc is None:
        return []
    out: list[Mention] = []
    spans = [(s, e, label) for _, s, e, label in ents]

    def labels(s: int, e: int) -> list[str] | None:
        """The labels of the entities over the span, None where one reaches outside it."""
        found = []
        for es, ee, label in spans:
            if es < e and s < ee:
                if es < s - 4 or ee > e or label not in _MISLABELS and label not in PLACE_LABELS:
                    return None  # "the Islamic State (ISIS)", "in March"
                found.append(label)
        return found

    def name_ok(name: str) -> bool:
        if name[-1:] in "'’‘" or name[-2:-1] in ("'", "’"):
            return False  # a possessor ("in Modi's government", "in Victoria Vivians’ hands")
        words = [w.lower().strip("'’‘") for w in name.split()]
        if all(w in GENERIC or w in _NOT_PLACES for w in words) or words[0] in MONTHS or words[0] in WEEKDAYS:
            return False
        return gaz.demonym(name) is None and normalise(name) not in _TITLES

    def add(s: int, e: int) -> None:
        out.append(Mention(text[s:e], s, e, "GPE"))
        taken.append((s, e))

    def proper(s: int, e: int) -> Any:
        """The span's tokens, where each capitalised one is a proper noun ("the Jewish settlement
        of X": "Jewish" is none), else None."""
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.pos_ != "PROPN" for t in span if t.text[:1].isupper()):
            return None
        return span

    def large_place(s: int, e: int) -> bool:
        """A large place's name (a country, a capital, a city of 100,000 or more): the model may tag
        "the southern Aleppo districts"'s Aleppo as an adjective ("the Jewish settlement"'s Jewish,
        a Russian division's name too, stays none)."""
        return any(
            k in (NAME, ALIAS) and (p.feature in ("country", "PPLC") or p.feature == "city" and p.population >= 100_000)
            for p, k in gaz.lookup(text[s:e])
        )

    def inside(s: int, e: int) -> list[Mention] | None:
        """The nested words the span holds, where they are all it overlaps; else None."""
        held = [n for n in nested or () if s <= n.start and n.end <= e]
        spans = {(n.start, n.end) for n in held}
        if not held or any(s < e2 and s2 < e and (s2, e2) not in spans for s2, e2 in taken):
            return None
        return held

    for rx in _QUICK_FRAMES:
        for m in rx.finditer(text):
            s, e = m.span(1)
            held = inside(s, e) if _overlaps(taken, s, e) else []
            if held is None or not name_ok(m.group(1)) or labels(s, e) is None:
                continue
            if proper(s, e) is None and not large_place(s, e):
                continue
            for n in held:
                taken.remove((n.start, n.end))
                if replaced is not None:
                    replaced.append(n)
            add(s, e)

    def framed_name(s: int, e: int, after: str) -> list[str] | None:
        """The model's labels of a name a frame points at, when it is a free proper name: not
        taken, not followed by `after` (a possessive, ...), not modifying the noun after it
        ("captured Taliban commanders", "outside UN headquarters")."""
        if _overlaps(taken, s, e) or not name_ok(text[s:e]) or re.match(after, text[e : e + 3]):
            return None
        found = labels(s, e)
        span = proper(s, e) if found is not None else None
        if found is None or span is None:
            return None
        if span[-1].dep_ in ("compound", "amod", "nmod") and span[-1].head.i > span[-1].i:
            return None
        return found

    for m in _TAKE_GROUND.finditer(text):
        names = [m.span(1)]
        while nxt := _AND_NAME.match(text, names[-1][1]):
            names.append(nxt.span(1))  # "seized Bunia and Kisangani"
        for s, e in names:
            name = text[s:e]
            if (found := framed_name(s, e, r"\s*['’]s?\b")) is None:
                continue
            if "PERSON" in found and (" " in name or len(re.findall(r"\b" + re.escape(name) + r"\b", text)) > 1):
                continue  # "captured Saddam Hussein", "Ocalan ... captured Ocalan": a person
            if any(k in (NAME, ALIAS) for _, k in gaz.lookup(name)):
                add(s, e)
    for m in _QUICK_LOCATIVE.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        if (found := framed_name(s, e, r"\s*['’]s?\b|\s+[A-Z]")) is None:
            continue
        # the model's label of a name it does not know as a place: a person's name for a lone
        # word the text names once ("at Hickman"); another label only for a name the
        # gazetteer knows by that name ("in western Samarra"); no label at all, none ("in
        # Passover", "at Symphony Hall")
        once = (
            found == ["PERSON"]
            and " " not in name
            and not name.isupper()
            and len(re.findall(r"\b" + re.escape(name) + r"\b", text)) == 1
        )
        known = found and "PERSON" not in found and any(k in (NAME, ALIAS) for _, k in gaz.lookup(name))
        if not once and not known:
            continue  # ("in Lee", the model's person; "in Sikh", a name only some place's alternate name)
        add(s, e)
    return out


def _modifier(doc: Any, s: int, e: int) -> bool:
    """The span is an adjective or a noun modifying the noun after it ("Russian" in "the Russian
    government", not in "the Russians said")."""
    if doc is None:
        return False
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return False
    t = span[-1]
    if t.tag_ in ("NNS", "NNPS"):
        return False
    return t.dep_ in ("amod", "compound", "nmod") or (t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN"))


_CAP_WORD = re.compile(r"[A-Z][\w'’.&-]*")


def _nested_names(text: str, s: int, e: int, gaz: Gazetteer) -> list[tuple[int, int, bool]]:
    """Place names inside the entity text[s:e], leftmost-longest: (start, end, is_demonym)."""
    words = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
    found: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(words):
        hit = None
        for size in (3, 2, 1):
            if i + size > len(words):
                continue
            ws, we = words[i][0], words[i + size - 1][1]
            sub = text[ws:we].rstrip(".,;:’'")
            we = ws + len(sub)
            sub = re.sub(r"['’]s$", "", sub)
            we = ws + len(sub)
            parts = sub.split()
            if not all(_CAP_WORD.fullmatch(w) for w in parts):
                continue
            if size == 1 and normalise(sub) in GENERIC:
                continue
            cands = gaz.lookup(sub)
            county = size > 1 and parts[-1] in ("County", "Parish")  # "Harris County Sheriff's Office"
            if any(
                k in (NAME, ALIAS) and (p.feature in NESTED_FEATURES or (county and p.feature == "admin2"))
                for p, k in cands
            ) or any(k == ABBR and p.feature in ("country", "union") for p, k in cands):
                hit = (ws, we, False)
            elif size == 1 and any(k == DEMONYM and p.feature == "country" for p, k in cands):
                hit = (ws, we, True)
            if hit:
                break
        if hit:
            found.append(hit)
            i += len(text[hit[0] : hit[1]].split())
        else:
            i += 1
    return found


_ELLIPSIS = re.compile(
    r"^((?:North|South|East|West)(?:ern)?)\s+(?:and|or|&)\s+"
    r"((?:North|South|East|West)(?:ern)?\s+(\S.*))$"
)


def _split_elliptical(mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """ "North and South Korea" names two places: "North" (meaning North Korea) and "South Korea",
    when both are gazetteer names."""
    out: list[Mention] = []
    for m in mentions:
        e = _ELLIPSIS.match(m.text)
        first = f"{e.group(1)} {e.group(3)}" if e else ""
        if e and all(any(k in (NAME, ALIAS) for _, k in gaz.lookup(n)) for n in (first, e.group(2))):
            out.append(Mention(e.group(1), m.start, m.start + e.end(1), m.label, m.dateline, first))
            out.append(Mention(e.group(2), m.start + e.start(2), m.end, m.label, m.dateline))
        else:
            out.append(m)
    return out


def _join_cut_names(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """ "Port of Spain", "Bosnia and Herzegovina", "Boa Vista": the model may cut a name at "of",
    "and" or a space; two mentions joined so are one when the whole is a gazetteer name."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end : m.start] in (" of ", " and ", " & ", " "):
            whole = text[prev.start : m.end]
            if any(k in (NAME, ALIAS) for _, k in gaz.lookup(whole)):
                out[-1] = Mention(whole, prev.start, m.end, prev.label, prev.dateline)
                continue
        out.append(m)
    return out


def _big_name(gaz: Gazetteer, name: str) -> bool:
    return any(
        k in (NAME, ALIAS)
        and (p.feature in ("country", "admin1") or (p.feature in ("city", "PPLC") and p.population >= 100_000))
        for p, k in gaz.lookup(name)
    )


def _split_compounds(mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """ "U.S.-North Korea" -> "U.S." and "North Korea" when the whole is no place but each part is;
    "Greece Italy" (a list the model read as one name) -> "Greece" and "Italy" when the whole is
    no place and each part is a country, a division or a large town."""
    out: list[Mention] = []
    for m in mentions:
        words = list(re.finditer(r"\S+", m.text))
        if 2 <= len(words) <= 4 and not m.lookup and not gaz.lookup(m.text):
            split = None
            for cut in range(1, len(words)):
                a, b = m.text[: words[cut - 1].end()], m.text[words[cut].start() :]
                if _big_name(gaz, a) and _big_name(gaz, b):
                    split = (a, words[cut].start(), b)
                    break
            if split:
                a, bstart, b = split
                if a[:1].isupper():  # "west Auckland": Auckland only (a direction word is no place)
                    out.append(Mention(a, m.start, m.start + len(a), m.label, m.dateline))
                out.append(Mention(b, m.start + bstart, m.end, m.label, m.dateline))
                continue
        if re.search(r"[-/–]", m.text) and not gaz.lookup(m.text):
            parts = [(p.start(), p.end()) for p in re.finditer(r"[^-/–]+", m.text)]
            subs = []
            for s, e in parts:
                seg = m.text[s:e]
                lead = len(seg) - len(seg.lstrip())
                seg = seg.strip()
                if seg:
                    subs.append(Mention(seg, m.start + s + lead, m.start + s + lead + len(seg), m.label, m.dateline))
            if len(subs) > 1 and all(x.text[:1].isupper() and gaz.lookup(x.text) for x in subs):
                out.extend(subs)
                continue
        out.append(m)
    return out


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < e2 and s2 < e for s2, e2 in spans)


class _Spans:
    """A fixed list of character spans that answers ``_overlaps`` by bisection: the spans that
    start before ``e`` are a prefix of the list sorted by start, and one of them overlaps
    ``s``..``e`` when the furthest end among them is past ``s``."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        for _, e in ordered:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e)  # the spans that start before e
        return k > 0 and self.reach[k - 1] > s


_NAME = r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
_APPOSITIVE = re.compile(
    _NAME + r",\s+(?:a|an|the)\s+(?:(?:small|tiny|remote|little|large|major|coastal|northern|"
    r"southern|eastern|western|central|border|frontier|sleepy|former|key)\s+)*([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+"
    r"(?:[a-z-]+\s+){0,2}(?:" + _FEATURE_WORDS + r")\b"
)
_PORT_OF = re.compile(
    r"\b(?:the\s+)?([A-Z][a-z]+)\s+((?:[A-Z]?[a-z-]+\s+){0,3})(?:" + _FEATURE_WORDS + r")\s+of\s+" + _NAME
)


# -- resolution ----------------------------------------------------------------------------------


def prior(place: Place, kind: int) -> float:
    """The score of a candidate before context: its kind of place, its size, how its name matched
    (also used by ``dateline.query`` to pick the place a user names)."""
    f = place.feature
    if f == "country":
        s = W["country"]
    elif f in ("continent", "union", "region"):
        s = W[f]
    elif f == "admin1":
        s = W["admin1_us"] if place.cc == "US" else W["admin1"]
    elif f == "admin2":
        s = W["admin2"]
    elif f == "airport":
        s = W["airport"]  # an airport named by its own name ("Heathrow") is that airport
    else:
        s = W["city_base"] + W["city_pop"] * math.log10(place.population + 1)
        if f == "PPLC":
            s += W["capital"]
    if kind == ALT:
        s += W["alt"]
    elif kind == ABBR:
        s += W["abbr"]
    elif kind == DEMONYM:
        s += W["demonym"]
    return s


def likeliest(name: str, gaz: Gazetteer | None = None, *, demonyms: bool = True) -> Place | None:
    """The place a bare name most likely means, without context: the candidate with the best
    ``prior``, then the larger population ("Indiana" is the US state, not the Brazilian town of
    35,000). Used where a name has no article around it to resolve against: an agent's modifier
    ("Indiana protesters") and the place a user names in a query."""
    cands = (gaz or get_gazetteer()).lookup(name.strip())
    if not demonyms:
        cands = [c for c in cands if c[1] != DEMONYM]
    best = max(cands, key=lambda c: (prior(c[0], c[1]), c[0].population), default=None)
    return best[0] if best else None


def _candidates(gaz: Gazetteer, surface: str) -> tuple[list[tuple[Place, int]], bool]:
    cands = gaz.lookup(surface)
    if cands:
        return cands, False
    # Drop a generic head: "Rapides Parish", "Orange County", "Lake Tahoe" -> the proper part.
    words = surface.split()
    m = _GENERIC_HEAD.match(surface)
    if m:
        # "Borno State", "Sichuan Province": the division; "Orange County", "Quebec City": a town
        division = m.group(2) in ("Province", "Region", "State", "Oblast", "Prefecture", "Governorate")
        feats = ("admin1",) if division else ("city", "PPLC")
        cands = [c for c in gaz.lookup(m.group(1)) if c[1] in (NAME, ALIAS) and c[0].feature in feats]
        states = gaz.county_states(surface) if m.group(2) in ("County", "Parish", "Borough") else ()
        if states:
            # a US county: resolved after the rest of the article (see _place_counties)
            return [], False
        if cands:
            return cands, True
    # Names inside longer names: "University of California", "Washington Dulles International
    # Airport", "U.S.-North Korea": the longest gazetteer names inside, capitalised words only.
    for part in re.split(r"\s*[-/–]\s*", surface) if re.search(r"[-/–]", surface) else ():
        if part and part != surface:
            cands = [c for c in gaz.lookup(part) if c[1] in (NAME, ALIAS, ABBR)]
            if cands:
                return cands, True
    n = len(words)
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            sub = words[i : i + size]
            if not sub[0][:1].isupper() or not sub[-1][:1].isupper():
                continue
            if size == 1 and normalise(sub[0]) in GENERIC:
                continue
            cands = [
                c
                for c in gaz.lookup(" ".join(sub))
                if c[1] in (NAME, ALIAS, ABBR) and (c[0].feature not in ("city", "PPLC") or c[0].population >= 20_000)
            ]
            if cands:
                return cands, True
    return [], False


def resolve_mentions(
    text: str,
    mentions: list[Mention],
    *,
    gaz: Gazetteer | None = None,
    context_words: Iterable[str] = (),
    dateline_country: str | None = None,
) -> list[Resolution]:
    """Resolve each mention; ``context_words`` are other words that indicate countries
    (demonyms, NORP entities)."""
    gaz = gaz or get_gazetteer()
    groups: dict[str, _Group] = {}
    order: list[_Group] = []
    for m in mentions:
        key = normalise(m.name)
        grp = groups.get(key)
        if grp is None:
            grp = _Group(key=key, surface=m.name)
            grp.cands, grp.derived = _candidates(gaz, m.name)
            grp.shadow = any(
                p.feature not in ("city", "PPLC") and k in (NAME, ALIAS, ABBR, DEMONYM) for p, k in grp.cands
            )
            grp.country_name = any(p.feature == "country" and k in (NAME, ALIAS) for p, k in grp.cands)
            groups[key] = grp
            order.append(grp)
        grp.mentions.append(m)

    # -- context: countries and divisions the article is about. These Counters hold float weights,
    # which Counter supports (its docs: "fractions, floats, and decimals would work"); typeshed
    # types Counter's values as int, hence the "float weight" ignores below.
    ctx_country: Counter[str] = Counter()
    ctx_admin1: Counter[int] = Counter()
    admin1_src: dict[int, set[str]] = {}
    inferred_admin1: set[int] = set()  # divisions only the pass-1 choices of towns point to
    # each name's own votes: a name is no context for itself ("Dublin" is also an Irish county;
    # fourteen mentions of Dublin must not outvote the "Ohio" the article names)
    own_ctx: dict[str, Counter[str]] = defaultdict(Counter)
    for g in order:
        strong = [
            (p, k) for p, k in g.cands if p.feature in ("country", "admin1") and k in (NAME, ALIAS, ABBR, DEMONYM)
        ]
        if g.derived or not strong:
            continue
        countries = {p.country for p, _ in strong}
        best = max(g.cands, key=lambda c: prior(*c))[0]
        if len(countries) == 1:
            c = next(iter(countries))
            if c:
                ctx_country[c] += len(g.mentions)
                own_ctx[g.key][c] += len(g.mentions)
        if best.feature == "admin1" and len(countries) == 1:
            ctx_admin1[best.id] += len(g.mentions)
            admin1_src.setdefault(best.id, set()).add(g.key)
    # "X County" names a US county: its states (and the US) are context
    for g in order:
        cm = re.match(r"^(.*?)\s+(County|Parish)$", g.surface)
        if cm:
            states = gaz.county_states(g.surface)
            if states:
                ctx_country["USA"] += len(g.mentions)
                own_ctx[g.key]["USA"] += len(g.mentions)
                for st in states:
                    ctx_admin1[st] += len(g.mentions) / len(states)  # type: ignore[assignment]  # float weight
                    admin1_src.setdefault(st, set()).add(g.key)
    for cue, quick_pattern in zip(_CUES, _QUICK_CUES):
        iso3 = cue[0]
        hits = len(quick_pattern.findall(text))
        if hits:
            most, cue_weight = (cue[2], W[cue[3]]) if len(cue) == 4 else (3, W["cue"])
            ctx_country[iso3] += cue_weight * min(hits, most)  # type: ignore[assignment]  # float weight
    for w in context_words:
        p = gaz.demonym(w)
        if p is not None and p.country:
            ctx_country[p.country] += 1
    if dateline_country:
        ctx_country[dateline_country] += 2

    # -- local constraints: "X, Texas", "X, Russia", "X, a Russian settlement", "Russian port of X"
    for m in mentions:
        g = groups[normalise(m.name)]
        if m.dateline and dateline_country and not g.country_constraint:
            g.country_constraint = dateline_country
    by_start = sorted((m for m in mentions if m.end > m.start), key=lambda m: m.start)
    for i, m in enumerate(by_start):
        g = groups[normalise(m.name)]
        after = text[m.end : m.end + 80]
        if i + 1 < len(by_start):
            nxt = by_start[i + 1]
            between = text[m.end : nxt.start]
            in_list = bool(
                re.match(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)[A-Z]", text[nxt.end : nxt.end + 12])
            ) or bool(re.search(r"(?:,|\band|\bor)\s*$", text[max(0, m.start - 6) : m.start]))
            own_country = any(
                p.feature in ("country", "continent", "region", "union") and k in (NAME, ALIAS, ABBR)
                for p, k in g.cands
            )
            if (re.fullmatch(r",\s*", between) or re.fullmatch(r"\s*\(\s*", between)) and not (in_list or own_country):
                ng = groups[normalise(nxt.name)]
                for p, k in ng.cands:
                    if p.feature == "country" and k in (NAME, ALIAS, ABBR):
                        g.country_constraint = g.country_constraint or p.country
                    elif p.feature == "admin1" and k in (NAME, ALIAS, ABBR):
                        g.admin1_constraint.add(p.id)
        # a list is of one kind: a name coordinated with a first-level division ("states such as
        # California or Washington") is the division of that name
        if i > 0 and re.fullmatch(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", text[by_start[i - 1].end : m.start]):
            pg = groups[normalise(by_start[i - 1].name)]
            if (
                pg.cands
                and max(pg.cands, key=lambda c: prior(*c))[0].feature == "admin1"
                and not any(p.feature in ("city", "PPLC") and p.population >= 100_000 for p, _ in pg.cands)
                and any(p.feature == "admin1" and k in (NAME, ALIAS) for p, k in g.cands)
            ):
                g.prefer_division = True
        am = _APPOSED_FEATURE.match(after)
        if am:
            p = gaz.demonym(am.group(1))
            if p is not None and p.country:
                g.country_constraint = p.country
        before = text[max(0, m.start - 60) : m.start]
        bm = _FEATURE_OF.search(before)
        if bm:
            p = gaz.demonym(bm.group(1))
            if p is not None and p.country:
                g.country_constraint = p.country
    # A constrained name adds its country to the context.
    for g in order:
        if g.country_constraint:
            ctx_country[g.country_constraint] += 1

    top = max(ctx_country.values()) if ctx_country else 0

    # coherence: a town in a county the article names, a county holding a town it names
    named_ids: Counter[int] = Counter()
    held_by: Counter[int] = Counter()
    for g in order:
        ids = {p.id for p, k in g.cands if k in (NAME, ALIAS, ABBR)}
        named_ids.update(ids)
        held_by.update({p.admin2 for p, k in g.cands if p.admin2 and k in (NAME, ALIAS)})

    owns: dict[str, tuple[set[int], set[int]]] = {}

    def support(g: _Group, p: Place) -> float:
        if not p.admin2 and p.feature != "admin2":
            return 0.0
        own = owns.get(g.key)
        if own is None:
            own = owns[g.key] = (
                {q.id for q, k in g.cands if k in (NAME, ALIAS, ABBR)},
                {q.admin2 for q, k in g.cands if q.admin2 and k in (NAME, ALIAS)},
            )
        own_ids, own_held = own
        if p.admin2 and named_ids.get(p.admin2, 0) - (p.admin2 in own_ids) > 0:
            return W["support"]
        if p.feature == "admin2" and held_by.get(p.id, 0) - (p.id in own_held) > 0:
            return W["support"]
        return 0.0

    top_for: dict[str, float] = {}

    def others_top(g: _Group) -> float:
        t = top_for.get(g.key)
        if t is None:
            own = own_ctx.get(g.key)
            t = top if not own else max((v - own.get(c, 0) for c, v in ctx_country.items()), default=0)
            top_for[g.key] = t
        return t

    def score(g: _Group, p: Place, k: int, near: list[Place] | None) -> float:
        s = prior(p, k) + support(g, p)
        t = others_top(g) if p.country else 0
        if t > 0 and p.country:  # (t > 0 only where the place has a country)
            own = own_ctx.get(g.key)
            # relative to the strongest country, and to a minimum of evidence: one weak cue
            # ("$3 million") alone does not move Toronto to Ohio
            share = (ctx_country.get(p.country, 0) - (own.get(p.country, 0) if own else 0)) / max(t, W["ctx_min"])
            if share > 1e-9:
                s += W["ctx_country"] * share + W["ctx_present"]
        if p.admin1 and p.admin1 in ctx_admin1 and admin1_src.get(p.admin1) != {g.key}:
            s += W["ctx_admin1_inferred"] if p.admin1 in inferred_admin1 else W["ctx_admin1"]
        elif p.feature == "admin1" and p.id in ctx_admin1 and admin1_src.get(p.id) != {g.key}:
            s += W["ctx_admin1_inferred"] if p.id in inferred_admin1 else W["ctx_admin1"]
        if (
            g.shadow
            and p.feature in ("city", "PPLC")
            and (p.population < 100_000 or k == ALT)
            and not (g.country_constraint or g.admin1_constraint)
        ):
            s += W["shadowed"]
        elif (
            g.country_name
            and p.feature in ("city", "PPLC")
            and not (g.country_constraint or g.admin1_constraint)
            and not (p.admin1 and p.admin1 in ctx_admin1 and admin1_src.get(p.admin1) != {g.key})
        ):
            # a large town named like a country ("Jamaica", Queens) is that town only where the
            # article names its division: "her father is from Jamaica" in a US story is the country
            s += W["shadowed"]
        if g.country_constraint and p.country == g.country_constraint:
            s += W["constraint"]
        if g.admin1_constraint and (p.admin1 in g.admin1_constraint):
            s += W["constraint"]
        if g.prefer_division and p.feature == "admin1":
            s += W["constraint"]
        if near and p.feature in ("city", "PPLC"):
            d = min(p.distance_km(q) for q in near)
            if d < 30:
                s += W["near_30"]
            elif d < 100:
                s += W["near_100"]
            elif d < 300:
                s += W["near_300"]
        return s

    # pass 1 without proximity, pass 2 with the other names' pass-1 choices nearby
    for g in order:
        if g.cands:
            g.choice = max(g.cands, key=lambda c: score(g, c[0], c[1], None))[0]
    local = [g for g in order if g.choice is not None and g.choice.feature in ("city", "PPLC")]
    # The towns chosen so far add their countries and divisions to the context, and the names
    # are chosen again with it; twice, the second round counting the second choices instead of
    # the first ("WA" follows the Australian towns of the article once they are in Australia).
    counted: list[tuple[str, str, int | None, int]] = []

    def count_choices() -> None:
        for key, c, a1, n in counted:  # the previous round's, taken back
            ctx_country[c] -= W["ctx_pass1"] * n  # type: ignore[assignment]  # float weight
            own_ctx[key][c] -= W["ctx_pass1"] * n  # type: ignore[assignment]  # float weight
            if a1:
                ctx_admin1[a1] -= n
                if ctx_admin1[a1] <= 0:
                    del ctx_admin1[a1]
                    admin1_src.pop(a1, None)
        counted.clear()
        for g in order:
            p = g.choice
            if p is not None and p.feature in ("city", "PPLC") and p.country:
                n = len(g.mentions)
                ctx_country[p.country] += W["ctx_pass1"] * n  # type: ignore[assignment]  # float weight
                own_ctx[g.key][p.country] += W["ctx_pass1"] * n  # type: ignore[assignment]  # float weight
                if p.admin1:
                    if p.admin1 not in ctx_admin1:
                        inferred_admin1.add(p.admin1)
                    ctx_admin1[p.admin1] += n
                    admin1_src.setdefault(p.admin1, set()).add(g.key)
                counted.append((g.key, p.country, p.admin1, n))

    for _ in range(2):
        count_choices()
        top = max(ctx_country.values()) if ctx_country else 0
        top_for.clear()
        if not (len(local) > 1 or ctx_country):
            break
        prev_choices = [g.choice for g in order]
        for g in order:
            if len(g.cands) < 2:
                continue
            near = [o.choice for o in local if o is not g and o.choice is not None]  # (never None here)
            g.choice = max(g.cands, key=lambda c: score(g, c[0], c[1], near))[0]
        if [g.choice for g in order] == prev_choices:
            break

    results: dict[str, Resolution] = {}
    for g in order:
        results[g.key] = _confidence(g, ctx_country, own_ctx.get(g.key))
    # "Rockland" in a story that names "Rockland County": the county, not a small town of the
    # name elsewhere (a large town or a division keeps its own reading: "New York")
    counties = {}
    for g in order:
        cm = re.match(r"^(.*?)\s+(?:County|Parish)$", g.surface)
        if cm and results[g.key].place is not None:
            counties[normalise(cm.group(1))] = results[g.key]
    for g in order:
        short = counties.get(g.key)
        if (
            short is not None
            and not (g.country_constraint or g.admin1_constraint)
            and (g.choice is None or (g.choice.feature in ("city", "PPLC") and g.choice.population < W["nested_pop"]))
        ):
            results[g.key] = short
    # The article's focus: its most mentioned resolved city (else division). A name the
    # gazetteer lacks (a facility, a neighbourhood, a village) gets the focus's coordinates as an
    # approximation, unless the text puts it in another country.
    weight: Counter[int] = Counter()
    by_id: dict[int, Place] = {}
    for g in order:
        r = results[g.key]
        if not (r.resolved and r.place is not None and r.place.feature in ("city", "PPLC", "admin1")):
            continue
        # a small town found only inside an organisation's name ("Peel" in "Peel Regional
        # Police", "Wedding" in "Royal Wedding") says nothing of where the story is
        big = (r.place.feature == "admin1" or r.place.population >= W["nested_pop"]) and (
            not ctx_country or r.place.country == ctx_country.most_common(1)[0][0]
        )
        plain = sum(1 for m in g.mentions if m.form == "name" or big)
        if plain:
            fw = plain * (1.0 if r.place.feature != "admin1" else 0.5)
            # a town in the country the article is most about outweighs one abroad
            if ctx_country and r.place.country == ctx_country.most_common(1)[0][0]:
                fw *= 2
            weight[r.place.id] += fw  # type: ignore[assignment]  # float weight
            by_id[r.place.id] = r.place
    focus = by_id[weight.most_common(1)[0][0]] if weight else None
    _place_counties(gaz, order, results, focus, ctx_admin1)
    if focus is not None:
        for g in order:
            r = results[g.key]
            if r.place is None and (r.country in (None, focus.country)):
                results[g.key] = Resolution(focus, False, focus.country, approximate=True, borrowed=True)
    return [results[normalise(m.name)] for m in mentions]


def _place_counties(
    gaz: Gazetteer, order: list[_Group], results: dict[str, Resolution], focus: Place | None, ctx_admin1: Counter
) -> None:
    """US counties (the gazetteer knows their names and states, not their shapes): near the
    article's focus when the focus lies in a state that has such a county; else in the state the
    context names, at a town of the same name there, or at the state itself (approximate)."""
    for g in order:
        if g.cands or results[g.key].place is not None:
            continue
        m = re.match(r"^(.*?)\s+(County|Parish|Borough)$", g.surface)
        states = gaz.county_states(g.surface) if m else frozenset()
        if m is None or not states:
            continue
        if focus is not None and focus.admin1 in states:
            results[g.key] = Resolution(focus, False, "USA", approximate=True, borrowed=True)
            continue
        ranked = sorted(states, key=lambda st: (focus is None or st != focus.id, -ctx_admin1.get(st, 0)))
        if focus is not None and focus.id in states:
            ranked = [focus.id]
        if len(states) > 1 and not ctx_admin1.get(ranked[0], 0):
            results[g.key] = Resolution(None, False, "USA")
            continue
        state = ranked[0]
        towns = [p for p, k in gaz.lookup(m.group(1)) if k in (NAME, ALIAS) and p.admin1 == state]
        place = max(towns, key=lambda p: p.population) if towns else gaz.place(state)
        results[g.key] = Resolution(place, False, "USA", approximate=True)


def _confidence(g: _Group, ctx_country: Counter, own: Counter | None = None) -> Resolution:
    p = g.choice
    if p is None:
        return Resolution(None, False, g.country_constraint)

    def other(c: str) -> float:  # the country's support from the rest of the article
        return ctx_country.get(c, 0) - (own.get(c, 0) if own else 0)

    constrained = bool(g.country_constraint or g.admin1_constraint)
    if (
        not constrained
        and other(p.country or "") <= 1e-9
        and (
            (g.derived and p.feature in ("city", "PPLC", "admin1") and not _GENERIC_HEAD.match(g.surface))
            or (p.feature == "admin1" and _COMPASS.fullmatch(normalise(p.name)))
            or (p.feature == "admin1" and g.key in GENERIC)
        )
    ):
        # nothing else in the article is in that country: "St. Peter's Basilica" is not the
        # parish of Saint Peter in Antigua, "the West" not Cameroon's West region, "the Centre"
        # (India's government) not Burkina Faso's Centre region
        return Resolution(None, False, None)
    if p.feature in ("city", "PPLC") and p.population < W["stray_pop"] and not constrained:
        # a small town abroad while everything else in the article is elsewhere ("Glenrock" in a
        # story about New South Wales is the local reserve, not the town in Wyoming): the
        # gazetteer lacks the local place; the article's focus approximates it
        if other(p.country or "") <= 1e-9 and max((other(c) for c in ctx_country), default=0) >= W["stray_ctx"]:
            return Resolution(None, False, None)
    if g.country_constraint and p.country != g.country_constraint and p.feature in ("city", "PPLC", "admin1", "admin2"):
        # the text says which country; the gazetteer has no such place there
        return Resolution(None, False, g.country_constraint)
    kind = min((k for c, k in g.cands if c.id == p.id), default=ALT)
    weak = kind == ALT and p.population < 100_000 and not ctx_country.get(p.country or "", 0)
    if g.derived or weak:
        return Resolution(p, False, p.country, approximate=True)
    return Resolution(p, True, p.country)


# -- the component -------------------------------------------------------------------------------


def _dateline_region(article: Article, gaz: Gazetteer) -> str | None:
    """The state or country a dateline names after its place ("N.J." in "ALLENDALE, N.J."), as
    written, when the gazetteer knows it as one."""
    dl = article.dateline
    if dl is None or not dl.text or "," not in dl.text:
        return None
    tail = dl.text.rsplit(",", 1)[1].strip()
    if any(p.feature in ("country", "admin1") and k in (NAME, ALIAS, ABBR) for p, k in gaz.lookup(tail)):
        return tail
    return None


#: an uncleaned text's opening dateline: "MOSCOW (Reuters)", "GOMA, Congo (AP)"
_DATELINE_RE = re.compile(r"^\s*([A-Z][A-Za-z .'/-]{1,60}?)(?:,\s*([A-Z][A-Za-z .'-]{1,40}))?\s*\(")


def dateline_country(article: Article, *, named: bool = False, gaz: Gazetteer | None = None) -> str | None:
    """ISO3 of the country an article is filed from, by its dateline: the one rule the actors
    (a person with no other clue is of that country) and the places (the dateline's own toponym
    lies in it) share.

    1. the country, or the state or province, its dateline names after the place: "MOSCOW,
       Russia" -> RUS, "ALLENDALE, N.J." -> USA. With ``named`` this is the only answer, and only
       for a dateline the cleaner found (``article.dateline``);
    2. else a country it names anywhere: "SINGAPORE (Reuters)" -> SGP;
    3. else the country whose capital its first place is: "MOSCOW (Reuters)" -> RUS.

    Without a dateline the text's opening words are read as one ("MOSCOW (Reuters) - ...")."""
    places: list[str] = []
    if article.dateline is not None:
        text = article.dateline.text
        places = list(article.dateline.places)
    elif named:
        return None
    else:
        m = _DATELINE_RE.match(article.text[:120])
        text = m.group(0).rstrip("( ") if m else ""
    if not text:
        return None
    if "," in text:
        gaz = gaz or get_gazetteer()
        tail = gaz.lookup(text.rsplit(",", 1)[1].strip())
        for feature in ("country", "admin1"):
            for p, k in tail:
                if p.feature == feature and k in (NAME, ALIAS, ABBR):
                    return p.country
    if named:
        return None
    parts = [p.strip() for p in text.split(",")]
    for part in reversed(parts):
        iso = L.country_of_name(part)
        if iso:
            return iso
    for place in places or re.split(r"[/,]", parts[0]):
        iso = L.capital_country(place.strip())
        if iso:
            return iso
    return None


def find_places(article: Article, doc: Any) -> None:
    """Fill ``article.places`` from the entities, the dateline and the gazetteer."""
    if not article.text and not article.dateline:
        return
    gaz = get_gazetteer()
    text = article.text
    mentions = toponym_mentions(article, doc, gaz)
    dl_country = dateline_country(article, named=True, gaz=gaz)
    dl_names = list(article.dateline.places) if article.dateline else []
    region = _dateline_region(article, gaz)
    if region and normalise(region) not in {normalise(n) for n in dl_names}:
        dl_names.append(region)
    orphans: list[Mention] = []
    for name in dl_names:
        key = normalise(name)
        hit = next((m for m in mentions if normalise(m.text) == key), None)
        if hit is not None:
            for m in mentions:
                if normalise(m.text) == key:
                    m.dateline = True
            continue
        found = re.search(r"\b" + re.escape(name) + r"\b", text, re.I)
        if found and _written_as_name(found.group(0)):  # (not "nice" for a NICE dateline)
            mentions.append(
                Mention(text[found.start() : found.end()], found.start(), found.end(), "GPE", dateline=True)
            )
        else:
            orphans.append(Mention(name, 0, 0, "GPE", dateline=True))
    mentions.sort(key=lambda m: m.start)
    demonym_spans = {(m.start, m.end) for m in mentions if m.form == "demonym"}
    named_alone = {normalise(m.name) for m in mentions if m.form != "nested"}
    context_words = _context_words(article, doc, demonym_spans)
    allm = mentions + orphans
    res = resolve_mentions(text, allm, gaz=gaz, context_words=context_words, dateline_country=dl_country)
    res = _place_at_parents(text, allm, res, gaz)
    places: list[PlaceRecord] = []
    for m, r in zip(allm, res):
        p = r.place
        if m.form == "nested" and not _keep_nested(r, normalise(m.name) in named_alone):
            continue
        if m.form == "nested" and p is not None and _abbreviation_only(m.text, p, gaz):
            continue  # "Al Jazeera", "Al Arabiya": a word of a name that shares a postal code's letters
        if m.form == "nested" and m.within is not None and _wholly(m.text, m.within):
            # the model's "organisation" or "product" is the place's bare name ("Quetta", "gunmen
            # in Jaffna", "in Goma Thursday"): a place named, not a place inside a name
            m.form, m.within = "name", None
        if p is not None and r.borrowed:
            rec = PlaceRecord(
                text=m.text,
                start=m.start,
                end=m.end,
                name=None,
                geonameid=None,
                lat=round(p.lat, 5),
                lon=round(p.lon, 5),
                country=r.country,
                feature="approximate",
                resolved=False,
            )
            rec.near = p.name  # type: ignore[attr-defined]
        else:
            rec = PlaceRecord(
                text=m.text,
                start=m.start,
                end=m.end,
                name=p.name if p else None,
                geonameid=p.geonameid if p else None,
                lat=round(p.lat, 5) if p else None,
                lon=round(p.lon, 5) if p else None,
                country=r.country,
                feature=p.feature if p else None,
                resolved=r.resolved,
            )
        rec.precision = precision_of(p)
        if m.dateline:
            rec.dateline = True  # type: ignore[attr-defined]
        if m.form != "name":
            rec.form = m.form  # type: ignore[attr-defined]
        if m.within:
            rec.within = m.within  # type: ignore[attr-defined]
        places.append(rec)
    places.sort(key=lambda p: (p.start, p.end))
    article.places = places


# "Jobar, a neighbourhood in eastern Damascus", "the al-Tijara neighbourhood of Damascus", "Bakwa
# village near Goma": what lies between a small place and the larger one it sits in
_PARENT_GAP = re.compile(
    r"^\s*,?\s*(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:neighbou?rhoods?|district|suburb|quarter|"
    r"village|hamlet|town|township|area|camp|settlement|locality|community|municipality|enclave|"
    r"estate|borough|ward)\s*,?\s+(?:in|of|near|outside|close\s+to|just\s+outside|on\s+the\s+outskirts\s+of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?(?:(?:central|northern|southern|eastern|"
    r"western|north-?eastern|north-?western|south-?eastern|south-?western|greater|old|downtown|rural)\s+)?$"
)


# "Crossroads Correctional Center in Shelby", "the Palais des Nations in Geneva", "2700 North
# Fourth Street in Red Oak": a name the gazetteer lacks, then the town it is in
_IN_GAP = re.compile(
    r"^,?\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:(?:central|northern|southern|eastern|western|downtown)\s+)?$"
)


# "the Shorja market in central Baghdad", "Tahrir Square in Cairo": the name of a site (a market,
# a square, a mosque ...) with the place it lies in; the name is the site's, never a town's
_SITE_GAP = re.compile(
    r"^\s*(?:(?:[a-z][\w-]*|[A-Z][a-z]+)\s+)?(?:market|bazaar|souk|square|mosque|church|cathedral|temple|shrine|"
    r"hospital|camp|refugee\s+camp|neighbou?rhood|prison|jail|stadium|university|school|"
    r"checkpoint|bridge|street|road|avenue|airport|airbase|air\s+base|base)s?\s*,?\s+(?:in|of|near|outside)\s+"
    r"(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|downtown|old)\s+)?$"
)


# "Tal Tamr, northern Syria": a name, then the part of a country or province it lies in
_PART_GAP = re.compile(r"^,\s+(?:(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)|central)\s+$")


# "Baghdad's al-Jadida district", "Kabul's Shorja market": a larger place's possessive, then a
# name, then the place noun or site it names (``_place_at_parents``, the parent named first)
_POSSESSOR_GAP = re.compile(r"^['’]s?\s+$")
_PART_AFTER = re.compile(
    r"\s+(?:neighbou?rhood|district|suburb|quarter|village|hamlet|town|township|area|camp|settlement|"
    r"locality|community|municipality|enclave|estate|borough|ward|province|governorate|region|county|"
    r"prefecture|market|bazaar|souk|square|mosque|church|shrine|hospital|refugee\s+camp|prison|stadium|"
    r"university|checkpoint|bridge|street|road|avenue)s?\b"
)
# "Iraq's Anbar province": the noun names a division, which no town elsewhere can be
_DIVISION_AFTER = re.compile(r"\s+(?:district|province|governorate|region|county|prefecture)s?\b")


def _possessor_overrides(text: str, small: Mention, r: Place, parent: Place) -> bool:
    """A parent named as a possessive ("Baghdad's", "Iraq's") moves a place the gazetteer resolved
    elsewhere into the parent's country only where that resolution is a populated place or a site
    (never a country, a territory, a region or a division: "Israel's West Bank", "Russia's Crimea",
    "Morocco's Western Sahara" say who holds a place, not where it is). A country's possessive
    tells who holds or runs a place ("America's Guantanamo Bay prison"), so it moves only a town
    that the text calls a division ("Iraq's Anbar province" is no town of Turkey); the possessive
    of a city or a division is where the place lies."""
    if r.feature not in ("city", "PPLC", "airport"):
        return False
    return parent.feature != "country" or bool(_DIVISION_AFTER.match(text, small.end))


def _place_at_parents(
    text: str, mentions: list[Mention], res: list[Resolution], gaz: Gazetteer | None = None
) -> list[Resolution]:
    """A small place the gazetteer cannot place, named with the larger place it lies in, is
    placed at that parent (approximately, with the parent's precision): "Jobar, a neighbourhood
    in eastern Damascus" is at Damascus, whatever the article's focus. A site's name resolved to a
    namesake in another country than the place the site lies in ("the Shorja market in central
    Baghdad": no town of Armenia; "X, northern Syria" too) takes the namesake in the parent's
    country, else the parent. So too a district, a neighbourhood or a site named after its
    parent's possessive ("Baghdad's al-Jadida district": no town of Morocco)."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out = list(res)
    for x, y in zip(order, order[1:]):
        a, b = x, y  # a: the small place, b: its parent
        gap = text[mentions[x].end : mentions[y].start]
        possessor = bool(_POSSESSOR_GAP.match(gap) and _PART_AFTER.match(text, mentions[y].end))
        if possessor:
            a, b = y, x
        m = mentions[a]
        r, parent = res[a], res[b]
        if m.end <= m.start or parent.place is None or parent.borrowed or mentions[y].start - mentions[x].end > 90:
            continue
        if possessor and parent.place.feature not in ("country", "admin1", "admin2", "city", "PPLC"):
            continue
        if r.place is not None and not r.borrowed:
            if possessor and not _possessor_overrides(text, m, r.place, parent.place):
                continue
            if (
                r.place.country != parent.place.country
                and parent.place.country is not None
                and parent.place.feature in ("country", "admin1", "admin2", "city", "PPLC")
                and (possessor or _SITE_GAP.match(gap) or _PART_GAP.match(gap))
            ):
                local = [p for p, _ in (gaz.lookup(m.text) if gaz else []) if p.country == parent.place.country]
                if local:
                    out[a] = Resolution(local[0], True, local[0].country)
                else:
                    out[a] = Resolution(parent.place, False, parent.place.country, approximate=True, borrowed=True)
            continue
        if (
            possessor
            or _PARENT_GAP.match(gap)
            or (_IN_GAP.match(gap) and parent.place.feature in ("city", "PPLC", "admin1", "admin2", "airport"))
            or (_PART_GAP.match(gap) and parent.place.feature in ("country", "admin1", "admin2"))
        ):
            out[a] = Resolution(parent.place, False, parent.place.country, approximate=True, borrowed=True)
    return out


def precision_of(place: Place | None) -> Literal["point", "city", "division", "country", "region"] | None:
    """How fine a place's coordinates are: point (an airport), city, division, country or
    region (a continent, a union, a sea, a multi-country region)."""
    if place is None:
        return None
    f = place.feature
    if f == "airport":
        return "point"
    if f in ("city", "PPLC"):
        return "city"
    if f in ("admin1", "admin2"):
        return "division"
    if f == "country":
        return "country"
    return "region"


#: words a model may glue to a place's name in one entity ("Goma Thursday", "Sogam last September";
#: not May nor March, which end place names: "Cape May")
_DATE_TAIL = re.compile(
    r"(?:\s+(?:last|this|next|on|early|late|mid))?\s+(?:"
    + "|".join(
        w.capitalize()
        for kind in ("weekdays", "months")
        for w in (names[0] for names in calendar_words()[kind])
        if w not in ("may", "march")
    )
    + r")\W*$"
)


def _wholly(name: str, entity: str) -> bool:
    """The entity a nested toponym was found in is the toponym's name alone, or it and a day or
    month ("Goma Thursday")."""
    return normalise(_DATE_TAIL.sub("", entity)) == normalise(name)


def _abbreviation_only(text: str, place: Place, gaz: Gazetteer) -> bool:
    """The name inside another name reads as ``place`` only through an abbreviation, though it is not
    written as one (in capitals or with a full stop): the "Al" of "Al Jazeera" is no Alabama ("AL")."""
    letters = text.replace(".", "").replace(" ", "")
    if letters.isupper() or "." in text:
        return False
    kinds = {k for p, k in gaz.lookup(text) if p.geonameid == place.geonameid}
    return kinds == {ABBR}


def _keep_nested(r: Resolution, named_alone: bool) -> bool:
    """A toponym found inside an organisation's name is kept only when the gazetteer places it
    with some confidence: a country, division or region, a town the article also names on its
    own, or a large town (a surname or a word inside "Morgan Stanley", "Supreme Court" or
    "Ford Motor" is no place, though some small town bears it)."""
    p = r.place
    if p is None or r.borrowed or p.feature == "airport":
        return False
    if p.feature not in ("city", "PPLC"):
        return True
    return (r.resolved and named_alone) or p.population >= W["nested_pop"]


def _context_words(article: Article, doc: Any, skip: AbstractSet[tuple[int, int]] = frozenset()) -> list[str]:
    """Words that indicate countries (NORP entities), less those already taken as places."""
    if article.entities:
        return [e.text for e in article.entities if e.label == "NORP" and (e.start, e.end) not in skip]
    if doc is None:
        return []
    return [e.text for e in doc.ents if e.label_ == "NORP" and (e.start_char, e.end_char) not in skip]
