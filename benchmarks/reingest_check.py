"""Issue #21's data-engineer walk-through on real articles, through the command line only.

30 PolNeAR development articles (``../shared/eval/polnear``: the texts are read there at run time,
their publication dates and publishers from its metadata.tsv; the URLs are made up) are:

1. ingested bare (``{"text"}`` lines), then again with ``published`` and ``url``, into store A;
2. ingested with ``published`` and ``url`` the first time, into store B;

and the script prints what a data engineer would check: articles without a date, undated events,
events in the commonest month by ``dateline events --since/--until``, whether A and B hold the same
rows (all tables, the times rows were written left out), the ids of ``export --format gdelt`` and
``events --format gdelt``, the GDELT rows' internal consistency, and the Parquet rows of two exports
into one folder. It drives ``python -m dateline`` from ``--src`` (default: this checkout), so the
same run measures an older checkout: ``--src /path/to/old/src``.

    python -m benchmarks.reingest_check [--n 30] [--src src] [--out /tmp/reingest]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMESTAMPS = {"ingested_at", "first_seen", "created_at", "seen_at"}


def eval_dir() -> Path:
    env = os.environ.get("DATELINE_EVAL_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "eval"


def corpus(n: int) -> list[dict]:
    base = eval_dir() / "polnear" / "data"
    meta = {}
    with (base / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    out = []
    for path in sorted((base / "dev" / "text").glob("*.txt"))[:n]:
        m = meta.get(path.stem, {})
        out.append(
            {
                "text": path.read_text(encoding="utf-8"),
                "published": m.get("publication_date"),
                "url": f"https://{m.get('publisher', 'news')}.example/{path.stem}",
            }
        )
    return out


def run(src: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(src))
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, env=env)


def table_rows(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db)
    tables = [
        r[0]
        for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'")
        if r[0] not in ("alembic_version", "sqlite_sequence")
    ]
    out = {}
    for t in tables:
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in TIMESTAMPS]
        if t == "sources":
            cols = [c for c in cols if c != "id"]
        out[t] = sorted((tuple(r) for r in con.execute(f"SELECT {', '.join(cols)} FROM {t}")), key=repr)
    con.close()
    return out


def stats(db: Path) -> dict:
    con = sqlite3.connect(db)
    q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    out = {
        "articles": q("SELECT count(*) FROM articles"),
        "articles without a date": q("SELECT count(*) FROM articles WHERE published_date IS NULL"),
        "events": q("SELECT count(*) FROM events"),
        "undated events": q("SELECT count(*) FROM events WHERE date IS NULL"),
    }
    con.close()
    return out


def events_in(src: Path, db: Path, month: str) -> int:
    r = run(src, "events", "--db", str(db), "--since", month, "--until", month, "--format", "json", "--limit", "10000")
    return len([x for x in r.stdout.splitlines() if x.strip()])


QUAD = {f"{r:02d}": str(1 if r <= 4 else 2 if r <= 8 else 3 if r <= 13 else 4) for r in range(1, 21)}


def gdelt_check(lines: list[str], db: Path) -> dict:
    """Rows, unique ids, rows whose QuadClass disagrees with the CAMEO root, Num* all 1, ADM1 empty."""
    rows = [x.split("\t") for x in lines if x and not x.startswith("GLOBALEVENTID")]
    ids = collections.Counter(r[0] for r in rows)
    return {
        "rows": len(rows),
        "duplicate ids": sum(n - 1 for n in ids.values() if n > 1),
        "QuadClass != CAMEO root's": sum(1 for r in rows if r[26][:2] in QUAD and r[29] != QUAD[r[26][:2]]),
        "rows with NumArticles > 1": sum(1 for r in rows if r[33].isdigit() and int(r[33]) > 1),
        "placed rows without ADM1": sum(1 for r in rows if r[52] and not r[54]),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--src", type=Path, default=ROOT / "src")
    ap.add_argument("--out", type=Path, default=None, help="working folder (default: a temporary one)")
    args = ap.parse_args(argv)
    if not (eval_dir() / "polnear").is_dir():
        print("polnear is not in the evaluation data folder; nothing to do", file=sys.stderr)
        return 0
    work = args.out or Path(tempfile.mkdtemp(prefix="reingest-"))
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    recs = corpus(args.n)
    batch = work / "corpus.jsonl"
    a, b = work / "a.db", work / "b.db"

    def write(records):
        batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    print(f"{len(recs)} PolNeAR dev articles, dateline from {args.src}")
    write([{"text": r["text"]} for r in recs])
    print("A1 bare:   ", run(args.src, "ingest", str(batch), "--db", str(a)).stderr.strip().splitlines()[-1])
    print("           ", stats(a))
    write(recs)
    print("A2 dated:  ", run(args.src, "ingest", str(batch), "--db", str(a)).stderr.strip().splitlines()[-1])
    print("           ", stats(a))
    print("B  dated:  ", run(args.src, "ingest", str(batch), "--db", str(b)).stderr.strip().splitlines()[-1])
    print("           ", stats(b))
    months = collections.Counter((r["published"] or "")[:7] for r in recs)
    month = months.most_common(1)[0][0]
    print(
        f"events --since {month} --until {month}: A {events_in(args.src, a, month)}, B {events_in(args.src, b, month)}"
    )
    ta, tb = table_rows(a), table_rows(b)
    differ = {t: (len(ta.get(t, [])), len(tb[t])) for t in tb if ta.get(t) != tb[t]}
    print("A == B (every table, times of writing aside):", "yes" if not differ else f"no: {differ}")

    r = run(args.src, "export", "--db", str(b), "--format", "gdelt", "--header", str(work / "all.tsv"))
    if r.returncode:  # an older checkout without --header
        run(args.src, "export", "--db", str(b), "--format", "gdelt", str(work / "all.tsv"))
    lines = (work / "all.tsv").read_text(encoding="utf-8").splitlines()
    print("export --format gdelt:", gdelt_check(lines, b), "header:", lines[0].startswith("GLOBALEVENTID"))
    by_id = {x.split("\t")[0]: x for x in lines}
    same = total = 0
    for etype in ("ACCUSE", "CONSULT", "ASSAULT"):
        r = run(args.src, "events", "--db", str(b), "--type", etype, "--format", "gdelt", "--limit", "10000")
        for x in r.stdout.splitlines():
            if x.strip() and not x.startswith("GLOBALEVENTID"):
                total += 1
                same += by_id.get(x.split("\t")[0]) == x
    print(
        f"events --type ACCUSE|CONSULT|ASSAULT --format gdelt: {same} of {total} rows identical (same id) in the export"
    )

    import pyarrow.dataset as ds

    pq = work / "pq"
    run(args.src, "export", "--db", str(a), "--format", "parquet", str(pq))
    run(args.src, "export", "--db", str(b), "--format", "parquet", str(pq))
    n = ds.dataset(pq / "events", format="parquet", partitioning="hive").count_rows()
    print(f"two Parquet exports into one folder: {n} event rows for a store of {stats(b)['events']} events")
    for q in ("the", "débat", "Clinton"):
        r = run(args.src, "search", q, "--db", str(b), "--format", "json", "--limit", "100")
        print(f"search {q!r}: {len([x for x in r.stdout.splitlines() if x.strip()])} hits")
    print(f"(working folder: {work})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
