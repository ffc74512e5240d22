"""A position's full title: the title word with the words that qualify it (調任本局|歸仁
分局長 -> 歸仁分局長, 提早退休的前|工程總監 -> 工程總監, 二級行政主任).

The entity stage finds the head of a title (分局長, 總監, 主任); a position named in an
article is the head with its qualifiers, as written.  Words are taken leftwards while
they qualify: no name, place or organisation of the entity stage (浙大文學院院長 keeps
浙大 for the organisation), no verb of taking a post (擔任, 調任, 當選), and none of the
words that place the post in time or order (前, 原, 首任, 時任, 當時, 本局)."""

from __future__ import annotations

import regex

from newsie.events.mention import Filler
from newsie.events.models import Trigger

#: A word that may qualify a title: two or more Chinese characters (a single one is
#: more often the end of a name the words split: 中聯|辦|主任), or an ordinal (第七).
_QUALIFIER = regex.compile(r"\p{Han}{2,4}|第[0-9一二三四五六七八九十]{1,3}")
#: Words that place a post rather than name it (首任財政司司長, 本局第四分局長), and common
#: nouns that name whose it is (公司總經理: the organisation's, no qualifier); a single
#: character is never a qualifier (see _QUALIFIER), so none is listed.
_NOT_QUALIFIERS = frozenset(
    # one string split, for reading: a list of 44 one-word strings reads worse
    "时任 時任 现任 現任 新任 首任 首位 历任 歷任 继任 繼任 本局 本市 本部 本院 本会 本會 本署 本府 "  # noqa: SIM905
    "特区 特區 华人 華人 女性 男性 首名 首個 首个 一名 一位 多名 "
    "公司 集团 集團 企业 企業 单位 單位 政府 国家 國家 球队 球隊 "
    "当时 當時 当年 當年 曾经 曾經 目前 现时 現時 同时 同時 已经 已經 正式".split()
)
#: How a word ends that is no qualifier: a verb of taking or leaving a post (担任, 出任,
#: 成为, 当选, 辞去, 兼), a time before it (工總前|主席) or a length of time (三年|副社長).
_NOT_QUALIFIER_ENDS = tuple("任为為做当當选選去兼前原年月日天周週")
#: The longest full title taken (保安警察第七總隊長 is 9), and the most words put before
#: its head (保安警察|第七).
MAX_LENGTH = 10
MAX_WORDS = 2


def full_title(
    text: str, title: Filler, bounds: set[int] | None, named: list[Filler], trigger: Trigger
) -> Filler:
    """``title`` with the words before it that qualify it; ``bounds``: the offsets where
    words start and end (None without words: the title as found); ``named``: the
    entities near it (none of them is taken in)."""
    if bounds is None:
        return title
    start = title.start
    for _ in range(MAX_WORDS):
        k = next((k for k in range(start - 1, max(start - 5, -1), -1) if k in bounds), None)
        if k is None or title.end - k > MAX_LENGTH:
            break
        word = text[k:start]
        if (
            not _QUALIFIER.fullmatch(word)
            or word in _NOT_QUALIFIERS
            or word.endswith(_NOT_QUALIFIER_ENDS)
            or (k < trigger.end and trigger.start < start)
            or any(f.start < start and k < f.end for f in named)
        ):
            break
        start = k
    if start == title.start:
        return title
    return Filler(start, title.end, text[start : title.end], title.label)
