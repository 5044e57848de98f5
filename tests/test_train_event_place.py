"""scripts/train_event_place.py: part of `make train`, with a --check that the shipped linker is
reproduced, and a clear stop where its (not shipped) training data is missing."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    path = ROOT / "scripts" / "train_event_place.py"
    spec = importlib.util.spec_from_file_location("train_event_place", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_make_train_trains_the_event_place_linker() -> None:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^train:.*\n((?:\t.*\n)+)", text, re.M)
    assert rule is not None
    recipe = rule.group(1)
    assert "scripts/train_event_place.py" in recipe
    # after the event-type model: the linker's candidates come from the analysis, not from it
    assert recipe.index("train_events.py") < recipe.index("train_event_place.py")


def test_without_its_data_the_linker_script_says_where_to_put_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DATELINE_EVAL_DATA", raising=False)
    assert _script().main(["--data", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "event-location-halterman" in err and "DATELINE_EVAL_DATA" in err and "MIT" in err


def test_check_tells_a_retrained_linker_from_the_shipped_one() -> None:
    diff = _script().differences
    shipped = {"threshold": 0.47, "weights": {"bias": -0.17, "fronted": 1.2, "dist=16+": -1.08}}
    assert diff(dict(shipped), shipped) == []
    assert diff({**shipped, "weights": {**shipped["weights"], "bias": -0.17005}}, shipped) == []  # rounding
    assert any("threshold" in x for x in diff({**shipped, "threshold": 0.48}, shipped))
    moved = {**shipped, "weights": {**shipped["weights"], "fronted": 1.1}}
    assert any("weights differ" in x for x in diff(moved, shipped))
    assert any("features" in x for x in diff({**shipped, "weights": {"bias": -0.17, "fronted": 1.2}}, shipped))
