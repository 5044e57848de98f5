"""Run every evaluation in turn (`make eval`): each prints its figures beside the peers'.

Usage: python -m benchmarks.run_evals [--data DIR] [--only NAME[,NAME...]]

Each evaluation reads ../shared/eval (or $DATELINE_EVAL_DATA, or --data) and skips cleanly when
its data is absent. One failing evaluation does not stop the others; the exit status is non-zero
if any failed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time

EVALUATIONS = [
    ("extraction", "benchmarks.eval_extraction"),
    ("ner", "benchmarks.eval_ner"),
    ("quotes", "benchmarks.eval_quotes"),
    ("places", "benchmarks.eval_places"),
    ("times", "benchmarks.eval_times"),
    ("events", "benchmarks.eval_events"),
    ("event-articles", "benchmarks.eval_event_articles"),
    ("participants", "benchmarks.eval_participants"),
    ("event-places", "benchmarks.eval_event_places"),
    ("actors", "benchmarks.eval_actors"),
    ("stories", "benchmarks.eval_stories"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run_evals",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m benchmarks.run_evals --only times,events",
    )
    parser.add_argument("--data", help="evaluation data folder (default: $DATELINE_EVAL_DATA or ../shared/eval)")
    parser.add_argument("--only", help="comma-separated names: " + ",".join(n for n, _ in EVALUATIONS))
    args = parser.parse_args(argv)
    wanted = set(args.only.split(",")) if args.only else {n for n, _ in EVALUATIONS}
    unknown = wanted - {n for n, _ in EVALUATIONS}
    if unknown:
        parser.error(f"unknown evaluation(s): {', '.join(sorted(unknown))}")
    failed = []
    for name, module in EVALUATIONS:
        if name not in wanted:
            continue
        print(f"\n######## {name}: python -m {module}" + (f" --data {args.data}" if args.data else ""), flush=True)
        started = time.perf_counter()
        try:
            code = importlib.import_module(module).main(["--data", args.data] if args.data else [])
        except SystemExit as exc:  # a skipped evaluation exits 0
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception as exc:  # noqa: BLE001 - report and go on with the next evaluation
            print(f"{name}: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = 1
        print(f"######## {name}: exit {code or 0} in {time.perf_counter() - started:.0f} s", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
