"""Write one Article into the store, in one transaction, idempotently.

``write_article(conn, article, sig)`` runs inside the caller's transaction (``engine.begin()``)
so that an article is either stored with everything that belongs to it (story, source, actors,
places, times, quotes, event mentions, corpus events, signature, full-text rows) or not at all.
Writing an article whose id is already stored changes nothing, except recording a new source
(another URL or path that carried the same text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import corpus, dedupe
from ..article import Article
from ..errors import InputRejected
from . import schema as S


@dataclass
class WriteResult:
    status: str  # "stored" (new article), "duplicate" (article id already stored)
    article_id: str
    story_id: str
    linked: bool = False  # a new article that joined an existing story (a syndicated copy)
    cluster_id: str | None = None  # same-event coverage cluster
    similarity: float | None = None
    source_added: bool = False


def now() -> datetime:
    return datetime.now(UTC)


def insert_ignore(conn: Connection, table: sa.Table, rows: list[dict] | dict) -> None:
    """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
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
        if not conn.connection.dbapi_connection.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def locator(article: Article) -> str:
    return article.source.url or article.source.path or ""


def originator(article: Article) -> str | None:
    return article.source.agency or article.source.publisher


def has_article(conn: Connection, article_id: str) -> bool:
    return conn.execute(sa.select(S.articles.c.id).where(S.articles.c.id == article_id)).first() is not None


def _candidates(
    conn: Connection, bands_table: sa.Table, sig: np.ndarray, params: dedupe.Params, extra=None
) -> list[str]:
    bands = dedupe.band_hashes(sig, params)
    # An OR of (band = ? AND hash = ?) terms, not a row-value IN: SQLite scans the whole table for
    # `(band, hash) IN (VALUES ...)` but serves each OR term from the primary key, so the lookup
    # stays constant as the store grows instead of linear in it.
    q = (
        sa.select(bands_table.c.article_id)
        .distinct()
        .where(sa.or_(*(sa.and_(bands_table.c.band == b, bands_table.c.hash == h) for b, h in bands)))
    )
    if extra is not None:
        q = q.join(S.articles, S.articles.c.id == bands_table.c.article_id).where(extra)
    return list(conn.execute(q).scalars().all())


def find_story(
    conn: Connection, sig: np.ndarray, params: dedupe.Params = dedupe.DEFAULT
) -> tuple[str, str, float] | None:
    """``(story_id, article_id, similarity)`` of the most similar stored article, if any."""
    cand = _candidates(conn, S.lsh_bands, sig, params)
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


def _date_window(date: str | None, days: int):
    """A condition on articles.published_date: within ``days`` of ``date`` (or undated)."""
    from datetime import date as _date
    from datetime import timedelta

    if not date or len(date) != 10:
        return None
    try:
        d = _date.fromisoformat(date)
    except ValueError:
        return None
    lo, hi = (d - timedelta(days=days)).isoformat(), (d + timedelta(days=days)).isoformat()
    col = S.articles.c.published_date
    return sa.or_(col.is_(None), sa.func.length(col) != 10, col.between(lo, hi))


def find_cluster(
    conn: Connection, names_sig: np.ndarray, published: str | None, params: dedupe.Params = dedupe.COVERAGE
) -> str | None:
    """The coverage cluster of the stored article most similar by names (within the date window)."""
    cand = _candidates(conn, S.cluster_bands, names_sig, params, _date_window(published, dedupe.COVERAGE_DAYS))
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


def _source_row(article: Article, story_id: str, ts: datetime) -> dict[str, Any]:
    return {
        "story_id": story_id,
        "article_id": article.id,
        "locator": locator(article),
        "publisher": article.source.publisher,
        "agency": article.source.agency,
        "url": article.source.url,
        "path": article.source.path,
        "first_seen": ts,
    }


def name_word_rows(keys: Iterable[str]) -> list[dict[str, str]]:
    """``name_words`` rows for actor name keys (``corpus.name_key``): one per word of each."""
    return [{"word": w, "name_key": k} for k in sorted(set(keys)) for w in sorted(set(k.split()))]


def participant_rows(
    actors: dict[tuple[str, str], tuple[str, str | None]],
    mentions: Iterable[tuple[str, str, str, list[str], list[str]]],
) -> list[dict[str, Any]]:
    """``event_participants`` rows: ``actors`` maps ``(article_id, actor_id)`` to ``(name_key,
    country)``; ``mentions`` yields ``(article_id, local_id, event_id, actor ids, recipient ids)``.
    A participant id with no actor row is left out (participant filters match actors)."""
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


_REFRESH_EVENTS = sa.text(
    "UPDATE events SET "
    "n_mentions = (SELECT count(*) FROM event_mentions m WHERE m.event_id = events.id), "
    "n_articles = (SELECT count(DISTINCT m.article_id) FROM event_mentions m WHERE m.event_id = events.id), "
    "n_stories = (SELECT count(DISTINCT m.story_id) FROM event_mentions m WHERE m.event_id = events.id), "
    "n_sources = (SELECT count(DISTINCT coalesce(s.originator, s.id)) FROM event_mentions m "
    "JOIN stories s ON s.id = m.story_id WHERE m.event_id = events.id) "
    "WHERE id IN :ids"
).bindparams(sa.bindparam("ids", expanding=True))


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
    existing = conn.execute(sa.select(S.articles.c.story_id).where(S.articles.c.id == article.id)).first()
    if existing is not None:
        story_id = existing.story_id
        loc = locator(article)
        known = conn.execute(
            sa.select(S.sources.c.id).where(S.sources.c.article_id == article.id, S.sources.c.locator == loc)
        ).first()
        if known is None:
            insert_ignore(conn, S.sources, _source_row(article, story_id, ts))
            _refresh_story(conn, story_id)
        return WriteResult(
            "duplicate",
            article.id,
            story_id,
            source_added=known is None,
            cluster_id=conn.execute(sa.select(S.articles.c.cluster_id).where(S.articles.c.id == article.id)).scalar(),
        )

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
            publisher=article.source.publisher,
            agency=article.source.agency,
            url=article.source.url,
            path=article.source.path,
            authors=list(article.authors),
            text=article.text,
            n_events=len(article.events),
            similarity=sim,
            cluster_id=cluster_id,
            ingested_at=ts,
            data=data,
        )
    )
    aid = article.id
    insert_ignore(conn, S.sources, _source_row(article, story_id, ts))
    keys = {a.id: corpus.name_key(a.name) for a in article.actors}
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

    touched: set[str] = set()
    mentions = []
    new_events: dict[str, dict] = {}
    for ev in article.events:
        key = corpus.event_key(article, ev)
        eid = corpus.event_id(key)
        place = ev.place
        new_events.setdefault(
            eid,
            {
                "id": eid,
                "type": ev.type,
                "mode": ev.mode,
                "quad": ev.quad,
                "modality": ev.modality,
                "date": ev.date,
                "actors": key["actors"],
                "recipients": key["recipients"],
                "place_name": place.name if place else None,
                "place_geonameid": place.geonameid if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "country": place.country if place else None,
                "first_article_id": aid,
                "first_seen": ts,
            },
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
                "place": place.model_dump(mode="json") if place else None,
                "evidence_text": ev.evidence.text,
                "evidence_start": ev.evidence.start,
                "evidence_end": ev.evidence.end,
                "confidence": ev.confidence,
            }
        )
    insert_ignore(conn, S.events, list(new_events.values()))
    insert_ignore(conn, S.event_mentions, mentions)
    insert_ignore(
        conn,
        S.event_participants,
        participant_rows(
            {(aid, a.id): (keys[a.id], a.country) for a in article.actors},
            ((aid, m["local_id"], m["event_id"], m["actors"], m["recipients"]) for m in mentions),
        ),
    )
    _refresh_events(conn, touched)

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
        [{"band": b, "hash": h, "article_id": aid} for b, h in dedupe.band_hashes(names_sig, dedupe.COVERAGE)],
    )
    if conn.dialect.name == "sqlite":
        conn.execute(
            sa.text("INSERT INTO articles_fts(article_id, headline, text) VALUES (:a, :h, :t)"),
            {"a": aid, "h": article.headline or "", "t": article.text},
        )
        if article.quotes:
            conn.execute(
                sa.text("INSERT INTO quotes_fts(article_id, idx, text, speaker_text) VALUES (:a, :i, :t, :s)"),
                [{"a": aid, "i": i, "t": q.text, "s": q.speaker_text or ""} for i, q in enumerate(article.quotes)],
            )
    _refresh_story(conn, story_id)
    return WriteResult("stored", aid, story_id, linked=match is not None, similarity=sim, cluster_id=cluster_id)


def write_rejected(conn: Connection, exc: InputRejected) -> None:
    origin = exc.source or "<unknown>"
    values = {"origin": origin, "reason": exc.reason, "message": str(exc), "seen_at": now()}
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
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
