"""Give Material's social plugin its font from the local disk, so preview images
are made without network.

The social plugin looks for a font family in <cache_dir>/fonts/<family>/ and,
only when that folder is missing, downloads the family from Google Fonts, which
fails offline and would tell Google about every build. It picks a style by file
name ("Bold.ttf", "Regular.ttf"). This hook puts DejaVu Sans there before any
card is drawn. DejaVu comes from the Debian/Ubuntu package fonts-dejavu-core,
which GitHub's ubuntu runners and Debian images carry already.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

FAMILY = "DejaVu Sans"  # must match cards_layout_options.font_family in mkdocs.yml
STYLES = {"Regular.ttf": "DejaVuSans.ttf", "Bold.ttf": "DejaVuSans-Bold.ttf"}
# Where fonts-dejavu-core installs them on Debian and Ubuntu.
SEARCH = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


def _find(name: str) -> Path:
    for folder in SEARCH:
        if (folder / name).is_file():
            return folder / name
    raise PluginError(
        f"social_fonts hook: {name} not found in {', '.join(map(str, SEARCH))}. "
        "Install it: apt-get install fonts-dejavu-core"
    )


def on_config(config, **kwargs):
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return config
    cache = Path(social.config.cache_dir)
    if not cache.is_absolute():  # the plugin resolves it against mkdocs.yml too
        cache = Path(os.path.dirname(config.config_file_path)) / cache
    target = cache / "fonts" / FAMILY
    target.mkdir(parents=True, exist_ok=True)
    # Every style, every build: with the folder present but a file missing, the
    # plugin would look for a fallback style forever.
    for style, name in STYLES.items():
        if not (target / style).is_file():
            shutil.copyfile(_find(name), target / style)
    return config
