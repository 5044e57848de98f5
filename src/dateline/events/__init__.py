"""Event coding: PLOVER events with actors, recipients, place, date and modality.

``code_events(article, doc)`` is the last analysis component: it reads the actors, places and
times the earlier components left on the Article and the spaCy ``doc`` of ``article.text``, and
fills ``article.events``. See ``docs/events.md`` and ``dateline.events.coder`` (which names the module of each job).
"""

from __future__ import annotations

from typing import Any

from ..article import Article, Event
from .coder import code_doc, event_id
from .lexicon import PLOVER_TYPES

__all__ = ["code_events", "PLOVER_TYPES"]


def code_events(article: Article, doc: Any) -> None:
    """Fill ``article.events`` from the parse and the earlier components' output."""
    raw = code_doc(article, doc)
    events = []
    for n, coded in enumerate(raw):
        record = dict(coded.record)
        if record.get("recipients"):
            record["target"] = None  # a merged or accused recipient names whom it is done to
        record["id"] = event_id(article.id or Article.make_id(article.text), record, n)
        events.append(Event.model_validate(record))
    article.events = events
