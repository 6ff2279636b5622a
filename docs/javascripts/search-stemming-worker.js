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
// Chinese (the zh edition): jieba cut the indexed text into words at build
// time, with a zero-width space between them; a query has no such marks, so
// each run of Han characters in it is cut into the index's own words, longest
// first (a character no word starts with stands alone), and question and
// filler words (的, 吗, 怎么 ...) are dropped.
//
// Loaded by javascripts/lazy-search-index.js in place of Material's worker,
// whose address it passes as ?material=; Material's code is unchanged.
(function () {
  var material = new URLSearchParams(self.location.search).get("material");
  var add = self.addEventListener.bind(self);
  var separator = null; // the site's, from the index's config (first message)
  var EXACT = 3; // boost of a query word matched whole (Material's "word*" is 1)
  var HAN = /[\u3400-\u9fff]+/g;
  var words = null; // the index's Chinese words, and the longest one's length
  var longest = 1;
  var FILLER = /^(的|了|吗|呢|吧|啊|是|和|与|及|或|在|把|被|就|都|也|还|会|要|能|可以|怎么|怎样|怎么样|如何|什么|为什么|为何|哪些|哪个|一个|这个|那个|我|我的|你|吗？)$/;

  function learn(docs) {
    words = Object.create(null);
    docs.forEach(function (doc) {
      ((doc.title || "") + "\u200b" + (doc.text || "")).split(/[^\u3400-\u9fff]+|\u200b/).forEach(function (w) {
        if (w.length > 1) { words[w] = true; if (w.length > longest) longest = w.length; }
      });
    });
  }

  function cut(run) {
    var out = [];
    for (var i = 0; i < run.length;) {
      var n = Math.min(longest, run.length - i);
      while (n > 1 && !words[run.substr(i, n)]) n--;
      out.push(run.substr(i, n));
      i += n;
    }
    return out.filter(function (w) { return !FILLER.test(w); });
  }

  function segment(query) {
    if (!words) return query;
    return query.replace(HAN, function (run) { return " " + cut(run).join(" ") + " "; });
  }

  function expand(query) {
    if (!separator || /["+\-~^:*]/.test(query)) return query;
    query = segment(query);
    var words = query.split(separator).filter(Boolean);
    var out = [];
    words.forEach(function (word) {
      var lower = word.toLowerCase();
      // A Chinese word matched whole weighs more too: 镜像 is the image
      // before it is 镜像仓库.
      if (/^[\u3400-\u9fff]{2,}$/.test(word)) return void out.push(word + "^" + EXACT, word);
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
        learn(message.data.docs || []);
      } else if (message && message.type === 2 && typeof message.data === "string") {
        message = { type: 2, data: expand(message.data) };
        return handler(new MessageEvent("message", { data: message }));
      }
      return handler(event);
    }, options);
  };
  importScripts(material);
})();
