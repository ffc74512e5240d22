"""Character window features for the CRF, built with whole-list operations.

Each character gets short string attributes: the characters at offsets -2..+2,
the four adjacent bigrams, the skip bigram (-1,+1) and the character class
window.  Text is first folded (full-width -> ASCII, digits -> '0', Latin letters
lower-cased) so the features generalise; offsets are unchanged by folding.

:func:`encoded_features` gives the same attributes UTF-8 encoded, for tagging: pycrfsuite
encodes every str attribute itself, one call each; bytes joined from each character's
UTF-8 form cost less.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise

PAD_LEFT = "\x02\x02"
PAD_RIGHT = "\x03\x03"


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    for code in list(range(0x30, 0x3A)) + list(range(0xFF10, 0xFF1A)):
        table[code] = "0"
    for code in range(0x41, 0x5B):
        table[code] = chr(code + 32)
    for code in range(0xFF21, 0xFF3B):
        table[code] = chr(code - 0xFF21 + 0x61)
    for code in (0x09, 0x0A, 0x0D, 0xA0):
        table[code] = " "
    return table


FOLD = _build_fold_table()


def _char_class(char: str) -> str:
    if char == "0":
        return "d"
    if "a" <= char <= "z":
        return "a"
    if char in "一二三四五六七八九十百千万亿零两〇":
        return "n"
    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
        return "h"
    if char.isspace():
        return "s"
    if unicodedata.category(char).startswith("P") or char in "·•":
        return "p"
    return "o"


class _ClassTable(dict):
    """char -> class letter, memoised."""

    def __missing__(self, char: str) -> str:
        value = self[char] = _char_class(char)
        return value


_CLASSES = _ClassTable()


def fold(text: str) -> str:
    """The folded text features are computed on (same length as ``text``)."""
    return text.translate(FOLD)


def char_features(text: str) -> list[tuple[str, ...]]:
    """One tuple of attribute strings per character of ``text``."""
    n = len(text)
    if n == 0:
        return []
    p = PAD_LEFT + fold(text) + PAD_RIGHT
    classes = _CLASSES
    k = "".join([classes[c] for c in p])
    # Adjacent bigrams once (bi[j] == p[j:j+2]); each feature string is then one
    # concatenation instead of two.
    bi = [a + b for a, b in pairwise(p)]
    c_2, c_1, c0, c1, c2 = p[0:n], p[1 : n + 1], p[2 : n + 2], p[3 : n + 3], p[4 : n + 4]
    return list(
        zip(
            ["a" + c for c in c_2],
            ["b" + c for c in c_1],
            ["c" + c for c in c0],
            ["d" + c for c in c1],
            ["e" + c for c in c2],
            ["f" + x for x in bi[0:n]],
            ["g" + x for x in bi[1 : n + 1]],
            ["h" + x for x in bi[2 : n + 2]],
            ["i" + x for x in bi[3 : n + 3]],
            ["j" + a + b for a, b in zip(c_1, c1)],
            ["k" + k[i : i + 3] for i in range(1, n + 1)],
        )
    )


class _Encoded(dict):
    """key -> ``prefix`` + key in UTF-8, memoised (keys: characters and class windows)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix.encode()

    def __missing__(self, key: str) -> bytes:
        value = self[key] = self.prefix + key.encode()
        return value


_UTF8, _K = _Encoded(""), _Encoded("k")


def encoded_features(text: str) -> list[tuple[bytes, ...]]:
    """:func:`char_features` with each attribute UTF-8 encoded (what crfsuite receives)."""
    n = len(text)
    if n == 0:
        return []
    # one str object per character: the tables hash each once, slices share them
    chars = list(PAD_LEFT + fold(text) + PAD_RIGHT)
    k = "".join(map(_CLASSES.__getitem__, chars))
    utf8 = list(map(_UTF8.__getitem__, chars))
    bi = [a + b for a, b in pairwise(utf8)]
    # attributes made afresh (not kept in tables) are still in the cache when crfsuite
    # reads them
    return list(
        zip(
            [b"a" + x for x in utf8[0:n]],
            [b"b" + x for x in utf8[1 : n + 1]],
            [b"c" + x for x in utf8[2 : n + 2]],
            [b"d" + x for x in utf8[3 : n + 3]],
            [b"e" + x for x in utf8[4 : n + 4]],
            [b"f" + x for x in bi[0:n]],
            [b"g" + x for x in bi[1 : n + 1]],
            [b"h" + x for x in bi[2 : n + 2]],
            [b"i" + x for x in bi[3 : n + 3]],
            [b"j" + a + b for a, b in zip(utf8[1 : n + 1], utf8[3 : n + 3])],
            map(_K.__getitem__, [k[i : i + 3] for i in range(1, n + 1)]),
        )
    )
