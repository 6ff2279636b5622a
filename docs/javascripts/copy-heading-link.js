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
