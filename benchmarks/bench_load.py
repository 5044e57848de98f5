"""The 10-minute load run (issue #17): 16 readers and one writer against `dateline serve` over a
store of 100,000 events, on loopback, with a bare SQLite query loop as the baseline.

    python -m benchmarks.bench_load [--events 100000] [--seconds 600] [--readers 16] [--db PATH] [--json]

1. Builds (or tops up: ``--db`` keeps it between runs) a SQLite store of at least ``--events``
   corpus events from synthetic articles written through ``Store.write`` (bench_api's).
2. Baseline, in this process: a bare loop of the SQL an event query needs (sqlite3, no
   dateline, no HTTP: one page of 50 events by type, date range or offset, rows fetched) for
   ``--bare-seconds``; queries per second.
3. Starts ``dateline serve`` on 127.0.0.1 (a subprocess), with a token, and warms it up.
4. One reader alone for ``--solo-seconds``: the latency of an event query end to end (HTTP,
   validation, SQL, serialisation), p50/p95. The issue's target: p95 under 50 ms.
5. ``--readers`` readers and one writer for ``--seconds``, from a second process (asyncio +
   httpx): readers send a mix of ``GET /api/v1/events`` queries, the writer POSTs articles
   through the real pipeline. Reported: failed requests (any status but 200/201, any transport
   error), requests per second and its ratio to the bare loop, each reader's p95, the server's
   resident memory (the server and its pipeline worker) at the start and at the end.

Exit status 1 if any request failed. Run it on a quiet machine (the load average is printed).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import queue
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_api import (
    COUNTRIES,
    TYPES,
    WORDS,
    build_store,
    free_port,
    pct,
    reader_queries,
    wait_ready,
)

BARE_QUERIES = [
    (
        "type",
        "SELECT * FROM events WHERE type = ? ORDER BY date IS NULL, date, id LIMIT 50",
        lambda r: (r.choice(TYPES)[0],),
    ),
    (
        "dates",
        "SELECT * FROM events WHERE date >= ? AND date <= ? ORDER BY date IS NULL, date, id LIMIT 50",
        lambda r: (f"{r.randint(2015, 2024)}-{r.randint(1, 12):02d}", "2024-12-99"),
    ),
    ("page", "SELECT * FROM events ORDER BY date IS NULL, date, id LIMIT 50 OFFSET ?", lambda r: (r.randint(0, 9000),)),
]


def bare_loop(db: Path, seconds: float) -> dict:
    """Queries per second of the bare SQL (sqlite3, one connection, rows fetched)."""
    rnd = random.Random(5)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    n = 0
    lat: list[float] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        _, sql, params = BARE_QUERIES[n % len(BARE_QUERIES)]
        t0 = time.perf_counter()
        conn.execute(sql, params(rnd)).fetchall()
        lat.append(time.perf_counter() - t0)
        n += 1
    conn.close()
    return {"queries": n, "qps": round(n / seconds, 1), "p95_ms": round(pct(lat, 95) * 1000, 2)}


def rss_mb(pid: int) -> dict[str, float]:
    """Resident memory (MB) of the server and of its children (the pipeline worker), and both."""
    import psutil

    out = {"server": float("nan"), "children": 0.0}
    try:
        proc = psutil.Process(pid)
        out["server"] = round(proc.memory_info().rss / 2**20, 1)
        for child in proc.children(recursive=True):
            try:
                out["children"] = round(out["children"] + child.memory_info().rss / 2**20, 1)
            except psutil.NoSuchProcess:
                pass
    except psutil.NoSuchProcess:
        pass
    out["total"] = round(out["server"] + out["children"], 1)
    return out


def solo(base: str, seconds: float) -> dict:
    import httpx

    rnd = random.Random(11)
    lat: list[float] = []
    by_kind: dict[str, list[float]] = {}
    failed = 0
    end = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=60) as client:
        while time.monotonic() < end:
            kind, params = reader_queries(rnd)
            t0 = time.perf_counter()
            r = client.get("/api/v1/events", params=params)
            lat.append(time.perf_counter() - t0)
            by_kind.setdefault(kind, []).append(lat[-1])
            failed += r.status_code != 200
    return {
        "requests": len(lat),
        "rps": round(len(lat) / seconds, 1),
        "p50_ms": round(pct(lat, 50) * 1000, 1),
        "p95_ms": round(pct(lat, 95) * 1000, 1),
        "p95_ms_by_kind": {k: round(pct(v, 95) * 1000, 1) for k, v in sorted(by_kind.items())},
        "failed": failed,
    }


def drive(base: str, token: str, seconds: float, readers: int, out) -> None:
    """In its own process: ``readers`` readers and one writer for ``seconds``."""
    import asyncio

    import httpx

    async def main() -> dict:
        per_reader: list[list[float]] = [[] for _ in range(readers)]
        failures: list[str] = []
        writes: list[float] = []
        deadline = time.monotonic() + seconds
        limits = httpx.Limits(max_connections=readers + 2, max_keepalive_connections=readers + 2)
        async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:

            async def reader(k: int) -> None:
                rnd = random.Random(100 + k)
                while time.monotonic() < deadline:
                    _, params = reader_queries(rnd)
                    t0 = time.perf_counter()
                    try:
                        r = await client.get("/api/v1/events", params=params)
                        if r.status_code != 200 or "items" not in r.json():
                            failures.append(f"{r.status_code} {params} {r.text[:200]}")
                    except Exception as exc:  # noqa: BLE001 - every failure is counted
                        failures.append(f"{exc.__class__.__name__}: {exc} {params}")
                    per_reader[k].append(time.perf_counter() - t0)

            async def writer() -> None:
                rnd = random.Random(3)
                n = 0
                while time.monotonic() < deadline:
                    n += 1
                    text = (
                        f"GENEVA (Reuters) - Diplomats from {rnd.choice(COUNTRIES)[0]} met envoys of "
                        f"{rnd.choice(COUNTRIES)[0]} in Geneva on Tuesday to discuss {rnd.choice(WORDS)} "
                        f"and {rnd.choice(WORDS)}, officials said (load run write {n}, {time.time()}). "
                        f"The talks will continue next week, a spokesman said."
                    )
                    t0 = time.perf_counter()
                    try:
                        r = await client.post(
                            "/api/v1/articles",
                            json={"text": text, "published": "2024-03-05"},
                            headers={"Authorization": f"Bearer {token}"},
                        )
                        if r.status_code not in (200, 201):
                            failures.append(f"write {r.status_code} {r.text[:200]}")
                    except Exception as exc:  # noqa: BLE001
                        failures.append(f"write {exc.__class__.__name__}: {exc}")
                    writes.append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            await asyncio.gather(writer(), *[reader(k) for k in range(readers)])
            elapsed = time.perf_counter() - t0
        return {"per_reader": per_reader, "failures": failures, "writes": writes, "elapsed": elapsed}

    out.put(asyncio.run(main()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example:\n  nice -n 5 python -m benchmarks.bench_load --db /tmp/load100k.db --seconds 600",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--events", type=int, default=100_000, help="corpus events in the store (at least)")
    ap.add_argument("--seconds", type=float, default=600.0, help="length of the loaded phase (default 600)")
    ap.add_argument("--readers", type=int, default=16, help="concurrent readers (default 16)")
    ap.add_argument("--solo-seconds", type=float, default=60.0, help="the one-reader phase (default 60)")
    ap.add_argument("--bare-seconds", type=float, default=30.0, help="the bare SQLite loop (default 30)")
    ap.add_argument("--db", help="SQLite file to build into and keep (default: a temporary one, deleted)")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = ap.parse_args(argv)
    if not (1 <= args.readers <= 256) or not (1 <= args.seconds <= 3600):
        ap.error("--readers must be 1..256 and --seconds 1..3600")

    tmp = Path(tempfile.mkdtemp(prefix="dateline-load-"))
    db = Path(args.db) if args.db else tmp / "load.db"
    url = f"sqlite:///{db}"
    proc = None
    load_start = os.getloadavg()
    try:
        built = build_store(url, args.events)
        print(f"bench_load: store: {built['events']:,} events, {built['articles']:,} articles", file=sys.stderr)
        bare = bare_loop(db, args.bare_seconds)
        print(f"bench_load: bare SQLite loop: {bare['qps']} queries/s", file=sys.stderr)

        token = "load-" + os.urandom(12).hex()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "dateline", "serve", "--db", url, "--port", str(port)],
            env={**os.environ, "DATELINE_API_TOKEN": token},
            stdout=subprocess.DEVNULL,
            stderr=(tmp / "server.log").open("wb"),
        )
        wait_ready(base, proc)
        import httpx

        r = httpx.post(
            base + "/api/v1/articles",
            headers={"Authorization": f"Bearer {token}"},
            timeout=300,
            json={"text": "MOSCOW (Reuters) - Russia's foreign minister met China's envoy in Moscow on Monday."},
        )
        if r.status_code not in (200, 201):
            raise SystemExit(f"bench_load: warm-up write failed: {r.status_code} {r.text[:300]}")
        for city in ("Moscow", "Geneva", "Kyiv"):
            httpx.get(base + "/api/v1/events", params={"near": city}, timeout=120)

        one = solo(base, args.solo_seconds)
        print(f"bench_load: one reader: p95 {one['p95_ms']} ms", file=sys.stderr)

        rss_start = rss_mb(proc.pid)
        ctx = mp.get_context("spawn")
        q = ctx.Queue()
        driver = ctx.Process(target=drive, args=(base, token, args.seconds, args.readers, q))
        driver.start()
        rss_series = [rss_start["total"]]  # every tenth of the run: flat, a plateau or a climb
        while True:
            try:
                res = q.get(timeout=max(1.0, args.seconds / 10))
                break
            except queue.Empty:
                if not driver.is_alive():
                    raise SystemExit("bench_load: the load driver died") from None
                rss_series.append(rss_mb(proc.pid)["total"])
        driver.join(timeout=60)
        rss_end = rss_mb(proc.pid)
        rss_series.append(rss_end["total"])
        alive = proc.poll() is None
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        log_path = tmp / "server.log"
        server_log = log_path.read_text(errors="replace") if log_path.exists() else ""
        shutil.rmtree(tmp, ignore_errors=True)

    elapsed = res["elapsed"]
    lat = [x for v in res["per_reader"] for x in v]
    reader_p95 = sorted(round(pct(v, 95) * 1000, 1) for v in res["per_reader"] if v)
    rps = len(lat) / elapsed
    report = {
        "store": {"events": built["events"], "articles": built["articles"], "backend": "sqlite"},
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load_start],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "bare_sqlite": bare,
        "one_reader": one,
        "loaded": {
            "seconds": round(elapsed, 1),
            "readers": args.readers,
            "event_queries": len(lat),
            "rps": round(rps, 1),
            "rps_over_bare_sqlite": round(rps / bare["qps"], 4) if bare["qps"] else None,
            "p50_ms": round(pct(lat, 50) * 1000, 1),
            "p95_ms": round(pct(lat, 95) * 1000, 1),
            "reader_p95_ms_min_median_max": [reader_p95[0], reader_p95[len(reader_p95) // 2], reader_p95[-1]],
            "writes": len(res["writes"]),
            "write_p95_ms": round(pct(res["writes"], 95) * 1000, 1) if res["writes"] else None,
        },
        "failed_requests": len(res["failures"]),
        "server_rss_mb": {"start": rss_start, "end": rss_end, "series": rss_series},
        "server_alive_at_end": alive,
    }
    if args.json:
        print(json.dumps(report))
    else:
        lo = report["loaded"]
        print(f"store: {report['store']['events']:,} events ({report['store']['articles']:,} articles), SQLite")
        print(
            f"machine: {report['cpus']} CPUs; load average before {report['load_average_before']}, "
            f"after {report['load_average_after']}"
        )
        print(f"bare SQLite loop: {bare['qps']} queries/s (p95 {bare['p95_ms']} ms)")
        print(
            f"one reader alone: {one['requests']} event queries, p50 {one['p50_ms']} ms, p95 {one['p95_ms']} ms, "
            f"failed {one['failed']}; p95 by kind {one['p95_ms_by_kind']}"
        )
        print(
            f"{lo['readers']} readers + 1 writer for {lo['seconds']} s: {lo['event_queries']:,} event queries, "
            f"{lo['rps']} req/s = {lo['rps_over_bare_sqlite']} of the bare loop; p50 {lo['p50_ms']} ms, "
            f"p95 {lo['p95_ms']} ms; per-reader p95 min/median/max {lo['reader_p95_ms_min_median_max']} ms; "
            f"{lo['writes']} articles posted (p95 {lo['write_p95_ms']} ms)"
        )
        print(f"failed requests: {report['failed_requests']}")
        print(
            f"RSS (MB): server {rss_start['server']} -> {rss_end['server']}, pipeline worker "
            f"{rss_start['children']} -> {rss_end['children']}, both {rss_start['total']} -> {rss_end['total']}; "
            f"both every tenth of the run: {rss_series}"
        )
    for f in res["failures"][:5]:
        print(f"bench_load: failure: {f}", file=sys.stderr)
    if report["failed_requests"] and server_log:
        print("bench_load: server log (end):\n" + server_log[-3000:], file=sys.stderr)
    return 0 if report["failed_requests"] == 0 and alive else 1


if __name__ == "__main__":
    sys.exit(main())
