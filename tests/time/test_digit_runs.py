"""find_times skips a run of digits unless one of ``_AFTER_DIGITS`` (or a space) follows
it: the set must hold every character that can follow the first digit run of a mention
in the grammar, or mentions would be lost."""

from __future__ import annotations

import string

from newsie.time import find_times
from newsie.time.extract import _AFTER_DIGITS
from newsie.time.grammar import _atoms, dispatch


def _grammar_chars() -> set[str]:
    head, tail = _atoms()
    chars = {c for _, pattern in [*head, *tail] for c in pattern}
    return chars | set(string.printable) | set("年月日号点时分秒天周季世纪代度旬个半多小钟星礼拜")


def test_every_character_that_can_follow_a_digit_run_is_listed():
    table = dispatch()
    # (3.5天, 10.1在荃湾: the first run is 3 or 10, and the full stop after it is listed)
    runs = ["1", "9", "12", "30", "2025", "05"]
    missing = set()
    for run in runs:
        for char in _grammar_chars():
            if char in _AFTER_DIGITS or char.isspace() or char.isdigit():
                continue
            for tail in ("", "年", "月", "日", "12", "后"):
                if table[run[0]].match(run + char + tail, 0) is not None:
                    missing.add(char)
    assert not missing, f"characters that end a digit run in a mention: {sorted(missing)}"


def test_amounts_are_skipped_and_times_kept():
    text = "投资300万元，2025年11月28日10:30举行，为期3.5天，增长12%。"
    assert [text[m.start : m.end] for m in find_times(text, None)] == [
        "2025年11月28日10:30",
        "3.5天",
    ]
