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
