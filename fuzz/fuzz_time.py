"""Fuzz target: the time grammar (newsie.time.parse_time and find_times).

Checks, beyond "no exception": find_times spans lie inside the text, come in order without
overlapping, and have aware datetimes with start <= end; parse_time returns a TimeValue or
None.  Both are run with and without a publication time and with each ``prefer``.
See fuzz/README.md for how to run it.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import atheris

with atheris.instrument_imports(include=["newsie"]):
    from newsie.time import TimeValue, find_times, parse_time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import news_text

REFERENCES = (None, datetime(2025, 11, 28, 10, 30, tzinfo=UTC), datetime(2000, 2, 29))
PREFER = ("past", "future", "nearest")


def check_value(value) -> None:
    if value is None:
        return
    assert isinstance(value, TimeValue), type(value)
    for dt in (value.start, value.end):
        if dt is not None:
            assert dt.tzinfo is not None, f"naive datetime in {value}"
    if value.start is not None and value.end is not None:
        assert value.start <= value.end, f"start after end: {value}"


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    selector, data = data[0], data[1:]
    text = news_text(data)
    reference = REFERENCES[selector % 3]
    prefer = PREFER[(selector // 3) % 3]
    last_end = 0
    for match in find_times(text, reference, prefer=prefer):
        assert 0 <= match.start < match.end <= len(text), f"span out of text: {match}"
        assert match.start >= last_end, f"overlapping or unordered spans: {match}"
        last_end = match.end
        check_value(match.value)
    if len(text) <= 200:
        check_value(parse_time(text, reference, prefer=prefer))


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
