"""Quote evaluation on PolNeAR: content spans and sources, exact and overlap P/R/F1.

    .venv/bin/python -m benchmarks.eval_quotes                  # the test split (84 articles)
    .venv/bin/python -m benchmarks.eval_quotes --split train --limit 80   # tuning
    .venv/bin/python -m benchmarks.eval_quotes --errors 20      # print some misses

Reads ``polnear`` from --data DIR, $DATELINE_EVAL_DATA or ../shared/eval; exits 0 with a
"skipped" note when absent. One annotator's .ann per article (the first by name), as the
dataset README counts them.

The system is ``find_actors`` + ``find_quotes`` on each article's raw text (no cleaning, so
offsets are the gold offsets). Metrics follow BBC Citron's evaluation, adapted:

- *content exact*: a predicted attribution is correct when its content fragments equal a gold
  attribution's fragments after trimming whitespace, quotation marks and a final ``,.;:`` on
  both sides (PolNeAR puts the marks inside direct-quote content, dateline leaves them out), or
  equal the gold envelope (first start to last end). A dateline quote that continues the one
  before it (same speaker, no cue of its own, same or next paragraph: '"A," he said. "B"') is a
  fragment of that quote's attribution, as in PolNeAR and Citron. Citron also requires the cue to overlap;
  dateline's cue is not always a span (a bare quote paragraph has none), so it is not required.
- *content overlap*: character overlap of non-space characters: P = overlapping predicted
  characters / predicted characters, R = overlapping gold characters / gold characters
  (Citron counts tokens).
- *source exact / overlap*: for each predicted quote whose content overlaps a gold attribution,
  its speaker span (``speaker_start``/``speaker_end``) against that attribution's source span,
  exact after the same trimming, or by overlapping characters; P over predicted quotes with a
  speaker span, R over gold attributions with a source.

Printed beside Citron's content-span F1 on PARC 3.0 (test): 56.7 exact, 83.2 overlap (Citron's
model card, en_2021-11-15). PARC3 and PolNeAR are different corpora annotated to similar
guidelines (PolNeAR is more complete: it marks more indirect and partial attributions), so
the comparison is indicative, not like for like.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks._data import dataset, skip

PEERS = [("Citron on PARC3 (content span F1, exact)", 0.567), ("Citron on PARC3 (content span F1, overlap)", 0.832)]

_TRIM = " \t\n\r\xa0\"“”„«»'‘’,.;:"


@dataclass
class GoldAttr:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Doc:
    name: str
    text: str
    gold: list[GoldAttr]


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for part in field_.split(";"):
        a, b = part.split()[-2:]
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[GoldAttr]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = (kind, _spans(offsets))
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(p.split(":", 1) for p in parts[1].split() if ":" in p))
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""), (None, []))[1]
        if not content:
            continue
        out.append(
            GoldAttr(
                content=content,
                source=spans.get(ev.get("Source", ""), (None, []))[1],
                cue=spans.get(ev.get("Cue", ""), (None, []))[1],
            )
        )
    return out


def load(root: Path, split: str, limit: int | None) -> list[Doc]:
    base = root / "data" / split
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        name = p.stem.rsplit("_", 1)[0]
        anns.setdefault(name, p)
    docs = []
    for name, ann in sorted(anns.items()):
        txt = base / "text" / f"{name}.txt"
        if not txt.is_file():
            continue
        docs.append(Doc(name, txt.read_text(encoding="utf-8"), read_ann(ann)))
        if limit and len(docs) >= limit:
            break
    return docs


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _envelope(spans: list[tuple[int, int]]) -> tuple[int, int]:
    return min(s for s, _ in spans), max(e for _, e in spans)


def _chars(text: str, spans) -> set[int]:
    out = set()
    for s, e in spans:
        out.update(i for i in range(s, e) if not text[i].isspace())
    return out


def _prf2(tp_p: float, npred: float, tp_g: float, ngold: float) -> tuple[float, float, float]:
    p = tp_p / npred if npred else 0.0
    r = tp_g / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="evaluation data folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N missed and N spurious quotes")
    args = ap.parse_args(argv)

    root = dataset("polnear", args.data)
    if root is None:
        skip("PolNeAR not found (give --data or set DATELINE_EVAL_DATA)")
    docs = load(root, args.split, args.limit)
    if not docs:
        skip(f"no PolNeAR articles in split {args.split}")

    from dateline.analyse.actors import find_actors
    from dateline.analyse.quotes import find_quotes
    from dateline.article import Article
    from dateline.nlp import load_model, model_name

    nlp = load_model()
    t0 = time.perf_counter()
    c = dict(
        cx_tp_p=0,
        cx_tp_g=0,
        npred=0,
        ngold=0,
        co_pred=0,
        co_pred_tp=0,
        co_gold=0,
        co_gold_tp=0,
        sx_tp_p=0,
        sx_tp_g=0,
        s_pred=0,
        s_gold=0,
        so_pred=0,
        so_pred_tp=0,
        so_gold=0,
        so_gold_tp=0,
        direct_gold=0,
        direct_hit=0,
    )
    misses, spurious = [], []
    for d, doc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=8)):
        art = Article(text=d.text)
        find_actors(art, doc)
        find_quotes(art, doc)
        text = d.text
        preds = [(q, _trim(text, q.start, q.end)) for q in art.quotes]
        golds = [(g, _trim(text, *_envelope(g.content))) for g in d.gold]
        # exact content: one attribution may be several fragments ('"A," he said. "B"'); the
        # continuation quotes dateline attributes to the same speaker without a cue of their own
        # join the quote before them
        groups: list[list] = []
        for q in art.quotes:
            if (
                groups
                and q.kind == "direct"
                and q.cue is None
                and groups[-1][-1].kind == "direct"
                and q.speaker_text
                and q.speaker_text == groups[-1][-1].speaker_text
                and text[groups[-1][-1].end : q.start].count("\n") <= 2
            ):
                groups[-1].append(q)
            else:
                groups.append([q])
        pred_keys = {tuple(_trim(text, q.start, q.end) for q in grp) for grp in groups}
        gold_keys = [tuple(_trim(text, s, e) for s, e in g.content) for g in d.gold]
        gold_key_set = set(gold_keys) | {(span,) for _, span in golds}
        c["npred"] += len(groups)
        c["ngold"] += len(golds)
        pred_exact = {span for _, span in preds}
        c["cx_tp_p"] += sum(1 for k in pred_keys if k in gold_key_set)
        c["cx_tp_g"] += sum(1 for k, (_, span) in zip(gold_keys, golds) if k in pred_keys or (span,) in pred_keys)
        gold_chars = _chars(text, [s for g, _ in golds for s in g.content])
        pred_chars = _chars(text, [(q.start, q.end) for q, _ in preds])
        c["co_pred"] += len(pred_chars)
        c["co_pred_tp"] += len(pred_chars & gold_chars)
        c["co_gold"] += len(gold_chars)
        c["co_gold_tp"] += len(gold_chars & pred_chars)
        # sources: pair each prediction with the gold attribution whose content it overlaps most
        gold_content_chars = [_chars(text, g.content) for g, _ in golds]
        matched_gold: dict[int, tuple] = {}
        for q, _ in preds:
            qc = _chars(text, [(q.start, q.end)])
            best, best_ov = None, 0
            for k, gc in enumerate(gold_content_chars):
                ov = len(qc & gc)
                if ov > best_ov:
                    best, best_ov = k, ov
            sspan = (getattr(q, "speaker_start", None), getattr(q, "speaker_end", None))
            has_speaker = sspan[0] is not None
            if has_speaker:
                c["s_pred"] += 1
                c["so_pred"] += len(_chars(text, [sspan]))
            if best is None:
                spurious.append((d.name, q))
                continue
            g = golds[best][0]
            if has_speaker and g.source:
                exact = _trim(text, *sspan) == _trim(text, *_envelope(g.source))
                ov = len(_chars(text, [sspan]) & _chars(text, g.source))
                c["sx_tp_p"] += exact
                c["so_pred_tp"] += ov
                prev = matched_gold.get(best)
                if prev is None or (exact, ov) > prev:
                    matched_gold[best] = (exact, ov)
        for k, (g, span) in enumerate(golds):
            if g.source:
                c["s_gold"] += 1
                c["so_gold"] += len(_chars(text, g.source))
                exact, ov = matched_gold.get(k, (False, 0))
                c["sx_tp_g"] += exact
                c["so_gold_tp"] += ov
            if text[g.content[0][0] : g.content[0][0] + 1] in '"“':
                c["direct_gold"] += 1
                if span in pred_exact or any(
                    len(_chars(text, [(q.start, q.end)]) & gold_content_chars[k]) for q, _ in preds
                ):
                    c["direct_hit"] += 1
            if not any(len(_chars(text, [(q.start, q.end)]) & gold_content_chars[k]) for q, _ in preds):
                misses.append((d.name, text[span[0] : span[1]]))
    secs = time.perf_counter() - t0

    cx = _prf2(c["cx_tp_p"], c["npred"], c["cx_tp_g"], c["ngold"])
    co = _prf2(c["co_pred_tp"], c["co_pred"], c["co_gold_tp"], c["co_gold"])
    sx = _prf2(c["sx_tp_p"], c["s_pred"], c["sx_tp_g"], c["s_gold"])
    so = _prf2(c["so_pred_tp"], c["so_pred"], c["so_gold_tp"], c["so_gold"])
    print(
        f"PolNeAR {args.split}: {len(docs)} articles, {c['ngold']} gold attributions, "
        f"{c['npred']} predicted quotes ({model_name(nlp)}, {secs:.1f}s)"
    )
    print(f"{'':32}{'P':>7}{'R':>7}{'F1':>7}")
    for label, (p, r, f) in (
        ("content span, exact", cx),
        ("content span, overlap", co),
        ("source span, exact", sx),
        ("source span, overlap", so),
    ):
        print(f"{label:32}{p:7.3f}{r:7.3f}{f:7.3f}")
    if c["direct_gold"]:
        print(
            f"direct quotes (gold content opening with a quote mark) found: "
            f"{c['direct_hit']}/{c['direct_gold']} = {c['direct_hit'] / c['direct_gold']:.3f}"
        )
    print("peers:")
    for name, value in PEERS:
        print(f"  {name:48}{value:7.3f}")
    if args.errors:
        print("\nmissed gold contents:")
        for name, t in misses[: args.errors]:
            print(f"  [{name[:40]}] {t[:120]!r}")
        print("\npredicted quotes overlapping no gold content:")
        for name, q in spurious[: args.errors]:
            print(f"  [{name[:40]}] {q.kind} {q.speaker_text!r}: {q.text[:100]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
