// Events explorer: filters in the URL, a map, a timeline and a sortable, paginated table.
import { el, clear, getJSON, responseJSON, showError, articleHref, actorHref, quadBadge, QUADS, TYPES, MODALITIES,
  makeMap, quadMarker, drawTimeline, vendorMissing, vendorNotice } from "./common.js";

const FILTERS = ["actor", "type", "modality", "since", "until", "near", "radius", "text"];
const PER_PAGE = 50;
const form = document.getElementById("filters");
const errorBox = document.getElementById("error");
const summary = document.getElementById("summary");
let map = null, cluster = null, centerLayer = null;

function fillSelect(name, values) {
  const sel = form.elements[name];
  for (const v of values) sel.append(el("option", { value: v, text: v }));
}

function state() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of FILTERS.concat(["sort", "order", "page"])) if (p.get(k)) s[k] = p.get(k);
  return s;
}

function toForm(s) {
  for (const k of FILTERS.concat(["sort", "order", "page"])) form.elements[k].value = s[k] || "";
}

function fromForm() {
  const s = {};
  for (const k of FILTERS.concat(["sort", "order"])) {
    const v = String(form.elements[k].value || "").trim();
    if (v) s[k] = v;
  }
  return s;
}

function go(s, push) {
  const qs = new URLSearchParams(s).toString();
  const url = location.pathname + (qs ? "?" + qs : "");
  if (push) history.pushState(null, "", url);
  load();
}

function legend() {
  const box = document.getElementById("legend");
  for (let q = 1; q <= 4; q++) {
    box.append(el("span", { className: "legend-item" }, el("span", { className: "swatch quad-bg-" + q }), QUADS[q].name));
  }
}

function popup(point) {
  const s = Object.assign(state(), { near: point.name || (point.lat + "," + point.lon), radius: "25" });
  delete s.page;
  const box = el("div", { className: "popup" }, el("strong", { text: point.name || "unnamed place" }),
    el("div", { text: point.n + (point.n === 1 ? " event" : " events") }));
  const list = el("ul");
  for (let q = 1; q <= 4; q++) if (point.quads[q - 1]) list.append(el("li", {}, quadBadge(q), " " + point.quads[q - 1] + " " + QUADS[q].name));
  box.append(list, el("a", { href: "/?" + new URLSearchParams(s).toString(), text: "events near here" }));
  return box;
}

function drawMap(data) {
  const L = window.L;
  if (!map) {
    map = makeMap(document.getElementById("map"));
    cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false,
      iconCreateFunction: (c) => {
        const kids = c.getAllChildMarkers();
        const counts = [0, 0, 0, 0, 0];
        let n = 0;
        for (const m of kids) { counts[m.dlQuad] += m.dlCount; n += m.dlCount; }
        let best = 1;
        for (let q = 2; q <= 4; q++) if (counts[q] > counts[best]) best = q;
        // html: an element built with textContent (Leaflet appends elements, it parses strings)
        return L.divIcon({ className: "dl-cluster quad-bg-" + best, iconSize: [30, 30],
          html: el("span", { text: String(n) }) });
      } });
    map.addLayer(cluster);
  }
  cluster.clearLayers();
  if (centerLayer) { map.removeLayer(centerLayer); centerLayer = null; }
  const markers = data.places.map((p) => {
    const title = (p.name || "unnamed place") + " (" + p.n + (p.n === 1 ? " event" : " events") + ")";
    const m = quadMarker(p, title);
    m.bindPopup(() => popup(p));
    return m;
  });
  cluster.addLayers(markers);
  if (data.near) {
    centerLayer = L.circle([data.near.lat, data.near.lon], { radius: data.near.radius_km * 1000, color: "#555",
      weight: 1, fill: false, dashArray: "4 4", interactive: false }).addTo(map);
    map.fitBounds(centerLayer.getBounds(), { maxZoom: 8 });
  } else if (markers.length) {
    const b = L.latLngBounds(data.places.map((p) => [p.lat, p.lon]));
    map.fitBounds(b.pad(0.3), { maxZoom: 5 });
  }
}

function sortHeaders(s) {
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const active = (s.sort || "date") === th.dataset.sort;
    th.setAttribute("aria-sort", active ? ((s.order || "asc") === "asc" ? "ascending" : "descending") : "none");
  }
}

function names(list) {
  const frag = document.createDocumentFragment();
  (list || []).forEach((n, i) => {
    if (i) frag.append(", ");
    frag.append(el("a", { href: actorHref(n), text: n }));
  });
  return frag;
}

function drawTable(data, s) {
  const body = document.querySelector("#events tbody");
  clear(body);
  for (const ev of data.events) {
    const place = ev.place && ev.place.name ? ev.place.name : "";
    const evidence = ev.evidence ? el("a", { href: articleHref(ev.article_id, ev.local_id), className: "evidence-link",
      title: ev.headline || "", text: ev.evidence.text }) : el("span", { className: "muted", text: "–" });
    body.append(el("tr", { dataset: { event: ev.id, type: ev.type } },
      el("td", { className: "nowrap", text: ev.date || "undated" }),
      el("td", {}, el("span", { className: "type", text: ev.type }), ev.mode ? el("span", { className: "mode", text: " " + ev.mode }) : null),
      el("td", {}, quadBadge(ev.quad)),
      el("td", { text: ev.modality || "" }),
      el("td", {}, names(ev.actors)),
      el("td", {}, names(ev.recipients)),
      el("td", { text: place }),
      el("td", { className: "num", text: ev.n_sources }),
      el("td", { className: "evidence" }, evidence)));
  }
  if (!data.events.length) body.append(el("tr", {}, el("td", { colSpan: 9, className: "muted", text: "No events match." })));
  const pager = clear(document.getElementById("pager"));
  const pages = Math.max(1, Math.ceil(data.total / data.per_page));
  const link = (page, label) => {
    const t = Object.assign({}, s, { page: String(page) });
    if (page === 1) delete t.page;
    return el("a", { href: "?" + new URLSearchParams(t).toString(), dataset: { page: String(page) }, text: label });
  };
  if (data.page > 1) pager.append(link(data.page - 1, "‹ previous"), " ");
  pager.append(el("span", { text: "page " + data.page + " of " + pages }));
  if (data.page < pages) pager.append(" ", link(data.page + 1, "next ›"));
}

let seq = 0;
async function load() {
  const s = state();
  toForm(s);
  sortHeaders(s);
  errorBox.hidden = true;
  const mine = ++seq;
  const qs = new URLSearchParams(Object.assign({ per_page: String(PER_PAGE) }, s)).toString();
  const url = window.dlExploreQuery ? window.dlExploreQuery(location.search) : "/web/api/explore?" + qs;
  const pre = window.dlPrefetch;
  window.dlPrefetch = null;
  let data;
  try {
    data = pre && pre.url === url ? await responseJSON(await pre.response) : await getJSON(url);
  } catch (err) {
    summary.textContent = "";
    showError(errorBox, err);
    return;
  }
  if (mine !== seq) return;
  const near = data.near ? " within " + data.near.radius_km + " km of " + data.near.name : "";
  summary.textContent = data.total + (data.total === 1 ? " event" : " events") + near +
    (data.places.length ? " at " + data.places.length + (data.places.length === 1 ? " place" : " places") : "");
  drawTable(data, s);
  drawTimeline(document.getElementById("timeline"), data.timeline, (day, bucket) => {
    const t = Object.assign(state(), { since: day, until: day });
    if (bucket === "week") {
      const d = new Date(day + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 6);
      t.until = d.toISOString().slice(0, 10);
    }
    delete t.page;
    go(t, true);
  });
  drawMap(data);
  document.body.dataset.ready = "1";
  performance.mark("dateline:explorer-ready");
}

async function actorNames() {
  try {
    const list = (await getJSON("/web/api/actors")).actors;
    const dl = document.getElementById("actor-names");
    for (const a of list) if (a && a.name) dl.append(el("option", { value: a.name }));
  } catch (_) { /* suggestions are optional */ }
}

function init() {
  if (vendorMissing()) { vendorNotice(errorBox); return; }
  fillSelect("type", TYPES);
  fillSelect("modality", MODALITIES);
  legend();
  form.addEventListener("submit", (e) => { e.preventDefault(); go(fromForm(), true); });
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.tabIndex = 0;
    const sort = () => {
      const s = state();
      const same = (s.sort || "date") === th.dataset.sort;
      s.order = same && (s.order || "asc") === "asc" ? "desc" : "asc";
      s.sort = th.dataset.sort;
      delete s.page;
      go(s, true);
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
  }
  document.getElementById("pager").addEventListener("click", (e) => {
    const a = e.target.closest("a[data-page]");
    if (!a) return;
    e.preventDefault();
    history.pushState(null, "", a.getAttribute("href"));
    load();
  });
  window.addEventListener("popstate", load);
  load();
  actorNames();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
