// Material's search worker, with stemming that keeps its prefix search.
//
// Material adds a trailing wildcard to every query word ("pruning" becomes
// "pruning*"), and lunr runs no pipeline, so no stemmer, on a word with a
// wildcard: with stemmed index words ("prune", "imag") such queries missed,
// which is why Material's English pipeline has no stemmer. So the index keeps
// whole words, and each query word whose stem is not a prefix of it is searched
// as that stem too, and as the stem alone when it is: "pruning" as "pruning
// prune", "changed" as "chang" (then "chang*" finds change, changes, changed).
// Each word is also searched whole, with a boost (lunr's "word^3", which
// Material passes on without a wildcard), so that a word found as itself ranks
// above words it is only the start of. Words the site's separator drops (stop
// words, one letter) stay dropped, and a query with lunr syntax (quotes,
// + - ~ ^ :) is passed on as typed.
//
// Loaded by javascripts/lazy-search-index.js in place of Material's worker,
// whose address it passes as ?material=; Material's code is unchanged.
(function () {
  var material = new URLSearchParams(self.location.search).get("material");
  var add = self.addEventListener.bind(self);
  var separator = null; // the site's, from the index's config (first message)
  var EXACT = 3; // boost of a query word matched whole (Material's "word*" is 1)

  function expand(query) {
    if (!separator || /["+\-~^:*]/.test(query)) return query;
    var words = query.split(separator).filter(Boolean);
    var out = [];
    words.forEach(function (word) {
      var lower = word.toLowerCase();
      if (!/^[a-z]{3,}$/.test(lower)) return void out.push(word);
      // The word itself, exactly, weighs more than what it is a prefix of:
      // "diff" is docker diff before it is "difference".
      out.push(lower + "^" + EXACT);
      var stem = self.lunr.stemmer(new self.lunr.Token(lower)).toString();
      if (stem === lower) out.push(lower);
      else if (lower.indexOf(stem) === 0) out.push(stem);
      else out.push(lower, stem);
    });
    return out.join(" ");
  }

  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return add(type, handler, options);
    add("message", function (event) {
      var message = event.data;
      if (message && message.type === 0 && message.data && message.data.config) {
        separator = new RegExp(message.data.config.separator, "g");
      } else if (message && message.type === 2 && typeof message.data === "string") {
        message = { type: 2, data: expand(message.data) };
        return handler(new MessageEvent("message", { data: message }));
      }
      return handler(event);
    }, options);
  };
  importScripts(material);
})();
