# --8<-- [start:rules]
"""The one place that says which parts of an example's output may change between runs.

Pages show every output exactly as it was recorded. When the tests run an
example again, they compare the new output with the recorded one after passing
both through this normaliser, so only the parts below are ignored:

- IDs and digests (64 or 12 hex digits) become a number repeated to the same
  width, in the order they first appear: the first is 1111…, the second 2222….
  The same ID always gets the same number within one example, so the
  comparison still checks which IDs are equal and which differ. A 12-digit
  short ID counts as the full ID it starts (so does any 12-digit number:
  a short ID can be all digits).
- Ages and durations after "Up" and before "ago" ("Up 3 seconds",
  "2 minutes ago"), and timestamps (ISO 8601, like 2026-11-28T05:31:24Z).
- BuildKit's timings: "DONE 0.4s", "0.1s done", and the seconds it prints
  before each line a RUN step writes ("#7 0.512 hello"). A slow step also
  prints its line twice, once when it starts and once with "done": the first
  is dropped, since whether it shows depends on the machine's speed.
- The order of BuildKit's steps and their numbers (#5, #6): it runs independent
  steps at the same time and numbers them as they start. Each step's own lines
  keep their order, and labels such as [2/6] still give the Dockerfile's order.
  Steps with the same label (one per platform) count as one, their lines as
  a set: which of them does the shared work, such as sending the build
  context, varies. A step named again when its output resumes counts once,
  and its DONE line counts as its last.
- How wide a table's columns are: a column is as wide as its widest value, so
  an age like "Less than a second ago" moves the columns after it.
- Sizes of 10 MB and more: they depend on the base image's packages.
- Host ports Docker picks at random, and containerd's snapshot numbers.
- Terminal colour codes.
"""
# --8<-- [end:rules]

import re

_HEX64 = re.compile(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")
_HEX12 = re.compile(r"(?<![0-9a-zA-Z_-])[0-9a-f]{12}(?![0-9a-zA-Z_-])")
_AGE = (
    r"(?:Less than a second|About an? (?:minute|hour)"
    r"|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))"
)
_DURATION = re.compile(rf"(?<=\bUp ){_AGE}|\b{_AGE}(?= ago\b)")
_TIMESTAMP = re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
_BUILD_DONE = re.compile(r"\bDONE \d+\.\d+s$", re.MULTILINE)
_BUILD_TIME_DONE = re.compile(r" \d+\.\d+s done$", re.MULTILINE)
_BUILD_LINE_TIME = re.compile(r"^(#\d+) \d+\.\d+ ", re.MULTILINE)
_SIZE = re.compile(r"\b(\d+(?:\.\d+)?)\s?(MB|GB)\b")
_PORT = re.compile(r"(\b127\.0\.0\.1|\b0\.0\.0\.0|\blocalhost|\[::\]):(?:3[2-9]\d{3}|[4-6]\d{4})\b")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_STEP = re.compile(r"^#(\d+) ")
_COLUMNS = re.compile(r"(?<=\S) {2,}")  # the gap between two table columns
_SNAPSHOT = re.compile(r"(?<=/snapshots/)\d+(?=/)")  # containerd counts every snapshot
_STARTED = re.compile(r"^(#\d+ .+)\n(?=\1 (?:.* )?done$)", re.MULTILINE)


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
        self._snapshots: dict[str, str] = {}

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
        text = _STARTED.sub("", text)
        text = _BUILD_LINE_TIME.sub(r"\1 <time> ", text)
        text = _BUILD_DONE.sub("DONE <time>", text)
        text = _BUILD_TIME_DONE.sub(" done", text)  # a fast step prints no time at all
        text = _steps_in_any_order(text)  # before IDs are numbered in order of appearance
        text = _HEX64.sub(self._hex, text)
        text = _HEX12.sub(self._hex, text)
        text = _TIMESTAMP.sub("<timestamp>", text)
        text = _DURATION.sub("<duration>", text)
        text = _SIZE.sub(_big_size, text)
        text = _PORT.sub(r"\1:<port>", text)
        text = _SNAPSHOT.sub(self._snapshot, text)
        text = _COLUMNS.sub("  ", text)
        return text

    def _snapshot(self, match: re.Match) -> str:
        """Snapshot numbers in order of appearance, so equal ones stay equal."""
        return self._snapshots.setdefault(match.group(0), str(len(self._snapshots) + 1))


def _steps_in_any_order(text: str) -> str:
    """Each run of BuildKit lines becomes its steps, numbers dropped, sorted."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if not _STEP.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        end = i
        while end < len(lines) and (_STEP.match(lines[end]) or lines[end] == ""):
            end += 1
        while lines[end - 1] == "":
            end -= 1
        steps: dict[str, list[str]] = {}
        for line in lines[i:end]:
            if match := _STEP.match(line):
                step = steps.setdefault(match[1], [])
                if (text := "# " + line[match.end() :]) not in step:  # said again on resuming
                    step.append(text)
        for step in steps.values():  # its end, wherever a late line came
            step.sort(key=lambda line: line in ("# DONE <time>", "# CACHED"))
        by_label: dict[str, list[str]] = {}
        for step in steps.values():
            by_label.setdefault(_HEX64.sub("", step[0]), []).append(step)
        for label in sorted(by_label):
            same = by_label[label]
            if len(same) == 1:
                out.extend(same[0])
            else:  # one step per platform: their lines as one set
                out.extend([same[0][0], *sorted({line for step in same for line in step[1:]})])
        i = end
    return "\n".join(out)


def _big_size(match: re.Match) -> str:
    value, unit = float(match.group(1)), match.group(2)
    if unit == "GB" or value >= 10:
        return "<size>"
    return match.group(0)
