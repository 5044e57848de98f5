"""Train the recipient chooser (dateline.events.chooser) on the project's sentences and PLOVER's dev half.

    python scripts/train_recipients.py [--data DIR] [--out src/dateline/data/events]
    python scripts/train_recipients.py --check     # retrain and compare with the shipped chooser

``make train`` runs it after the event-type model and the sense gate. Training data:

* ``training/events/sentences.jsonl``: the project's own sentences, each with its event's trigger and
  the character spans of its actors and recipients (an empty recipient list is a labelled "no one");
* the development half of the PLOVER gold records (``plover-gsr-cameo``, CC BY-SA 4.0; the even
  records, as ``train_events.py`` reads them; the odd, test half never), labelled at the words of
  their (EVT: ...) markup, with their (TAR: ...) and (SRC/TAR: ...) words as recipients; read from
  ``--data``, ``$DATELINE_EVAL_DATA`` or ``../shared/eval`` when present.

Never PLV, CASE, PETRARCH or any held-out part. Each sentence goes through the real analysis with
the chooser recording instead of deciding (``chooser.set_recorder``): for each event whose trigger
overlaps the labelled trigger, every candidate the chooser would weigh (the sentence's actors that
are not the event's own) is an example, positive when one of its words overlaps a labelled
recipient. The model is a logistic regression with an L2 penalty (scikit-learn, L-BFGS) over the
binary features of ``chooser.features`` seen at least ``MIN_COUNT`` times. The penalty and the
decision threshold are chosen by a 5-fold cross-validation by sentence, scored on the events the
rules leave without a recipient (where the chooser is used): the share of those events whose
outcome is right (the labelled recipient chosen, or no one where none of the candidates is
labelled); the higher threshold on a tie. Deterministic: the same data gives the same weights.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "training" / "events" / "sentences.jsonl"
OUT = ROOT / "src" / "dateline" / "data" / "events"
SEED = 15
MIN_COUNT = 2
FOLDS = 5
CS = (0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.1 + 0.05 * k, 2) for k in range(16))  # 0.10 .. 0.85
MAX_ITER = 5000


def corpus_items(corpus: Path = CORPUS) -> list[dict]:
    out = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if not r["trigger"] or r["type"] == "NONE":
            continue
        out.append(
            {
                "id": r["id"],
                "text": r["text"],
                "trigger": (r["trigger"]["start"], r["trigger"]["end"]),
                "recipients": [(x["start"], x["end"]) for x in r["recipients"]],
            }
        )
    return out


def plover_items(data: str | None) -> list[dict]:
    from benchmarks._data import plover_training_half

    out = []
    for r, text, markup in plover_training_half(data):

        def spans(pattern: str, markup: str = markup, text: str = text) -> list[tuple[int, int]]:
            found = []
            for m in re.finditer(pattern, markup):
                words = m.group(1).strip()
                at = text.find(words) if words else -1
                if at >= 0:
                    found.append((at, at + len(words)))
            return found

        trig = spans(r"\(EVT: ([^)]*)\)")
        if not trig:
            continue
        out.append(
            {
                "id": r["id"],
                "text": text,
                "trigger": trig[0],
                "recipients": spans(r"\((?:TAR|SRC/TAR|TAR/LOC): ([^)]*)\)"),
            }
        )
    return out


def extract(items: list[dict]) -> list[dict]:
    """Per labelled event the rules code at its trigger: its candidates (features, label), whether
    the rules named a recipient, and the sentence's id (for the folds)."""
    from dateline.analyse import analyse_docs
    from dateline.article import Article, Published
    from dateline.events import chooser
    from dateline.nlp import load_model

    nlp = load_model()
    out: list[dict] = []
    seen: list[tuple] = []

    def record(c, recipients, scored) -> None:
        doc = c.trigger.doc
        spans = [[(doc[i].idx, doc[i].idx + len(doc[i])) for i in idx] for _, idx, _ in scored]
        seen.append((c.trigger.idx, c.trigger.idx + len(c.trigger), bool(recipients), scored, spans))

    before = os.environ.get("DATELINE_RECIPIENT_MODEL")
    os.environ["DATELINE_RECIPIENT_MODEL"] = "off"
    chooser.set_recorder(record)
    try:
        texts = [it["text"] for it in items]
        for it, doc in zip(items, nlp.pipe(texts, batch_size=64)):
            seen.clear()
            a = Article(id=Article.make_id(it["text"]), text=it["text"], language="en")
            a.published = Published(date="2020-06-15", source="metadata")
            analyse_docs(a, doc)
            ts, te = it["trigger"]
            for s, e, ruled, scored, spans in seen:
                if not (s < te and ts < e):
                    continue
                cands = []
                for (_, _, feats), cspans in zip(scored, spans):
                    pos = any(a0 < b1 and b0 < a1 for a0, a1 in cspans for b0, b1 in it["recipients"])
                    cands.append((feats, pos))
                out.append({"id": it["id"], "ruled": ruled, "cands": cands, "labelled": bool(it["recipients"])})
                break
    finally:
        chooser.set_recorder(None)
        if before is None:
            os.environ.pop("DATELINE_RECIPIENT_MODEL", None)
        else:
            os.environ["DATELINE_RECIPIENT_MODEL"] = before
    return out


def vocabulary(events: list[dict]) -> list[str]:
    from collections import Counter

    counts: Counter = Counter(f for ev in events for feats, _ in ev["cands"] for f in feats)
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def matrix(events: list[dict], index: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols, y = [], [], []
    r = 0
    for ev in events:
        for feats, pos in ev["cands"]:
            for f in feats:
                k = index.get(f)
                if k is not None:
                    rows.append(r)
                    cols.append(k)
            y.append(int(pos))
            r += 1
    X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, len(index)))
    return X, np.array(y)


def fit(events: list[dict], index: dict[str, int], c: float):
    from sklearn.linear_model import LogisticRegression

    X, y = matrix(events, index)
    m = LogisticRegression(C=c, max_iter=MAX_ITER, tol=1e-6, solver="lbfgs")
    m.fit(X, y)
    if m.n_iter_[0] >= MAX_ITER:
        raise SystemExit("train_recipients: the fit did not converge")
    return m.coef_[0], float(m.intercept_[0])


def outcome(ev: dict, w: np.ndarray, b: float, index: dict[str, int], threshold: float) -> bool:
    """Whether the chooser's decision for an event is right (the labelled candidate, or no one)."""
    best, pick = -1.0, None
    for k, (feats, _) in enumerate(ev["cands"]):
        z = b + sum(w[index[f]] for f in feats if f in index)
        p = 1.0 / (1.0 + np.exp(-z))
        if p > best:
            best, pick = p, k
    if pick is None or best < threshold:
        return not any(pos for _, pos in ev["cands"])
    return bool(ev["cands"][pick][1])


def cross_validate(events: list[dict]) -> tuple[float, float, dict]:
    import random

    ids = sorted({ev["id"] for ev in events})
    random.Random(SEED).shuffle(ids)
    fold_of = {i: k % FOLDS for k, i in enumerate(ids)}
    scores: dict[tuple[float, float], int] = {}
    n_silent = 0
    for k in range(FOLDS):
        train = [ev for ev in events if fold_of[ev["id"]] != k]
        test = [ev for ev in events if fold_of[ev["id"]] == k and not ev["ruled"] and ev["cands"]]
        n_silent += len(test)
        index = {f: j for j, f in enumerate(vocabulary(train))}
        for c in CS:
            w, b = fit(train, index, c)
            for t in THRESHOLDS:
                scores[(c, t)] = scores.get((c, t), 0) + sum(outcome(ev, w, b, index, t) for ev in test)
    (c, t), best = max(scores.items(), key=lambda kv: (kv[1], kv[0][1], -kv[0][0]))
    never = sum(1 for ev in events if not ev["ruled"] and ev["cands"] and not any(p for _, p in ev["cands"]))
    return c, t, {"cv_right": best, "cv_events": n_silent, "cv_right_if_never": never}


def train(events: list[dict]) -> tuple[np.ndarray, dict]:
    c, t, cv = cross_validate(events)
    feats = vocabulary(events)
    index = {f: j for j, f in enumerate(feats)}
    w, b = fit(events, index, c)
    meta = {
        "features": feats,
        "bias": round(b, 8),
        "threshold": t,
        "C": c,
        "min_count": MIN_COUNT,
        "training": {
            "events": len(events),
            "candidates": sum(len(ev["cands"]) for ev in events),
            "positives": sum(p for ev in events for _, p in ev["cands"]),
            "silent_events": sum(1 for ev in events if not ev["ruled"] and ev["cands"]),
            **cv,
        },
    }
    return np.round(w, 8), meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--data", help="the eval folder holding plover-gsr-cameo (default $DATELINE_EVAL_DATA or ../shared/eval)"
    )
    ap.add_argument("--out", default=str(OUT), help="where recipient.npz and recipient.json are written")
    ap.add_argument("--check", action="store_true", help="retrain and compare with the shipped files; write nothing")
    ap.add_argument("--no-plover", action="store_true", help="train on the project's corpus alone")
    args = ap.parse_args(argv)
    items = corpus_items()
    if not args.no_plover:
        items += plover_items(args.data)
    events = extract(items)
    w, meta = train(events)
    out = Path(args.out)
    if args.check:
        old = json.loads((out / "recipient.json").read_text(encoding="utf-8"))
        old_w = np.load(out / "recipient.npz")["w"]
        same = (
            old["features"] == meta["features"]
            and old["threshold"] == meta["threshold"]
            and abs(old["bias"] - meta["bias"]) < 1e-6
            and old_w.shape == w.shape
            and np.allclose(old_w, w, atol=1e-6)
        )
        print(f"train_recipients --check: {'match' if same else 'DIFFERS'} ({len(meta['features'])} features)")
        return 0 if same else 1
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "recipient.npz", w=w)
    (out / "recipient.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(
        json.dumps(
            meta["training"] | {"C": meta["C"], "threshold": meta["threshold"], "features": len(meta["features"])}
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
