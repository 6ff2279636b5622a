// Load search only when the reader starts to search.
// Material 9.8.2 requests search/search_index.json (~45 KB gzip here) and its
// search worker script (~12 KB) on every page load, which would push a cold
// page view over the site's 100 KB budget. This file runs before Material's
// bundle (overrides/main.html) and holds both back until the reader opens
// search; Material's own code is unchanged and does not notice the wait.
(function () {
  // 1. The index: Material sends the XMLHttpRequest at start-up; hold it.
  var INDEX = /\/search\/search_index\.json$/;
  var held = []; // requests waiting for the reader; null once released
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.lazySearchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.lazySearchIndex && held) return void held.push([this, arguments]);
    return send.apply(this, arguments);
  };
  function release() {
    if (!held) return;
    var waiting = held;
    held = null;
    waiting.forEach(function (request) { send.apply(request[0], request[1]); });
  }

  // 2. The worker: Material creates it at start-up but first writes to it once
  // the index has arrived, so a stand-in creates the real one on that message.
  // Material only uses postMessage and "message" events.
  // The worker that starts is javascripts/search-stemming-worker.js, next to
  // this file, which runs Material's worker (its address passed along) and
  // stems the reader's query words.
  var NativeWorker = window.Worker;
  var STEMMING = document.currentScript.src.replace(/[^/]*$/, "search-stemming-worker.js");
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.\w+\.min\.js$/.test(String(url))) {
      return new NativeWorker(url, options);
    }
    url = STEMMING + "?material=" + encodeURIComponent(new URL(url, location.href).href);
    var standIn = new EventTarget();
    var worker = null;
    standIn.postMessage = function (data) {
      if (!worker) {
        worker = new NativeWorker(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
      }
      worker.postMessage(data);
    };
    standIn.terminate = function () { if (worker) worker.terminate(); };
    return standIn;
  };

  // Opening search: focus in the search box (a click, Tab, or Material's
  // / s f shortcuts, which focus it), or the header's search toggle on small
  // screens.
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") release();
  });
  // A shared search link (?q=, search.share) or a page opened from a result
  // (?h=, search.highlight) needs the index straight away.
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) release();
})();
