"""What the phone and diagram tests measure of a page's diagrams in Chromium:
the text sizes of each inline SVG, and whether each is wider than its box.
Shared by tests/test_phones.py (the site's pages) and tests/test_diagrams.py
(every diagram and its Chinese variant on a scratch page)."""

DIAGRAM_TEXT = """
() => [...document.querySelectorAll("article .diagram > svg")].map(svg => {
  const sizes = [...svg.querySelectorAll("text")]
    .filter(t => t.textContent.trim() && t.getBBox().width > 0
                 && getComputedStyle(t).display !== "none"
                 && getComputedStyle(t).visibility !== "hidden")
    .map(t => {
      const m = t.getScreenCTM();
      const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      return {text: t.textContent.trim().slice(0, 40),
              px: parseFloat(getComputedStyle(t).fontSize) * scale};
    });
  sizes.sort((x, y) => x.px - y.px);
  return {id: svg.id, count: sizes.length, smallest: sizes[0] || null,
          width: svg.getBoundingClientRect().width};
})
"""

FITS = """
() => [...document.querySelectorAll("article .diagram")].map(box => ({
  id: box.querySelector("svg").id,
  svg: box.querySelector("svg").getBoundingClientRect().width,
  box: box.clientWidth,
}))
"""
