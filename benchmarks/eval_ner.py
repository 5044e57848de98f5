"""Entity evaluation on CoNLL-2003 English (eng.testb): exact span + type micro F1.

    .venv/bin/python -m benchmarks.eval_ner                  # eng.testb (the test set)
    .venv/bin/python -m benchmarks.eval_ner --split testa    # the dev set
    .venv/bin/python -m benchmarks.eval_ner --limit 50       # the first 50 documents

Reads ``conll2003-en`` from --data DIR, $DATELINE_EVAL_DATA or ../shared/eval; exits 0 with a
"skipped" note when absent. Uses the copy with document boundaries
(``original_iob1_with_docstart``, IOB1 tags), so the model sees whole documents; tokens are
given to spaCy as they are (no re-tokenisation), so spans compare exactly.

The model's OntoNotes labels are mapped to CoNLL's four:

    PERSON -> PER        ORG -> ORG        GPE, LOC, FAC -> LOC
    NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE -> MISC
    DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL -> (not an entity)

Two rows: the model alone, and the model with dateline's rule-based corrections
(``dateline.analyse.actors.corrected_entities``: PERSON->GPE for cities, surname re-labelling,
span extension, possessive trimming). It is the reference for the model choice
(``DATELINE_MODEL``). Peer figure: spaCy's sm-size models score about 0.85-0.90 F1 on their own
(OntoNotes) data; OntoNotes-trained taggers score lower on CoNLL after label mapping, and
fine-tuned CoNLL taggers reach about 0.92-0.94.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks._data import dataset, skip

LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
PEERS = [
    ("spaCy sm-size models on their own data (OntoNotes)", "0.85-0.90"),
    ("fine-tuned transformer taggers on CoNLL testb", "0.92-0.94"),
]


def read_conll(path: Path, limit: int | None = None) -> list[tuple[list[str], set[tuple[int, int, str]]]]:
    """Documents as (tokens, gold spans) with IOB1 tags turned into (start, end, type) spans."""
    docs: list[tuple[list[str], set]] = []
    words: list[str] = []
    tags: list[str] = []

    def flush():
        if words:
            docs.append((list(words), _iob1_spans(tags)))
        words.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("-DOCSTART-"):
            flush()
            if limit and len(docs) >= limit:
                return docs
            continue
        parts = line.split()
        if not parts:
            if tags and tags[-1] != "O":
                tags.append("O")  # sentence break: an entity never runs over it
                words.append("\n")
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    flush()
    return docs[:limit] if limit else docs


def _iob1_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans = set()
    start, typ = None, None
    for i, tag in enumerate(tags + ["O"]):
        kind, _, t = tag.partition("-")
        begins = kind == "B" or (kind == "I" and t != typ)
        if start is not None and (kind == "O" or begins):
            spans.add((start, i, typ))
            start, typ = None, None
        if kind in ("B", "I") and start is None:
            start, typ = i, t
    return spans


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="evaluation data folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--split", default="testb", choices=["train", "testa", "testb"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = ap.parse_args(argv)

    root = dataset("conll2003-en", args.data)
    if root is None:
        skip("CoNLL-2003 not found (give --data or set DATELINE_EVAL_DATA)")
    path = root / "original_iob1_with_docstart" / f"eng.{args.split}"
    if not path.is_file():
        skip(f"{path} not found")
    docs = read_conll(path, args.limit)

    from spacy.tokens import Doc

    from dateline.analyse.actors import corrected_entities
    from dateline.nlp import load_model, model_name

    nlp = load_model()
    t0 = time.perf_counter()
    inputs = []
    for words, _ in docs:
        # keep the "\n" sentence-break tokens out of the text: mark them as sentence starts instead
        ws = [w for w in words if w != "\n"]
        inputs.append(Doc(nlp.vocab, words=ws))
    counts = {name: Counter() for name in ("model", "corrected")}
    per_type = {name: Counter() for name in ("model", "corrected")}
    ntok = 0
    for (words, gold_raw), doc in zip(docs, nlp.pipe(inputs, batch_size=16)):
        # gold indices count the "\n" markers; map them to token indices
        index, k = [], 0
        for w in words:
            index.append(k)
            if w != "\n":
                k += 1
        index.append(k)
        gold = {(index[s], index[e], t) for s, e, t in gold_raw}
        ntok += len(doc)
        model = {(e.start, e.end, LABEL_MAP[e.label_]) for e in doc.ents if e.label_ in LABEL_MAP}
        corrected = {(e.i0, e.i1, LABEL_MAP[e.label]) for e in corrected_entities(doc) if e.label in LABEL_MAP}
        for name, pred in (("model", model), ("corrected", corrected)):
            c = counts[name]
            c["tp"] += len(pred & gold)
            c["pred"] += len(pred)
            c["gold"] += len(gold)
            for s, e, t in gold:
                per_type[name][("gold", t)] += 1
                per_type[name][("tp", t)] += (s, e, t) in pred
            for s, e, t in pred:
                per_type[name][("pred", t)] += 1
    secs = time.perf_counter() - t0

    print(
        f"CoNLL-2003 eng.{args.split}: {len(docs)} documents, {ntok} tokens, "
        f"{counts['model']['gold']} gold entities ({model_name(nlp)}, {secs:.1f}s)"
    )
    header = f"{'':28}{'P':>7}{'R':>7}{'F1':>7}" + "".join(f"{t + ' F1':>9}" for t in ("PER", "ORG", "LOC", "MISC"))
    print(header)
    for name, label in (("model", "model alone"), ("corrected", "model + dateline corrections")):
        c = counts[name]
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        row = f"{label:28}{p:7.3f}{r:7.3f}{f:7.3f}"
        for t in ("PER", "ORG", "LOC", "MISC"):
            pt = per_type[name]
            tp, npred, ngold = pt[("tp", t)], pt[("pred", t)], pt[("gold", t)]
            pp = tp / npred if npred else 0.0
            rr = tp / ngold if ngold else 0.0
            row += f"{(2 * pp * rr / (pp + rr) if pp + rr else 0.0):9.3f}"
        print(row)
    print("peers:")
    for name, value in PEERS:
        print(f"  {name:52}{value:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
