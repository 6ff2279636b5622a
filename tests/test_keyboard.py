"""A keyboard reader's way through a page, in Chromium.

The fixes are the accessibility section of docs/stylesheets/site.css (an outline on a focused
content tab; the closed search box out of the tab order) and
docs/javascripts/site.js (copy buttons named and not landmarks; scrolling
code blocks focusable on phones too). Each check runs once more with that file
blocked, and must then fail: the control that shows it can.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from support.browser import DESKTOP, PHONE, SCHEMES, open_page

pytestmark = pytest.mark.browser

CSS = "**/stylesheets/site.css"
JS = "**/javascripts/site.js"
# A phone: no hover, touch (Material treats code blocks differently there).
TOUCH = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
AXE_RULES = ["scrollable-region-focusable", "landmark-unique", "button-name"]
MAX_TABS = 3  # content tabs a set that site.css's accessibility section outlines
TABS_PAGE = "about-examples/"  # its first example is a tab set right after the files line


def opened(watch, site_url, path, *, block=None, **options):
    page = watch(**options).page()
    if block:
        page.route(block, lambda route: route.abort())
    open_page(page, site_url + path)
    return page


# ------------------------------------------------------------------ tab order
# The focused element, and whether a reader can see it: a box with a size, not
# hidden; a 0-px radio (Material's palette switch) counts through its label.
_FOCUSED = """
() => {
  const el = document.activeElement;
  const shows = e => {
    if (!e) return false;
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && e.checkVisibility({visibilityProperty: true});
  };
  const label = el.tagName === "INPUT" ? el.nextElementSibling : null;
  return {
    what: el.tagName.toLowerCase() + (el.className ? "." + el.className.split(" ")[0] : "")
          + (el.getAttribute("href") ? " " + el.getAttribute("href") : ""),
    visible: shows(el) || (label !== null && label.tagName === "LABEL" && shows(label)),
    content: !!el.closest(".md-content"),
  };
}
"""


def invisible_stops(page, limit: int = 200) -> tuple[list[str], bool]:
    """Tab from the top of the page to the content: each stop a reader cannot
    see, and whether the content was reached."""
    page.keyboard.press("Tab")
    focused = page.evaluate(_FOCUSED)
    assert focused["what"].startswith("a.md-skip"), f"the first stop is {focused['what']}"
    invisible = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if not focused["visible"]:
            invisible.append(focused["what"])
        if focused["content"]:
            return invisible, True
    return invisible, False


@pytest.mark.parametrize("path", ["", "start/", TABS_PAGE])
def test_tab_from_the_skip_link_reaches_the_content_without_an_invisible_stop(
    watch, site_url, path
):
    page = opened(watch, site_url, path, viewport=DESKTOP)
    invisible, reached = invisible_stops(page)
    assert reached, "200 presses of Tab did not reach the content"
    assert invisible == [], invisible


def test_control_the_closed_search_box_is_a_stop_without_the_fix(watch, site_url):
    page = opened(watch, site_url, TABS_PAGE, block=CSS, viewport=DESKTOP)
    invisible, _ = invisible_stops(page)
    assert invisible == ["div.md-search__scrollwrap"], invisible


_FOCUS_RESULTS = """
() => {
  const box = document.querySelector(".md-search__scrollwrap");
  box.focus();
  return document.activeElement === box;
}
"""


@pytest.mark.parametrize("options", [{"viewport": DESKTOP}, TOUCH], ids=["1280px", "375px"])
def test_the_search_results_box_takes_focus_only_while_search_is_open(watch, site_url, options):
    page = opened(watch, site_url, TABS_PAGE, **options)
    assert not page.evaluate(_FOCUS_RESULTS), "closed, it must not take focus"
    page.evaluate("document.getElementById('__search').click()")  # what the search icon does
    assert page.evaluate(_FOCUS_RESULTS), "open, its results scroll by keyboard"


# ------------------------------------------------------------------ content tabs
def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(v) for v in re.findall(r"[\d.]+", css)[:3])


def contrast(one: str, two: str) -> float:
    def luminance(rgb):
        c = [v / 255 for v in rgb]
        c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    high, low = sorted((luminance(_rgb(one)), luminance(_rgb(two))), reverse=True)
    return (high + 0.05) / (low + 0.05)


_LABEL_OUTLINE = """
() => {
  const input = document.activeElement;
  if (!input.matches(".tabbed-set > input")) return null;
  const set = input.parentElement;
  const n = [...set.querySelectorAll(":scope > input")].indexOf(input);
  const label = set.querySelectorAll(":scope > .tabbed-labels > label")[n];
  const style = getComputedStyle(label);
  return {
    label: label.textContent.trim(),
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    color: style.outlineColor,
    background: getComputedStyle(document.body).backgroundColor,
  };
}
"""


def tab_focus_problems(page) -> list[str]:
    """Keyboard focus onto the page's first content tab, then the next one with
    an arrow key: each focused label must show an outline of 2 px or more at
    3:1 against the page (WCAG's non-text contrast)."""
    page.locator("p.example-files a").first.focus()
    problems = []
    for key in ("Tab", "ArrowRight"):
        page.keyboard.press(key)
        found = page.evaluate(_LABEL_OUTLINE)
        if found is None:
            return [f"{key}: the focus is not on a content tab"]
        if found["style"] in ("none", "hidden") or found["width"] < 2:
            problems.append(f"{found['label']!r}: no outline ({found['style']} {found['width']}px)")
        elif (ratio := contrast(found["color"], found["background"])) < 3:
            problems.append(f"{found['label']!r}: outline at {ratio:.1f}:1")
    return problems


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_focused_content_tab_has_an_outline(watch, site_url, scheme):
    page = opened(watch, site_url, TABS_PAGE, viewport=DESKTOP, color_scheme=scheme)
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    assert tab_focus_problems(page) == []


def test_control_without_the_fix_a_focused_tab_has_no_outline(watch, site_url):
    page = opened(watch, site_url, TABS_PAGE, block=CSS, viewport=DESKTOP)
    problems = tab_focus_problems(page)
    assert len(problems) == 2 and all("no outline" in p for p in problems), problems


def tab_counts(html: str) -> list[int]:
    """Tabs in each content-tab set of a page (pymdownx.tabbed's data-tabs="set:count")."""
    return [int(n) for n in re.findall(r'data-tabs="\d+:(\d+)"', html)]


def test_no_tab_set_has_more_tabs_than_the_outline_covers(built_site):
    counts = {
        path.relative_to(built_site).as_posix(): max(found)
        for path in built_site.rglob("*.html")
        if (found := tab_counts(path.read_text(encoding="utf-8")))
    }
    assert counts and max(counts.values()) <= MAX_TABS, counts


def test_control_a_set_of_seven_tabs_is_counted():
    assert tab_counts('<div class="tabbed-set" data-tabs="3:7">') == [7]


# ------------------------------------------------------------------ code blocks
def axe_problems(page, path: str) -> list[str]:
    problems = []
    result = Axe().run(page, options={"runOnly": AXE_RULES})
    for violation in result.response["violations"]:
        problems.append(f"/{path} {violation['id']}: {len(violation['nodes'])} element(s)")
    return problems


@pytest.mark.parametrize("options", [{"viewport": DESKTOP}, TOUCH], ids=["1280px", "375px"])
def test_code_blocks_pass_axe_on_every_page(watch, site_url, pages, options):
    page = watch(**options).page()
    problems = []
    for path in pages:
        open_page(page, site_url + path)
        problems += axe_problems(page, path)
    assert problems == [], "\n".join(problems)


def test_control_without_the_fix_axe_finds_both_problems_on_a_phone(watch, site_url):
    page = opened(watch, site_url, "images/", block=JS, **TOUCH)
    found = {problem.split()[1].rstrip(":") for problem in axe_problems(page, "images/")}
    assert found >= {"scrollable-region-focusable", "landmark-unique"}, found


def copy_button_name(page) -> str:
    """The first copy button's accessible name while it has keyboard focus
    (Material's tooltip takes its title away then)."""
    button = page.locator("button.md-code__button[data-md-type=copy]").first
    button.focus()
    page.wait_for_timeout(300)  # the tooltip appears
    snapshot = button.aria_snapshot()  # `- button "name"`, or `- button` without one
    name = re.match(r'- button(?: "(.*)")?', snapshot)
    return name.group(1) or "" if name else snapshot


def test_a_focused_copy_button_keeps_its_name(watch, site_url):
    page = opened(watch, site_url, "images/", viewport=DESKTOP)
    assert copy_button_name(page) == "Copy to clipboard"
    button = page.locator("button.md-code__button[data-md-type=copy]").first
    assert button.evaluate("b => b.closest('[role=none]') !== null")


def test_control_without_the_fix_a_focused_copy_button_has_no_name(watch, site_url):
    page = opened(watch, site_url, "images/", block=JS, viewport=DESKTOP)
    assert copy_button_name(page) == ""
