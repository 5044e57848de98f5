// Add an article: analyse pasted text/HTML or a file (nothing stored), then store it with the token.
import { el, clear, getJSON, showError, articleHref } from "./common.js";
import { renderArticle } from "./render.js";

const form = document.getElementById("add-form");
const status = document.getElementById("status");
const errorBox = document.getElementById("error");

function looksHtml(s) { return /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(s); }

function payload() {
  const content = form.elements.content.value;
  if (!content.trim()) throw new Error("Paste an article or pick a file first.");
  const fmt = form.elements.format.value;
  const html = fmt === "html" || (fmt === "auto" && looksHtml(content));
  const body = html ? { html: content } : { text: content };
  if (form.elements.url.value.trim()) body.url = form.elements.url.value.trim();
  if (form.elements.published.value.trim()) body.published = form.elements.published.value.trim();
  return body;
}

async function analyse() {
  errorBox.hidden = true;
  document.body.dataset.ready = "0";
  status.textContent = "analysing…";
  try {
    const data = await getJSON("/web/api/preview", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload()) });
    status.textContent = "analysed (not stored): " + data.article.events.length + " events, " + data.article.quotes.length + " quotes";
    renderArticle(document.getElementById("preview"), data.article, {});
    document.body.dataset.ready = "1";
  } catch (err) { status.textContent = ""; showError(errorBox, err); }
}

async function store() {
  errorBox.hidden = true;
  const token = form.elements.token.value.trim();
  if (!token) { showError(errorBox, "Storing needs the API token (DATELINE_API_TOKEN of the server)."); form.elements.token.focus(); return; }
  status.textContent = "storing…";
  try {
    const data = await getJSON("/api/v1/articles", { method: "POST", headers: { "Content-Type": "application/json",
      Accept: "application/json", Authorization: "Bearer " + token }, body: JSON.stringify(payload()) });
    const article = data.article || data;
    clear(status);
    status.append("stored: ", el("a", { href: articleHref(article.id), id: "stored-link", text: article.headline || article.id }));
  } catch (err) {
    status.textContent = "";
    showError(errorBox, err.status === 401 || err.status === 403 ? "The API refused the token: " + err.message : err);
  }
}

form.addEventListener("submit", (e) => { e.preventDefault(); analyse(); });
document.getElementById("store").addEventListener("click", store);
form.elements.file.addEventListener("change", () => {
  const f = form.elements.file.files[0];
  if (!f) return;
  if (f.size > 1000000) { showError(errorBox, "That file is larger than 1 MB: store it with `dateline ingest`."); return; }
  const reader = new FileReader();
  reader.addEventListener("load", () => {
    form.elements.content.value = String(reader.result);
    if (/\.html?$/i.test(f.name)) form.elements.format.value = "html";
  });
  reader.readAsText(f);
});
document.body.dataset.ready = "1";
