"""Write one Article into the store, in one transaction, idempotently.

``write_article(conn, article, sig)`` runs inside the caller's transaction (``engine.begin()``)
so that an article is either stored with everything that belongs to it (story, source, actors,
places, times, quotes, event mentions, corpus events, signature, full-text rows) or not at all.
Writing an article whose id is already stored records its source (another URL or path that carried
the same text) and merges the metadata it adds (``store.merge``: a missing URL, publisher or
authors, a publication date of stronger provenance, which re-dates the article's analysis).
Every write transaction first takes the store's writer lock (``lock_writer``), so that concurrent
ingests take turns instead of colliding on keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as _date
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import corpus, dedupe
from ..article import Article
from ..errors import InputRejected
from . import fts, merge
from . import schema as S


@dataclass
class WriteResult:
    status: str  # "stored" (new article), "updated" (stored, and completed: store.merge), "duplicate"
    article_id: str
    story_id: str
    linked: bool = False  # a new article that joined an existing story (a syndicated copy)
    cluster_id: str | None = None  # same-event coverage cluster
    similarity: float | None = None
    source_added: bool = False
    changes: tuple[str, ...] = ()  # "updated": the article columns a later input filled or replaced


def now() -> datetime:
    return datetime.now(UTC)


def insert_ignore(conn: Connection, table: sa.Table, rows: list[dict] | dict) -> None:
    """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # the same on_conflict_do_nothing() API; mypy types the name by its first import
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


#: The PostgreSQL advisory lock that writers hold for the length of one article's transaction (the
#: migrator's is 7428519). Any number: it only has to be the same in every writer.
WRITER_LOCK = 7428520


def lock_writer(conn: Connection) -> None:
    """Make this transaction the store's only writer until it ends (call it first in the transaction).

    Two ingests into one store may meet on one article: both find it missing, both analyse it and
    both write it, and the second write used to fail on the story's or the article's key. Holding
    the writer lock from the first statement serialises the writes, so the second one finds the
    article stored and counts a duplicate. PostgreSQL: a transaction-scoped advisory lock. SQLite:
    ``BEGIN IMMEDIATE`` (the write lock, waited for within the busy timeout), taken before the
    transaction's first read so that what it reads is what it writes over.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITER_LOCK})
    elif conn.dialect.name == "sqlite":
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None  # a Connection inside a transaction holds its DBAPI connection
        if not dbapi.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def locator(article: Article) -> str:
    return article.source.url or article.source.path or ""


def originator(article: Article) -> str | None:
    return article.source.agency or article.source.publisher


def has_article(conn: Connection, article_id: str) -> bool:
    return conn.execute(sa.select(S.articles.c.id).where(S.articles.c.id == article_id)).first() is not None


def candidates_query(
    bands_table: sa.Table,
    sig: np.ndarray,
    params: dedupe.Params,
    extra: sa.ColumnElement[bool] | None = None,
    days: tuple[int, int] | None = None,
) -> sa.Select:
    """The ids of the articles sharing a band with ``sig`` (with ``days``: only those published
    within that range of days, or undated: ``cluster_bands`` only), as a SELECT."""
    bands = dedupe.band_hashes(sig, params)
    # An OR of (band = ? AND hash = ? [AND day ...]) terms, not a row-value IN: SQLite scans the
    # whole table for `(band, hash) IN (VALUES ...)` but serves each OR term from an index, so the
    # lookup stays constant as the store grows instead of linear in it. The day range and the
    # undated articles are separate terms, so that each reads its own index range.
    t = bands_table.c
    if days is None:
        terms = [sa.and_(t.band == b, t.hash == h) for b, h in bands]
    else:
        terms = [
            term
            for b, h in bands
            for term in (
                sa.and_(t.band == b, t.hash == h, t.day.between(*days)),
                sa.and_(t.band == b, t.hash == h, t.day.is_(None)),
            )
        ]
    q = sa.select(t.article_id).distinct().where(sa.or_(*terms))
    if extra is not None:
        q = q.join(S.articles, S.articles.c.id == t.article_id).where(extra)
    return q


def _candidates(
    conn: Connection,
    bands_table: sa.Table,
    sig: np.ndarray,
    params: dedupe.Params,
    extra: sa.ColumnElement[bool] | None = None,
    days: tuple[int, int] | None = None,
) -> list[str]:
    return list(conn.execute(candidates_query(bands_table, sig, params, extra, days)).scalars().all())


def find_story(
    conn: Connection, sig: np.ndarray, params: dedupe.Params = dedupe.DEFAULT, before: datetime | None = None
) -> tuple[str, str, float] | None:
    """``(story_id, article_id, similarity)`` of the most similar stored article, if any (with
    ``before``: among the articles ingested before that time)."""
    cand = _candidates(conn, S.lsh_bands, sig, params, None if before is None else S.articles.c.ingested_at < before)
    if not cand:
        return None
    rows = conn.execute(
        sa.select(S.minhashes.c.article_id, S.minhashes.c.story_id, S.minhashes.c.signature).where(
            S.minhashes.c.article_id.in_(cand)
        )
    ).all()
    stories = {r.article_id: r.story_id for r in rows}
    match = dedupe.best_match(sig, ((r.article_id, dedupe.from_bytes(r.signature)) for r in rows), params.threshold)
    if match is None:
        return None
    return stories[match[0]], match[0], match[1]


def publication_day(published: str | None) -> int | None:
    """``cluster_bands.day`` of an article published on ``published``: the day's ordinal, or
    None when the date is missing or not a whole day (such articles match any window)."""
    if not published or len(published) != 10:
        return None
    try:
        return _date.fromisoformat(published).toordinal()
    except ValueError:
        return None


def find_cluster(
    conn: Connection,
    names_sig: np.ndarray,
    published: str | None,
    params: dedupe.Params = dedupe.COVERAGE,
    before: datetime | None = None,
) -> str | None:
    """The coverage cluster of the stored article most similar by names (published within
    ``dedupe.COVERAGE_DAYS`` of ``published``, or undated; with ``before``: among the articles
    ingested before that time)."""
    day = publication_day(published)
    days = None if day is None else (day - dedupe.COVERAGE_DAYS, day + dedupe.COVERAGE_DAYS)
    extra = None if before is None else S.articles.c.ingested_at < before
    cand = _candidates(conn, S.cluster_bands, names_sig, params, extra, days)
    if not cand:
        return None
    rows = conn.execute(
        sa.select(S.minhashes.c.article_id, S.minhashes.c.names_signature, S.articles.c.cluster_id)
        .join(S.articles, S.articles.c.id == S.minhashes.c.article_id)
        .where(S.minhashes.c.article_id.in_(cand), S.minhashes.c.names_signature.is_not(None))
    ).all()
    clusters = {r.article_id: r.cluster_id or r.article_id for r in rows}
    match = dedupe.best_match(
        names_sig, ((r.article_id, dedupe.from_bytes(r.names_signature)) for r in rows), params.threshold
    )
    return clusters[match[0]] if match else None


def source_values(article: Article) -> dict[str, Any]:
    """The ``SOURCE_FIELDS`` columns of an article's row and of its source's row."""
    return {name: getattr(article.source, name) for name in S.SOURCE_FIELDS}


def _source_row(article: Article, story_id: str, ts: datetime) -> dict[str, Any]:
    return {
        "story_id": story_id,
        "article_id": article.id,
        "locator": locator(article),
        **source_values(article),
        "first_seen": ts,
    }


def name_word_rows(keys: Iterable[str]) -> list[dict[str, str]]:
    """``name_words`` rows for actor name keys (``corpus.name_key``): one per word of each."""
    return [{"word": w, "name_key": k} for k in sorted(set(keys)) for w in sorted(set(k.split()))]


def participant_rows(
    actors: dict[tuple[str, str], tuple],
    mentions: Iterable[tuple[str, str, str, list[str], list[str]]],
) -> list[dict[str, Any]]:
    """``event_participants`` rows: ``actors`` maps ``(article_id, actor_id)`` to ``(name_key,
    country[, actor_key])``; ``mentions`` yields ``(article_id, local_id, event_id, actor ids,
    recipient ids)``. A participant id with no actor row is left out (participant filters match
    actors)."""
    rows = {}
    for aid, local_id, event_id, acts, recs in mentions:
        for role, ids in (("actor", acts), ("recipient", recs)):
            for actor_id in ids:
                known = actors.get((aid, actor_id))
                if known is not None:
                    rows[(aid, local_id, actor_id, role)] = {
                        "article_id": aid,
                        "local_id": local_id,
                        "actor_id": actor_id,
                        "role": role,
                        "event_id": event_id,
                        "name_key": known[0],
                        "country": known[1],
                        "actor_key": known[2] if len(known) > 2 else None,
                    }
    return list(rows.values())


def _refresh_story(conn: Connection, story_id: str) -> None:
    s, a, src = S.stories, S.articles, S.sources
    n_articles = sa.select(sa.func.count()).select_from(a).where(a.c.story_id == story_id).scalar_subquery()
    outlet = sa.func.coalesce(src.c.publisher, src.c.locator)
    n_sources = (
        sa.select(sa.func.count(sa.distinct(outlet)))
        .select_from(src)
        .where(src.c.story_id == story_id)
        .scalar_subquery()
    )
    conn.execute(s.update().where(s.c.id == story_id).values(n_articles=n_articles, n_sources=n_sources))


def _update_events(assignments: str) -> sa.TextClause:
    """``UPDATE events SET <assignments> WHERE id IN :ids`` (``ids`` a list, expanded)."""
    return sa.text("UPDATE events SET " + assignments + " WHERE id IN :ids").bindparams(
        sa.bindparam("ids", expanding=True)
    )


_REFRESH_EVENTS = _update_events(
    "n_mentions = (SELECT count(*) FROM event_mentions m WHERE m.event_id = events.id), "
    "n_articles = (SELECT count(DISTINCT m.article_id) FROM event_mentions m WHERE m.event_id = events.id), "
    "n_stories = (SELECT count(DISTINCT m.story_id) FROM event_mentions m WHERE m.event_id = events.id), "
    "n_sources = (SELECT count(DISTINCT coalesce(s.originator, s.id)) FROM event_mentions m "
    "JOIN stories s ON s.id = m.story_id WHERE m.event_id = events.id)"
)


def _refresh_events(conn: Connection, event_ids: set[str]) -> None:
    """Recount mentions, articles, stories and independent sources of the given corpus events."""
    if event_ids:
        conn.execute(_REFRESH_EVENTS, {"ids": sorted(event_ids)})


def write_article(
    conn: Connection, article: Article, sig: np.ndarray | None = None, params: dedupe.Params = dedupe.DEFAULT
) -> WriteResult:
    """Store one article (call inside ``engine.begin()``: one article, one transaction)."""
    lock_writer(conn)
    ts = now()
    if not article.id:
        article.id = Article.make_id(article.text)
    if has_article(conn, article.id):
        return write_known(conn, article, params, ts)

    if sig is None:
        sig = dedupe.signature(article.text, params)
    match = find_story(conn, sig, params)
    if match is not None:
        story_id, _, sim = match
    else:
        story_id, sim = article.id, None
        conn.execute(
            S.stories.insert().values(
                id=story_id,
                headline=article.headline,
                first_published=article.published.date,
                originator=originator(article),
                n_articles=0,
                n_sources=0,
                created_at=ts,
            )
        )

    # Same-event coverage: a copy shares its original's cluster; otherwise the most similar
    # report by names (people, places, figures) published within a few days, else a new cluster.
    names_sig = dedupe.signature(article.text, dedupe.COVERAGE)
    cluster_id = None
    if match is not None:
        cluster_id = conn.execute(sa.select(S.articles.c.cluster_id).where(S.articles.c.id == match[1])).scalar()
    if cluster_id is None:
        cluster_id = find_cluster(conn, names_sig, article.published.date) or article.id

    data = article.to_dict()
    conn.execute(
        S.articles.insert().values(
            id=article.id,
            story_id=story_id,
            headline=article.headline,
            language=article.language,
            published_date=article.published.date,
            published_source=article.published.source,
            **source_values(article),
            authors=list(article.authors),
            text=article.text,
            n_events=len(article.events),
            similarity=sim,
            cluster_id=cluster_id,
            ingested_at=ts,
            data=data,
        )
    )
    insert_ignore(conn, S.sources, _source_row(article, story_id, ts))
    write_analysis(conn, article, story_id, ts)
    _write_index(conn, article, story_id, sig, names_sig, params)
    return WriteResult("stored", article.id, story_id, linked=match is not None, similarity=sim, cluster_id=cluster_id)


def write_analysis(conn: Connection, article: Article, story_id: str, ts: datetime) -> set[str]:
    """Actors, places, times, quotes, event mentions and corpus events of a stored ``article``
    (its ``articles`` row exists): the part of a write that analysis produced. Returns the ids of
    the corpus events it touched (recounted here)."""
    aid = article.id
    keys = {a.id: corpus.name_key(a.name) for a in article.actors}
    akeys = actor_keys(conn, article)
    insert_ignore(
        conn,
        S.actors,
        [
            {
                "article_id": aid,
                "actor_id": a.id,
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                "sector": a.sector,
                "roles": list(a.roles),
                "n_mentions": len(a.mentions),
                "name_key": keys[a.id],
                "actor_key": akeys[a.id],
            }
            for a in article.actors
        ],
    )
    insert_ignore(conn, S.name_words, name_word_rows(keys.values()))
    insert_ignore(
        conn,
        S.places,
        [
            {
                "article_id": aid,
                "idx": i,
                "text": p.text,
                "span_start": p.start,
                "span_end": p.end,
                "name": p.name,
                "geonameid": p.geonameid,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "feature": p.feature,
                "resolved": bool(p.resolved),
            }
            for i, p in enumerate(article.places)
        ],
    )
    insert_ignore(
        conn,
        S.times,
        [
            {
                "article_id": aid,
                "idx": i,
                "text": t.text,
                "span_start": t.start,
                "span_end": t.end,
                "value": t.value,
                "granularity": t.granularity,
            }
            for i, t in enumerate(article.times)
        ],
    )
    insert_ignore(
        conn,
        S.quotes,
        [
            {
                "article_id": aid,
                "idx": i,
                "text": q.text,
                "span_start": q.start,
                "span_end": q.end,
                "speaker": q.speaker,
                "speaker_text": q.speaker_text,
                "cue": q.cue,
                "kind": q.kind,
            }
            for i, q in enumerate(article.quotes)
        ],
    )

    mentions, touched = _link_events(conn, article, story_id, akeys, ts)
    insert_ignore(conn, S.event_mentions, mentions)
    fts.write_mentions(conn, aid, [(m["local_id"], m["event_id"], m["evidence_text"]) for m in mentions])
    insert_ignore(
        conn,
        S.event_participants,
        participant_rows(
            {(aid, a.id): (keys[a.id], a.country, akeys[a.id]) for a in article.actors},
            ((aid, m["local_id"], m["event_id"], m["actors"], m["recipients"]) for m in mentions),
        ),
    )
    _refresh_events(conn, touched)
    return touched


def _cluster_band_rows(aid: str, names_sig: np.ndarray, day: int | None) -> list[dict[str, Any]]:
    return [
        {"band": b, "hash": h, "article_id": aid, "day": day} for b, h in dedupe.band_hashes(names_sig, dedupe.COVERAGE)
    ]


def _redate_cluster_bands(conn: Connection, aid: str, day: int | None) -> None:
    """Move a stored article's coverage band entries to its new publication day (rewritten by
    primary key: no index of ``cluster_bands`` leads with the article)."""
    blob = conn.execute(sa.select(S.minhashes.c.names_signature).where(S.minhashes.c.article_id == aid)).scalar()
    if blob is None:
        return
    t = S.cluster_bands
    conn.execute(
        t.update()
        .where(t.c.band == sa.bindparam("b"), t.c.hash == sa.bindparam("h"), t.c.article_id == aid)
        .values(day=day),
        [{"b": b, "h": h} for b, h in dedupe.band_hashes(dedupe.from_bytes(blob), dedupe.COVERAGE)],
    )


def _write_index(
    conn: Connection, article: Article, story_id: str, sig: np.ndarray, names_sig: np.ndarray, params: dedupe.Params
) -> None:
    """Signatures, LSH bands and full-text rows of a new article; its story recounted."""
    aid = article.id
    conn.execute(
        S.minhashes.insert().values(
            article_id=aid,
            story_id=story_id,
            signature=dedupe.to_bytes(sig),
            names_signature=dedupe.to_bytes(names_sig),
        )
    )
    insert_ignore(
        conn, S.lsh_bands, [{"band": b, "hash": h, "article_id": aid} for b, h in dedupe.band_hashes(sig, params)]
    )
    insert_ignore(
        conn,
        S.cluster_bands,
        _cluster_band_rows(aid, names_sig, publication_day(article.published.date)),
    )
    fts.write_article(conn, aid, article.headline, article.text)
    fts.write_quotes(conn, aid, [(i, q.text, q.speaker_text) for i, q in enumerate(article.quotes)])
    _refresh_story(conn, story_id)


# -- an article stored already: metadata that arrives later (store.merge) ----------------------------
def _analysed(article: Article) -> bool:
    """Whether the NLP analysis ran on ``article`` (a ``--no-analysis`` input has none of these)."""
    return bool(article.entities or article.actors or article.places or article.times or article.events)


def _add_source(conn: Connection, article: Article, story_id: str, ts: datetime) -> bool:
    """Record where this copy of a stored text was found. A source row without a URL (a file) is
    completed by the first later input that carries one, and its missing publisher and agency are
    filled in; any other new URL or path is a new row. Returns whether anything changed."""
    src = S.sources
    loc = locator(article)
    rows = conn.execute(
        sa.select(src.c.id, src.c.locator, src.c.url, src.c.publisher, src.c.agency)
        .where(src.c.article_id == article.id)
        .order_by(src.c.id)
    ).all()
    if any(r.locator == loc for r in rows):
        return False
    bare = next((r for r in rows if r.url is None), None) if article.source.url else None
    if bare is not None:
        values: dict[str, Any] = {"locator": loc, "url": article.source.url}
        if bare.publisher is None and article.source.publisher:
            values["publisher"] = article.source.publisher
        if bare.agency is None and article.source.agency:
            values["agency"] = article.source.agency
        conn.execute(src.update().where(src.c.id == bare.id).values(**values))
    else:
        insert_ignore(conn, src, _source_row(article, story_id, ts))
    return True


_FIRST_REPORTS = _update_events(
    "first_article_id = (SELECT m.article_id FROM event_mentions m JOIN articles a ON a.id = m.article_id "
    "WHERE m.event_id = events.id ORDER BY a.ingested_at, a.id LIMIT 1), "
    "first_seen = (SELECT min(a.ingested_at) FROM event_mentions m JOIN articles a ON a.id = m.article_id "
    "WHERE m.event_id = events.id)"
)


def _refresh_first_reports(conn: Connection, event_ids: set[str]) -> None:
    """Each corpus event's first report is its earliest-ingested article, as a run that ingested
    the articles in that order would have made it; an event whose first report changed takes its
    mode and place from that article's first mention of it, as a write does."""
    if not event_ids:
        return
    e, m = S.events, S.event_mentions
    ids = sorted(event_ids)
    before = dict(conn.execute(sa.select(e.c.id, e.c.first_article_id).where(e.c.id.in_(ids))).all())
    conn.execute(_FIRST_REPORTS, {"ids": ids})
    after = dict(conn.execute(sa.select(e.c.id, e.c.first_article_id).where(e.c.id.in_(ids))).all())
    for eid, aid in after.items():
        if aid is None or before.get(eid) == aid:
            continue
        local = dict(
            conn.execute(sa.select(m.c.local_id, m.c.mode).where(m.c.article_id == aid, m.c.event_id == eid)).all()
        )
        data = conn.execute(sa.select(S.articles.c.data).where(S.articles.c.id == aid)).scalar_one()
        record = Article.from_dict(json.loads(data) if isinstance(data, str) else data)
        ev = next((x for x in record.events if x.id in local), None)
        if ev is None:
            continue
        place = ev.place
        conn.execute(
            e.update()
            .where(e.c.id == eid)
            .values(
                mode=ev.mode,
                quad=ev.quad,
                place_name=place.name if place else None,
                place_geonameid=place.geonameid if place else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                country=place.country if place else None,
            )
        )


def replace_analysis(conn: Connection, article: Article, story_id: str, ingested_at: datetime) -> None:
    """Replace a stored article's analysis (actors, places, times, quotes, mentions and what they
    make of corpus events) by ``article``'s, as if it had been ingested so at its first ingestion:
    the corpus events it created go (a later article's mention in one becomes an event of its own
    until that article is analysed again), its new mentions join only events seen before it, the
    events it shared are recounted and their participants recomputed, and events no article
    reports any more go."""
    aid = article.id
    e, m = S.events, S.event_mentions
    old = set(conn.execute(sa.select(m.c.event_id).where(m.c.article_id == aid).distinct()).scalars())
    for table in (S.event_participants, S.event_mentions, S.actors, S.places, S.times, S.quotes):
        conn.execute(table.delete().where(table.c.article_id == aid))
    fts.delete_mentions(conn, aid)
    own = set(conn.execute(sa.select(e.c.id).where(e.c.id.in_(sorted(old)), e.c.first_article_id == aid)).scalars())
    orphans = _orphan_events(conn, own)
    if own:
        conn.execute(e.delete().where(e.c.id.in_(sorted(own))))
    new = write_analysis(conn, article, story_id, ingested_at)
    fts.write_quotes(conn, aid, [(i, q.text, q.speaker_text) for i, q in enumerate(article.quotes)])
    shared = (old - own) | orphans
    _refresh_events(conn, shared)
    _recompute_participants(conn, shared | new)
    gone = shared - new
    if gone:
        conn.execute(e.delete().where(e.c.id.in_(sorted(gone)), e.c.n_mentions == 0))
    _refresh_first_reports(conn, (old - own) | new | orphans)


def _orphan_events(conn: Connection, own: set[str]) -> set[str]:
    """The other articles' mentions of corpus events about to go, each made an event of its own
    (from the mention's own type, date and place); returns the new events' ids."""
    if not own:
        return set()
    e, m, p = S.events, S.event_mentions, S.event_participants
    rows = conn.execute(
        sa.select(m, S.articles.c.ingested_at)
        .join(S.articles, S.articles.c.id == m.c.article_id)
        .where(m.c.event_id.in_(sorted(own)))
    ).all()
    out: set[str] = set()
    for r in rows:
        eid = corpus.mention_id(r.article_id, r.local_id)
        place = r.place if isinstance(r.place, dict) or r.place is None else json.loads(r.place)
        insert_ignore(
            conn,
            e,
            {
                "id": eid,
                "type": r.type,
                "mode": r.mode,
                "quad": r.quad,
                "modality": r.modality,
                "date": r.date,
                "actors": [],
                "recipients": [],
                "place_name": place["name"] if place else None,
                "place_geonameid": place.get("geonameid") if place else None,
                "lat": place.get("lat") if place else None,
                "lon": place.get("lon") if place else None,
                "country": place.get("country") if place else None,
                "first_article_id": r.article_id,
                "first_seen": r.ingested_at,
            },
        )
        where = sa.and_(m.c.article_id == r.article_id, m.c.local_id == r.local_id)
        conn.execute(m.update().where(where).values(event_id=eid))
        conn.execute(p.update().where(p.c.article_id == r.article_id, p.c.local_id == r.local_id).values(event_id=eid))
        fts.relink_mention(conn, r.article_id, r.local_id, eid)
        out.add(eid)
    _recompute_participants(conn, out)
    return out


def _recompute_participants(conn: Connection, event_ids: set[str]) -> None:
    """Each corpus event's actors and recipients: the union of its mentions' (by actor key), a
    mention's recipient that is also its actor left out, as a write makes them."""
    if not event_ids:
        return
    p = S.event_participants
    rows = conn.execute(
        sa.select(p.c.event_id, p.c.article_id, p.c.local_id, p.c.role, p.c.actor_key).where(
            p.c.event_id.in_(sorted(event_ids)), p.c.actor_key.is_not(None)
        )
    ).all()
    per: dict[tuple, dict[str, set[str]]] = {}
    for r in rows:
        per.setdefault((r.event_id, r.article_id, r.local_id), {"actor": set(), "recipient": set()})[r.role].add(
            r.actor_key
        )
    acts: dict[str, set[str]] = {eid: set() for eid in event_ids}
    recs: dict[str, set[str]] = {eid: set() for eid in event_ids}
    for (eid, _, _), roles in per.items():
        acts[eid] |= roles["actor"]
        recs[eid] |= roles["recipient"] - roles["actor"]
    for eid in sorted(event_ids):
        conn.execute(
            S.events.update().where(S.events.c.id == eid).values(actors=sorted(acts[eid]), recipients=sorted(recs[eid]))
        )


def _redate_by_publication(record: Article, published: str | None) -> Article:
    """``record``'s events dated by their publication day (``date_source: published``) moved to the
    new day: all a store can re-resolve without analysing the text again."""
    events = [
        ev.model_copy(update={"date": published}) if ev.date_source == "published" and published else ev
        for ev in record.events
    ]
    return record.model_copy(update={"events": events})


def stored_purge_mark(data: Any) -> dict | None:
    """The ``text_purged`` mark of a stored record (JSON text or dict), if retention purged it."""
    d = json.loads(data) if isinstance(data, str) else data
    return (d or {}).get("text_purged")


def write_known(conn: Connection, article: Article, params: dedupe.Params, ts: datetime) -> WriteResult:
    """A later input of a stored text: record its source and merge what it adds (store.merge).

    A new publication date re-dates the article: its analysis is replaced by ``article``'s when
    that was analysed with the new date (ingestion analyses such an input again), else only the
    events dated by their publication day move. Its coverage cluster is decided again among the
    articles ingested before it, with the new date window, as a first ingestion would have.
    """
    a = S.articles
    row = conn.execute(
        sa.select(
            a.c.story_id,
            a.c.cluster_id,
            a.c.similarity,
            a.c.ingested_at,
            a.c.published_date,
            a.c.published_source,
            a.c.url,
            a.c.publisher,
            a.c.agency,
            a.c.path,
            a.c.authors,
        ).where(a.c.id == article.id)
    ).one()
    story_id = row.story_id
    source_added = _add_source(conn, article, story_id, ts)
    changes = merge.merge(merge.stored_metadata(row), article)
    if not changes:
        if source_added:
            _refresh_story(conn, story_id)
        return WriteResult("duplicate", article.id, story_id, source_added=source_added, cluster_id=row.cluster_id)

    data = conn.execute(sa.select(a.c.data).where(a.c.id == article.id)).scalar_one()
    record = Article.from_dict(json.loads(data) if isinstance(data, str) else data)
    redated = "published_date" in changes
    if redated and _analysed(article):
        # The new analysis, under the stored record's own metadata and cleaning.
        keep = ("source", "authors", "published", "headline", "contributors", "dateline", "removed", "language")
        record = article.model_copy(update={k: getattr(record, k) for k in keep})
    updated = merge.apply(record, changes)
    purged = stored_purge_mark(data)
    if purged:  # retention dropped this text (dateline.retention): a later copy must not bring it back
        d = updated.to_dict()
        d.update(text="", removed=[{**r, "text": ""} for r in d.get("removed") or []], text_purged=purged)
        updated = Article.from_dict(d)
    if redated and not _analysed(article):
        updated = _redate_by_publication(updated, updated.published.date)
    values: dict[str, Any] = {k: v for k, v in changes.items()}
    values.update(data=updated.to_dict(), n_events=len(updated.events))
    cluster_id = row.cluster_id
    if redated:
        ingested_at = row.ingested_at
        if ingested_at.tzinfo is None:  # SQLite gives back naive UTC
            ingested_at = ingested_at.replace(tzinfo=UTC)
        replace_analysis(conn, updated, story_id, ingested_at)
        _redate_cluster_bands(conn, article.id, publication_day(updated.published.date))
        cluster_id = _cluster_again(conn, updated, row, params) or cluster_id
        values["cluster_id"] = cluster_id
    conn.execute(a.update().where(a.c.id == article.id).values(**values))

    s = S.stories
    story = conn.execute(sa.select(s.c.first_published, s.c.originator).where(s.c.id == story_id)).one()
    if story_id == article.id:
        story_values: dict[str, Any] = {}
        if story.first_published != updated.published.date:
            story_values["first_published"] = updated.published.date
        if story.originator is None and originator(updated):
            story_values["originator"] = originator(updated)
        if story_values:
            conn.execute(s.update().where(s.c.id == story_id).values(**story_values))
        if "originator" in story_values:  # independent sources are counted by originator
            m = S.event_mentions
            _refresh_events(
                conn, set(conn.execute(sa.select(m.c.event_id).where(m.c.story_id == story_id).distinct()).scalars())
            )
    _refresh_story(conn, story_id)
    return WriteResult(
        "updated",
        article.id,
        story_id,
        source_added=source_added,
        cluster_id=cluster_id,
        similarity=row.similarity,
        changes=tuple(sorted(changes)),
    )


def _cluster_again(conn: Connection, article: Article, row: Any, params: dedupe.Params) -> str | None:
    """The coverage cluster a first ingestion would have given ``article`` with its new date: its
    original's (a copy), else the most similar earlier report within the new date window, else its own."""
    before = row.ingested_at
    if row.similarity is not None:
        match = find_story(conn, dedupe.signature(article.text, params), params, before=before)
        if match is not None:
            found = conn.execute(sa.select(S.articles.c.cluster_id).where(S.articles.c.id == match[1])).scalar()
            if found is not None:
                return found
    names_sig = dedupe.signature(article.text, dedupe.COVERAGE)
    return find_cluster(conn, names_sig, article.published.date, before=before) or article.id


# -- actors and events across articles -----------------------------------------------------------


def actor_keys(conn: Connection, article: Article) -> dict[str, str]:
    """``corpus.actor_key`` of each actor of the article; a person named by a bare surname the
    lexicon does not know takes the full name the store holds for that surname, when one full
    name holds at least two thirds of the store's articles naming one ("Assad" -> Bashar
    al-Assad once the store has him and not Hafez)."""
    out = {a.id: corpus.actor_key(a, article.id) for a in article.actors}
    for a in article.actors:
        key = out[a.id]
        if a.kind != "person" or " " in key:
            continue
        word = key.split(":", 1)[1]
        full = _store_full_name(conn, word)
        if full:
            out[a.id] = full
    return out


def _store_full_name(conn: Connection, surname: str) -> str | None:
    a, w = S.actors, S.name_words
    rows = conn.execute(
        sa.select(a.c.actor_key, sa.func.count(sa.distinct(a.c.article_id)).label("n"))
        .where(
            a.c.kind == "person",
            a.c.name_key.in_(sa.select(w.c.name_key).where(w.c.word == surname)),
            a.c.actor_key.like(f"person:% {surname}"),
        )
        .group_by(a.c.actor_key)
    ).all()
    if not rows:
        return None
    total = sum(r.n for r in rows)
    best = max(rows, key=lambda r: (r.n, r.actor_key))
    return best.actor_key if best.n * 3 >= total * 2 else None


def _event_place(row: Any) -> dict | None:
    if row.place_name is None and row.place_geonameid is None:
        return None
    return {
        "name": row.place_name,
        "geonameid": row.place_geonameid,
        "lat": row.lat,
        "lon": row.lon,
        "country": row.country,
    }


def _link_events(
    conn: Connection, article: Article, story_id: str, akeys: dict[str, str], ts: datetime
) -> tuple[list[dict], set[str]]:
    """The article's event mentions, each joined to the corpus event it reports (see
    ``dateline.corpus``): one of the same type and modality that shares a participant and has a
    compatible date and place, else, for a mention without participants, the same event in
    another copy of the story, else a new corpus event. Inserts and updates the ``events``
    rows; returns the mention rows and the corpus events touched."""
    aid = article.id
    e, p, m = S.events, S.event_participants, S.event_mentions
    touched: set[str] = set()
    mentions: list[dict] = []
    local: list[dict] = []  # corpus events this article created, not yet in the participants index
    for ev in article.events:
        acts = sorted({akeys[x] for x in ev.actors if x in akeys})
        recs = sorted({akeys[x] for x in ev.recipients if x in akeys} - set(acts))
        parts = set(acts) | set(recs)
        place = ev.place.model_dump(mode="json") if ev.place else None
        loose = ev.date_source != "text"
        best = None  # (shared participants, -order, event id, row)
        cands: list[tuple[str, int, Any, bool]] = []  # (id, shared, row-like, text-dated)
        if parts:
            shared: dict[str, int] = dict(
                conn.execute(
                    sa.select(p.c.event_id, sa.func.count(sa.distinct(p.c.actor_key)))
                    .join(e, e.c.id == p.c.event_id)
                    .where(
                        p.c.actor_key.in_(sorted(parts)),
                        e.c.type == ev.type,
                        e.c.modality == ev.modality,
                        e.c.first_seen <= ts,  # a re-analysed article joins what was there before it
                        *_date_near(e.c.date, ev.date),
                    )
                    .group_by(p.c.event_id)
                ).all()
            )
            rows = (
                conn.execute(
                    sa.select(e)
                    .where(e.c.id.in_(sorted(shared)), e.c.type == ev.type, e.c.modality == ev.modality)
                    .order_by(e.c.first_seen, e.c.id)
                ).all()
                if shared
                else []
            )
            text_dated = _text_dated(conn, [r.id for r in rows])
            cands += [(r.id, shared[r.id], r, r.id in text_dated) for r in rows]
        else:
            rows = conn.execute(
                sa.select(e)
                .where(
                    e.c.id.in_(
                        sa.select(m.c.event_id).where(
                            m.c.story_id == story_id,
                            m.c.article_id != aid,
                            m.c.type == ev.type,
                            m.c.modality == ev.modality,
                        )
                    ),
                    ~sa.exists().where(p.c.event_id == e.c.id),
                    e.c.first_seen <= ts,
                )
                .order_by(e.c.first_seen, e.c.id)
            ).all()
            text_dated = _text_dated(conn, [r.id for r in rows])
            cands += [(r.id, 0, r, r.id in text_dated) for r in rows]
        for row in local:  # an actorless mention never joins another of its own article
            n = len(parts & row["_parts"])
            if n and row["type"] == ev.type and row["modality"] == ev.modality:
                cands.append((row["id"], n, row, row["_text"]))
        for order, (eid, n_shared, row, text) in enumerate(cands):
            get = row.get if isinstance(row, dict) else lambda k, r=row: getattr(r, k)
            if not corpus.dates_compatible(get("date"), ev.date, loose or not text):
                continue
            other = _event_place(row) if not isinstance(row, dict) else row["_place"]
            if not corpus.places_compatible(other, place):
                continue
            score = (n_shared, -order)
            if best is None or score > best[0]:
                best = (score, eid, row)
        if best is not None:
            eid = best[1]
            if isinstance(best[2], dict):
                best[2]["_parts"] |= parts
                best[2]["actors"] = sorted(set(best[2]["actors"]) | set(acts))
                best[2]["recipients"] = sorted(set(best[2]["recipients"]) | set(recs))
            elif not (set(acts) <= set(_json(best[2].actors)) and set(recs) <= set(_json(best[2].recipients))):
                conn.execute(
                    e.update()
                    .where(e.c.id == eid)
                    .values(
                        actors=sorted(set(_json(best[2].actors)) | set(acts)),
                        recipients=sorted(set(_json(best[2].recipients)) | set(recs)),
                    )
                )
        else:
            eid = corpus.mention_id(aid, ev.id)
            local.append(
                {
                    "id": eid,
                    "type": ev.type,
                    "mode": ev.mode,
                    "quad": ev.quad,
                    "modality": ev.modality,
                    "date": ev.date,
                    "actors": acts,
                    "recipients": recs,
                    "place_name": place["name"] if place else None,
                    "place_geonameid": place["geonameid"] if place else None,
                    "lat": place["lat"] if place else None,
                    "lon": place["lon"] if place else None,
                    "country": place["country"] if place else None,
                    "first_article_id": aid,
                    "first_seen": ts,
                    "_parts": set(parts),
                    "_place": place,
                    "_text": not loose,
                }
            )
        touched.add(eid)
        mentions.append(
            {
                "article_id": aid,
                "local_id": ev.id,
                "event_id": eid,
                "story_id": story_id,
                "type": ev.type,
                "mode": ev.mode,
                "quad": ev.quad,
                "modality": ev.modality,
                "cameo": ev.cameo,
                "date": ev.date,
                "date_source": ev.date_source,
                "actors": list(ev.actors),
                "recipients": list(ev.recipients),
                "place": place,
                "evidence_text": ev.evidence.text,
                "evidence_start": ev.evidence.start,
                "evidence_end": ev.evidence.end,
                "confidence": ev.confidence,
            }
        )
    insert_ignore(conn, e, [{k: v for k, v in row.items() if not k.startswith("_")} for row in local])
    return mentions, touched


def _date_near(col: Any, date: str | None) -> list:
    """A condition bounding the corpus events a mention dated ``date`` may join (their date is
    unknown, contains it, lies within it or a day from it); none for an undated mention."""
    if not date:
        return []
    from datetime import date as _date
    from datetime import timedelta

    within = [date[:4], date[:7]] if len(date) >= 7 else [date[:4]]
    terms = [col.is_(None), col.in_(sorted(set(within) - {date})), col.like(date + "%")]
    if len(date) == 10:
        try:
            d = _date.fromisoformat(date)
            terms.append(col.in_([(d - timedelta(days=1)).isoformat(), (d + timedelta(days=1)).isoformat()]))
        except ValueError:
            pass
    return [sa.or_(*terms)]


def _text_dated(conn: Connection, event_ids: list[str]) -> set[str]:
    """The corpus events among ``event_ids`` that some mention dates from its own text."""
    if not event_ids:
        return set()
    m = S.event_mentions
    return set(
        conn.execute(
            sa.select(m.c.event_id).where(m.c.event_id.in_(event_ids), m.c.date_source == "text").distinct()
        ).scalars()
    )


def _json(v: Any) -> list:
    import json

    return json.loads(v) if isinstance(v, str) else list(v or [])


def write_rejected(conn: Connection, exc: InputRejected) -> None:
    origin = exc.source or "<unknown>"
    values = {"origin": origin, "reason": exc.reason, "message": str(exc), "seen_at": now()}
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # the same on_conflict_do_nothing() API; mypy types the name by its first import
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    stmt = insert(S.rejected).values(values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["origin"],
            set_={"reason": stmt.excluded.reason, "message": stmt.excluded.message, "seen_at": stmt.excluded.seen_at},
        )
    )


def check_params(
    conn: Connection, params: dedupe.Params = dedupe.DEFAULT, coverage: dedupe.Params = dedupe.COVERAGE
) -> None:
    """Record the MinHash parameters on first use; refuse to mix signatures of other parameters."""
    from ..errors import StoreError

    for key, p in (("minhash", params), ("coverage", coverage)):
        row = conn.execute(sa.select(S.meta.c.value).where(S.meta.c.key == key)).first()
        if row is None:
            insert_ignore(conn, S.meta, {"key": key, "value": p.key()})
        elif row.value != p.key():
            raise StoreError(
                f"this store's {key} signatures were made with {row.value!r}, not {p.key()!r}; "
                "ingest into a new store or keep the store's parameters"
            )


# -- the query planner's statistics ------------------------------------------------------------------
STATS_KEY = "analyzed_events"
STATS_MIN_EVENTS = 1000


def refresh_statistics(conn: Connection) -> bool:
    """SQLite: gather the query planner's statistics (ANALYZE) when the store holds at least
    ``STATS_MIN_EVENTS`` events and twice as many as at the last gathering (call inside a write
    transaction). Without them SQLite takes the unique id index for an event lookup whatever else
    it needs, not the covering one (a participant's page read every event row: 16 ms, not 5).
    PostgreSQL's autovacuum gathers its own. Returns whether it ran."""
    if conn.dialect.name != "sqlite":
        return False
    n = conn.execute(sa.select(sa.func.count()).select_from(S.events)).scalar_one()
    last = conn.execute(sa.select(S.meta.c.value).where(S.meta.c.key == STATS_KEY)).scalar()
    if n < STATS_MIN_EVENTS or (last is not None and n < 2 * int(last)):
        return False
    conn.exec_driver_sql("ANALYZE")
    if last is None:
        conn.execute(S.meta.insert().values(key=STATS_KEY, value=str(n)))
    else:
        conn.execute(S.meta.update().where(S.meta.c.key == STATS_KEY).values(value=str(n)))
    return True
