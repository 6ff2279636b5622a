// Clicking a heading's link mark (the ¶ that the toc extension adds) also copies
// the section's address, so it can be pasted into a wiki or chat as is. The
// browser still follows the link, so the address bar shows it too. One listener
// on the document keeps working across Material's instant page changes.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".md-typeset .headerlink");
  if (!link || !navigator.clipboard) return;
  var url = new URL(link.getAttribute("href"), window.location.href).href;
  navigator.clipboard.writeText(url).then(function () {
    link.setAttribute("data-copied", "");
    window.setTimeout(function () { link.removeAttribute("data-copied"); }, 1500);
  }, function () { /* no clipboard permission: the link still works */ });
});
