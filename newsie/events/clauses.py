"""Clauses of a sentence: the spans between clause breaks (，；：—)."""

from __future__ import annotations

from bisect import bisect_right

import regex

from newsie.events.status import _CLAUSE_BREAK

_PHRASE_BREAKS = "，,。；;：:！？!?\n"
#: What ends a phrase: a clause or sentence break (a phrase a cue opens, 向X…, ends there).
_PHRASE_BREAK = regex.compile(f"[{_PHRASE_BREAKS}]")
#: A character inside a phrase, as a pattern: no break.
_IN_PHRASE = f"[^{_PHRASE_BREAKS}]"
#: A clause break, or a space between words of a title, which breaks it as a comma does
#: (志工表揚　黃偉哲感謝志工).
_NEW_CLAUSE = regex.compile(r"[，,；;]|(?<=\p{Han})\s+(?=\p{Han})")


def new_clause_between(text: str, start: int, end: int) -> bool:
    """Whether a clause break or a title's space stands between ``start`` and ``end``
    (searched one character out at both ends, for the lookarounds of the space)."""
    return _NEW_CLAUSE.search(text, max(0, start - 1), end + 1) is not None


class _Clauses(list):
    """Clause bounds (start, end) in order, with their starts for bisection."""

    starts: list[int]


def _clause_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, position = _Clauses(), start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, end))
    bounds.starts = [a for a, _ in bounds]
    return bounds


def _clause_of(clauses: list[tuple[int, int]], offset: int) -> int:
    """Index of the clause holding ``offset`` (the last clause when none does)."""
    starts = getattr(clauses, "starts", None)
    if starts is None:
        starts = [a for a, _ in clauses]
    k = bisect_right(starts, offset) - 1  # clause starts strictly increase
    if k >= 0 and offset < clauses[k][1]:
        return k
    return len(clauses) - 1
