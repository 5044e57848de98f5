"""Full-text search with one behaviour on SQLite and PostgreSQL: one tokenizer, one query language.

Text is turned into words here, in Python, the same way for both backends, and each backend only
stores and matches what it is given; no database tokenizer, stemmer, stop list or locale takes
part. So a query finds the same articles on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

**Words** (:func:`words`): the text decomposed (NFKD, so "ﬁ" is "fi" and "²" is "2"), combining
marks dropped ("débat" is "debat", "Erdoğan" "erdogan"), case-folded, cut into runs of letters
and digits ("Kim Jong-un" is kim, jong, un; "3.5" is 3, 5). Nothing is a stop word: "the" is
found like any other word. Each word is indexed twice: as itself (for prefixes) and as its stem
(Snowball's English stemmer, for everything else: "talks" finds "talk", "talked").

**Query language** (:func:`parse`), the same on both backends:

- ``word``: articles with the word or another form of it (its stem);
- ``"several words"``: the words in this order, next to each other (each by its stem);
- ``prefix*``: a word that starts with ``prefix`` as written (``zelensk*``: Zelensky, Zelenskiy);
  a phrase ending in ``*`` ends in a prefix, and its words are then matched as written;
- ``a b`` or ``a AND b``: both; ``a OR b``: either; ``NOT a`` or ``-a``: without (beside at least
  one term it is subtracted from); parentheses group. AND binds tighter than OR.
- Operators are the upper-case words AND, OR, NOT; in any other case they are words. One with
  nothing to act on is dropped ("summit NOT" is "summit"); nesting is bounded (``MAX_NESTING``).

Storage: SQLite ``articles_fts(article_id, headline_stems, headline_words, text_stems,
text_words)`` and ``quotes_fts(article_id, idx, text_stems, text_words, speaker_stems,
speaker_words)``, FTS5 tables holding the words above (tokenizer ``unicode61`` with nothing left
for it to fold); PostgreSQL ``articles.tsv`` and ``quotes.tsv``, tsvectors built here: each stem
as a lexeme, each word as the lexeme ``=word``, with positions (a phrase never spans the
headline and the text). Ranking differs and is documented per backend in docs/store.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeAlias

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..errors import UsageError

STEMMER = "english"
#: Words of one text (headline, body, quote) that are indexed: PostgreSQL keeps word positions up to
#: 16,383, so both backends index the first 16,000 words of a text and no more (a news article has
#: a few thousand at most).
MAX_WORDS = 16_000
MAX_POSITION = 16383
#: Parentheses and NOTs inside one another that a query may hold (no one writes more; a deeper query
#: is refused with a reason, not read by recursing until Python's stack runs out).
MAX_NESTING = 32
_WORD = re.compile(r"[^\W_]+")


# -- words -----------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """``text`` decomposed (NFKD), without combining marks, case-folded."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The words search indexes and matches in ``text`` (see the module docstring)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(STEMMER)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word (as :func:`words` gives it)."""
    return _stemmer().stemWord(word)


def stems(ws: list[str]) -> list[str]:
    return [stem(w) for w in ws]


# -- what the backends store --------------------------------------------------------------------------
@dataclass(frozen=True)
class Fts5Table:
    """A SQLite FTS5 table (the module docstring's Storage): its key columns, then each indexed
    text as two columns, ``TEXT_stems`` and ``TEXT_words`` (:func:`fts5_columns`)."""

    name: str
    keys: tuple[str, ...]
    texts: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.keys, *(f"{t}_{part}" for t in self.texts for part in ("stems", "words")))

    @property
    def match_columns(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(the stem columns, the word columns): what a query's terms match (:func:`to_fts5`)."""
        return tuple(f"{t}_stems" for t in self.texts), tuple(f"{t}_words" for t in self.texts)

    def insert(self) -> Any:
        """The INSERT of one row, its values bound by column name (:meth:`row`)."""
        cols = self.columns
        return sa.text(f"INSERT INTO {self.name}({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})")

    def row(self, keys: tuple[Any, ...], texts: tuple[str | None, ...]) -> dict[str, Any]:
        """The values of :meth:`insert` for a row with these keys and texts."""
        return dict(zip(self.columns, (*keys, *(x for t in texts for x in fts5_columns(t))), strict=True))


ARTICLES_FTS = Fts5Table("articles_fts", ("article_id",), ("headline", "text"))
QUOTES_FTS = Fts5Table("quotes_fts", ("article_id", "idx"), ("text", "speaker"))


def tsvector(*texts: str | None) -> str:
    """A PostgreSQL tsvector literal for ``texts`` (headline, body): stems and ``=word`` lexemes
    with their positions; a gap between the texts keeps a phrase from spanning them."""
    positions: dict[str, list[int]] = {}
    pos = 0
    for text in texts:
        pos += 1  # the gap
        for w in words(text or "")[:MAX_WORDS]:
            pos += 1
            p = min(pos, MAX_POSITION)
            for lexeme in (stem(w), "=" + w):
                got = positions.setdefault(lexeme, [])
                if not got or got[-1] != p:
                    got.append(p)
    return " ".join(f"'{lx}':{','.join(map(str, ps[:256]))}" for lx, ps in sorted(positions.items()))


def fts5_columns(text: str | None) -> tuple[str, str]:
    """``(stems, words)`` of one text, as the SQLite FTS5 columns hold them."""
    ws = words(text or "")[:MAX_WORDS]
    return " ".join(stems(ws)), " ".join(ws)


def write_article(conn: Connection, article_id: str, headline: str | None, text: str) -> None:
    """Index an article's headline and text (replacing what was indexed for it)."""
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("DELETE FROM articles_fts WHERE article_id = :a"), {"a": article_id})
        conn.execute(ARTICLES_FTS.insert(), ARTICLES_FTS.row((article_id,), (headline, text)))
    elif conn.dialect.name == "postgresql":
        conn.execute(
            sa.text("UPDATE articles SET tsv = CAST(:v AS tsvector) WHERE id = :a"),
            {"a": article_id, "v": tsvector(headline, text)},
        )


def write_quotes(conn: Connection, article_id: str, quotes: list[tuple[int, str, str | None]]) -> None:
    """Index an article's quotes ``[(idx, text, speaker_text)]`` (replacing what was indexed)."""
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("DELETE FROM quotes_fts WHERE article_id = :a"), {"a": article_id})
        if quotes:
            rows = [QUOTES_FTS.row((article_id, i), (text, speaker)) for i, text, speaker in quotes]
            conn.execute(QUOTES_FTS.insert(), rows)
    elif conn.dialect.name == "postgresql" and quotes:
        conn.execute(
            sa.text("UPDATE quotes SET tsv = CAST(:v AS tsvector) WHERE article_id = :a AND idx = :i"),
            [{"a": article_id, "i": i, "v": tsvector(text, speaker)} for i, text, speaker in quotes],
        )


# The event mentions' sentences. SQLite: ``mentions_fts(words)``, an FTS5 table whose rowid is the
# ``key`` of ``mentions_fts_keys(key INTEGER PRIMARY KEY, article_id, local_id, event_id)``: a match
# reads rowids only, and each leads to its event through an integer primary key (an INTEGER PRIMARY
# KEY survives VACUUM, where the implicit rowid of event_mentions would not). PostgreSQL:
# ``event_mentions.tsv``, the words as lexemes, under a GIN index.
def delete_mentions(conn: Connection, article_id: str) -> None:
    """Drop the indexed sentences of an article's event mentions (before they are written anew;
    on PostgreSQL they go with the ``event_mentions`` rows)."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            sa.text(
                "DELETE FROM mentions_fts WHERE rowid IN (SELECT key FROM mentions_fts_keys WHERE article_id = :a)"
            ),
            {"a": article_id},
        )
        conn.execute(sa.text("DELETE FROM mentions_fts_keys WHERE article_id = :a"), {"a": article_id})


def write_mentions(conn: Connection, article_id: str, mentions: list[tuple[str, str, str]]) -> None:
    """Index the evidence sentences of an article's new event mentions ``[(local_id, event_id,
    text)]``: their words, for the event ``text`` filter."""
    if conn.dialect.name == "sqlite":
        for local_id, event_id, text in mentions:
            key = conn.execute(
                sa.text("INSERT INTO mentions_fts_keys(article_id, local_id, event_id) VALUES (:a, :l, :e)"),
                {"a": article_id, "l": local_id, "e": event_id},
            ).lastrowid
            conn.execute(
                sa.text("INSERT INTO mentions_fts(rowid, words) VALUES (:k, :w)"),
                {"k": key, "w": " ".join(words(text)[:MAX_WORDS])},
            )
    elif conn.dialect.name == "postgresql" and mentions:
        conn.execute(
            sa.text("UPDATE event_mentions SET tsv = CAST(:v AS tsvector) WHERE article_id = :a AND local_id = :l"),
            [{"a": article_id, "l": local_id, "v": word_tsvector(text)} for local_id, _, text in mentions],
        )


def relink_mention(conn: Connection, article_id: str, local_id: str, event_id: str) -> None:
    """A mention now reports another corpus event (on PostgreSQL its row says so already)."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            sa.text("UPDATE mentions_fts_keys SET event_id = :e WHERE article_id = :a AND local_id = :l"),
            {"a": article_id, "l": local_id, "e": event_id},
        )


def word_tsvector(text: str | None) -> str:
    """A PostgreSQL tsvector literal of the words of ``text`` (no stems, no positions)."""
    return " ".join(_lexeme(w) for w in sorted(set(words(text or "")[:MAX_WORDS])))


def mentions_with_words(dialect: str, ws: list[str]) -> Any:
    """A SELECT of the ``event_id`` of every event mention whose evidence sentence holds each of
    the words ``ws`` (as :func:`words` makes them), through the backend's word index."""
    if dialect == "sqlite":
        keys = sa.table("mentions_fts_keys", sa.column("key"), sa.column("event_id"))
        match = sa.text("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH :mention_words").bindparams(
            mention_words=" ".join(f'"{w}"' for w in ws)
        )
        return sa.select(keys.c.event_id).where(keys.c.key.in_(match))
    from . import schema as S

    return sa.select(S.event_mentions.c.event_id).where(
        sa.text("event_mentions.tsv @@ CAST(:mention_words AS tsquery)").bindparams(
            mention_words=" & ".join(_lexeme(w) for w in ws)
        )
    )


# -- the query language ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    """A word or a phrase (several words in order); ``prefix``: the last word is a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Not:
    item: Any


@dataclass(frozen=True)
class And:
    items: tuple[Any, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Any, ...]


if TYPE_CHECKING:
    Node: TypeAlias = Term | Not | And | Or


_TOKEN = re.compile(
    r'\s*(?:(?P<phrase>"[^"]*"\*?)|(?P<open>\()|(?P<close>\))|(?P<minus>-)(?=[^\s-])|(?P<word>[^\s()"]+))'
)


def _tokens(query: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    query = query or ""
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if m is None or m.end() == pos:
            if query[pos:].strip() == "":
                break
            if query[pos:].lstrip().startswith('"'):
                raise UsageError('search: a phrase is missing its closing quote (")')
            raise UsageError(f"search: cannot read {query[pos:].strip()[:20]!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def _term(raw: str, quoted: bool) -> Term | None:
    prefix = raw.endswith("*")
    body = raw.rstrip("*")
    if quoted:
        body = body[1:-1] if body.endswith('"') else body[1:]
    ws = tuple(words(body))
    if not ws:
        return None
    return Term(ws, prefix)


def parse(query: str) -> Node:
    """The query as a tree of Term, And, Or, Not (see the module docstring); UsageError when it
    holds no word or cannot be read. An operator with nothing to act on is dropped ('summit AND',
    'summit NOT', 'summit -' are 'summit'); parentheses and NOTs nested more than MAX_NESTING deep
    are refused."""
    tokens = _tokens(query)
    i = 0
    depth = 0

    def deeper() -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_NESTING:
            raise UsageError(f"search: parentheses and NOTs are nested more than {MAX_NESTING} deep")

    def peek() -> tuple[str | None, str | None]:
        return tokens[i] if i < len(tokens) else (None, None)

    def joined(node: Callable[[tuple[Node, ...]], Node], items: list[Node | None]) -> Node | None:
        """One node of the parts that are not empty: none, the part itself, or ``node`` of them."""
        kept = [x for x in items if x is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else node(tuple(kept))

    def or_expr() -> Node | None:
        nonlocal i
        items = [and_expr()]
        while peek() == ("word", "OR"):
            i += 1
            items.append(and_expr())
        return joined(Or, items)

    def and_expr() -> Node | None:
        nonlocal i
        items = []
        while True:
            kind, value = peek()
            if kind is None or kind == "close" or (kind == "word" and value == "OR"):
                break
            if kind == "word" and value == "AND":
                i += 1
                continue
            items.append(unary())
        return joined(And, items)

    def unary() -> Node | None:
        nonlocal i, depth
        kind, value = peek()
        if kind == "minus" or (kind == "word" and value == "NOT"):
            i += 1
            deeper()
            inner = unary()
            depth -= 1
            return Not(inner) if inner is not None else None
        return atom()

    def atom() -> Node | None:
        nonlocal i, depth
        kind, value = peek()
        if value is None or kind == "close" or (kind == "word" and value in ("AND", "OR")):
            return None  # a NOT with nothing after it: 'summit NOT', '(summit NOT)', 'summit NOT OR talks'
        i += 1
        if kind == "open":
            deeper()
            inner = or_expr()
            if peek()[0] != "close":
                raise UsageError("search: a parenthesis is not closed")
            i += 1
            depth -= 1
            return inner
        return _term(value, kind == "phrase")

    tree = or_expr()
    if i < len(tokens):
        raise UsageError("search: a closing parenthesis without its opening one")
    if tree is None:
        raise UsageError("search: give at least one word, e.g. dateline search 'nuclear talks'")
    _check(tree)
    return tree


def _check(node: Node) -> None:
    """NOT subtracts from something: it needs a positive term beside it in an AND."""
    if isinstance(node, Not):
        raise UsageError("search: NOT (or -) needs a word beside it to subtract from, e.g. 'summit -trump'")
    if isinstance(node, Or):
        for x in node.items:
            _check(x)
    if isinstance(node, And):
        if all(isinstance(x, Not) for x in node.items):
            raise UsageError("search: NOT (or -) needs a word beside it to subtract from, e.g. 'summit -trump'")
        for x in node.items:
            _check(x.item if isinstance(x, Not) else x)


def positive_words(node: Node) -> list[tuple[str, bool]]:
    """``(word, is_prefix)`` of every term that is not negated, for highlighting."""
    if isinstance(node, Term):
        return [(w, node.prefix and k == len(node.words) - 1) for k, w in enumerate(node.words)]
    if isinstance(node, Not):
        return []
    return [x for item in node.items for x in positive_words(item)]


# -- compiling to each backend ---------------------------------------------------------------------------
def to_fts5(node: Node, columns: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    """An FTS5 MATCH expression; ``columns``: (stem columns, word columns)."""
    stem_cols, word_cols = columns
    if isinstance(node, Term):
        if node.prefix:
            phrase = '"' + " ".join(node.words) + '" *'
            return "{" + " ".join(word_cols) + "} : " + phrase
        phrase = '"' + " ".join(stems(list(node.words))) + '"'
        return "{" + " ".join(stem_cols) + "} : " + phrase
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(x, columns) for x in node.items) + ")"
    if isinstance(node, And):
        pos = [to_fts5(x, columns) for x in node.items if not isinstance(x, Not)]
        neg = [to_fts5(x.item, columns) for x in node.items if isinstance(x, Not)]
        expr = "(" + " AND ".join(pos) + ")"
        # all that is subtracted in one NOT: a chain of them nested FTS5's parser past its stack
        # ("talks -a -b ... ", a hundred of them: "parser stack overflow")
        return f"({expr} NOT ({' OR '.join(neg)}))" if neg else expr
    raise UsageError("search: NOT needs a word beside it")  # pragma: no cover - _check refused it


def _lexeme(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(node: Node) -> str:
    """A PostgreSQL tsquery literal (cast with ``CAST(:q AS tsquery)``: no parser, no stemmer)."""
    if isinstance(node, Term):
        if node.prefix:
            parts = [_lexeme("=" + w) for w in node.words]
            parts[-1] += ":*"
        else:
            parts = [_lexeme(s) for s in stems(list(node.words))]
        return "(" + " <-> ".join(parts) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(x) for x in node.items) + ")"
    if isinstance(node, And):
        parts = [("!" + to_tsquery(x.item)) if isinstance(x, Not) else to_tsquery(x) for x in node.items]
        return "(" + " & ".join(parts) + ")"
    raise UsageError("search: NOT needs a word beside it")  # pragma: no cover


@dataclass(frozen=True)
class Search:
    """What full-text search returns of one resource: the rows of ``table`` its FTS5 ``index``
    matches (joined on the index's keys, which the table calls ``keys``), as the columns ``returns``,
    best first, ties in key order; with ``rank`` (higher is better on both backends) if asked."""

    index: Fts5Table
    table: str
    keys: tuple[str, ...]
    returns: tuple[str, ...]
    rank: bool = False

    def sql(self, dialect: str) -> str:
        """The statement on ``dialect``: the query bound as ``:q`` in its syntax, the limit as ``:n``."""
        returns = ", ".join(f"t.{c} AS {c}" for c in self.returns)
        keys = ", ".join(f"t.{k}" for k in self.keys)
        if dialect == "sqlite":
            name = self.index.name
            join = " AND ".join(f"t.{k} = f.{fk}" for k, fk in zip(self.keys, self.index.keys, strict=True))
            rank = f", -bm25({name}) AS rank" if self.rank else ""
            return (
                f"SELECT {returns}{rank} FROM {name} f JOIN {self.table} t ON {join} "
                f"WHERE {name} MATCH :q ORDER BY bm25({name}), {keys} LIMIT :n"
            )
        rank = ", ts_rank(t.tsv, q, 1) AS rank" if self.rank else ""
        return (
            f"SELECT {returns}{rank} FROM {self.table} t, CAST(:q AS tsquery) q "
            f"WHERE t.tsv @@ q ORDER BY ts_rank(t.tsv, q, 1) DESC, {keys} LIMIT :n"
        )


#: ``[(id, headline, rank)]``: articles by their headline and text
ARTICLES = Search(ARTICLES_FTS, "articles", ("id",), ("id", "headline"), rank=True)
#: ``[(article_id, idx, text, speaker_text)]``: quotes by their text and speaker
QUOTES = Search(QUOTES_FTS, "quotes", ("article_id", "idx"), ("article_id", "idx", "text", "speaker_text"))


def search(conn: Connection, what: Search, query: str, limit: int) -> list[Any]:
    """The ``limit`` best rows of ``what`` for ``query`` (the module docstring's query language)."""
    tree = parse(query)
    q = to_fts5(tree, what.index.match_columns) if conn.dialect.name == "sqlite" else to_tsquery(tree)
    return list(conn.execute(sa.text(what.sql(conn.dialect.name)), {"q": q, "n": limit}).all())
