"""The word layer a segmenter writes: offsets in two arrays, Token objects on demand.

A news corpus has a word every two characters.  Kept as one pydantic model per word, the
layer cost more than the segmentation (about 0.7 µs and 400 bytes per word) and most of
what worker processes pay to send documents back, while most users never read a word.
:class:`TokenLayer` stores each word as two integers and makes the Token objects the
first time one is read; it reads and compares like a list of :class:`Token`.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from operator import eq, le
from typing import Any, overload

from newsie._compact import fast_unpacker, gc_paused
from newsie.document import Token


class TokenLayer(Sequence[Token]):
    """Read-only words of ``text``: ``text[starts[i]:ends[i]]`` is word ``i``, all with
    one ``label``.  Indexing, iterating and comparing make the :class:`Token` objects,
    once; ``len``, :attr:`starts`, :attr:`ends` and pickling do not."""

    __slots__ = ("_ends", "_items", "_label", "_starts", "_text")

    def __init__(self, text: str, starts: Iterable[int], ends: Iterable[int], label: str = "W"):
        self._text = text
        self._starts = array("q", starts)
        self._ends = array("q", ends)
        self._label = label
        self._items: list[Token] | None = None
        if len(self._starts) != len(self._ends):
            raise ValueError(f"{len(self._starts)} starts but {len(self._ends)} ends")
        if self._starts and (
            min(self._starts) < 0
            or max(self._ends) > len(text)
            or not all(map(le, self._starts, self._ends))
        ):
            raise ValueError("every word needs 0 <= start <= end <= len(text)")

    @property
    def starts(self) -> memoryview:
        """Start offsets, in order (read-only)."""
        return memoryview(self._starts).toreadonly()

    @property
    def ends(self) -> memoryview:
        """End offsets, in order (read-only)."""
        return memoryview(self._ends).toreadonly()

    def _tokens(self) -> list[Token]:
        items = self._items
        if items is None:
            text, starts, ends = self._text, self._starts, self._ends
            words = map(text.__getitem__, map(slice, starts, ends))
            with gc_paused():  # many objects, no cycles
                items = fast_unpacker(Token)(zip(starts, ends, words, repeat(self._label)))
            self._items = items
        return items

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        return self._tokens()[index]

    def __iter__(self) -> Iterator[Token]:
        return iter(self._tokens())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenLayer):
            if (self._starts, self._ends, self._label) != (
                other._starts,
                other._ends,
                other._label,
            ):
                return False
            if self._text is other._text:
                return True
        elif not isinstance(other, (list, tuple)):
            return NotImplemented
        return len(self) == len(other) and all(map(eq, self, other))

    __hash__ = None  # type: ignore[assignment] - compares by value, like a list

    def __reduce__(self) -> tuple[Any, ...]:
        # the columns, not the objects; within a pickled Document the text is the
        # document's own string, which pickle writes once
        return _restore, (self._text, self._starts, self._ends, self._label)

    def __repr__(self) -> str:
        shown = ", ".join(repr(self._text[s:e]) for s, e in zip(self._starts[:8], self._ends[:8]))
        more = ", ..." if len(self) > 8 else ""
        return f"TokenLayer({len(self)} words: {shown}{more})"


# the order of the values in the rows that _tokens unpacks
assert tuple(Token.model_fields) == ("start", "end", "text", "label")


def _restore(text: str, starts: array, ends: array, label: str) -> TokenLayer:
    """Unpickle a TokenLayer (its offsets were checked when it was made)."""
    layer = TokenLayer.__new__(TokenLayer)
    layer._text, layer._starts, layer._ends, layer._label = text, starts, ends, label
    layer._items = None
    return layer


def token_bounds(tokens: Sequence[Token]) -> set[int]:
    """Every offset where a word starts or ends (without making Token objects when the
    words are a :class:`TokenLayer`)."""
    if isinstance(tokens, TokenLayer):
        bounds = set(tokens._starts)
        bounds.update(tokens._ends)
        return bounds
    return {t.start for t in tokens} | {t.end for t in tokens}
