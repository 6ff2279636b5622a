// The language switcher keeps the page and the section: from /start/#install
// to /zh/start/#install and back. Each language's root is its link in the
// switcher (extra.alternate); the current one is the link whose hreflang is
// the page's lang. Where the other language has no such page yet, the switch
// lands on its home page.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (!link || event.metaKey || event.ctrlKey) return;
  var lang = document.documentElement.lang;
  var here = document.querySelector('a.md-select__link[hreflang="' + lang + '"]');
  if (!here || link === here) return;
  var root = new URL(here.href).pathname;
  if (location.pathname.indexOf(root) !== 0) return;
  var target = link.href + location.pathname.slice(root.length);
  event.preventDefault();
  event.stopPropagation();
  fetch(target, { method: "HEAD" }).then(function (response) {
    location.href = response.ok ? target + location.hash : link.href;
  }, function () { location.href = link.href; });
}, true);
