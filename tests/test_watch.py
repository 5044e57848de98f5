"""dateline watch (issue 19): real HTTP servers on loopback serve feeds, sitemaps, the bundled
example as an article page, and hostile responses; the store is real (SQLite, and PostgreSQL
where marked); the pipeline runs the real model."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from loopback import UNRELATED_HTML, Hook, Reply, Site, endless, rss, seed_html, trickle

from dateline import alerts
from dateline.cli import main
from dateline.errors import UsageError
from dateline.store import Store
from dateline.store import schema as S
from dateline.watch import Fetcher, FetchError, Politeness, Source, Watcher, load_sources, parse_duration

ROOT = Path(__file__).resolve().parent.parent
SECRET = "a-test-secret-of-32-characters-xx"
FAST = Politeness(rate=0.0, timeout=1.0, deadline=2.0, retries=2, backoff=0.01, max_backoff=0.05)


def _urls(db: str) -> dict[str, str]:
    with Store.open(db) as st, st.engine.connect() as conn:
        return dict(conn.execute(sa.select(S.watch_urls.c.url, S.watch_urls.c.status)).all())


def _count(db: str, table) -> int:
    with Store.open(db) as st, st.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


# -- the "done when", through the command line ----------------------------------------------
def test_watch_once_then_nothing_new_then_alert_posts_once_signed(tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    with Site() as site, Hook() as hook:
        site.routes["/robots.txt"] = Reply(200, "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
        site.routes["/news/library"] = Reply(200, UNRELATED_HTML)
        site.routes["/news/kim-putin"] = Reply(200, seed_html())
        site.routes["/feed.xml"] = Reply(
            200, rss([("/news/library", "Library")], site.base), {"ETag": '"v1"'}, ctype="application/rss+xml"
        )
        assert (
            main(
                [
                    "alerts",
                    "add",
                    "kim",
                    "--actor",
                    "Kim Jong Un",
                    "--type",
                    "CONSULT",
                    "--webhook",
                    hook.url,
                    "--secret",
                    SECRET,
                    "--db",
                    db,
                ]
            )
            == 0
        )
        args = ["watch", f"{site.base}/feed.xml", "--db", db, "--once", "--rate", "0"]

        # 1. the feed's new article is stored; the unrelated article sends no alert
        assert main(args) == 0
        assert _urls(db) == {f"{site.base}/news/library": "stored"}
        assert _count(db, S.articles) == 1
        assert hook.posts == []

        # 2. a second --once: one conditional GET answered 304, nothing else, nothing stored
        before = len(site.requests)
        assert main(args) == 0
        second = site.requests[before:]
        assert [(r[1], r[3]) for r in second] == [("/feed.xml", 304)]
        assert second[0][2].get("If-None-Match") == '"v1"'
        assert _count(db, S.articles) == 1

        # 3. the bundled example arrives through the feed: exactly one signed POST
        site.routes["/feed.xml"] = Reply(
            200,
            rss([("/news/kim-putin", "Kim"), ("/news/library", "Library")], site.base),
            {"ETag": '"v2"'},
            ctype="application/rss+xml",
        )
        assert main(args) == 0
        assert _count(db, S.articles) == 2
        assert len(hook.posts) == 1
        body, headers = hook.posts[0]
        assert alerts.verify(SECRET, body, headers.get("X-Dateline-Signature"))
        assert not alerts.verify("another-secret-of-enough-length", body, headers.get("X-Dateline-Signature"))
        payload = json.loads(body)
        assert payload["alert"] == "kim" and payload["matches"]
        for m in payload["matches"]:
            ev = m["event"]
            assert m["change"] == "new" and ev["type"] == "CONSULT"
            assert any("Kim Jong Un" in a for a in ev["actors"] + ev["recipients"])
            assert ev["evidence"]["text"] and m["link"].startswith("http") and "/article/" in m["link"]
            assert [s["url"] for s in m["sources"]] == [f"{site.base}/news/kim-putin"]
        assert headers.get("X-Dateline-Delivery") == str(payload["delivery"])

        # 4. polled again (unchanged feed): no request but the 304, no second POST
        assert main(args) == 0
        assert len(hook.posts) == 1
        assert main(["alerts", "run", "--db", db]) == 0
        assert len(hook.posts) == 1


def test_sigkill_during_a_poll_then_rerun_leaves_each_article_once(tmp_path):
    db = f"sqlite:///{tmp_path / 'k.db'}"
    import threading

    arrived, release = threading.Event(), threading.Event()

    def stalled_page(h):
        arrived.set()
        release.wait(60)
        return Reply(200, UNRELATED_HTML.replace("library", "museum"))

    with Site() as site:
        site.routes["/robots.txt"] = Reply(404, "", ctype="text/plain")
        site.routes["/a"] = Reply(200, UNRELATED_HTML)
        site.routes["/b"] = stalled_page
        site.routes["/c"] = Reply(200, seed_html())
        site.routes["/feed.xml"] = Reply(
            200, rss([("/a", "A"), ("/b", "B"), ("/c", "C")], site.base), {"ETag": '"k"'}, ctype="application/rss+xml"
        )
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        cmd = [sys.executable, "-m", "dateline", "watch", f"{site.base}/feed.xml", "--db", db, "--once", "--rate", "0"]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            assert arrived.wait(120), "the watcher never asked for the second page"
            proc.send_signal(signal.SIGKILL)
            proc.wait(30)
        finally:
            release.set()
            if proc.poll() is None:
                proc.kill()
        assert _urls(db) == {f"{site.base}/a": "stored"}  # the first article was done; the feed's validators not saved
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        # log lines are JSON (stderr is not a terminal)
        events = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
        assert events[-1]["event"] == "round" and events[-1]["stored"] == 2
    urls = _urls(db)
    assert set(urls.values()) == {"stored"} and len(urls) == 3
    with Store.open(db) as st, st.engine.connect() as conn:
        ids = conn.execute(sa.select(S.articles.c.id, S.articles.c.url)).all()
        assert len(ids) == 3 and len({r.url for r in ids}) == 3
        assert conn.execute(sa.select(sa.func.count()).select_from(S.sources)).scalar_one() == 3


# -- politeness against hostile servers ---------------------------------------------------------------
@pytest.fixture()
def hostile():
    with Site() as site:
        state = {"flaky": 0}

        def flaky(h):
            state["flaky"] += 1
            return Reply(500, "oops") if state["flaky"] == 1 else Reply(200, UNRELATED_HTML)

        site.routes.update(
            {
                "/robots.txt": Reply(200, "User-agent: *\nDisallow: /private/\n", ctype="text/plain"),
                "/ok": Reply(200, UNRELATED_HTML),
                "/private/page": Reply(200, UNRELATED_HTML),
                "/gone": Reply(404, "no"),
                "/busy": Reply(429, "slow down", {"Retry-After": "0"}),
                "/broken": Reply(500, "oops"),
                "/flaky": flaky,
                "/slow": trickle(200, 0.05),  # 10 s for 200 bytes: past the 2 s deadline
                "/stalled": trickle(10, 30.0),  # one byte, then silence: past the 1 s read timeout
                "/huge": endless(),
                "/big": Reply(200, b"<p>" + b"a" * 3_000_000 + b"</p>"),
                "/loop": Reply(302, "", {"Location": "/loop"}),
                "/image": Reply(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, ctype="image/png"),
            }
        )
        yield site


def test_fetcher_politeness_on_hostile_responses(tmp_path, hostile):
    site = hostile
    pol = Politeness(**{**FAST.__dict__, "max_bytes": 1_000_000})
    with Store.open(f"sqlite:///{tmp_path / 'f.db'}") as st, Fetcher(st.engine, pol) as f:
        assert f.get(site.base + "/ok").status == 200
        assert site.hits("/ok")[0][2]["User-Agent"].startswith("dateline/")
        cases = {
            "/private/page": ("robots", False),
            "/gone": ("http-404", False),
            "/busy": ("http-429", True),
            "/broken": ("http-500", True),
            "/slow": ("timeout", True),
            "/stalled": ("timeout", True),
            "/huge": ("too-large", False),
            "/big": ("too-large", False),
            "/loop": ("redirects", False),
        }
        for path, (reason, transient) in cases.items():
            t0 = time.monotonic()
            with pytest.raises(FetchError) as err:
                f.get(site.base + path)
            assert (err.value.reason, err.value.transient) == (reason, transient), path
            assert time.monotonic() - t0 < 15, path
        assert site.hits("/private/page") == []  # robots.txt: never asked
        assert len(site.hits("/busy")) == 3 and len(site.hits("/broken")) == 3  # retried with backoff
        assert len(site.hits("/gone")) == 1  # a 404 is not retried
        assert f.get(site.base + "/flaky").status == 200  # a 500 then a 200
        assert len(site.hits("/robots.txt")) == 1
    # robots.txt is kept in the store: a new fetcher asks nobody
    with Store.open(f"sqlite:///{tmp_path / 'f.db'}") as st, Fetcher(st.engine, pol) as f:
        assert not f.allowed(site.base + "/private/x") and f.allowed(site.base + "/ok")
    assert len(site.hits("/robots.txt")) == 1


def test_rate_limit_spaces_requests_to_one_host(tmp_path, hostile):
    waits = []
    pol = Politeness(**{**FAST.__dict__, "rate": 5.0})
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as st, Fetcher(st.engine, pol, sleep=waits.append) as f:
        for _ in range(3):
            f.get(hostile.base + "/ok")
    # robots.txt, then three pages: each request after the first waited for its turn
    assert len(waits) == 3 and all(4.0 < w <= 5.0 for w in waits)


def test_feed_with_repeats_hostile_entries_and_retries(tmp_path, hostile):
    site = hostile
    items = [
        ("/ok", "ok"),
        ("/ok", "ok again"),
        ("/gone", "404"),
        ("/image", "png"),
        ("/private/page", "robots"),
        ("/broken", "500"),
        ("/loop", "loop"),
        ("/big", "big"),
    ]
    site.routes["/feed.xml"] = Reply(200, rss(items, site.base), ctype="application/rss+xml")
    db = f"sqlite:///{tmp_path / 'h.db'}"
    pol = Politeness(**{**FAST.__dict__, "max_bytes": 1_000_000})
    with Watcher(db, [Source(site.base + "/feed.xml")], pol, analyse=False) as w:
        s = w.poll_once()
    assert [s.counts[c] for c in ("new_urls", "stored", "skipped", "retry", "rejected")] == [7, 1, 5, 1, 0]
    urls = _urls(db)
    b = site.base
    assert urls == {
        b + "/ok": "stored",
        b + "/gone": "skipped",
        b + "/image": "skipped",
        b + "/private/page": "skipped",
        b + "/broken": "retry",
        b + "/loop": "skipped",
        b + "/big": "skipped",  # over max_bytes
    }
    assert len(site.hits("/ok")) == 1  # the repeated item was fetched once
    # the next polls retry the 500 until MAX_ATTEMPTS, then give it up
    with Watcher(db, [Source(site.base + "/feed.xml")], pol, analyse=False) as w:
        w.poll_once()
        w.poll_once()
        w.poll_once()
    assert _urls(db)[b + "/broken"] == "failed"
    assert len(site.hits("/broken")) == 3 * 3  # three polls, each with its retries, then never again


def test_a_round_counts_each_url_by_its_status_and_writes_the_same_json_line():
    """RoundSummary keeps its counts in one Counter keyed by the names of COUNTS. Its JSON line (to_dict) has every
    count in COUNTS' order, then seconds and interrupted; from_dict reads the line back for the terminal
    summary. A URL counts by its watch_urls status: "failed" (no retry left) as skipped."""
    from dateline.watch import RoundSummary

    s = RoundSummary()
    for status in ("stored", "duplicate", "duplicate", "rejected", "skipped", "failed", "retry", "updated"):
        s.count(status)
    s.counts["sources"] += 2
    s.counts["new_urls"] = 8
    s.counts["requests"] = 9
    s.seconds = 1.5
    d = s.to_dict()
    names = "sources not_modified source_errors new_urls stored updated duplicates rejected skipped retry alerts_sent"
    assert list(d) == [*names.split(), "purged", "requests", "seconds", "interrupted"]
    counted = ("stored", "updated", "duplicates", "rejected", "skipped", "retry", "not_modified")
    assert [d[c] for c in counted] == [1, 1, 2, 1, 2, 1, 0]
    back = RoundSummary.from_dict({"event": "round", **json.loads(json.dumps(d))})
    assert back == s and back.line() == (
        "2 source(s) polled (0 unchanged, 0 failed), 8 new URL(s): 1 stored, 1 updated, 2 duplicate(s), 1 rejected, "
        "2 skipped, 1 to retry; 0 alert message(s) sent; 9 request(s) in 1.5s"
    )
    back.counts["purged"], back.interrupted = 3, True
    assert back.line().endswith("in 1.5s; 3 article text(s) purged — interrupted; rerun to continue")


def test_a_page_that_completes_a_stored_article_is_counted_as_updated(tmp_path):
    """A watched URL whose page is the text of an article already stored, and completes it (here with the feed's
    publication date: store.merge), is "updated" in watch_urls and in the round's counts; it was counted in none, so
    the round's outcomes did not add up to its new URLs."""
    with Site() as site:
        site.routes["/page"] = Reply(200, UNRELATED_HTML)
        site.routes["/copy"] = Reply(200, UNRELATED_HTML)  # the same text at another URL, listed with a pubDate
        site.routes["/feed.xml"] = Reply(200, rss([("/copy", "Library")], site.base), ctype="application/rss+xml")
        db = f"sqlite:///{tmp_path / 'u.db'}"
        with Watcher(db, [Source(site.base + "/page")], FAST, analyse=False) as w:
            assert w.poll_once().counts["stored"] == 1
        with Store.open(db) as st:
            assert [r["published_date"] for r in st.articles()] == [None]
        with Watcher(db, [Source(site.base + "/feed.xml")], FAST, analyse=False) as w:
            s = w.poll_once()
        assert [s.counts[c] for c in ("new_urls", "updated", "stored", "duplicates")] == [1, 1, 0, 0]
        assert _urls(db)[site.base + "/copy"] == "updated"
        with Store.open(db) as st:
            assert [r["published_date"] for r in st.articles()] == ["2019-04-24"]


def test_sitemap_index_and_news_sitemap(tmp_path, hostile):
    site = hostile
    site.routes["/sitemap.xml"] = Reply(
        200,
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.base}/news-sitemap.xml</loc></sitemap></sitemapindex>",
        ctype="application/xml",
    )
    site.routes["/news-sitemap.xml"] = Reply(
        200,
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{site.base}/kim</loc><news:news><news:publication_date>2019-04-24T08:00:00Z</news:publication_date>"
        "</news:news></url>"
        f"<url><loc>{site.base}/ok</loc><lastmod>2019-04-20</lastmod></url></urlset>",
        ctype="application/xml",
    )
    site.routes["/kim"] = Reply(200, seed_html())
    db = f"sqlite:///{tmp_path / 's.db'}"
    with Watcher(db, [Source(site.base + "/sitemap.xml", max_items=1)], FAST, analyse=False) as w:
        s = w.poll_once()
    assert s.counts["stored"] == 1 and s.counts["new_urls"] == 1  # max_items keeps the newest
    with Store.open(db) as st:
        (row,) = st.articles()
        assert row["url"] == site.base + "/kim" and row["published_date"] == "2019-04-24"


def test_a_plain_page_source_is_ingested_again_only_when_it_changes(tmp_path, hostile):
    site = hostile
    site.routes["/page"] = Reply(200, UNRELATED_HTML, {"ETag": '"p1"'})
    db = f"sqlite:///{tmp_path / 'p.db'}"
    with Watcher(db, [Source(site.base + "/page")], FAST, analyse=False) as w:
        assert w.poll_once().counts["stored"] == 1
        assert w.poll_once().counts["not_modified"] == 1
    assert [r[3] for r in site.hits("/page")] == [200, 304]


def test_sources_file_and_durations(tmp_path):
    f = tmp_path / "sources.toml"
    f.write_text(
        '[settings]\nevery = "10m"\nrate = 2.5\nuser_agent = "dateline/test (+mailto:desk@example.org)"\n'
        'purge_text_after = "30d"\n\n[[source]]\nurl = "https://example.org/feed.xml"\n\n'
        '[[source]]\nurl = "https://example.org/sitemap.xml"\nkind = "sitemap"\nevery = "1h"\nmax_items = 20\n'
    )
    cfg = load_sources(f)
    assert [(s.url, s.kind, s.every, s.max_items) for s in cfg.sources] == [
        ("https://example.org/feed.xml", "auto", 600.0, 100),
        ("https://example.org/sitemap.xml", "sitemap", 3600.0, 20),
    ]
    assert cfg.politeness.rate == 2.5 and cfg.purge_text_after.days == 30
    assert parse_duration("90s").total_seconds() == 90 and parse_duration("2w").days == 14
    for bad in ("15", "soon", "-1d"):
        with pytest.raises(UsageError):
            parse_duration(bad)
    f.write_text('[settings]\nspeed = 3\n[[source]]\nurl = "https://example.org/x"\n')
    with pytest.raises(UsageError, match="unknown setting"):
        load_sources(f)
    with pytest.raises(UsageError, match="http"):
        Source("ftp://example.org/feed")


def test_watch_help_ends_with_an_example(capsys):
    for cmd in (["watch"], ["alerts"], ["purge"]):
        with pytest.raises(SystemExit):
            main([*cmd, "--help"])
        assert "example" in capsys.readouterr().out


def test_purge_after_watch_keeps_facts_and_refetch_is_a_duplicate(tmp_path):
    db = f"sqlite:///{tmp_path / 'p.db'}"
    with Site() as site:
        site.routes["/robots.txt"] = Reply(404, "", ctype="text/plain")
        site.routes["/kim"] = Reply(200, seed_html())
        site.routes["/feed.xml"] = Reply(200, rss([("/kim", "Kim")], site.base), ctype="application/rss+xml")
        args = ["watch", f"{site.base}/feed.xml", "--db", db, "--once", "--rate", "0", "--no-alerts"]
        assert main(args) == 0
        with Store.open(db) as st, st.engine.connect() as conn:
            facts = {
                t.name: sorted(map(tuple, conn.execute(sa.select(t)).all()), key=repr)
                for t in (S.events, S.event_mentions, S.stories, S.sources)
            }
            assert facts["events"] and conn.execute(sa.select(S.articles.c.text)).scalar_one()
        assert main(["purge", "--db", db, "--text-older-than", "0d"]) == 0
        with Store.open(db) as st, st.engine.connect() as conn:
            after = {
                t.name: sorted(map(tuple, conn.execute(sa.select(t)).all()), key=repr)
                for t in (S.events, S.event_mentions, S.stories, S.sources)
            }
            assert after == facts  # every event, evidence snippet and story link
            assert conn.execute(sa.select(S.articles.c.text)).scalar_one() == ""
        # the same page under another URL of the feed: fetched, recognised as a duplicate
        site.routes["/kim-again"] = Reply(200, seed_html())
        site.routes["/feed.xml"] = Reply(
            200, rss([("/kim-again", "Kim"), ("/kim", "Kim")], site.base), ctype="application/rss+xml"
        )
        assert main(args) == 0
        assert _urls(db)[f"{site.base}/kim-again"] == "duplicate"
        assert _count(db, S.articles) == 1 and _count(db, S.sources) == 2
        assert len(site.hits("/kim")) == 1


def test_long_running_mode_polls_when_due_and_stops(tmp_path, hostile):
    import threading

    site = hostile
    site.routes["/feed.xml"] = Reply(200, rss([("/ok", "ok")], site.base), {"ETag": '"r"'}, ctype="application/rss+xml")
    site.routes["/binary-page"] = Reply(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, ctype="text/html")
    stop, rounds = threading.Event(), []

    def report(event):
        if event["event"] == "round":
            rounds.append(event)
            if len(rounds) == 2:
                stop.set()

    db = f"sqlite:///{tmp_path / 'l.db'}"
    sources = [Source(site.base + "/feed.xml", every=0.2), Source(site.base + "/binary-page", every=3600)]
    with Watcher(db, sources, FAST, analyse=False, report=report) as w:
        t = threading.Thread(target=w.run, kwargs={"stop": stop, "min_sleep": 0.1})
        t.start()
        t.join(60)
        assert not t.is_alive()
    assert rounds[0]["stored"] == 1 and rounds[0]["source_errors"] == 1  # a "page" that is a PNG
    assert rounds[1]["sources"] == 1 and rounds[1]["not_modified"] == 1  # only the feed was due
    assert len(site.hits("/binary-page")) == 1
