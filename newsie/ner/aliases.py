"""Alias resolution inside one document.

A short person mention (马斯克, 埃隆, Babuschkin) resolves to the longest full
name in the same document that has it as a name part (埃隆·马斯克, Igor
Babuschkin).  Lexicon canonicals are applied first, so 伊隆·马斯克 and 马斯克
both end up as 埃隆·马斯克.  Bare name parts the recogniser missed are added
as PERSON mentions ("propagation").
"""

from __future__ import annotations

import re

from newsie.ner.candidates import Candidate

_SPLIT = re.compile(r"[·•‧・\s]+")


def name_parts(name: str) -> list[str]:
    """Parts of a full name: 埃隆·马斯克 -> [埃隆, 马斯克]; Igor Babuschkin -> [Igor, Babuschkin]."""
    return [p for p in _SPLIT.split(name) if p]


def _usable_part(part: str) -> bool:
    if part.isascii():
        return len(part) >= 3 and part[:1].isupper()
    return len(part) >= 2


def _whole_name(name: str) -> bool:
    """A Chinese name of three or four characters, found as a person: one the model may
    miss elsewhere in the document (邱宏达在曾志健中枪后), which is spread as a whole;
    shorter ones are too often words (高峰, 文明)."""
    return 3 <= len(name) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in name)


def full_names(cands: list[Candidate], text: str) -> dict[str, str]:
    """Map each usable name part to the longest full name owning it (ambiguous parts dropped)."""
    owners: dict[str, set[str]] = {}
    for c in cands:
        if c.label != "PERSON":
            continue
        full = c.canonical or text[c.start : c.end]
        parts = name_parts(full)
        if len(parts) < 2:
            if _whole_name(full):  # 曾志健 named once is 曾志健 wherever it is written
                owners.setdefault(full, set()).add(full)
            continue
        for part in parts:
            if _usable_part(part):
                owners.setdefault(part, set()).add(full)
    result = {}
    for part, fulls in owners.items():
        longest = max(fulls, key=len)
        if all(set(name_parts(f)) <= set(name_parts(longest)) for f in fulls):
            result[part] = longest
    return result


def propagate(text: str, cands: list[Candidate], parts: dict[str, str]) -> list[Candidate]:
    """Candidates after adding bare name parts as PERSON mentions.

    A part is added where no candidate overlaps it, or where a model candidate covers
    exactly the same characters (the model's 埃隆/LOC becomes 埃隆/PERSON).
    """
    if not parts:
        return cands
    owner: list[int] = [-1] * len(text)
    for index, c in enumerate(cands):
        owner[c.start : c.end] = [index] * c.length
    replaced: set[int] = set()
    added = []
    for s, e in _find_parts(text, parts):
        word = text[s:e]
        if word.isascii() and (
            (s > 0 and text[s - 1].isalnum() and text[s - 1].isascii())
            or (e < len(text) and text[e].isalnum() and text[e].isascii())
        ):
            continue
        hit = {owner[i] for i in range(s, e)} | {
            owner[s - 1] if s else -1,
            owner[e] if e < len(text) else -1,
        }
        inside = {owner[i] for i in range(s, e)} - {-1}
        if inside:
            index = next(iter(inside))
            c = cands[index]
            if len(inside) > 1 or c.source != "model" or (c.start, c.end) != (s, e):
                continue
            replaced.add(index)
        elif len(hit - {-1}) and any(cands[i].start < s < cands[i].end for i in hit - {-1}):
            continue
        added.append(Candidate(s, e, "PERSON", "alias", parts[word]))
    if not added:
        return cands
    kept = [c for i, c in enumerate(cands) if i not in replaced]
    return sorted(kept + added, key=lambda c: c.start)


def _find_parts(text: str, parts: dict[str, str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``parts``, leftmost first and longest at a position
    (what a regex alternation sorted longest-first finds), in time linear in the text
    and the number of matches (one Aho-Corasick pass, then a sweep)."""
    from newsie._matcher import WordMatcher

    longest: dict[int, int] = {}  # start -> end of the longest part starting there
    for _, start, end in WordMatcher([part for part in parts if part]).find(text):
        if longest.get(start, -1) < end:
            longest[start] = end
    found = []
    pos = 0
    for start in sorted(longest):
        if start >= pos:
            found.append((start, longest[start]))
            pos = longest[start]
    return found


def resolve(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Fill ``canonical`` in place (lexicon canonical, else document full name, else text)."""
    parts = full_names(cands, text)
    for c in cands:
        surface = text[c.start : c.end]
        if c.canonical is None:
            c.canonical = parts.get(surface, surface) if c.label == "PERSON" else surface
        elif c.label == "PERSON" and c.canonical in parts:
            c.canonical = parts[c.canonical]
    return cands
