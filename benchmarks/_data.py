"""Where the evaluation data lives: --data DIR, else $DATELINE_EVAL_DATA, else ../shared/eval.

The data is never copied into the repository; a script whose data is absent says so and exits 0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def eval_dir(given: str | os.PathLike | None = None) -> Path | None:
    """The evaluation data folder, or None when there is none."""
    if given:
        path = Path(given)
    elif os.environ.get("DATELINE_EVAL_DATA"):
        path = Path(os.environ["DATELINE_EVAL_DATA"])
    else:
        path = ROOT.parent / "shared" / "eval"
    return path if path.is_dir() else None


def dataset(name: str, given: str | os.PathLike | None = None) -> Path | None:
    """One dataset folder (``given`` may be the eval folder or the dataset folder itself)."""
    if given and (Path(given) / "README.txt").is_file() and Path(given).name == name:
        return Path(given)
    base = eval_dir(given)
    if base is None:
        return None
    path = base / name
    return path if path.is_dir() else None


def skip(message: str) -> None:
    """Exit cleanly (status 0) when the data is absent."""
    print(f"skipped: {message}", file=sys.stderr)
    raise SystemExit(0)


# -- PLOVER gold records (plover-gsr-cameo) ---------------------------------------------------


def plover_records(root: Path) -> list[dict]:
    """The PLOVER gold records of the dataset folder ``root``, documents left out, each with its
    half in ``"_split"``: "dev" at even positions, "test" (held out: never trained on, its errors
    never read) at odd ones. Every reader of the set takes its halves from here."""
    import json

    path = root / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    for k, r in enumerate(records):
        r["_split"] = "dev" if k % 2 == 0 else "test"
    return records


def plover_training_half(given: str | os.PathLike | None = None) -> list[tuple[dict, str, str]]:
    """The development half of the PLOVER gold records, for the training scripts: each record with
    its text and its markup ("(EVT: ...) (TAR: ...)"); none, with a note, when the set is absent.
    The test half is never returned."""
    root = dataset("plover-gsr-cameo", given)
    if root is None:
        print("note: plover-gsr-cameo not found; training on the project's corpus alone", file=sys.stderr)
        return []
    out = []
    for r in plover_records(root):
        if r["_split"] == "dev":
            info = r.get("textInfo")
            markup = (info.get("markup") if isinstance(info, dict) else None) or ""
            out.append((r, r["text"].strip("{} "), markup))
    return out


# -- PLV (PLOVER-coded news sentences) --------------------------------------------------------

#: The one seed that splits PLV's train file into a development half and a held-out half. Every
#: evaluation that reads PLV (events: types; participants: sources and recipients) uses this split
#: through :func:`plv_split`, so that no one reads errors on another's held-out half.
PLV_SEED = 15


def plv_files(given: str | os.PathLike | None = None) -> list[Path]:
    """The PLV csv files: ``plv_train.csv`` first, then any other ``plv*.csv`` in the folder
    (the project's external held-out set is PLV's test split in the same format)."""
    root = dataset("plv", given)
    if root is None:
        return []
    files = sorted(root.glob("plv*.csv"))
    return sorted(files, key=lambda p: (p.name != "plv_train.csv", p.name))


def plv_rows(path: str | os.PathLike) -> list[dict[str, str]]:
    """The rows of one PLV csv (columns text, label, meta, context, source, target), each with
    ``sentence_id`` taken from its meta field ("...|sentence_id=N")."""
    import csv
    import re

    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for k, row in enumerate(rows):
        m = re.search(r"sentence_id=(\d+)", row.get("meta") or "")
        row["sentence_id"] = m.group(1) if m else f"row{k}"
    return rows


def plv_split(rows: list[dict[str, str]], seed: int = PLV_SEED) -> tuple[list[dict], list[dict]]:
    """(dev, held-out): the rows ordered by sentence id, shuffled by ``seed``, cut in half. Read
    errors on dev only; report both."""
    import random

    def key(row: dict) -> tuple[int, str]:
        sid = row["sentence_id"]
        return (int(sid), "") if sid.isdigit() else (1 << 62, sid)

    ordered = sorted(rows, key=key)
    random.Random(seed).shuffle(ordered)
    half = (len(ordered) + 1) // 2
    dev_ids = {r["sentence_id"] for r in ordered[:half]}
    dev = [r for r in rows if r["sentence_id"] in dev_ids]
    held = [r for r in rows if r["sentence_id"] not in dev_ids]
    return dev, held
