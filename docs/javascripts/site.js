// The site's own behaviour on every page, in one file (one download, and
// gzip shares its words): section links that copy, then keyboard fixes.
//
// Clicking a section's link mark (the ¶ of a heading or of an exercise) copies
// the section's address, so it can be pasted into a wiki or chat as is, and
// says "Link copied". The address bar shows it too, but the page is not loaded
// again: Material's instant navigation would fetch the same page and replace
// it, badge and all, so the click stops here, before Material sees it (capture
// phase on window), and the address changes in place. One listener keeps
// working across Material's instant page changes.
window.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".md-typeset .headerlink");
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  var url = new URL(link.getAttribute("href"), window.location.href);
  if (url.pathname !== window.location.pathname) return;
  event.preventDefault();
  event.stopPropagation();
  history.replaceState(history.state, "", url.href);
  if (!navigator.clipboard) return;
  navigator.clipboard.writeText(url.href).then(function () {
    link.setAttribute("data-copied", "");
    window.setTimeout(function () { link.removeAttribute("data-copied"); }, 2000);
  }, function () { /* no clipboard permission: the address bar has the link */ });
}, true);

// Keyboard and screen-reader fixes to the code blocks Material renders.
//
// - Each copy button sits in a <nav class="md-code__nav">: dozens of unnamed
//   navigation landmarks a page (axe: landmark-unique). It is a group of
//   buttons, not navigation: role="none".
// - The copy button's only name is its title, which Material's tooltips remove
//   while the button is hovered or focused: aria-label keeps the name.
// - A box wider than its content area scrolls, so it must take keyboard focus
//   (axe: scrollable-region-focusable): a code block (Material gives it
//   tabindex="0" only on devices that can hover, and takes it away on phones)
//   the box Material wraps a table in, or a row of tab labels wider than a
//   phone. This keeps it on every device, and off a box that fits.
//
// The buttons are fixed as Material adds them, whenever it mounts a block; the
// boxes on every page (document$ emits after each instant page change too).
// Written short, one step a line: every page loads it.
(() => {
// A box that scrolls gets tabindex="0"; one that fits, none.
const boxes = "pre>code,.md-typeset__scrollwrap,.tabbed-labels", tab = "tabindex";
const sync = b => (b.scrollWidth > b.clientWidth) != (b.getAttribute(tab) == "0") &&
  (b.getAttribute(tab) == "0" ? b.removeAttribute(tab) : b.setAttribute(tab, "0"));
// A copy button's wrapper is no landmark; the button keeps its name.
const name = n => n.setAttribute("role", "none") ||
  n.querySelectorAll("[title]").forEach(b => b.setAttribute("aria-label", b.title));
const size = new ResizeObserver(l => l.forEach(e => sync(e.target)));
// Material takes tabindex away (phones) and adds buttons: answer both.
new MutationObserver(l => l.forEach(m => m.type == "attributes"
  ? m.target.matches(boxes) && sync(m.target)
  : m.addedNodes.forEach(n => n.matches?.(".md-code__nav") && name(n))
)).observe(document.body, {childList: true, subtree: true, attributeFilter: [tab]});
document$.subscribe(() => {
  size.disconnect();
  document.querySelectorAll(".md-code__nav").forEach(name);
  document.querySelectorAll(boxes).forEach(b => size.observe(b));
});
})();

// The language switcher keeps the page and the section: from /start/#install
// to /zh/start/#install and back. Each language's root is its link in the
// switcher (extra.alternate); the current one is the link whose hreflang is
// the page's lang. Where the other language has no page at that address (the
// 404 page), the switch lands on its home page.
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
