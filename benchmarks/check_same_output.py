"""Same output: the full JSON of every article, at a base revision and at this tree, byte for byte.

    .venv/bin/python -m benchmarks.check_same_output                  # this tree against main
    .venv/bin/python -m benchmarks.check_same_output --base HEAD~1
    .venv/bin/python -m benchmarks.check_same_output --write out.jsonl   # this tree's JSON only

For work that must change no output (speed): the base revision's ``src`` is exported with
``git archive`` into a temporary folder and run in a child process, this tree's ``src`` in
another, both over the same texts through the same path as ``benchmarks.bench_analysis``
(``nlp.pipe`` in batches of 16, then every analysis component); each article's
``Article.to_json()`` is one line, and the two files must be equal line for line. Prints the
count, and a diff of the first articles that differ; exit status 1 when any does.

Texts: the bench's texts both ways (the seed plus 199 composed articles, and 199 PolNeAR train
articles), PLV's train sentences, the PLOVER gold records and the PETRARCH-2 validation
sentences with their dates (the evaluation data from --data, $DATELINE_EVAL_DATA or
../shared/eval; the sets that are absent are left out and named). Nothing is written to the
repository.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._data import ROOT, dataset, plover_records, plv_files, plv_rows

BATCH = 16


def items(data: str | None) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(text, published) pairs and a line naming each set used."""
    from benchmarks.bench_analysis import composed_texts, texts

    out: list[tuple[str, str | None]] = []
    used = []
    seed_and_composed = texts(1, None)[0] + composed_texts(199)
    out += [(t, None) for t in seed_and_composed]
    used.append(f"seed + {len(seed_and_composed) - 1} composed articles")
    polnear = dataset("polnear", data)
    if polnear is not None:
        files = sorted((polnear / "data" / "train" / "text").glob("*.txt"))[:199]
        out += [(f.read_text(encoding="utf-8"), None) for f in files]
        used.append(f"{len(files)} PolNeAR train articles")
    for path in plv_files(data)[:1]:
        rows = plv_rows(path)
        out += [(r["text"], None) for r in rows]
        used.append(f"{len(rows)} PLV sentences ({path.name})")
    plover = dataset("plover-gsr-cameo", data)
    if plover is not None:
        records = plover_records(plover)
        out += [(r["text"].strip("{} "), r.get("date")) for r in records]
        used.append(f"{len(records)} PLOVER gold records")
    petrarch = dataset("cameo-petrarch-validation", data)
    if petrarch is not None and (petrarch / "PETR2_GSR_validation.xml").is_file():
        from benchmarks.eval_events import read_petrarch

        sents = read_petrarch(petrarch / "PETR2_GSR_validation.xml")
        out += [(s["text"], s["pub"]) for s in sents]
        used.append(f"{len(sents)} PETRARCH-2 validation sentences")
    return out, used


def write(path: str, data: str | None) -> None:
    """This process's ``dateline`` over every text, one JSON line per article."""
    import dateline
    from dateline.analyse import components
    from dateline.article import Article, Published
    from dateline.nlp import load_model

    pairs, used = items(data)
    nlp = load_model()
    comps = components()
    t0 = time.process_time()
    with open(path, "w", encoding="utf-8") as fh:
        for (text, pub), doc in zip(pairs, nlp.pipe([t for t, _ in pairs], batch_size=BATCH)):
            art = Article(
                id=Article.make_id(text),
                text=text,
                language="en",
                published=Published(date=pub, source="metadata" if pub else "none"),
            )
            for comp in comps:
                comp(art, doc)
            fh.write(art.to_json() + "\n")
    print(
        f"  {Path(dateline.__file__).parent}: {len(pairs)} articles ({'; '.join(used)}), "
        f"{time.process_time() - t0:.0f} CPU s",
        file=sys.stderr,
    )


def run_child(src: Path, out: Path, data: str | None) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(src), str(ROOT)]))
    cmd = [sys.executable, "-m", "benchmarks.check_same_output", "--write", str(out)]
    if data:
        cmd += ["--data", data]
    subprocess.run(cmd, env=env, cwd=ROOT, check=True)


def compare(base: Path, new: Path, show: int) -> int:
    a = base.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        print(f"different article counts: base {len(a)}, this tree {len(b)}")
        return 1
    differ = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
    print(f"{len(a) - len(differ)} of {len(a)} articles byte-identical")
    for k in differ[:show]:
        x = json.dumps(json.loads(a[k]), indent=1, ensure_ascii=False).splitlines()
        y = json.dumps(json.loads(b[k]), indent=1, ensure_ascii=False).splitlines()
        print(f"--- article {k}: {json.loads(a[k])['text'][:100]!r}")
        print("\n".join(list(difflib.unified_diff(x, y, "base", "this tree", n=2, lineterm=""))[:60]))
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", default="main", help="git revision to compare against (default main)")
    ap.add_argument("--data", help="evaluation data folder (optional)")
    ap.add_argument("--write", metavar="FILE", help="only write this process's JSON lines to FILE")
    ap.add_argument("--keep", metavar="DIR", help="keep both JSON files in DIR")
    ap.add_argument("--show", type=int, default=3, help="articles whose diff is printed (default 3)")
    args = ap.parse_args(argv)
    if args.write:
        write(args.write, args.data)
        return 0

    with tempfile.TemporaryDirectory(prefix="dateline-same-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        base_tree = Path(tmp) / "base"
        base_tree.mkdir()
        archive = subprocess.run(["git", "archive", args.base, "src"], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base_tree)], input=archive, check=True)
        print(
            f"base {args.base} ({_sha(args.base)}) against this tree ({_sha('HEAD')}, uncommitted changes included)",
            flush=True,
        )
        run_child(base_tree / "src", work / "base.jsonl", args.data)
        run_child(ROOT / "src", work / "new.jsonl", args.data)
        return compare(work / "base.jsonl", work / "new.jsonl", args.show)


def _sha(rev: str) -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
