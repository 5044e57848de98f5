"""The store on SQLite and PostgreSQL: schema and migrations, idempotent atomic writes, story
linking of copies across runs, corpus events, full-text search, reading back.

Every test runs on both backends. PostgreSQL tests need DATELINE_TEST_POSTGRES_URL (a role
that may create databases); each test gets a fresh database. In CI (CI=true) a missing URL
fails instead of skipping, so the PostgreSQL half can never silently stop running.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from conftest import fresh_store_url

from dateline.article import Article
from dateline.errors import StoreError
from dateline.store import Store
from dateline.store import schema as S


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty store URL on each backend."""
    with fresh_store_url(request.param, tmp_path) as url:
        yield url


# -- hand-built articles ---------------------------------------------------------------------------
STORY = (
    "VLADIVOSTOK, Russia (Reuters) - North Korean leader Kim Jong Un met Russian President Vladimir "
    "Putin on Thursday in the port city of Vladivostok to discuss the standoff over the nuclear "
    "programme, the Kremlin said. The two leaders shook hands at a university campus on an island "
    'linked to the city by a bridge. "We have a lot to talk about," Putin told reporters before '
    "the talks began. Kim arrived on Wednesday by private train after crossing the border at Khasan, "
    "where the flags of both countries were flying from the station building. Officials said the "
    "summit would include a dinner and a visit to the Pacific fleet."
)

OTHER = (
    "MOSCOW (AP) - Russian President Vladimir Putin met North Korean leader Kim Jong Un in "
    "Vladivostok, state television showed, in the first summit between the two men. Putin "
    "greeted Kim with a handshake before their talks, which lasted more than three hours "
    "instead of the planned hour. The North Korean leader thanked Putin for the welcome and "
    "invited him to visit Pyongyang, the Kremlin spokesman told journalists afterwards."
)


def make_article(
    text: str = STORY,
    *,
    publisher: str = "euronews",
    agency: str | None = "Reuters",
    path: str = "a.txt",
    events: bool = True,
    date: str = "2019-04-25",
    headline: str = "Kim meets Putin in Vladivostok",
) -> Article:
    i_met = text.find("met")
    data = {
        "id": Article.make_id(text),
        "source": {"path": path, "publisher": publisher, "agency": agency},
        "language": "en",
        "headline": headline,
        "published": {"date": "2019-04-25", "source": "text"},
        "text": text,
        "actors": [
            {
                "id": "a1",
                "name": "Kim Jong Un",
                "kind": "person",
                "country": "PRK",
                "sector": "GOV",
                "roles": ["leader"],
                "mentions": [{"start": 0, "end": 1}],
            },
            {"id": "a2", "name": "Vladimir Putin", "kind": "person", "country": "RUS", "sector": "GOV"},
        ],
        "places": [
            {
                "text": "Vladivostok",
                "start": text.find("Vladivostok"),
                "end": text.find("Vladivostok") + 11,
                "name": "Vladivostok",
                "geonameid": 2013348,
                "lat": 43.1,
                "lon": 131.9,
                "country": "RUS",
                "resolved": True,
            }
        ],
        "times": [
            {
                "text": "Thursday",
                "start": text.find("Thursday"),
                "end": text.find("Thursday") + 8,
                "value": "2019-04-25",
                "granularity": "day",
            }
        ],
        "quotes": [
            {
                "text": "We have a lot to talk about",
                "start": text.find("We have"),
                "end": text.find("We have") + 27,
                "speaker": "a2",
                "speaker_text": "Putin",
                "cue": "told",
            }
        ],
        "events": []
        if not events or i_met < 0
        else [
            {
                "id": "e1",
                "type": "CONSULT",
                "mode": "visit",
                "actors": ["a1"],
                "recipients": ["a2"],
                "place": {"name": "Vladivostok", "geonameid": 2013348, "country": "RUS", "lat": 43.1, "lon": 131.9},
                "date": date,
                "date_source": "text",
                "modality": "asserted",
                "quad": 1,
                "evidence": {"text": "met", "start": i_met, "end": i_met + 3},
                "confidence": 0.9,
            },
        ],
    }
    for field in ("places", "times", "quotes"):  # keep only spans the text really has
        data[field] = [x for x in data[field] if x["start"] >= 0 and text[x["start"] : x["end"]] == x["text"]]
    return Article.from_dict(data)


def _counts(store: Store) -> dict[str, int]:
    return store.counts()


def _head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from dateline.store.db import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


# -- tests -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["fresh", "from-0001"])
def test_migrated_schema_matches_the_table_definitions(db_url, path):
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext

    from dateline.store.db import MIGRATIONS, create

    if path == "from-0001":  # a store made by the first release, then opened by this one
        engine = create(db_url)
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
        engine.dispose()
    with Store.open(db_url) as store, store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(ctx, S.metadata)
        assert ctx.get_current_revision() == _head_revision()
    # The full-text objects are backend-specific and intentionally outside the metadata.
    diff = [
        d
        for d in diff
        if not (
            d[0] == "remove_table"
            and d[1].name.split("_fts")[0] in ("articles", "quotes", "mentions")
            and "_fts" in d[1].name
        )
        and not (d[0] == "remove_index" and d[1].name.endswith("_tsv"))
        and not (d[0] == "remove_column" and d[3].name == "tsv")
    ]
    assert diff == []


def test_a_store_from_before_0003_gets_its_participant_index_on_opening(db_url):
    """Revision 0003 fills event_participants, name_words and actors.name_key from the stored
    actors and mentions: the same rows the writer makes for new articles."""
    from alembic import command
    from alembic.config import Config

    from dateline.store.db import MIGRATIONS

    tables = (S.event_participants, S.name_words)

    def snapshot(store):
        with store.engine.connect() as conn:
            out = {t.name: sorted(tuple(r) for r in conn.execute(sa.select(t))) for t in tables}
            out["actors"] = sorted(tuple(r) for r in conn.execute(sa.select(S.actors.c.actor_id, S.actors.c.name_key)))
        return out

    with Store.open(db_url) as store:
        _two_stories_and_a_copy(store)
        written = snapshot(store)
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
    with Store.open(db_url) as store:
        assert snapshot(store) == written
    assert len(written["event_participants"]) >= 4 and ("kim", "kim jong un") in written["name_words"]
    assert ("a1", "kim jong un") in written["actors"]


def test_a_store_from_0007_gets_its_lookups_on_opening(db_url):
    """Revision 0008 gives the stored articles' coverage bands their publication day and indexes
    the words of the events' sentences: an upgraded store clusters and filters as a new one."""
    from datetime import date

    from alembic import command
    from alembic.config import Config

    from dateline import query
    from dateline.store import fts
    from dateline.store.db import MIGRATIONS, create

    with Store.open(db_url) as store:
        first = store.write(make_article())
    engine = create(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        assert "day" not in {c["name"] for c in sa.inspect(conn).get_columns("cluster_bands")}
    engine.dispose()
    with Store.open(db_url) as store, store.engine.connect() as conn:
        days = set(conn.execute(sa.select(S.cluster_bands.c.day)).scalars())
        assert days == {date(2019, 4, 25).toordinal()}
        assert [r["article_id"] for r in query.events(store, text="MET")] == [first.article_id]
        other = store.write(make_article(OTHER, publisher="AP News", agency="AP", path="ap.txt"))
        assert other.cluster_id == first.cluster_id
        # the new report's sentence is indexed beside the upgraded one (both report one event)
        both = conn.execute(fts.mentions_with_words(store.dialect, ["met"])).scalars().all()
        assert len(both) == 2 and len(set(both)) == 1


def test_the_planner_statistics_are_gathered_as_the_store_grows(db_url, monkeypatch):
    from dateline.store import write as W

    monkeypatch.setattr(W, "STATS_MIN_EVENTS", 1)
    with Store.open(db_url) as store:
        with store.engine.begin() as conn:
            assert not W.refresh_statistics(conn)  # no event yet
        store.write(make_article())
        sqlite = store.dialect == "sqlite"
        with store.engine.begin() as conn:
            assert not W.refresh_statistics(conn)  # gathered at the first write (SQLite) or never
            if sqlite:
                assert conn.execute(sa.text("SELECT count(*) FROM sqlite_stat1")).scalar() > 0
        store.write(make_article(OTHER, path="ap.txt", date="2019-05-30"))  # a second corpus event
        with store.engine.begin() as conn:
            assert W.refresh_statistics(conn) == sqlite  # twice as many events as at the last time
            assert not W.refresh_statistics(conn)


def test_reopening_an_existing_store_keeps_its_data(db_url):
    with Store.open(db_url) as store:
        store.write(make_article())
        if store.dialect == "sqlite":  # readers never block the writer
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    with Store.open(db_url) as store:
        assert store.counts()["articles"] == 1


def test_writing_the_same_article_again_changes_nothing(db_url):
    with Store.open(db_url) as store:
        article = make_article()
        first = store.write(article)
        before = _counts(store)
        with store.engine.connect() as conn:
            rows_before = conn.execute(sa.select(S.articles).order_by(S.articles.c.id)).all()
        again = store.write(make_article())
        assert (first.status, again.status) == ("stored", "duplicate")
        assert not again.source_added
        assert _counts(store) == before
        with store.engine.connect() as conn:
            assert conn.execute(sa.select(S.articles).order_by(S.articles.c.id)).all() == rows_before
        assert before["articles"] == 1 and before["event_mentions"] == 1 and before["quotes"] == 1


def test_the_same_text_from_another_location_adds_a_source_only(db_url):
    with Store.open(db_url) as store:
        store.write(make_article(path="a.txt"))
        result = store.write(make_article(path="mirror/a.txt", publisher="Korea Herald"))
        assert result.status == "duplicate" and result.source_added
        counts = store.counts()
        assert counts["articles"] == 1 and counts["sources"] == 2 and counts["event_mentions"] == 1
        story = store.story(result.story_id)
        assert story["n_sources"] == 2 and story["n_articles"] == 1


def test_a_failed_write_leaves_nothing_of_the_article(db_url):
    bad = make_article()
    bad.places[0].geonameid = 2**70  # too large for BIGINT: the places insert fails mid-article
    with Store.open(db_url) as store:
        with pytest.raises(StoreError):
            store.write(bad)
        counts = store.counts()
        assert all(n == 0 for table, n in counts.items() if table != "meta"), counts
        assert store.write(make_article()).status == "stored"


def test_ctrl_c_during_a_write_comes_after_the_article_is_stored(db_url):
    """SIGINT in the middle of the transaction (here: as the actors are inserted) is raised as
    KeyboardInterrupt once the article is committed, never as a store error half-way."""
    import signal

    # The handler Ctrl-C meets in a plain Python process. In the whole suite something earlier in
    # the session (a library's server or worker start-up) can leave SIGINT ignored in this process,
    # and an ignored interrupt has nothing to defer.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        _ctrl_c_during_a_write(db_url)
    finally:
        signal.signal(signal.SIGINT, previous)


def _ctrl_c_during_a_write(db_url: str) -> None:
    import signal

    with Store.open(db_url) as store:
        sent = []

        def interrupt(conn, cursor, statement, *args):
            if not sent and statement.startswith("INSERT INTO actors"):
                sent.append(statement)
                # What Python does when SIGINT arrives: run the handler installed at that moment.
                # Called here, at this exact statement (an OS signal's Python handler runs at some
                # later bytecode, which made the test pass or fail by timing on a loaded machine).
                signal.getsignal(signal.SIGINT)(signal.SIGINT, None)

        sa.event.listen(store.engine, "before_cursor_execute", interrupt)
        article = make_article()
        with pytest.raises(KeyboardInterrupt):
            store.write(article)
        sa.event.remove(store.engine, "before_cursor_execute", interrupt)
        assert sent and store.has_article(article.id)
        counts = store.counts()
        assert counts["articles"] == 1 and counts["event_mentions"] == 1 and counts["event_participants"] == 2
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler is back


def test_a_syndicated_copy_joins_the_story_and_does_not_double_events(db_url):
    copy_text = "SEOUL (The Korea Herald) - " + STORY.split(" - ", 1)[1] + " This story was syndicated from Reuters."
    with Store.open(db_url) as store:
        original = store.write(make_article())
        events_before = store.events()
        assert len(events_before) == 1
        copy = store.write(
            make_article(
                copy_text, publisher="The Korea Herald", path="kh.txt", headline="Kim, Putin hold first summit"
            )
        )
        assert copy.status == "stored" and copy.linked and copy.story_id == original.story_id
        assert 0.5 <= copy.similarity < 1.0
        events = store.events()
        assert [e["id"] for e in events] == [e["id"] for e in events_before]
        ev = events[0]
        assert (ev["n_mentions"], ev["n_articles"], ev["n_stories"], ev["n_sources"]) == (2, 2, 1, 1)
        story = store.story(original.story_id)
        assert story["n_articles"] == 2 and story["n_sources"] == 2
        assert {m["article_id"] for m in store.event(ev["id"])["mentions"]} == {original.article_id, copy.article_id}


def test_story_linking_works_across_runs(db_url):
    with Store.open(db_url) as store:
        first = store.write(make_article())
    with Store.open(db_url) as store:
        copy = store.write(make_article(STORY + " Reporting by Joyce Lee.", path="b.txt"))
        assert copy.linked and copy.story_id == first.story_id


def test_different_stories_of_one_event_merge_into_one_corpus_event(db_url):
    other = OTHER
    with Store.open(db_url) as store:
        a = store.write(make_article())
        b = store.write(make_article(other, publisher="AP News", agency="AP", path="ap.txt"))
        c = store.write(
            make_article(
                other.replace("Vladivostok", "Vladivostok on Thursday") + " More later.",
                publisher="Yahoo",
                agency="AP",
                path="yahoo.txt",
            )
        )
        assert not b.linked and b.story_id != a.story_id
        assert c.linked and c.story_id == b.story_id
        events = store.events()
        assert len(events) == 1
        ev = events[0]
        # 3 mentions in 3 articles, 2 stories, and 2 independent sources (Reuters, AP).
        assert (ev["n_mentions"], ev["n_articles"], ev["n_stories"], ev["n_sources"]) == (3, 3, 2, 2)
        # A different date is a different event.
        store.write(make_article(STORY.replace("Thursday", "Friday"), date="2019-04-26", path="x.txt"))
        assert len(store.events()) == 2
        assert len(store.events(since="2019-04-26")) == 1


def test_reports_of_one_event_share_a_coverage_cluster_but_not_a_story(db_url):
    boe = (
        "LONDON (Reuters) - The Bank of England kept interest rates unchanged on Thursday as "
        "inflation eased for a third month, Governor Andrew Bailey said after the vote."
    )
    with Store.open(db_url) as store:
        a = store.write(make_article())
        b = store.write(make_article(OTHER, publisher="AP News", agency="AP", path="ap.txt"))
        c = store.write(make_article(boe, path="boe.txt", events=False))
        assert a.story_id != b.story_id and a.cluster_id == b.cluster_id == a.article_id
        assert c.cluster_id == c.article_id != a.cluster_id
        copy = store.write(make_article(OTHER + " More later.", publisher="Yahoo", agency="AP", path="y.txt"))
        assert copy.linked and copy.story_id == b.story_id and copy.cluster_id == a.cluster_id
        assert {r["id"] for r in store.articles(cluster_id=a.cluster_id)} == {
            a.article_id,
            b.article_id,
            copy.article_id,
        }
        # Outside the date window, the same names do not join the cluster.
        anniversary = (
            "MOSCOW (AP) - A year after Kim Jong Un and Vladimir Putin met in Vladivostok, the "
            "Kremlin said Russian and North Korean officials met again, President Putin told "
            "reporters, and Kim thanked Pyongyang's hosts."
        )
        same_day = store.write(
            make_article(
                "VLADIVOSTOK (AP) - Vladimir Putin and Kim Jong Un ended their first summit in Vladivostok; the "
                "Kremlin said North Korean and Russian delegations would keep talking, Putin told reporters.",
                path="same-day.txt",
            )
        )
        assert not same_day.linked and same_day.cluster_id == a.cluster_id
        later = make_article(anniversary, path="later.txt")
        later.published.date = "2020-04-25"
        result = store.write(later)
        assert not result.linked and result.cluster_id == later.id


def test_articles_without_analysis_are_stored(db_url):
    art = Article.from_dict(
        {"id": Article.make_id("Plain text only, nothing found."), "text": "Plain text only, nothing found."}
    )
    with Store.open(db_url) as store:
        assert store.write(art).status == "stored"
        back = store.get_article(art.id)
        assert back.to_dict() == art.to_dict()
        assert store.events() == []


def test_full_record_round_trips_and_tables_hold_the_fields(db_url):
    article = make_article()
    with Store.open(db_url) as store:
        store.write(article)
        assert store.get_article(article.id).to_dict() == article.to_dict()
        assert store.get_article("nope") is None
        with store.engine.connect() as conn:
            q = conn.execute(sa.select(S.quotes)).one()
            assert article.text[q.span_start : q.span_end] == q.text
            m = conn.execute(sa.select(S.event_mentions)).one()
            assert article.text[m.evidence_start : m.evidence_end] == m.evidence_text == "met"
            actors = {r.name: r for r in conn.execute(sa.select(S.actors))}
            assert actors["Kim Jong Un"].country == "PRK" and actors["Kim Jong Un"].roles == ["leader"]
            place = conn.execute(sa.select(S.places)).one()
            assert place.geonameid == 2013348 and place.resolved is True
        rows = store.articles(publisher="euronews")
        assert [r["id"] for r in rows] == [article.id] and "text" not in rows[0]


def test_full_text_search_over_articles_and_quotes(db_url):
    with Store.open(db_url) as store:
        store.write(make_article())
        store.write(
            make_article(
                "LONDON (Reuters) - The Bank of England kept interest rates unchanged "
                "on Thursday as inflation eased for a third month.",
                events=False,
                path="boe.txt",
                headline="BoE holds rates",
            )
        )
        hits = store.search("nuclear programmes")  # stemmed: programmes ~ programme
        assert [h["headline"] for h in hits] == ["Kim meets Putin in Vladivostok"]
        assert [h["headline"] for h in store.search("interest rates")] == ["BoE holds rates"]
        assert store.search("zeppelin") == []
        assert store.search("  ") == []
        quotes = store.search_quotes("talk")
        assert [q["text"] for q in quotes] == ["We have a lot to talk about"]


def test_rejected_inputs_are_recorded_with_their_reason(db_url):
    from dateline.errors import InputRejected

    with Store.open(db_url) as store:
        store.write_rejected(InputRejected("binary", "input is a PNG image", source="x.png"))
        store.write_rejected(InputRejected("binary", "input is a PNG image", source="x.png"))
        assert [(r["origin"], r["reason"]) for r in store.rejected()] == [("x.png", "binary")]


def test_store_refuses_signatures_made_with_other_parameters(db_url):
    from dateline import dedupe

    with Store.open(db_url) as store:
        store.write(make_article())
        with store.engine.begin() as conn:
            conn.execute(S.meta.update().where(S.meta.c.key == "minhash").values(value="minhash/v0 other"))
    with Store.open(db_url) as store:  # a later run, with parameters that differ from the store's
        with pytest.raises(StoreError, match="signatures"):
            store.write(make_article(STORY + " Extra.", path="y.txt"))
        assert store.counts()["articles"] == 1
        assert dedupe.DEFAULT.key().startswith("minhash/v1")


def test_unsupported_url_is_a_store_error():
    from dateline.store.db import normalise_url

    with pytest.raises(StoreError, match="unsupported store URL"):
        normalise_url("mysql://x@y/z")
    assert normalise_url("corpus.db") == "sqlite:///corpus.db"
    assert normalise_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"


def _two_stories_and_a_copy(store: Store) -> None:
    store.write(make_article())
    store.write(make_article(STORY + " Reporting by Joyce Lee.", path="copy.txt", publisher="Other"))
    undated = make_article(OTHER, path="undated.txt", date=None, publisher="AP News", agency="AP")
    undated.events[0].modality = "future"  # a meeting still to come: its own corpus event, undated
    store.write(undated)
