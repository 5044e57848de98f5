"""Speed: the full analysis against a bare ``nlp.pipe`` over the same texts, in the same run.

    .venv/bin/python -m benchmarks.bench_analysis              # 200 articles
    .venv/bin/python -m benchmarks.bench_analysis -n 500 --batch-size 32
    .venv/bin/python -m benchmarks.bench_analysis --skip events   # analysis without event coding

Texts: the bundled seed (cleaned) plus news articles read at run time from the evaluation data
(PolNeAR's train texts when ../shared/eval or $DATELINE_EVAL_DATA has them), else articles
composed at run time from hand-written sentence templates; nothing is written anywhere.

Prints articles per second (by CPU time of this process, which a busy shared machine does
not distort, and by wall-clock time) for the bare parse (``nlp.pipe``) and for the parse followed
by every analysis component (``dateline.analyse.components()``: actors, quotes, places, times and
event coding when present), their ratio (target: at least 0.70), and each component's share.
Both passes run after a warm-up pass, so one-time loading (model, gazetteers) is not counted; the
time resolver's memo of answers (``timex.resolve``) is cleared before each pass.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from benchmarks._data import ROOT, dataset

TARGET = 0.70

_PEOPLE = [
    "President Ana Souza",
    "Prime Minister Lars Eklund",
    "General Omar Haddad",
    "Foreign Minister Mei Tanaka",
    "opposition leader Pedro Alves",
    "Senator John Carver",
    "police chief Maria Ortiz",
    "Professor Ivan Petrov",
    "Kim Soo-hyun, a spokesman",
]
_PLACES = ["Lagos", "Lisbon", "Manila", "Kyiv", "Nairobi", "Lima", "Hanoi", "Ankara", "Quito"]
_COUNTRIES = ["Brazil", "Sweden", "Japan", "Kenya", "Peru", "Turkey", "Germany", "Chile"]
_SENTENCES = [
    "{p} met {q} in {city} on Tuesday to discuss trade and security, officials said.",
    '"We will not accept these terms," {p} told reporters in {city}.',
    "{c} said on Monday it would send aid to {c2} after floods killed 40 people.",
    "According to {p}, the talks will resume in February.",
    "Protesters gathered outside the parliament in {city}, and police used tear gas.",
    "{p} said that the government of {c} had agreed to release 12 prisoners.",
    '"The situation is stable," {q} said. "We expect a ceasefire by Friday."',
    "Troops from {c} crossed the border near {city} last week, the ministry said.",
]


def composed_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paras = []
        for _ in range(rng.randint(6, 12)):
            s = rng.choice(_SENTENCES)
            p, q = rng.sample(_PEOPLE, 2)
            c, c2 = rng.sample(_COUNTRIES, 2)
            paras.append(s.format(p=p, q=q, c=c, c2=c2, city=rng.choice(_PLACES)))
        out.append("\n\n".join(paras))
    return out


def texts(n: int, data: str | None) -> tuple[list[str], str]:
    import dateline

    seed = dateline.clean((ROOT / "examples" / "seed-euronews-reuters.txt").read_text(encoding="utf-8")).text
    out = [seed]
    source = "seed"
    polnear = dataset("polnear", data)
    if polnear is not None:
        files = sorted((polnear / "data" / "train" / "text").glob("*.txt"))[: n - 1]
        out += [f.read_text(encoding="utf-8") for f in files]
        source += f" + {len(files)} PolNeAR train articles"
    if len(out) < n:
        k = n - len(out)
        out += composed_texts(k)
        source += f" + {k} composed articles"
    return out[:n], source


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=200, help="number of articles (default 200)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=2, help="passes of each kind; the best counts")
    ap.add_argument("--data", help="evaluation data folder for the texts (optional)")
    ap.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="COMPONENT",
        help="leave out a component (module name: actors, quotes, places, times, events)",
    )
    args = ap.parse_args(argv)

    from dateline import timex
    from dateline.analyse import components
    from dateline.article import Article
    from dateline.events import model as event_model
    from dateline.nlp import load_model, model_name

    corpus, source = texts(args.n, args.data)
    nchars = sum(len(t) for t in corpus)
    nlp = load_model()
    comps = [
        c
        for c in components()
        if c.__module__.rsplit(".", 1)[-1] not in args.skip
        and not any(c.__module__.startswith(f"dateline.{s}") for s in args.skip)
    ]
    names = [c.__module__.replace("dateline.analyse.", "").replace("dateline.", "") for c in comps]

    # warm-up: load the model's lazy parts and every component's tables
    for text, doc in zip(corpus[:4], nlp.pipe(corpus[:4], batch_size=args.batch_size)):
        art = Article(text=text)
        for c in comps:
            c(art, doc)

    # alternate the two passes and keep each one's best, so a busy machine hurts both alike
    bare_wall = bare_cpu = full_wall = full_cpu = float("inf")
    spent = dict.fromkeys(names, 0.0)
    model_spent = 0.0
    for _ in range(args.repeat):
        w, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(corpus, batch_size=args.batch_size):
            pass
        bare_wall = min(bare_wall, time.perf_counter() - w)
        bare_cpu = min(bare_cpu, time.process_time() - c0)

        run = dict.fromkeys(names, 0.0)
        model_before = event_model.SPENT[0]
        # the time resolver's answers by expression are kept for the process (timex.resolve): each
        # pass starts without them, so that it reads these texts as a stream of new articles would
        timex._RESOLVED.clear()
        w, c0 = time.perf_counter(), time.process_time()
        # each article is built from its input text, as ingest builds it (``doc.text`` would join
        # every token's text anew: a cost of this loop, not of the analysis)
        for text, doc in zip(corpus, nlp.pipe(corpus, batch_size=args.batch_size)):
            art = Article(text=text)
            for name, comp in zip(names, comps):
                t = time.process_time()
                comp(art, doc)
                run[name] += time.process_time() - t
        wall, cpu = time.perf_counter() - w, time.process_time() - c0
        if cpu < full_cpu:
            spent = run
            model_spent = event_model.SPENT[0] - model_before
        full_wall, full_cpu = min(full_wall, wall), min(full_cpu, cpu)

    n = len(corpus)
    ratio = bare_cpu / full_cpu
    print(
        f"{n} articles ({source}), {nchars / n:.0f} characters on average; "
        f"{model_name(nlp)}, batch size {args.batch_size}, best of {args.repeat}"
    )
    if "composed" in source:
        # template articles are short and every sentence an event: the ratio reads lower than on
        # news (docs/evaluation.md, "Analysis speed"); compare runs on the same texts only
        print("  (composed texts: no evaluation data found; --data DIR reads PolNeAR's news articles)")
    print(f"{'':24}{'articles/s (CPU)':>18}{'articles/s (wall)':>19}")
    print(f"  bare nlp.pipe       {n / bare_cpu:18.2f}{n / bare_wall:19.2f}")
    print(f"  parse + analysis    {n / full_cpu:18.2f}{n / full_wall:19.2f}")
    print(
        f"  ratio (CPU time)    {ratio:18.3f}{(bare_wall / full_wall):19.3f}   "
        f"target >= {TARGET:.2f}: {'met' if ratio >= TARGET else 'NOT met'}"
    )
    overhead = sum(spent.values()) / n
    print(
        f"  analysis overhead   {1000 * overhead:.1f} CPU ms per article = "
        f"{overhead / (bare_cpu / n):.1%} of the parse; parse / (parse + overhead) = "
        f"{(bare_cpu / n) / (bare_cpu / n + overhead):.3f}"
    )
    print("  components, CPU ms per article: " + ", ".join(f"{name} {1000 * spent[name] / n:.1f}" for name in names))
    if any(name.startswith("events") for name in names):
        state = "on" if event_model.load() is not None else "off (DATELINE_EVENT_MODEL=0 or no model files)"
        print(
            f"  of events: the learned event-type model {1000 * model_spent / n:.1f} CPU ms per article "
            f"(budget 12; model {state})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
