"""Train the event-place linker (dateline.events.place) on Halterman's event-location sentences.

    python scripts/train_event_place.py [--data DIR] [--out src/dateline/data/models/event_place.json]
    python scripts/train_event_place.py --check     # retrain and compare with the shipped linker

``make train`` runs it after the event-type model. The data is not in the repository: it is read
from ``--data``, else ``$DATELINE_EVAL_DATA``, else ``../shared/eval`` (the folder holding
``event-location-halterman/``); without it the script says so and exits 1.

Training data: the RA-annotated records of ``event-location-halterman`` (MIT licence), without
the adjudicated RELABEL test records, without every sentence a RELABEL record shares (487 of
them reappear among the RA records) and without the development sample that
``benchmarks/eval_event_places.py`` reads errors on. Each record is one sentence, one event verb
and the place mentions where that event happened (none when the sentence does not say).

Only the records an annotator judged (Prodigy's ``answer: "accept"``) lend their "none": the RA
batches carry no answer, and many of their unmarked sentences do name the event's place ("were
captured in Vienna", "killed ... in Aleppo"): they lend only their marked places (see
``trusted_none_sources``), except the 549 of them we judged by hand
(``training/event_places/halterman_ra_judged.tsv``: their places, or a judged "none"; those
judged unclear are left out): sentences that name places that are not the event's, the "no
place" decision's hard cases.

Each sentence goes through the real analysis up to places (actors, places); every place mention
of the verb's sentence is a candidate, labelled by whether it overlaps a gold location; the
features are ``dateline.events.place.place_features``. The model is a logistic regression with
an L2 penalty fitted by full-batch gradient descent (numpy only); the decision threshold is the
one that makes the most right decisions (the right place, or no place where the gold has none)
of the linker given the verb on eval_event_places' development sample, whose RA "no place"
records that name a place were judged (``THRESHOLD_ON = "dev"``; the higher one on a tie). A
tenth of the training records held out by a fixed seed is still reported (and with
``THRESHOLD_ON = "tune"`` chooses: the most stated places among thresholds that invent no place
in at least 92% of its sentences that give none). The RELABEL test never chooses. Extracted
candidates are cached under /tmp per sentence and verb, keyed on the code that finds the place
mentions and their features (the actors, places and event-place modules), so a change of
hyperparameters or labels refits in seconds. Deterministic: the same data gives the same weights.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 15
MIN_COUNT = 3
L2 = 1.0
EPOCHS = 400
LR = 0.5
NONE_FLOOR = 0.92
#: features left out of the fit: the verb's lemma and the place's order follow how each annotator
#: batch was drawn (one batch "kill" sentences, another "shell"), not where events happen
LEFT_OUT = ("lemma=", "lemma+rel=", "first=")
#: learn from the mentions the linker weighs at run time (its filters applied) rather than from
#: every place mention of the sentence
RUN_TIME = False
#: where the decision threshold is chosen: "dev" (the development sample of eval_event_places, its
#: RA "no place" records judged) or "tune" (a tenth of the training pool, NONE_FLOOR)
THRESHOLD_ON = "dev"


#: one candidate place mention: (features, features as the linker sees it at run time or None where
#: the linker's filters leave the mention out, the mention's character offsets)
Candidate = tuple[list[str], list[str] | None, tuple[int, int]]


def candidates(records: list[dict]) -> list[list[Candidate]]:
    """Per record: every place mention of the verb's sentence with its features (see ``Candidate``)."""
    from dateline.analyse.actors import find_actors
    from dateline.analyse.places import find_places
    from dateline.article import Article
    from dateline.events.parse import Context, sent_bounds
    from dateline.events.place import linker_candidates, place_features
    from dateline.nlp import load_model

    nlp = load_model()
    out = []
    t0 = time.time()
    for n, (r, doc) in enumerate(zip(records, nlp.pipe([r["text"] for r in records], batch_size=64))):
        art = Article(id=str(n), text=r["text"], language="en")
        find_actors(art, doc)
        find_places(art, doc)
        ctx = Context(art, doc)
        trig = next((t for t in doc if t.idx < r["verb"][1] and r["verb"][0] < t.idx + len(t)), None)
        rows: list[Candidate] = []
        if trig is not None:
            s0, s1 = sent_bounds(trig)
            ks = [k for k, root in enumerate(ctx.place_roots) if s0 <= root.i < s1]
            seen = linker_candidates(trig, ctx)
            for j, k in enumerate(ks):
                toks, place = ctx.places[k]
                if trig.i in toks:
                    continue
                a, b = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]])
                root = ctx.place_roots[k]
                feats = place_features(trig, root, toks, place, len(ks), j == 0)
                run = place_features(trig, root, toks, place, len(seen), seen[:1] == [k]) if k in seen else None
                rows.append((feats, run, (a, b)))
        out.append(rows)
        if n % 1000 == 999:
            print(f"  {n + 1}/{len(records)} sentences, {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    return out


def cached_candidates(records: list[dict]) -> list[list[Candidate]]:
    """``candidates``, cached under /tmp per sentence and verb, keyed on the code that makes the
    mentions (actors, places) and their features (the event-place module): a new record costs its
    own analysis only, a change of that code all of them."""
    import hashlib
    import inspect
    import pickle
    import tempfile

    from dateline.analyse import actors, places
    from dateline.events import place

    code = "".join(inspect.getsource(m) for m in (actors, places, place))
    key = hashlib.sha256(code.encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"dateline-event-place-v2-{key}.pickle"
    cache: dict = pickle.loads(path.read_bytes()) if path.is_file() else {}
    missing = {(r["text"], r["verb"]): r for r in records if (r["text"], r["verb"]) not in cache}
    if missing:
        todo = list(missing.values())
        cache.update(zip(missing, candidates(todo)))
        path.write_bytes(pickle.dumps(cache))
    return [cache[(r["text"], r["verb"])] for r in records]


def cached_examples(records: list[dict], run_time: bool | None = None) -> list[list[tuple[list[str], bool]]]:
    """Per record: [(features, is gold)] for each candidate place mention of the verb's sentence
    (with ``run_time``, only the mentions the linker weighs at run time, with their features
    there); a mention is gold where it overlaps one of the record's locations."""
    run_time = RUN_TIME if run_time is None else run_time
    out = []
    for rows, r in zip(cached_candidates(records), records):
        ex = []
        for feats, run, (a, b) in rows:
            if run_time and run is None:
                continue
            ex.append((run if run_time else feats, any(a < e and s < b for s, e, _ in r["locations"])))
        out.append(ex)
    return out


def trusted_none_sources(records) -> set[str]:
    """Sources every record of which an annotator judged (``answer: "accept"``): their "no place"
    is a judgement, not a sentence skipped."""
    judged: Counter = Counter()
    n: Counter = Counter()
    for r in records:
        n[r["source"]] += 1
        judged[r["source"]] += r.get("answer") == "accept"
    return {s for s in n if judged[s] == n[s]}


def keep(data, records, trusted: set[str]):
    """The records whose labels to believe: those with a marked place, those of a batch an annotator
    judged throughout, and those we judged (``answer: "judged"``, training/event_places)."""
    pairs = [
        (d, r) for d, r in zip(data, records) if r["locations"] or r["source"] in trusted or r.get("answer") == "judged"
    ]
    return [d for d, _ in pairs], [r for _, r in pairs]


def fit(data: list[list[tuple[list[str], bool]]]) -> dict[str, float]:
    import numpy as np

    counts = Counter(f for rows in data for feats, _ in rows for f in feats if not f.startswith(LEFT_OUT))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    pairs = [(feats, gold) for rows in data for feats, gold in rows]
    X = np.zeros((len(pairs), len(vocab)), dtype=np.float32)
    y = np.zeros(len(pairs), dtype=np.float32)
    for i, (feats, gold) in enumerate(pairs):
        for f in feats:
            j = vocab.get(f)
            if j is not None:
                X[i, j] = 1.0
        y[i] = gold
    w = np.zeros(len(vocab), dtype=np.float64)
    reg = np.full(len(vocab), L2 / max(1, len(pairs)))
    if "bias" in vocab:
        reg[vocab["bias"]] = 0.0
    for _ in range(EPOCHS):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        grad = X.T @ (p - y) / len(pairs) + reg * w
        w -= LR * grad
    return {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 1e-4}


def decide(rows, weights: dict[str, float]) -> tuple[int | None, float]:
    import math

    best, best_p = None, 0.0
    for k, (feats, _) in enumerate(rows):
        z = sum(weights.get(f, 0.0) for f in feats)
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        if p > best_p:
            best, best_p = k, p
    return best, best_p


def right(data: list, records: list[dict], weights: dict[str, float], threshold: float) -> int:
    """Right decisions of the linker given the verb: the gold place, or none where the gold has none."""
    n = 0
    for rows, r in zip(data, records):
        k, p = decide(rows, weights)
        chosen = None if k is None or p < threshold else k
        n += bool(rows[chosen][1]) if r["locations"] and chosen is not None else (not r["locations"] and chosen is None)
    return n


def rates(data, records, weights, threshold: float) -> tuple[float, float]:
    """(stated place right, no place invented): the two figures of eval_event_places."""
    stated = stated_n = none = none_n = 0
    for rows, r in zip(data, records):
        k, p = decide(rows, weights)
        chosen = None if k is None or p < threshold else k
        if r["locations"]:
            stated_n += 1
            stated += chosen is not None and bool(rows[chosen][1])
        else:
            none_n += 1
            none += chosen is None
    return stated / max(1, stated_n), none / max(1, none_n)


SHIPPED = ROOT / "src" / "dateline" / "data" / "models" / "event_place.json"
MISSING = (
    "event-location-halterman not found: the event-place linker trains on Halterman's event-location "
    "records (github.com/ahalterman/event_location, MIT licence), which are not in the repository. "
    "Put the eval folder holding event-location-halterman/ at ../shared/eval, or point "
    "DATELINE_EVAL_DATA (or --data) at it."
)


def differences(model: dict, shipped: dict, atol: float = 2e-4) -> list[str]:
    """How a retrained linker differs from the shipped one (threshold, features, weights beyond
    ``atol``); empty when it reproduces it."""
    out = []
    if model.get("threshold") != shipped.get("threshold"):
        out.append(f"threshold {model.get('threshold')} != shipped {shipped.get('threshold')}")
    w, ws = model.get("weights") or {}, shipped.get("weights") or {}
    if set(w) != set(ws):
        out.append(f"features: {len(set(w) - set(ws))} new, {len(set(ws) - set(w))} gone")
    far = [f for f in set(w) & set(ws) if abs(w[f] - ws[f]) > atol]
    if far:
        out.append(f"{len(far)} weights differ (e.g. {sorted(far)[0]}: {w[sorted(far)[0]]} vs {ws[sorted(far)[0]]})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python scripts/train_event_place.py",
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  DATELINE_EVAL_DATA=../shared/eval python scripts/train_event_place.py --check",
    )
    ap.add_argument("--data", help="the eval folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--out", default=str(SHIPPED), help="where to write the linker (default: the package's)")
    ap.add_argument(
        "--check", action="store_true", help="train, then compare with the shipped linker (exit 1 if it differs)"
    )
    ap.add_argument("--limit", type=int, help="first N training records only (a quick try)")
    args = ap.parse_args(argv)
    from benchmarks._data import dataset
    from benchmarks.eval_event_places import load, split, usable

    root = dataset("event-location-halterman", args.data)
    if root is None:
        print(MISSING, file=sys.stderr)
        return 1
    test, dev, pool = split(load(root))
    pool = sorted(usable(pool), key=lambda r: (r["text"], r["verb"]))
    random.Random(SEED).shuffle(pool)
    if args.limit:
        pool = pool[: args.limit]
    cut = len(pool) // 10
    tune, train = pool[:cut], pool[cut:]
    print(
        f"training records {len(train)}, threshold records {len(tune)} (RELABEL {len(test)} and dev {len(dev)} left "
        f"out)"
    )
    data_train = cached_examples(train)
    data_tune = cached_examples(tune)
    # Whose "no place" labels to believe: the RA batches carry no annotator's answer, and many of
    # their sentences marked as naming no place do name one ("were captured in Vienna", "killed
    # ... in Aleppo"): their unmarked sentences were skipped, not judged. Those records keep their
    # marked places but their "none" is left out (training and threshold alike).
    trusted = trusted_none_sources(train + tune)
    data_train, train = keep(data_train, train, trusted)
    data_tune, tune = keep(data_tune, tune, trusted)
    weights = fit(data_train)
    # the threshold: the most stated places while inventing none in at least NONE_FLOOR of the
    # sentences that give no place (the 0.90, with a margin), on the threshold records
    grid = [i / 100 for i in range(10, 96)]
    scores = [(*rates(data_tune, tune, weights, t), t) for t in grid]
    ok = [x for x in scores if x[1] >= NONE_FLOOR]
    stated, none, threshold = max(ok, key=lambda x: (x[0], x[1])) if ok else max(scores, key=lambda x: (x[1], x[0]))
    dev = usable(dev)
    data_dev, dev = keep(cached_examples(dev), dev, trusted_none_sources(dev))
    dev_right = {t: right(data_dev, dev, weights, t) for t in grid}
    if THRESHOLD_ON == "dev":
        # the development sample, whose RA "no place" records that name a place were judged
        # (training/event_places): the most right decisions of the linker given the verb (the
        # right place, or none where the sentence says none), the higher threshold on a tie
        threshold = max(grid, key=lambda t: (dev_right[t], t))
        stated, none = rates(data_tune, tune, weights, threshold)
    train_rates = rates(data_train, train, weights, threshold)
    card = {
        "what": "event-place linker: which place mention of an event's sentence is where it happened",
        "model": "logistic regression over parse features (dateline.events.place.place_features), L2, numpy",
        "training data": "event-location-halterman (github.com/ahalterman/event_location, MIT licence): RA-annotated "
        "records, "
        "without the 496 RELABEL test records, the sentences they share, and the 500-record development sample "
        "(which chooses the threshold only)",
        "records": {"train": len(train), "threshold": len(tune)},
        "no-place labels trusted from": sorted(trusted) + ["RA records judged in training/event_places"],
        "judged RA records": sum(r.get("answer") == "judged" for r in train + tune),
        "candidates": sum(len(r) for r in data_train),
        "features": len(weights),
        "threshold": threshold,
        "stated place, no invented place": {
            "train": [round(x, 4) for x in train_rates],
            "threshold records": [round(stated, 4), round(none, 4)],
        },
        "threshold chosen on": THRESHOLD_ON,
        "development sample, right decisions given the verb": {
            "records": len(dev),
            "at the threshold": dev_right[threshold],
        },
        "command": "make train (python scripts/train_event_place.py; --check retrains and compares with this file)",
        "hyperparameters": {
            "min_count": MIN_COUNT,
            "l2": L2,
            "epochs": EPOCHS,
            "learning_rate": LR,
            "seed": SEED,
            "none_floor": NONE_FLOOR,
            "left_out": list(LEFT_OUT),
        },
    }
    out = {"card": card, "threshold": threshold, "weights": dict(sorted(weights.items()))}
    if args.check:
        diff = differences(out, json.loads(SHIPPED.read_text(encoding="utf-8")))
        print(f"retrained linker {'DIFFERS FROM' if diff else 'matches'} the shipped one ({len(weights)} features)")
        for line in diff:
            print(f"  {line}")
        return 1 if diff else 0
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
