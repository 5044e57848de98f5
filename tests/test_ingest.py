"""`dateline ingest`: rerun safety, interruption (a real SIGKILL and Ctrl-C mid-batch),
syndicated copies, archives and feeds, worker processes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import SEED
from test_store import db_url  # noqa: F401  (the two-backend fixture)

from dateline.article import Article
from dateline.ingest import Worker, ingest
from dateline.read import RawInput
from dateline.store import Store
from dateline.store import schema as S
from dateline.store.db import normalise_url

ROOT = Path(__file__).resolve().parent.parent


# -- a hand-made corpus generator -------------------------------------------------------------------
FIRST = "Anna Boris Carla David Elena Farid Grace Hassan Ines Jonas Kofi Lena Marco Nadia Omar Petra".split()
LAST = "Albers Brandt Costa Duarte Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Lindqvist Moreau".split()
CITIES = [
    ("NAIROBI", "Kenya"),
    ("LIMA", "Peru"),
    ("OSLO", "Norway"),
    ("HANOI", "Vietnam"),
    ("ACCRA", "Ghana"),
    ("QUITO", "Ecuador"),
    ("RIGA", "Latvia"),
    ("DAKAR", "Senegal"),
    ("MANILA", "Philippines"),
]
TOPICS = [
    "a new trade agreement",
    "border security",
    "fishing rights",
    "a railway project",
    "grain exports",
    "energy prices",
    "a prisoner exchange",
    "water sharing",
    "election monitoring",
    "vaccine supplies",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday".split()


def synthetic_article(i: int) -> str:
    rng = random.Random(i)

    def person() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    city, country = rng.choice(CITIES)
    a, b, c = person(), person(), person()
    topic, topic2 = rng.sample(TOPICS, 2)
    day, day2 = rng.sample(DAYS, 2)
    paras = [
        f"{country} and its neighbours discuss {topic}",
        f"By {c}",
        f"{city}, {country} (Reuters) - Foreign Minister {a} of {country} met his counterpart {b} on {day} "
        f"in {city.title()} to discuss {topic}, the ministry said in a statement numbered {1000 + i}.",
        f'"We agreed to keep talking about {topic2}," {a} told reporters after the meeting, which lasted '
        f"{rng.randint(2, 9)} hours.",
        f"{b} said the two governments would sign a memorandum on {topic} by {rng.choice(DAYS)}, and that "
        f"{rng.randint(3, 40)} officials would travel to {rng.choice(CITIES)[0].title()} next month.",
        f"Police in {city.title()} arrested {rng.randint(5, 90)} protesters on {day2} who had blocked a road "
        f"near the conference hall, a police spokesman said.",
        f"Opposition leader {person()} accused the government of hiding the costs of {topic2}.",
        f"(Reporting by {c}; editing by {person()})",
    ]
    return "\n\n".join(paras) + "\n"


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"{i:04d}.txt"
        p.write_text(synthetic_article(i), encoding="utf-8")
        paths.append(p)
    return paths


# -- checks -------------------------------------------------------------------------------------------
def assert_consistent(url: str) -> int:
    """Every stored article is complete; no row belongs to a missing article. Returns #articles."""
    from dateline import dedupe

    engine = sa.create_engine(normalise_url(url))
    b, _ = dedupe.DEFAULT.bands_rows
    with engine.connect() as conn:
        ids = set(conn.execute(sa.select(S.articles.c.id)).scalars())
        for table in S.ARTICLE_CHILD_TABLES:
            orphans = set(conn.execute(sa.select(table.c.article_id).distinct()).scalars()) - ids
            assert not orphans, f"{table.name} has rows of articles that are not stored: {orphans}"
        for row in conn.execute(sa.select(S.articles.c.id, S.articles.c.story_id, S.articles.c.data)):
            data = json.loads(row.data) if isinstance(row.data, str) else row.data
            art = Article.from_dict(data)

            def n(table, row=row):
                return conn.execute(
                    sa.select(sa.func.count()).select_from(table).where(table.c.article_id == row.id)
                ).scalar_one()

            assert n(S.actors) == len({a.id for a in art.actors})
            assert n(S.places) == len(art.places)
            assert n(S.times) == len(art.times)
            assert n(S.quotes) == len(art.quotes)
            assert n(S.event_mentions) == len({e.id for e in art.events})
            assert n(S.minhashes) == 1 and n(S.lsh_bands) == b and n(S.sources) >= 1
            story = conn.execute(sa.select(S.stories).where(S.stories.c.id == row.story_id)).one()
            assert story.n_articles >= 1
            if engine.dialect.name == "sqlite":
                assert (
                    conn.execute(
                        sa.text("SELECT count(*) FROM articles_fts WHERE article_id = :a"), {"a": row.id}
                    ).scalar_one()
                    == 1
                )
        for ev in conn.execute(sa.select(S.events)):
            mentions = conn.execute(
                sa.select(sa.func.count()).select_from(S.event_mentions).where(S.event_mentions.c.event_id == ev.id)
            ).scalar_one()
            assert ev.n_mentions == mentions >= 1
    engine.dispose()
    return len(ids)


def count_articles(url: str) -> int:
    engine = sa.create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(S.articles)).scalar_one()
    except sa.exc.SQLAlchemyError:
        return 0  # not created yet
    finally:
        engine.dispose()


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "dateline", *args]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    return e


# -- the "done when" --------------------------------------------------------------------------
def test_a_directory_holding_the_seed_twice_ingested_twice_stores_one_article(db_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "b.txt").write_bytes(SEED.read_bytes())
    first = ingest([folder], db=db_url)
    assert (first.stored, first.duplicates, first.n_rejected) == (1, 1, 0)
    with Store.open(db_url) as store:
        before = store.counts()
        article = store.get_article(store.articles()[0]["id"])
    assert before["articles"] == 1 and before["stories"] == 1 and before["sources"] == 2
    assert article.events, "the seed's events are stored"
    assert before["event_mentions"] == len(article.events)
    second = ingest([folder], db=db_url)
    assert (second.stored, second.duplicates, second.sources_added) == (0, 2, 0)
    with Store.open(db_url) as store:
        assert store.counts() == before
    assert_consistent(db_url)


def korea_herald_copy() -> str:
    """The seed's story under another publisher's page furniture (hand-written boilerplate)."""
    seed = SEED.read_text(encoding="utf-8")
    body = seed[seed.index("MOSCOW/VLADIVOSTOK") : seed.index("euronews provides")].strip()
    return (
        "Skip to main content\n\nThe Korea Herald\n\nHome > World > Asia\n\nSubscribe | Log in\n\n"
        "Kim Jong Un heads to Russia for first summit with Putin\n\n"
        "Published : April 24, 2019 - 18:02\n\n"
        "By Vladimir Soldatkin and Maria Vasilyeva\n\n" + body + "\n\nShare on Facebook\n\nShare on Twitter\n\n"
        "© The Korea Herald. All rights reserved. Redistribution prohibited.\n"
    )


def test_a_copy_under_another_publishers_boilerplate_joins_the_story_without_new_events(db_url, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "euronews.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b" / "koreaherald.txt").write_text(korea_herald_copy(), encoding="utf-8")
    ingest([tmp_path / "a"], db=db_url)
    with Store.open(db_url) as store:
        events_before = store.events(limit=1000)
        assert events_before
    summary = ingest([tmp_path / "b"], db=db_url)
    assert summary.n_rejected == 0
    with Store.open(db_url) as store:
        counts = store.counts()
        assert counts["stories"] == 1
        assert counts["sources"] == 2
        events = store.events(limit=1000)
        assert [e["id"] for e in events] == [e["id"] for e in events_before]
        assert all(e["n_stories"] == 1 and e["n_sources"] == 1 for e in events)
        story = store.story(store.articles()[0]["story_id"])
        assert story["n_sources"] == 2
        assert {s["path"] for s in story["sources"]} == {
            str(tmp_path / "a" / "euronews.txt"),
            str(tmp_path / "b" / "koreaherald.txt"),
        }
    assert_consistent(db_url)

    # An edited copy (a paragraph added by the outlet) is a new text, linked by MinHash to the story.
    edited = korea_herald_copy().replace(
        "Vladivostok is the closest major Russian city",
        "Seoul is watching the summit closely, diplomats in the South Korean capital said.\n\n"
        "Vladivostok is the closest major Russian city",
    )
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "edited.txt").write_text(edited, encoding="utf-8")
    seen = []
    summary = ingest([tmp_path / "c"], db=db_url, on_result=seen.append)
    assert (summary.stored, summary.linked) == (1, 1)
    with Store.open(db_url) as store:
        counts = store.counts()
        assert counts["articles"] == 2 and counts["stories"] == 1
        events = {e["id"]: e for e in store.events(limit=1000)}
        assert set(events) >= {e["id"] for e in events_before}
        assert all(e["n_stories"] == 1 and e["n_sources"] == 1 for e in events.values())
        assert sum(e["n_articles"] == 2 for e in events.values()) >= len(events_before) // 2
        assert seen[0].story_id == story["id"]
    assert_consistent(db_url)


# -- rerun and interruption ---------------------------------------------------------------------------
def test_a_stored_article_is_recognised_after_cleaning_and_not_analysed_again(db_url, tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    ingest([folder], db=db_url)
    raw = RawInput(text=synthetic_article(0), origin=str(folder / "0000.txt"))
    fresh = RawInput(text=synthetic_article(7), origin="new.txt")
    with Store.open(db_url) as store:
        worker = Worker(None, True, db_url, engine=store.engine)
        (k1, a1, s1), (k2, a2, s2) = worker.process([raw, fresh])
    assert k1 == "known" and s1 is None and a1.entities == [] and a1.events == []
    assert k2 == "article" and s2 is not None and a2.entities


@pytest.mark.slow
def test_sigkill_mid_batch_loses_nothing_stored_and_the_rerun_completes(db_url, tmp_path):
    n = 40
    folder = tmp_path / "in"
    write_corpus(folder, n)
    proc = subprocess.Popen(
        cli("ingest", str(folder), "--db", db_url, "--batch-size", "4"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env(),
    )
    deadline = time.monotonic() + 300
    killed_at = 0
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before it could be killed: {proc.stderr.read().decode()[-2000:]}")
        killed_at = count_articles(db_url)
        if killed_at >= 5:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    stored = assert_consistent(db_url)
    assert killed_at <= stored < n, "the kill came mid-corpus"
    engine = sa.create_engine(normalise_url(db_url))
    with engine.connect() as conn:
        before = {r.id: r.ingested_at for r in conn.execute(sa.select(S.articles.c.id, S.articles.c.ingested_at))}
    summary = ingest([folder], db=db_url)
    assert summary.stored == n - stored and summary.duplicates == stored and summary.n_rejected == 0
    assert assert_consistent(db_url) == n
    with engine.connect() as conn:
        after = {r.id: r.ingested_at for r in conn.execute(sa.select(S.articles.c.id, S.articles.c.ingested_at))}
    engine.dispose()
    assert {k: after[k] for k in before} == before  # what was stored was not rewritten


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_with_a_summary_and_exit_130(db_url, tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 30)
    # Ctrl-C as from a terminal: a test run started in the background without job control
    # (`cmd &` in a script, nohup) ignores SIGINT, and its children would inherit that.
    proc = subprocess.Popen(
        cli("ingest", str(folder), "--db", db_url, "--batch-size", "2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and count_articles(db_url) < 3:
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    err = err.decode()
    assert proc.returncode == 130, err
    assert "interrupted; rerun to continue" in err
    assert out == b""
    stored = assert_consistent(db_url)
    assert 3 <= stored < 30


# -- inputs ---------------------------------------------------------------------------------------------
ARTICLE_HTML = """<!doctype html><html><head><title>{title} | Example Times</title>
<meta property="article:published_time" content="2024-03-0{day}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>
<p>{p1}</p><p>{p2}</p><p>{p3}</p></article><footer>© Example Times</footer></body></html>"""


def html_page(i: int) -> str:
    paras = [p for p in synthetic_article(100 + i).split("\n\n")[2:5]]
    return ARTICLE_HTML.format(title=f"Ministers meet over issue {i}", day=i + 1, p1=paras[0], p2=paras[1], p3=paras[2])


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(html.encode()), http_headers=headers)
            )
        # A non-page response (an image) and a redirect are not articles: skipped, not rejected.
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/logo.png", "response", payload=BytesIO(b"\x89PNG\r\n\x1a\n...."), http_headers=img
            )
        )
        moved = StatusAndHeaders("301 Moved", [("Location", "https://example.org/")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record("https://example.org/old", "response", payload=BytesIO(b""), http_headers=moved)
        )


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title><link>https://wire.example/</link><description>World news</description>
<item><title>Ministers meet over grain</title><link>https://wire.example/grain</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[{c1}]]></content:encoded></item>
<item><title>Port strike ends</title><link>https://wire.example/port</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[{c2}]]></description></item>
<item><title>Empty item</title><link>https://wire.example/empty</link></item>
</channel></rss>"""


def test_warc_feed_jsonl_and_globs_are_ingested_with_reasons_for_rejects(db_url, tmp_path):
    write_warc(tmp_path / "crawl.warc.gz", [(f"https://example.org/story/{i}", html_page(i)) for i in range(2)])
    paras = [synthetic_article(200 + i).split("\n\n")[2:6] for i in range(2)]
    (tmp_path / "feed.rss").write_text(
        FEED.format(c1="".join(f"<p>{p}</p>" for p in paras[0]), c2="".join(f"<p>{p}</p>" for p in paras[1])),
        encoding="utf-8",
    )
    lines = [
        json.dumps({"text": synthetic_article(300), "url": "https://j.example/1"}),
        "not json",
        json.dumps({"text": synthetic_article(301), "published": "2024-03-07"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages = tmp_path / "pages"
    write_corpus(pages, 2)
    (pages / "logo.png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    seen = []
    summary = ingest(
        [tmp_path / "crawl.warc.gz", tmp_path / "feed.rss", tmp_path / "batch.jsonl", str(pages / "*.txt")],
        db=db_url,
        analyse=False,
        on_result=seen.append,
    )
    assert summary.stored == 2 + 2 + 2 + 2, summary.to_dict()
    assert dict(summary.rejected) == {"empty": 1, "bad-json": 1, "binary": 1}
    assert [o.kind for o in seen].count("rejected") == 3
    with Store.open(db_url) as store:
        rows = store.articles(limit=100)
        urls = {r["url"] for r in rows}
        assert {
            "https://example.org/story/0",
            "https://example.org/story/1",
            "https://wire.example/grain",
            "https://wire.example/port",
            "https://j.example/1",
        } <= urls
        by_url = {r["url"]: r for r in rows}
        assert by_url["https://wire.example/grain"]["published_date"] == "2024-03-05"
        assert {r["reason"] for r in store.rejected()} == {"empty", "bad-json", "binary"}
    assert_consistent(db_url)


def test_missing_paths_and_bad_options_are_usage_errors(tmp_path):
    from dateline.errors import UsageError

    with pytest.raises(UsageError, match="no such file"):
        ingest([tmp_path / "nope"], db=f"sqlite:///{tmp_path / 's.db'}")
    with pytest.raises(UsageError, match="no file matches"):
        ingest([str(tmp_path / "*.nothing")], db=f"sqlite:///{tmp_path / 's.db'}")
    with pytest.raises(UsageError, match="workers"):
        ingest([tmp_path], db=f"sqlite:///{tmp_path / 's.db'}", workers=0)


@pytest.mark.slow
def test_two_workers_store_the_same_as_one(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 8)
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    s1 = ingest([folder], db=one, workers=1)
    s2 = ingest([folder], db=two, workers=2, batch_size=2)
    assert s1.stored == s2.stored == 8
    with Store.open(one) as a, Store.open(two) as b:
        assert a.counts() == b.counts()
        ids = [r["id"] for r in a.articles(limit=100)]
        assert ids == [r["id"] for r in b.articles(limit=100)]
        for i in ids:
            assert a.get_article(i).to_dict() == b.get_article(i).to_dict()


def test_cli_is_quiet_in_pipes_and_prints_a_summary(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 2)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    db = tmp_path / "cli.db"
    r = subprocess.run(
        cli("ingest", str(folder), "--db", str(db), "--no-analysis"),
        capture_output=True,
        text=True,
        env=env(),
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert "\r" not in r.stderr  # no progress bar when stderr is not a terminal
    lines = r.stderr.strip().splitlines()
    assert lines[0].startswith(f"dateline: rejected: {folder / 'empty.txt'}: empty:")
    assert "3 input(s)" in lines[-1] and "2 stored" in lines[-1] and "1 rejected (1 empty)" in lines[-1]
    r = subprocess.run(
        cli("ingest", str(folder / "missing"), "--db", str(db)), capture_output=True, text=True, env=env(), timeout=300
    )
    assert r.returncode == 2 and "no such file or directory" in r.stderr


def test_cli_shows_a_progress_bar_with_rate_and_eta_on_a_terminal(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    folder = tmp_path / "in"
    write_corpus(folder, 3)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen(
        cli("ingest", str(folder), "--db", str(tmp_path / "tty.db"), "--no-analysis"),
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env(),
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(master)
    out = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0, out
    frames = [f for f in out.split("\r") if f.startswith("ingest:")]
    assert any("0/3" in f for f in frames) and any("3/3" in f for f in frames)
    assert any("article/s" in f for f in frames)  # the rate
    assert any(re.search(r"<\d\d:\d\d", f) for f in frames)  # the ETA
    assert "3 stored" in out
