"""Times evaluation on TempEval-3: value accuracy given the gold spans, and end-to-end F1.

    .venv/bin/python -m benchmarks.eval_times                 # the platinum test set
    .venv/bin/python -m benchmarks.eval_times --split train   # TimeBank + AQUAINT (tuning)
    .venv/bin/python -m benchmarks.eval_times --errors 40     # print some mistakes

Reads ``tempeval3`` from --data DIR, $DATELINE_EVAL_DATA or ../shared/eval; exits 0 with a
"skipped" note when absent. The anchor is each document's DCT (creation time).

1. *Value accuracy given the gold spans*: every gold TIMEX3 of the TEXT (DATE, TIME, DURATION,
   SET) is resolved by ``dateline.timex.resolve`` with the tense of its governing verb from the
   spaCy parse; accuracy = exact value matches / gold TIMEX3s. Beside it, dateparser alone on the
   same spans (``dateparser.parse`` with RELATIVE_BASE = DCT and the best PREFER_DATES_FROM; its
   datetime written at the granularity of the gold value), on the "plain" subset (gold values
   YYYY, YYYY-MM, YYYY-MM-DD) and on all.
2. *End to end*: ``dateline.analyse.times.find_timexes`` on the raw text; strict span F1 (exact
   offsets), relaxed span F1 (overlap) and value F1 (relaxed match with the exact gold value;
   P = correct / system, R = correct / gold), the TempEval-3 "value" score, printed beside
   HeidelTime 77.6 and SUTime 67.4 (TE-3 overview, platinum).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks._data import dataset, skip

PEERS = [
    ("HeidelTime (TE-3 value F1)", 0.776),
    ("SUTime (TE-3 value F1)", 0.674),
    ("dateparser alone, gold spans, plain values (issue)", 0.80),
]
TARGET = 0.85

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    name: str
    dct: str
    text: str
    timexes: list[Gold] = field(default_factory=list)


def read_tml(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    dct = dict(_ATTR.findall(dct_m.group(1))).get("value", "") if dct_m else ""
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    out: list[str] = []
    pos = 0
    n = 0
    open_tx: tuple[int, dict] | None = None
    golds: list[Gold] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, tag, attrs = m.group(1), m.group(2), m.group(3)
        if tag != "TIMEX3":
            continue
        if not closing:
            open_tx = (n, dict(_ATTR.findall(attrs)))
        elif open_tx is not None:
            s, a = open_tx
            golds.append(Gold(s, n, "", a.get("type", ""), a.get("value", "")))
            open_tx = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in golds:
        g.text = text[g.start : g.end]
    return Doc(path.name, dct[:10], text, golds)


def load(split: str, given: str | None) -> list[Doc]:
    root = dataset("tempeval3", given)
    if root is None:
        skip("TempEval-3 data not found (set DATELINE_EVAL_DATA or --data)")
    base = root / "data" / "TempEval3"
    if split == "platinum":
        files = sorted((base / "Evaluation" / "te3-platinum").glob("*.tml"))
    else:
        files = sorted((base / "Training" / "TBAQ-cleaned").glob("*/*.tml"))
    if not files:
        skip(f"no .tml files under {base}")
    return [read_tml(f) for f in files]


DP_SETTINGS = ("past", "current_period", "future")


def _dateparser_value(text: str, dct: str, gold_value: str, prefer: str = "past") -> str | None:
    import dateparser

    try:
        base = datetime.fromisoformat(dct)
        dt = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer})
    except Exception:
        return None
    if dt is None:
        return None
    if re.fullmatch(r"\d{4}", gold_value):
        return f"{dt.year:04d}"
    if re.fullmatch(r"\d{4}-\d{2}", gold_value):
        return dt.strftime("%Y-%m")
    return dt.date().isoformat()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["platinum", "train"], default="platinum")
    ap.add_argument("--data", help="the eval folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N value errors (gold spans)")
    ap.add_argument("--e2e-errors", type=int, default=0, help="print up to N end-to-end span errors")
    args = ap.parse_args(argv)

    docs = load(args.split, args.data)
    from dateline.analyse.times import find_timexes, tense_of
    from dateline.nlp import load_model
    from dateline.timex import resolve

    nlp = load_model()
    total = correct = 0
    plain_total = plain_ok = 0
    dp_plain = dict.fromkeys(DP_SETTINGS, 0)
    dp_all = dict.fromkeys(DP_SETTINGS, 0)
    errors: list[str] = []
    sys_n = gold_n = strict = relaxed = value_ok = 0
    e2e_err: list[str] = []
    for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=8)):
        # 1. gold spans
        for g in doc.timexes:
            span = parsed.char_span(g.start, g.end, alignment_mode="expand")
            tense = tense_of(span) if span is not None and len(span) else None
            try:
                tx = resolve(g.text, doc.dct, tense)
            except Exception as exc:  # a crash counts as a miss, and is shown
                tx = None
                errors.append(f"CRASH {g.text!r}: {exc!r}")
            got = tx.value if tx else None
            total += 1
            ok = got == g.value
            correct += ok
            plain = bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", g.value))
            for prefer in DP_SETTINGS:
                dp_ok = _dateparser_value(g.text, doc.dct, g.value, prefer) == g.value
                dp_all[prefer] += dp_ok
                dp_plain[prefer] += dp_ok and plain
            if plain:
                plain_total += 1
                plain_ok += ok
            if not ok:
                ctx = doc.text[max(0, g.start - 50) : g.end + 30].replace("\n", " ")
                errors.append(
                    f"{doc.dct} {g.type:8} {g.text!r:28} gold={g.value:14} got={got!s:14} tense={tense}  …{ctx}…"
                )
        # 2. end to end
        found = find_timexes(parsed, doc.dct)
        sys_n += len(found)
        gold_n += len(doc.timexes)
        used: set[int] = set()
        for f in found:
            match = None
            for i, g in enumerate(doc.timexes):
                if i not in used and f.start < g.end and g.start < f.end:
                    match = i
                    break
            if match is None:
                e2e_err.append(f"FP  {f.text!r} -> {f.timex.value if f.timex else None}")
                continue
            used.add(match)
            g = doc.timexes[match]
            relaxed += 1
            strict += (f.start, f.end) == (g.start, g.end)
            if (f.start, f.end) != (g.start, g.end):
                e2e_err.append(f"SPAN {f.text!r} gold {g.text!r}")
            value_ok += bool(f.timex) and f.timex.value == g.value
        for i, g in enumerate(doc.timexes):
            if i not in used:
                e2e_err.append(f"FN  {g.text!r} ({g.type} {g.value})")

    def f1(c: int) -> tuple[float, float, float]:
        p = c / sys_n if sys_n else 0.0
        r = c / gold_n if gold_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    acc = correct / total if total else 0.0
    print(
        f"TempEval-3 {args.split}: {len(docs)} documents, {total} gold TIMEX3 in TEXT "
        f"({plain_total} with plain YYYY[-MM[-DD]] values)"
    )
    print("\n1. value accuracy given the gold spans (anchor = DCT)")
    print(f"   dateline.timex, all types        {acc:.3f}   ({correct}/{total})   target >= {TARGET}")
    print(f"   dateline.timex, plain values     {plain_ok / max(plain_total, 1):.3f}   ({plain_ok}/{plain_total})")
    best = max(DP_SETTINGS, key=lambda k: dp_plain[k])
    print(
        f"   dateparser alone, plain values   {dp_plain[best] / max(plain_total, 1):.3f}   ({dp_plain[best]}/{plain_total}, "
        f"best setting PREFER_DATES_FROM={best}; " + ", ".join(f"{k} {dp_plain[k]}" for k in DP_SETTINGS) + ")"
    )
    print(f"   dateparser alone, all types      {dp_all[best] / max(total, 1):.3f}   ({dp_all[best]}/{total})")
    print("\n2. end to end (find_timexes on the raw text)")
    for name, c in (("strict span", strict), ("relaxed span", relaxed), ("value", value_ok)):
        p, r, f = f1(c)
        print(f"   {name:14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"   ({sys_n} found, {gold_n} gold)")
    print("\npeers' published figures:")
    for name, v in PEERS:
        print(f"   {name:52} {v:.3f}")
    if args.errors:
        print(f"\nvalue errors ({len(errors)}):")
        for line in errors[: args.errors]:
            print("  ", line)
    if args.e2e_errors:
        print(f"\nend-to-end errors ({len(e2e_err)}):")
        for line in e2e_err[: args.e2e_errors]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
