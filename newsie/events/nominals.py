"""Nominal mentions: common-noun people and authorities that fill roles like names do.

News often names no one: 一名男子被刑拘, 警方抓获3名嫌疑人, 特斯拉副总裁离职.  These
phrases are offered to roles that accept PERSON or ORG, after the named entities (a
named filler at the same distance wins).  The head words are data:
``corpora/lexicons/nominals.toml``.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

import ahocorasick_rs
import regex

from newsie.resources import corpora_path


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, tuple[str, ...]]:
    """The heads and team suffixes of ``corpora/lexicons/nominals.toml``."""
    with open(corpora_path("lexicons", "nominals.toml"), "rb") as handle:
        data = tomllib.load(handle)
    return {key: tuple(words) for key, words in data.items()}


PERSON_HEADS = _lexicon()["person_heads"]
ORG_HEADS = _lexicon()["org_heads"]
#: words that make a team or a branch of a named country / organisation: 法国队, 中国女排
TEAM_SUFFIXES = _lexicon()["team_suffixes"]
#: person heads that name a crowd (学生, 示威者, 途人), not one person told of again
CROWD_HEADS = _lexicon()["crowd_heads"]

# Digit and numeral runs are possessive and must start a run ((?<!\d)): with plain
# ``\d+`` here and ``\d+岁`` in _MODIFIER, a long run of digits backtracked cubically
# (a digit run is split between the quantifier and the modifier in every way).  The
# spans found are the same: a match can only start where the run starts, and a split
# run (2|5岁男子) is the same span as the modifier alone (25岁男子).
_QUANTIFIER = (
    r"(?:该|这名|这位|此|其|一名|一位|一个|一对|两名|两位|多名|数名|几名|一所|一家|一座|一处|大批|一批|大量|"
    r"(?<!\d)\d++(?:多|余)?(?:名|位|个)?|(?<![一二三四五六七八九十百千])[一二三四五六七八九十百千]++(?:多|余)?名|"
    r"(?:上|数|几)[十百千万]++(?:多|余)?(?:名|位|个)?)"
)


# an age or a short description in front of the head: 25岁男子, 违法男子, 涉案嫌疑人
_MODIFIER = r"(?:(?<!\d)\d++岁半?|(?<![一二三四五六七八九十])[一二三四五六七八九十]++岁|违法|涉案|涉事|当地|控股|涉嫌|肇事|醉驾|酒驾|犯罪|年轻|外籍|不明|蒙面|持枪|持刀|女|男)"


_HEADS = sorted(PERSON_HEADS + ORG_HEADS, key=len, reverse=True)
# How far before a head its quantifier and modifier may start (一名25岁男子: 5), and
# how far past the start of a found head the head of the match may end (女孩 -> 女孩子).
_PREFIX_WINDOW = 24
_HEAD_REACH = max(map(len, _HEADS))


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    alternation = "|".join(regex.escape(h) for h in _HEADS)
    return regex.compile(rf"(?:{_QUANTIFIER})?(?:{_MODIFIER})?(?:{alternation})")


@lru_cache(maxsize=1)
def _heads() -> ahocorasick_rs.AhoCorasick:
    """The heads, leftmost-longest and not overlapping: the matches of their alternation,
    longest first, found by an automaton (five times faster over a document)."""
    return ahocorasick_rs.AhoCorasick(_HEADS, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def find_nominals(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of nominal person ('PERSON') and authority ('ORG') mentions.

    Every mention ends in a head word, so the heads are found first (a fast literal
    search) and the whole pattern is tried only in a short window around each."""
    out = []
    pattern = _pattern()
    position = 0
    for _, head_start, _ in _heads().find_matches_as_indexes(text):
        if head_start < position:  # inside the previous mention
            continue
        start = max(position, head_start - _PREFIX_WINDOW)
        # a run of digits or numerals (12345名, 二十岁) counts whole: walk back to its start
        # (never before the previous mention, so each character is walked over once)
        while start > position and text[start - 1] in _NUMERALS and text[start] in _NUMERALS:
            start -= 1
        match = pattern.search(text, start, min(len(text), head_start + 2 * _HEAD_REACH))
        if match is None:  # pragma: no cover - the head alone always matches
            continue
        position = match.end()
        phrase = match.group()
        label = "ORG" if phrase.endswith(_ORG_HEADS) else "PERSON"
        if text[match.start() - 1 : match.start()] == "非":
            continue  # 非政府组织: a kind of body that is no government
        if label == "PERSON" and (
            text[match.end() : match.end() + 1] in _WORD_GOES_ON
            or (phrase.endswith(_MEETING_OF) and text.startswith("会", match.end()))
        ):
            continue  # 居民点, 学生证, 记者会: the head starts a word for a place, thing or meeting
        out.append((match.start(), match.end(), label))
    return out


#: Characters after a person head that make it part of a word for a place or a thing
#: (居民点, 居民区, 学生证, 工人村, 警察总部; 游客中心 is not: 中 is no such character).
_WORD_GOES_ON = frozenset("点区证卡楼馆站村总")
#: Person heads that 会 after makes a meeting (记者会, 股东会); after others 会 is "will".
_MEETING_OF = ("记者", "股东", "家长")


_ORG_HEADS = tuple(ORG_HEADS)
_NUMERALS = frozenset("0123456789一二三四五六七八九十百千")
