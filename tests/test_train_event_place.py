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


def test_the_linker_believes_a_no_place_we_judged() -> None:
    # an RA record carries no annotator's answer: its "none" counts only once we judged it
    mod = _script()
    records = [
        {"source": "batch_RA", "answer": None, "locations": []},
        {"source": "batch_RA", "answer": "judged", "locations": []},
        {"source": "batch_RA", "answer": None, "locations": [(0, 5, "Kabul")]},
    ]
    data = [["a"], ["b"], ["c"]]
    kept, recs = mod.keep(data, records, mod.trusted_none_sources(records))
    assert kept == [["b"], ["c"]] and [r["answer"] for r in recs] == ["judged", None]


def test_the_threshold_weighs_right_places_and_right_silences_alike() -> None:
    mod = _script()
    records = [{"locations": [(0, 5, "Kabul")]}, {"locations": []}, {"locations": []}]
    weights = {"near": 3.0, "far": -3.0, "mid": 0.0}  # p 0.95, 0.05, 0.5
    data = [[(["near"], True), (["far"], False)], [(["mid"], False)], [(["far"], False)]]
    scored = [mod.score_record(rows, weights) for rows in data]
    assert mod.balanced(scored, records, 0.4) == (0.75, 1.0, 0.5)  # Kabul; "mid" is invented
    assert mod.balanced(scored, records, 0.6) == (1.0, 1.0, 1.0)
    assert mod.balanced(scored, records, 0.96) == (0.5, 0.0, 1.0)  # Kabul lost


def test_folds_keep_a_sentence_together() -> None:
    mod = _script()
    records = [{"text": t} for t in ["a", "b", "a", "c", "d", "b", "e", "f"]]
    fold = mod.folds(records)
    assert fold[0] == fold[2] and fold[1] == fold[5]
    assert len(set(fold)) == min(mod.FOLDS, 6)


def test_the_fit_converges_and_learns_the_signal() -> None:
    mod = _script()
    data = [[(["bias", "near"], True), (["bias", "far"], False)] for _ in range(20)]
    weights, n_iter = mod.fit(data, 1.0)
    assert n_iter < mod.MAX_ITER and weights["near"] > 1.0 > -1.0 > weights["far"]


def test_the_judged_records_are_data_with_their_provenance() -> None:
    from benchmarks.eval_event_places import JUDGED, judgements

    text = JUDGED.read_text(encoding="utf-8")
    assert "MIT" in text and "RELABEL" in text and (JUDGED.parent / "LICENSE-event_location").is_file()
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")][1:]
    assert len(rows) >= 600 and all(len(r) == 7 and r[1] in ("dev", "train") for r in rows)
    assert not any(r[2] == "RELABEL" for r in rows)
    assert len({r[0] for r in rows}) == len(rows)  # one judgement a record
    verdicts = judgements()
    assert sum(v == [] for v in verdicts.values()) > 100 and sum(bool(v) for v in verdicts.values()) > 100


def test_the_judged_places_name_their_words() -> None:
    # each judged place is written as offsets and the name they cover; judge() checks the name against the
    # record's text wherever the data is read (make eval, make train)
    from benchmarks.eval_event_places import judgements

    places = [p for spans in judgements().values() for p in spans or []]
    assert len(places) >= 300 and all(0 <= a < b and b - a == len(name) for a, b, name in places)


def test_a_judged_place_that_does_not_read_its_name_is_an_error(tmp_path: Path) -> None:
    from benchmarks.eval_event_places import judge, record_key

    text = "Troops were ambushed near Tarsi on Monday."
    path = tmp_path / "judged.tsv"
    path.write_text(
        "key\tpart\tsource\tid\tverb_offsets\tverb\tjudgement\n"
        f"{record_key(text, (12, 20))}\tdev\tX_RA\t1\t12-20\tambushed\t26-31:Dorav\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="reads 'Tarsi', not 'Dorav'"):
        judge([{"source": "X_RA", "answer": None, "text": text, "verb": (12, 20), "locations": []}], path)


def test_judgements_replace_an_ra_records_labels(tmp_path: Path) -> None:
    from benchmarks.eval_event_places import judge, record_key, usable

    text = "Troops were ambushed near Tarsi on Monday, officials in Dorav said."
    verb = (12, 20)
    other = "Rebels seized a town."
    path = tmp_path / "judged.tsv"
    path.write_text(
        "# invented\nkey\tpart\tsource\tid\tverb_offsets\tverb\tjudgement\n"
        f"{record_key(text, verb)}\tdev\tX_RA\t1\t12-20\tambushed\t26-31:Tarsi\n"
        f"{record_key(other, (7, 13))}\tdev\tX_RA\t2\t7-13\tseized\tskip\n",
        encoding="utf-8",
    )
    records = [
        {"source": "X_RA", "answer": None, "text": text, "verb": verb, "locations": []},
        {"source": "X_RA", "answer": None, "text": other, "verb": (7, 13), "locations": []},
        {"source": "RELABEL", "answer": "accept", "text": text, "verb": verb, "locations": []},
    ]
    judge(records, path)
    assert records[0]["answer"] == "judged" and records[0]["locations"] == [(26, 31, "Tarsi")]
    assert records[1]["answer"] == "unclear" and records[2]["locations"] == []  # the test is never touched
    assert usable(records) == [records[0], records[2]]
