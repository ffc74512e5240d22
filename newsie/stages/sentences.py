"""Sentence segmentation with character offsets."""

from __future__ import annotations

import re

from newsie._compact import build
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


@stage("sentences", requires=(), provides=("sentences",))
class SentenceSplitter:
    """Split text into sentences; short unpunctuated lines become HEADING spans."""

    def __init__(self, heading_max_chars: int = 40) -> None:
        self.heading_max_chars = heading_max_chars

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        furniture = [(s, e) for s, e, *_ in doc.meta.get("furniture", [])]
        sentences: list[Sentence] = []
        position = 0
        length = len(text)
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
                label = self._label(text, start, stop, furniture)
                sentences.append(  # cut from the text: valid by construction
                    build(Sentence, start=start, end=stop, text=text[start:stop], label=label)
                )
            position = end
        doc.sentences = sentences
        return doc

    def _label(self, text: str, start: int, stop: int, furniture) -> str:
        for f_start, f_end in furniture:
            if f_start <= start and stop <= f_end:
                return "FURNITURE"
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", stop)
        line_end = len(text) if line_end < 0 else line_end
        whole_line = text[line_start:line_end].strip()
        if (
            whole_line == text[start:stop]
            and text[stop - 1] not in _TERMINAL
            and stop - start <= self.heading_max_chars
        ):
            return "HEADING"
        return "SENT"
