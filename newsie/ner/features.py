"""Character window features of the CRF: as strings to train on, as arrays to tag with.

Each character gets short attributes (:data:`TEMPLATES`): the characters at offsets
-2..+2, the four adjacent bigrams, the skip bigram (-1,+1) and the window of character
classes.  Text is first folded (full-width -> ASCII, digits -> '0', Latin letters
lower-cased) so the features generalise; offsets are unchanged by folding.

:func:`char_features` spells the attributes out, for ``pycrfsuite.Trainer``.
:class:`StateScorer` computes what a trained model makes of the same attributes for many
lines at once, with array lookups instead of strings; the two read one table.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

import numpy as np

PAD_LEFT = "\x02\x02"
PAD_RIGHT = "\x03\x03"

#: Attribute name -> the offsets of the characters it joins (``k``: of their classes).
TEMPLATES: dict[str, tuple[int, ...]] = {
    "a": (-2,), "b": (-1,), "c": (0,), "d": (1,), "e": (2,),
    "f": (-2, -1), "g": (-1, 0), "h": (0, 1), "i": (1, 2), "j": (-1, 1),
    "k": (-1, 0, 1),
}  # fmt: skip
CLASS_TEMPLATE = "k"
CLASS_LETTERS = "danhspo"
#: A window of classes is the number sum(class * place): the classes' digits in base 7.
_CLASS_PLACES = (len(CLASS_LETTERS) ** 2, len(CLASS_LETTERS), 1)


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
    """One tuple of attribute strings per character of ``text`` (in :data:`TEMPLATES` order)."""
    n = len(text)
    if n == 0:
        return []
    pad = len(PAD_LEFT)
    chars = PAD_LEFT + fold(text) + PAD_RIGHT
    classes = "".join([_CLASSES[c] for c in chars])
    columns = []
    for name, offsets in TEMPLATES.items():
        source = classes if name == CLASS_TEMPLATE else chars
        # a window's text is the padded text at i + offset for each offset
        parts = [source[pad + o : pad + o + n] for o in offsets]
        columns.append([name + "".join(window) for window in zip(*parts)])
    return list(zip(*columns))


class _Encoded(dict):
    """key -> ``prefix`` + key in UTF-8, memoised (keys: characters and class windows)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix.encode()

    def __missing__(self, key: str) -> bytes:
        value = self[key] = self.prefix + key.encode("utf-8", "surrogatepass")
        return value


_UTF8, _CLASS_WINDOWS = _Encoded(""), _Encoded(CLASS_TEMPLATE)
_NAMES = {name: name.encode() for name in TEMPLATES}


def encoded_features(text: str) -> list[tuple[bytes, ...]]:
    """:func:`char_features` with each attribute UTF-8 encoded, as python-crfsuite reads
    them (it would encode each str attribute itself, one call each)."""
    n = len(text)
    if n == 0:
        return []
    pad = len(PAD_LEFT)
    # one str object per character: the tables hash each once, slices share them
    chars = list(PAD_LEFT + fold(text) + PAD_RIGHT)
    utf8 = list(map(_UTF8.__getitem__, chars))
    classes = "".join(map(_CLASSES.__getitem__, chars))
    neighbours = [a + b for a, b in pairwise(utf8)]  # neighbours[i]: utf8[i] + utf8[i + 1]
    columns = []
    for name, offsets in TEMPLATES.items():
        prefix = _NAMES[name]
        if name == CLASS_TEMPLATE:
            first, size = pad + offsets[0], len(offsets)
            windows = [classes[i : i + size] for i in range(first, first + n)]
            columns.append(list(map(_CLASS_WINDOWS.__getitem__, windows)))
        elif len(offsets) == 1 or offsets[1] == offsets[0] + 1:  # one character, neighbours
            units = utf8 if len(offsets) == 1 else neighbours
            columns.append([prefix + x for x in units[pad + offsets[0] : pad + offsets[0] + n]])
        else:
            firsts, seconds = (utf8[pad + o : pad + o + n] for o in offsets)
            columns.append([prefix + a + b for a, b in zip(firsts, seconds)])
    return list(zip(*columns))


class StateScorer:
    """A model's state scores for every character of many lines, by array lookups.

    ``attributes[a]`` is an attribute string :func:`char_features` makes and
    ``weights[a]`` its weight for each label.  :meth:`scores` sums, for each character,
    the weight rows of its attributes in :data:`TEMPLATES` order, as CRFsuite does, so
    the scores are the same floats.  Characters are looked up by a vocabulary id (0:
    in no attribute), character pairs by a sorted array of the pairs the model knows.
    """

    def __init__(self, attributes: Sequence[str], weights: np.ndarray) -> None:
        # every attribute is a template's name and as many characters as it has offsets;
        # read them all as code points at once: attribute a starts at starts[a]
        codes = _code_points("\x00".join(attributes))
        starts = np.concatenate([[0], np.flatnonzero(codes == 0) + 1]).astype(np.int64)
        sizes = np.diff(np.append(starts, len(codes) + 1)) - 1
        rows, bodies = {}, {}
        for name, offsets in TEMPLATES.items():
            rows[name] = np.flatnonzero((codes[starts] == ord(name)) & (sizes == len(offsets) + 1))
            bodies[name] = codes[starts[rows[name], None] + 1 + np.arange(len(offsets))]
        if sum(map(len, rows.values())) != len(attributes):
            known = set(np.concatenate(list(rows.values())).tolist())
            odd = next(a for i, a in enumerate(attributes) if i not in known)
            raise ValueError(f"attribute {odd!r} is not a newsie character feature")
        chars = np.unique(np.concatenate(
            [b.reshape(-1) for name, b in bodies.items() if name != CLASS_TEMPLATE] + [[]]
        )).astype(np.int64)  # fmt: skip
        self._vocabulary = {chr(c): i + 1 for i, c in enumerate(chars.tolist())}
        self._bmp_ids = np.zeros(0x10000, dtype=np.int64)
        in_bmp = chars < 0x10000
        self._bmp_ids[chars[in_bmp]] = np.flatnonzero(in_bmp) + 1
        self._base = len(chars) + 1  # a pair of ids (x, y) is the number x * base + y
        digits = np.zeros(128, dtype=np.int64)  # a class letter's digit
        digits[[ord(c) for c in CLASS_LETTERS]] = np.arange(len(CLASS_LETTERS))
        keys = {}
        for name, body in bodies.items():
            if name == CLASS_TEMPLATE:
                keys[name] = digits[np.minimum(body, 127)] @ np.array(_CLASS_PLACES)
            else:
                ids = np.searchsorted(chars, body)
                keys[name] = ids[:, 0] + 1 if body.shape[1] == 1 else (ids + 1) @ [self._base, 1]
        pairs = [keys[name] for name in TEMPLATES if len(TEMPLATES[name]) == 2]
        self._pairs = np.unique(np.concatenate(pairs)).astype(np.int64)
        # a template's index: key -> its attribute's row of the weights, or the last row
        # (zeros) for a key the model does not know
        self._weights = np.vstack([weights, np.zeros((1, weights.shape[1]))])
        index_sizes = {1: self._base, 2: len(self._pairs) + 1, 3: len(CLASS_LETTERS) ** 3}
        self._index = {}
        for name, offsets in TEMPLATES.items():
            index = np.full(index_sizes[len(offsets)], len(weights), dtype=np.int64)
            slots = np.searchsorted(self._pairs, keys[name]) if len(offsets) == 2 else keys[name]
            index[slots] = rows[name]
            self._index[name] = index
        self.width = weights.shape[1]

    def scores(self, lines: Sequence[str]) -> np.ndarray:
        """``(characters, labels)`` state scores of ``lines``' characters laid end to end."""
        pad = len(PAD_LEFT)
        padded = "".join(PAD_LEFT + line + PAD_RIGHT for line in lines)
        codes = _code_points(padded)
        folded, classes = _fold_and_classes(codes)
        ids = self._ids(folded)
        # each line's characters sit ``pad`` after its start in the padded text
        lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
        line_starts = np.cumsum(lengths + 2 * pad) - lengths - pad
        at = np.repeat(line_starts - np.cumsum(lengths) + lengths, lengths)
        at += np.arange(len(at))
        # what starts at each position of the padded text: a character's id, the slot of
        # the pair of neighbours, the window of classes (as a base-7 number)
        neighbours = self._pair_slots(ids[:-1] * self._base + ids[1:])
        spread = [o - TEMPLATES[CLASS_TEMPLATE][0] for o in TEMPLATES[CLASS_TEMPLATE]]
        end = len(classes) - spread[-1]
        windows = sum(classes[d : end + d] * p for d, p in zip(spread, _CLASS_PLACES, strict=True))
        out = np.zeros((len(at), self.width))
        for name, offsets in TEMPLATES.items():  # the sum in CRFsuite's order
            first = at + offsets[0]
            if name == CLASS_TEMPLATE:
                keys = windows[first]
            elif len(offsets) == 1:
                keys = ids[first]
            elif offsets[1] == offsets[0] + 1:
                keys = neighbours[first]
            else:
                keys = self._pair_slots(ids[first] * self._base + ids[at + offsets[1]])
            out += self._weights[self._index[name][keys]]
        return out

    def _ids(self, codes: np.ndarray) -> np.ndarray:
        """Vocabulary ids of code points (0: a character no attribute holds)."""
        return _by_code(self._bmp_ids, codes, lambda c: self._vocabulary.get(chr(c), 0))

    def _pair_slots(self, keys: np.ndarray) -> np.ndarray:
        """Where each pair key sits in the known pairs (``len(pairs)``: unknown)."""
        at = np.searchsorted(self._pairs, keys)
        known = at < len(self._pairs)
        known[known] = self._pairs[at[known]] == keys[known]
        return np.where(known, at, len(self._pairs))


def _code_points(text: str) -> np.ndarray:
    """The code points of ``text`` (lone surrogates too)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)


def _fold_and_classes(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Folded code points and their class numbers (indexes into :data:`CLASS_LETTERS`)."""
    fold_table, class_table = _bmp_tables()
    folded = _by_code(fold_table, codes, lambda c: c)  # folding leaves astral ones alone
    classes = _by_code(class_table, folded, lambda c: CLASS_LETTERS.index(_CLASSES[chr(c)]))
    return folded, classes


def _by_code(table: np.ndarray, codes: np.ndarray, astral) -> np.ndarray:
    """``table[code]`` for each code point of the Basic Multilingual Plane, ``astral(code)``
    for the others (few: the table covers the plane only)."""
    out = table[np.minimum(codes, 0xFFFF)]
    far = np.flatnonzero(codes > 0xFFFF)
    if len(far):
        out[far] = [astral(c) for c in codes[far].tolist()]
    return out


@cache
def _bmp_tables() -> tuple[np.ndarray, np.ndarray]:
    """:data:`FOLD` and the character class of every Basic Multilingual Plane character."""
    fold_table = np.arange(0x10000, dtype=np.int64)
    for code, value in FOLD.items():
        fold_table[code] = ord(value)
    classes = [CLASS_LETTERS.index(_char_class(chr(c))) for c in range(0x10000)]
    return fold_table, np.array(classes, dtype=np.int64)
