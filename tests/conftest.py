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


def pg_admin_url() -> str:
    """The PostgreSQL server the tests may create databases on: skipped locally when unset,
    a failure in CI (where .ci/run starts one), so the PostgreSQL tests never silently vanish."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"{PG_ENV} is not set in CI: the PostgreSQL tests must run there (.ci/run)")
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql://USER:PASS@HOST/DB")
    return url


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
