"""The built wheel works on its own: built from this tree, installed into a fresh virtual
environment, and run from outside the tree, it finds its migrations, its web page and its model.

The fresh environment gets the wheel itself (``pip install --no-deps``) and sees this
environment's third-party packages through a path entry, so nothing is downloaded; ``dateline``
is imported from the fresh environment's own site-packages, never from ``src/`` (checked).
"""

from __future__ import annotations

import json
import os
import site
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "seed-euronews-reuters.txt"

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the fresh environment's bin folder, a working folder outside the tree, its environment)."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp / "dist"), str(ROOT)], ROOT, env)
    (wheel,) = (tmp / "dist").glob("dateline-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp, env)
    py = venv / "bin" / "python"
    purelib = _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp, env)
    # This environment's dependencies (spaCy, the model, SQLAlchemy, ...) as a plain path entry:
    # a path listed in a .pth file is not itself scanned for .pth files, so this environment's
    # editable install of dateline (a .pth pointing at src/) stays out of the fresh one.
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(purelib.stdout.strip()) / "_dateline_test_deps.pth").write_text("\n".join(deps) + "\n")
    _run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], tmp, env)
    work = tmp / "work"
    work.mkdir()
    return venv / "bin", work, env


def test_the_wheel_carries_what_the_package_reads(installed):
    bin_, work, env = installed
    where = _run(
        [
            str(bin_ / "python"),
            "-c",
            "import dateline, pathlib; p = pathlib.Path(dateline.__file__).parent; print(p); "
            "print((p / 'py.typed').is_file(), (p / 'store/migrations/alembic.ini').is_file(), "
            "(p / 'store/migrations/script.py.mako').is_file(), (p / 'web/pages/layout.html').is_file())",
        ],
        work,
        env,
    ).stdout.split("\n")
    assert str(bin_.parent) in where[0], f"dateline was imported from {where[0]}, not from the fresh environment"
    assert where[1] == "True True True True", where[1]


def test_the_installed_wheel_extracts_ingests_and_serves(installed, tmp_path):
    bin_, work, env = installed
    out = _run([str(bin_ / "dateline"), "extract", str(EXAMPLE)], work, env).stdout
    article = json.loads(out)
    assert article["published"]["date"] == "2019-04-24"
    assert any(e["type"] == "CONSULT" for e in article["events"]), "the model was not found or not run"

    db = tmp_path / "new.db"
    _run([str(bin_ / "dateline"), "ingest", str(EXAMPLE), "--db", str(db)], work, env)  # the migrations run here
    port = _free_port()
    server = subprocess.Popen(
        [str(bin_ / "dateline"), "serve", "--db", str(db), "--port", str(port)],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/health", timeout=5) as r:
                    assert r.status == 200
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"dateline serve did not start: {server.stdout.read()[-3000:]}") from None
                time.sleep(0.5)
        with urllib.request.urlopen(base + "/api/v1/events?type=CONSULT", timeout=30) as r:
            events = json.load(r)["items"]
        assert any("Kim Jong Un" in e["actors"] for e in events), events
        with urllib.request.urlopen(base + "/", timeout=30) as r:
            page = r.read().decode()
        assert "<title>dateline" in page
        for path in ("/web/static/js/explorer.js", "/web/static/css/dateline.css"):
            with urllib.request.urlopen(base + path, timeout=30) as r:
                assert r.status == 200 and len(r.read()) > 100, path
    finally:
        server.terminate()
        server.wait(timeout=30)
