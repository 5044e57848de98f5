"""PLOVER JSONL and GDELT 2.0 exports of the seed's events, and the CLI's --format."""

from __future__ import annotations

import io
import json

import pytest

from dateline import export
from dateline.errors import UsageError


def _meeting(seed_article):
    return next(e for e in seed_article.events if e.type == "CONSULT" and "will meet" in e.evidence.text)


def test_plover_records_one_per_event(seed_article):
    recs = export.plover_records(seed_article)
    assert len(recs) == len(seed_article.events)
    for rec, ev in zip(recs, seed_article.events):
        for key in (
            "id",
            "date",
            "event",
            "mode",
            "context",
            "source",
            "target",
            "eventText",
            "text",
            "language",
            "publication",
            "modality",
            "quad",
            "cameo",
            "confidence",
            "evidence",
        ):
            assert key in rec
        assert rec["event"] == ev.type and rec["text"] == ev.evidence.text
        assert seed_article.text[rec["evidence"]["start"] : rec["evidence"]["end"]] == rec["text"]
        assert len(rec["source"]) == len([a for a in ev.actors])
        assert rec["eventText"] and rec["eventText"].split()[0] in rec["text"]


def test_plover_record_of_the_meeting(seed_article):
    ev = _meeting(seed_article)
    rec = next(r for r in export.plover_records(seed_article) if r["id"].endswith(ev.id))
    assert rec["event"] == "CONSULT" and rec["date"] == "2019-04-25" and rec["modality"] == "future"
    assert {s["code"] for s in rec["source"] + rec["target"]} >= {"PRK", "RUS"}
    assert all(set(s) >= {"actorText", "code", "sector"} for s in rec["source"])
    assert rec["geolocation"]["placeName"] == "Vladivostok"
    assert rec["geolocation"]["lat"] == pytest.approx(43.1, abs=0.5)


def test_gdelt_rows(seed_article):
    rows = export.gdelt_rows(seed_article)
    assert rows and all(len(r) == len(export.GDELT_COLUMNS) == 61 for r in rows)
    col = {name: i for i, name in enumerate(export.GDELT_COLUMNS)}
    idx = [i for i, e in enumerate(seed_article.events) if e.cameo].index(
        seed_article.events.index(_meeting(seed_article))
    )
    row = rows[idx]
    assert row[col["SQLDATE"]] == "20190425" and row[col["MonthYear"]] == "201904"
    assert row[col["EventCode"]] == "040" and row[col["EventRootCode"]] == "04"
    assert row[col["QuadClass"]] == "1" and float(row[col["GoldsteinScale"]]) > 0
    assert {row[col["Actor1CountryCode"]], row[col["Actor2CountryCode"]]} & {"PRK", "RUS"}
    assert row[col["ActionGeo_FullName"]] == "Vladivostok"
    assert row[col["ActionGeo_CountryCode"]] == "RS"  # FIPS 10-4, as GDELT writes it
    assert row[col["IsRootEvent"]] == "1"
    # an event with a month only is dated on the month's first day in SQLDATE
    feb = [r for r in rows if r[col["MonthYear"]] == "201902"]
    assert feb and feb[0][col["SQLDATE"]] == "20190201"


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
