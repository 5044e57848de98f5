// The annotated article: text with actors, quotes (and speakers), places, times and event
// evidence marked up, and side panels. Built only with DOM APIs: article text is hostile.
import { el, clear, quadBadge, QUADS, safeUrl, actorHref, articleHref, makeMap } from "./common.js";

const KIND_ORDER = ["place", "time", "actor", "event", "quote"]; // which one a click picks first

function actorLabel(a) {
  return [a.name, a.kind, a.country, a.sector].filter(Boolean).join(" · ");
}

export function annotations(article) {
  const anns = [];
  const n = (article.text || "").length;
  const ok = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end;
  (article.actors || []).forEach((a, i) => (a.mentions || []).forEach((m) => {
    if (ok(m)) anns.push({ kind: "actor", start: m.start, end: m.end, idx: i, title: "actor: " + actorLabel(a) });
  }));
  (article.places || []).forEach((p, i) => {
    if (!ok(p)) return;
    const where = p.resolved && p.lat !== null && p.lat !== undefined
      ? (p.name || p.text) + (p.country ? ", " + p.country : "") + " (" + Number(p.lat).toFixed(2) + ", " + Number(p.lon).toFixed(2) + ")"
      : (p.text + " (not resolved)");
    anns.push({ kind: "place", start: p.start, end: p.end, idx: i, title: "place: " + where });
  });
  (article.times || []).forEach((t, i) => {
    if (ok(t)) anns.push({ kind: "time", start: t.start, end: t.end, idx: i,
      // a duration, a set or "now" has no calendar value: show its TimeML value ("P3D")
      title: "resolved: " + (t.value || t.timex || "unresolved") + (t.granularity ? " (" + t.granularity + ")" : "") +
        (t.direction ? ", " + t.direction + (t.anchor ? " " + t.anchor.text + (t.anchor.value ? " (" + t.anchor.value + ")" : "") : "") : "") });
  });
  (article.quotes || []).forEach((q, i) => {
    if (ok(q)) anns.push({ kind: "quote", start: q.start, end: q.end, idx: i,
      title: (q.kind || "") + " quote by " + speakerName(article, q) });
  });
  (article.events || []).forEach((e, i) => {
    const s = e.evidence;
    if (ok(s)) anns.push({ kind: "event", start: s.start, end: s.end, idx: i,
      title: "event: " + e.type + (e.mode ? " (" + e.mode + ")" : "") + ", " + (e.modality || "") });
  });
  return anns;
}

export function speakerName(article, q) {
  const a = (article.actors || []).find((x) => x.id === q.speaker);
  return (a && a.name) || q.speaker_text || "unattributed";
}

// The text split at every annotation boundary; each piece a <span> with the classes of the
// annotations covering it (data-ann lists them as kind:index).
export function buildText(article) {
  if (article.text_withheld) {
    return el("div", { className: "article-text withheld", id: "article-text" },
      el("p", { className: "notice", text: "The server withholds the articles' full text (news text is often " +
        "licensed; `dateline serve --public-text` serves it). The events' evidence sentences, the quotes " +
        "and the other facts are below." }));
  }
  const text = article.text || "";
  const anns = annotations(article);
  const cuts = new Set([0, text.length]);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const bounds = Array.from(cuts).sort((x, y) => x - y);
  const quoteStarts = new Map();
  for (const a of anns) if (a.kind === "quote") quoteStarts.set(a.start, (quoteStarts.get(a.start) || []).concat([a]));
  const root = el("div", { className: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i], e = bounds[i + 1];
    for (const q of quoteStarts.get(s) || []) {
      const quote = article.quotes[q.idx];
      root.append(el("span", { className: "speaker-tag", dataset: { ann: "quote:" + q.idx },
        title: "speaker of the quote", text: speakerName(article, quote) }));
    }
    const piece = text.slice(s, e);
    const cover = anns.filter((a) => a.start <= s && a.end >= e);
    if (!cover.length) { root.append(document.createTextNode(piece)); continue; }
    const kinds = new Set(cover.map((a) => a.kind));
    const classes = ["ann"].concat(Array.from(kinds).map((k) => "ann-" + k));
    for (const a of cover) if (a.kind === "event" || a.kind === "quote") classes.push(a.kind + "-" + a.idx);
    const titles = KIND_ORDER.flatMap((k) => cover.filter((a) => a.kind === k).map((a) => a.title));
    root.append(el("span", { className: classes.join(" "), title: titles.join("\n"),
      dataset: { ann: cover.map((a) => a.kind + ":" + a.idx).join(" ") }, text: piece }));
  }
  return root;
}

function field(dl, name, value) {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
  dl.append(el("dt", { text: name }), el("dd", {}, value instanceof Node ? value : String(value)));
}

function actorLinks(article, ids) {
  const frag = document.createDocumentFragment();
  (ids || []).forEach((id, i) => {
    const a = (article.actors || []).find((x) => x.id === id);
    if (i) frag.append(", ");
    frag.append(a ? el("a", { href: actorHref(a.name), text: a.name }) : el("span", { text: id }));
  });
  return frag;
}

export function header(article, opts) {
  const box = el("header", { className: "article-head" });
  box.append(el("h1", { id: "headline", text: article.headline || "(no headline)" }));
  const dl = el("dl", { className: "meta" });
  const by = (article.authors || []).join(", ");
  field(dl, "By", by);
  const contrib = (article.contributors || []).map((c) => c.name + (c.role ? " (" + c.role + ")" : "")).join("; ");
  field(dl, "Contributors", contrib);
  if (article.dateline && article.dateline.text) {
    field(dl, "Dateline", article.dateline.text + ((article.dateline.places || []).length ? " → " + article.dateline.places.join(", ") : ""));
  }
  const src = article.source || {};
  field(dl, "Publisher", src.publisher);
  field(dl, "Agency", src.agency);
  const pub = article.published || {};
  field(dl, "Published", (pub.date || "unknown") + " (found: " + (pub.source || "none") + ")");
  const url = safeUrl(src.url);
  if (src.url) field(dl, "URL", url ? el("a", { href: url, rel: "noopener noreferrer nofollow", text: src.url }) : src.url);
  field(dl, "Language", article.language);
  field(dl, "Id", article.id);
  box.append(dl);
  return box;
}

function eventItem(article, ev, i, extras) {
  const dl = el("dl", { className: "fields" });
  field(dl, "Actors", actorLinks(article, ev.actors));
  field(dl, "Recipients", actorLinks(article, ev.recipients));
  field(dl, "Place", ev.place ? [ev.place.name, ev.place.country].filter(Boolean).join(", ") : null);
  field(dl, "Date", ev.date ? ev.date + " (from " + (ev.date_source || "?") + ")" : "undated");
  field(dl, "Modality", ev.modality);
  field(dl, "Quad", ev.quad ? ev.quad + " · " + (QUADS[ev.quad] || {}).name : null);
  field(dl, "CAMEO", ev.cameo);
  field(dl, "Confidence", typeof ev.confidence === "number" ? ev.confidence.toFixed(2) : null);
  const corpus = extras && extras.corpus_events && extras.corpus_events[ev.id];
  field(dl, "Corpus event", corpus);
  return el("li", { className: "event-item", id: "ev-" + ev.id, dataset: { idx: String(i) }, tabIndex: 0 },
    el("div", { className: "event-title" }, quadBadge(ev.quad), " ", el("strong", { text: ev.type }),
      ev.mode ? " " + ev.mode : "", " ", el("span", { className: "modality", text: ev.modality || "" })),
    el("blockquote", { className: "evidence-text", text: ev.evidence ? ev.evidence.text : "" }), dl);
}

export function renderArticle(container, article, extras) {
  clear(container);
  extras = extras || {};
  const main = el("article", { className: "article-main" });
  main.append(header(article, extras));
  if (article.text_purged) {
    // retention dropped the full text (dateline purge): the facts, snippets and links stay
    main.append(el("p", { className: "notice purged", id: "purged", role: "note",
      text: "Full text removed on " + String(article.text_purged.at || "").slice(0, 10) + " under the retention setting (" +
        (article.text_purged.chars || 0) + " characters). Events, evidence sentences, quotes, places and links are kept." }));
  }
  const text = buildText(article);
  main.append(text);
  // Removed parts, on demand.
  const removed = article.removed || [];
  const det = el("details", { className: "removed", id: "removed" },
    el("summary", { text: "Removed by cleaning (" + removed.length + ")" }));
  const rl = el("ol");
  for (const r of removed) rl.append(el("li", {}, el("span", { className: "kind", text: r.kind }), " ", el("span", { text: r.text })));
  det.append(rl);
  main.append(det);

  const side = el("aside", { className: "article-side" });
  // Events.
  const evs = el("ol", { className: "event-list", id: "event-list" });
  (article.events || []).forEach((ev, i) => evs.append(eventItem(article, ev, i, extras)));
  side.append(el("section", { className: "side-section" }, el("h2", { text: "Events (" + (article.events || []).length + ")" }), evs));
  // Quotes with their speakers.
  const qs = el("ol", { className: "quote-list", id: "quote-list" });
  (article.quotes || []).forEach((q, i) => qs.append(el("li", { className: "quote-item", dataset: { idx: String(i) }, tabIndex: 0 },
    el("span", { className: "speaker", text: speakerName(article, q) }), q.cue ? el("span", { className: "cue", text: " " + q.cue + ": " }) : ": ",
    el("q", { text: q.text }))));
  side.append(el("section", { className: "side-section" }, el("h2", { text: "Quotes (" + (article.quotes || []).length + ")" }), qs));
  // Places on a map.
  const mapBox = el("div", { className: "map small-map", id: "article-map" });
  side.append(el("section", { className: "side-section" }, el("h2", { text: "Places" }), mapBox));
  // Actors.
  const al = el("ul", { className: "actor-list" });
  for (const a of article.actors || []) al.append(el("li", {}, el("a", { href: actorHref(a.name), text: a.name }), " ",
    el("span", { className: "muted", text: [a.kind, a.country, a.sector, (a.roles || []).join("/")].filter(Boolean).join(" · ") })));
  side.append(el("section", { className: "side-section" }, el("h2", { text: "Actors (" + (article.actors || []).length + ")" }), al));
  // The story.
  if (extras.story_articles) {
    const sl = el("ul", { className: "story-list", id: "story-list" });
    for (const o of extras.story_articles) sl.append(el("li", {}, el("a", { href: articleHref(o.id), text: o.headline || o.id }),
      " ", el("span", { className: "muted", text: [o.publisher, typeof o.similarity === "number" ? "similarity " + o.similarity.toFixed(2) : null].filter(Boolean).join(" · ") })));
    if (!extras.story_articles.length) sl.append(el("li", { className: "muted", text: "No other article of this story is stored." }));
    side.append(el("section", { className: "side-section" }, el("h2", { text: "Same story" }), sl));
  }
  container.append(el("div", { className: "article-layout" }, main, side));

  const markers = placesMap(mapBox, article);
  wire(container, article, markers);
  return { select: (id) => selectEvent(container, article, id) };
}

function placesMap(node, article) {
  const markers = {};
  if (typeof window.L === "undefined") return markers;
  const map = makeMap(node, { scrollWheelZoom: false });
  const pts = [];
  (article.places || []).forEach((p, i) => {
    if (!p.resolved || p.lat === null || p.lat === undefined) return;
    const m = window.L.marker([p.lat, p.lon], { icon: window.L.divIcon({ className: "dl-marker quad-bg-0", iconSize: [14, 14], html: "" }),
      title: p.name || p.text, alt: p.name || p.text });
    m.bindPopup(() => el("div", {}, el("strong", { text: p.name || p.text }), el("div", { text: [p.country, p.feature].filter(Boolean).join(" · ") }),
      el("a", { href: "/?near=" + encodeURIComponent(p.name || p.text), text: "events near here" })));
    m.addTo(map);
    markers[i] = { map, marker: m };
    pts.push([p.lat, p.lon]);
  });
  if (pts.length) map.fitBounds(window.L.latLngBounds(pts).pad(0.5), { maxZoom: 5 });
  return markers;
}

export function selectEvent(container, article, localId) {
  for (const x of container.querySelectorAll(".selected")) x.classList.remove("selected");
  const i = (article.events || []).findIndex((e) => e.id === localId);
  if (i < 0) return false;
  const spans = container.querySelectorAll(".event-" + i);
  spans.forEach((s) => s.classList.add("selected"));
  const item = container.querySelector('.event-item[data-idx="' + i + '"]');
  if (item) item.classList.add("selected");
  if (spans.length) spans[0].scrollIntoView({ block: "center" });
  return true;
}

function wire(container, article, markers) {
  container.addEventListener("click", (e) => {
    const item = e.target.closest(".event-item");
    if (item && !e.target.closest("a")) {
      const ev = article.events[Number(item.dataset.idx)];
      history.replaceState(null, "", "#ev-" + encodeURIComponent(ev.id));
      selectEvent(container, article, ev.id);
      return;
    }
    const qi = e.target.closest(".quote-item");
    if (qi) {
      const spans = container.querySelectorAll(".quote-" + qi.dataset.idx);
      for (const x of container.querySelectorAll(".selected")) x.classList.remove("selected");
      spans.forEach((s) => s.classList.add("selected"));
      if (spans.length) spans[0].scrollIntoView({ block: "center" });
      return;
    }
    const span = e.target.closest(".ann");
    if (!span) return;
    const anns = span.dataset.ann.split(" ").map((x) => x.split(":"));
    for (const kind of KIND_ORDER) {
      const hit = anns.find((a) => a[0] === kind);
      if (!hit) continue;
      const idx = Number(hit[1]);
      if (kind === "place" && markers[idx]) {
        const { map, marker } = markers[idx];
        map.setView(marker.getLatLng(), Math.max(map.getZoom(), 5));
        marker.openPopup();
        return;
      }
      if (kind === "event") {
        const ev = article.events[idx];
        history.replaceState(null, "", "#ev-" + encodeURIComponent(ev.id));
        selectEvent(container, article, ev.id);
        const item2 = container.querySelector('.event-item[data-idx="' + idx + '"]');
        if (item2) item2.scrollIntoView({ block: "nearest" });
        return;
      }
      if (kind === "actor") return; // the title says who; the actor list links to its view
    }
  });
  container.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.target.classList.contains("event-item") || e.target.classList.contains("quote-item"))) e.target.click();
  });
}
