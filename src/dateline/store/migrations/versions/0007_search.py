"""One full-text search for both backends: words made in Python, stored as they are.

SQLite's FTS5 tables and PostgreSQL's tsvector columns used to tokenize, stem and drop stop words
each their own way (FTS5: Porter, no stop words, accents folded; PostgreSQL: English Snowball,
stop words dropped, accents kept), so one query answered differently per backend ("the": 20 hits
and 0; "débat": 9 and 0). From this revision both store what ``dateline.store.fts`` makes of a
text (the rule is copied below, frozen: a migration must not change when today's code does):
each word (decomposed, without combining marks, case-folded, runs of letters and digits) and its
Snowball English stem. Existing articles and quotes are indexed again here.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 500
MAX_WORDS = 16_000
MAX_POSITION = 16383
_WORD = re.compile(r"[^\W_]+")


def _words(text: str | None) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text or "")
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORD.findall(folded)[:MAX_WORDS]


_STEMMER = None
_STEMS: dict = {}


def _stem(word: str) -> str:
    global _STEMMER
    if _STEMMER is None:
        import snowballstemmer

        _STEMMER = snowballstemmer.stemmer("english")
    got = _STEMS.get(word)
    if got is None:
        got = _STEMS[word] = _STEMMER.stemWord(word)
    return got


def _fts5(text: str | None) -> tuple[str, str]:
    ws = _words(text)
    return " ".join(_stem(w) for w in ws), " ".join(ws)


def _tsvector(*texts: str | None) -> str:
    positions: dict = {}
    pos = 0
    for text in texts:
        pos += 1
        for w in _words(text):
            pos += 1
            p = min(pos, MAX_POSITION)
            for lexeme in (_stem(w), "=" + w):
                got = positions.setdefault(lexeme, [])
                if not got or got[-1] != p:
                    got.append(p)
    return " ".join(f"'{lx}':{','.join(map(str, ps[:256]))}" for lx, ps in sorted(positions.items()))


ARTICLES_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, headline_stems, headline_words, "
    "text_stems, text_words, tokenize='unicode61 remove_diacritics 0')"
)
QUOTES_FTS = (
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(article_id UNINDEXED, idx UNINDEXED, text_stems, text_words, "
    "speaker_stems, speaker_words, tokenize='unicode61 remove_diacritics 0')"
)


def _batches(conn: sa.Connection, sql: str, key: Callable[[sa.Row], Any]) -> Iterator[Sequence[sa.Row]]:
    """Rows of ``sql`` (ordered by ``key``, with a ``:last`` bound) in batches."""
    last = None
    while True:
        rows = conn.execute(sa.text(sql), {"last": last, "n": BATCH}).all()
        if not rows:
            return
        yield rows
        last = key(rows[-1])


def _quotes(conn: sa.Connection) -> Iterator[Sequence[sa.Row]]:
    """The quotes of every article, a batch of articles at a time."""
    cast = "CAST(:last AS text)" if conn.dialect.name == "postgresql" else ":last"
    for ids in _batches(
        conn, f"SELECT id FROM articles WHERE {cast} IS NULL OR id > :last ORDER BY id LIMIT :n", lambda r: r.id
    ):
        rows = conn.execute(
            sa.text("SELECT article_id, idx, text, speaker_text FROM quotes WHERE article_id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": [r.id for r in ids]},
        ).all()
        if rows:
            yield rows


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
        op.execute(ARTICLES_FTS)
        op.execute(QUOTES_FTS)
        for rows in _batches(
            conn,
            "SELECT id, headline, text FROM articles WHERE :last IS NULL OR id > :last ORDER BY id LIMIT :n",
            lambda r: r.id,
        ):
            values = []
            for r in rows:
                hs, hw = _fts5(r.headline)
                ts, tw = _fts5(r.text)
                values.append({"a": r.id, "hs": hs, "hw": hw, "ts": ts, "tw": tw})
            conn.execute(
                sa.text(
                    "INSERT INTO articles_fts(article_id, headline_stems, headline_words, text_stems, text_words) "
                    "VALUES (:a, :hs, :hw, :ts, :tw)"
                ),
                values,
            )
        for rows in _quotes(conn):
            values = []
            for r in rows:
                qs, qw = _fts5(r.text)
                ss, sw = _fts5(r.speaker_text)
                values.append({"a": r.article_id, "i": r.idx, "qs": qs, "qw": qw, "ss": ss, "sw": sw})
            conn.execute(
                sa.text(
                    "INSERT INTO quotes_fts(article_id, idx, text_stems, text_words, speaker_stems, speaker_words) "
                    "VALUES (:a, :i, :qs, :qw, :ss, :sw)"
                ),
                values,
            )
    elif conn.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_tsv")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS tsv")
        op.execute("ALTER TABLE articles ADD COLUMN tsv tsvector")
        op.execute("DROP INDEX IF EXISTS ix_quotes_tsv")
        op.execute("ALTER TABLE quotes DROP COLUMN IF EXISTS tsv")
        op.execute("ALTER TABLE quotes ADD COLUMN tsv tsvector")
        for rows in _batches(
            conn,
            "SELECT id, headline, text FROM articles WHERE CAST(:last AS text) IS NULL OR id > :last "
            "ORDER BY id LIMIT :n",
            lambda r: r.id,
        ):
            conn.execute(
                sa.text("UPDATE articles SET tsv = CAST(:v AS tsvector) WHERE id = :a"),
                [{"a": r.id, "v": _tsvector(r.headline, r.text)} for r in rows],
            )
        for rows in _quotes(conn):
            conn.execute(
                sa.text("UPDATE quotes SET tsv = CAST(:v AS tsvector) WHERE article_id = :a AND idx = :i"),
                [{"a": r.article_id, "i": r.idx, "v": _tsvector(r.text, r.speaker_text)} for r in rows],
            )
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)")
        op.execute("CREATE INDEX ix_quotes_tsv ON quotes USING GIN (tsv)")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "article_id UNINDEXED, headline, text, tokenize='porter unicode61')"
        )
        op.execute(
            "CREATE VIRTUAL TABLE quotes_fts USING fts5("
            "article_id UNINDEXED, idx UNINDEXED, text, speaker_text, tokenize='porter unicode61')"
        )
        op.execute(
            "INSERT INTO articles_fts(article_id, headline, text) SELECT id, coalesce(headline, ''), text FROM articles"
        )
        op.execute(
            "INSERT INTO quotes_fts(article_id, idx, text, speaker_text) "
            "SELECT article_id, idx, text, coalesce(speaker_text, '') FROM quotes"
        )
    elif conn.dialect.name == "postgresql":
        for table, expr in (
            ("articles", "coalesce(headline, '') || ' ' || text"),
            ("quotes", "text || ' ' || coalesce(speaker_text, '')"),
        ):
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_tsv")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS tsv")
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                f"(to_tsvector('english', {expr})) STORED"
            )
            op.execute(f"CREATE INDEX ix_{table}_tsv ON {table} USING GIN (tsv)")
