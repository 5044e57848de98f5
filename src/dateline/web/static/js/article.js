// Article view: /article/{id}[#ev-{event id}]
import { getJSON, showError } from "./common.js";
import { renderArticle } from "./render.js";

async function init() {
  const id = decodeURIComponent(location.pathname.replace(/^\/article\//, ""));
  const box = document.getElementById("article");
  let data;
  try {
    data = await getJSON("/web/api/article/" + encodeURIComponent(id));
  } catch (err) {
    box.textContent = "";
    showError(document.getElementById("error"), err);
    return;
  }
  document.title = "dateline · " + (data.article.headline || data.article.id);
  const view = renderArticle(box, data.article, data);
  const pick = () => {
    const m = /^#ev-(.+)$/.exec(location.hash);
    if (m) view.select(decodeURIComponent(m[1]));
  };
  pick();
  window.addEventListener("hashchange", pick);
  document.body.dataset.ready = "1";
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
