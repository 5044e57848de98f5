"""Query a store from Python: events, actors, full-text search and single articles.

The same queries back the ``dateline events|actors|search|show`` commands and the REST API.

>>> from dateline import query
>>> rows = query.events(db="sqlite:///news.db", actor="Kim Jong Un", type="CONSULT")
>>> rows[0]["place"]["name"], rows[0]["evidence"]["text"]
>>> query.events(db="news.db", near="Vladivostok", radius_km=500, since="2019-04").to_pandas()
>>> query.search("nuclear talks", db="news.db")[0]["snippet"]
>>> query.show("3f2a...", db="news.db").headline

Every function takes ``db``: a URL (``sqlite:///FILE``, a bare file path, ``postgresql://...``),
an open :class:`~dateline.store.Store`, or None (``$DATELINE_DB`` or ``sqlite:///dateline.db``).
Results are :class:`Records`: a list of plain dicts with ``.to_pandas()`` (alias
``.as_dataframe()``) when pandas is installed, and ``.total`` (rows matching before paging).

Filters (all optional, combined with AND):

- ``actor``: an ISO3 country code (``"PRK"``: events with a participant of that country,
  the country itself or a person/organisation attributed to it) or a name: events with a
  participant whose name has every word of it, in any case, with or without accents and
  hyphens (``"Kim Jong Un"`` matches "Kim Jong-un", ``"putin"`` "Vladimir Putin"); a word
  ending in ``*`` is a prefix (``"zelensk*"`` matches Zelensky, Zelenskiy and Zelenskyy, while
  ``"Kim"`` never matches Kimberly). Actors and recipients both count as participants.
- ``type`` (PLOVER type, e.g. ``CONSULT``), ``modality`` (asserted, future, historical,
  hypothetical, negated), ``country`` (ISO3 of the event's place).
- ``since``/``until``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive (``until="2019-04"``
  includes 30 April).
- ``near`` + ``radius_km``: a place name resolved with the gazetteer (or ``"LAT,LON"``); events
  whose place lies within the great-circle distance (a bounding box in SQL, then the exact
  haversine distance), each with ``distance_km``. Default radius 100 km.
- ``text``: words that must all occur (case-insensitive) in the sentence reporting the event.

Corpus events are the store's merged events (one per real-world event however many articles
report it); each record carries its first report's evidence sentence and display names.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Unpack

import sqlalchemy as sa

from .article import ACTOR_KINDS, MODALITIES, PLOVER_TYPES, Article
from .errors import UsageError
from .gazetteer import EARTH_RADIUS_KM, haversine_km
from .store import Store, fts
from .store import schema as S
from .store.dates import check_date
from .store.filters import EventFilters, check_names, country_iso3, event_conditions, name_keys_matching

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_RADIUS_KM = 100.0
MAX_LIMIT = 10_000

_LATLON_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


class Records(list):
    """A list of dict records, with ``total`` (matches before paging) and a pandas view."""

    total: int | None = None

    def __init__(self, rows: Iterable[dict[str, Any]] = (), total: int | None = None) -> None:
        super().__init__(rows)
        self.total = total

    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame of the records (nested values stay Python objects)."""
        try:
            import pandas as pd
        except ModuleNotFoundError as exc:  # pragma: no cover - pandas is an optional extra
            raise UsageError("pandas is not installed; run `pip install 'dateline[pandas]'`") from exc
        return pd.DataFrame.from_records(list(self))

    as_dataframe = to_pandas


# -- opening --------------------------------------------------------------------------------------
_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def open_store(db: str | Store | None = None) -> Store:
    """A Store for ``db``; URLs are opened once per process and kept (notebook use)."""
    if isinstance(db, Store):
        return db
    from .store.db import normalise_url

    url = normalise_url(db)
    with _stores_lock:
        store = _stores.get(url)
        if store is None:
            store = _stores[url] = Store.open(url)
    return store


# -- validation -----------------------------------------------------------------------------------
def _one_of(value: str | None, choices: Sequence[str], what: str, use: str, *, upper: bool) -> str | None:
    """``value`` in the case the enum writes it, None when empty; anything else is a UsageError
    that lists the choices."""
    if not value:
        return None
    v = value.strip().upper() if upper else value.strip().lower()
    if v not in choices:
        raise UsageError(f"unknown {what} {value!r}; use {use}: {', '.join(choices)}")
    return v


def check_type(value: str | None) -> str | None:
    return _one_of(value, PLOVER_TYPES, "event type", "a PLOVER type", upper=True)


def check_modality(value: str | None) -> str | None:
    return _one_of(value, MODALITIES, "modality", "one of", upper=False)


def _whole_number(value: str | int | None, wrong: str) -> int | None:
    """An optional whole number: None when empty; a UsageError ``wrong`` when it is none."""
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise UsageError(f"{wrong}, not {value!r}") from None


def check_quad(value: str | int | None) -> int | None:
    q = _whole_number(value, "quad must be 1, 2, 3 or 4 (PLOVER quad class)")
    if q is not None and q not in (1, 2, 3, 4):
        raise UsageError(f"quad must be 1, 2, 3 or 4 (PLOVER quad class), not {value!r}")
    return q


def check_min_sources(value: str | int | None) -> int | None:
    n = _whole_number(value, "min_sources must be a whole number of sources")
    if n is not None and n < 1:
        raise UsageError(f"min_sources must be 1 or more, not {n}")
    return n


def check_since_until(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``since`` and ``until`` as dates (``store.dates.check_date``), the first not after the second."""
    since, until = check_date(since, "since"), check_date(until, "until")
    if since and until and since > until:
        raise UsageError(f"since {since} is after until {until}")
    return since, until


def check_radius(value: Any) -> float:
    """A radius in kilometres: a number above 0 and at most 20,100 (farther than any two places)."""
    try:
        radius = float(value)
    except (TypeError, ValueError):
        raise UsageError(f"radius must be a number of kilometres, not {value!r}") from None
    if not (0 < radius <= 20_100) or math.isnan(radius):
        raise UsageError(f"radius must be between 0 and 20,100 km, not {radius}")
    return radius


def check_paging(limit: int, offset: int) -> tuple[int, int]:
    if not isinstance(limit, int) or limit < 1 or limit > MAX_LIMIT:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, not {limit!r}")
    if not isinstance(offset, int) or offset < 0:
        raise UsageError(f"offset must be 0 or more, not {offset!r}")
    return limit, offset


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- places ---------------------------------------------------------------------------------------
def resolve_place(name: str) -> dict[str, Any]:
    """``{name, lat, lon, country, geonameid, feature}`` for a place name (gazetteer) or "LAT,LON".

    Among the gazetteer's candidates the likeliest wins: the place's own name over alternate
    names and abbreviations, then (as in the place resolver) countries and large cities first.
    """
    if not name or not name.strip():
        raise UsageError("near: give a place name (e.g. Vladivostok) or LAT,LON")
    m = _LATLON_RE.match(name)
    if m:
        lat, lon = float(m.group(1)), float(m.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise UsageError(f"near: {name!r} is not a valid LAT,LON (latitude -90..90, longitude -180..180)")
        return {"name": name.strip(), "lat": lat, "lon": lon, "country": None, "geonameid": None, "feature": "point"}
    from .analyse.places import likeliest

    place = likeliest(name, demonyms=False)
    if place is None:
        raise UsageError(
            f"near: the gazetteer knows no place called {name!r}; check the spelling or give coordinates as LAT,LON"
        )
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "geonameid": place.geonameid,
        "feature": place.feature,
    }


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, list[tuple[float, float]]]:
    """``(lat_min, lat_max, [(lon_min, lon_max), ...])`` holding every point within ``radius_km``
    (two longitude ranges across the antimeridian; the whole circle of longitudes near a pole)."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    lat_min, lat_max = lat - dlat, lat + dlat
    if lat_min <= -90 or lat_max >= 90:
        return max(lat_min, -90.0), min(lat_max, 90.0), [(-180.0, 180.0)]
    ratio = math.sin(radius_km / EARTH_RADIUS_KM) / math.cos(math.radians(lat))
    if ratio >= 1:
        return lat_min, lat_max, [(-180.0, 180.0)]
    dlon = math.degrees(math.asin(ratio))
    lo, hi = lon - dlon, lon + dlon
    if lo < -180:
        return lat_min, lat_max, [(lo + 360, 180.0), (-180.0, hi)]
    if hi > 180:
        return lat_min, lat_max, [(lo, 180.0), (-180.0, hi - 360)]
    return lat_min, lat_max, [(lo, hi)]


def near_conditions(lat: float, lon: float, radius_km: float) -> list:
    """SQL conditions on ``events``: a place within ``radius_km`` of ``(lat, lon)`` (the
    bounding box, which an index serves, then the distance itself)."""
    e = S.events
    lat_min, lat_max, lon_ranges = bounding_box(lat, lon, radius_km)
    return [
        e.c.lat.is_not(None),
        e.c.lon.is_not(None),
        e.c.lat.between(lat_min, lat_max),
        sa.or_(*[e.c.lon.between(lo, hi) for lo, hi in lon_ranges]),
        within_radius(e.c.lat, e.c.lon, lat, lon, radius_km),
    ]


def within_radius(lat_col: Any, lon_col: Any, lat: float, lon: float, radius_km: float) -> Any:
    """An SQL condition: the point ``(lat_col, lon_col)`` lies within ``radius_km`` of ``(lat,
    lon)`` by the haversine distance (:func:`dateline.gazetteer.haversine_km`), evaluated by the
    database so that a radius query pages and counts in SQL. ``d <= r`` is tested as the haversine
    term ``a <= sin²(r / 2R)`` (``d = 2R·asin(√a)`` grows with ``a``), so no asin or sqrt is needed.
    SQLite stores get sin, cos and radians registered where the library lacks its math functions
    (``dateline.store.db``)."""
    half = radius_km / (2 * EARTH_RADIUS_KM)
    if half >= math.pi / 2:
        return sa.true()
    f = sa.func
    phi = f.radians(lat_col)
    dphi, dlam = (phi - math.radians(lat)) / 2, (f.radians(lon_col) - math.radians(lon)) / 2
    a = f.sin(dphi) * f.sin(dphi) + math.cos(math.radians(lat)) * f.cos(phi) * f.sin(dlam) * f.sin(dlam)
    return a <= math.sin(half) ** 2


# -- events ---------------------------------------------------------------------------------------
# The filters of events() that the CLI, the API and the web page offer, by name.
EVENT_FILTERS = ("actor", "type", "modality", "since", "until", "country", "near", "radius_km", "text")


def events(
    db: str | Store | None = None,
    *,
    near: str | dict | None = None,
    radius_km: float | None = None,
    limit: int = 100,
    offset: int = 0,
    **filters: Unpack[EventFilters],
) -> Records:
    """Corpus events matching every filter given, by date (undated last) then id.

    The filters (:class:`dateline.store.filters.EventFilters`): ``actor, type, modality, since,
    until, country, text, article_id``; ``quad`` (1-4) is the event's PLOVER quad class;
    ``min_sources`` the fewest independent sources (``n_sources``) reporting it; ``ids`` limits
    the search to these corpus event ids. ``near`` (a place, or ``{lat, lon}``) and ``radius_km``
    keep the events placed within that distance.

    Each record: ``id, type, mode, quad, modality, date, actors, recipients`` (display names),
    ``actor_keys, recipient_keys`` (the store's participant keys), ``place`` ({name, lat, lon,
    country, geonameid} or None), ``cameo, confidence, evidence`` ({text, start, end,
    article_id}), ``article_id, headline, published`` (the first report), ``n_mentions,
    n_articles, n_stories, n_sources`` and, with ``near``, ``distance_km``.
    """
    check_names("events", filters)
    store = open_store(db)
    f: EventFilters = {**filters}
    f["type"] = check_type(f.get("type"))
    f["modality"] = check_modality(f.get("modality"))
    f["since"], f["until"] = check_since_until(f.get("since"), f.get("until"))
    limit, offset = check_paging(limit, offset)
    f["quad"], f["min_sources"] = check_quad(f.get("quad")), check_min_sources(f.get("min_sources"))
    if country := f.get("country"):
        iso = country_iso3(country.upper())
        if not iso:
            raise UsageError(f"country {country!r} is not an ISO 3166-1 alpha-3 code (e.g. RUS, PRK)")
        f["country"] = iso
    if radius_km is not None and near is None:
        raise UsageError("radius needs near: give --near PLACE (or near=) with the radius")
    if radius_km is not None:
        radius_km = check_radius(radius_km)

    e = S.events
    conds = event_conditions(f, store.dialect)
    order = (e.c.date.is_(None), e.c.date, e.c.id)
    center = None
    if near is not None:
        center = near if isinstance(near, dict) else resolve_place(near)
        radius = radius_km if radius_km is not None else DEFAULT_RADIUS_KM
        conds = [*conds, *near_conditions(center["lat"], center["lon"], radius)]
    # A participant or word filter selects its events through a list of ids, which the database
    # gathers and sorts whatever the page: a count window then pages and counts in that one pass.
    # Any other page is read in order from an index and counted apart: a window would carry every
    # match through it (a page of one type: 0.8 ms and a count, or 3.8 ms with the window).
    listed = bool(f.get("actor") or f.get("text") or f.get("article_id") or f.get("ids") is not None)
    with store.engine.connect() as conn:
        total = None
        if listed:
            got = conn.execute(
                sa.select(e.c.id, sa.func.count().over()).where(*conds).order_by(*order).limit(limit).offset(offset)
            ).all()
            page_ids = [r[0] for r in got]
            total = got[0][1] if got else None
        else:
            page_ids = list(
                conn.execute(sa.select(e.c.id).where(*conds).order_by(*order).limit(limit).offset(offset)).scalars()
            )
        if total is None:
            if offset == 0 and len(page_ids) < limit:
                total = len(page_ids)
            else:
                total = conn.execute(sa.select(sa.func.count()).select_from(e).where(*conds)).scalar_one()
        rank = {eid: i for i, eid in enumerate(page_ids)}
        rows = list(conn.execute(sa.select(e).where(e.c.id.in_(page_ids))).all()) if page_ids else []
        rows.sort(key=lambda r: rank[r.id])
        records = event_records(conn, rows)
    if center is not None:
        for rec, row in zip(records, rows, strict=True):
            rec["distance_km"] = round(haversine_km(center["lat"], center["lon"], row.lat, row.lon), 1)
    out = Records(records, total=total)
    out.center = center  # type: ignore[attr-defined]
    return out


def _load_json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v


def event_records(conn: sa.Connection, rows: Sequence[sa.Row]) -> list[dict[str, Any]]:
    """Event rows plus their first report's mention, display names and article metadata."""
    if not rows:
        return []
    m, art = S.event_mentions, S.articles
    firsts = {(r.first_article_id, r.id) for r in rows}
    article_ids = sorted({r.first_article_id for r in rows if r.first_article_id})
    mentions: dict[tuple[str, str], Any] = {}
    mr: Any  # a mention row, here and below
    for mr in conn.execute(
        sa.select(
            m.c.article_id,
            m.c.local_id,
            m.c.event_id,
            m.c.actors,
            m.c.recipients,
            m.c.cameo,
            m.c.confidence,
            m.c.date_source,
            m.c.evidence_text,
            m.c.evidence_start,
            m.c.evidence_end,
        )
        # By event (an index lookup each, a mention or two per event), then the first report's
        # earliest mention kept here: by the page's articles SQLite read every mention of each.
        .where(m.c.event_id.in_([r.id for r in rows]))
    ):
        key = (mr.article_id, mr.event_id)
        if key in firsts:
            got = mentions.get(key)
            if got is None or (mr.evidence_start, mr.local_id) < (got.evidence_start, got.local_id):
                mentions[key] = mr
    wanted = {
        (mr.article_id, x)
        for mr in mentions.values()
        for x in (_load_json(mr.actors) or []) + (_load_json(mr.recipients) or [])
    }
    names: dict[tuple[str, str], str] = {}
    if wanted:
        # Exactly the wanted (article, actor) pairs, joined from a VALUES list: one primary-key
        # lookup each. (A row-value IN makes SQLite scan the table; two INs fetch every actor of
        # every article on the page, some 600 rows for 50 events, to keep a hundred.)
        pairs = sorted(wanted)
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        sql = (
            "SELECT a.article_id, a.actor_id, a.name FROM (VALUES "
            + ", ".join([f"({mark}, {mark})"] * len(pairs))
            + ") AS w JOIN actors a ON a.article_id = w.column1 AND a.actor_id = w.column2"
        )
        # the driver's own parameters: SQLAlchemy's bind handling of 2 x 100 literals cost more
        # than the query
        for art_id, actor_id, name in conn.exec_driver_sql(sql, tuple(x for p in pairs for x in p)):
            names[(art_id, actor_id)] = name
    meta = {
        r.id: r
        for r in conn.execute(
            sa.select(art.c.id, art.c.headline, art.c.published_date, art.c.publisher, art.c.url).where(
                art.c.id.in_(article_ids)
            )
        )
    }
    out = []
    for r in rows:
        mr = mentions.get((r.first_article_id, r.id))
        aid = r.first_article_id
        if mr is not None:
            actor_names = [names.get((aid, x), x) for x in _load_json(mr.actors) or []]
            recipient_names = [names.get((aid, x), x) for x in _load_json(mr.recipients) or []]
            evidence = {"text": mr.evidence_text, "start": mr.evidence_start, "end": mr.evidence_end, "article_id": aid}
        else:
            actor_names = list(_load_json(r.actors) or [])
            recipient_names = list(_load_json(r.recipients) or [])
            evidence = None
        place = None
        if r.place_name is not None or r.lat is not None:
            place = {
                "name": r.place_name,
                "lat": r.lat,
                "lon": r.lon,
                "country": r.country,
                "geonameid": r.place_geonameid,
            }
        am = meta.get(aid)
        out.append(
            {
                "id": r.id,
                "type": r.type,
                "mode": r.mode,
                "quad": r.quad,
                "modality": r.modality,
                "date": r.date,
                "date_source": mr.date_source if mr is not None else None,
                "actors": actor_names,
                "recipients": recipient_names,
                "actor_keys": list(_load_json(r.actors) or []),
                "recipient_keys": list(_load_json(r.recipients) or []),
                "place": place,
                "cameo": mr.cameo if mr is not None else None,
                "confidence": mr.confidence if mr is not None else None,
                "evidence": evidence,
                "article_id": aid,
                "local_id": mr.local_id if mr is not None else None,
                "headline": am.headline if am else None,
                "published": am.published_date if am else None,
                "publisher": am.publisher if am else None,
                "url": am.url if am else None,
                "n_mentions": r.n_mentions,
                "n_articles": r.n_articles,
                "n_stories": r.n_stories,
                "n_sources": r.n_sources,
            }
        )
    return out


# -- actors ---------------------------------------------------------------------------------------
def actors(
    db: str | Store | None = None,
    *,
    name: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Records:
    """Actors across the corpus, most reported first: one row per actor key
    (``dateline.corpus.actor_key``: "Donald Trump", "Donald J. Trump" and "Trump" are one actor):
    ``key, name, kind, country, sector, roles, n_articles, n_mentions, n_events`` (events of any
    type the actor takes part in). Name, kind, country and sector are the ones most of the actor's
    articles give (the longest name on a tie), so they do not flip with the article read last."""
    store = open_store(db)
    limit, offset = check_paging(limit, offset)
    a = S.actors
    conds: list[sa.ColumnElement[bool]] = []
    if name:
        conds.append(a.c.name_key.in_(name_keys_matching(name)))
    if country:
        iso = country_iso3(country.strip().upper())
        if not iso:
            raise UsageError(f"country {country!r} is not an ISO 3166-1 alpha-3 code (e.g. RUS, PRK)")
        conds.append(a.c.country == iso)
    if kind:
        if kind not in ACTOR_KINDS:
            raise UsageError(f"unknown actor kind {kind!r}; use one of: {', '.join(ACTOR_KINDS)}")
        conds.append(a.c.kind == kind)
    key = sa.func.coalesce(a.c.actor_key, a.c.name).label("key")
    n_articles = sa.func.count(sa.distinct(a.c.article_id)).label("n_articles")
    n_mentions = sa.func.sum(a.c.n_mentions).label("n_mentions")
    # one pass of the grouping: the window counts the groups (not the actor rows) for the total
    q = sa.select(key, n_articles, n_mentions, sa.func.count().over().label("total")).where(*conds).group_by(key)
    with store.engine.connect() as conn:
        rows = conn.execute(q.order_by(n_articles.desc(), n_mentions.desc(), key).limit(limit).offset(offset)).all()
        if rows:
            total = rows[0].total
        else:
            total = (
                0
                if offset == 0
                else conn.execute(
                    sa.select(sa.func.count()).select_from(q.with_only_columns(key).subquery())
                ).scalar_one()
            )
        # The page's actors in two more queries: their rows' names, kinds, countries, sectors and
        # roles (the most frequent of each wins), and their events from the participants index.
        keys = [r.key for r in rows]
        votes: dict[str, dict[str, Counter]] = {}
        roles: dict[str, set[str]] = {}
        n_events: dict[str, int] = {}
        if keys:
            for mr in conn.execute(
                sa.select(key, a.c.name, a.c.kind, a.c.country, a.c.sector, a.c.roles).where(
                    sa.or_(a.c.actor_key.in_(keys), sa.and_(a.c.actor_key.is_(None), a.c.name.in_(keys))), *conds
                )
            ):
                v = votes.setdefault(mr.key, {f: Counter() for f in ("name", "kind", "country", "sector")})
                for f in ("name", "kind", "country", "sector"):
                    if getattr(mr, f) is not None:
                        v[f][getattr(mr, f)] += 1
                roles.setdefault(mr.key, set()).update(_load_json(mr.roles) or [])
            p = S.event_participants
            pkey = sa.func.coalesce(p.c.actor_key, p.c.name_key)
            for mr in conn.execute(
                sa.select(pkey.label("key"), sa.func.count(sa.distinct(p.c.event_id)).label("n"))
                .where(p.c.actor_key.in_(keys))
                .group_by(pkey)
            ):
                n_events[mr.key] = mr.n
        out = []
        for r in rows:
            v = votes.get(r.key) or {f: Counter() for f in ("name", "kind", "country", "sector")}
            out.append(
                {
                    "key": r.key,
                    "name": _vote(v["name"], longest=True) or r.key,
                    "kind": _vote(v["kind"]),
                    "country": _vote(v["country"]),
                    "sector": _vote(v["sector"]),
                    "roles": sorted(roles.get(r.key, ())),
                    "n_articles": r.n_articles,
                    "n_mentions": int(r.n_mentions or 0),
                    "n_events": n_events.get(r.key, 0),
                }
            )
    return Records(out, total=total)


def _vote(counts: Counter, longest: bool = False) -> Any:
    """The most frequent value (on a tie the longest, for names, else the first in order)."""
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], len(str(kv[0])) if longest else 0, str(kv[0])))[0]


# -- search ---------------------------------------------------------------------------------------
SNIPPET_CHARS = 220


def snippet(
    text: str, words: list[str], width: int = SNIPPET_CHARS, *, terms: list[tuple[str, bool]] | None = None
) -> tuple[str, list[list[int]]]:
    """A window of ``text`` around the densest cluster of ``words``, with the ``[start, end]``
    offsets (into the snippet) of each word match, for highlighting. ``terms`` (``(word,
    is_prefix)`` of a parsed search, ``store.fts``): a word of the text matches as search matched
    it (the same stem, or the prefix), accents and case aside; else each of ``words`` matches the
    text words it begins."""
    if not text:
        return "", []
    if terms is not None:
        from .store import fts

        wanted = {fts.stem(w) for w, prefix in terms if not prefix}
        prefixes = tuple(w for w, prefix in terms if prefix)
        hits = []
        for mt in re.finditer(r"[^\W_]+", text):
            folded = fts.words(mt.group())
            if folded and (fts.stem(folded[0]) in wanted or (prefixes and folded[0].startswith(prefixes))):
                hits.append((mt.start(), mt.end()))
    else:
        pattern = (
            re.compile(
                r"\b(" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r")\w*",
                re.IGNORECASE | re.UNICODE,
            )
            if words
            else None
        )
        hits = [(mt.start(), mt.end()) for mt in pattern.finditer(text)] if pattern else []
    if not hits:
        cut = text[:width]
        return (cut + ("…" if len(text) > width else "")), []
    # The window start that covers the most hits.
    best_start, best_n = hits[0][0], 0
    j = 0
    for i, (s, _) in enumerate(hits):
        while hits[j][0] < s - width // 2:
            j += 1
        n = i - j + 1
        if n > best_n:
            best_n, best_start = n, hits[j][0]
    start = max(0, best_start - width // 4)
    # Move to a word boundary.
    if start > 0:
        sp = text.rfind(" ", max(0, start - 20), start)
        start = sp + 1 if sp >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        sp = text.rfind(" ", start, end)
        end = sp if sp > start + width // 2 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = " ".join(text[start:end].split("\n"))
    marks = [[s - start + len(prefix), e - start + len(prefix)] for s, e in hits if s >= start and e <= end]
    return prefix + body + suffix, marks


def search(words: str, db: str | Store | None = None, *, limit: int = 20, offset: int = 0) -> Records:
    """Articles matching a search (full text, the same query language and answers on SQLite and
    PostgreSQL: ``dateline.store.fts``; words are all required, ``"a phrase"``, ``prefix*``, ``OR``,
    ``NOT``/``-word``, parentheses), best first: ``id, headline, published, publisher, rank,
    snippet, highlights, n_events``.

    ``snippet`` is a passage of the article around the matches; ``highlights`` the ``[start,
    end]`` offsets of the matched words in it. ``rank`` is a relevance score, higher is better.
    """

    store = open_store(db)
    limit, offset = check_paging(limit, offset)
    terms = fts.positive_words(fts.parse(words))  # UsageError for a query it cannot read
    hits = store.search(words, limit=limit + offset)[offset:]
    if not hits:
        return Records([], total=0)
    art = S.articles
    with store.engine.connect() as conn:
        meta = {
            r.id: r
            for r in conn.execute(
                sa.select(
                    art.c.id,
                    art.c.headline,
                    art.c.published_date,
                    art.c.publisher,
                    art.c.url,
                    art.c.text,
                    art.c.n_events,
                ).where(art.c.id.in_([h["id"] for h in hits]))
            )
        }
    out = []
    for h in hits:
        r = meta.get(h["id"])
        if r is None:
            continue
        snip, marks = snippet(r.text, [], terms=terms)
        rank = float(h["rank"] or 0.0)  # higher is better on both backends (store.fts)
        out.append(
            {
                "id": r.id,
                "headline": r.headline,
                "published": r.published_date,
                "publisher": r.publisher,
                "url": r.url,
                "rank": round(rank, 6),
                "snippet": snip,
                "highlights": marks,
                "n_events": r.n_events,
            }
        )
    return Records(out, total=None)


# -- one article ----------------------------------------------------------------------------------
def resolve_article_id(article_id: str, db: str | Store | None = None) -> str | None:
    """The full id for ``article_id`` or a unique prefix of at least 6 characters; None if absent."""
    store = open_store(db)
    aid = (article_id or "").strip()
    if not aid or not re.fullmatch(r"[0-9A-Za-z_-]{1,64}", aid):
        return None
    if store.has_article(aid):
        return aid
    if len(aid) < 6:
        raise UsageError(f"no article has the id {aid!r}; a prefix must have at least 6 characters to pick one article")
    art = S.articles
    with store.engine.connect() as conn:
        found = (
            conn.execute(sa.select(art.c.id).where(art.c.id.like(_like_escape(aid) + "%", escape="\\")).limit(2))
            .scalars()
            .all()
        )
    if len(found) > 1:
        raise UsageError(f"the id prefix {aid!r} matches several articles; give more characters")
    return found[0] if found else None


def show(article_id: str, db: str | Store | None = None) -> Article | None:
    """The stored Article (full record: text, events, quotes, places), by id or unique id prefix."""
    store = open_store(db)
    aid = resolve_article_id(article_id, store)
    return store.get_article(aid) if aid else None
