"""Loading a small learned model that ships inside the package as ``<stem>.npz`` (weights) and
``<stem>.json`` (labels, thresholds, training summary), as the event-type model and the sense gate
do. An environment variable switches it off (``0``, ``off``, ``false``) or names a folder whose
files are read instead (to compare trained settings); the shipped model is read once per process."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np

T = TypeVar("T")

_UNREAD = object()


class Shipped(Generic[T]):
    """``load()`` gives the model built by ``build(weights, meta)`` from the files, or None when they
    are absent or unreadable or ``env`` switches it off."""

    def __init__(self, stem: str, env: str, build: Callable[[dict[str, Any], dict[str, Any]], T]) -> None:
        self.stem, self.env, self.build = stem, env, build
        self._cached: Any = _UNREAD
        self._lock = threading.Lock()

    def load(self, path: str | os.PathLike | None = None) -> T | None:
        env = os.environ.get(self.env, "")
        if path is None and env in ("0", "off", "false"):
            return None
        if path is None and env and os.path.isdir(env):
            path = env
        shared = path is None or path == env
        if shared and self._cached is not _UNREAD:
            return self._cached  # (read once: the lock is for the first read only)
        with self._lock:
            if shared and self._cached is not _UNREAD:
                return self._cached
            try:
                model: T | None = self.build(*self._read(path))
            except (FileNotFoundError, OSError, KeyError):
                model = None
            if shared:
                self._cached = model
            return model

    def _read(self, path: str | os.PathLike | None) -> tuple[dict[str, Any], dict[str, Any]]:
        if path is None:
            base = resources.files("dateline").joinpath("data", "events")
            with base.joinpath(f"{self.stem}.npz").open("rb") as fh:
                weights = dict(np.load(fh))
            return weights, json.loads(base.joinpath(f"{self.stem}.json").read_text(encoding="utf-8"))
        p = Path(path)
        weights = dict(np.load(p / f"{self.stem}.npz"))
        return weights, json.loads((p / f"{self.stem}.json").read_text(encoding="utf-8"))
