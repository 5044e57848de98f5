"""Readers and bad input: every rejected input has a reason, none is a traceback."""

from __future__ import annotations

import io
import json
import zlib

import pytest

import dateline
from dateline.errors import InputRejected
from dateline.read import decode_bytes, iter_jsonl, read_path, read_stdin

WIN1252 = (
    "Le caf\u00e9 \u201cna\u00efve\u201d \u2014 the mayor\u2019s r\u00e9sum\u00e9 was read aloud on Monday.\n".encode(
        "cp1252"
    )
)


def _png() -> bytes:
    def chunk(tag, data):
        return len(data).to_bytes(4, "big") + tag + data + zlib.crc32(tag + data).to_bytes(4, "big")

    ihdr = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        (_png(), "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"abc\x00\x00\x00def\x00", "binary"),
    ],
)
def test_rejected_bytes(data, reason):
    with pytest.raises(InputRejected) as exc:
        decode_bytes(data)
    assert exc.value.reason == reason
    assert str(exc.value)


def test_windows_1252_is_detected_and_decoded():
    text = decode_bytes(WIN1252 * 5)
    assert "caf\u00e9" in text and "\u201cna\u00efve\u201d" in text and "\u2014" in text


def test_invalid_utf8_does_not_crash():
    data = (
        "The minister said on Monday that talks would resume. " * 5
    ).encode() + b"\xff\xfe\xfa broken \xc3\x28 bytes"
    text = decode_bytes(data)
    assert "The minister said on Monday" in text


def test_utf8_bom_and_crlf_are_normalised():
    assert decode_bytes(b"\xef\xbb\xbfHello\r\nworld") == "Hello\nworld"


def test_size_limit_is_configurable(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 3000)
    monkeypatch.setenv("DATELINE_MAX_BYTES", "1000")
    [item] = list(read_path(big))
    assert isinstance(item, InputRejected) and item.reason == "too-large"
    assert "DATELINE_MAX_BYTES" in str(item)
    [item] = list(read_path(big, max_bytes=100_000))
    assert not isinstance(item, InputRejected)


def test_html_is_sniffed_without_extension(tmp_path):
    p = tmp_path / "page"
    p.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    [item] = list(read_path(p))
    assert item.html is not None and item.text is None


def test_jsonl_bad_lines_do_not_stop_the_batch():
    lines = [
        json.dumps({"text": "First story text.", "url": "https://a.example/1"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"text": "x", "html": "<p>y</p>"}),
        json.dumps({"text": ""}),
        json.dumps({"html": "<p>Second</p>", "published": "2024-05-03"}),
    ]
    data = ("\n".join(lines) + "\n").encode() + b"\xff\xfe\n"
    items = list(iter_jsonl(io.BytesIO(data), "batch.jsonl"))
    kinds = [i.reason if isinstance(i, InputRejected) else "ok" for i in items]
    assert kinds == ["ok", "bad-json", "bad-record", "bad-record", "empty", "ok", "undecodable"]
    assert items[0].url == "https://a.example/1" and items[5].published == "2024-05-03"
    assert items[1].source == "batch.jsonl:2"


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Alpha story text that is long enough.")
    (tmp_path / "b" / "c.html").write_text("<html><body><p>Gamma</p></body></html>")
    (tmp_path / "b" / "skip.png").write_bytes(_png())
    (tmp_path / ".hidden.txt").write_text("hidden")
    origins = [i.origin for i in read_path(tmp_path)]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.html")]


def test_stdin_jsonl_is_sniffed():
    stream = io.BytesIO(b'{"text": "One."}\n{"text": "Two."}\n')
    is_jsonl, items = read_stdin(stream=stream)
    assert is_jsonl and [i.text for i in items] == ["One.", "Two."]
    is_jsonl, items = read_stdin(stream=io.BytesIO(b"Just a page of text.\n"))
    assert not is_jsonl and next(items).text == "Just a page of text.\n"


def test_non_english_article_is_cleaned_and_reported_not_analysed():
    text = (
        "Die Bundesregierung hat am Montag neue Hilfen f\u00fcr die Landwirte beschlossen. "
        "Der Minister sagte in Berlin, man werde die Betriebe nicht allein lassen.\n\n"
        "Die Opposition kritisierte die Pl\u00e4ne als unzureichend und forderte mehr Geld."
    )
    a = dateline.extract(text)
    assert a.language == "de"
    assert a.text.startswith("Die Bundesregierung")
    assert a.actors == [] and a.events == []


def test_facade_rejects_empty_and_both_inputs():
    with pytest.raises(InputRejected):
        dateline.clean("   ")
    with pytest.raises(dateline.UsageError):
        dateline.clean("x", html="<p>x</p>")
    with pytest.raises(dateline.UsageError):
        dateline.clean()


def test_rejections_survive_pickling_to_and_from_worker_processes():
    import pickle

    exc = pickle.loads(pickle.dumps(InputRejected("empty", "input is empty", source="a.txt")))
    assert (exc.reason, str(exc), exc.source) == ("empty", "input is empty", "a.txt")


def test_ingest_with_two_workers_reports_an_empty_file_as_rejected(tmp_path, seed_text):
    from dateline.ingest import ingest

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a_empty.txt").write_text("")
    (corpus / "b_seed.txt").write_text(seed_text)
    summary = ingest([corpus], db=f"sqlite:///{tmp_path / 'store.db'}", workers=2, analyse=False)
    assert summary.stored == 1
    assert summary.n_rejected == 1
