// Starts the explorer's first data request while the page's libraries load (an async classic
// script in <head>); explorer.js takes the response over, or asks again if this ran late.
(function () {
  var KEYS = ["actor", "type", "modality", "since", "until", "near", "radius", "text", "sort", "order", "page"];
  window.dlExploreQuery = function (search) {
    var p = new URLSearchParams(search);
    var out = new URLSearchParams({ per_page: "50" });
    KEYS.forEach(function (k) { if (p.get(k)) out.set(k, p.get(k)); });
    return "/web/api/explore?" + out.toString();
  };
  var url = window.dlExploreQuery(location.search);
  window.dlPrefetch = { url: url, response: fetch(url, { headers: { Accept: "application/json" } }) };
})();
