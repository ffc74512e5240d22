"""Words a regular expression cannot match without: a cheap test before running it.

A role pattern such as ``(?P<policy>…{2,30}?(?:计划|方案))(?:启动|开跑)`` is tried at every
position of a sentence; in a sentence holding neither 启动 nor 开跑 that work finds
nothing.  :func:`required_words` reads such a must-have group off the pattern's text, and
the extractor runs the pattern only where one of its words is.
"""

from __future__ import annotations

#: Characters that make an alternative more than a plain word.
_META = frozenset("\\.^$*+?{}[]()|")


def required_words(pattern: str) -> tuple[str, ...] | None:
    """The words of a group every match of ``pattern`` contains, or None when no such
    group is plain to see.

    The group is a top-level ``(?:w1|w2|…)`` of plain words, not made optional by ``?``,
    ``*`` or ``{0,…}``, in a pattern with no top-level alternation; of several, the one
    with the longest shortest word (the most telling) is returned."""
    if "(?i" in pattern or "(?x" in pattern:
        return None  # a word may match otherwise than as written
    groups: list[tuple[str, ...]] = []
    depth = 0
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class: skip to its closing bracket
            i = _class_end(pattern, i)
            continue
        if char == "|" and depth == 0:
            return None  # A|B: neither side is required
        if char == "(":
            if depth == 0 and pattern.startswith("(?:", i):
                end = _group_end(pattern, i)
                if end is None:
                    return None
                words = _plain_words(pattern[i + 3 : end])
                if words is not None and not _optional(pattern, end + 1):
                    groups.append(words)
            depth += 1
        elif char == ")":
            depth -= 1
        i += 1
    if not groups:
        return None
    return max(groups, key=lambda words: min(map(len, words)))


def _class_end(pattern: str, i: int) -> int:
    """The index after the ``]`` closing the class that opens at ``i``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1  # a leading ] is a member
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int | None:
    """The index of the ``)`` closing the group that opens at ``i``."""
    depth, j = 0, i
    while j < len(pattern):
        char = pattern[j]
        if char == "\\":
            j += 2
            continue
        if char == "[":
            j = _class_end(pattern, j)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _plain_words(body: str) -> tuple[str, ...] | None:
    """The alternatives of a group's body when each is a non-empty plain word."""
    words = tuple(body.split("|"))
    if all(words) and not any(_META.intersection(word) for word in words):
        return words
    return None


def _optional(pattern: str, k: int) -> bool:
    """Whether a quantifier at ``k`` lets the group before it match nothing."""
    if k >= len(pattern):
        return False
    if pattern[k] in "?*":
        return True
    return pattern.startswith(("{0", "{,"), k)
