"""One full-text search on SQLite and PostgreSQL (#21 item 7): the same query language (words,
phrases, prefixes, AND/OR/NOT, parentheses), the same words (accents, case, hyphens, no stop
words), the same answers. Every test runs on both backends."""

from __future__ import annotations

import pytest
from test_store import db_url, make_article  # noqa: F401  (db_url: the two-backend fixture)

from dateline import query
from dateline.errors import UsageError
from dateline.store import Store, fts

TEXTS = {
    "summit": (
        "Kim meets Putin",
        "VLADIVOSTOK (Reuters) - North Korean leader Kim Jong-un met Russian President Vladimir Putin for talks "
        "on the nuclear programme. The talks lasted three hours.",
    ),
    "debat": (
        "Le débat",
        "PARIS (AFP) - The débat over pensions in the Assemblée nationale ran late; deputies debated the "
        "reform until 3.5 hours past midnight.",
    ),
    "debate": (
        "Senate debate",
        "WASHINGTON (AP) - Senators debate a sanctions bill against Russia. President Joe Biden said he "
        "would sign it. The nuclear deal was not on the agenda.",
    ),
    "zelensky": (
        "Zelenskiy visits troops",
        "KYIV (Reuters) - Ukrainian President Volodymyr Zelenskiy visited troops near the front; Zelensky's "
        "office said the president of Ukraine met commanders.",
    ),
    "rates": (
        "BoE holds rates",
        "LONDON (Reuters) - The Bank of England kept interest rates unchanged as inflation eased.",
    ),
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    """The five articles above in one store per backend (built once per module)."""
    from conftest import fresh_store_url

    with fresh_store_url(request.param, tmp_path_factory.mktemp("search")) as url, Store.open(url) as st:
        for name, (headline, text) in TEXTS.items():
            st.write(make_article(text, events=False, path=f"{name}.txt", headline=headline))
        yield st


def names(store: Store, q: str) -> set[str]:
    by_headline = {h: n for n, (h, _) in TEXTS.items()}
    return {by_headline[h["headline"]] for h in store.search(q, limit=50)}


# The same expectations on both backends: this table is the query language's specification.
CASES = [
    ("the", {"summit", "debat", "debate", "zelensky", "rates"}),  # no stop words: "the" is a word
    ("THE", {"summit", "debat", "debate", "zelensky", "rates"}),
    ("débat", {"debat", "debate"}),  # accents folded; "debate" has the same stem
    ("debat", {"debat", "debate"}),
    ("debated", {"debat", "debate"}),  # stems: debated ~ debate
    ("assemblee", {"debat"}),
    ("talk", {"summit"}),
    ("nuclear", {"summit", "debate"}),
    ("nuclear talks", {"summit"}),  # AND
    ("nuclear AND talks", {"summit"}),
    ("nuclear OR inflation", {"summit", "debate", "rates"}),
    ("nuclear -talks", {"debate"}),  # NOT
    ("nuclear NOT talks", {"debate"}),
    ("(talks OR senators) nuclear", {"summit", "debate"}),
    ('"nuclear programme"', {"summit"}),  # a phrase
    ('"programme nuclear"', set()),  # in order
    ('"president of ukraine"', {"zelensky"}),  # stop words inside a phrase count
    ('"president ukraine"', set()),
    ("zelensk*", {"zelensky"}),  # a prefix of the word as written
    ("presiden*", {"summit", "debate", "zelensky"}),
    ('"vladimir pu"*', {"summit"}),  # a phrase ending in a prefix
    ("jong-un", {"summit"}),  # hyphenated: a phrase of its parts
    ('"kim jong un"', {"summit"}),
    ("3.5", {"debat"}),
    ("or", set()),  # lower-case operators are words
    ("zeppelin", set()),
]


@pytest.mark.parametrize("q,expected", CASES)
def test_the_same_answers_on_both_backends(store, q, expected):
    assert names(store, q) == expected


def test_one_search_statement_for_articles_and_quotes(store):
    """fts.search builds each backend's statement from the resource (fts.ARTICLES, fts.QUOTES): the
    columns it names, best first, ties in key order."""
    with store.engine.connect() as conn:
        rows = fts.search(conn, fts.ARTICLES, "the", 50)
        assert fts.search(conn, fts.QUOTES, "zeppelin", 5) == []
    assert [tuple(r._mapping) for r in rows[:1]] == [("id", "headline", "rank")]
    order = [(-r.rank, r.id) for r in rows]
    assert len(rows) == len(TEXTS) and order == sorted(order)
    assert fts.QUOTES.returns == ("article_id", "idx", "text", "speaker_text")


def test_quotes_are_searched_the_same_way(db_url):
    with Store.open(db_url) as store:
        store.write(make_article())
        assert [q["text"] for q in store.search_quotes("talk")] == ["We have a lot to talk about"]
        assert [q["text"] for q in store.search_quotes('"lot to talk"')] == ["We have a lot to talk about"]
        assert [q["speaker_text"] for q in store.search_quotes("put*")] == ["Putin"]  # the speaker too
        assert store.search_quotes("talk -lot") == []


def test_queries_it_cannot_read_say_why(store):
    for bad, why in (
        ("-talks", "NOT"),
        ("NOT talks", "NOT"),
        ("talks OR -nuclear", "NOT"),
        ('"nuclear talks', "quote"),
        ("(nuclear talks", "parenthesis"),
        ("nuclear talks)", "parenthesis"),
    ):
        with pytest.raises(UsageError, match=why):
            store.search(bad)
    assert store.search("  ") == [] and store.search("***") == []
    with pytest.raises(UsageError, match="at least one word"):
        query.search("  ", store)


def test_an_operator_with_nothing_after_it_is_dropped_and_deep_nesting_is_refused(store):
    # A trailing NOT handed the word reader None (AttributeError: a 500 from /api/v1/search); now it is
    # dropped as a trailing AND or - already were, and a query with no word left says so.
    for q in ("summit NOT", "summit NOT NOT", "summit AND NOT", "summit OR NOT", "(summit NOT)", "summit (NOT)"):
        assert fts.parse(q) == fts.parse("summit"), q
    # an upper-case AND or OR is an operator, after NOT too (it was read as the word "or")
    assert fts.parse("summit NOT OR talks") == fts.parse("summit OR talks")
    assert fts.parse("summit NOT AND talks") == fts.parse("summit talks")
    assert names(store, "talks NOT") == names(store, "talks") == {"summit"}
    for bad, why in (("NOT", "at least one word"), ("NOT NOT", "at least one word"), ("talks NOT)", "parenthesis")):
        with pytest.raises(UsageError, match=why):
            store.search(bad)
    # nesting is bounded (it recursed until RecursionError); sequences of any length are fine
    deep = "(" * fts.MAX_NESTING + "talks" + ")" * fts.MAX_NESTING
    assert names(store, deep) == {"summit"}
    for bad in ("(" + deep + ")", "NOT " * 3000 + "talks", "(" * 2000 + "talks" + ")" * 2000):
        with pytest.raises(UsageError, match="nested more than"):
            store.search(bad)
    assert names(store, "talks " + "-trump " * 200) == {"summit"}
    assert names(store, "talks " * 2000) == {"summit"}


def test_ranks_are_higher_for_better_matches_and_snippets_highlight_what_matched(store):
    rows = query.search("talks", store)
    assert [r["headline"] for r in rows] == ["Kim meets Putin"] and rows[0]["rank"] > 0
    snip = rows[0]["snippet"]
    marked = [snip[s:e] for s, e in rows[0]["highlights"]]
    assert marked == ["talks", "talks"]
    rows = query.search("debat", store)
    marked = {rows[0]["snippet"][s:e] for r in rows for s, e in [r["highlights"][0]]}
    assert {w for r in rows for w in (r["snippet"][s:e] for s, e in r["highlights"])} >= {"débat", "debate"}
    assert marked
    rows = query.search("zelensk*", store)
    assert {rows[0]["snippet"][s:e] for s, e in rows[0]["highlights"]} == {"Zelenskiy", "Zelensky"}


def test_the_words_and_the_query_tree():
    assert fts.words("Kim Jong-un, Erdoğan et le débat: 3.5 ﬁnes²") == [
        "kim",
        "jong",
        "un",
        "erdogan",
        "et",
        "le",
        "debat",
        "3",
        "5",
        "fines2",
    ]
    tree = fts.parse('nuclear (talks OR "peace deal") -trump zelensk*')
    assert tree == fts.And(
        (
            fts.Term(("nuclear",)),
            fts.Or((fts.Term(("talks",)), fts.Term(("peace", "deal")))),
            fts.Not(fts.Term(("trump",))),
            fts.Term(("zelensk",), prefix=True),
        )
    )
    assert fts.positive_words(tree) == [
        ("nuclear", False),
        ("talks", False),
        ("peace", False),
        ("deal", False),
        ("zelensk", True),
    ]
    assert fts.to_tsquery(fts.parse("talks -trump")) == "(('talk') & !('trump'))"
    assert "NOT" in fts.to_fts5(fts.parse("talks -trump"), fts.ARTICLES_FTS.match_columns)


def _revision(filename: str):
    """A migration module loaded from its file, as alembic loads it."""
    import importlib.util

    from dateline.store.db import MIGRATIONS

    spec = importlib.util.spec_from_file_location(filename.removesuffix(".py"), MIGRATIONS / "versions" / filename)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


SAMPLE = " ".join(TEXTS[k][1] for k in TEXTS) + " Ünïcödé ﬁnes² l'été ДЕБАТ don't_stop"


def test_the_fts5_tables_have_the_columns_the_writer_and_the_matcher_name(tmp_path):
    """fts.ARTICLES_FTS / QUOTES_FTS name the columns the writer inserts and the queries match; the
    tables themselves come from the (frozen) migrations: both must say the same."""
    with Store.open(f"sqlite:///{tmp_path / 'fts.db'}") as store, store.engine.connect() as conn:
        for table in (fts.ARTICLES_FTS, fts.QUOTES_FTS):
            got = conn.exec_driver_sql(f"SELECT * FROM {table.name} LIMIT 0").keys()
            assert tuple(got) == table.columns


def test_the_migration_indexes_with_the_words_of_today():
    """Revision 0007 carries its own copy of the rule (a migration never imports dateline); this
    checks the copy still makes the words the store makes, so an upgraded store answers as a new one."""
    m = _revision("0007_search.py")
    assert m._fts5(SAMPLE) == fts.fts5_columns(SAMPLE)
    assert m._tsvector("Head line", SAMPLE) == fts.tsvector("Head line", SAMPLE)
    assert m.MAX_WORDS == fts.MAX_WORDS


def test_revision_0008_indexes_event_sentences_with_the_words_of_today():
    """Revision 0008's frozen copy of the word rule (the evidence sentences' index) makes the words
    and the tsvector that today's writer makes for a new mention, so an upgraded store's text filter
    answers as a new store's does."""
    m = _revision("0008_lookups_at_scale.py")
    assert m._words(SAMPLE) == fts.words(SAMPLE)
    assert m._tsvector(SAMPLE) == fts.word_tsvector(SAMPLE)
    assert m.MAX_WORDS == fts.MAX_WORDS
    long = "word " * (fts.MAX_WORDS + 10)
    assert m._tsvector(long) == fts.word_tsvector(long)


def test_an_upgraded_store_answers_as_a_new_one(db_url):
    """A store written under revision 0006 (the databases' own tokenizers) and then opened: 0007
    indexes its articles again, and queries answer as on a store made today."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from dateline.store.db import MIGRATIONS, create

    art = make_article(TEXTS["debat"][1], events=False, path="d.txt", headline=TEXTS["debat"][0])
    with Store.open(db_url) as store:
        store.write(art)
    # Back to 0006, the last revision before the search one: its downgrade puts back what a
    # writer of 0006 stored (its own FTS5 rows on SQLite, PostgreSQL's generated column).
    engine = create(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
        assert sa.inspect(conn).has_table("articles_fts") == (conn.dialect.name == "sqlite")
    engine.dispose()
    with Store.open(db_url) as store:  # migrates to head
        assert [h["id"] for h in store.search("débat")] == [art.id]
        assert [h["id"] for h in store.search("the")] == [art.id]
        assert [h["id"] for h in store.search('"assemblee nationale"')] == [art.id]
        assert [q["text"] for q in store.search_quotes("talk")] == []
