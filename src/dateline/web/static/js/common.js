// Shared helpers. Article data is hostile: every element is built with createElement and
// textContent; nothing from the server is ever parsed as HTML.

// The contract's enumerations come from the server (dateline.article, GET /web/api/vocabulary),
// so the page keeps no copy of them; only the colours are the page's own.
const QUAD_COLORS = { 1: "#2b8cbe", 2: "#31a354", 3: "#fd8d3c", 4: "#d7301f" };
const VOCABULARY = await fetch("/web/api/vocabulary", { headers: { Accept: "application/json" } })
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null) || { types: [], quads: {}, modalities: [], actor_kinds: [] };

export const QUADS = Object.fromEntries(
  [1, 2, 3, 4].map((q) => [q, { name: VOCABULARY.quads[q] || "quad " + q, color: QUAD_COLORS[q] }]));
export const TYPES = VOCABULARY.types.map((t) => t.type);
export const MODALITIES = VOCABULARY.modalities;

// el("a", {href: "/x", className: "c", title: "t", dataset: {k: "v"}}, "text", child, ...)
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "className") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on")) throw new Error("use addEventListener, not " + k);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export async function getJSON(url, options) {
  return responseJSON(await fetch(url, Object.assign({ headers: { Accept: "application/json" } }, options || {})));
}

export async function responseJSON(res) {
  let body = null;
  try { body = await res.json(); } catch (_) { body = null; }
  if (!res.ok) {
    const msg = (body && body.error && (body.error.message || body.error)) ||
      (body && body.detail && JSON.stringify(body.detail)) || (res.status + " " + res.statusText);
    const err = new Error(typeof msg === "string" ? msg : JSON.stringify(msg));
    err.status = res.status;
    throw err;
  }
  return body;
}

export function showError(container, err) {
  clear(container);
  container.hidden = false;
  container.append(el("p", { className: "error", role: "alert", text: String(err && err.message || err) }));
}

// Only http(s) links are ever made from article data.
export function safeUrl(u) {
  try {
    const url = new URL(String(u), location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (_) { return null; }
}

export function articleHref(articleId, localId) {
  return "/article/" + encodeURIComponent(articleId) + (localId ? "#ev-" + encodeURIComponent(localId) : "");
}

export function actorHref(name) {
  return "/actor?name=" + encodeURIComponent(name);
}

export function quadBadge(quad) {
  const q = QUADS[quad];
  return el("span", { className: "quad quad-" + (q ? quad : "0"), title: q ? q.name : "no quad class",
    text: q ? "Q" + quad : "–" });
}

export function vendorMissing() {
  return typeof window.L === "undefined" || typeof window.uPlot === "undefined";
}

export function vendorNotice(container) {
  container.hidden = false;
  container.append(el("p", { className: "error", role: "alert",
    text: "The page's libraries are missing: run `make setup` (or `python scripts/build_web.py`) " +
      "to install them from npm, then reload." }));
}

// A Leaflet map whose basemap is the Natural Earth outlines of world-atlas (no tile server).
let worldPromise = null;
export function worldOutlines() {
  if (!worldPromise) {
    worldPromise = getJSON("/web/static/vendor/world-atlas/countries-50m.json")
      .then((topo) => unwrap(window.topojson.feature(topo, topo.objects.countries)));
  }
  return worldPromise;
}

// Leaflet draws lon/lat on a plane: make each ring's longitudes continuous (a ring that crosses
// the antimeridian extends past 180 instead of striking across the map); drop Antarctica.
function unwrapRing(ring) {
  const out = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    if (i > 0) {
      const d = ring[i][0] - ring[i - 1][0];
      if (d > 180) shift -= 360; else if (d < -180) shift += 360;
    }
    out.push([ring[i][0] + shift, ring[i][1]]);
  }
  return out;
}
function unwrap(fc) {
  fc.features = fc.features.filter((f) => f.id !== "010" && f.geometry);
  for (const f of fc.features) {
    const g = f.geometry;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrapRing);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrapRing));
  }
  return fc;
}

export function makeMap(node, options) {
  const L = window.L;
  const map = L.map(node, Object.assign({ worldCopyJump: true, minZoom: 1, maxZoom: 12,
    zoomSnap: 0.5, attributionControl: true, preferCanvas: false }, options || {}));
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas)");
  map.setView([25, 20], 1.5);
  worldOutlines().then((geo) => {
    L.geoJSON(geo, { interactive: false, style: { color: "#8a8f98", weight: 0.6, fillColor: "#f4f1ea",
      fillOpacity: 1 } }).addTo(map).bringToBack();
  }).catch(() => { /* the map still works without outlines */ });
  return map;
}

// A marker coloured by its dominant quad class (a CSS class on a divIcon: no inline HTML).
export function quadMarker(point, title) {
  const L = window.L;
  let best = 0;
  for (let i = 1; i < 4; i++) if (point.quads[i] > point.quads[best]) best = i;
  const quad = point.quads[best] > 0 ? best + 1 : 0;
  const icon = L.divIcon({ className: "dl-marker quad-bg-" + quad, iconSize: [16, 16], iconAnchor: [8, 8],
    html: "" });
  const marker = L.marker([point.lat, point.lon], { icon, title, alt: title, keyboard: true });
  marker.dlQuad = quad;
  marker.dlCount = point.n;
  return marker;
}

// A uPlot chart of counts per day or week by quad class, as stacked bars: series k holds the
// sum of quads 1..k and is drawn before the smaller ones (uPlot has no stacking of its own).
const DAY = 86400;
export function drawTimeline(node, tl, onPick) {
  clear(node);
  if (!tl || !tl.dates.length) {
    node.append(el("p", { className: "muted", text: "No dated events to chart." }));
    return null;
  }
  const step = tl.bucket === "week" ? 7 * DAY : DAY;
  const xs = tl.dates.map((d) => Date.parse(d + "T00:00:00Z") / 1000 + step / 2);
  const cum = [];
  for (let k = 0; k < 4; k++) cum.push(xs.map((_, i) => tl.counts.slice(0, k + 1).reduce((s, c) => s + c[i], 0)));
  const width = Math.max(300, node.clientWidth || 600);
  const span = Math.max(1, (xs[xs.length - 1] - xs[0]) / step + 1);
  const bars = window.uPlot.paths.bars({ size: [Math.min(0.9, 0.9), Math.max(2, Math.min(60, width / span))], align: 0 });
  const series = [{ label: tl.bucket }];
  const order = [4, 3, 2, 1];
  for (const q of order) {
    series.push({ label: QUADS[q].name, stroke: QUADS[q].color, fill: QUADS[q].color, width: 0, paths: bars,
      points: { show: false }, value: (u, v, si, i) => (i === null || i === undefined ? "" : tl.counts[q - 1][i]) });
  }
  const fmt = (t) => new Date(t * 1000).toISOString().slice(0, 10);
  const opts = {
    width, height: 190, series, legend: { show: true, live: false },
    scales: { x: { time: true, range: () => [xs[0] - step, xs[xs.length - 1] + step] },
      y: { range: (u, min, max) => [0, Math.max(2, Math.ceil(max * 1.1))] } },
    axes: [{ space: 90, incrs: [DAY, 7 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY, 730 * DAY],
      values: (u, splits) => splits.map(fmt) },
    { label: "events per " + tl.bucket, size: 50, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] }],
    cursor: { drag: { x: false, y: false }, points: { show: false } },
  };
  const chart = new window.uPlot(opts, [xs].concat(order.map((q) => cum[q - 1])), node);
  if (onPick) {
    chart.over.addEventListener("click", () => {
      const i = chart.cursor.idx;
      if (i !== null && i !== undefined) onPick(tl.dates[i], tl.bucket);
    });
    chart.over.title = "click a bar to show its " + tl.bucket;
  }
  const notes = [];
  if (tl.imprecise) notes.push(tl.imprecise + " dated only to a month or year");
  if (tl.undated) notes.push(tl.undated + " undated");
  if (notes.length) node.append(el("p", { className: "muted small", text: "Not charted: " + notes.join(", ") + "." }));
  return chart;
}

export function fmtDate(d) { return d || "undated"; }
