"""Actors on the project's own gold set: 34 real-style articles and the 94 actors they name.

    python -m benchmarks.eval_actors            # figures
    python -m benchmarks.eval_actors --errors   # + every miss

The set (``tests/fixtures/actors_gold.json``) is written by the project (no outlet's text): wire
stories in news style with the cases issue #15 found in real articles (a person under four
name variants, headline fragments, platforms and events tagged as persons, a city tagged as an
organisation, generic agents such as "Malian soldiers" and "a group of rebel military
officers"). Each gold actor gives a mention, a gold id shared by the articles naming the same
actor, its kind, ISO3 country and PLOVER sector.

Each article runs through the whole pipeline (``dateline.extract``), then all of them go into
one temporary store. Scores:

* **found**: some actor of ours has a mention overlapping the gold mention;
* **kind / country / sector**: of the found ones (sector only where the gold gives one);
* **one actor across the store**: gold ids whose actors all get one store key (``split`` when
  one gold actor has several keys, ``merged`` when one key holds several gold actors);
* **no false actor**: ``not_actors`` texts (headline fragments, "Brexit", "'s Hoa Lo") that are
  some actor's name or mention; **places**: texts that must be places (Qamishli) and are.

No peer publishes figures on this set (it is ours); the targets are the issue's.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "actors_gold.json"


def load_gold(path: Path = GOLD) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["articles"]


def run(gold: list[dict]) -> list:
    """The pipeline's Article for each gold article (published date from the gold)."""
    from dateline import Pipeline
    from dateline.read import RawInput

    pipe = Pipeline()
    raws = [
        RawInput(text=g["text"], html=None, url=None, published=g["published"], origin=f"{g['id']}.txt") for g in gold
    ]
    return list(pipe.pipe(raws))


def match(article, mention: str):
    """Our actor whose mention overlaps the first occurrence of ``mention``."""
    k = article.text.find(mention)
    if k < 0:
        return None
    span = (k, k + len(mention))
    best, size = None, 0
    for a in article.actors:
        for m in a.mentions:
            o = min(span[1], m.end) - max(span[0], m.start)
            if o > size:
                best, size = a, o
    return best


def score(gold: list[dict], articles: list, store_url: str | None = None) -> dict:
    """Counters of every figure in the module docstring (``store_url``: where to ingest)."""
    from dateline.store import Store

    c: Counter = Counter()
    misses: list[str] = []
    found_ids: dict[str, list[tuple[str, str]]] = defaultdict(list)  # gold id -> (article id, actor id)
    for g, art in zip(gold, articles):
        for ga in g["actors"]:
            c["n"] += 1
            ours = match(art, ga["mention"])
            if ours is None:
                misses.append(f"{g['id']}: {ga['mention']!r} not found")
                continue
            c["found"] += 1
            found_ids[ga["gold"]].append((art.id, ours.id))
            for field in ("kind", "country", "sector"):
                if field == "sector" and ga["sector"] is None:
                    continue
                c[f"{field}_n"] += 1
                ok = getattr(ours, field) == ga[field]
                c[field] += ok
                if not ok:
                    misses.append(
                        f"{g['id']}: {ga['mention']!r} {field} {getattr(ours, field)!r}, gold {ga[field]!r} "
                        f"({ours.name})"
                    )
        names = {a.name.lower() for a in art.actors} | {
            art.text[m.start : m.end].lower() for a in art.actors for m in a.mentions
        }
        for bad in g["not_actors"]:
            c["not_n"] += 1
            if bad.lower() in names:
                c["false_actor"] += 1
                misses.append(f"{g['id']}: {bad!r} is an actor")
        for place in g["places"]:
            c["places_n"] += 1
            ok = any(p.text == place for p in art.places)
            c["places"] += ok
            if not ok or any(a.name == place for a in art.actors):
                misses.append(f"{g['id']}: {place!r} is no place or is an actor")
    with tempfile.TemporaryDirectory() as tmp:
        url = store_url or f"sqlite:///{tmp}/gold.db"
        with Store.open(url) as store:
            for art in articles:
                store.write(art)
            import sqlalchemy as sa

            from dateline.store import schema as S

            with store.engine.connect() as conn:
                keys = {
                    (r.article_id, r.actor_id): r.actor_key
                    for r in conn.execute(sa.select(S.actors.c.article_id, S.actors.c.actor_id, S.actors.c.actor_key))
                }
    key_golds: dict[str, set[str]] = defaultdict(set)
    for gid, pairs in found_ids.items():
        ks = {keys.get(p) for p in pairs}
        for k in ks:
            key_golds[k].add(gid)
        if len(pairs) > 1:
            c["multi_n"] += 1
            c["multi_one_key"] += len(ks) == 1
            if len(ks) > 1:
                misses.append(f"gold actor {gid!r} split over keys {sorted(map(str, ks))}")
    c["ids"] = len(found_ids)
    c["merged"] = sum(1 for k, gs in key_golds.items() if len(gs) > 1)
    for k, gs in key_golds.items():
        if len(gs) > 1:
            misses.append(f"key {k!r} holds gold actors {sorted(gs)}")
    c["_misses"] = misses  # type: ignore[assignment]
    return c


def pct(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.eval_actors",
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m benchmarks.eval_actors --errors",
    )
    ap.add_argument("--errors", action="store_true", help="print every miss")
    ap.add_argument("--data", help="unused (the gold articles are the project's own); accepted for make eval")
    args = ap.parse_args(argv)
    gold = load_gold()
    c = score(gold, run(gold))
    print(f"actors gold set: {len(gold)} articles, {c['n']} actors ({GOLD.relative_to(ROOT)})")
    print(
        f"  found {pct(c['found'], c['n'])}  kind {pct(c['kind'], c['kind_n'])}  country "
        f"{pct(c['country'], c['country_n'])}"
        f"  sector {pct(c['sector'], c['sector_n'])}"
    )
    print(
        f"  one key per actor named in several articles {pct(c['multi_one_key'], c['multi_n'])}"
        f"  keys holding several gold actors {c['merged']}"
    )
    print(
        f"  false actors {c['false_actor']} of {c['not_n']} texts that must be none"
        f"  | places {pct(c['places'], c['places_n'])}"
    )
    if args.errors:
        for m in c["_misses"]:
            print("   ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
