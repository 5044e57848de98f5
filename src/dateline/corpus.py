"""Events across articles: the same event reported by several stories becomes one corpus event.

An article's event (``Article.events[i]``, an *event mention*) is keyed by what identifies a
real-world event: its PLOVER ``type``, its participants (actors and recipients), its ``date``,
its place and its ``modality`` (a denied or planned event is not the event itself). Participants
are keyed by what is comparable across articles: a country actor by its ISO3 code, any other
actor by its case-folded name; places by GeoNames id, else by case-folded name. Mentions with
the same key share one corpus event (table ``events``), whose id is a hash of the key.

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


def participant_key(actor: Named | None, actor_id: str) -> str:
    if actor is None:
        return f"?{actor_id}"
    if actor.kind == "country" and actor.country:
        return f"country:{actor.country}"
    return _fold(actor.name)


def place_key(event: Event) -> str | None:
    if event.place is None:
        return None
    if event.place.geonameid is not None:
        return f"geonames:{event.place.geonameid}"
    if event.place.name:
        return _fold(event.place.name)
    return None


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
