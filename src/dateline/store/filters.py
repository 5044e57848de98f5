"""What each filter on the corpus events means, as SQL on the store's tables, written once: the
query layer (``dateline.query``, and through it the CLI, the API and the web page) and
``Store.events`` build their conditions here. Filter values come checked (``query.check_*``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

import sqlalchemy as sa

from ..corpus import fold_accents, name_words
from ..errors import UsageError
from . import fts
from . import schema as S
from .dates import date_conditions

__all__ = ["EventFilters", "check_names", "country_iso3", "event_conditions", "name_keys_matching", "name_matches"]

_ISO3_RE = re.compile(r"^[A-Z]{3}$")


def country_iso3(value: str) -> str | None:
    """``value`` as an ISO 3166-1 alpha-3 code when it is one (upper case, known to pycountry)."""
    v = value.strip()
    if not _ISO3_RE.match(v):
        return None
    import pycountry

    return v if pycountry.countries.get(alpha_3=v) is not None else None


def _name_terms(name: str) -> list[tuple[str, bool]]:
    """The words of a name query as ``(word, is_prefix)``: folded as
    :func:`dateline.corpus.name_words` folds names; ``word*`` is a prefix. UsageError without one."""
    terms = sorted({(w, star == "*") for w, star in re.findall(r"(\w+)(\*?)", fold_accents(name or ""))})
    if not terms:
        raise UsageError("actor: give a name (e.g. 'Kim Jong Un', 'zelensk*') or an ISO3 country code (e.g. PRK)")
    return terms


def name_matches(name: str, actor_name: str) -> bool:
    """Whether ``actor_name`` has every word of the query ``name`` (the rule of :func:`name_keys_matching`)."""
    words = name_words(actor_name)
    return all(any(w.startswith(t) for w in words) if prefix else t in words for t, prefix in _name_terms(name))


def name_keys_matching(name: str) -> sa.Select[Any] | sa.CompoundSelect[Any]:
    """A SELECT of the actor name keys that hold every word of ``name`` (words as
    :func:`dateline.corpus.name_words` splits them); a word ending in ``*`` is a prefix
    (``zelensk*``). Each word is an index lookup in ``name_words``. UsageError without a word."""
    w = S.name_words
    selects = []
    for word, prefix in _name_terms(name):
        # a prefix is a range of the (binary-collated) word column: [word, word with its last
        # character incremented)
        cond = sa.and_(w.c.word >= word, w.c.word < word[:-1] + chr(ord(word[-1]) + 1)) if prefix else w.c.word == word
        selects.append(sa.select(w.c.name_key).where(cond))
    return selects[0] if len(selects) == 1 else sa.intersect(*selects)


def _participant_filter(actor: str) -> sa.ColumnElement[bool]:
    """A condition on ``events`` selecting events with a matching participant (an index lookup in
    ``event_participants``, by country or by the name keys holding every word of the name)."""
    e, p = S.events, S.event_participants
    iso3 = country_iso3(actor)
    cond = p.c.country == iso3 if iso3 else p.c.name_key.in_(name_keys_matching(actor))
    return e.c.id.in_(sa.select(p.c.event_id).where(cond))


class EventFilters(TypedDict, total=False):
    """The filters on corpus events, by name (the keyword arguments of ``query.events`` and
    ``Store.events``): each one given narrows the list, and all must hold. ``quad`` is the PLOVER
    quad class (1-4), ``min_sources`` the fewest independent sources, ``ids`` corpus event ids."""

    actor: str | None
    type: str | None
    modality: str | None
    since: str | None
    until: str | None
    country: str | None
    text: str | None
    article_id: str | None
    quad: int | None
    min_sources: int | None
    ids: Iterable[str] | None


def check_names(func: str, filters: Mapping[str, Any]) -> None:
    """TypeError, as Python says it, for a keyword that is not a filter of :class:`EventFilters`."""
    for name in filters:
        if name not in EventFilters.__annotations__:
            raise TypeError(f"{func}() got an unexpected keyword argument {name!r}")


def event_conditions(filters: EventFilters, dialect: str | None = None) -> list:
    """SQLAlchemy conditions on ``events`` for ``filters`` (already checked); the web page builds
    its own queries on them. ``dialect``: the store's (each backend has its own word index of the
    evidence sentences)."""
    e, m = S.events, S.event_mentions
    conds: list[Any] = []
    if (ids := filters.get("ids")) is not None:
        conds.append(e.c.id.in_(sorted(set(ids))))
    if quad := filters.get("quad"):
        conds.append(e.c.quad == quad)
    if min_sources := filters.get("min_sources"):
        conds.append(e.c.n_sources >= min_sources)
    if actor := filters.get("actor"):
        conds.append(_participant_filter(actor))
    if type := filters.get("type"):
        conds.append(e.c.type == type)
    if modality := filters.get("modality"):
        conds.append(e.c.modality == modality)
    since, until = filters.get("since"), filters.get("until")
    conds.extend(date_conditions(e.c.date, since, until))
    if since or until:
        # Implied by the range, but said in the words of the list order's indexes, whose first
        # column is (date IS NULL): the range is then read from them, not gathered and sorted.
        conds.append(e.c.date.is_(None) == sa.false())
    if country := filters.get("country"):
        conds.append(e.c.country == country)
    if text := filters.get("text"):
        # Words as search makes them (case and accents folded), looked up in the index of the
        # evidence sentences' words: every word must be a word of the sentence.
        words = list(dict.fromkeys(fts.words(text)))
        if not words:
            raise UsageError("text: give at least one word")
        conds.append(e.c.id.in_(fts.mentions_with_words(dialect or "sqlite", words)))
    if article_id := filters.get("article_id"):
        conds.append(e.c.id.in_(sa.select(m.c.event_id).where(m.c.article_id == article_id)))
    return conds
