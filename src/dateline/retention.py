"""Retention: drop the full text of articles past an age, keep the facts.

>>> from dateline.retention import purge
>>> purge("sqlite:///news.db", "30d").articles      # `dateline purge --text-older-than 30d`

Many news licences allow keeping an article's full text for a limited time while facts and short
snippets may stay. :func:`purge` empties the text of every article ingested before the cutoff
(``articles.text``, the record's ``text`` and the page parts cleaning removed, and the
full-text row) and keeps everything else: the story link and sources (URLs), actors, places,
times, quotes, events with their evidence sentences, the article id (a hash of the text) and the
MinHash signatures, so that fetching the same page again is still recognised as a duplicate and a
syndicated copy still joins its story. The record then carries ``text_purged``:
``{"at", "chars", "sha256", "reason"}``, and ``purged_texts`` keeps the same in the store. Age is
counted from ingestion (when the text was copied), not publication.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from .store import Store, fts
from .store import schema as S


@dataclass
class PurgeSummary:
    articles: int = 0  # articles whose text was dropped
    chars: int = 0  # characters of text dropped
    cutoff: str = ""
    dry_run: bool = False

    def line(self) -> str:
        verb = "would drop" if self.dry_run else "dropped"
        return (
            f"{verb} the text of {self.articles} article(s) ingested before {self.cutoff} ({self.chars:,} characters); "
            f"events, snippets, links and hashes kept"
        )


def purge(
    db: str | Store | None,
    older_than: str | timedelta,
    *,
    at: datetime | None = None,
    dry_run: bool = False,
    batch: int = 200,
) -> PurgeSummary:
    """Empty the text of every article ingested more than ``older_than`` ago (``"30d"``, ``"0d"``:
    everything ingested until now). One transaction per ``batch`` articles."""
    from .watch import parse_duration

    age = parse_duration(older_than, "--text-older-than")
    store = db if isinstance(db, Store) else Store.open(db)
    try:
        at = at or datetime.now(UTC)
        cutoff = at - age
        summary = PurgeSummary(cutoff=cutoff.isoformat(timespec="seconds"), dry_run=dry_run)
        a, p = S.articles, S.purged_texts
        done = sa.select(p.c.article_id)
        last = ""
        while True:
            with store.engine.begin() as conn:
                rows = conn.execute(
                    sa.select(a.c.id, a.c.headline, a.c.text, a.c.data)
                    .where(a.c.ingested_at <= cutoff, a.c.id > last, a.c.id.not_in(done))
                    .order_by(a.c.id)
                    .limit(batch)
                ).all()
                if not rows:
                    break
                last = rows[-1].id
                for r in rows:
                    summary.articles += 1
                    summary.chars += len(r.text or "")
                    if not dry_run:
                        _purge_one(conn, r, at)
        return summary
    finally:
        if not isinstance(db, Store):
            store.close()


def _purge_one(conn: sa.Connection, row: sa.Row, at: datetime) -> None:
    a = S.articles
    text = row.text or ""
    mark = {
        "at": at.isoformat(timespec="seconds"),
        "chars": len(text),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "reason": "retention",
    }
    data = json.loads(row.data) if isinstance(row.data, str) else dict(row.data)
    data["text"] = ""
    data["removed"] = [{**r, "text": ""} for r in data.get("removed") or []]
    data["text_purged"] = mark
    conn.execute(a.update().where(a.c.id == row.id).values(text="", data=data))
    fts.write_article(conn, row.id, row.headline, "")  # the headline stays findable, the text goes
    conn.execute(
        S.purged_texts.insert().values(
            article_id=row.id, purged_at=at, text_chars=mark["chars"], text_sha256=mark["sha256"]
        )
    )


def purged(store: Store, article_id: str) -> dict | None:
    """``{purged_at, text_chars, text_sha256}`` when the article's text was purged, else None."""
    p = S.purged_texts
    with store.engine.connect() as conn:
        r = conn.execute(sa.select(p).where(p.c.article_id == article_id)).first()
    if r is None:
        return None
    return {"purged_at": r.purged_at.isoformat(), "text_chars": r.text_chars, "text_sha256": r.text_sha256}
