"""Load benchmark of the REST API: concurrent event queries and one writer against `dateline serve`.

    python -m benchmarks.bench_api [--events 10000] [--seconds 30] [--readers 16] [--json]

1. Builds, at run time, a store (a temporary SQLite file, or --db URL) of at least --events corpus
   events: synthetic articles (generated text, actors, places and 10 events each, every span
   pointing into the text) written through the store's own write path (``Store.write``: one
   transaction per article, story linking, corpus-event merging, full-text rows). No NLP is run
   for these; they only give the query endpoints a realistic volume.
2. Starts ``dateline serve`` (uvicorn) in a subprocess on 127.0.0.1, on a free port, with a token.
3. From a second process (asyncio + httpx) drives it for --seconds: --readers concurrent readers
   send a mix of GET /api/v1/events queries (type, actor name, actor ISO3, date range, place and
   radius, words, deep pages) while one writer POSTs articles (the real pipeline: cleaning, spaCy,
   events) with the token.
4. Reports requests per second and latency percentiles of the event queries, the writer's
   throughput, and the number of failed requests (any status other than 200/201, any transport
   error). Exits 1 if any request failed.

Loopback only; bounded in time (--seconds) and count (--max-requests).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = [
    ("Kim Jong Un", "PRK", "GOV"),
    ("Vladimir Putin", "RUS", "GOV"),
    ("Xi Jinping", "CHN", "GOV"),
    ("Joe Biden", "USA", "GOV"),
    ("Emmanuel Macron", "FRA", "GOV"),
    ("Olaf Scholz", "DEU", "GOV"),
    ("Volodymyr Zelenskiy", "UKR", "GOV"),
    ("Recep Tayyip Erdogan", "TUR", "GOV"),
    ("Narendra Modi", "IND", "GOV"),
    ("Benjamin Netanyahu", "ISR", "GOV"),
    ("Ebrahim Raisi", "IRN", "GOV"),
    ("Yoon Suk Yeol", "KOR", "GOV"),
    ("Fumio Kishida", "JPN", "GOV"),
    ("Luiz Inacio Lula da Silva", "BRA", "GOV"),
    ("Cyril Ramaphosa", "ZAF", "GOV"),
    ("Antonio Guterres", None, "IGO"),
    ("Abdel Fattah al-Sisi", "EGY", "GOV"),
    ("Mohammed bin Salman", "SAU", "GOV"),
    ("Shehbaz Sharif", "PAK", "GOV"),
    ("Andres Manuel Lopez Obrador", "MEX", "GOV"),
]
COUNTRIES = [
    ("Russia", "RUS"),
    ("China", "CHN"),
    ("Ukraine", "UKR"),
    ("North Korea", "PRK"),
    ("Iran", "IRN"),
    ("Israel", "ISR"),
    ("Turkey", "TUR"),
    ("India", "IND"),
    ("Japan", "JPN"),
    ("Brazil", "BRA"),
]
CITIES = [
    ("Vladivostok", 43.10562, 131.87353, "RUS"),
    ("Moscow", 55.75222, 37.61556, "RUS"),
    ("Kyiv", 50.45466, 30.5238, "UKR"),
    ("Beijing", 39.9075, 116.39723, "CHN"),
    ("Pyongyang", 39.03385, 125.75432, "PRK"),
    ("Seoul", 37.566, 126.9784, "KOR"),
    ("Tokyo", 35.6895, 139.69171, "JPN"),
    ("Washington", 38.89511, -77.03637, "USA"),
    ("Paris", 48.85341, 2.3488, "FRA"),
    ("Berlin", 52.52437, 13.41053, "DEU"),
    ("Ankara", 39.91987, 32.85427, "TUR"),
    ("Tehran", 35.69439, 51.42151, "IRN"),
    ("Jerusalem", 31.76904, 35.21633, "ISR"),
    ("New Delhi", 28.63576, 77.22445, "IND"),
    ("Cairo", 30.06263, 31.24967, "EGY"),
    ("Riyadh", 24.68773, 46.72185, "SAU"),
    ("Brasilia", -15.77972, -47.92972, "BRA"),
    ("Pretoria", -25.74486, 28.18783, "ZAF"),
    ("Mexico City", 19.42847, -99.12766, "MEX"),
    ("Geneva", 46.20222, 6.14569, "CHE"),
    ("Hanoi", 21.0245, 105.84117, "VNM"),
    ("Islamabad", 33.72148, 73.04329, "PAK"),
    ("Suva", -18.14161, 178.44149, "FJI"),
    ("Apia", -13.83333, -171.76666, "WSM"),
]
TYPES = [
    ("AGREE", 1, "agreed with"),
    ("CONSULT", 1, "met"),
    ("SUPPORT", 1, "praised"),
    ("CONCEDE", 1, "yielded to"),
    ("COOPERATE", 2, "worked with"),
    ("AID", 2, "sent aid to"),
    ("RETREAT", 2, "withdrew from"),
    ("REQUEST", 3, "called on"),
    ("ACCUSE", 3, "accused"),
    ("REJECT", 3, "rejected"),
    ("THREATEN", 3, "threatened"),
    ("SANCTION", 3, "imposed sanctions on"),
    ("PROTEST", 4, "protested against"),
    ("MOBILIZE", 4, "deployed troops near"),
    ("COERCE", 4, "detained envoys of"),
    ("ASSAULT", 4, "attacked"),
]
MODALITIES = ["asserted"] * 6 + ["future", "historical", "hypothetical", "negated"]
WORDS = (
    "talks summit border nuclear trade energy grain pipeline ceasefire election refugees drones sanctions "
    "treaty embassy minister parliament harbour railway bridge frontier envoy delegation"
).split()


def synthetic_article(i: int, rnd: random.Random, events_per_article: int):
    """An Article with ``events_per_article`` events, each with its own sentence as evidence."""
    from dateline.article import Article

    parts: list[str] = [f"Report {i}: " + " ".join(rnd.choice(WORDS) for _ in range(12)) + "."]
    pos = len(parts[0]) + 1
    actors: dict[str, dict] = {}
    events = []

    def actor(name: str, kind: str, country: str | None, sector: str | None) -> str:
        if name not in actors:
            actors[name] = {
                "id": f"a{len(actors) + 1}",
                "name": name,
                "kind": kind,
                "country": country,
                "sector": sector,
                "roles": ["leader"] if kind == "person" else [],
                "mentions": [],
            }
        return actors[name]["id"]

    for k in range(events_per_article):
        if rnd.random() < 0.7:
            name, cc, sector = rnd.choice(PEOPLE)
            src = actor(name, "person", cc, sector)
        else:
            name, cc = rnd.choice(COUNTRIES)
            src = actor(name, "country", cc, None)
        tname, tcc, tsec = rnd.choice(PEOPLE)
        dst = actor(tname, "person", tcc, tsec)
        etype, quad, verb = rnd.choice(TYPES)
        city = rnd.choice(CITIES)
        date = f"{rnd.randint(2015, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        sentence = (
            f"{name} {verb} {tname} in {city[0]} on {date} over {rnd.choice(WORDS)} and {rnd.choice(WORDS)} ({i}.{k})."
        )
        start = pos
        actors[name]["mentions"].append({"start": start, "end": start + len(name)})
        t0 = start + len(name) + 1 + len(verb) + 1
        actors[tname]["mentions"].append({"start": t0, "end": t0 + len(tname)})
        events.append(
            {
                "id": f"e{k + 1}",
                "type": etype,
                "mode": None,
                "actors": [src],
                "recipients": [dst] if dst != src else [],
                "place": {"name": city[0], "lat": city[1], "lon": city[2], "country": city[3]},
                "date": date,
                "date_source": "text",
                "modality": rnd.choice(MODALITIES),
                "quad": quad,
                "evidence": {"start": start, "end": start + len(sentence), "text": sentence},
                "confidence": round(rnd.uniform(0.5, 0.99), 2),
            }
        )
        parts.append(sentence)
        pos += len(sentence) + 1
    text = " ".join(parts)
    return Article.from_dict(
        {
            "id": Article.make_id(text),
            "source": {"publisher": rnd.choice(["Wire A", "Wire B", "Daily C"]), "url": f"https://bench.example/{i}"},
            "language": "en",
            "headline": f"Synthetic report {i}",
            # Spread over ten years as a real store's are (all on one day, every write would
            # compare itself with every stored article as same-event coverage).
            "published": {
                "date": f"{rnd.randint(2015, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                "source": "metadata",
            },
            "text": text,
            "actors": list(actors.values()),
            "events": events,
        }
    )


def build_store(url: str, min_events: int, per_article: int = 10, seed: int = 1) -> dict:
    from dateline.store import Store

    rnd = random.Random(seed)
    t0 = time.perf_counter()
    n_articles = 0
    with Store.open(url) as store:
        n_events = store.counts()["events"]
        while n_events < min_events:
            batch = max(1, (min_events - n_events) // per_article + 1)
            for _ in range(batch):
                store.write(synthetic_article(n_articles, rnd, per_article))
                n_articles += 1
            n_events = store.counts()["events"]
        counts = store.counts()
    return {
        "articles": counts["articles"],
        "events": counts["events"],
        "event_mentions": counts["event_mentions"],
        "seconds": round(time.perf_counter() - t0, 1),
        "written": n_articles,
    }


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"bench_api: the server exited with code {proc.returncode}")
        try:
            if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"bench_api: the server did not answer within {timeout:.0f}s")


# -- the load driver (runs in its own process) -----------------------------------------------------------
def reader_queries(rnd: random.Random) -> tuple[str, dict]:
    kind = rnd.choice(["type", "actor", "iso3", "dates", "near", "text", "page", "combined"])
    if kind == "type":
        return kind, {"type": rnd.choice(TYPES)[0], "limit": 50}
    if kind == "actor":
        return kind, {"actor": rnd.choice(PEOPLE)[0], "limit": 50}
    if kind == "iso3":
        return kind, {"actor": rnd.choice(COUNTRIES)[1], "limit": 50}
    if kind == "dates":
        y = rnd.randint(2015, 2024)
        return kind, {"since": f"{y}-{rnd.randint(1, 12):02d}", "until": f"{y}-12", "limit": 50}
    if kind == "near":
        return kind, {"near": rnd.choice(CITIES)[0], "radius_km": rnd.choice([50, 300, 1000]), "limit": 50}
    if kind == "text":
        return kind, {"text": rnd.choice(WORDS), "limit": 50}
    if kind == "page":
        return kind, {"limit": 100, "offset": rnd.randint(0, 9000)}
    return kind, {"type": rnd.choice(TYPES)[0], "actor": rnd.choice(PEOPLE)[0], "since": "2018", "limit": 20}


def drive(base: str, token: str, seconds: float, readers: int, max_requests: int, out) -> None:
    import asyncio

    import httpx

    async def main() -> dict:
        rnd = random.Random(7)
        lat: dict[str, list[float]] = {}
        failures: list[str] = []
        writes: list[float] = []
        write_failures: list[str] = []
        sent = 0
        deadline = time.monotonic() + seconds
        limits = httpx.Limits(max_connections=readers + 2, max_keepalive_connections=readers + 2)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

            async def reader() -> None:
                nonlocal sent
                while time.monotonic() < deadline and sent < max_requests:
                    sent += 1
                    kind, params = reader_queries(rnd)
                    t0 = time.perf_counter()
                    try:
                        r = await client.get("/api/v1/events", params=params)
                        ok = r.status_code == 200 and "items" in r.json()
                        if not ok:
                            failures.append(f"{r.status_code} {params} {r.text[:200]}")
                    except Exception as exc:  # noqa: BLE001 - every failure is counted
                        failures.append(f"{exc.__class__.__name__}: {exc} {params}")
                    lat.setdefault(kind, []).append(time.perf_counter() - t0)

            async def writer() -> None:
                n = 0
                while time.monotonic() < deadline:
                    n += 1
                    text = (
                        f"GENEVA (Reuters) - Diplomats from {rnd.choice(COUNTRIES)[0]} met envoys of "
                        f"{rnd.choice(COUNTRIES)[0]} in Geneva on Tuesday to discuss {rnd.choice(WORDS)} "
                        f"and {rnd.choice(WORDS)}, officials said (benchmark write {n}, {time.time()}). "
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
                            write_failures.append(f"{r.status_code} {r.text[:200]}")
                    except Exception as exc:  # noqa: BLE001
                        write_failures.append(f"{exc.__class__.__name__}: {exc}")
                    writes.append(time.perf_counter() - t0)

            t_start = time.perf_counter()
            await asyncio.gather(writer(), *[reader() for _ in range(readers)])
            elapsed = time.perf_counter() - t_start
        return {
            "lat": lat,
            "failures": failures,
            "writes": writes,
            "write_failures": write_failures,
            "elapsed": elapsed,
        }

    out.put(asyncio.run(main()))


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example:\n  python -m benchmarks.bench_api --events 10000 --seconds 30 --readers 16",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--events", type=int, default=10_000, help="corpus events in the store (at least; default 10000)")
    ap.add_argument("--seconds", type=float, default=30.0, help="how long to drive the server (default 30)")
    ap.add_argument("--readers", type=int, default=16, help="concurrent readers (default 16)")
    ap.add_argument("--max-requests", type=int, default=200_000, help="stop after this many reads (default 200000)")
    ap.add_argument("--server-workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    ap.add_argument("--db", help="store URL to build into (default: a temporary SQLite file, deleted after)")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = ap.parse_args(argv)
    if not (1 <= args.readers <= 256) or not (1 <= args.seconds <= 600):
        ap.error("--readers must be 1..256 and --seconds 1..600")

    tmp = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    url = args.db or f"sqlite:///{tmp / 'bench.db'}"
    proc = None
    try:
        built = build_store(url, args.events)
        print(
            f"bench_api: store built: {built['events']} events, {built['event_mentions']} event mentions, "
            f"{built['articles']} articles — synthetic articles written through Store.write "
            f"in {built['seconds']}s",
            file=sys.stderr,
        )
        token = "bench-" + os.urandom(12).hex()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DATELINE_API_TOKEN": token}
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dateline",
                "serve",
                "--db",
                url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(args.server_workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(tmp / "server.log").open("wb"),
        )
        wait_ready(base, proc)
        # Warm up: load the NLP model with one write, and touch the gazetteer, outside the timed window.
        import httpx

        t0 = time.perf_counter()
        r = httpx.post(
            base + "/api/v1/articles",
            headers={"Authorization": f"Bearer {token}"},
            timeout=300,
            json={
                "text": "MOSCOW (Reuters) - Russia's foreign minister met China's envoy in Moscow on "
                "Monday to discuss trade, officials said."
            },
        )
        if r.status_code not in (200, 201):
            raise SystemExit(f"bench_api: warm-up write failed: {r.status_code} {r.text[:300]}")
        warm = time.perf_counter() - t0
        httpx.get(base + "/api/v1/events", params={"near": "Moscow"}, timeout=120)

        ctx = mp.get_context("spawn")
        q = ctx.Queue()
        driver = ctx.Process(target=drive, args=(base, token, args.seconds, args.readers, args.max_requests, q))
        driver.start()
        res = q.get(timeout=args.seconds + 600)
        driver.join(timeout=30)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        log_path = tmp / "server.log"
        server_log = log_path.read_text(errors="replace") if log_path.exists() else ""
        if not args.db:
            shutil.rmtree(tmp, ignore_errors=True)

    all_lat = [x for v in res["lat"].values() for x in v]
    n = len(all_lat)
    elapsed = res["elapsed"]
    report = {
        "store": {**built, "backend": url.split(":", 1)[0], "how": "synthetic articles via Store.write"},
        "seconds": round(elapsed, 1),
        "readers": args.readers,
        "server_workers": args.server_workers,
        "cpus": os.cpu_count(),
        "load_average_1min_after": round(os.getloadavg()[0], 1),
        "event_queries": {
            "requests": n,
            "rps": round(n / elapsed, 1),
            "p50_ms": round(pct(all_lat, 50) * 1000, 1),
            "p95_ms": round(pct(all_lat, 95) * 1000, 1),
            "p99_ms": round(pct(all_lat, 99) * 1000, 1),
            "failed": len(res["failures"]),
        },
        "by_kind_p95_ms": {k: round(pct(v, 95) * 1000, 1) for k, v in sorted(res["lat"].items())},
        "writer": {
            "posts": len(res["writes"]),
            "per_s": round(len(res["writes"]) / elapsed, 2),
            "p50_ms": round(pct(res["writes"], 50) * 1000, 1) if res["writes"] else None,
            "p95_ms": round(pct(res["writes"], 95) * 1000, 1) if res["writes"] else None,
            "failed": len(res["write_failures"]),
            "model_warmup_s": round(warm, 1),
        },
        "failed_requests": len(res["failures"]) + len(res["write_failures"]),
    }
    if args.json:
        print(json.dumps(report))
    else:
        eq, w = report["event_queries"], report["writer"]
        print(
            f"store: {built['events']:,} events ({built['articles']:,} synthetic articles written through "
            f"Store.write, {report['store']['backend']})"
        )
        print(
            f"load: {args.readers} concurrent readers + 1 writer for {report['seconds']}s on loopback, "
            f"{args.server_workers} server process(es); {report['cpus']} CPUs shared by server and driver "
            f"(1-min load average after the run: {report['load_average_1min_after']})"
        )
        print(
            f"event queries: {eq['requests']:,} requests, {eq['rps']} req/s, p50 {eq['p50_ms']} ms, "
            f"p95 {eq['p95_ms']} ms, p99 {eq['p99_ms']} ms, failed {eq['failed']}"
        )
        print("p95 by query kind (ms): " + ", ".join(f"{k} {v}" for k, v in report["by_kind_p95_ms"].items()))
        print(
            f"writer: {w['posts']} articles posted through the pipeline ({w['per_s']}/s, p50 {w['p50_ms']} ms, "
            f"p95 {w['p95_ms']} ms), failed {w['failed']}"
        )
        print(f"failed requests: {report['failed_requests']}")
    for f in (res["failures"] + res["write_failures"])[:5]:
        print(f"bench_api: failure: {f}", file=sys.stderr)
    if report["failed_requests"] and server_log:
        print("bench_api: server log (end):\n" + server_log[-3000:], file=sys.stderr)
    return 0 if report["failed_requests"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
