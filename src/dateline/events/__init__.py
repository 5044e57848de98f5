"""Event coding: PLOVER events with actors, recipients, place, date and modality.

``code_events(article, doc)`` is the last analysis component: it reads the actors, places and
times the earlier components left on the Article and the spaCy ``doc`` of ``article.text``, and
fills ``article.events``. See ``docs/events.md`` and ``dateline.events.coder`` (which names the module of each job).
"""

from __future__ import annotations

from typing import Any

from ..article import Actor, Article, Event, Span
from .coder import code_doc, event_id
from .lexicon import PLOVER_TYPES
from .parse import Coded

__all__ = ["code_events", "PLOVER_TYPES"]


def code_events(article: Article, doc: Any) -> None:
    """Fill ``article.events`` from the parse and the earlier components' output."""
    raw = code_doc(article, doc)
    _recipient_actors(article, raw)
    events = []
    article_id = (article.id or Article.make_id(article.text)) if raw else ""  # (hashes the whole text)
    for n, coded in enumerate(raw):
        record = dict(coded.record)
        place = coded.place_recipient or coded.group_recipient
        if record.get("recipients") and not (place and record["recipients"][:1] == [place["actor"]]):
            record["target"] = None  # a merged or accused recipient names whom it is done to
        record["id"] = event_id(article_id, record, n)
        events.append(Event.model_validate(record))
    article.events = events


def _recipient_actors(article: Article, raw: list[Coded]) -> None:
    """The actors that the coder's place and group recipients name. The places events are done in
    that are their recipients (``place_recipient``:
    "imposed a curfew in Lahore"): the place's words become a mention of its country's actor,
    which is added when the analysis found none ("Pakistan", kind country); target words that name
    people (``group_recipient``) become a group actor ("issued an ultimatum to her colleagues"). A recipient id that
    names no actor is dropped."""
    from ..analyse.actors import country_name, new_actor_id

    by_id = {a.id: a for a in article.actors}
    spans: dict[str, list[tuple[int, int]]] = {}
    groups: dict[str, dict] = {}  # new group actors, by id
    by_words: dict[tuple[int, int], str] = {}
    for coded in raw:
        group = coded.group_recipient
        if group:
            # target words that name people ("her Nationals colleagues", ``roles.agentive_target``):
            # a group actor of their own, one for the same words; its id replaces the provisional one
            words = (group["start"], group["end"])
            if words not in by_words:
                by_words[words] = new_actor_id(group["name"], set(by_id) | set(groups))
                groups[by_words[words]] = group
            aid = by_words[words]
            coded.record["recipients"] = [aid if r == group["actor"] else r for r in coded.record["recipients"]]
            coded.group_recipient = {**group, "actor": aid}
        for pr in (coded.place_recipient, coded.group_recipient):
            if pr:
                spans.setdefault(pr["actor"], []).append((pr["start"], pr["end"]))
    for aid, found in spans.items():
        actor = by_id.get(aid)
        if actor is None and aid in groups:
            # generic, as the actors stage's unnamed agents: known in its own article only (the
            # store never takes two articles' "parents" for one actor)
            actor = Actor(
                id=aid, name=groups[aid]["name"], kind=groups[aid]["kind"], generic="people", country_source=None
            )
            article.actors.append(actor)
            by_id[aid] = actor
        elif actor is None:
            actor = Actor(id=aid, name=country_name(aid), kind="country", country=aid)
            article.actors.append(actor)
            by_id[aid] = actor
        for start, end in found:
            if not any(m.start < end and start < m.end for m in actor.mentions):
                actor.mentions.append(Span(start=start, end=end))
        actor.mentions.sort(key=lambda m: m.start)
    for record in (coded.record for coded in raw):
        if record.get("recipients"):
            record["recipients"] = [r for r in record["recipients"] if r in by_id]
