#!/usr/bin/env python3
"""Screenshots of the web page's three views for the README: docs/img/{explorer,article,actor}.png.

    .venv/bin/python scripts/screenshots.py                 # a fresh store holding the seed
    .venv/bin/python scripts/screenshots.py --db news.db    # an existing store

Runs the seed (examples/seed-euronews-reuters.txt) through the real pipeline into a temporary
store (unless --db is given), serves it on a free loopback port as `dateline serve` does, and
drives headless Chromium (/usr/bin/chromium, or $DATELINE_CHROMIUM) with Playwright.
Needs the page's libraries: `python scripts/build_web.py` first.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
SEED = ROOT / "examples" / "seed-euronews-reuters.txt"
CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_app(url: str):
    from dateline.serve import create_app

    return create_app(url)


def seed_store(path: Path) -> tuple[str, object]:
    import dateline
    from dateline.store import Store

    url = f"sqlite:///{path}"
    article = dateline.extract(
        SEED.read_text(encoding="utf-8"),
    )
    with Store.open(url) as store:
        store.write(article)
    return url, article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="store URL to show (default: a temporary store holding the seed)")
    ap.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files (default docs/img)")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=860)
    args = ap.parse_args(argv)

    import uvicorn
    from playwright.sync_api import sync_playwright

    from dateline.web import vendor_ready

    if not vendor_ready():
        print("screenshots: the page's libraries are missing; run `python scripts/build_web.py`", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"screenshots: no Chromium at {CHROMIUM}; apt-get install -y chromium", file=sys.stderr)
        return 1

    tmp = tempfile.TemporaryDirectory()
    article = None
    if args.db:
        url = args.db
    else:
        url, article = seed_store(Path(tmp.name) / "seed.db")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(make_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"

    # What to show: the seed's Vladivostok meeting and Kim Jong Un, else the store's first event.
    import httpx

    events = httpx.get(base + "/web/api/explore", params={"per_page": 500}).json()["events"]
    pick = next(
        (e for e in events if e["type"] == "CONSULT" and (e["place"] or {}).get("name") == "Vladivostok"),
        events[0] if events else None,
    )
    if pick is None:
        print("screenshots: the store holds no events", file=sys.stderr)
        return 1
    actor = next((n for n in pick["actors"] + pick["recipients"] if "Kim" in n), (pick["actors"] or ["?"])[0])
    views = {
        "explorer": "/",
        "article": f"/article/{pick['article_id']}#ev-{quote(pick['local_id'] or '')}",
        "actor": f"/actor?name={quote(actor)}",
    }
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
        for name, path in views.items():
            page.goto(base + path)
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            page.wait_for_timeout(1200)  # outlines, layout, cluster animation
            if name == "article":
                page.evaluate("window.scrollTo(0, 0)")
            target = args.out / f"{name}.png"
            page.screenshot(path=str(target))
            print(
                f"screenshots: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}", file=sys.stderr
            )
        browser.close()
    server.should_exit = True
    thread.join(timeout=10)
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
