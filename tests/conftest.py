"""Shared fixtures. The spaCy model is loaded once per test session."""

from __future__ import annotations

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
