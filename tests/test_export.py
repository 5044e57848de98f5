"""Exports a data engineer can trust (#21): PLOVER records and GDELT rows whose ids are the store's
corpus event ids and whose codes agree with each other; Parquet with a fixed schema, replaced as a
whole, read together with DuckDB; JSONL. Store tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json

import pytest

# db_url: the two-backend fixture
from test_store import OTHER, STORY, _two_stories_and_a_copy, db_url, make_article  # noqa: F401

from dateline import export
from dateline.errors import UsageError
from dateline.store import Store

COL = {name: i for i, name in enumerate(export.GDELT_COLUMNS)}


def _meeting(seed_article):
    return next(e for e in seed_article.events if e.type == "CONSULT" and "will meet" in e.evidence.text)


# -- one article (dateline extract) -----------------------------------------------------------------
def test_plover_records_one_per_event(seed_article):
    recs = export.plover_records(seed_article)
    assert len(recs) == len(seed_article.events)
    for rec, ev in zip(recs, seed_article.events):
        for key in (
            "id",
            "eventId",
            "reportId",
            "date",
            "event",
            "mode",
            "context",
            "source",
            "target",
            "eventText",
            "eventLoc",
            "text",
            "language",
            "publication",
            "coder",
            "version",
            "dateCoded",
            "modality",
            "quad",
            "cameo",
            "confidence",
            "evidence",
        ):
            assert key in rec
        assert rec["event"] == ev.type and rec["text"] == ev.evidence.text
        assert rec["id"] == export.corpus_event_id(seed_article, ev) and rec["reportId"] == f"{seed_article.id}-{ev.id}"
        assert seed_article.text[rec["evidence"]["start"] : rec["evidence"]["end"]] == rec["text"]
        assert len(rec["source"]) == len([a for a in ev.actors])
        assert rec["eventText"] and rec["eventText"].split()[0] in rec["text"]
        assert rec["coder"] == "dateline" and rec["version"] and len(rec["dateCoded"]) == 10


def test_plover_record_of_the_meeting(seed_article):
    ev = _meeting(seed_article)
    rec = next(r for r in export.plover_records(seed_article) if r["reportId"].endswith(ev.id))
    assert rec["event"] == "CONSULT" and rec["date"] == "2019-04-25" and rec["modality"] == "future"
    assert {s["code"] for s in rec["source"] + rec["target"]} >= {"PRK", "RUS"}
    assert all(set(s) >= {"actorText", "code", "sector"} for s in rec["source"])
    # the location under PLOVER's name (eventLoc: name, ISO2 "country code") and GDELT's ADM1 code
    loc = rec["eventLoc"]
    assert loc["name"] == "Vladivostok" and loc["country code"] == "RU" and loc["country"] == "RUS"
    assert loc["adm1"] == "RS59"  # Primorsky Krai, as GDELT writes it (FIPS country + GeoNames admin1)
    assert loc["lat"] == pytest.approx(43.1, abs=0.5)
    assert rec["context"] == "diplomatic"  # CAMEO 04x: consultations


def test_ids_codes_and_contexts_follow_documented_rules():
    assert export.global_event_id("0123456789abcdef0123") == int("0123456789abcde", 16)
    assert export.global_event_id("x") == export.global_event_id("x") < 2**60
    # QuadClass by the CAMEO root, GDELT's four classes
    assert [export.quad_class(c) for c in ("010", "020", "043", "057", "0874", "090", "130", "141", "204")] == [
        1,
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]
    # Goldstein from the full code (GDELT's published values), not the root's
    assert export.goldstein("020") == 3.0 and export.goldstein("042") == 1.9 and export.goldstein("043") == 2.8
    assert export.goldstein("0874") == 10.0 and export.goldstein("1823") == -10.0 and export.goldstein("182") == -9.5
    assert export.goldstein("0331") == 5.2 and export.goldstein("19") == -10.0 and export.goldstein(None) is None
    assert export.goldstein("0459") == 5.0  # an unknown sub-code falls back to its base code
    assert export.contexts("062") == ["military"] and export.contexts("0333") == ["humanitarian"]
    assert export.contexts("192") == ["military", "territory"] and export.contexts("010") == []


def test_gdelt_rows(seed_article):
    rows = export.gdelt_rows(seed_article)
    assert rows and all(len(r) == len(export.GDELT_COLUMNS) == 61 for r in rows)
    ev = _meeting(seed_article)
    row = next(
        r
        for r in rows
        if r[COL["GLOBALEVENTID"]] == str(export.global_event_id(export.corpus_event_id(seed_article, ev)))
    )
    assert row[COL["SQLDATE"]] == "20190425" and row[COL["MonthYear"]] == "201904"
    assert row[COL["EventCode"]] == "040" and row[COL["EventRootCode"]] == "04"
    assert row[COL["QuadClass"]] == "1" and row[COL["GoldsteinScale"]] == "1.0"
    assert {row[COL["Actor1CountryCode"]], row[COL["Actor2CountryCode"]]} & {"PRK", "RUS"}
    assert row[COL["ActionGeo_FullName"]] == "Vladivostok" and row[COL["ActionGeo_Type"]] == "4"
    assert row[COL["ActionGeo_CountryCode"]] == "RS"  # FIPS 10-4, as GDELT writes it
    assert row[COL["ActionGeo_ADM1Code"]] == "RS59"
    assert row[COL["IsRootEvent"]] == "1"
    # one row per corpus event: ids unique within the article
    assert len({r[COL["GLOBALEVENTID"]] for r in rows}) == len(rows)
    # an event with a month only is dated on the month's first day in SQLDATE
    feb = [r for r in rows if r[COL["MonthYear"]] == "201902"]
    assert feb and feb[0][COL["SQLDATE"]] == "20190201"


def test_writers(seed_article):
    out = io.StringIO()
    export.writer("plover", out)(seed_article)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(seed_article.events)
    assert all(json.loads(line)["event"] for line in lines)

    out = io.StringIO()
    write = export.writer("gdelt", out, header=True)
    write(seed_article)
    write(seed_article, pretty=True)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == export.GDELT_COLUMNS
    assert len(lines) == 1 + 2 * len(export.gdelt_rows(seed_article))
    assert all(len(line.split("\t")) == 61 for line in lines)

    out = io.StringIO()
    export.writer("json", out)(seed_article)
    assert json.loads(out.getvalue())["id"] == seed_article.id


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError):
        export.writer("csv-events", io.StringIO())


def test_cli_extract_format_plover(capsys, seed_text, tmp_path):
    from dateline.cli import main

    page = tmp_path / "page.txt"
    page.write_text(seed_text, encoding="utf-8")
    assert main(["extract", str(page), "--format", "plover"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines
    recs = [json.loads(line) for line in lines]
    assert any(r["event"] == "CONSULT" and r["date"] == "2019-04-25" for r in recs)

    assert main(["extract", str(page), "--format", "gdelt"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows and all(len(r) == 61 for r in rows)


def test_gdelt_date_columns_tolerate_partial_and_odd_values():
    assert export._gdelt_date("2019-02")[:3] == ("20190201", "201902", "2019")
    assert export._gdelt_date("2002")[:3] == ("20020101", "200201", "2002")
    assert export._gdelt_date("2024-WI") == ("", "", "", "")
    assert export._gdelt_date(None) == ("", "", "", "")


# -- a store ------------------------------------------------------------------------------------------
def _news_store(url, tmp_path, seed_text) -> None:
    """The seed and a small generated corpus through the real pipeline, then two hand-built
    reports of one summit from two agencies and a syndicated copy (an event with counts > 1)."""
    from test_ingest import write_corpus

    from dateline.ingest import ingest

    folder = tmp_path / "in"
    write_corpus(folder, 8)
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    assert ingest([folder], db=url).stored == 9
    reports = [
        make_article(),
        make_article(STORY + " Reporting by Joyce Lee.", path="copy.txt", publisher="Other"),
        make_article(OTHER, path="ap.txt", publisher="AP News", agency="AP"),
    ]
    with Store.open(url) as store:
        for art in reports:
            for ev in art.events:
                ev.cameo = "043"  # host a visit
            store.write(art)


def _gdelt(lines: list[str]) -> list[list[str]]:
    return [line.split("\t") for line in lines if line]


def check_gdelt_row(row: list[str], event: dict) -> None:
    """One GDELT row's internal consistency, and its agreement with the store's corpus event."""
    from dateline.store_export import typed_date

    assert len(row) == 61
    code = row[COL["EventCode"]]
    assert code and row[COL["EventBaseCode"]] == code[:3] and row[COL["EventRootCode"]] == code[:2]
    root = int(code[:2])
    assert row[COL["QuadClass"]] == str(1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4)
    assert float(row[COL["GoldsteinScale"]]) == export.goldstein(code)
    assert -10 <= float(row[COL["GoldsteinScale"]]) <= 10
    assert row[COL["GLOBALEVENTID"]] == str(export.global_event_id(event["id"]))
    assert (row[COL["NumMentions"]], row[COL["NumSources"]], row[COL["NumArticles"]]) == tuple(
        str(event[k]) for k in ("n_mentions", "n_sources", "n_articles")
    )
    day, _ = typed_date(event["date"])
    if day is None:
        assert row[COL["SQLDATE"]] == row[COL["MonthYear"]] == row[COL["Year"]] == ""
    else:
        assert row[COL["SQLDATE"]] == day.strftime("%Y%m%d")
        assert row[COL["MonthYear"]] == row[COL["SQLDATE"]][:6] and row[COL["Year"]] == row[COL["SQLDATE"]][:4]
    for n in ("1", "2"):
        country = row[COL[f"Actor{n}CountryCode"]]
        assert country == "" or (len(country) == 3 and row[COL[f"Actor{n}Code"]].startswith(country))
    geo_type, name, cc, adm1 = (row[COL[f"ActionGeo_{k}"]] for k in ("Type", "FullName", "CountryCode", "ADM1Code"))
    place = event.get("place")
    if place is None:
        assert name == geo_type == cc == adm1 == ""
        return
    assert name == (place["name"] or "")
    assert cc == export.fips(place["country"])
    if geo_type == "1":
        assert adm1 == cc
    elif geo_type in ("2", "3", "4", "5"):
        assert cc and (adm1 == "" or (adm1.startswith(cc) and len(adm1) > len(cc)))
        if row[COL["ActionGeo_FeatureID"]] and geo_type in ("3", "4"):
            assert adm1, f"a GeoNames town has its division: {name}"
    if place["lat"] is not None:
        assert float(row[COL["ActionGeo_Lat"]]) == pytest.approx(place["lat"], abs=1e-4)
    assert len(row[COL["DATEADDED"]]) == 14 and row[COL["DATEADDED"]].isdigit()


@pytest.mark.slow
def test_every_gdelt_row_is_consistent_and_events_give_the_export_ids(db_url, tmp_path, seed_text, capsys):
    """#21 "done when": every row of `export --format gdelt --header` passes the consistency
    check; `events --format gdelt` gives the same id (and the same row) for the same event."""
    from dateline import query
    from dateline.cli import main

    _news_store(db_url, tmp_path, seed_text)
    assert main(["export", "--db", db_url, "--format", "gdelt", "--header", str(tmp_path / "all.tsv")]) == 0
    lines = (tmp_path / "all.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == export.GDELT_COLUMNS
    rows = _gdelt(lines[1:])
    with Store.open(db_url) as store:
        events = {export.global_event_id(e["id"]): e for e in query.events(store, limit=10_000)}
    assert rows and len(rows) == len({r[COL["GLOBALEVENTID"]] for r in rows})  # unique ids
    for row in rows:
        check_gdelt_row(row, events[int(row[COL["GLOBALEVENTID"]])])
    assert any(int(r[COL["NumSources"]]) > 1 for r in rows) and any(int(r[COL["NumArticles"]]) > 2 for r in rows)
    by_id = {r[COL["GLOBALEVENTID"]]: r for r in rows}
    for etype in ("CONSULT", "ASSAULT", "COERCE"):
        assert main(["events", "--db", db_url, "--type", etype, "--format", "gdelt", "--limit", "1000"]) == 0
        picked = _gdelt(capsys.readouterr().out.splitlines())
        for row in picked:
            assert row == by_id[row[COL["GLOBALEVENTID"]]]
    # PLOVER: one record per corpus event, its id the store's event id, counts from the store
    assert main(["export", "--db", db_url, "--format", "plover", str(tmp_path / "p.jsonl")]) == 0
    recs = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    by_event = {e["id"]: e for e in events.values()}
    assert {r["id"] for r in recs} == set(by_event) and len(recs) == len(by_event)
    for r in recs:
        assert r["numMentions"] == by_event[r["id"]]["n_mentions"] and r["coder"] == "dateline"
    assert main(["export", "--db", db_url, "--format", "plover", "--all-copies", str(tmp_path / "a.jsonl")]) == 0
    every = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert len(every) == sum(e["n_mentions"] for e in by_event.values())
    assert len({r["reportId"] for r in every}) == len(every)
    assert main(["export", "--db", db_url, "--format", "gdelt", "--all-copies", "-"]) == 2


def test_plover_codes_come_from_the_corpus_where_the_article_lacks_them(db_url, tmp_path):
    from dateline.store_export import export_lines

    with Store.open(db_url) as store:
        store.write(make_article())
        lone = make_article(OTHER, path="ap.txt", publisher="AP News", agency="AP")
        data = lone.to_dict()
        for a in data["actors"]:
            a["country"], a["sector"] = None, None  # this article does not say whose they are
        from dateline.article import Article

        store.write(Article.from_dict(data))
        out = io.StringIO()
        export_lines(store, "plover", out, all_copies=True)
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    ap = [r for r in recs if r["articleId"] == lone.id]
    assert ap and all(
        s["code"] in ("PRK", "RUS") and s["sector"] == "GOV" for r in ap for s in r["source"] + r["target"]
    )


def test_export_parquet_has_a_fixed_typed_schema(db_url, tmp_path):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.dataset as ds

    from dateline.store_export import export_parquet, parquet_schemas

    with Store.open(db_url) as store:
        _two_stories_and_a_copy(store)
        events = store.events()
        counts = export_parquet(store, tmp_path / "out")
    assert counts == {"events": len(events), "event_mentions": 3, "articles": 3, "stories": 2}
    months = sorted(p.name for p in (tmp_path / "out" / "events").iterdir())
    assert months == ["event_month=2019-04", "event_month=__HIVE_DEFAULT_PARTITION__"]
    schemas = parquet_schemas()
    for name in ("events", "event_mentions", "articles", "stories"):
        part = ds.partitioning(pa.schema([("event_month", pa.string())]), flavor="hive")
        table = ds.dataset(
            tmp_path / "out" / name, format="parquet", partitioning=part if "event" in name else None
        ).to_table()
        assert table.schema.equals(schemas[name], check_metadata=False), name
    table = ds.dataset(tmp_path / "out" / "events", format="parquet", partitioning="hive").to_table()
    rows = {r["id"]: r for r in table.to_pylist()}
    assert set(rows) == {e["id"] for e in events}
    for e in events:
        r = rows[e["id"]]
        assert r["event_month"] == (e["date"][:7] if e["date"] else None)
        assert r["date"] == (dt.date.fromisoformat(e["date"]) if e["date"] else None)
        assert r["date_precision"] == ("day" if e["date"] else None)
        assert r["n_articles"] == e["n_articles"] and r["actors"] == e["actors"]
        assert r["first_seen"].tzinfo is not None and r["first_seen"].utcoffset() == dt.timedelta(0)
        assert r["global_event_id"] == export.global_event_id(e["id"])
    assert pa.types.is_list(table.schema.field("actors").type)
    assert pa.types.is_struct(table.schema.field("place").type)
    mentions = ds.dataset(tmp_path / "out" / "event_mentions", format="parquet", partitioning="hive").to_table()
    assert mentions.num_rows == 3 and set(mentions.column("publisher").to_pylist()) == {"euronews", "Other", "AP News"}
    m = mentions.to_pylist()[0]
    assert {a["name"] for a in m["actors"] + m["recipients"]} == {"Kim Jong Un", "Vladimir Putin"}
    arts = ds.dataset(tmp_path / "out" / "articles", format="parquet").to_table()
    assert arts.num_rows == 3 and "data" not in arts.column_names and "text" in arts.column_names
    assert arts.schema.field("similarity").type == pa.float64()  # typed even when every value is null
    assert arts.schema.field("authors").type == pa.list_(pa.string())


def test_two_exports_into_one_folder_give_exactly_the_stores_rows_and_duckdb_reads_two_stores(db_url, tmp_path):
    """#21 "done when": a second export into the same folder replaces the first (no stale rows,
    whatever the chunking); DuckDB reads the exports of two stores together, one schema."""
    duckdb = pytest.importorskip("duckdb")

    from dateline import store_export
    from dateline.store_export import export_parquet

    out = tmp_path / "out"
    with Store.open(db_url) as store:
        store.write(make_article())
        export_parquet(store, out)
        _two_stories_and_a_copy(store)  # one more story and a copy
        old_batch, store_export.BATCH = store_export.BATCH, 1  # one row a chunk
        try:
            counts = export_parquet(store, out)
        finally:
            store_export.BATCH = old_batch
        n_events = store.counts()["events"]
    assert counts["events"] == n_events and counts["articles"] == 3

    con = duckdb.connect()

    def n(sql: str) -> int:
        return con.execute(sql).fetchall()[0][0]

    assert n(f"SELECT count(*) FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)") == n_events
    assert n(f"SELECT count(*) FROM read_parquet('{out}/articles/*.parquet')") == 3
    assert (
        n(f"SELECT count(DISTINCT id) FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)")
        == n_events
    )
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left
    assert json.loads((out / "_dateline_export.json").read_text())["counts"] == counts

    # A second store without any linked article or dated event: the same schema all the same.
    other = tmp_path / "other"
    with Store.open(f"sqlite:///{tmp_path / 'other.db'}") as store2:
        store2.write(make_article(OTHER, path="undated.txt", date=None, publisher="AP News", agency="AP"))
        export_parquet(store2, other)
    both = con.execute(
        f"SELECT id, published_date, similarity, ingested_at FROM read_parquet(['{out}/articles/*.parquet', "
        f"'{other}/articles/*.parquet'])"
    ).fetchall()
    assert len(both) == 4 and any(r[2] is not None for r in both)
    rows = con.execute(
        f"SELECT event_month, count(*) FROM read_parquet(['{out}/events/**/*.parquet', "
        f"'{other}/events/**/*.parquet'], hive_partitioning=true) GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert sum(c for _, c in rows) == n_events + 1
    assert all(m is None or (len(m) == 7 and m[4] == "-") for m, _ in rows)
    typ = con.execute(
        f"SELECT typeof(actors), typeof(place), typeof(date), typeof(first_seen) FROM "
        f"read_parquet('{out}/events/**/*.parquet', hive_partitioning=true) LIMIT 1"
    ).fetchone()
    assert typ[0].endswith("[]") and typ[1].startswith("STRUCT") and typ[2] == "DATE" and "TIME ZONE" in typ[3]
    by_month = f"SELECT count(*) FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning=true) WHERE "
    assert (
        n(by_month + "event_month BETWEEN '2019-01' AND '2019-12'")
        == n(by_month + "date BETWEEN DATE '2019-01-01' AND DATE '2019-12-31'")
        > 0
    )


def test_an_export_never_overwrites_a_folder_that_is_not_an_export(db_url, tmp_path):
    from dateline.store_export import export_jsonl, export_parquet

    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("precious", encoding="utf-8")
    with Store.open(db_url) as store:
        store.write(make_article())
        with pytest.raises(UsageError, match="not a dateline export"):
            export_parquet(store, keep)
        assert (keep / "notes.txt").read_text(encoding="utf-8") == "precious"
        export_jsonl(store, tmp_path / "j")
        export_jsonl(store, tmp_path / "j")  # replaced, not refused
        assert (tmp_path / "j" / "articles.jsonl").read_text().count("\n") == 1


def test_export_jsonl_writes_full_articles_and_events_with_mentions(db_url, tmp_path):
    from dateline.store_export import export_jsonl

    with Store.open(db_url) as store:
        _two_stories_and_a_copy(store)
        counts = export_jsonl(store, tmp_path / "out")
        stored = {r["id"]: store.get_article(r["id"]).to_dict() for r in store.articles()}
    arts = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert {a["id"]: a for a in arts} == stored
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert counts == {"articles": 3, "events": len(events)}
    assert sum(len(e["mentions"]) for e in events) == 3
    assert all(len(e["mentions"]) == e["n_mentions"] for e in events)


def test_cli_export_errors(tmp_path):
    from dateline.cli import main

    assert main(["export", "--db", str(tmp_path / "none.db"), "--format", "jsonl", str(tmp_path / "o")]) == 2
