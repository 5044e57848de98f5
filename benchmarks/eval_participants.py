"""Who did it and to whom: the source and the recipient of the top event on PLV sentences.

    python -m benchmarks.eval_participants                 # every plv*.csv, both halves
    python -m benchmarks.eval_participants --errors 40     # + mistakes, development half only
    python -m benchmarks.eval_participants --limit 200     # the first 200 rows of each half

Reads ``plv/plv_train.csv`` (and any other ``plv*.csv`` there: the project's external held-out
set is PLV's test split in the same format) from --data DIR, $DATELINE_EVAL_DATA or
../shared/eval. The train file is split once into a development half and a held-out half by
``benchmarks._data.plv_split`` (fixed seed, the same split the events evaluation uses); errors
are read on the development half only. Any other file is scored whole.

Each sentence runs through the real analysis (actors, quotes, places, times, events) as an
Article of its own. The *top event* is the first event dateline returns (the trigger highest in
the parse), as in ``eval_events``. Gold source and target are text spans of the sentence.

* **source**: the top event's first actor has a mention overlapping the gold source span;
* **recipient**: the top event's first recipient has a mention overlapping the gold target span;
* **recipient or target**: the same, or, when the event has no recipient actor, its ``target``
  (the words of what it is done to: a thing, else the place it was done in) overlaps the gold
  target span. PLV's targets include things and places ("rejected the legislation", "imposed
  blockades in Lahore"), which the contract's recipients (actor ids) cannot hold;
* the same two *given an event* (over rows where dateline codes an event at all: whether there
  is one is the event coder's part, #14) and *given the type* (rows whose top event has the gold
  type, YIELD = CONCEDE or RETREAT); *type* accuracy and *coded* (some event) for context.

A row whose gold span is not in its sentence (a few rows say "recipient") is left out of that
field and counted. No event, or an event without actors / recipients, is a miss.

Reference: the issue's measurement on PLV's test split (kept outside the project) before this
work: source 0.76, recipient 0.46. PLV's paper reports type F1 of LLM coders only, no source or
target accuracy, so there is no published peer figure for these two fields.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from benchmarks._data import plv_files, plv_rows, plv_split, skip

ISSUE_BEFORE = {"source": 0.76, "recipient": 0.46}
TARGETS = {"source": 0.85, "recipient": 0.70}
YIELD = {"CONCEDE", "RETREAT"}


def gold_span(text: str, span: str) -> tuple[int, int] | None:
    """Character offsets of a gold span in its sentence (exact, then case-insensitive)."""
    span = (span or "").strip()
    if not span:
        return None
    k = text.find(span)
    if k < 0:
        k = text.lower().find(span.lower())
    if k < 0:
        return None
    return k, k + len(span)


def overlaps(article, actor_id: str | None, span: tuple[int, int] | None) -> bool:
    if actor_id is None or span is None:
        return False
    for a in article.actors:
        if a.id == actor_id:
            return any(m.start < span[1] and span[0] < m.end for m in a.mentions)
    return False


def target_overlaps(ev, span: tuple[int, int]) -> bool:
    """The event's target (the words of a recipient that is no actor) overlaps the gold span."""
    t = ev.target
    return t is not None and t.start < span[1] and span[0] < t.end


def type_ok(gold: str, pred: str | None) -> bool:
    return pred == gold or (gold == "YIELD" and pred in YIELD)


def score(rows: list[dict], articles: list) -> Counter:
    c: Counter = Counter()
    for row, art in zip(rows, articles):
        ev = art.events[0] if art.events else None
        c["n"] += 1
        c["coded"] += ev is not None
        typed = ev is not None and type_ok(row["label"], ev.type)
        c["type"] += typed
        for field, gold, ids in (
            ("source", row["source"], ev.actors if ev else []),
            ("recipient", row["target"], ev.recipients if ev else []),
        ):
            span = gold_span(row["text"], gold)
            if span is None:
                c[f"{field}_nogold"] += 1
                continue
            ok = overlaps(art, ids[0] if ids else None, span)
            c[f"{field}_n"] += 1
            c[field] += ok
            if field == "recipient":
                c["whom"] += ok or (ev is not None and not ids and target_overlaps(ev, span))
            if ev is not None:
                c[f"{field}_ev_n"] += 1
                c[f"{field}_ev"] += ok
            if typed:
                c[f"{field}_typed_n"] += 1
                c[f"{field}_typed"] += ok
    return c


def describe(art, ids: list[str]) -> str:
    by_id = {a.id: a for a in art.actors}
    out = []
    for i in ids:
        a = by_id.get(i)
        if a is None:
            out.append(i)
            continue
        texts = sorted({art.text[m.start : m.end] for m in a.mentions})
        out.append(f"{a.name}[{a.kind},{a.country},{a.sector}]{texts[:2]}")
    return "; ".join(out) or "-"


def show_errors(rows: list[dict], articles: list, limit: int, field: str | None) -> None:
    shown = 0
    for row, art in zip(rows, articles):
        if shown >= limit:
            break
        ev = art.events[0] if art.events else None
        src_ok = overlaps(art, ev.actors[0] if ev and ev.actors else None, gold_span(row["text"], row["source"]))
        tgt_ok = overlaps(
            art, ev.recipients[0] if ev and ev.recipients else None, gold_span(row["text"], row["target"])
        )
        bad = [f for f, ok in (("source", src_ok), ("recipient", tgt_ok)) if not ok and (field in (None, f))]
        if not bad:
            continue
        shown += 1
        print(f"  [{row['sentence_id']}] {row['label']} -> {ev.type if ev else '-'} ({ev.rule if ev else '-'}) {bad}")
        print(f"     {row['text'][:240]}")
        print(f"     gold source: {row['source']!r}  target: {row['target']!r}")
        if ev:
            print(
                f"     ours source: {describe(art, ev.actors)}  recipients: {describe(art, ev.recipients)}"
                f"  target: {ev.target.text if ev.target else '-'}"
            )


def pct(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "n/a"


def report(name: str, c: Counter) -> None:
    print(
        f"  {name:<22} source {pct(c['source'], c['source_n'])}  recipient {pct(c['recipient'], c['recipient_n'])}"
        f"  recipient or target {pct(c['whom'], c['recipient_n'])}"
        f"  | given an event: source {pct(c['source_ev'], c['source_ev_n'])}"
        f"  recipient {pct(c['recipient_ev'], c['recipient_ev_n'])}"
        f"  | given the type: source {pct(c['source_typed'], c['source_typed_n'])}"
        f"  recipient {pct(c['recipient_typed'], c['recipient_typed_n'])}  |"
        f" type {pct(c['type'], c['n'])}  coded {pct(c['coded'], c['n'])}"
        + (
            f"  (no gold span: source {c['source_nogold']}, target {c['recipient_nogold']})"
            if c["source_nogold"] or c["recipient_nogold"]
            else ""
        )
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.eval_participants",
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m benchmarks.eval_participants --errors 30 --field recipient",
    )
    ap.add_argument("--data", help="the eval folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N mistakes (development half only)")
    ap.add_argument("--field", choices=["source", "recipient"], help="mistakes of this field only")
    ap.add_argument("--limit", type=int, help="the first N rows of each part only (while iterating)")
    ap.add_argument("--split", choices=["dev", "held-out", "all"], default="all", help="train file halves to run")
    args = ap.parse_args(argv)
    files = plv_files(args.data)
    if not files:
        skip("plv not found (../shared/eval/plv, $DATELINE_EVAL_DATA or --data)")
    from benchmarks.eval_events import code_texts

    print("PLV: source and recipient of the top event (gold spans; a mention of ours overlapping them counts)")
    for path in files:
        rows = plv_rows(path)
        if Path(path).name == "plv_train.csv":
            dev, held = plv_split(rows)
            parts = [("dev", dev), ("held-out", held)]
            if args.split != "all":
                parts = [p for p in parts if p[0] == args.split]
        else:
            parts = [(Path(path).stem, rows)]
        total: Counter = Counter()
        for name, part in parts:
            if args.limit:
                part = part[: args.limit]
            arts = code_texts([(r["text"], None) for r in part])
            c = score(part, arts)
            total.update(c)
            report(f"{Path(path).stem} {name}", c)
            if name == "dev" and args.errors:
                show_errors(part, arts, args.errors, args.field)
        if len(parts) > 1:
            report(f"{Path(path).stem} all", total)
    print(
        f"  targets: source >= {TARGETS['source']:.2f}, recipient >= {TARGETS['recipient']:.2f};"
        f" before this work on PLV's test split (issue #15): source {ISSUE_BEFORE['source']:.2f},"
        f" recipient {ISSUE_BEFORE['recipient']:.2f}; no published peer figure for these fields"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
