"""Docs that are tested (issue #18): every example in every ``--help`` and every ``dateline``
command and Python snippet of the README runs, in a sandbox folder holding the files the examples
name (the bundled example as ``page.txt``, ``page.html``, ``batch.jsonl``, a ``corpus/``, a WARC
crawl, a feed) and stores already filled from them (``news.db``, ``dateline.db``).

What cannot run as written here is rewritten by the table ``SUBSTITUTIONS`` below, and only that:
PostgreSQL URLs become the test server's, remote sites a loopback server that serves a feed and
the example page (and accepts webhooks), a Dask scheduler address a LocalCluster of the test's,
ports free ones, placeholders real values. Long-running commands (``serve``, ``watch`` without
``--once``) must come up (a healthy API, a process still running) and are then stopped. The
README's ``make`` lines are the two quick-start commands CI runs itself, so they are not rerun.
"""

from __future__ import annotations

import argparse
import http.server
import io
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import fresh_store_url

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed-euronews-reuters.txt"
BIN = Path(sys.executable).parent
TOKEN = "docs-test-token"

pytestmark = pytest.mark.slow


# -- the examples ------------------------------------------------------------------------------------
def _help_examples() -> list[tuple[str, str]]:
    """(where, command) for each example line of every command's and sub-command's --help."""
    from dateline.cli import build_parser

    out: list[tuple[str, str]] = []

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        lines = (parser.epilog or "").splitlines()
        in_examples = False
        for line in lines:
            if re.match(r"^examples?:\s*$", line):
                in_examples = True
                continue
            if in_examples and line.startswith("  ") and "dateline" in line:
                out.append((f"{name} --help", line.strip()))
            elif in_examples and line.strip() and not line.startswith("  "):
                in_examples = False
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub_name, sub in action.choices.items():
                    walk(sub, f"{name} {sub_name}")

    walk(build_parser(), "dateline")
    seen: set[str] = set()
    return [(w, c) for w, c in out if not (c in seen or seen.add(c))]


def _readme_blocks() -> list[tuple[str, str, str]]:
    """(where, language, text) of each fenced block of the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [
        (f"README.md:{text[: m.start()].count(chr(10)) + 1}", m.group(1), m.group(2))
        for m in re.finditer(r"```(\w+)\n(.*?)```", text, re.S)
    ]


def _readme_commands() -> list[tuple[str, str]]:
    out = []
    for where, lang, block in _readme_blocks():
        if lang != "sh":
            continue
        for line in block.splitlines():
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("make "):
                continue
            out.append((where, line))
    return out


def _strip_comment(cmd: str) -> str:
    """The command without its trailing ``# comment`` (a # inside quotes stays)."""
    quote = None
    for i, ch in enumerate(cmd):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or cmd[i - 1] == " "):
            return cmd[:i].rstrip()
    return cmd


EXAMPLES = [(w, _strip_comment(c)) for w, c in _readme_commands() + _help_examples()]


# -- the sandbox -------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seed_html(text: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return f"<html><head><title>Kim and Putin meet</title></head><body><article>{paras}</article></body></html>"


class _Site(http.server.BaseHTTPRequestHandler):
    """Every remote site of the examples: a feed for *.rss/*.xml, the example page otherwise;
    POSTs (webhooks) are accepted and kept."""

    feed = page = b""
    posts: list[bytes] = []

    def do_GET(self):  # noqa: N802 - the http.server API
        if self.path.endswith("robots.txt"):
            self.send_error(404)
            return
        body, ctype = (
            (self.feed, "application/rss+xml")
            if self.path.endswith((".rss", ".xml"))
            else (
                self.page,
                "text/html; charset=utf-8",
            )
        )
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # noqa: N802
        self.posts.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    import dateline
    from dateline.store import Store

    work = tmp_path_factory.mktemp("docs")
    text = SEED.read_text(encoding="utf-8")
    html = _seed_html(text)
    (work / "examples").mkdir()
    shutil.copy(SEED, work / "examples" / SEED.name)
    (work / "docs").mkdir()
    (work / "page.txt").write_text(text, encoding="utf-8")
    (work / "page.html").write_text(html, encoding="utf-8")
    (work / "batch.jsonl").write_text(
        json.dumps({"text": text, "published": "2019-04-24"})
        + "\n"
        + json.dumps({"html": html, "url": "https://example.org/kim"})
        + "\n",
        encoding="utf-8",
    )
    (work / "corpus").mkdir()
    (work / "corpus" / "seed.txt").write_text(text, encoding="utf-8")
    (work / "crawl").mkdir()
    with open(work / "crawl" / "day1.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/kim", "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{site.server_address[1]}"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>World</title><link>{b}/</link>'
        "<description>world news</description><item><title>Kim and Putin meet</title>"
        "<link>{b}/kim</link><guid>{b}/kim</guid><pubDate>Wed, 24 Apr 2019 10:00:00 GMT</pubDate>"
        "<description>{d}</description></item></channel></rss>"
    ).format(b=base, d=text.replace("&", "&amp;").replace("<", "&lt;"))
    _Site.feed, _Site.page = feed.encode(), html.encode()
    (work / "feeds").mkdir()
    (work / "feeds" / "world.rss").write_text(feed, encoding="utf-8")
    (work / "sources.toml").write_text(f'[[source]]\nurl = "{base}/world.rss"\n', encoding="utf-8")
    threading.Thread(target=site.serve_forever, daemon=True).start()

    article = dateline.extract(text)
    for name in ("news.db", "dateline.db"):
        with Store.open(f"sqlite:///{work / name}") as st:
            st.write(article)
    with fresh_store_url("postgresql", work, prefix="dateline_docs") as pg_url:
        with Store.open(pg_url) as st:
            st.write(article)
        cluster = None
        try:
            from dask.distributed import LocalCluster

            cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None)
        except ImportError:
            pass
        yield {"work": work, "base": base, "pg": pg_url, "id": article.id, "cluster": cluster}
        if cluster is not None:
            cluster.close()
    site.shutdown()


SUBSTITUTIONS: list[tuple[str, str]] = [
    # (pattern, replacement): replacement fields {pg}, {base}, {id}, {scheduler}, {token}
    (r"postgresql://\S+", "{pg}"),
    (r"https?://(?:[\w-]+\.)*example\.(?:org|com)", "{base}"),
    (r"https://\.\.\.", "{base}/kim"),
    (r"tcp://scheduler:8786|tcp://head:8786", "{scheduler}"),
    (r"--dask local:\d+", "--dask local:1"),  # one worker process: the machine is small
    (r"--workers \d+", "--workers 2"),
    (r"/shared/corpus/", "corpus/"),
    (r"\b3f2a9c1e0b7?d?\b", "{id}"),
    (r"DATELINE_API_TOKEN=\.\.\.", "DATELINE_API_TOKEN={token}"),
]


def _prepare(cmd: str, box: dict) -> str:
    fields = {
        "pg": shlex.quote(box["pg"]),
        "base": box["base"],
        "id": box["id"][:12],
        "scheduler": box["cluster"].scheduler_address if box["cluster"] is not None else "local:1",
        "token": TOKEN,
    }
    for pattern, repl in SUBSTITUTIONS:
        cmd = re.sub(pattern, lambda m, r=repl: r.format(**fields), cmd)
    if " serve" in cmd:
        port = str(_free_port())
        cmd = re.sub(r"--port \d+", f"--port {port}", cmd) if "--port" in cmd else cmd + f" --port {port}"
    if "| jq " in cmd and shutil.which("jq") is None:
        cmd = re.sub(r"\| jq '\.(\w+)'", r"""| python -c "import json,sys; print(json.load(sys.stdin)['\1'])" """, cmd)
    return cmd


def _long_running(cmd: str) -> bool:
    return " serve" in cmd or (" watch " in cmd and "--once" not in cmd)


def _env(box: dict) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATELINE_DB")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.mark.parametrize(("where", "command"), EXAMPLES, ids=[c[:70] for _, c in EXAMPLES])
def test_documented_command_runs(sandbox, where, command):
    cmd = _prepare(command, sandbox)
    env = _env(sandbox)
    if not _long_running(cmd):
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", cmd],
            cwd=sandbox["work"],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, (
            f"{where}: `{command}` ran as `{cmd}` and exited {done.returncode}:\n{done.stderr[-3000:]}"
        )
        assert "Traceback" not in done.stderr, done.stderr[-3000:]
        return
    proc = subprocess.Popen(
        ["bash", "-c", cmd],
        cwd=sandbox["work"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, stopped as a whole below
    )
    try:
        port = re.search(r"--port (\d+)", cmd)
        deadline = time.monotonic() + 180
        if port:  # a server: it must answer
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port.group(1)}/api/v1/health", timeout=5) as r:
                        assert r.status == 200
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise AssertionError(
                            f"{where}: `{cmd}` did not come up:\n{proc.stdout.read()[-3000:]}"
                        ) from None
                    time.sleep(0.5)
        else:  # a watcher: it must still be running after its first round
            time.sleep(15)
            assert proc.poll() is None, f"{where}: `{cmd}` stopped:\n{proc.stdout.read()[-3000:]}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def test_readme_python_snippet_runs(sandbox):
    """The README's Python block, run as written from the sandbox (its store is news.db)."""
    blocks = [b for _, lang, b in _readme_blocks() if lang == "python"]
    assert blocks
    page_html = _seed_html(SEED.read_text(encoding="utf-8"))  # the page the README's snippet names
    for block in blocks:
        done = subprocess.run(
            [sys.executable, "-c", f"page_html = {page_html!r}\n" + block],
            cwd=sandbox["work"],
            env=_env(sandbox),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr[-3000:]


def test_every_command_has_an_example():
    """Each command's --help ends with at least one example (the project's convention)."""
    from dateline.cli import build_parser

    missing = []
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if not re.search(r"^examples?:", sub.epilog or "", re.M):
                    missing.append(name)
    assert not missing, f"commands without an example in --help: {missing}"


def test_docs_list_every_rejection_reason():
    """docs/security.md's table of rejection reasons and dateline.errors.Reason agree."""
    from dateline.errors import Reason

    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    section = text.split("### Rejection reasons", 1)[1].split("\n### ", 1)[0]
    documented = re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.M)
    assert documented, "no table of reasons under '### Rejection reasons'"
    assert sorted(documented) == sorted(r.value for r in Reason)
