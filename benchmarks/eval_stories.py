"""Story clustering on ECB+: B-cubed precision, recall and F1 of dateline's story linking and
same-event coverage clusters.

ECB+ (Cybulska & Vossen, LREC 2014) holds 982 news articles from many outlets in 43 topics,
each topic with two seminal events: 86 gold clusters of articles reporting the same event.
Every article goes through the real ingest path (cleaning, MinHash signature, LSH lookup in a
temporary SQLite store, story assignment) without NLP analysis; the predicted cluster of an
article is its stored story. A rejected article counts as a singleton.

Two levels are measured. *Stories* are copies of one text (syndication; MinHash over word
4-grams, Jaccard >= 0.5): ECB+ clusters are different reports of one event, so story linking
should keep precision near 1 and cannot reach much recall. *Coverage clusters* join different
reports of the same event (MinHash over the names a report mentions, Jaccard >= 0.15, within 3
days when dated): that is what ECB+ gold measures. Its threshold was chosen on topics 1-22
(dev) and the figure to quote is topics 23-45 (test); the sweep shows the trade-off.

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

# Quality gates: lowering a floor is a deliberate, reviewed change.
FLOORS = {("stories (copies)", "all", "P"): 0.99, ("coverage clusters (same event)", "test (topics 23-45)", "F1"): 0.78}

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
        docs.append({"id": path.name, "text": text, "url": url, "gold": f"{topic}{'ecbplus' if plus else 'ecb'}"})
    return docs


def store_clusters(docs: list[dict]) -> tuple[dict[str, str], dict[str, str], dict]:
    """Run the real ingest path into a temporary SQLite store; returns doc -> story, doc -> cluster."""
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
            rows = conn.execute(
                sa.select(S.sources.c.path, S.sources.c.story_id, S.articles.c.cluster_id).join(
                    S.articles, S.articles.c.id == S.sources.c.article_id
                )
            ).all()
    story = {r.path: r.story_id for r in rows}
    cluster = {r.path: r.cluster_id for r in rows}
    for d in docs:  # rejected inputs are singletons
        story.setdefault(d["id"], "rejected:" + d["id"])
        cluster.setdefault(d["id"], "rejected:" + d["id"])
    return story, cluster, summary.to_dict()


def sweep(docs: list[dict], params: list) -> list[tuple[object, tuple[float, float, float], int]]:
    from dateline import dedupe

    gold = {d["id"]: d["gold"] for d in docs}
    out = []
    for p in params:
        linker = dedupe.StoryLinker(p)
        pred = {d["id"]: linker.add(d["id"], d["text"]) for d in docs}
        out.append((p, dedupe.bcubed(pred, gold), len(set(pred.values()))))
    return out


def _topic(doc_id: str) -> int:
    return int(doc_id.split("_")[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--data", help="the eval folder or the ecbplus folder (default $DATELINE_EVAL_DATA or ../shared/eval)"
    )
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
    story, cluster, summary = store_clusters(docs)
    print(
        f"ingest (clean, sign, link; no NLP) into SQLite: {time.monotonic() - start:.1f}s, "
        f"{summary['stored']} stored, {summary['duplicates']} identical texts, "
        f"{sum(summary['rejected'].values())} rejected"
    )
    parts = {
        "all": gold,
        "dev (topics 1-22)": {k: v for k, v in gold.items() if _topic(k) <= 22},
        "test (topics 23-45)": {k: v for k, v in gold.items() if _topic(k) > 22},
    }
    print(f"  {'':34} {'part':20} {'P':>6} {'R':>6} {'F1':>6} {'clusters':>8}")
    scores = {}
    for label, pred in (
        ("stories (copies)", story),
        ("coverage clusters (same event)", cluster),
        ("baseline: all singletons", {d: d for d in gold}),
    ):
        for part, g in parts.items():
            p, r, f = dedupe.bcubed(pred, g)
            scores.update({(label, part.split(" (")[0] if part == "all" else part, "P"): p, (label, part, "F1"): f})
            n = len({pred[k] for k in g})
            print(f"  {label:34} {part:20} {p:6.3f} {r:6.3f} {f:6.3f} {n:8d}")
    print(f"  stories: {dedupe.DEFAULT.key()}")
    print(f"  coverage: {dedupe.COVERAGE.key()}")
    failed = [f"{k[0]} {k[1]} {k[2]} {scores[k]:.3f} < floor {v}" for k, v in FLOORS.items() if scores[k] < v]
    for line in failed:
        print(f"BELOW FLOOR: {line}")
    if not args.no_sweep:
        print("threshold sweep (in-memory linker, same signatures and rule, no date window), all topics:")
        print("  features   threshold  P      R      F1     clusters")
        grid = [dedupe.Params(threshold=t) for t in (0.2, 0.5, 0.7)] + [
            dedupe.Params(threshold=t, features="names") for t in (0.1, 0.12, 0.15, 0.2, 0.3)
        ]
        for prm, (tp, tr, tf), n in sweep(docs, grid):
            print(f"  {prm.features:10} {prm.threshold:<9.2f}  {tp:.3f}  {tr:.3f}  {tf:.3f}  {n}")
    if failed:
        return 1
    print("floors: ok (" + ", ".join(f"{' '.join(k)} >= {v}" for k, v in FLOORS.items()) + ")")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
