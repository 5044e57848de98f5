"""Analyse stage: entities and actors, quotes with speakers, places and times, then events.

Each component is a function ``component(article, doc) -> None`` that fills its own fields of
the Article from the spaCy ``doc`` of ``article.text`` (so token offsets are Article offsets).
Order matters: actors first (quotes need speakers, events need participants), places and times
before events.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..article import Article

Component = Callable[[Article, Any], None]


def components() -> list[Component]:
    """The analysis components in the order they run."""
    from ..events import code_events
    from .actors import find_actors
    from .places import find_places
    from .quotes import find_quotes
    from .times import find_times

    return [find_actors, find_quotes, find_places, find_times, code_events]


_COMPONENTS: list[Component] | None = None


def analyse_docs(article: Article, doc: Any) -> Article:
    """Run every analysis component on one article and its parsed doc."""
    global _COMPONENTS
    if _COMPONENTS is None:
        _COMPONENTS = components()
    for component in _COMPONENTS:
        component(article, doc)
    return article
