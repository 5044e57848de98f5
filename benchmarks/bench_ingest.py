"""Ingest throughput with 1 and 2 worker processes (full analysis), on a corpus generated here.

The corpus is synthetic news text made at run time from templates (never stored in the
repository): each article is distinct, with people, places, dates, quotes and events.
Reported per run: wall time including worker start-up (each worker loads the model once), the
steady rate (articles/s between the first and the last stored article) and the speed-up.

    python -m benchmarks.bench_ingest [--articles 120] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

FIRST = (
    "Anna Boris Carla David Elena Farid Grace Hassan Ines Jonas Kofi Lena Marco Nadia Omar Petra "
    "Quentin Rosa Samir Tanya Ugo Vera Wei Yusuf Zora"
).split()
LAST = (
    "Albers Brandt Costa Duarte Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Lindqvist Moreau "
    "Novak Okafor Pereira Quist Rossi Sato Tanaka Urban Varga Weber"
).split()
CITIES = [
    ("NAIROBI", "Kenya"),
    ("LIMA", "Peru"),
    ("OSLO", "Norway"),
    ("HANOI", "Vietnam"),
    ("ACCRA", "Ghana"),
    ("QUITO", "Ecuador"),
    ("RIGA", "Latvia"),
    ("DAKAR", "Senegal"),
    ("MANILA", "Philippines"),
    ("TUNIS", "Tunisia"),
    ("SANTIAGO", "Chile"),
    ("WARSAW", "Poland"),
]
TOPICS = [
    "a new trade agreement",
    "border security",
    "fishing rights",
    "a railway project",
    "grain exports",
    "energy prices",
    "a prisoner exchange",
    "water sharing",
    "election monitoring",
    "vaccine supplies",
    "a ceasefire",
    "refugee returns",
    "mining licences",
    "debt relief",
]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()


def article(i: int) -> str:
    rng = random.Random(10_000 + i)

    def person() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    city, country = rng.choice(CITIES)
    other_city, other = rng.choice([c for c in CITIES if c[1] != country])
    a, b, c, d = person(), person(), person(), person()
    t1, t2 = rng.sample(TOPICS, 2)
    day, day2 = rng.sample(DAYS, 2)
    month = rng.choice(MONTHS)
    paras = [
        f"{country} and {other} hold talks on {t1}",
        f"By {c}",
        f"{city}, {country} (Reuters) - Foreign Minister {a} of {country} met {other}'s envoy {b} on {day} "
        f"in {city.title()} to discuss {t1}, the ministry said in statement number {1000 + i}.",
        f'"We agreed to keep talking about {t2}," {a} told reporters after the meeting, which lasted '
        f"{rng.randint(2, 9)} hours.",
        f"{b} said the two governments would sign a memorandum on {t1} in {month}, and that "
        f"{rng.randint(3, 40)} officials would travel to {other_city.title()} next month.",
        f"Police in {city.title()} arrested {rng.randint(5, 90)} protesters on {day2} who had blocked a road "
        f"near the conference hall, a police spokesman said.",
        f"Opposition leader {d} accused the government of hiding the costs of {t2} and called for a "
        f"parliamentary inquiry.",
        f"{other} threatened last year to impose sanctions on {country} over {t2}, and talks collapsed in "
        f"{rng.choice(MONTHS)} after {rng.randint(2, 12)} rounds.",
        f"(Reporting by {c}; editing by {person()})",
    ]
    return "\n\n".join(paras) + "\n"


def generate(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(article(i), encoding="utf-8")


def writer_cost(db: str) -> float:
    """Seconds per article for the writer alone: rewrite the stored articles into a new store."""
    from dateline.store import Store

    with Store.open(db) as src:
        articles = list(src.iter_articles())
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/w.db") as dst:
        dst.write(articles[0])  # warm up (migrations ran on open)
        start = time.monotonic()
        for a in articles[1:]:
            dst.write(a)
        return (time.monotonic() - start) / max(1, len(articles) - 1)


def run(folder: Path, workers: int, batch_size: int) -> dict:
    import resource

    from dateline.ingest import ingest

    def cpu() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    stamps: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        cpu0 = cpu()
        start = time.monotonic()
        summary = ingest(
            [folder],
            db=f"sqlite:///{tmp}/bench.db",
            workers=workers,
            batch_size=batch_size,
            on_result=lambda o: stamps.append(time.monotonic()),
        )
        wall = time.monotonic() - start
        cores = (cpu() - cpu0) / wall  # CPU seconds per wall second: how many cores the run got
        per_write = writer_cost(f"sqlite:///{tmp}/bench.db") if workers == 1 else None
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and stamps[-1] > stamps[0] else 0.0
    return {
        "workers": workers,
        "wall": wall,
        "rate": summary.stored / wall,
        "steady": steady,
        "stored": summary.stored,
        "first_result": stamps[0] - start if stamps else None,
        "per_write": per_write,
        "cores": cores,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=8)
    args = ap.parse_args(argv)
    print(f"command: python -m benchmarks.bench_ingest {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print(f"machine: {os.cpu_count()} CPU(s); load average {os.getloadavg()[0]:.2f} at start")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        generate(folder, args.articles)
        for w in args.workers:
            r = run(folder, w, args.batch_size)
            results.append(r)
            print(
                f"workers={w}: {r['stored']} articles in {r['wall']:.1f}s wall ({r['rate']:.2f}/s overall, "
                f"first stored after {r['first_result']:.1f}s, steady {r['steady']:.2f}/s; "
                f"{r['cores']:.2f} cores busy on average)",
                flush=True,
            )
    base = results[0]
    if base["per_write"] and base["steady"]:
        per_article = 1 / base["steady"]
        print(
            f"writer alone: {base['per_write'] * 1000:.0f} ms/article of {per_article * 1000:.0f} ms/article at "
            f"1 worker: the one writer caps the speed-up near {per_article / base['per_write']:.0f}x"
        )
    for r in results[1:]:
        print(
            f"speed-up {base['workers']}->{r['workers']} workers: {base['wall'] / r['wall']:.2f}x wall, "
            f"{r['steady'] / base['steady'] if base['steady'] else float('nan'):.2f}x steady rate"
        )
    print(f"load average {os.getloadavg()[0]:.2f} at end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
