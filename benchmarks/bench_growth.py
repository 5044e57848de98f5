"""How ingest and query costs grow with the corpus: 1k, 5k and 20k articles (full analysis).

The corpus is generated at run time from the public evaluation texts (``benchmarks/corpus.py``:
PolNeAR and ECB+ paragraphs recombined into distinct articles under hand-written outlet
furniture, 10% true syndicated copies) into a temporary folder; nothing is kept. The corpus of
size n is the first n articles of the largest one (the generator is sequential).

Reported:
* at ``--compare`` articles (default 5,000): ingest throughput with 1 and 2 local worker
  processes and a Dask LocalCluster of 2 workers (``--dask local:2``);
* for each size, with 2 local workers: throughput (overall, including start-up, and steady,
  between the first and the last stored article, and per window of the run as the store
  grows), peak memory (RSS high-water mark) of each worker process, store size on disk, event
  query latency (p50/p95 over ``--queries`` mixed filters of ``Store.events``, and of
  ``dateline.query.events`` filtered by a person or a country as participant, the call the CLI,
  the API and the page make) and full-text search latency;
* a plot (``--plot``, default docs/img/growth.png) and the growth order of each measure
  (the exponent b of a fit cost ~ n^b).

    python -m benchmarks.bench_growth [--sizes 1000,5000,20000] [--compare 5000] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLOVER = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


class PeakMemory:
    """Polls the RSS high-water mark (VmHWM) of this process's descendants (the workers)."""

    def __init__(self, every: float = 0.5):
        self.every = every
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    with open(f"/proc/{child.pid}/status") as fh:
                        for line in fh:
                            if line.startswith("VmHWM:"):
                                kb = int(line.split()[1])
                                self.peak[child.pid] = max(self.peak.get(child.pid, 0), kb * 1024)
                except (OSError, ValueError):
                    pass
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def workers(self, min_bytes: int = 200 * 2**20) -> list[int]:
        """Peaks of processes that loaded the model (smaller ones are helpers: resource tracker...)."""
        return sorted((v for v in self.peak.values() if v >= min_bytes), reverse=True)


def _self_peak_mb() -> int:
    """This process's RSS high-water mark (1 worker: the analysis runs in this process)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def store_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def run_ingest(files: list[Path], db: Path, *, workers: int = 2, dask: str | None = None, batch_size: int = 8) -> dict:
    from dateline.ingest import ingest

    stamps: list[float] = []
    start = time.monotonic()
    with PeakMemory() as mem:
        if dask:
            from dateline.ingest_dask import ingest_dask

            summary = ingest_dask(
                files,
                db=f"sqlite:///{db}",
                dask=dask,
                batch_size=batch_size,
                on_result=lambda o: stamps.append(time.monotonic()),
            )
        else:
            summary = ingest(
                files,
                db=f"sqlite:///{db}",
                workers=workers,
                batch_size=batch_size,
                on_result=lambda o: stamps.append(time.monotonic()),
            )
    wall = time.monotonic() - start
    n = len(stamps)
    steady = (n - 1) / (stamps[-1] - stamps[0]) if n > 1 and stamps[-1] > stamps[0] else 0.0
    # Rate per tenth of the run: does the per-article cost grow as the store fills?
    windows = []
    step = max(1, n // 10)
    for i in range(0, n - step, step):
        dtw = stamps[i + step] - stamps[i]
        windows.append({"at": i + step, "rate": step / dtw if dtw > 0 else 0.0})
    return {
        "articles": len(files),
        "stored": summary.stored,
        "linked": summary.linked,
        "duplicates": summary.duplicates,
        "rejected": summary.n_rejected,
        "wall_s": round(wall, 1),
        "overall_rate": round(len(files) / wall, 3),
        "steady_rate": round(steady, 3),
        "first_result_s": round(stamps[0] - start, 1) if stamps else None,
        "windows": windows,
        "worker_peak_rss_mb": [round(v / 2**20) for v in mem.workers()] or [_self_peak_mb()],
        "load_avg": os.getloadavg()[0],
        "writer_s_per_article": (
            round(summary.writer_seconds / max(1, summary.inputs), 4) if hasattr(summary, "writer_seconds") else None
        ),
    }


def query_latency(db: Path, n_queries: int, seed: int = 7) -> dict:
    import sqlalchemy as sa

    from dateline import query
    from dateline.store import Store

    rng = random.Random(seed)
    with Store.open(f"sqlite:///{db}") as store:
        with store.engine.connect() as conn:
            countries = [
                r[0]
                for r in conn.execute(
                    sa.text(
                        "SELECT country FROM events WHERE country IS NOT NULL GROUP BY country ORDER BY count(*) DESC "
                        "LIMIT 20"
                    )
                )
            ]
            people = [
                r[0]
                for r in conn.execute(
                    sa.text(
                        "SELECT name FROM actors WHERE kind = 'person' GROUP BY name ORDER BY count(*) DESC LIMIT 50"
                    )
                )
            ]
            texts = [r[0] for r in conn.execute(sa.text("SELECT headline FROM articles ORDER BY id LIMIT 500"))]
        words = sorted({w for t in texts if t for w in t.split() if w.isalpha() and len(w) > 4})
        months = [f"2016-{m:02d}" for m in range(1, 13)]
        ev, fts, user = [], [], []
        for i in range(n_queries):
            kind = i % 4
            kw: dict = {"limit": 100}
            if kind == 0:
                kw["type"] = rng.choice(PLOVER)
            elif kind == 1 and countries:
                kw["country"] = rng.choice(countries)
            elif kind == 2:
                m = rng.choice(months)
                kw.update(since=f"{m}-01", until=f"{m}-28", type=rng.choice(PLOVER))
            else:
                kw["min_sources"] = 2
            t = time.perf_counter()
            store.events(**kw)
            ev.append((time.perf_counter() - t) * 1000)
            # what the CLI, the API and the page run: dateline.query.events, records built for
            # display, half of them filtered by a person's name or a country as participant
            qkw: dict = {"limit": 100}
            if i % 2 == 0 and people:
                qkw["actor"] = rng.choice(people)
            elif countries:
                qkw["actor"] = rng.choice(countries)
            t = time.perf_counter()
            query.events(store, **qkw)
            user.append((time.perf_counter() - t) * 1000)
            terms = " ".join(rng.sample(words, 2)) if len(words) >= 2 else "election"
            t = time.perf_counter()
            store.search(terms)
            fts.append((time.perf_counter() - t) * 1000)
        counts = store.counts()
    return {
        "event_p50_ms": round(percentile(ev, 0.5), 2),
        "event_p95_ms": round(percentile(ev, 0.95), 2),
        "actor_query_p50_ms": round(percentile(user, 0.5), 2),
        "actor_query_p95_ms": round(percentile(user, 0.95), 2),
        "search_p50_ms": round(percentile(fts, 0.5), 2),
        "search_p95_ms": round(percentile(fts, 0.95), 2),
        "queries": n_queries,
        "events": counts.get("events"),
        "event_mentions": counts.get("event_mentions"),
        "stories": counts.get("stories"),
    }


def growth_order(sizes: list[int], values: list[float]) -> float | None:
    """b in value ~ size^b (least squares on logs)."""
    pts = [(math.log(s), math.log(v)) for s, v in zip(sizes, values) if v and v > 0]
    if len(pts) < 2:
        return None
    mx = statistics.fmean(p[0] for p in pts)
    my = statistics.fmean(p[1] for p in pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def plot(results: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["articles"] for r in results]
    fig, axes = plt.subplots(2, 2, figsize=(10, 7))
    ax = axes[0][0]
    ax.plot(sizes, [r["steady_rate"] for r in results], "o-", label="steady")
    ax.plot(sizes, [r["overall_rate"] for r in results], "s--", label="overall (with start-up)")
    for r in results:  # the rate as the store fills, within the largest run
        if r is results[-1] and r["windows"]:
            ax.plot(
                [w["at"] for w in r["windows"]],
                [w["rate"] for w in r["windows"]],
                ":",
                alpha=0.7,
                label=f"per tenth of the {r['articles']:,} run",
            )
    ax.set(xscale="log", xlabel="articles", ylabel="articles/s", title="ingest throughput (2 workers)")
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=7)
    ax = axes[0][1]
    ax.plot(sizes, [max(r["worker_peak_rss_mb"] or [0]) for r in results], "o-")
    ax.set(xscale="log", xlabel="articles", ylabel="MB", title="peak RSS per worker (max)")
    ax.set_ylim(bottom=0)
    ax = axes[1][0]
    ax.plot(sizes, [r["store_mb"] for r in results], "o-")
    ax.set(xscale="log", yscale="log", xlabel="articles", ylabel="MB", title="store size on disk (SQLite)")
    ax = axes[1][1]
    for key, label in (
        ("event_p50_ms", "events p50"),
        ("event_p95_ms", "events p95"),
        ("actor_query_p95_ms", "query.events by actor p95"),
        ("search_p50_ms", "full text p50"),
        ("search_p95_ms", "full text p95"),
    ):
        if all(key in r for r in results):  # runs before the actor queries existed lack them
            ax.plot(sizes, [r[key] for r in results], "o-", label=label)
    ax.axhline(100, color="grey", lw=0.8, ls="--")
    ax.set(xscale="log", xlabel="articles", ylabel="ms", title="query latency")
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=7)
    fig.suptitle(f"dateline growth benchmark ({os.cpu_count()} CPUs)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def markdown(out: dict) -> str:
    """The results as Markdown tables (for docs/scale.md)."""
    lines = []
    if out.get("compare"):
        n = out["compare"][0]["articles"]
        lines += [
            f"Ingest throughput at {n:,} articles:",
            "",
            "| configuration | overall articles/s (with start-up) | steady articles/s | wall s |"
            " peak RSS per worker MB |",
            "|---|---|---|---|---|",
        ]
        for r in out["compare"]:
            lines.append(
                f"| {r['config']} | {r['overall_rate']:.2f} | {r['steady_rate']:.2f} | {r['wall_s']:.0f} | "
                f"{', '.join(map(str, r['worker_peak_rss_mb']))} |"
            )
        lines.append("")
    if out.get("sizes"):
        lines += [
            "With 2 local worker processes, by corpus size:",
            "",
            "| articles | overall /s | steady /s | syndicated copies linked / in corpus | peak RSS per worker MB | "
            "store MB | KB per article | events p50 / p95 ms | by actor p50 / p95 ms | full text p50 / p95 ms |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in out["sizes"]:
            lines.append(
                f"| {r['articles']:,} | {r['overall_rate']:.2f} | {r['steady_rate']:.2f} | "
                f"{r['linked']} / {r['copies_in_corpus']} | {', '.join(map(str, r['worker_peak_rss_mb']))} | "
                f"{r['store_mb']} | {r['store_mb'] * 1000 / r['articles']:.1f} | "
                f"{r['event_p50_ms']} / {r['event_p95_ms']} | "
                f"{r.get('actor_query_p50_ms', '-')} / {r.get('actor_query_p95_ms', '-')} | "
                f"{r['search_p50_ms']} / {r['search_p95_ms']} |"
            )
        lines.append("")
        big = out["sizes"][-1]
        if big.get("windows"):
            lines += [
                f"Steady rate per tenth of the {big['articles']:,}-article run (articles/s, as the store fills): "
                + ", ".join(f"{w['rate']:.2f}" for w in big["windows"]),
                "",
            ]
    if out.get("order"):
        lines.append(
            "Growth order (b in cost ~ n^b, fitted over the sizes run): "
            + ", ".join(f"{k.replace('_', ' ')} {v:.2f}" for k, v in out["order"].items() if v is not None)
            + f"; steady throughput change from the smallest to the largest size "
            f"{out.get('throughput_change', 0):+.1%}."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from benchmarks.corpus import generate

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000,20000", help="corpus sizes, comma-separated")
    ap.add_argument(
        "--compare",
        type=int,
        default=5000,
        help="size at which 1 and 2 local workers and Dask local:2 are compared (0: skip)",
    )
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--data", help="the eval folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--plot", default=str(ROOT / "docs" / "img" / "growth.png"), help="plot image ('' for none)")
    ap.add_argument("--tmp", help="folder for the corpus and stores (default: a temporary folder)")
    ap.add_argument("--keep", metavar="DIR", help="move each size's store here instead of deleting it")
    ap.add_argument("--report", metavar="JSON", help="print the Markdown tables of an earlier --json run and exit")
    args = ap.parse_args(argv)
    if args.report:
        print(markdown(json.loads(Path(args.report).read_text(encoding="utf-8"))))
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    print(f"command: python -m benchmarks.bench_growth {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print(f"machine: {os.cpu_count()} CPU(s); load average {os.getloadavg()[0]:.2f} at start", flush=True)
    out: dict = {"sizes": [], "compare": [], "cpus": os.cpu_count()}

    def save() -> None:
        if args.json:
            Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")

    def finish() -> None:
        res = sorted(out["sizes"], key=lambda x: x["articles"])
        ns = [r["articles"] for r in res]
        if len(res) >= 2:
            first, last = res[0], res[-1]
            change = last["steady_rate"] / first["steady_rate"] - 1 if first["steady_rate"] else float("nan")
            out["throughput_change"] = round(change, 3)
            out["order"] = {
                "ingest_time": growth_order(ns, [r["articles"] / r["steady_rate"] for r in res if r["steady_rate"]]),
                "store_size": growth_order(ns, [r["store_mb"] for r in res]),
                "event_p95": growth_order(ns, [r["event_p95_ms"] for r in res]),
                "actor_query_p95": growth_order(ns, [r["actor_query_p95_ms"] for r in res]),
                "search_p95": growth_order(ns, [r["search_p95_ms"] for r in res]),
                "worker_peak_rss": growth_order(ns, [max(r["worker_peak_rss_mb"] or [0]) for r in res]),
            }
            print(f"steady throughput {first['articles']} -> {last['articles']}: {change:+.1%}")
            print(
                "growth order (cost ~ n^b): "
                + ", ".join(f"{k} b={v:.2f}" for k, v in out["order"].items() if v is not None)
            )
        save()
        if args.plot and res:
            try:
                plot(res, Path(args.plot))
                print(f"plot: {args.plot}")
            except ImportError:
                print("plot skipped: pip install 'dateline[bench]' (matplotlib)")

    if args.tmp:
        Path(args.tmp).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        tmp = Path(tmp)
        biggest = max(sizes + [args.compare])
        manifest = generate(tmp / "corpus", biggest, data=args.data)
        files = [tmp / "corpus" / f["file"] for f in manifest["files"]]
        print(
            f"corpus: {biggest} articles, {manifest['copies']} syndicated copies, "
            f"{manifest['bytes'] / 1e6:.1f} MB, from {manifest['sources']} source texts",
            flush=True,
        )

        def copies_in(n: int) -> int:
            return sum(1 for f in manifest["files"][:n] if f["kind"] == "copy")

        for n in sizes:
            db = tmp / f"growth-{n}.db"
            r = run_ingest(files[:n], db, workers=2, batch_size=args.batch_size)
            r["store_mb"] = round(store_bytes(db) / 1e6, 1)
            r.update(query_latency(db, args.queries))
            r["copies_in_corpus"] = copies_in(n)
            out["sizes"].append(r)
            out["sizes"].sort(key=lambda x: x["articles"])
            print(
                f"[size {n}] {r['overall_rate']:.2f}/s overall, {r['steady_rate']:.2f}/s steady; "
                f"linked {r['linked']} (copies in corpus {r['copies_in_corpus']}); peak RSS/worker "
                f"{r['worker_peak_rss_mb']} MB; store {r['store_mb']} MB; events p50/p95 "
                f"{r['event_p50_ms']}/{r['event_p95_ms']} ms; by actor p50/p95 {r['actor_query_p50_ms']}/"
                f"{r['actor_query_p95_ms']} ms; search p50/p95 {r['search_p50_ms']}/"
                f"{r['search_p95_ms']} ms; load {r['load_avg']:.1f}",
                flush=True,
            )
            save()
            for p in tmp.glob(db.name + "*"):
                if p.is_file():
                    if args.keep:
                        Path(args.keep).mkdir(parents=True, exist_ok=True)
                        shutil.move(p, Path(args.keep) / p.name)
                    else:
                        p.unlink()

        finish()  # the growth report does not wait for the comparison
        if args.compare:  # after the growth runs: 2 local workers at that size is reused from them
            n = args.compare
            for label, kw in (
                ("local 2 workers", {"workers": 2}),
                ("local 1 worker", {"workers": 1}),
                ("dask local:2", {"dask": "local:2"}),
            ):
                same = [r for r in out["sizes"] if r["articles"] == n]
                if label == "local 2 workers" and same:
                    out["compare"].append(dict(same[0], config=label))
                    continue
                db = tmp / f"cmp-{label.replace(' ', '-').replace(':', '')}.db"
                r = run_ingest(files[:n], db, batch_size=args.batch_size, **kw)
                r["config"] = label
                r["store_mb"] = round(store_bytes(db) / 1e6, 1)
                out["compare"].append(r)
                print(
                    f"[compare {n}] {label}: {r['overall_rate']:.2f}/s overall, {r['steady_rate']:.2f}/s steady, "
                    f"{r['wall_s']}s wall, peak RSS/worker {r['worker_peak_rss_mb']} MB, load {r['load_avg']:.1f}, "
                    f"writer {r['writer_s_per_article']} s/article",
                    flush=True,
                )
                save()
                for p in tmp.glob(db.name + "*"):
                    if p.is_file():
                        p.unlink()
    finish()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
