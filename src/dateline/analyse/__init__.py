"""Analyse stage: entities and actors, quotes with speakers, places and times, then events.

Each component is a function ``component(article, doc) -> None`` that fills its own fields of
the Article from the spaCy ``doc`` of ``article.text`` (so token offsets are Article offsets).
Order matters: actors first (quotes need speakers, events need participants), places and times
before events.
"""

from __future__ import annotations

from typing import Any, Callable

from ..article import Article

Component = Callable[[Article, Any], None]


def components() -> list[Component]:
    comps: list[Component] = []
    for modname, funcname in (
        ("actors", "find_actors"),
        ("quotes", "find_quotes"),
        ("places", "find_places"),
        ("times", "find_times"),
    ):
        comps.append(_import(modname, funcname))
    comps.append(_import_events())
    return [c for c in comps if c is not None]


def _import(modname: str, funcname: str) -> Component | None:
    import importlib

    try:
        module = importlib.import_module(f"{__name__}.{modname}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{modname}":
            return None
        raise
    return getattr(module, funcname)


def _import_events() -> Component | None:
    import importlib

    try:
        module = importlib.import_module("dateline.events")
    except ModuleNotFoundError as exc:
        if exc.name == "dateline.events":
            return None
        raise
    return module.code_events


_COMPONENTS: list[Component] | None = None


def analyse_docs(article: Article, doc: Any) -> Article:
    """Run every analysis component on one article and its parsed doc."""
    global _COMPONENTS
    if _COMPONENTS is None:
        _COMPONENTS = components()
    for component in _COMPONENTS:
        component(article, doc)
    return article
