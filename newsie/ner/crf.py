"""The character CRF tagger (python-crfsuite) that newsie ships and trains."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

from newsie.ner.data import tags_to_spans
from newsie.ner.features import encoded_features
from newsie.ner.resources import models_dir

DEFAULT_MODEL = "ner_crf.crfsuite"


class CRFTagger:
    """Tags text with a crfsuite model whose labels are BIO over newsie labels."""

    def __init__(self, path: str | Path | None = None) -> None:
        import pycrfsuite

        self.path = Path(path) if path else models_dir() / DEFAULT_MODEL
        if not self.path.is_file():
            raise FileNotFoundError(
                f"NER model not found at {self.path}; rebuild it with "
                "`python -m newsie.ner.train --train <BIO files>` or use the "
                "'entities_fast' stage (rules and lexicons only)"
            )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self._lock = threading.Lock()  # a crfsuite tagger is not thread-safe
        # lines that recur from document to document (a dateline, a programme's opening
        # words) are tagged once while they are among the last few thousand
        self._line_spans = lru_cache(maxsize=4096)(self._tag_line)

    def tag(self, text: str) -> list[str]:
        """BIO tags, one per character."""
        if not text:
            return []
        features = encoded_features(text)  # char_features, as crfsuite reads them
        with self._lock:
            return self._tagger.tag(features)

    def _tag_line(self, line: str) -> tuple[tuple[int, int, str], ...]:
        """The spans of one line (called through the cache ``_line_spans``)."""
        return tuple(tags_to_spans(self.tag(line)))

    def spans(self, text: str, max_len: int = 2000) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, label)``; long text is tagged in line-sized chunks."""
        if len(text) <= max_len and _LINE_BREAK.search(text) is None:  # one chunk: a sentence
            return list(self._line_spans(text)) if text.strip() else []
        out: list[tuple[int, int, str]] = []
        for offset, chunk in _chunks(text, max_len):
            if chunk.strip():
                out.extend((offset + s, offset + e, lab) for s, e, lab in self._line_spans(chunk))
        return out


#: Where ``str.splitlines`` breaks a line.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _chunks(text: str, max_len: int):
    """Split at newlines, and at sentence ends inside over-long lines."""
    start = 0
    for line in text.splitlines(keepends=True):
        while len(line) > max_len:
            cut = max(line.rfind(p, 0, max_len) for p in "。！？；!?;")
            cut = cut + 1 if cut > 0 else max_len
            yield start, line[:cut]
            start += cut
            line = line[cut:]
        yield start, line
        start += len(line)


@lru_cache(maxsize=4)
def load_tagger(path: str | None = None) -> CRFTagger:
    """A cached tagger for ``path`` (None: the shipped model)."""
    return CRFTagger(path)
