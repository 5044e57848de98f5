"""Train the learned event-type model (``make train``): seeded, reproducible, CPU only.

    python scripts/train_events.py                 # train and write src/dateline/data/events/model.{npz,json}
    python scripts/train_events.py --check         # train and compare with the shipped model
    python scripts/train_events.py --out DIR       # write elsewhere (to compare settings)

Data (see docs/event-model.md, the model card):

* ``training/events/sentences.jsonl``: the project's own labelled corpus (written for dateline);
* the development half of the PLOVER gold records (``plover-gsr-cameo``, CC BY-SA 4.0; the
  records at even positions, as ``benchmarks.eval_events`` splits them), when the evaluation
  data is present (--data, $DATELINE_EVAL_DATA or ../shared/eval); never its test half, and
  never a research-only set (PLV, CASE 2021, the PETRARCH validation set, PolNeAR).

Every sentence goes through the real analysis with the rules alone; the model's examples are
the verbs of each sentence and the rules' candidates, labelled with the corpus' types (NONE for
decoys, for every verb of a no-event sentence, and for the verbs the rules do not propose in an
event sentence). Features are ``dateline.events.model.features``; the classifier is scikit-learn's
multinomial logistic regression (lbfgs, deterministic), exported as numpy arrays.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

SEED = 14
CORPUS = ROOT / "training" / "events" / "sentences.jsonl"
OUT = ROOT / "src" / "dateline" / "data" / "events"
GOLD_05_TO_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: settings chosen on the PLV development half (benchmarks.eval_events --only plv --plv-split dev)
C_TYPE = 0.2
C_MODE = 0.05
THRESHOLDS = {"veto": 0.9, "veto_everyday": 0.9, "retype": 1.01, "keep": 0.05, "add": 0.5, "add_beside": 1.01}


def corpus_examples(corpus: Path = CORPUS) -> list[dict]:
    """Sentences with labelled character spans: [{text, labels: [(start, end, TYPE, mode)], none_sentence}]."""
    out = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        labels = []
        if r["trigger"]:
            labels.append((r["trigger"]["start"], r["trigger"]["end"], r["type"], r["mode"]))
        for a in r["also"]:
            labels.append((a["trigger"]["start"], a["trigger"]["end"], a["type"], a["mode"]))
        out.append(
            {
                "id": r["id"],
                "text": r["text"],
                "labels": labels,
                "none_sentence": r["type"] == "NONE",
                "others_none": True,
                "published": "2020-06-15",
            }
        )
    return out


def plover_dev_examples(data: str | None) -> list[dict]:
    """The PLOVER gold records' development half, labelled at the words of its (EVT: ...) markup."""
    import re

    from benchmarks._data import plover_training_half

    out = []
    for r, text, markup in plover_training_half(data):
        gold = GOLD_05_TO_2021.get(r["event"], r["event"])
        spans = []
        for m in re.finditer(r"\(EVT: ([^)]*)\)", markup):
            words = m.group(1).split()
            if not words:
                continue
            at = text.find(" ".join(words))
            if at < 0:
                at = text.find(words[0])
            if at >= 0:
                spans.append((at, at + len(" ".join(words))))
        if not spans:
            continue
        out.append(
            {
                "id": r["id"],
                "text": text,
                "labels": [(s, e, gold, None) for s, e in spans[:1]],
                "none_sentence": False,
                "others_none": False,
                "plover_gold": True,
                "published": r.get("date"),
            }
        )
    return out


def build_examples(items: list[dict]):
    """(X, y_type, y_mode, sources, triggers) from the analysed sentences; the rules alone propose
    the candidates the model learns from (the shipped model is switched off meanwhile).
    ``triggers``: the sorted (trigger key, type) pairs the examples label as events ("lemma|TYPE",
    "lemma particle|TYPE"), also with the verb's frame ("seek:obj|REQUEST"): the model adds a
    person's act only where they hold one (``dateline.events.model.EventModel.knows``)."""
    before = os.environ.get("DATELINE_EVENT_MODEL")
    os.environ["DATELINE_EVENT_MODEL"] = "0"
    try:
        return _examples(items)
    finally:
        if before is None:
            os.environ.pop("DATELINE_EVENT_MODEL", None)
        else:
            os.environ["DATELINE_EVENT_MODEL"] = before


def _examples(items: list[dict]):
    import numpy as np

    from dateline.analyse import analyse_docs
    from dateline.article import Article, Published
    from dateline.events import model as M
    from dateline.events.candidates import find_candidates
    from dateline.events.parse import Context, depth_cache, depth_of
    from dateline.nlp import load_model

    nlp = load_model()
    emb = M.Embedder.shared()
    X, yt, ym, src = [], [], [], []
    seen: set[str] = set()
    for item, doc in zip(items, nlp.pipe([i["text"] for i in items], batch_size=64)):
        art = Article(
            id=Article.make_id(item["text"]),
            text=item["text"],
            language="en",
            published=Published(date=item["published"], source="metadata"),
        )
        analyse_docs(art, doc)
        ctx = Context(art, doc)
        with depth_cache(doc):
            for sent in doc.sents:
                cands = find_candidates(sent, ctx)
                by_i = {c.trigger.i: c for c in cands}
                labelled: dict[int, tuple[str, str | None]] = {}
                for start, end, etype, mode in item["labels"]:
                    span = doc.char_span(start, end, alignment_mode="expand")
                    if span is None or not (sent.start <= span.root.i < sent.end):
                        continue
                    head = span.root
                    if etype != "NONE" and item.get("plover_gold") and head.i not in by_i:
                        # PLOVER gold marks phrases ("offered to hand over"): the rules' trigger inside it
                        inside = [c for c in cands if span.start <= c.trigger.i < span.end]
                        if inside:
                            head = min(inside, key=lambda c: depth_of(c.trigger)).trigger
                    if item.get("plover_gold") and etype in ("AGREE", "THREATEN") and head.i in by_i:
                        rule = by_i[head.i].entry.type
                        if rule not in ("AGREE", "THREATEN") and _future(head):
                            etype = rule  # PLOVER 0.5 codes an intent as AGREE/THREATEN; dateline the act + future
                    if item.get("plover_gold") and etype == "SANCTION" and head.i in by_i:
                        if by_i[head.i].entry.cameo == "163":
                            etype = "COERCE"  # sanctions imposed: SANCTION in PLOVER 0.5, COERCE in 2021
                    labelled[head.i] = (etype, mode)
                toks, rule_types, noun_rules = M.scored_tokens(sent, cands)
                extra = [doc[i] for i in labelled if doc[i] not in toks]
                for t in extra:
                    toks.append(t)
                    rule_types.append(by_i[t.i].entry.type if t.i in by_i else None)
                    noun_rules.append(by_i[t.i].noun if t.i in by_i else False)
                keep = []
                for k, t in enumerate(toks):
                    if t.i in labelled:
                        keep.append((k, labelled[t.i]))
                    elif (
                        item["none_sentence"]
                        or item["others_none"]
                        and t.i not in by_i
                        and not _governed_by(t, labelled)
                    ):
                        keep.append((k, ("NONE", None)))
                if not keep:
                    continue
                sel = [toks[k] for k, _ in keep]
                feats = M.features(sel, [rule_types[k] for k, _ in keep], [noun_rules[k] for k, _ in keep], sent, emb)
                for k, _ in keep:
                    if labelled.get(toks[k].i, ("NONE",))[0] != "NONE":
                        key, etype = M.trigger_key(toks[k]), labelled[toks[k].i][0]
                        seen.add(f"{key}|{etype}")
                        seen.add(f"{key}:{M.trigger_frame(toks[k])}|{etype}")
                for row, (_, (etype, mode)) in zip(feats, keep):
                    X.append(row)
                    yt.append(etype)
                    ym.append(f"{etype}.{mode or '-'}")
                    src.append("plover" if item.get("plover_gold") else "corpus")
    return np.asarray(X, dtype=np.float32), yt, ym, src, sorted(seen)


def _future(tok) -> bool:
    return any(c.lower_ in ("will", "would", "'ll", "shall") for c in tok.children if c.dep_ == "aux") or (
        tok.dep_ == "xcomp"
    )


def _governed_by(tok, labelled: dict) -> bool:
    """A complement or conjunct of a labelled trigger: neither its event nor surely none."""
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp") and t.head.i in labelled:
            return True
        t = t.head
    return False


def train(X, yt, ym, c_type: float = C_TYPE, hidden: int = 0):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from dateline.events import model as M

    # every event the rules proposed is learnt a second time without the rules' type, so that the
    # model knows events the rules are silent on (its additions are exactly those)
    start = M.DIM * len(M.SLOTS)
    ruled = np.array([X[k, start + M.TYPES.index("NONE")] == 0 and t != "NONE" for k, t in enumerate(yt)])
    if ruled.any():
        Xa = X[ruled].copy()
        Xa[:, start : start + len(M.TYPES)] = 0
        Xa[:, start + M.TYPES.index("NONE")] = 1
        X = np.concatenate([X, Xa])
        yt = list(yt) + [t for t, r in zip(yt, ruled) if r]
        ym = list(ym) + [t for t, r in zip(ym, ruled) if r]
    mean = X.mean(axis=0)
    scale = X.std(axis=0) + 1e-3
    Z = (X - mean) / scale
    types = M.TYPES
    y = np.array([types.index(t) for t in yt])
    extra = {}
    if hidden:
        from sklearn.neural_network import MLPClassifier

        clf = MLPClassifier(
            hidden_layer_sizes=(hidden,), alpha=1.0 / c_type, max_iter=400, random_state=SEED, early_stopping=False
        )
        clf.fit(Z, y)
        extra = {"W1": clf.coefs_[0].astype(np.float32), "b1": clf.intercepts_[0].astype(np.float32)}
        coef, intercept = clf.coefs_[1].T, clf.intercepts_[1]
        width = hidden
    else:
        clf = LogisticRegression(C=c_type, max_iter=3000, random_state=SEED, class_weight="balanced")
        clf.fit(Z, y)
        coef, intercept = clf.coef_, clf.intercept_
        width = X.shape[1]
    W = np.zeros((width, len(types)), dtype=np.float32)
    b = np.full(len(types), -30.0, dtype=np.float32)  # a type with no example is never chosen
    for j, cls in enumerate(clf.classes_):
        W[:, cls] = coef[j]
        b[cls] = intercept[j]
    ev = [k for k, t in enumerate(yt) if t != "NONE"]
    modes = sorted(set(ym[k] for k in ev))
    ymi = np.array([modes.index(ym[k]) for k in ev])
    clf_m = LogisticRegression(C=C_MODE, max_iter=3000, random_state=SEED)
    clf_m.fit(Z[ev], ymi)
    Wm = np.zeros((X.shape[1], len(modes)), dtype=np.float32)
    bm = np.full(len(modes), -30.0, dtype=np.float32)
    for j, cls in enumerate(clf_m.classes_):
        Wm[:, cls] = clf_m.coef_[j]
        bm[cls] = clf_m.intercept_[j]
    weights = {
        **extra,
        "mean": mean.astype(np.float32),
        "scale": scale.astype(np.float32),
        "W": W,
        "b": b,
        "Wm": Wm,
        "bm": bm,
    }
    train_acc = float((clf.predict(Z) == y).mean())
    return weights, modes, train_acc


def _library_versions() -> dict[str, str]:
    """The numerical libraries whose versions decide the trained floats (recorded in model.json)."""
    from importlib.metadata import version

    return {name: version(name) for name in ("numpy", "scikit-learn", "scipy", "spacy", "wordllama")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python scripts/train_events.py",
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python scripts/train_events.py --check",
    )
    ap.add_argument(
        "--data", help="the eval folder holding plover-gsr-cameo (default $DATELINE_EVAL_DATA or ../shared/eval)"
    )
    ap.add_argument("--out", help="write the model here instead of the package")
    ap.add_argument(
        "--check", action="store_true", help="train, then compare with the shipped model (exit 1 if it differs)"
    )
    ap.add_argument("--no-plover", action="store_true", help="train on the project's corpus alone")
    ap.add_argument("--corpus", help=f"the labelled corpus (JSONL; default {CORPUS.relative_to(ROOT)})")
    ap.add_argument(
        "--features",
        help="read the examples' features from this .npz if it exists, else write them there (experiments)",
    )
    ap.add_argument("--hidden", type=int, default=0, help="units of a hidden layer (0: a linear model)")
    ap.add_argument(
        "--C", type=float, default=C_TYPE, help=f"inverse regularisation of the type layer (default {C_TYPE})"
    )
    args = ap.parse_args(argv)

    import numpy as np

    from dateline.events import model as M

    corpus = Path(args.corpus) if args.corpus else CORPUS
    items = corpus_examples(corpus)
    if not args.no_plover:
        items += plover_dev_examples(args.data)
    cached = np.load(args.features, allow_pickle=False) if args.features and Path(args.features).is_file() else None
    if cached is not None and "triggers" in cached.files:
        X, yt, ym, src = cached["X"], list(cached["yt"]), list(cached["ym"]), list(cached["src"])
        triggers = [str(k) for k in cached["triggers"]]
    else:  # no cache, or one written before the triggers were recorded: rebuild it
        X, yt, ym, src, triggers = build_examples(items)
        if args.features:
            np.savez(
                args.features,
                X=X,
                yt=np.array(yt),
                ym=np.array(ym),
                src=np.array(src),
                triggers=np.array(triggers),
            )
    weights, modes, train_acc = train(X, yt, ym, args.C, args.hidden)
    corpus_hash = hashlib.sha256(corpus.read_bytes()).hexdigest()[:16]
    meta = {
        "version": 1,
        "types": M.TYPES,
        "modes": modes,
        "features": {"slots": list(M.SLOTS), "dim": M.DIM, "n": int(X.shape[1])},
        "thresholds": THRESHOLDS,
        "protected_rules": [],
        # the verbs (with their particle) and types the examples label as events: the model adds
        # an event only of a type its examples hold for that verb (docs/event-model.md)
        "added_triggers": triggers,
        "training": {
            "seed": SEED,
            "C_type": args.C,
            "C_mode": C_MODE,
            "examples": len(yt),
            "by_source": dict(Counter(src)),
            "by_type": dict(sorted(Counter(yt).items())),
            "sentences": len(items),
            "corpus_sha256_16": corpus_hash,
            "train_accuracy": round(train_acc, 4),
            "embeddings": "wordllama 0.4.0.post1 l2_supercat_256",
            "libraries": _library_versions(),
        },
    }
    out = Path(args.out) if args.out else OUT
    if args.check:
        shipped = M.load(OUT)
        if shipped is None:
            print("no shipped model to compare with", file=sys.stderr)
            return 1
        same = all(
            np.allclose(
                weights[k],
                getattr(shipped, {"W": "W", "b": "b", "Wm": "Wm", "bm": "bm", "mean": "mean", "scale": "scale"}[k]),
                atol=1e-4,
            )
            for k in weights
        )
        same_triggers = sorted(shipped.added_triggers or ()) == triggers
        if not same_triggers:
            print(f"  the examples' triggers differ: {len(shipped.added_triggers or ())} -> {len(triggers)}")
        same = same and same_triggers
        print(f"retrained model {'matches' if same else 'DIFFERS FROM'} the shipped one ({len(yt)} examples)")
        if not same:
            trained_with = shipped.meta.get("training", {}).get("libraries", {})
            drift = {k: (trained_with.get(k), v) for k, v in _library_versions().items() if trained_with.get(k) != v}
            if drift:
                # the same corpus gives slightly different floats under other numerical libraries
                print("  trained with other libraries: " + ", ".join(f"{k} {a} -> {b}" for k, (a, b) in drift.items()))
        return 0 if same else 1
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "model.npz", **weights)
    (out / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {out / 'model.npz'} ({(out / 'model.npz').stat().st_size // 1024} KiB): {len(yt)} examples "
        f"from {len(items)} sentences, train accuracy {train_acc:.3f}"
    )
    print("  by type: " + ", ".join(f"{k} {v}" for k, v in meta["training"]["by_type"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
