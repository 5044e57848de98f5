"""Near-duplicate detection: MinHash signatures and LSH, to link syndicated copies to one story.

A story is the set of articles that are copies of one text: the same wire story republished by
several outlets under their own headlines, boilerplate and small edits. Each article gets a
MinHash signature (datasketch) over word 4-gram shingles of its cleaned text; LSH splits the
signature into ``bands`` of ``rows`` values so that articles whose estimated Jaccard similarity
is above ``threshold`` very probably share a band. Candidates are then verified on the full
signature; an article joins the story of its most similar candidate at or above the threshold,
otherwise it starts a new story.

The store persists signatures and band hashes (tables ``minhashes`` and ``lsh_bands``), so
linking works across runs; :class:`StoryLinker` does the same in memory (evaluation, tests).
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 4
THRESHOLD = 0.5
SEED = 1
SCHEME = "affine32"  # datasketch 2 hashing scheme; part of the stored parameters

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Params:
    num_perm: int = NUM_PERM
    shingle_words: int = SHINGLE_WORDS
    threshold: float = THRESHOLD
    features: str = "shingles"  # "shingles": word k-grams (copies); "names": name set (same-event coverage)

    @property
    def bands_rows(self) -> tuple[int, int]:
        return _optimal_bands_rows(self.threshold, self.num_perm)

    def key(self) -> str:
        b, r = self.bands_rows
        if self.features == "names":
            return f"minhash/v1 {SCHEME} perm={self.num_perm} names t={self.threshold} seed={SEED} b={b} r={r}"
        return f"minhash/v1 {SCHEME} perm={self.num_perm} k={self.shingle_words} seed={SEED} b={b} r={r}"


@functools.cache
def _optimal_bands_rows(threshold: float, num_perm: int) -> tuple[int, int]:
    # datasketch computes this by numerical integration (~0.2 s): once per parameter set. Its
    # public interface: the bands and rows an LSH index of these parameters picks.
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


DEFAULT = Params()
COVERAGE = Params(threshold=0.15, features="names")
"""Same-event coverage clusters: different reports that name the same people, places and figures
(threshold chosen on ECB+ topics 1-22, see benchmarks/eval_stories.py)."""
COVERAGE_DAYS = 3
"""Coverage candidates must be published within this many days of each other (when both dated)."""


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Word k-gram shingles of the lowercased text (one shingle for texts shorter than k)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b|\b\d{2,}\b")


def names(text: str) -> set[bytes]:
    """Capitalised words and numbers, lowercased, stop words removed: what a report is about
    (people, places, organisations, figures), whatever its wording."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w.encode("utf-8") for w in {m.lower() for m in _NAME.findall(text)} if w not in STOP_WORDS}


def signature(text: str, params: Params = DEFAULT) -> np.ndarray:
    """The MinHash signature (uint64 array of ``num_perm`` values) of a text."""
    from datasketch import MinHash

    m = MinHash(num_perm=params.num_perm, seed=SEED, scheme=SCHEME)
    sh = names(text) if params.features == "names" else shingles(text, params.shingle_words)
    if sh:
        m.update_batch(list(sh))
    return m.hashvalues.astype(np.uint64)


def to_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if len(a) != len(b):
        raise ValueError("signatures of different lengths")
    return float(np.count_nonzero(a == b)) / len(a)


def band_hashes(sig: np.ndarray, params: Params = DEFAULT) -> list[tuple[int, int]]:
    """``(band, hash)`` pairs: a signed 64-bit hash of each band's rows (fits SQL BIGINT)."""
    b, r = params.bands_rows
    raw = np.asarray(sig, dtype="<u8")
    out = []
    for i in range(b):
        digest = hashlib.blake2b(raw[i * r : (i + 1) * r].tobytes(), digest_size=8).digest()
        out.append((i, struct.unpack("<q", digest)[0]))
    return out


def best_match(
    sig: np.ndarray, candidates: Iterable[tuple[str, np.ndarray]], threshold: float = THRESHOLD
) -> tuple[str, float] | None:
    """The most similar candidate ``(id, similarity)`` at or above ``threshold``, if any."""
    best: tuple[str, float] | None = None
    for cid, csig in candidates:
        s = similarity(sig, csig)
        if s >= threshold and (best is None or s > best[1] or (s == best[1] and cid < best[0])):
            best = (cid, s)
    return best


class StoryLinker:
    """In-memory story linking with datasketch's MinHashLSH (same rule as the store's)."""

    def __init__(self, params: Params = DEFAULT) -> None:
        from datasketch import MinHashLSH

        self.params = params
        self.lsh = MinHashLSH(threshold=params.threshold, num_perm=params.num_perm)
        self.sigs: dict[str, np.ndarray] = {}
        self.story: dict[str, str] = {}

    def add(self, doc_id: str, text: str) -> str:
        """Link one document; returns its story id (the id of the story's first document)."""
        from datasketch import MinHash

        sig = signature(text, self.params)
        m = MinHash(num_perm=self.params.num_perm, seed=SEED, hashvalues=sig, scheme=SCHEME)
        cands = [(c, self.sigs[c]) for c in self.lsh.query(m)]
        match = best_match(sig, cands, self.params.threshold)
        story = self.story[match[0]] if match else doc_id
        if doc_id not in self.sigs:
            self.lsh.insert(doc_id, m)
        self.sigs[doc_id] = sig
        self.story[doc_id] = story
        return story

    def clusters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for doc, story in self.story.items():
            out.setdefault(story, []).append(doc)
        return out


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering ``pred`` (item -> cluster) vs ``gold``."""
    items = [i for i in gold if i in pred]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for i in items:
        by_pred.setdefault(pred[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in items:
        pc, gc = by_pred[pred[i]], by_gold[gold[i]]
        inter = len(pc & gc)
        p += inter / len(pc)
        r += inter / len(gc)
    p, r = p / len(items), r / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
