"""Writers that meet: two ingests at once into one store, and metadata that arrives on a later
ingest of the same texts (issue #21 items 1 and 6, issue #17 item 7), on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess

import pytest
from test_ingest import assert_consistent, cli, env, write_corpus
from test_store import db_url  # noqa: F401  (the two-backend fixture)

from dateline.store import Store


# -- concurrent writers ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_two_ingests_of_one_corpus_at_once_both_succeed_and_store_each_article_once(db_url, tmp_path):
    """#17 item 7 (second bullet), #21 item 6: two ingests of the same corpus at the same time used
    to collide on the story and article keys (IntegrityError/UniqueViolation with SQL and parameters,
    counted as "rejected (store-failed)", exit 5 on PostgreSQL) although nothing was lost."""
    n = 48
    folder = tmp_path / "in"
    paths = write_corpus(folder, n)
    Store.open(db_url).close()  # the schema exists (two migrators racing on a new store is #17's)
    # One ingest walks the corpus forwards, the other backwards: they meet in the middle, where
    # both find an article not yet stored and both write it.
    forwards = cli("ingest", str(folder), "--db", db_url, "--no-analysis", "--batch-size", "2")
    backwards = cli("ingest", *map(str, reversed(paths)), "--db", db_url, "--no-analysis", "--batch-size", "2")
    procs = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env()) for c in (forwards, backwards)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outs):
        text = err.decode()
        assert p.returncode == 0, text[-3000:]
        assert "rejected (" not in text and "Error" not in text, text[-3000:]
    assert assert_consistent(db_url) == n


# -- metadata that arrives later -------------------------------------------------------------------------
TIMESTAMPS = {"ingested_at", "first_seen", "created_at", "seen_at"}


def store_rows(url: str) -> dict[str, list]:
    """Every table of a store as sorted rows, without the times rows were written (two runs differ
    there by construction); JSON values compared as data; the SQLite full-text rows too."""
    import json

    import sqlalchemy as sa

    from dateline.store import schema as S
    from dateline.store.db import normalise_url

    engine = sa.create_engine(normalise_url(url))
    out: dict[str, list] = {}
    with engine.connect() as conn:
        for table in S.metadata.sorted_tables:
            cols = [
                c for c in table.columns if c.name not in TIMESTAMPS and not (table is S.sources and c.name == "id")
            ]
            rows = []
            for r in conn.execute(sa.select(*cols)):
                rows.append(tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict | list) else v for v in r))
            out[table.name] = sorted(rows, key=repr)
        if engine.dialect.name == "sqlite":
            for fts in ("articles_fts", "quotes_fts"):
                out[fts] = sorted(conn.execute(sa.text(f"SELECT * FROM {fts}")).all(), key=repr)
            out["mentions_fts"] = sorted(
                conn.execute(
                    sa.text(
                        "SELECT k.article_id, k.local_id, k.event_id, f.words FROM mentions_fts f "
                        "JOIN mentions_fts_keys k ON k.key = f.rowid"
                    )
                ).all(),
                key=repr,
            )
    engine.dispose()
    return out


def dated_corpus(n: int) -> list[dict]:
    """``n`` hand-made articles whose events are told with relative days ("on Monday", "next
    month"), each with a publication date and a URL; every fifth also names a full date in its text,
    so that a first ingest without metadata infers a (different) publication date for it."""
    import datetime as dt

    from test_ingest import synthetic_article

    out = []
    for i in range(n):
        text = synthetic_article(i)
        if i % 5 == 0:
            text = text.replace(
                "\n\n(Reporting", f"\n\nThe first round of talks was held on March {i % 27 + 1}, 2015.\n\n(Reporting"
            )
        day = dt.date(2016, 10, 3) + dt.timedelta(days=(i * 3) % 27)
        out.append({"text": text, "published": day.isoformat(), "url": f"https://news.example.org/{i:04d}"})
    return out


def write_jsonl(path, records) -> None:
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.mark.slow
def test_dates_and_urls_that_arrive_later_give_the_store_of_a_dated_first_ingest(db_url, tmp_path):
    """#21 "done when": 30 texts ingested bare, then again with dates and URLs, make the store that
    ingesting them dated the first time makes (all but the times rows were written)."""
    from conftest import fresh_store_url

    from dateline import query
    from dateline.ingest import ingest

    records = dated_corpus(30)
    batch = tmp_path / "corpus.jsonl"
    write_jsonl(batch, [{"text": r["text"]} for r in records])
    first = ingest([batch], db=db_url)
    assert first.stored == 30 and first.n_rejected == 0
    with Store.open(db_url) as store:
        dated_first = sum(1 for a in store.iter_articles() if a.published.date)
    assert dated_first == 6  # the fifths that name a full date: inferred from the text

    write_jsonl(batch, records)  # the same texts at the same place, now with dates and URLs
    again = ingest([batch], db=db_url)
    assert (again.stored, again.updated, again.duplicates, again.n_rejected) == (0, 30, 0, 0)
    assert ingest([batch], db=db_url).duplicates == 30  # a third run changes nothing

    (tmp_path / "ref").mkdir()
    with fresh_store_url(db_url.split(":")[0].split("+")[0], tmp_path / "ref", prefix="dateline_ref") as ref:
        assert ingest([batch], db=ref).stored == 30
        merged, reference = store_rows(db_url), store_rows(ref)
        assert reference["events"]
        for table in reference:
            assert merged[table] == reference[table], f"{table} differs"
        with Store.open(ref) as r, Store.open(db_url) as m:
            n_oct = query.events(db=r, since="2016-10", until="2016-10", limit=1000).total
            assert n_oct and query.events(db=m, since="2016-10", until="2016-10", limit=1000).total == n_oct


def _article(published: str | None, how: str = "metadata", **kw):
    """The hand-built summit article of test_store, published on ``published`` (by ``how``), with a
    second event dated by its publication day."""
    from test_store import make_article

    art = make_article(**kw)
    data = art.to_dict()
    data["published"] = {"date": published, "source": how if published else "none"}
    if data["events"]:
        second = dict(data["events"][0], id="e2", type="AGREE", quad=1, date=published, date_source="published")
        data["events"].append(second)
    from dateline.article import Article

    return Article.from_dict(data)


def _bare(article):
    """The same text as a `--no-analysis` input carries it: metadata, no analysis."""
    return article.model_copy(update={k: [] for k in ("entities", "actors", "places", "times", "quotes", "events")})


def test_a_later_date_of_stronger_provenance_wins_and_the_rule_is_kept(db_url):
    from dateline.store.merge import date_wins

    assert date_wins(None, "none", "2019-04-25", "inferred")
    assert date_wins("2019-04-20", "inferred", "2019-04-25", "metadata")
    assert date_wins("2019-04-20", "text", "2019-04-25", "metadata")
    assert not date_wins("2019-04-20", "metadata", "2019-04-25", "metadata")  # equal: the stored stays
    assert not date_wins("2019-04-20", "metadata", "2019-04-25", "inferred")
    assert not date_wins("2019-04-20", "inferred", None, "none")

    with Store.open(db_url) as store:
        first = _article("2019-04-20", "inferred", path="a.txt")
        assert store.write(first).status == "stored"
        # A bare copy with a date given as metadata: the date wins, only the events dated by the
        # publication day follow it (nothing analysed this text again).
        r = store.write(
            _bare(_article("2019-04-26", path="a.txt")).model_copy(
                update={"source": first.source.model_copy(update={"url": "https://x.example/a"})}
            )
        )
        assert r.status == "updated" and set(r.changes) >= {"published_date", "published_source", "url"}
        got = store.get_article(first.id)
        assert got.published.date == "2019-04-26" and got.published.source == "metadata"
        assert got.source.url == "https://x.example/a" and got.source.path == "a.txt"
        assert {e.id: e.date for e in got.events} == {"e1": "2019-04-25", "e2": "2019-04-26"}
        assert sorted(e["date"] for e in store.events()) == ["2019-04-25", "2019-04-26"]
        # The file's source row got its URL: one source, not two.
        assert [s["locator"] for s in store.story(r.story_id)["sources"]] == ["https://x.example/a"]

        # A later metadata date does not replace a metadata date; another URL is another source.
        other = _article("2019-05-01", path="b.txt").model_copy(
            update={"source": first.source.model_copy(update={"url": "https://y.example/a", "path": "b.txt"})}
        )
        r = store.write(other)
        assert r.status == "duplicate" and r.source_added
        got = store.get_article(first.id)
        assert got.published.date == "2019-04-26" and got.source.url == "https://x.example/a"
        assert len(store.story(r.story_id)["sources"]) == 2
    assert assert_consistent(db_url) == 1


def test_an_analysed_copy_with_a_new_date_replaces_the_analysis_and_the_corpus_events_follow(db_url):
    with Store.open(db_url) as store:
        undated = _article(None, path="a.txt")
        assert store.write(undated).status == "stored"
        before = {e["type"]: e for e in store.events()}
        assert before["AGREE"]["date"] is None
        dated = _article("2019-04-26", path="a.txt")
        r = store.write(dated)
        assert r.status == "updated" and "published_date" in r.changes
        after = {e["type"]: e for e in store.events()}
        # a corpus event is named after its first report (the article's mention): the same id,
        # re-made from the new analysis; no undated copy of it is left
        assert after["AGREE"]["date"] == "2019-04-26" and after["AGREE"]["id"] == before["AGREE"]["id"]
        assert after["CONSULT"]["id"] == before["CONSULT"]["id"]  # dated in the text: the same event
        assert [e["date"] for e in store.events(type="AGREE")] == ["2019-04-26"]
        assert store.counts()["events"] == 2 and store.counts()["event_mentions"] == 2
    assert assert_consistent(db_url) == 1


def test_a_publisher_that_arrives_later_becomes_the_story_originator(db_url):
    with Store.open(db_url) as store:
        art = _article("2019-04-25", agency=None, publisher=None)
        assert store.write(art).status == "stored"
        story = store.story(art.id)
        assert story["originator"] is None
        later = _bare(art).model_copy(update={"source": art.source.model_copy(update={"publisher": "euronews"})})
        r = store.write(later)
        assert r.status == "updated" and r.changes == ("publisher",)
        assert store.story(art.id)["originator"] == "euronews"
        assert store.get_article(art.id).source.publisher == "euronews"
        assert all(e["n_sources"] == 1 for e in store.events())
