// Actor view: /actor?name=...: its events over time and its counterparts as a network.
import { el, clear, getJSON, showError, articleHref, actorHref, quadBadge, drawTimeline } from "./common.js";

const COLORS = { cooperation: "#2b8cbe", conflict: "#d7301f", other: "#999999" };

function drawNetwork(node, net, name) {
  clear(node);
  if (!net.nodes.length) { node.append(el("p", { className: "muted", text: "No counterparts." })); return; }
  if (typeof window.cytoscape === "undefined") return;
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  const maxN = Math.max(1, ...net.nodes.map((n) => n.events));
  const elements = net.nodes.map((n) => ({ data: { id: n.id, label: n.label, own: n.own ? 1 : 0,
    size: 14 + 22 * Math.sqrt(n.events / maxN) } }));
  net.edges.forEach((e, i) => elements.push({ data: { id: "e" + i, source: e.source, target: e.target,
    weight: e.weight, width: 1 + 7 * e.weight / maxW, color: COLORS[e.class] || COLORS.other, cls: e.class,
    directed: e.directed ? 1 : 0 } }));
  const cy = window.cytoscape({
    container: node, elements, maxZoom: 1.4,
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
        "background-color": "#6b7280", color: "#111", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: "node[own = 1]", style: { "background-color": "#111827", "font-weight": "bold" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8, label: "data(weight)", "font-size": 9,
        "text-background-color": "#fff", "text-background-opacity": 0.8 } },
      { selector: "edge[directed = 0]", style: { "target-arrow-shape": "none" } },
    ],
    layout: { name: net.nodes.length > 60 ? "circle" : "cose", animate: false, padding: 20, nodeRepulsion: 9000, randomize: false },
  });
  cy.on("tap", "node", (evt) => { location.href = actorHref(evt.target.data("label")); });
  node.dataset.nodes = String(net.nodes.length);
  node.dataset.edges = String(net.edges.length);
  window.dlNetwork = cy; // for tests and the screenshot script
}

function table(events) {
  const body = clear(document.querySelector("#events tbody"));
  const names = (list) => {
    const f = document.createDocumentFragment();
    (list || []).forEach((n, i) => { if (i) f.append(", "); f.append(el("a", { href: actorHref(n), text: n })); });
    return f;
  };
  for (const ev of events) {
    body.append(el("tr", {}, el("td", { className: "nowrap", text: ev.date || "undated" }),
      el("td", { text: ev.type + (ev.mode ? " " + ev.mode : "") }), el("td", {}, quadBadge(ev.quad)),
      el("td", {}, names(ev.actors)), el("td", {}, names(ev.recipients)),
      el("td", { text: ev.place && ev.place.name ? ev.place.name : "" }),
      el("td", { className: "evidence" }, ev.evidence ? el("a", { href: articleHref(ev.article_id, ev.local_id), text: ev.evidence.text }) : "")));
  }
}

async function init() {
  const name = new URLSearchParams(location.search).get("name") || "";
  const form = document.getElementById("actor-form");
  form.elements.name.value = name;
  if (!name) { document.getElementById("actor-name").textContent = "Pick an actor"; return; }
  document.getElementById("actor-name").textContent = name;
  document.title = "dateline · " + name;
  document.getElementById("all-events").setAttribute("href", "/?actor=" + encodeURIComponent(name));
  let data;
  try {
    data = await getJSON("/web/api/actor?name=" + encodeURIComponent(name));
  } catch (err) { showError(document.getElementById("error"), err); return; }
  const who = data.matched.slice(0, 5).map((a) => [a.name, a.kind, a.country, a.sector].filter(Boolean).join(" · ")).join("; ");
  document.getElementById("actor-who").textContent = data.total + (data.total === 1 ? " event" : " events") +
    (who ? " · matches: " + who + (data.matched.length > 5 ? "; …" : "") : "");
  drawNetwork(document.getElementById("network"), data.network, name);
  if (typeof window.uPlot !== "undefined") drawTimeline(document.getElementById("timeline"), data.timeline);
  table(data.events);
  document.body.dataset.ready = "1";
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
