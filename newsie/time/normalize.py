"""Character normalisation that keeps offsets: every character maps to exactly one."""

from __future__ import annotations

import re
from functools import cache

from .rules import load


@cache
def table() -> dict[int, str]:
    """The ``str.translate`` table: full-width ASCII -> ASCII, traditional -> simplified."""
    tab = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    tab[0x3000] = " "
    tab[ord("\u00a0")] = " "
    for pair in load("chars")["pairs"].split():
        tab[ord(pair[0])] = pair[1]
    return tab


@cache
def _substitution() -> tuple[re.Pattern, dict[str, str]]:
    """The table as one character class and a char -> char map: substituting the few
    characters that change beats ``str.translate`` over every character of CJK text."""
    chars = {chr(code): value for code, value in table().items()}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]"), chars


def normalize(text: str) -> str:
    """Return ``text`` with the same length, in the form the grammar expects."""
    pattern, chars = _substitution()
    out = pattern.sub(lambda m: chars[m.group()], text)
    assert len(out) == len(text)
    return out
