"""Where the analysis spends its CPU: a sampling profile of the analysis components over the bench's texts.

    .venv/bin/python -m benchmarks.profile_analysis                  # inclusive, by function
    .venv/bin/python -m benchmarks.profile_analysis --by self        # where the samples land
    .venv/bin/python -m benchmarks.profile_analysis --by line --only events/

The texts are ``benchmarks.bench_analysis``'s (``--data`` as there), parsed once; each pass rebuilds
the docs from bytes (the per-doc caches start empty, as in the bench) and runs every analysis
component. A CPU-time interval timer (``ITIMER_PROF``) samples the Python stack: unlike cProfile,
which multiplies the cost of the many small calls into spaCy (``Doc.__getitem__`` looked like a
quarter of the time; it is some 5%), and unlike wall-clock samplers, which count the time a loaded
machine makes the process wait. Unix only. Prints each function's (or line's) share of the samples.
"""

from __future__ import annotations

import argparse
import collections
import signal
import sys
import time
from typing import Any


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=200, help="number of articles (default 200)")
    ap.add_argument("--passes", type=int, default=5, help="passes over the articles (more samples)")
    ap.add_argument("--data", help="evaluation data folder for the texts (optional)")
    ap.add_argument("--by", choices=("cum", "self", "line"), default="cum", help="inclusive, self or by line")
    ap.add_argument("--only", default="", help="show only entries whose file or function holds this")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)

    from spacy.tokens import Doc

    from benchmarks.bench_analysis import texts
    from dateline.analyse import components
    from dateline.article import Article
    from dateline.nlp import load_model

    corpus, source = texts(args.n, args.data)
    nlp = load_model()
    blobs = [d.to_bytes(exclude=["user_data"]) for d in nlp.pipe(corpus, batch_size=16)]
    comps = components()
    for b in blobs[:4]:  # warm-up: tables and models load once
        doc = Doc(nlp.vocab).from_bytes(b)
        art = Article(text=doc.text)
        for c in comps:
            c(art, doc)

    samples: collections.Counter[tuple[tuple[str, str, int, int], ...]] = collections.Counter()

    def sample(_sig: int, frame: Any) -> None:
        stack = []
        while frame is not None:
            code = frame.f_code
            stack.append((code.co_filename, code.co_name, frame.f_lineno, code.co_firstlineno))
            frame = frame.f_back
        samples[tuple(stack)] += 1

    signal.signal(signal.SIGPROF, sample)
    spent = 0.0
    for _ in range(args.passes):
        docs = [Doc(nlp.vocab).from_bytes(b) for b in blobs]
        t0 = time.process_time()
        signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
        for doc in docs:
            art = Article(text=doc.text)
            for c in comps:
                c(art, doc)
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        spent += time.process_time() - t0
    total = sum(samples.values())
    per_article = 1000 * spent / args.passes / len(blobs)
    print(f"{len(blobs)} articles ({source}), {args.passes} passes, {total} samples")
    print(f"analysis {per_article:.2f} CPU ms per article (the sampling itself adds some)")
    counts: collections.Counter[tuple[str, str, int]] = collections.Counter()
    here = __file__
    for stack, n in samples.items():
        # the frames inside the components: up to this script's own (its callers are not the analysis)
        frames = list(stack[: next((k for k, f in enumerate(stack) if f[0] == here), len(stack))])
        if not frames:
            continue
        if args.by == "self":
            counts[_name(frames[0], line=False)] += n
            continue
        seen = {_name(f, line=args.by == "line") for f in frames}
        for key in seen:
            counts[key] += n
    shown = 0
    for (path, func, line), n in counts.most_common():
        if args.only and args.only not in f"{path}:{func}":
            continue
        print(f"{100 * n / max(1, total):5.1f}%  {path}:{line} {func}")
        shown += 1
        if shown >= args.top:
            break
    return 0


def _name(frame: tuple[str, str, int, int], *, line: bool) -> tuple[str, str, int]:
    path, func, lineno, first = frame
    for marker in ("/dateline/", "/site-packages/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return path, func, lineno if line else first


if __name__ == "__main__":
    sys.exit(main())
