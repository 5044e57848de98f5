// Alerts: list, create and delete saved queries, and show their recent matches (/api/v1/alerts,
// token required). Everything from the server is shown with textContent.
import { el, clear, getJSON, showError, articleHref, quadBadge, TYPES } from "./common.js";

const tokenForm = document.getElementById("token-form");
const form = document.getElementById("alert-form");
const status = document.getElementById("status");
const errorBox = document.getElementById("error");
const KEY = "dateline.token";

for (const t of TYPES) form.elements.type.append(el("option", { value: t, text: t }));
tokenForm.elements.token.value = sessionStorage.getItem(KEY) || "";

function token() { return tokenForm.elements.token.value.trim(); }

function api(path, options) {
  const headers = Object.assign({ Accept: "application/json", Authorization: "Bearer " + token() }, (options || {}).headers || {});
  return getJSON("/api/v1/alerts" + path, Object.assign({}, options || {}, { headers }));
}

function filterText(f) {
  return Object.entries(f || {}).map(([k, v]) => k + "=" + (v && typeof v === "object" ? (v.name || v.lat + "," + v.lon) : v)).join(" ");
}

function matchItem(m) {
  const ev = m.event || {};
  const who = (ev.actors || []).join(", ") + ((ev.recipients || []).length ? " → " + ev.recipients.join(", ") : "");
  const li = el("li", { className: "match-item" },
    quadBadge(ev.quad), " ", el("strong", { text: ev.type || "?" }), " ", el("span", { text: who }), " ",
    el("span", { className: "muted", text: [ev.date || "undated", ev.place && ev.place.name, (ev.n_sources || 0) + " source(s)", "alert " + m.alert, m.last_changed && m.last_changed.slice(0, 19).replace("T", " ")].filter(Boolean).join(" · ") }));
  if (ev.evidence) li.append(el("div", {}, el("q", { text: ev.evidence.text })));
  if (ev.article_id) li.append(el("div", {}, el("a", { href: articleHref(ev.article_id, ev.local_id), text: ev.headline || ev.article_id })));
  return li;
}

async function load() {
  errorBox.hidden = true;
  document.body.dataset.ready = "0";
  if (!token()) { showError(errorBox, "Alerts need the API token (DATELINE_API_TOKEN of the server)."); return; }
  sessionStorage.setItem(KEY, token());
  status.textContent = "loading…";
  try {
    const data = await api("?matches=10");
    const body = clear(document.getElementById("alerts-body"));
    if (!data.items.length) body.append(el("tr", {}, el("td", { colSpan: 6, className: "muted", text: "No alerts yet." })));
    const matches = [];
    for (const a of data.items) {
      const del = el("button", { type: "button", className: "delete", dataset: { name: a.name }, text: "Delete" });
      del.addEventListener("click", () => remove(a.name));
      body.append(el("tr", { dataset: { name: a.name } }, el("td", { text: a.name }), el("td", { text: filterText(a.filters) }),
        el("td", { text: a.channel + " " + a.target }), el("td", { text: String(a.n_matches) + (a.pending ? " (" + a.pending + " pending)" : "") }),
        el("td", { text: a.last_match ? a.last_match.slice(0, 19).replace("T", " ") : "–" }), el("td", {}, del)));
      matches.push(...(a.recent || []));
    }
    matches.sort((x, y) => (y.last_changed || "").localeCompare(x.last_changed || ""));
    const ol = clear(document.getElementById("matches"));
    if (!matches.length) ol.append(el("li", { className: "muted", text: "None yet." }));
    for (const m of matches.slice(0, 30)) ol.append(matchItem(m));
    status.textContent = data.total + " alert(s)";
    document.body.dataset.ready = "1";
  } catch (err) {
    status.textContent = "";
    showError(errorBox, err.status === 401 || err.status === 403 ? "The API refused the token: " + err.message : err);
  }
}

async function create() {
  errorBox.hidden = true;
  const f = form.elements;
  const body = { name: f.name.value.trim() };
  body[f.channel.value === "email" ? "email" : "webhook"] = f.target.value.trim();
  for (const k of ["actor", "type", "country", "near", "text"]) if (f[k].value.trim()) body[k] = f[k].value.trim();
  for (const k of ["quad", "min_sources"]) if (f[k].value) body[k] = parseInt(f[k].value, 10);
  if (f.radius_km.value) body.radius_km = parseFloat(f.radius_km.value);
  try {
    const out = await api("", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const secret = document.getElementById("secret");
    secret.textContent = out.secret ? "Saved. Webhook secret (shown once): " + out.secret : "Saved.";
    form.reset();
    await load();
  } catch (err) { showError(errorBox, err); }
}

async function remove(name) {
  errorBox.hidden = true;
  try {
    const res = await fetch("/api/v1/alerts/" + encodeURIComponent(name), { method: "DELETE", headers: { Authorization: "Bearer " + token() } });
    if (!res.ok && res.status !== 204) {
      let msg = res.status + " " + res.statusText;
      try { msg = (await res.json()).error.message; } catch (_) { /* keep the status */ }
      throw new Error(msg);
    }
    await load();
  } catch (err) { showError(errorBox, err); }
}

tokenForm.addEventListener("submit", (e) => { e.preventDefault(); load(); });
form.addEventListener("submit", (e) => { e.preventDefault(); create(); });
if (token()) load(); else document.body.dataset.ready = "1";
