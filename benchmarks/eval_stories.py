"""Story clustering on ECB+: B-cubed precision, recall and F1 of dateline's story linking.

ECB+ (Cybulska & Vossen, LREC 2014) holds 982 news articles from many outlets in 43 topics,
each topic with two seminal events: 86 gold clusters of articles reporting the same event.
Every article goes through the real ingest path (cleaning, MinHash signature, LSH lookup in a
temporary SQLite store, story assignment) without NLP analysis; the predicted cluster of an
article is its stored story. A rejected article counts as a singleton.

Note what is measured: dateline's stories are *copies of one text* (syndication), while ECB+
clusters are *different reports of one event*. Precision says whether linking ever joins
reports of different events; recall says how much of same-event coverage happens to be
near-duplicate text. The threshold sweep (in-memory linker, same signatures and rule) shows
the trade-off.

    python -m benchmarks.eval_stories [--data DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from benchmarks._data import dataset, skip

NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)$", re.I)


def detokenise(tokens: list[str]) -> str:
    out = ""
    for tok in tokens:
        if out and not NO_SPACE_BEFORE.match(tok) and not out.endswith(("(", "[", "{", "$", "\n")):
            out += " "
        out += tok
    return out


def load(root: Path) -> list[dict]:
    docs = []
    for path in sorted((root / "ECB+_LREC2014" / "ECB+").glob("*/*.xml")):
        topic = path.parent.name
        plus = path.name.endswith("ecbplus.xml")
        sentences: dict[int, list[str]] = {}
        for tok in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
        url = None
        if plus and 0 in sentences:  # ecbplus documents carry their source URL as sentence 0
            url = "".join(sentences.pop(0))
        text = "\n\n".join(detokenise(sentences[k]) for k in sorted(sentences))
        docs.append({"id": path.name, "text": text, "url": url,
                     "gold": f"{topic}{'ecbplus' if plus else 'ecb'}"})
    return docs


def store_clusters(docs: list[dict]) -> tuple[dict[str, str], dict]:
    """Run the real ingest path into a temporary SQLite store; returns doc -> story id."""
    import sqlalchemy as sa

    from dateline.ingest import ingest
    from dateline.read import RawInput
    from dateline.store import Store
    from dateline.store import schema as S

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/ecbplus.db"
        items = [RawInput(text=d["text"], origin=d["id"]) for d in docs]
        summary = ingest(items=items, db=url, analyse=False)
        with Store.open(url) as store, store.engine.connect() as conn:
            rows = conn.execute(sa.select(S.sources.c.path, S.sources.c.story_id)).all()
    pred = {r.path: r.story_id for r in rows}
    for d in docs:  # rejected inputs are singletons
        pred.setdefault(d["id"], "rejected:" + d["id"])
    return pred, summary.to_dict()


def sweep(docs: list[dict], thresholds: list[float]) -> list[tuple[float, tuple[float, float, float], int]]:
    from dateline import dedupe

    gold = {d["id"]: d["gold"] for d in docs}
    out = []
    for t in thresholds:
        linker = dedupe.StoryLinker(dedupe.Params(threshold=t))
        pred = {d["id"]: linker.add(d["id"], d["text"]) for d in docs}
        out.append((t, dedupe.bcubed(pred, gold), len(set(pred.values()))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", help="the eval folder or the ecbplus folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--no-sweep", action="store_true", help="skip the threshold sweep")
    args = ap.parse_args(argv)
    root = dataset("ecbplus", args.data)
    if root is None:
        skip("ECB+ not found (give --data or set DATELINE_EVAL_DATA)")
    from dateline import dedupe

    docs = load(root)
    gold = {d["id"]: d["gold"] for d in docs}
    print(f"ECB+: {len(docs)} articles in {len(set(gold.values()))} gold same-event clusters")
    print(f"command: {' '.join(['python -m benchmarks.eval_stories'] + (argv if argv is not None else sys.argv[1:]))}")
    start = time.monotonic()
    pred, summary = store_clusters(docs)
    p, r, f = dedupe.bcubed(pred, gold)
    print(f"store story linking ({dedupe.DEFAULT.key()}), {time.monotonic() - start:.1f}s, "
          f"{summary['stored']} stored, {summary['duplicates']} identical, {sum(summary['rejected'].values())} rejected: "
          f"{len(set(pred.values()))} stories")
    print(f"  B-cubed precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    singles = {d: d for d in gold}
    sp, sr, sf = dedupe.bcubed(singles, gold)
    print(f"  baseline all-singletons: precision {sp:.3f}  recall {sr:.3f}  F1 {sf:.3f}")
    if not args.no_sweep:
        print("threshold sweep (in-memory linker, same signatures and rule):")
        print("  threshold  precision  recall  F1     clusters")
        for t, (tp, tr, tf), n in sweep(docs, [0.1, 0.2, 0.3, 0.5, 0.7]):
            print(f"  {t:<9.2f}  {tp:<9.3f}  {tr:<6.3f}  {tf:<6.3f} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
