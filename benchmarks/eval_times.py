"""Times evaluation on TempEval-3: the product end to end over every TIMEX3 type, and values given the gold spans.

    .venv/bin/python -m benchmarks.eval_times                 # the platinum test set (held out)
    .venv/bin/python -m benchmarks.eval_times --split train   # TimeBank + AQUAINT (development)
    .venv/bin/python -m benchmarks.eval_times --split train --errors 40   # read mistakes there

Reads ``tempeval3`` from --data DIR, $DATELINE_EVAL_DATA or ../shared/eval; exits 0 with a
"skipped" note when absent. The anchor is each document's DCT (creation time), given to the
product as the publication date.

1. *End to end, the product*: each document's TEXT goes through the cleaning stage
   (``pipeline.clean_raw``), the spaCy parse and the times component (``analyse.times.find_times``);
   every record of ``Article.times`` is a system TIMEX3 (its ``timex`` the value, its ``type`` the
   type), its span mapped back to the raw text. A system record matches the gold TIMEX3 it
   overlaps most (relaxed match, one to one). Per gold type: value accuracy = matched records
   whose ``timex`` equals the gold value / gold TIMEX3s of that type; over all types also P
   (over system records), R and F1, the TempEval-3 "value F1" HeidelTime's 77.6 and SUTime's
   67.4 are (TE-3 overview, platinum). Calendar values (gold YYYY, YYYY-MM or YYYY-MM-DD) are
   scored on their own too, against the contract's ``value``.
2. *Value accuracy given the gold spans*: every gold TIMEX3 is resolved by
   ``dateline.timex.resolve`` with the tense of its governing verb from the spaCy parse. Beside
   it, dateparser alone on the same spans (RELATIVE_BASE = DCT, its best PREFER_DATES_FROM).

Errors are printed only for ``--split train``: the platinum set is the held-out test.
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from benchmarks._data import dataset, skip

PEERS = [
    ("HeidelTime (TE-3 value F1, all types)", 0.776),
    ("SUTime (TE-3 value F1, all types)", 0.674),
]
TARGET = 0.85
TYPES = ("DATE", "TIME", "DURATION", "SET")

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_PLAIN = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str
    removed: bool = False  # in text the cleaning stage removed


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


_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m|''|\.\.\.)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}
MEANTIME_SEED = 20  # the one split of MEANTIME into development and held-out halves
MEANTIME_LAST_SENTENCE = 5  # MEANTIME annotates the headline, the date line and sentences 2-5 only


def read_meantime(path: Path) -> Doc:
    """A MEANTIME (NewsReader CAT XML) document: the annotated part of its body (the four
    sentences after the headline and the date line) as text, the creation time as DCT, their
    TIMEX3 as gold."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    pos: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    n = 0
    prev_sent, prev_tok = None, None
    dateline_words: list[str] = []
    for tok in root.iter("token"):
        sent = int(tok.get("sentence", "0"))
        if sent == 1:
            dateline_words.append(tok.text or "")
        if sent < 2 or sent > MEANTIME_LAST_SENTENCE:
            continue
        word = tok.text or ""
        if prev_sent is not None and sent != prev_sent:
            sep = "\n\n" if word[:1].isupper() else " "
        elif prev_tok is None or _NO_SPACE_BEFORE.match(word) or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        n += len(sep)
        pos[tok.get("t_id")] = (n, n + len(word))
        parts.append(word)
        n += len(word)
        prev_sent, prev_tok = sent, word
    text = "".join(parts)
    dct = ""
    golds: list[Gold] = []
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value", "")[:10]
            continue
        spans = [pos[a.get("t_id")] for a in tx.iter("token_anchor") if a.get("t_id") in pos]
        if not spans:
            continue  # no words, or in the headline or the date line
        s, e = min(x for x, _ in spans), max(y for _, y in spans)
        golds.append(Gold(s, e, text[s:e], tx.get("type", ""), tx.get("value", "")))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct):  # a few creation times are written otherwise
        from dateline.published import find_full_dates

        found = find_full_dates(" ".join(dateline_words).replace(" ,", ","))
        dct = found[0][1].isoformat() if found else ""
    return Doc(path.name, dct, text, sorted(golds, key=lambda g: g.start))


def load_meantime(part: str, given: str | None) -> list[Doc]:
    """MEANTIME's 120 documents, halved once by a fixed seed: "dev" to read errors, "test" held out."""
    import random

    root = dataset("meantime-en", given)
    if root is None:
        skip("MEANTIME data not found (set DATELINE_EVAL_DATA or --data)")
    files = sorted(root.glob("data/*/intra-doc_annotation/corpus_*/*.xml"))
    if not files:
        skip(f"no MEANTIME .xml files under {root}")
    order = list(range(len(files)))
    random.Random(MEANTIME_SEED).shuffle(order)
    half = set(order[: len(files) // 2])
    keep = [f for i, f in enumerate(files) if (i in half) == (part == "dev")]
    return [read_meantime(f) for f in keep]


ECBPLUS_GOLD = Path(__file__).resolve().parent / "gold" / "ecbplus_timex.tsv"
_LETTER = re.compile(r"^[A-Za-z]$")


def _ecb_join(words: list[str]) -> str:
    """ECB+ tokens as running text: no space before punctuation and clitics, none around a hyphen,
    inside numbers ("93 . 6", "30 , 000", "11 : 30") or dotted letters ("p . m .", "U . S .")."""
    out = ""
    for k, w in enumerate(words):
        prev = words[k - 1] if k else ""
        prev2 = words[k - 2] if k > 1 else ""
        nxt = words[k + 1] if k + 1 < len(words) else ""
        glue = (
            not out
            or _NO_SPACE_BEFORE.match(w) is not None
            or prev in _NO_SPACE_AFTER
            or (w == "-" and prev not in ("-", ""))
            or (prev == "-" and prev2 != "-")
            or (
                prev in (".", ",", ":")
                and prev2[-1:].isdigit()
                and w[:1].isdigit()
                and (prev != "," or re.fullmatch(r"\d{3}", w) is not None)
            )
            or (prev == "." and _LETTER.match(prev2) is not None and _LETTER.match(w) is not None)
        )
        if w in (".", ",", ":") and prev[-1:].isdigit() and nxt[:1].isdigit():
            glue = True
        if not glue:
            out += " "
        out += w
    return out


def load_ecbplus(given: str | None) -> list[Doc]:
    """The project's own TIMEX3 gold on ECB+ news (``benchmarks/gold/ecbplus_timex.tsv``, issue
    #20): each '#doc' line's sentences as text (one paragraph each), its creation time as DCT."""
    import xml.etree.ElementTree as ET

    root = dataset("ecbplus", given)
    if root is None:
        skip("ECB+ data not found (set DATELINE_EVAL_DATA or --data)")
    units: list[tuple[str, str, int, int, list[list[str]]]] = []
    for line in ECBPLUS_GOLD.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#doc"):
            units.append((cols[1], cols[2], int(cols[3]), int(cols[4]), []))
        elif line and not line.startswith("#"):
            units[-1][4].append(cols)
    docs: list[Doc] = []
    for name, dct, first, last, labels in units:
        topic = name.split("_")[0]
        xml = ET.parse(root / "ECB+_LREC2014" / "ECB+" / topic / f"{name}.xml").getroot()
        sents: dict[int, list[str]] = {}
        for tok in xml.iter("token"):
            k = int(tok.get("sentence", "0"))
            if first <= k <= last:
                sents.setdefault(k, []).append(tok.text or "")
        text = ""
        where: dict[int, tuple[int, str]] = {}
        for k in sorted(sents):
            if text:
                text += "\n\n"
            chunk = _ecb_join(sents[k])
            where[k] = (len(text), chunk)
            text += chunk
        golds: list[Gold] = []
        for cols in labels:
            k, words = int(cols[1]), cols[2].split(" ")
            nth = int(cols[5]) if len(cols) > 5 and cols[5] else 1
            base, chunk = where[k]
            expr = _ecb_join(words)
            hits = [m.start() for m in re.finditer(rf"(?<![\w]){re.escape(expr)}(?![\w])", chunk)]
            if len(hits) < nth:
                raise SystemExit(f"{ECBPLUS_GOLD.name}: {cols[2]!r} not in {name} sentence {k}")
            s, e = base + hits[nth - 1], base + hits[nth - 1] + len(expr)
            golds.append(Gold(s, e, text[s:e], cols[3], cols[4]))
        docs.append(Doc(f"{name}:{first}-{last}", dct, text, sorted(golds, key=lambda g: g.start)))
    return docs


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


def _offset_map(cleaned: str, raw: str):
    """(cleaned offset -> raw offset or None, raw offset -> whether the cleaned text keeps it)."""
    blocks = difflib.SequenceMatcher(None, cleaned, raw, autojunk=False).get_matching_blocks()

    def to_raw(i: int) -> int | None:
        for a, b, size in blocks:
            if a <= i < a + size:
                return b + i - a
        return None

    def kept(j: int) -> bool:
        return any(b <= j < b + size for _, b, size in blocks)

    return to_raw, kept


@dataclass
class Sys:
    start: int
    end: int
    text: str
    type: str
    timex: str | None
    value: str | None


def product_times(docs: list[Doc], nlp) -> list[list[Sys]]:
    """``Article.times`` of each document through cleaning, parse and the times component.

    Marks (``Gold.removed``) the gold TIMEX3s that lie in text the cleaning stage took out of
    ``Article.text`` (a dateline or headline line, a caption): no record can point at them."""
    from dateline.analyse.times import find_times
    from dateline.pipeline import clean_raw, raw_input

    arts = [clean_raw(raw_input(d.text, None, None, d.dct)) for d in docs]
    out: list[list[Sys]] = []
    for d, art, parsed in zip(docs, arts, nlp.pipe((a.text for a in arts), batch_size=8)):
        find_times(art, parsed)
        to_raw, kept = _offset_map(art.text, d.text)
        for g in d.timexes:
            g.removed = not kept(g.start)
        recs = []
        for t in art.times:
            s, e = to_raw(t.start), to_raw(t.end - 1)
            if s is None or e is None:
                continue
            recs.append(Sys(s, e + 1, t.text, (t.type or "date").upper(), t.timex, t.value))
        out.append(recs)
    return out


def _match(golds: list[Gold], found: list[Sys]) -> dict[int, int]:
    """gold index -> system index, one to one, largest overlaps first."""
    pairs = []
    for i, g in enumerate(golds):
        for j, f in enumerate(found):
            ov = min(g.end, f.end) - max(g.start, f.start)
            if ov > 0:
                pairs.append((-ov, i, j))
    used_g: dict[int, int] = {}
    used_s: set[int] = set()
    for _, i, j in sorted(pairs):
        if i not in used_g and j not in used_s:
            used_g[i] = j
            used_s.add(j)
    return used_g


def _f1(c: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = c / n_sys if n_sys else 0.0
    r = c / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--split",
        choices=["platinum", "train", "meantime-dev", "meantime-test", "ecbplus"],
        default="platinum",
        help="TempEval-3 platinum (held out; default), TempEval-3 train (TimeBank + AQUAINT), or a "
        "half of MEANTIME (Wikinews, a second news set: dev to read errors, test held out), or ecbplus "
        "(the project's own TIMEX3 gold on ECB+ news, benchmarks/gold/ecbplus_timex.tsv: development)",
    )
    ap.add_argument("--data", help="the eval folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N mistakes of each kind (train only)")
    ap.add_argument("--limit", type=int, default=0, help="the first N documents only (a quick look)")
    ap.add_argument("--match", help="only documents whose file name matches this regular expression")
    args = ap.parse_args(argv)
    if args.errors and args.split not in ("train", "meantime-dev", "ecbplus"):
        ap.error("errors are printed for --split train, meantime-dev or ecbplus only: the other sets are held out")

    if args.split.startswith("meantime"):
        docs = load_meantime(args.split.split("-")[1], args.data)
    elif args.split == "ecbplus":
        docs = load_ecbplus(args.data)
    else:
        docs = load(args.split, args.data)
    if args.match:
        docs = [d for d in docs if re.search(args.match, d.name)]
    if args.limit:
        docs = docs[: args.limit]
    from dateline.analyse.times import tense_of
    from dateline.nlp import load_model
    from dateline.timex import resolve

    nlp = load_model()
    found_all = product_times(docs, nlp)

    # 1. end to end -------------------------------------------------------------------------
    gold_n: Counter = Counter()
    hit: Counter = Counter()
    val_ok: Counter = Counter()
    type_ok: Counter = Counter()
    sys_n = strict = 0
    plain_n = plain_ok = plain_sys = 0  # calendar values: gold YYYY[-MM[-DD]] against `value`
    removed = 0
    e2e_err: list[str] = []
    for doc, found in zip(docs, found_all):
        sys_n += len(found)
        m = _match(doc.timexes, found)
        paired = {j: doc.timexes[i] for i, j in m.items()}
        # a system calendar value counts against the calendar measure unless it stands for a
        # gold TIMEX3 that has no calendar value (a time of day, a week)
        plain_sys += sum(
            1 for j, f in enumerate(found) if f.value and (j not in paired or _PLAIN.fullmatch(paired[j].value))
        )
        for i, g in enumerate(doc.timexes):
            gold_n[g.type] += 1
            plain = bool(_PLAIN.fullmatch(g.value))
            plain_n += plain
            removed += g.removed
            j = m.get(i)
            if j is None:
                ctx = doc.text[max(0, g.start - 60) : g.end + 30].replace("\n", " ")
                why = "FN-C" if g.removed else "FN  "
                e2e_err.append(f"{doc.dct} {why} {g.type:8} {g.text!r} gold={g.value}  …{ctx}…")
                continue
            f = found[j]
            hit[g.type] += 1
            strict += (f.start, f.end) == (g.start, g.end)
            ok = f.timex == g.value
            val_ok[g.type] += ok
            type_ok[g.type] += f.type == g.type
            plain_ok += plain and f.value == g.value
            if not ok or (f.start, f.end) != (g.start, g.end):
                ctx = doc.text[max(0, g.start - 60) : g.end + 30].replace("\n", " ")
                e2e_err.append(
                    f"{doc.dct} {'VAL ' if not ok else 'SPAN'} {g.type:8} {g.text!r} gold={g.value} "
                    f"got {f.text!r}={f.timex}  …{ctx}…"
                )
        for j, f in enumerate(found):
            if j not in paired:
                ctx = doc.text[max(0, f.start - 60) : f.end + 30].replace("\n", " ")
                e2e_err.append(f"{doc.dct} FP   {f.type:8} {f.text!r}={f.timex}  …{ctx}…")

    total_gold = sum(gold_n.values())
    total_ok = sum(val_ok.values())
    name = "MEANTIME" if args.split.startswith("meantime") else "ECB+" if args.split == "ecbplus" else "TempEval-3"
    print(
        f"{name} {args.split}: {len(docs)} documents, {total_gold} gold TIMEX3 in TEXT "
        f"({', '.join(f'{t} {gold_n[t]}' for t in TYPES)})"
    )
    print("\n1. end to end, the product (clean -> parse -> find_times -> Article.times[].timex)")
    print(
        f"   {'type':10} {'gold':>5} {'found':>6} {'type ok':>8} {'value ok':>9} {'value acc':>10}   peers (all types)"
    )
    te3 = name == "TempEval-3"  # the peers' figures are TempEval-3 platinum's
    peer_txt = "   HeidelTime 0.776, SUTime 0.674" if te3 else ""
    for t in TYPES:
        acc = val_ok[t] / gold_n[t] if gold_n[t] else 0.0
        print(f"   {t:10} {gold_n[t]:5d} {hit[t]:6d} {type_ok[t]:8d} {val_ok[t]:9d} {acc:10.3f}{peer_txt}")
    acc_all = total_ok / total_gold if total_gold else 0.0
    print(
        f"   {'all':10} {total_gold:5d} {sum(hit.values()):6d} {sum(type_ok.values()):8d} {total_ok:9d} "
        f"{acc_all:10.3f}" + (f"   target >= {TARGET}" if te3 else "")
    )
    p, r, f = _f1(total_ok, sys_n, total_gold)
    print(f"   value F1, all types      P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({sys_n} records, {total_gold} gold)")
    matched = sum(hit.values())
    print(f"   value accuracy of the found  {total_ok / max(matched, 1):.3f}   ({total_ok}/{matched} relaxed matches)")
    for label, c in (("strict span", strict), ("relaxed span", matched)):
        p, r, f = _f1(c, sys_n, total_gold)
        print(f"   {label:24} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"   ({removed} gold TIMEX3 lie in text the cleaning stage removed: headline or dateline lines, captions)")
    p, r, f = _f1(plain_ok, plain_sys, plain_n)
    print(
        f"   calendar dates (gold YYYY[-MM[-DD]] against Article.times[].value): "
        f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({plain_ok}/{plain_n})"
    )

    # 2. gold spans -------------------------------------------------------------------------
    total = correct = 0
    by_type: Counter = Counter()
    by_type_ok: Counter = Counter()
    plain_total = plain_g_ok = 0
    dp_plain = dict.fromkeys(DP_SETTINGS, 0)
    dp_all = dict.fromkeys(DP_SETTINGS, 0)
    errors: list[str] = []
    for doc, parsed in zip(docs, nlp.pipe((d.text for d in docs), batch_size=8)):
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
            by_type[g.type] += 1
            by_type_ok[g.type] += ok
            plain = bool(_PLAIN.fullmatch(g.value))
            for prefer in DP_SETTINGS:
                dp_ok = _dateparser_value(g.text, doc.dct, g.value, prefer) == g.value
                dp_all[prefer] += dp_ok
                dp_plain[prefer] += dp_ok and plain
            if plain:
                plain_total += 1
                plain_g_ok += ok
            if not ok:
                ctx = doc.text[max(0, g.start - 50) : g.end + 30].replace("\n", " ")
                errors.append(
                    f"{doc.dct} {g.type:8} {g.text!r:28} gold={g.value:14} got={got!s:14} tense={tense}  …{ctx}…"
                )
    print("\n2. value accuracy given the gold spans (dateline.timex.resolve, anchor = DCT)")
    print(
        f"   all types {correct / max(total, 1):.3f} ({correct}/{total}): "
        + ", ".join(f"{t} {by_type_ok[t] / max(by_type[t], 1):.3f} ({by_type_ok[t]}/{by_type[t]})" for t in TYPES)
    )
    print(f"   calendar values {plain_g_ok / max(plain_total, 1):.3f} ({plain_g_ok}/{plain_total})")
    best = max(DP_SETTINGS, key=lambda k: dp_plain[k])
    print(
        f"   dateparser alone: calendar values {dp_plain[best] / max(plain_total, 1):.3f} "
        f"({dp_plain[best]}/{plain_total}), "
        f"all types {dp_all[best] / max(total, 1):.3f} ({dp_all[best]}/{total}); best PREFER_DATES_FROM={best} ("
        + ", ".join(f"{k} {dp_plain[k]}" for k in DP_SETTINGS)
        + ")"
    )
    print("\npeers' published figures (TE-3 overview, platinum, end to end):")
    for peer, v in PEERS:
        print(f"   {peer:44} {v:.3f}")
    if args.errors:
        print(f"\nend-to-end mistakes ({len(e2e_err)}):")
        for line in e2e_err[: args.errors]:
            print("  ", line)
        print(f"\nvalue mistakes given the gold spans ({len(errors)}):")
        for line in errors[: args.errors]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
