"""Static word embeddings shared by the stages that compare words by meaning: the event model's
features (``dateline.events.model``) and the HTML stage's test for machine-generated filler
(``dateline.notarticle``). The wordllama wheel ships the vectors; nothing is downloaded.
"""

from __future__ import annotations

import threading

import numpy as np

__all__ = ["DIM", "WORD_CACHE_MAX", "Embedder"]

DIM = 256
# Words whose summed token vectors are kept (about 1.3 KB each): a long-running server or ingest
# worker holds at most ~65 MB of them; the cache starts over when full.
WORD_CACHE_MAX = 50_000


class Embedder:
    """Static word embeddings from the wordllama wheel (read offline, nothing downloaded).

    A phrase's vector is the normalised mean of its words' token vectors, each word tokenised on
    its own: a word is tokenised once and its token vectors' sum kept (the lemmas of news repeat,
    so an article costs dictionary look-ups, not tokenizer calls)."""

    _lock = threading.Lock()
    _shared: Embedder | None = None

    def __init__(self) -> None:
        import logging
        from pathlib import Path

        # wordllama calls logging.basicConfig(level=INFO) when imported: a library must not
        # configure the application's logging (every INFO line of alembic, httpx and the rest
        # would reach stderr), so the root logger is put back as it was.
        root = logging.getLogger()
        level, handlers = root.level, list(root.handlers)
        try:
            import wordllama

            wl = wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
        finally:
            root.setLevel(level)
            root.handlers[:] = handlers
        self._matrix = np.ascontiguousarray(np.asarray(wl.embedding, dtype=np.float32))
        self._tokenizer = wl.tokenizer
        self._words: dict[str, tuple[np.ndarray, int]] = {}

    @classmethod
    def shared(cls) -> Embedder:
        with cls._lock:
            if cls._shared is None:
                cls._shared = Embedder()
            return cls._shared

    def _learn(self, words: list[str]) -> None:
        encoded = self._tokenizer.encode_batch(words, add_special_tokens=False)
        top = self._matrix.shape[0] - 1
        if len(self._words) > WORD_CACHE_MAX:
            self._words.clear()
        for w, enc in zip(words, encoded):
            ids = [min(i, top) for i, m in zip(enc.ids, enc.attention_mask) if m]
            if ids:
                self._words[w] = (self._matrix[ids].sum(axis=0), len(ids))
            else:
                self._words[w] = (np.zeros(DIM, dtype=np.float32), 0)

    def vectors(self, phrases: list[str]) -> np.ndarray:
        split = [p.split() for p in phrases]
        missing = sorted({w for ws in split for w in ws if w not in self._words})
        if missing:
            self._learn(missing)
        out = np.zeros((len(phrases), DIM), dtype=np.float32)
        for k, ws in enumerate(split):
            if not ws:
                continue
            total = np.zeros(DIM, dtype=np.float32)
            n = 0
            for w in ws:
                v, c = self._words[w]
                total += v
                n += c
            if n:
                norm = float(np.linalg.norm(total))
                if norm > 0:
                    out[k] = total / norm
        return out
