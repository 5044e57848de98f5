#!/usr/bin/env python3
"""Build the web page's vendor folder: install the npm packages in web/ and copy what the page
loads into src/dateline/web/static/vendor/ (git-ignored; a built wheel carries it).

    python scripts/build_web.py            # npm ci --prefix web, then copy
    python scripts/build_web.py --no-npm   # copy from an existing web/node_modules only

Nothing is fetched at run time: the page serves these files itself (no CDN, no map tiles).
Without npm the script says so and exits 0, so `make setup` still completes; the page then
shows a notice that its libraries are missing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
MODULES = WEB / "node_modules"
VENDOR = ROOT / "src" / "dateline" / "web" / "static" / "vendor"

# (file in node_modules, path under vendor/)
FILES = [
    ("leaflet/dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet/dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
    ("leaflet/dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
    ("leaflet/dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
    ("leaflet/dist/images/layers.png", "leaflet/images/layers.png"),
    ("leaflet/LICENSE", "leaflet/LICENSE"),
    ("leaflet.markercluster/dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
    ("leaflet.markercluster/dist/MarkerCluster.css", "markercluster/MarkerCluster.css"),
    ("leaflet.markercluster/dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"),
    ("leaflet.markercluster/MIT-LICENCE.txt", "markercluster/LICENSE"),
    ("world-atlas/countries-50m.json", "world-atlas/countries-50m.json"),
    ("world-atlas/LICENSE", "world-atlas/LICENSE"),
    ("topojson-client/dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"),
    ("topojson-client/LICENSE", "topojson-client/LICENSE"),
    ("uplot/dist/uPlot.iife.min.js", "uplot/uPlot.iife.min.js"),
    ("uplot/dist/uPlot.min.css", "uplot/uPlot.min.css"),
    ("uplot/LICENSE", "uplot/LICENSE"),
    ("cytoscape/dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"),
    ("cytoscape/LICENSE", "cytoscape/LICENSE"),
]


def npm_install() -> bool:
    npm = shutil.which("npm")
    if npm is None:
        print(
            "build_web: npm not found: skipping the web page's libraries (install Node.js 18+ "
            "with npm, then run `python scripts/build_web.py`); the API works without them",
            file=sys.stderr,
        )
        return False
    cmd = [npm, "ci", "--prefix", str(WEB), "--no-audit", "--no-fund", "--loglevel=error"]
    print("build_web:", " ".join(cmd), file=sys.stderr)
    done = subprocess.run(cmd, cwd=ROOT)
    if done.returncode != 0:
        print(f"build_web: npm ci failed (exit {done.returncode})", file=sys.stderr)
        return False
    return True


def copy() -> list[str]:
    missing = [src for src, _ in FILES if not (MODULES / src).is_file()]
    if missing:
        raise SystemExit(
            f"build_web: missing in web/node_modules: {', '.join(missing)}; run `npm ci --prefix web` first"
        )
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for src, dst in FILES:
        target = VENDOR / dst
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(MODULES / src, target)
    return [dst for _, dst in FILES]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-npm", action="store_true", help="copy from web/node_modules without running npm")
    args = ap.parse_args(argv)
    if not args.no_npm and not npm_install():
        return 0
    files = copy()
    (VENDOR / ".built").write_text("built by scripts/build_web.py from web/package-lock.json\n")
    print(f"build_web: {len(files)} files in {VENDOR.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
