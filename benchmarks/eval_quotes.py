"""Quote evaluation on PolNeAR: content spans, sources and speakers, by attribution kind.

    .venv/bin/python -m benchmarks.eval_quotes                  # the test split (84 articles)
    .venv/bin/python -m benchmarks.eval_quotes --split dev      # development
    .venv/bin/python -m benchmarks.eval_quotes --split train --limit 80 --errors 20   # read errors
    .venv/bin/python -m benchmarks.eval_quotes --split dev --cache /tmp/polnear   # reuse parses

Reads ``polnear`` from --data DIR, $DATELINE_EVAL_DATA or ../shared/eval; exits 0 with a
"skipped" note when absent. One annotator's .ann per article (the first by name), as the
dataset README counts them. Errors are printed for the train and dev splits only: the test
split is for the report.

The system is ``find_actors`` + ``find_quotes`` on each article's raw text (no cleaning, so
offsets are the gold offsets). Metrics follow BBC Citron's evaluation (``citron/metrics.py``),
adapted:

- *content, token overlap (Citron)* (the headline): Citron's sums, over every (prediction,
  gold) pair, of the content tokens they share, over the summed predicted (P) and gold (R)
  content lengths. Tokens are the spaCy tokens, less whitespace and quotation marks (PolNeAR puts
  the marks inside direct-quote content, dateline leaves them out). *(sets)*: each token once,
  the union of predicted contents against the union of gold contents.
- *content, character overlap*: the same over non-space characters.
- *content exact*: a predicted attribution is correct when its content fragments equal a gold
  attribution's fragments after trimming whitespace, quotation marks and a final ``,.;:`` on
  both sides, or equal the gold envelope (first start to last end). A dateline quote that
  continues the one before it (same speaker, no cue of its own, same or next paragraph: '"A,"
  he said. "B"') is a fragment of that quote's attribution, as in PolNeAR and Citron. Citron
  also requires the cue to overlap; dateline's cue is not always a span (a bare quote paragraph
  has none), so it is not required.
- *source exact / overlap*: for each predicted quote whose content overlaps a gold attribution,
  its speaker span (``speaker_start``/``speaker_end``) against that attribution's source span.
  A quote whose source names no one ('according to reports') has no speaker but keeps the words
  as ``source_start``/``source_end``; PolNeAR marks those words as the source, so they stand for
  the speaker span here.
- *speaker accuracy among matched*: each gold attribution with a source whose content some
  prediction overlaps is matched to the prediction that overlaps it most; the speaker is right
  when the prediction's speaker span overlaps the gold source, or the prediction's speaker actor
  has a mention there (a pronoun resolved to the person the gold source names). A matched
  prediction without a speaker is wrong.

Attribution kinds (from the gold content and cue): *direct* (the content is one quotation),
*partial* (quoted words inside reported speech), *according to*, *reported* (indirect speech
with a verb cue: said, told, argued, believes, shows ...), *other cue* (a noun, a colon, a
preposition: "in an interview", "O'Malley's move"); and, across kinds, contents that *run over
sentences*.

Printed beside Citron's content-span F1 on PARC 3.0 (test): 56.7 exact, 83.2 overlap (Citron's
model card, en_2021-11-15). PARC3 and PolNeAR are different corpora annotated to similar
guidelines (PolNeAR is more complete: it marks more indirect and partial attributions), so
the comparison is indicative, not like for like.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks._data import dataset, skip

PEERS = [("Citron on PARC3 (content span F1, exact)", 0.567), ("Citron on PARC3 (content span F1, overlap)", 0.832)]
KINDS = ("direct", "partial", "according to", "reported", "other cue")

_TRIM = " \t\n\r\xa0\"“”„«»'‘’,.;:"
_MARK_RE = re.compile(r'["“”]|\'\'|``')
_QUOTE_MARKS = set("\"“”„«»'‘’`") | {"''", "``"}


@dataclass
class GoldAttr:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    kind: str = ""
    multi_sentence: bool = False


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


def parse(nlp: Any, docs: list[Doc], cache: str | None, key: str) -> list[Any]:
    """The spaCy parses of ``docs``, from ``cache`` (a folder) when it holds this very set."""
    from spacy.tokens import DocBin

    from dateline.nlp import model_name

    path = Path(cache) / f"polnear-{key}-{model_name(nlp)}.spacy" if cache else None
    if path is not None and path.is_file():
        parsed = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [p.text for p in parsed] == [d.text for d in docs]:
            return parsed
    parsed = list(nlp.pipe([d.text for d in docs], batch_size=8))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=parsed).to_disk(path)
    return parsed


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


class _Tokens:
    """Token indices of character spans (tokens that start inside the span), less whitespace
    and quotation marks."""

    def __init__(self, doc: Any):
        import bisect

        self._bisect = bisect
        self.starts = [t.idx for t in doc]
        self.keep = [not (t.is_space or t.text in _QUOTE_MARKS) for t in doc]

    def of(self, spans) -> set[int]:
        out = set()
        for s, e in spans:
            i = self._bisect.bisect_left(self.starts, s)
            while i < len(self.starts) and self.starts[i] < e:
                if self.keep[i]:
                    out.add(i)
                i += 1
        return out


def gold_kind(text: str, doc: Any, g: GoldAttr, toks: _Tokens) -> str:
    s, e = _envelope(g.content)
    body = text[s:e].strip()
    marks = [m.start() for m in _MARK_RE.finditer(body)]
    if marks:
        core = body.rstrip(".,;:!? ")
        if marks[0] == 0 and len(marks) == 2 and _MARK_RE.search(core[-2:]):
            return "direct"
        return "partial"
    cue = " ".join(text[a:b] for a, b in g.cue).lower().strip()
    if cue.startswith("according"):
        return "according to"
    if any(doc[i].pos_ in ("VERB", "AUX") for i in toks.of(g.cue)):
        return "reported"
    return "other cue"


def _prf2(tp_p: float, npred: float, tp_g: float, ngold: float) -> tuple[float, float, float]:
    p = tp_p / npred if npred else 0.0
    r = tp_g / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _source_span(q: Any) -> tuple[int | None, int | None]:
    """The words the quote is attributed to: its speaker's, else an unnamed source's ('reports')."""
    if getattr(q, "speaker_start", None) is not None:
        return q.speaker_start, q.speaker_end
    return getattr(q, "source_start", None), getattr(q, "source_end", None)


def _speaker_right(art: Any, q: Any, gold_source_chars: set[int], text: str) -> bool:
    s, e = _source_span(q)
    if s is not None and _chars(text, [(s, e)]) & gold_source_chars:
        return True
    if q.speaker:
        actor = next((a for a in art.actors if a.id == q.speaker), None)
        if actor is not None and any(_chars(text, [(m.start, m.end)]) & gold_source_chars for m in actor.mentions):
            return True
    return False


def evaluate(docs: list[Doc], parsed: list[Any]) -> tuple[dict, list]:
    """Run the system on every article and count. Returns (counts, error records)."""
    from dateline.analyse.actors import find_actors
    from dateline.analyse.quotes import find_quotes
    from dateline.article import Article

    c: dict[str, Any] = dict.fromkeys(("cx_tp_p", "cx_tp_g", "npred", "ngold"), 0)
    for k in ("co", "tok", "so"):
        c.update({f"{k}_pred": 0, f"{k}_pred_tp": 0, f"{k}_gold": 0, f"{k}_gold_tp": 0})
    c.update(cit_pred=0, cit_gold=0, cit_ov=0)
    c.update(sx_tp_p=0, sx_tp_g=0, s_pred=0, s_gold=0, spk_matched=0, spk_right=0, secs=0.0)
    by_kind: dict[str, dict[str, float]] = {
        k: dict(n=0, tok=0, tok_tp=0, found=0, matched=0, right=0) for k in (*KINDS, "over sentences")
    }
    by_pred: dict[str, dict[str, float]] = {k: dict(n=0, tok=0, tok_tp=0) for k in ("direct", "indirect")}
    errors: list[tuple] = []
    for d, doc in zip(docs, parsed):
        t0 = time.process_time()
        art = Article(text=d.text)
        find_actors(art, doc)
        find_quotes(art, doc)
        c["secs"] += time.process_time() - t0
        text = d.text
        toks = _Tokens(doc)
        sent_of = {}
        for sent in doc.sents:
            for t in sent:
                sent_of[t.i] = sent.start
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
        c["cx_tp_p"] += sum(1 for k in pred_keys if k in gold_key_set)
        c["cx_tp_g"] += sum(1 for k, (_, span) in zip(gold_keys, golds) if k in pred_keys or (span,) in pred_keys)
        # overlap by characters and by tokens
        gold_chars = _chars(text, [s for g, _ in golds for s in g.content])
        pred_chars = _chars(text, [(q.start, q.end) for q, _ in preds])
        gold_toks = toks.of([s for g, _ in golds for s in g.content])
        pred_tok_sets = [toks.of([(q.start, q.end)]) for q, _ in preds]
        pred_toks = set().union(*pred_tok_sets) if pred_tok_sets else set()
        for k, (g_set, p_set) in (("co", (gold_chars, pred_chars)), ("tok", (gold_toks, pred_toks))):
            c[f"{k}_pred"] += len(p_set)
            c[f"{k}_pred_tp"] += len(p_set & g_set)
            c[f"{k}_gold"] += len(g_set)
            c[f"{k}_gold_tp"] += len(g_set & p_set)
        # Citron's sums: every (prediction, gold) pair's overlap, over the summed lengths
        gold_sets = [toks.of(g.content) for g, _ in golds]
        c["cit_pred"] += sum(len(pt) for pt in pred_tok_sets)
        c["cit_gold"] += sum(len(gt) for gt in gold_sets)
        c["cit_ov"] += sum(len(pt & gt) for pt in pred_tok_sets for gt in gold_sets)
        for (q, _), pt in zip(preds, pred_tok_sets):
            b = by_pred[q.kind]
            b["n"] += 1
            b["tok"] += len(pt)
            b["tok_tp"] += len(pt & gold_toks)
        # sources: pair each prediction with the gold attribution whose content it overlaps most
        gold_tok_sets = [toks.of(g.content) for g, _ in golds]
        matched_gold: dict[int, tuple] = {}
        for (q, _), qt in zip(preds, pred_tok_sets):
            best, best_ov = None, 0
            for k, gt in enumerate(gold_tok_sets):
                ov = len(qt & gt)
                if ov > best_ov:
                    best, best_ov = k, ov
            sspan = _source_span(q)
            has_speaker = sspan[0] is not None
            if has_speaker:
                c["s_pred"] += 1
                c["so_pred"] += len(_chars(text, [sspan]))
            if best is None:
                errors.append(("spurious", d.name, q.kind, q.speaker_text, q.text))
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
            g.kind = gold_kind(text, doc, g, toks)
            g.multi_sentence = len({sent_of[i] for i in gold_tok_sets[k]}) > 1
            overlaps = [(len(pt & gold_tok_sets[k]), j) for j, pt in enumerate(pred_tok_sets)]
            best_ov, best_j = max(overlaps, default=(0, -1))
            covered = gold_tok_sets[k] & pred_toks
            right = None
            if g.source:
                c["s_gold"] += 1
                c["so_gold"] += len(_chars(text, g.source))
                exact, ov = matched_gold.get(k, (False, 0))
                c["sx_tp_g"] += exact
                c["so_gold_tp"] += ov
                if best_ov:
                    right = _speaker_right(art, preds[best_j][0], _chars(text, g.source), text)
                    c["spk_matched"] += 1
                    c["spk_right"] += right
            for kind in (g.kind, "over sentences") if g.multi_sentence else (g.kind,):
                b = by_kind[kind]
                b["n"] += 1
                b["tok"] += len(gold_tok_sets[k])
                b["tok_tp"] += len(covered)
                b["found"] += best_ov > 0
                if right is not None:
                    b["matched"] += 1
                    b["right"] += right
            cue = " ".join(text[a:b] for a, b in g.cue)
            src = " ".join(text[a:b] for a, b in g.source)
            if not best_ov:
                errors.append(("missed", d.name, g.kind, f"{src} | {cue}", text[span[0] : span[1]]))
            elif right is False:
                q = preds[best_j][0]
                errors.append(("speaker", d.name, g.kind, f"gold {src!r} got {q.speaker_text!r}", q.text))
    c["by_kind"] = by_kind
    c["by_pred"] = by_pred
    return c, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        epilog="example: python -m benchmarks.eval_quotes --split dev --cache /tmp/polnear",
    )
    ap.add_argument("--data", help="evaluation data folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N errors of each sort (train and dev only)")
    ap.add_argument("--cache", help="folder for the spaCy parses, reused when the texts and model match")
    args = ap.parse_args(argv)
    if args.errors and args.split == "test":
        ap.error("errors are read on train and dev only; the test split is for the report")

    root = dataset("polnear", args.data)
    if root is None:
        skip("PolNeAR not found (give --data or set DATELINE_EVAL_DATA)")
    docs = load(root, args.split, args.limit)
    if not docs:
        skip(f"no PolNeAR articles in split {args.split}")

    from dateline.nlp import load_model, model_name

    nlp = load_model()
    t0 = time.perf_counter()
    parsed = parse(nlp, docs, args.cache, f"{args.split}-{args.limit or 'all'}")
    c, errors = evaluate(docs, parsed)
    secs = time.perf_counter() - t0

    tok = _prf2(c["tok_pred_tp"], c["tok_pred"], c["tok_gold_tp"], c["tok_gold"])
    cit = _prf2(c["cit_ov"], c["cit_pred"], c["cit_ov"], c["cit_gold"])
    co = _prf2(c["co_pred_tp"], c["co_pred"], c["co_gold_tp"], c["co_gold"])
    cx = _prf2(c["cx_tp_p"], c["npred"], c["cx_tp_g"], c["ngold"])
    sx = _prf2(c["sx_tp_p"], c["s_pred"], c["sx_tp_g"], c["s_gold"])
    so = _prf2(c["so_pred_tp"], c["so_pred"], c["so_gold_tp"], c["so_gold"])
    print(
        f"PolNeAR {args.split}: {len(docs)} articles, {c['ngold']} gold attributions, "
        f"{c['npred']} predicted quotes ({model_name(nlp)}, {secs:.1f}s; actors+quotes "
        f"{1000 * c['secs'] / len(docs):.1f} CPU ms/article)"
    )
    print(f"{'':34}{'P':>7}{'R':>7}{'F1':>7}")
    for label, (p, r, f) in (
        ("content, token overlap (Citron)", cit),
        ("content, token overlap (sets)", tok),
        ("content, character overlap", co),
        ("content, exact", cx),
        ("source span, exact", sx),
        ("source span, overlap", so),
    ):
        print(f"{label:34}{p:7.3f}{r:7.3f}{f:7.3f}")
    acc = c["spk_right"] / c["spk_matched"] if c["spk_matched"] else 0.0
    print(f"speaker accuracy among matched    {acc:7.3f}  ({c['spk_right']}/{c['spk_matched']})")
    print("\nby gold attribution kind     n  token R  found  speaker acc")
    for kind, b in c["by_kind"].items():
        r = b["tok_tp"] / b["tok"] if b["tok"] else 0.0
        found = b["found"] / b["n"] if b["n"] else 0.0
        sa = f"{b['right'] / b['matched']:.3f}" if b["matched"] else "  -  "
        print(f"  {kind:22}{b['n']:6}{r:9.3f}{found:7.3f}  {sa:>11}")
    print("by predicted kind            n  token P")
    for kind, b in c["by_pred"].items():
        p = b["tok_tp"] / b["tok"] if b["tok"] else 0.0
        print(f"  {kind:22}{b['n']:6}{p:9.3f}")
    print("peers:")
    for name, value in PEERS:
        print(f"  {name:48}{value:7.3f}")
    if args.errors:
        for sort in ("missed", "spurious", "speaker"):
            rows = [e for e in errors if e[0] == sort]
            print(f"\n{sort} ({len(rows)}):")
            for _, name, kind, who, t in rows[: args.errors]:
                print(f"  [{name[:36]}] {kind} {who}: {t[:140]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
