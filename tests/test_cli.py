"""The `dateline` command as a user runs it: exit codes, stdout/stderr, JSON and JSONL."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEED


def run(*args, stdin: bytes | None = None, env=None):
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", *args], input=stdin, capture_output=True, env=env, timeout=300
    )
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def test_version_and_help_end_with_an_example():
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("dateline ")
    for cmd in ([], ["extract"], ["schema"]):
        code, out, _ = run(*cmd, "--help")
        assert code == 0
        assert "example" in out.strip().splitlines()[-3:][0] or "dateline " in out.strip().splitlines()[-1]


def test_extract_seed_no_analysis_prints_one_article():
    code, out, err = run("extract", str(SEED), "--no-analysis")
    assert code == 0, err
    article = json.loads(out)
    assert article["schema"] == "dateline.article/1"
    assert article["headline"].startswith("North Korea's Kim Jong Un to meet Putin")
    assert article["published"] == {"date": "2019-04-24", "source": "inferred"}


def test_extract_published_option_wins(tmp_path):
    code, out, err = run(
        "extract", str(SEED), "--no-analysis", "--published", "2019-04-25", "--url", "https://example.org/s"
    )
    assert code == 0, err
    article = json.loads(out)
    assert article["published"] == {"date": "2019-04-25", "source": "metadata"}
    assert article["source"]["url"] == "https://example.org/s"


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_rejected_file_exit_3_with_reason(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    code, out, err = run("extract", str(p))
    assert code == 3 and out == ""
    assert reason in err and "Traceback" not in err


def test_oversized_file(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 5000)
    code, _, err = run("extract", str(p), "--max-bytes", "1000")
    assert code == 3 and "too-large" in err and "--max-bytes" in err


def test_usage_errors_exit_2(tmp_path):
    assert run("extract", str(tmp_path / "missing.txt"))[0] == 2
    code, _, err = run("extract", str(SEED), "--published", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err
    assert run("extract")[0] == 2
    assert run("no-such-command")[0] == 2


def test_stdin_page_and_jsonl_batch_in_order():
    code, out, err = run("extract", "-", "--no-analysis", stdin=SEED.read_bytes())
    assert code == 0 and json.loads(out)["authors"] == ["Vladimir Soldatkin", "Maria Vasilyeva"]
    batch = (
        b"\n".join(
            [
                json.dumps({"text": SEED.read_text()}).encode(),
                b"{broken",
                json.dumps(
                    {"text": "Short but real: the council met on Monday and approved the budget for next year."}
                ).encode(),
            ]
        )
        + b"\n"
    )
    code, out, err = run("extract", "-", "--no-analysis", stdin=batch)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 3
    assert records[0]["schema"] == "dateline.article/1"
    assert records[1]["error"]["reason"] == "bad-json" and records[1]["error"]["source"] == "<stdin>:2"
    assert records[2]["text"].startswith("Short but real")
    assert "bad-json" in err


def test_schema_command_matches_docs():
    from pathlib import Path

    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert {"schema", "id", "text", "removed", "events"} <= set(schema["properties"])
    docs = Path(__file__).resolve().parent.parent / "docs" / "article.schema.json"
    assert json.loads(docs.read_text()) == schema, "docs/article.schema.json is stale: run `make docs`"
