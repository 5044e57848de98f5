"""Actors and events across articles: one actor key for one actor, one corpus event for the
mentions of one real-world event.

**Actor keys** (``actor_key``): what the store compares across articles. A country is its ISO3
code (``country:RUS``); a person the first and last words of the name, case and accents folded,
without the honorifics before it, initials, middle names or generational suffixes
(``person:donald trump`` for "Donald J. Trump", "Mr. Donald Trump"; ``person:john smith`` for
"John Smith Jr."; ``person:martin king`` for "Martin Luther King Jr."); a bare surname that names a
world leader of the lexicon is that leader
("Trump", "Putin"; other bare surnames the store resolves against the full names it holds); an
organisation or group its folded name with initialisms closed up ("U.N." and "UN" are ``un``);
a generic actor (an agent noun without a name: "Malian soldiers", "Malian troops") its sector and
country (``generic:MIL:MLI``), and without a country it is its article's alone.

**Corpus events**: an article's event (``Article.events[i]``, an *event mention*) joins a corpus
event (table ``events``) only when it is the same event (``compatible``): the same PLOVER
``type`` and ``modality`` (a denied or planned event is not the event itself), at least one
shared participant (actor or recipient, by actor key), and compatible dates and places (the
same or one within the other; a day apart when either date is the publication date, not the
text's). A mention without participants stays its own event, unless its article is a copy in
the same story of an article that reports it. ``store.write`` finds the candidates through the
participants index; a new corpus event's id is a hash of its first mention.

Counts kept on each corpus event: ``n_mentions`` (mention rows), ``n_articles`` (distinct
articles), ``n_stories`` (distinct stories: syndicated copies of one story count once) and
``n_sources`` (distinct independent sources: the originator, i.e. wire agency else publisher,
of each story; two stories from one agency count once).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any, Protocol

from .article import Article, Event

#: words that are no part of a person's name for comparison across articles, before the name only
#: ("Erik Prince", "Larry King": a surname; store revision 0010)
_NAME_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady sen rep gov gen col lt capt sgt rev st president
prime minister king queen prince princess sheikh emir ayatollah pope""".split()
)
_NAME_PARTICLES = frozenset("al el bin ibn ben da de del van von der le la".split())
#: generational suffixes: "John Smith Jr." is john smith, not john jr (store revision 0009)
_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(name.replace("’", "'").split())


def name_words(name: str) -> list[str]:
    """The words of a name as the store indexes them for participant search: case-folded, accents
    dropped, split at anything that is not a letter or digit ("Kim Jong-un" -> kim, jong, un;
    "Erdoğan" -> erdogan)."""
    return re.findall(r"\w+", fold_accents(name))


def fold_accents(text: str) -> str:
    """``text`` case-folded, without accents (NFKD, combining marks dropped)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """A name's words joined by single spaces: the key participant search matches on."""
    return " ".join(name_words(name))


class Named(Protocol):
    """What a participant key reads of an actor (an ``Actor``, or a stored actor row)."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def country(self) -> str | None: ...


def person_words(name: str) -> list[str]:
    """The words that identify a person across articles: folded, without titles, initials,
    particles, middle names and generational suffixes ("Mr. Donald J. Trump" -> donald, trump;
    "John Smith Jr." -> john, smith). A title is a word before the name only: "Martin Luther
    King Jr." is martin king, "Erik Prince" erik prince (store revision 0010)."""
    words = name_words(name)
    lead = 0
    while lead < len(words) and words[lead] in _NAME_TITLES:
        lead += 1
    words = words[lead:]
    words = [w for w in words if w not in _NAME_SUFFIXES] or words
    words = [w for w in words if len(w) > 1 and w not in _NAME_PARTICLES] or words
    if len(words) > 2:
        words = [words[0], words[-1]]
    return words


def _closed_initials(words: list[str]) -> list[str]:
    """ "u n" -> "un", "u s army" -> "us army": single letters run together are one word."""
    out: list[str] = []
    run = ""
    for w in words:
        if len(w) == 1 and w.isalpha():
            run += w
            continue
        if run:
            out.append(run)
            run = ""
        out.append(w)
    if run:
        out.append(run)
    return out


def actor_key(actor: Named | Any, article_id: str = "") -> str:
    """The store's key of an actor (see the module docstring); ``actor`` may be any object with
    ``name``, ``kind``, ``country`` and optionally ``sector``, ``generic`` and ``id``. A generic
    actor of unknown country is known only in its own article (``article_id``): two articles'
    "police" are not known to be one police."""
    kind = getattr(actor, "kind", None)
    country = getattr(actor, "country", None)
    if kind == "country" and country:
        return f"country:{country}"
    if getattr(actor, "generic", None):
        sector = getattr(actor, "sector", None) or "-"
        if country:
            return f"generic:{sector}:{country}"
        return f"generic:{sector}:?:{article_id}:{getattr(actor, 'id', '')}"
    if kind == "person":
        words = person_words(actor.name)
        if len(words) == 1:
            full = _leader_full_name(words[0])
            if full:
                words = person_words(full)
        return "person:" + " ".join(words)
    words = name_words(actor.name)
    if words and words[0] == "the":
        words = words[1:]
    return f"{kind or 'actor'}:" + " ".join(_closed_initials(words))


def _leader_full_name(surname: str) -> str | None:
    from .analyse import lexicon as L

    return L.leader_full_name(surname)


def participant_key(actor: Named | None, actor_id: str) -> str:
    """The key a corpus event lists a participant under (its actor key)."""
    if actor is None:
        return f"?{actor_id}"
    return actor_key(actor)


def place_key(event: Event) -> str | None:
    if event.place is None:
        return None
    if event.place.geonameid is not None:
        return f"geonames:{event.place.geonameid}"
    if event.place.name:
        return _fold(event.place.name)
    return None


def dates_compatible(a: str | None, b: str | None, loose: bool) -> bool:
    """The same date, or one within the other ("2019-04" and "2019-04-25"); with ``loose``
    (either date is only the publication date) also a day apart."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    if loose and len(a) == len(b) == 10:
        from datetime import date

        try:
            return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
        except ValueError:
            return False
    return False


def places_compatible(a: dict | None, b: dict | None, km: float = 50.0) -> bool:
    """No place on either side, the same place, one inside the other's country when that one is
    the country itself, or two points within ``km`` of each other."""
    if not a or not b:
        return True
    ga, gb = a.get("geonameid"), b.get("geonameid")
    if ga is not None and ga == gb:
        return True
    na, nb = _fold(a.get("name") or ""), _fold(b.get("name") or "")
    if na and na == nb:
        return True
    for x, y in ((a, b), (b, a)):
        if _is_country(x) and x.get("country") and x.get("country") == y.get("country"):
            return True
    if None not in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        from .gazetteer import haversine_km

        return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= km
    return False


def _is_country(place: dict) -> bool:
    from .analyse import lexicon as L

    return bool(place.get("country")) and L.country_of_name(place.get("name") or "") == place.get("country")


def mention_id(article_id: str, local_id: str) -> str:
    """The id of a corpus event first reported by this mention."""
    return hashlib.sha256(f"{article_id}|{local_id}".encode()).hexdigest()[:20]


def event_key(article: Article, event: Event) -> dict[str, Any]:
    by_id = {a.id: a for a in article.actors}
    return {
        "type": event.type,
        "actors": sorted({participant_key(by_id.get(a), a) for a in event.actors}),
        "recipients": sorted({participant_key(by_id.get(a), a) for a in event.recipients}),
        "date": event.date,
        "place": place_key(event),
        "modality": event.modality,
    }


def event_id(key: dict[str, Any]) -> str:
    blob = json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:20]
