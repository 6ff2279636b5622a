"""The one place where example output is normalised before it is compared or shown.

Every output on the site comes from a real run. Some parts of it change from run
to run, and only those are replaced, each by a rule below:

- IDs and digests (64 or 12 hex digits) become a number repeated to the same
  width: the first ID seen in an example is 1111…, the second 2222…, and so on.
  The same ID always gets the same number within one example, so you can still
  see which IDs are equal. A 12-digit short ID maps like the full ID it starts.
- Durations such as "Up 3 seconds" or "Exited (0) 2 minutes ago" become
  "Up <duration>" and "Exited (0) <duration> ago".
- Timestamps (ISO 8601) become <timestamp>.
- Sizes of 10 MB and more become <size>: they depend mostly on the base image,
  which is rebuilt from Debian packages and grows with every security update.
  Smaller sizes (the layers the examples make) are shown exactly.
- Host ports that Docker picks at random (from the ephemeral range) become <port>.
- The classic builder's deprecation notice is dropped: the examples run the
  classic builder on purpose (see "About the examples"). So are the terminal
  colour codes Docker wraps around a build step's error output.
"""

import re

_HEX64 = re.compile(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")
_HEX12 = re.compile(r"(?<![0-9a-zA-Z_-])[0-9a-f]{12}(?![0-9a-zA-Z_-])")
_DURATION = re.compile(
    r"\b(?:Less than a second|About an? (?:minute|hour)"
    r"|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))"
)
_TIMESTAMP = re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
_SIZE = re.compile(r"\b(\d+(?:\.\d+)?)\s?(MB|GB)\b")
_PORT = re.compile(r"\b(127\.0\.0\.1|0\.0\.0\.0|localhost):(?:3[2-9]\d{3}|[4-6]\d{4})\b")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_LEGACY_NOTICE = re.compile(
    r"^DEPRECATED: The legacy builder is deprecated.*?\n(?:(?:  |BuildKit|Install).*\n)*\n?",
    re.MULTILINE,
)


def _patterns():
    """1111…, 2222…, …, ffff…, then 1010…, 1212…: a hex number repeated, skipping
    numbers like 0x11 whose repetition would look like an earlier one."""
    seen = set()
    number = 1
    while True:
        digits = f"{number:x}"
        pattern = (digits * 64)[:64]
        if pattern not in seen:
            seen.add(pattern)
            yield pattern
        number += 1


class Normaliser:
    """Normalises the output of one example; keeps the ID numbering across calls."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._next = _patterns()

    def _pattern(self, full_or_short: str) -> str:
        for known, pattern in self._ids.items():
            if known.startswith(full_or_short) or full_or_short.startswith(known):
                return pattern
        self._ids[full_or_short] = next(self._next)
        return self._ids[full_or_short]

    def _hex(self, match: re.Match) -> str:
        text = match.group(0)
        return self._pattern(text)[: len(text)]

    def __call__(self, text: str) -> str:
        text = _ANSI.sub("", text)
        text = _LEGACY_NOTICE.sub("", text)
        text = _HEX64.sub(self._hex, text)
        text = _HEX12.sub(self._hex, text)
        text = _TIMESTAMP.sub("<timestamp>", text)
        text = _DURATION.sub("<duration>", text)
        text = _SIZE.sub(_big_size, text)
        text = _PORT.sub(r"\1:<port>", text)
        return text


def _big_size(match: re.Match) -> str:
    value, unit = float(match.group(1)), match.group(2)
    if unit == "GB" or value >= 10:
        return "<size>"
    return match.group(0)
