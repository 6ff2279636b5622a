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
- Host ports that Docker picks at random become <port>.
- The classic builder's deprecation notice is dropped: the examples run the
  classic builder on purpose (see "About the examples").
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
_PORT = re.compile(r"\b((?:127\.0\.0\.1|0\.0\.0\.0|localhost)):(\d{4,5})\b")
_LEGACY_NOTICE = re.compile(
    r"^DEPRECATED: The legacy builder is deprecated.*?\n(?:(?:  |BuildKit|Install).*\n)*",
    re.MULTILINE,
)


def _placeholder(number: int, width: int) -> str:
    """The number in hex, repeated to the given width: 1 -> 1111…, 16 -> 1010…"""
    digits = f"{number:x}"
    return (digits * width)[:width]


class Normaliser:
    """Normalises the output of one example; keeps the ID numbering across calls."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def _number(self, full_or_short: str) -> int:
        for known, number in self._ids.items():
            if known.startswith(full_or_short) or full_or_short.startswith(known):
                return number
        self._ids[full_or_short] = len(self._ids) + 1
        return self._ids[full_or_short]

    def _hex(self, match: re.Match) -> str:
        text = match.group(0)
        return _placeholder(self._number(text), len(text))

    def __call__(self, text: str) -> str:
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
