"""The queries behind the page: the explorer's page of events with its timeline and map
aggregates, an actor's events and network, an article with its story.

Filters are :mod:`dateline.query`'s (validated the same way as the CLI and the REST API); the
aggregates run in SQL over every matching event, so the page draws the map and the timeline of
10,000 events from a few hundred rows.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from .. import query as Q
from ..corpus import participant_key
from ..errors import UsageError
from ..store import Store
from ..store import schema as S
from ..store.filters import name_matches

FILTERS = ("actor", "type", "modality", "since", "until", "near", "radius", "text")
SORTS = {"date", "type", "quad", "modality", "place", "n_sources", "n_articles", "n_mentions"}
NETWORK_MAX_EVENTS = 20_000
DAILY_MAX_DAYS = 180  # a longer span is counted per week


def _conditions(conn: sa.Connection, f: dict[str, Any]) -> tuple[list, dict | None]:
    """SQL conditions on ``events`` for the filters, and the resolved ``near`` place."""
    type_ = Q.check_type(f.get("type"))
    modality = Q.check_modality(f.get("modality"))
    since, until = Q.check_since_until(f.get("since"), f.get("until"))
    conds = Q.event_conditions(
        {
            "actor": f.get("actor"),
            "type": type_,
            "modality": modality,
            "since": since,
            "until": until,
            "text": f.get("text"),
        },
        conn.dialect.name,
    )
    center = None
    if f.get("near"):
        radius = f.get("radius")
        radius = Q.check_radius(radius) if radius not in (None, "") else Q.DEFAULT_RADIUS_KM
        center = dict(Q.resolve_place(f["near"]), radius_km=radius)
        conds = conds + Q.near_conditions(center["lat"], center["lon"], radius)
    elif f.get("radius"):
        raise UsageError("radius needs near: give a place (e.g. Vladivostok) with the radius")
    return conds, center


def _order(sort: str, order: str) -> list:
    e = S.events
    if sort not in SORTS:
        raise UsageError(f"sort must be one of {', '.join(sorted(SORTS))}, not {sort!r}")
    if order not in ("asc", "desc"):
        raise UsageError(f"order must be asc or desc, not {order!r}")
    col = e.c.place_name if sort == "place" else e.c[sort]
    key = col.desc() if order == "desc" else col.asc()
    return [col.is_(None), key, e.c.date.is_(None), e.c.date, e.c.id]  # missing values last


def timeline(conn: sa.Connection, conds: list) -> dict[str, Any]:
    """Counts of matching events per day (or per week, Monday first) and quad class."""
    e = S.events
    per_quad = [sa.func.sum(sa.case((e.c.quad == q, 1), else_=0)) for q in (1, 2, 3, 4)]
    rows = conn.execute(sa.select(e.c.date, sa.func.count(), *per_quad).where(*conds).group_by(e.c.date)).all()
    daily: dict[date, list[int]] = {}
    imprecise = undated = 0
    for day, n, q1, q2, q3, q4 in rows:
        if not day:
            undated += n
        elif len(day) != 10:  # YYYY or YYYY-MM: no day to put it on
            imprecise += n
        else:
            try:
                daily[date.fromisoformat(day)] = [int(q1 or 0), int(q2 or 0), int(q3 or 0), int(q4 or 0)]
            except ValueError:
                imprecise += n
    bucket = "day"
    if daily and (max(daily) - min(daily)).days > DAILY_MAX_DAYS:
        bucket = "week"
        weekly: dict[date, list[int]] = {}
        for d, c in daily.items():
            w = weekly.setdefault(d - timedelta(days=d.weekday()), [0, 0, 0, 0])
            for i in range(4):
                w[i] += c[i]
        daily = weekly
    keys = sorted(daily)
    return {
        "bucket": bucket,
        "dates": [d.isoformat() for d in keys],
        "counts": [[daily[d][i] for d in keys] for i in range(4)],
        "undated": undated,
        "imprecise": imprecise,
    }


def places(conn: sa.Connection, conds: list) -> list[dict[str, Any]]:
    """One point per place of the matching events, with its counts per quad class."""
    e = S.events
    rows = conn.execute(
        sa.select(e.c.place_name, e.c.lat, e.c.lon, e.c.country, e.c.quad, sa.func.count().label("n"))
        .where(*conds, e.c.lat.is_not(None), e.c.lon.is_not(None))
        .group_by(e.c.place_name, e.c.lat, e.c.lon, e.c.country, e.c.quad)
    ).all()
    points: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        p = points.setdefault(
            (r.place_name, r.lat, r.lon),
            {"name": r.place_name, "lat": r.lat, "lon": r.lon, "country": r.country, "n": 0, "quads": [0, 0, 0, 0]},
        )
        p["n"] += r.n
        if r.quad in (1, 2, 3, 4):
            p["quads"][r.quad - 1] += r.n
    return sorted(points.values(), key=lambda p: -p["n"])


def explore(
    store: Store, filters: dict[str, Any], *, page: int = 1, per_page: int = 50, sort: str = "date", order: str = "asc"
) -> dict[str, Any]:
    """A page of matching events (sorted), their total, and the timeline and map of all of them."""
    e = S.events
    order_by = _order(sort, order)
    with store.engine.connect() as conn:
        conds, center = _conditions(conn, filters)
        total = conn.execute(sa.select(sa.func.count()).select_from(e).where(*conds)).scalar_one()
        rows = conn.execute(
            sa.select(e).where(*conds).order_by(*order_by).limit(per_page).offset((page - 1) * per_page)
        ).all()
        records = Q.event_records(conn, rows)
        return {
            "total": total,
            "page": page,
            "per_page": per_page,
            "sort": sort,
            "order": order,
            "near": center,
            "events": records,
            "timeline": timeline(conn, conds),
            "places": places(conn, conds),
        }


def _load(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v


def _country_name(iso3: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or (c.name if c else iso3)


def actor(store: Store, name: str) -> dict[str, Any]:
    """An actor (a name or an ISO3 code, as the explorer's actor filter): who matched, its events
    over time, its recent events, and its network: every participant of its events, with edges
    from actor to recipient (``directed``; undirected among the actors of an event that has no
    recipient) weighted by the number of events, split into cooperation (quad 1-2) and
    conflict (quad 3-4)."""
    e, m, a = S.events, S.event_mentions, S.actors
    who = Q.actors(store, name=None if Q.country_iso3(name) else name, country=Q.country_iso3(name), limit=50)
    with store.engine.connect() as conn:
        conds, _ = _conditions(conn, {"actor": name})
        total = conn.execute(sa.select(sa.func.count()).select_from(e).where(*conds)).scalar_one()
        tl = timeline(conn, conds)
        recent = Q.event_records(
            conn,
            conn.execute(
                sa.select(e).where(*conds).order_by(e.c.date.is_(None), e.c.date.desc(), e.c.id).limit(100)
            ).all(),
        )
        evs = conn.execute(
            sa.select(e.c.id, e.c.quad, e.c.actors, e.c.recipients).where(*conds).limit(NETWORK_MAX_EVENTS)
        ).all()
        # Display names for participant keys, from the actors of the articles reporting these events.
        names: dict[str, tuple[str, str | None, int]] = {}
        countries: dict[str, str | None] = {}
        arts = sa.select(m.c.article_id).where(m.c.event_id.in_(sa.select(e.c.id).where(*conds))).distinct()
        r: Any  # a row of this select, then of the events below
        for r in conn.execute(
            sa.select(a.c.actor_id, a.c.name, a.c.kind, a.c.country, a.c.n_mentions, a.c.actor_key).where(
                a.c.article_id.in_(arts)
            )
        ):
            key = r.actor_key or participant_key(
                SimpleNamespace(name=r.name, kind=r.kind, country=r.country), r.actor_id
            )
            label = r.name
            countries[key] = r.country
            old = names.get(key)
            if old is None or (r.n_mentions or 0) > old[2]:
                names[key] = (label, r.kind, r.n_mentions or 0)
        # The actor's own keys: every participant key of the actors that matched.
        own: set[str] = set()
        iso = Q.country_iso3(name)
        for key, (label, kind, _) in names.items():
            if iso and countries.get(key) == iso or not iso and name_matches(name, label):
                own.add(key)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str, bool], int] = {}
    for r in evs:
        acts, recs = list(_load(r.actors) or []), list(_load(r.recipients) or [])
        for k in set(acts) | set(recs):
            n = nodes.setdefault(
                k,
                {
                    "id": k,
                    "label": (names.get(k) or (_key_label(k),))[0],
                    "kind": (names.get(k) or (None, None))[1],
                    "own": k in own,
                    "events": 0,
                },
            )
            n["events"] += 1
        directed = bool(recs)
        pairs = (
            [(x, y) for x in acts for y in recs if x != y]
            if recs
            else [(x, y) for i, x in enumerate(sorted(acts)) for y in sorted(acts)[i + 1 :]]
        )
        cls = "cooperation" if r.quad in (1, 2) else "conflict" if r.quad in (3, 4) else "other"
        for x, y in set(pairs):
            edges[(x, y, cls, directed)] = edges.get((x, y, cls, directed), 0) + 1
    return {
        "name": name,
        "matched": list(who),
        "total": total,
        "timeline": tl,
        "events": recent,
        "network": {
            "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
            "edges": [
                {"source": x, "target": y, "class": c, "directed": d, "weight": w}
                for (x, y, c, d), w in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
            "truncated": len(evs) >= NETWORK_MAX_EVENTS,
        },
    }


def _key_label(key: str) -> str:
    if key.startswith("country:"):
        return _country_name(key.split(":", 1)[1])
    if key.startswith("?"):
        return key[1:]
    if key.startswith("generic:"):  # generic:SECTOR:COUNTRY:noun
        _, sector, country, noun = (key.split(":") + ["", "", ""])[:4]
        return " ".join(x for x in (country if country != "-" else "", noun) if x) or key
    return key.split(":", 1)[-1].title()


def article(store: Store, article_id: str, *, public_text: bool = True) -> dict[str, Any] | None:
    """The stored Article, the other articles of its story, and its events' corpus event ids."""
    aid = Q.resolve_article_id(article_id, store)
    if aid is None:
        return None
    record = store.get_article(aid)
    if record is None:
        return None
    art, m = S.articles, S.event_mentions
    with store.engine.connect() as conn:
        story_id = conn.execute(sa.select(art.c.story_id).where(art.c.id == aid)).scalar()
        corpus = {
            r.local_id: r.event_id
            for r in conn.execute(sa.select(m.c.local_id, m.c.event_id).where(m.c.article_id == aid))
        }
    story = store.story(story_id) if story_id else None
    others = [dict(x) for x in (story or {}).get("articles", []) if x["id"] != aid]
    from ..serve.common import public_record

    return {
        "article": public_record(record.to_dict(), public_text),
        "story_id": story_id,
        "story_articles": others,
        "story_sources": (story or {}).get("sources", []),
        "corpus_events": corpus,
    }
