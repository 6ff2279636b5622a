"""Ask a built site's search a question in Chromium and read the first results.

Two engines, counted the same way: Material's own search (typed into the box,
read from the result list a reader sees) and Pagefind (its JavaScript API, in
the same page). The search tests and benchmarks/zh_search.py share this, so a
figure in the benchmark means what the test checks.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Material's words for an empty box and a loading index (its language files).
_PLACEHOLDER = "Type to start|键入以开始"
_STARTING = "Initializing|正在初始化"
_META = "document.querySelector('.md-search-result__meta').textContent"


def search(page, query: str) -> str:
    """Type `query` into Material's search box; return the result summary line."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator('label.md-header__button[for="__search"]').click()
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    meta = page.locator(".md-search-result__meta")
    # Wait for the cleared box's placeholder (English or Chinese): until then
    # the results on screen may still be the previous query's.
    page.wait_for_function(f"() => /{_PLACEHOLDER}/.test({_META})")
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"() => !/{_PLACEHOLDER}|{_STARTING}/.test({_META})")
    return meta.inner_text()


def top_links(page, first: int) -> list[str]:
    """Material's first `first` results (pages), with the sections shown under
    each, leaving out those folded under "more on this page"."""
    return page.evaluate(
        """(first) => [...document.querySelectorAll('.md-search-result__item')]
             .slice(0, first)
             .flatMap(item => [...item.querySelectorAll('a')])
             .filter(a => !a.closest('details'))
             .map(a => a.href)""",
        first,
    )


def material_top(page, query: str, first: int = 3) -> list[str]:
    search(page, query)
    return top_links(page, first)


# Pagefind's results are pages, each with its best-matching sections; like
# Material's, a page counts with the sections shown under it (three at most).
_PAGEFIND = """
async ([bundle, base, query, first]) => {
  window.__pagefind ??= await import(bundle + "pagefind.js");
  const pf = window.__pagefind;
  await pf.options({baseUrl: base});
  const found = await pf.search(query);
  const pages = await Promise.all(found.results.slice(0, first).map(r => r.data()));
  return pages.flatMap(p => [p.url, ...p.sub_results.slice(0, 3).map(s => s.url)])
              .map(u => new URL(u, location.href).href);
}
"""


def pagefind_top(page, site_url: str, query: str, first: int = 3) -> list[str]:
    """Pagefind's first `first` pages and their sections, for a site whose
    bundle (`pagefind --site`) is at `site_url` + pagefind/."""
    base = urlsplit(site_url).path
    return page.evaluate(_PAGEFIND, [site_url + "pagefind/", base, query, first])


def targets(site_url: str, links: list[str]) -> list[str]:
    """Result links as "page/#anchor" (or "page/"; the home page is "/"),
    relative to `site_url`."""
    base = urlsplit(site_url).path
    out = []
    for link in links:
        parts = urlsplit(link)
        path = parts.path[len(base) :] if parts.path.startswith(base) else parts.path
        path = path or "/"
        out.append(path + (f"#{parts.fragment}" if parts.fragment else ""))
    return out


def hit(wanted: str, found: list[str]) -> bool:
    """`wanted` ("page/#anchor", or "page/" for the page or any of its sections)
    is among `found`."""
    if "#" in wanted:
        return wanted in found
    return any(link.split("#")[0] == wanted for link in found)
