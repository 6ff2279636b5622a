"""Preview images (Material's social plugin) where their tools are; a site
without them, and one line saying so, where they are not.

The plugin draws each card with cairosvg, which loads the C library libcairo2,
and writes the text in the family cards_layout_options.font_family names:
DejaVu Sans for English, Noto Sans CJK for Chinese (mkdocs.zh.yml; FreeType
reads the first face of Noto's collection file, which has every Chinese glyph). Without
either, the plugin fails the strict build (10 warnings for a missing libcairo2;
Google Fonts, which it would download a missing font from, is never asked:
offline, and no reader's data to Google). So before the plugin starts, this
hook checks both. Missing one, it turns the plugin off with its documented
`enabled` option and logs one INFO line (a warning would fail --strict): a
reader or contributor without them still gets the whole site, only without the
PNG cards that a link preview shows. CI has both, and tests/test_previews.py
fails there if a card is missing.

The font is found by name, not by a Debian path: Pillow (which the plugin
needs anyway) looks a font file up in the system's font folders (on Linux the
XDG data folders, /usr/share/fonts/** whatever the distribution's layout; on
macOS /Library/Fonts and ~/Library/Fonts; on Windows the Fonts folder). The
plugin looks for a family in <cache_dir>/fonts/<family>/ and picks a style by
file name ("Bold.ttf", "Regular.ttf"), so the files found are copied there.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.social_fonts")

# cards_layout_options.font_family -> the plugin's style files -> the system's.
FONTS = {
    "DejaVu Sans": {"Regular.ttf": "DejaVuSans.ttf", "Bold.ttf": "DejaVuSans-Bold.ttf"},
    "Noto Sans CJK": {"Regular.ttf": "NotoSansCJK-Regular.ttc", "Bold.ttf": "NotoSansCJK-Bold.ttc"},
}
INSTALL = (
    "libcairo2, fonts-dejavu-core and fonts-noto-cjk on Debian/Ubuntu, "
    "cairo, font-dejavu and font-noto-sans-cjk on macOS (Homebrew)"
)


def cairo_problem() -> str | None:
    """Why cairosvg cannot draw here, or None. Importing it loads libcairo2."""
    try:
        import cairosvg  # noqa: F401
    except (ImportError, OSError) as error:  # OSError: the C library is missing
        return f"cairosvg cannot load libcairo2 ({str(error).splitlines()[0]})"
    return None


def find_font(filename: str) -> Path | None:
    """A font file by name, from the system's font folders (Pillow's search)."""
    try:
        from PIL import ImageFont

        return Path(ImageFont.truetype(filename, 10).path)
    except (ImportError, OSError):
        return None


def _cache_folder(social, config, family: str) -> Path:
    cache = Path(social.config.cache_dir)
    if not cache.is_absolute():  # the plugin resolves it against mkdocs.yml too
        cache = Path(os.path.dirname(config.config_file_path)) / cache
    return cache / "fonts" / family


# Before the social plugin's own on_config (priority 0), so that a plugin
# turned off here does nothing at all.
@event_priority(100)
def on_config(config, **kwargs):
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return config
    family = social.config.cards_layout_options.get("font_family")
    styles = FONTS[family]
    target = _cache_folder(social, config, family)
    missing = {}
    for style, filename in styles.items():
        if not (target / style).is_file():
            missing[style] = find_font(filename)
    problem = cairo_problem()
    if problem is None and None in missing.values():
        problem = f"the {family} font is not installed ({', '.join(styles.values())})"
    if problem:
        social.config.enabled = False
        log.info(
            "Preview images skipped: %s; the site is complete without them (install %s).",
            problem,
            INSTALL,
        )
        return config
    # Every style, every build: with the folder present but a file missing, the
    # plugin would look for a fallback style forever.
    target.mkdir(parents=True, exist_ok=True)
    for style, found in missing.items():
        shutil.copyfile(found, target / style)
    return config
