"""Near-duplicate detection and story linking (MinHash/LSH), and the B-cubed metric."""

from __future__ import annotations

import random

import pytest

from dateline import dedupe

WORDS = (
    "minister army border talks summit port rail sanctions election court protest strike union "
    "harvest flood bridge factory bank market oil gas pipeline treaty envoy village river coast "
    "budget school hospital airport"
).split()


def _text(seed: int, n: int = 220) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def test_shingles_are_word_4grams_and_short_texts_have_one():
    assert dedupe.shingles("A b c d e") == {b"a b c d", b"b c d e"}
    assert dedupe.shingles("Two words") == {b"two words"}
    assert dedupe.shingles("  ") == set()


def test_signature_similarity_tracks_jaccard():
    a = _text(1)
    words = a.split()
    # Change the last quarter of the words: true Jaccard of 4-gram shingles drops well below 1.
    b = " ".join(words[: 3 * len(words) // 4] + _text(2, len(words) // 4).split())
    sa_, sb = dedupe.shingles(a), dedupe.shingles(b)
    true = len(sa_ & sb) / len(sa_ | sb)
    est = dedupe.similarity(dedupe.signature(a), dedupe.signature(b))
    assert 0.4 < true < 0.9
    assert abs(est - true) < 0.15
    assert dedupe.similarity(dedupe.signature(a), dedupe.signature(a)) == 1.0
    assert dedupe.similarity(dedupe.signature(a), dedupe.signature(_text(3))) < 0.2


def test_signature_round_trips_through_bytes():
    sig = dedupe.signature(_text(4))
    assert (dedupe.from_bytes(dedupe.to_bytes(sig)) == sig).all()
    assert len(dedupe.to_bytes(sig)) == 8 * dedupe.NUM_PERM


def test_band_hashes_agree_for_identical_and_share_bands_for_near_copies():
    a = _text(5)
    copy = "Published by The Daily Example. " + a + " All rights reserved."
    ha, hc, hx = (set(dedupe.band_hashes(dedupe.signature(t))) for t in (a, copy, _text(6)))
    b, _ = dedupe.DEFAULT.bands_rows
    assert len(ha) == b
    assert ha & hc  # the copy is an LSH candidate of the original
    assert not ha & hx


def test_story_linker_links_copies_and_separates_other_texts():
    linker = dedupe.StoryLinker()
    a, b = _text(7), _text(8)
    assert linker.add("a", a) == "a"
    assert linker.add("b", b) == "b"
    assert linker.add("a-copy", "SUBSCRIBE NOW\n" + a + "\nCopyright 2019 Other Outlet") == "a"
    assert linker.add("b-copy", b[: int(len(b) * 0.9)]) == "b"
    assert linker.clusters() == {"a": ["a", "a-copy"], "b": ["b", "b-copy"]}


def test_best_match_prefers_the_most_similar_candidate_above_threshold():
    s = dedupe.signature(_text(9))
    near = s.copy()
    near[:20] = 0
    far = s.copy()
    far[:100] = 0
    assert dedupe.best_match(s, [("far", far), ("near", near)]) == ("near", pytest.approx(108 / 128))
    assert dedupe.best_match(s, [("far", far)]) is None


def test_bcubed_on_hand_computed_clusterings():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert dedupe.bcubed(gold, gold) == (1.0, 1.0, 1.0)
    # Everything in one cluster: precision 0.5 for each item, recall 1.
    p, r, f = dedupe.bcubed(dict.fromkeys(gold, "x"), gold)
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    # Singletons: precision 1, recall 0.5.
    p, r, f = dedupe.bcubed({k: k for k in gold}, gold)
    assert (p, r) == (1.0, 0.5)
