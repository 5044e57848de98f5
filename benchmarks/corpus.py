"""A realistic news corpus of any size, generated at run time from the public evaluation texts.

Source texts: PolNeAR (about 1,000 US news articles, 2016) and ECB+ (982 news articles) under
``../shared/eval`` (or ``$DATELINE_EVAL_DATA`` or ``--data``). Nothing is ever written into the
repository: the corpus goes to a folder you name (the benchmark uses a temporary folder).

Each article is distinct: the lede (first 2-3 paragraphs) of one source article followed by 3-7
paragraphs drawn from other articles, under a hand-written outlet's page furniture (banner,
byline, publication date, share buttons, copyright line), published on a day of 2016. A known
share of articles (``--copies``, default 10%) are true syndicated copies: an earlier article's
story under another outlet's furniture, with one small edit (a word changed or the last
paragraph cut). ``manifest.json`` (next to the corpus folder, not inside it) lists every file
with its kind and, for a copy, the file it copies.

    python -m benchmarks.corpus OUT_DIR --articles 1000 [--copies 0.1] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    from benchmarks._data import dataset
except ImportError:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks._data import dataset

# Hand-written outlet furniture (no real outlet's text is copied).
OUTLETS = [
    (
        "The Harbour Gazette",
        "Home > World > Americas\n\nSubscribe | Log in",
        "© {year} The Harbour Gazette. All rights reserved.",
    ),
    (
        "Northern Ledger",
        "Skip to main content\n\nNews | Politics | Business | Opinion",
        "Copyright {year} Northern Ledger Media Ltd.",
    ),
    (
        "Valley Courier",
        "MENU\n\nSections\n\nSearch",
        "Valley Courier, all rights reserved. This material may not be republished.",
    ),
    ("Coastline Daily", "Breaking news alerts: sign up\n\nLatest stories", "(c) {year} Coastline Daily"),
    (
        "Metro Observer",
        "Advertisement\n\nMetro Observer\n\nUS & World",
        "Metro Observer. Terms of use. Privacy policy.",
    ),
    ("The Plains Herald", "The Plains Herald\n\nNational news", "Send us your tips: tips@plainsherald.example"),
]
SHARE = [
    "Share on Facebook\n\nShare on Twitter",
    "Share this article\n\nEmail | Print",
    "Related stories\n\nMore from Politics",
    "Comments (0)\n\nLeave a comment",
]
MONTHS = "January February March April May June July August September October November December".split()
BYLINE_NAMES = (
    "Ada Brooks|Ben Okoro|Carmen Diaz|Dmitri Volkov|Esther Lang|Felix Moreau|Gina Park|"
    "Hugo Salas|Iris Nakamura|Jon Whitfield"
).split("|")


# -- source texts --------------------------------------------------------------------------------------
def _paragraphs(text: str) -> list[str]:
    paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return [p for p in paras if 60 <= len(p) <= 1500 and not p.lower().startswith(("read the rest", "click here"))]


def load_sources(data: str | None = None) -> list[list[str]]:
    """Source articles as lists of paragraphs (PolNeAR texts, ECB+ documents)."""
    docs: list[list[str]] = []
    pol = dataset("polnear", data)
    if pol is not None:
        for path in sorted((pol / "data").glob("*/text/*.txt")):
            paras = _paragraphs(path.read_text(encoding="utf-8", errors="replace"))
            if len(paras) >= 4:
                docs.append(paras[1:])  # the first paragraph is the headline
    ecb = dataset("ecbplus", data)
    if ecb is not None:
        from benchmarks.eval_stories import detokenise

        for path in sorted((ecb / "ECB+_LREC2014" / "ECB+").glob("*/*.xml")):
            sentences: dict[int, list[str]] = {}
            for tok in ET.parse(path).getroot().iter("token"):
                sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
            if path.name.endswith("ecbplus.xml"):
                sentences.pop(0, None)  # the source URL
            sents = [detokenise(sentences[k]) for k in sorted(sentences)]
            # ECB+ has one sentence per line: two sentences make a news paragraph.
            paras = [" ".join(sents[i : i + 2]) for i in range(1, len(sents), 2)]
            paras = [p for p in paras if 60 <= len(p) <= 1500]
            if len(paras) >= 3:
                docs.append(paras)
    return docs


# -- generation ----------------------------------------------------------------------------------------
def _page(outlet: int, headline: str, byline: str, date: dt.date, body: list[str], rng: random.Random) -> str:
    name, banner, footer = OUTLETS[outlet]
    when = f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    parts = [
        banner,
        name,
        headline,
        f"By {byline}",
        f"Published: {when}",
        *body,
        rng.choice(SHARE),
        footer.format(year=date.year),
    ]
    return "\n\n".join(parts) + "\n"


def _headline(paragraph: str) -> str:
    words = re.sub(r"[\"“”]", "", paragraph).split()[:10]
    return " ".join(words).rstrip(",.;:") or "News"


def generate(out: Path, n: int, *, copies: float = 0.1, seed: int = 1, data: str | None = None) -> dict:
    """Write ``n`` articles into ``out`` (a folder of .txt files) and ``out.parent/manifest.json``;
    returns the manifest."""
    docs = load_sources(data)
    if not docs:
        raise SystemExit("no source texts: give --data or set DATELINE_EVAL_DATA (PolNeAR/ECB+)")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    start = dt.date(2016, 1, 1)
    files: list[dict] = []
    originals: list[dict] = []
    seen: set[str] = set()
    for i in range(n):
        name = f"{i:06d}.txt"
        if originals and rng.random() < copies:
            orig = rng.choice(originals)
            body = list(orig["body"])
            if len(body) > 4 and rng.random() < 0.5:
                body = body[:-1]  # the copy cut the last paragraph
            else:
                k = rng.randrange(len(body))
                body[k] = (
                    body[k].replace(" said ", " told reporters ", 1) if " said " in body[k] else body[k] + " (Updated)"
                )
            outlet = rng.choice([o for o in range(len(OUTLETS)) if o != orig["outlet"]])
            date = orig["date"] + dt.timedelta(days=rng.choice([0, 0, 1]))
            text = _page(outlet, orig["headline"], orig["byline"], date, body, rng)
            files.append({"file": name, "kind": "copy", "copy_of": orig["file"]})
        else:
            while True:
                base = rng.choice(docs)
                lede = base[: rng.randint(2, 3)]
                rest = [rng.choice(rng.choice(docs)) for _ in range(rng.randint(3, 7))]
                body = lede + rest
                digest = hashlib.sha1("\n".join(body).encode()).hexdigest()
                if digest not in seen:
                    seen.add(digest)
                    break
            outlet = rng.randrange(len(OUTLETS))
            date = start + dt.timedelta(days=rng.randrange(366))
            byline = rng.choice(BYLINE_NAMES)
            headline = _headline(lede[0])
            text = _page(outlet, headline, byline, date, body, rng)
            originals.append(
                {"file": name, "body": body, "outlet": outlet, "date": date, "headline": headline, "byline": byline}
            )
            files.append({"file": name, "kind": "original"})
        (out / name).write_text(text, encoding="utf-8")
    manifest = {
        "articles": n,
        "copies": sum(1 for f in files if f["kind"] == "copy"),
        "seed": seed,
        "sources": len(docs),
        "bytes": sum((out / f["file"]).stat().st_size for f in files),
        "files": files,
    }
    (out.parent / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="folder to write the articles into (created)")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--copies", type=float, default=0.1, help="share of syndicated copies (default 0.1)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", help="the eval folder (default $DATELINE_EVAL_DATA or ../shared/eval)")
    args = ap.parse_args(argv)
    m = generate(Path(args.out), args.articles, copies=args.copies, seed=args.seed, data=args.data)
    print(
        f"{m['articles']} articles ({m['copies']} syndicated copies) from {m['sources']} source texts, "
        f"{m['bytes'] / 1e6:.1f} MB in {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
