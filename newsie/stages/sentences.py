"""Sentence segmentation with character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right

from newsie._compact import fast_unpacker
from newsie.document import Document, Sentence
from newsie.registry import stage

# A sentence runs up to a terminator (plus closing quotes/brackets) or a line break.
# "." ends a sentence only before whitespace/end and not between digits (16.5, 2025.11.28).
# The run before the terminator is possessive: no backtracking, one pass over the text.
_SENTENCE = re.compile(
    r"(?:[^\n。！？!?；;….]++|\.(?!(?=\s|$)(?<!\d\.)))*+"
    r"(?:[。！？!?；;]+|…+|\.(?=\s|$)(?<!\d\.)|(?=\n)|$)"
    r"[”’」』）)\"'》]*"
)
_TERMINAL = frozenset("。！？!?；;….”’」』）)\"'")
_REST_OF_LINE_BLANK = re.compile(r"[^\S\n]*(?:\n|\Z)")


@stage("sentences", requires=(), provides=("sentences",))
class SentenceSplitter:
    """Split text into sentences; short unpunctuated lines become HEADING spans."""

    def __init__(self, heading_max_chars: int = 40) -> None:
        self.heading_max_chars = heading_max_chars

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        inside = _Furniture(doc.meta.get("furniture", []))
        sentences: list[tuple[int, int, str, str]] = []  # (start, end, text, label)
        position = 0
        length = len(text)
        last_stop = -1  # end of the previous sentence (-1: none yet)
        while position < length:
            match = _SENTENCE.match(text, position)
            end = match.end() if match else length
            if end == position:  # at a line break or lone terminator
                end = position + 1
            start, stop = position, end
            while start < stop and text[start].isspace():
                start += 1
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            if stop > start:
                if inside(start, stop):
                    label = "FURNITURE"
                else:  # only spaces lie between two sentences: look there for a line break
                    first = last_stop < 0 or "\n" in text[last_stop:start]
                    label = self._label(text, start, stop, first)
                sentences.append((start, stop, text[start:stop], label))
                last_stop = stop
            position = end
        # cut from the text: valid by construction; Sentence is frozen, so one loop made
        # for it builds them all, sharing one fields-set
        doc.sentences = fast_unpacker(Sentence)(sentences)
        return doc

    def _label(self, text: str, start: int, stop: int, first_on_line: bool) -> str:
        """HEADING for a short unpunctuated sentence that is its line, else SENT."""
        if (
            first_on_line
            and text[stop - 1] not in _TERMINAL
            and stop - start <= self.heading_max_chars
            and _REST_OF_LINE_BLANK.match(text, stop)
        ):
            return "HEADING"
        return "SENT"


class _Furniture:
    """Whether a span lies inside one of the furniture spans ``[start, end, ...]``: a
    bisection over their starts and the furthest end so far (any order, overlaps too)."""

    def __init__(self, spans) -> None:
        pairs = sorted((s, e) for s, e, *_ in spans)
        self.starts = [s for s, _ in pairs]
        self.reach: list[int] = []
        for _, e in pairs:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def __call__(self, start: int, stop: int) -> bool:
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= stop


# the value order of the rows above
assert tuple(Sentence.model_fields) == ("start", "end", "text", "label")
