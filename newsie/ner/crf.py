"""The character CRF tagger that newsie ships and trains.

Models are trained with python-crfsuite (:mod:`newsie.ner.train`).  A document's lines
are tagged together on arrays: the model's weights (:mod:`newsie.ner.crfsuite_model`)
give the state scores of all their characters at once
(:class:`~newsie.ner.features.StateScorer`), then Viterbi runs in step across the lines
(:func:`~newsie.ner.viterbi.viterbi`), with no attribute string per character.  A text of
a few lines, where stepping across them gains too little, goes through python-crfsuite
itself (:data:`STEP_COST`).  The tags are CRFsuite's either way.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pycrfsuite

from newsie.ner.crfsuite_model import read_crfsuite
from newsie.ner.data import tags_to_spans
from newsie.ner.features import StateScorer, encoded_features
from newsie.ner.resources import models_dir
from newsie.ner.viterbi import viterbi

DEFAULT_MODEL = "ner_crf.crfsuite"
#: A batch goes through the array decoder when it holds more characters than this many
#: times its longest line plus :data:`FIXED_COST`: a step of the array decoder costs
#: about what crfsuite takes for 2.7 characters, and the arrays about 60 characters' time
#: to set up (least squares over 3,000 batches of DuEE sentences and news snippets).
STEP_COST = 3
FIXED_COST = 60

Span = tuple[int, int, str]


class CRFTagger:
    """Tags text with a crfsuite model whose labels are BIO over newsie labels."""

    #: lines that recur from document to document (a dateline, a programme's opening
    #: words) are tagged once while they are among the last this many
    CACHE_LINES = 4096
    #: characters scored in one batch (bounds the arrays of a very long document)
    BATCH_CHARS = 200_000

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else models_dir() / DEFAULT_MODEL
        if not self.path.is_file():
            raise FileNotFoundError(
                f"NER model not found at {self.path}; rebuild it with "
                "`python -m newsie.ner.train --train <BIO files>` or use the "
                "'entities_fast' stage (rules and lexicons only)"
            )
        weights = read_crfsuite(self.path)
        self.labels = weights.labels
        self._outside = self.labels.index("O") if "O" in self.labels else -1
        self._transitions = weights.transitions
        self._scorer = StateScorer(weights.attributes, weights.states)
        self._cache: OrderedDict[str, tuple[Span, ...]] = OrderedDict()
        self._lock = threading.Lock()  # guards the cache
        self._crfsuite = pycrfsuite.Tagger()
        self._crfsuite.open(str(self.path))
        self._crfsuite_lock = threading.Lock()

    def tag(self, text: str) -> list[str]:
        """BIO tags, one per character."""
        if not text:
            return []
        return self._decode([text])[0] or ["O"] * len(text)

    def spans(self, text: str, max_len: int = 2000) -> list[Span]:
        """Entity spans ``(start, end, label)``; long text is tagged in line-sized chunks."""
        return self.spans_many([text], max_len)[0]

    def spans_many(self, texts: Sequence[str], max_len: int = 2000) -> list[list[Span]]:
        """:meth:`spans` of each text, all tagged in one batch."""
        pieces = [list(_pieces(text, max_len)) for text in texts]
        lines = dict.fromkeys(line for found in pieces for _, line in found)  # in order, once
        known = self._tag_lines(list(lines))
        return [
            [
                (offset + s, offset + e, label)
                for offset, line in found
                for s, e, label in known[line]
            ]
            for found in pieces
        ]

    def _tag_lines(self, lines: list[str]) -> dict[str, tuple[Span, ...]]:
        """The spans of each line, from the cache or tagged now."""
        known: dict[str, tuple[Span, ...]] = {}
        with self._lock:
            for line in lines:
                if line in self._cache:
                    self._cache.move_to_end(line)
                    known[line] = self._cache[line]
        new = [line for line in lines if line not in known]
        for batch in _batches(new, self.BATCH_CHARS):
            for line, tags in zip(batch, self._decode(batch)):
                known[line] = tuple(tags_to_spans(tags)) if tags else ()
        with self._lock:
            for line in new:
                self._cache[line] = known[line]
            while len(self._cache) > self.CACHE_LINES:
                self._cache.popitem(last=False)
        return known

    def _decode(self, lines: Sequence[str]) -> list[list[str] | None]:
        """The tags of each line's characters; None for a line tagged all ``O``.

        Many lines side by side are decoded by :meth:`_by_arrays`, whose cost is a step per
        character of the longest line; a few lines cost less through python-crfsuite
        (:meth:`_by_crfsuite`), a few microseconds per character.  Both give the same tags.
        """
        lengths = list(map(len, lines))
        if sum(lengths) <= STEP_COST * max(lengths, default=0) + FIXED_COST:
            tags = self._by_crfsuite(lines)
            return [row if row.count("O") < len(row) else None for row in tags]
        return self._by_arrays(lines, np.array(lengths, dtype=np.int64))

    def _by_arrays(self, lines: Sequence[str], lengths: np.ndarray) -> list[list[str] | None]:
        """:meth:`_decode` with array operations across the lines."""
        labels = viterbi(self._scorer.scores(lines), lengths, self._transitions)
        starts = np.cumsum(lengths) - lengths
        named = np.maximum.reduceat(labels != self._outside, starts)
        out: list[list[str] | None] = [None] * len(lines)
        for i in np.flatnonzero(named).tolist():
            out[i] = [self.labels[j] for j in labels[starts[i] : starts[i] + lengths[i]].tolist()]
        return out

    def _by_crfsuite(self, lines: Sequence[str]) -> list[list[str]]:
        """The tags of each line, from python-crfsuite's own tagger."""
        with self._crfsuite_lock:  # a crfsuite tagger is not thread-safe
            return [self._crfsuite.tag(encoded_features(line)) if line else [] for line in lines]


#: Where ``str.splitlines`` breaks a line.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _pieces(text: str, max_len: int) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` of the non-blank pieces of ``text`` that are tagged on their own."""
    if len(text) <= max_len and _LINE_BREAK.search(text) is None:  # one chunk: a sentence
        chunks: Iterator[tuple[int, str]] = iter([(0, text)])
    else:
        chunks = _chunks(text, max_len)
    return ((offset, chunk) for offset, chunk in chunks if chunk.strip())


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


def _batches(lines: list[str], max_chars: int) -> Iterator[list[str]]:
    """``lines`` in runs of at most ``max_chars`` characters (a longer line alone)."""
    batch: list[str] = []
    size = 0
    for line in lines:
        if batch and size + len(line) > max_chars:
            yield batch
            batch, size = [], 0
        batch.append(line)
        size += len(line)
    if batch:
        yield batch


@lru_cache(maxsize=4)
def load_tagger(path: str | None = None) -> CRFTagger:
    """A cached tagger for ``path`` (None: the shipped model)."""
    return CRFTagger(path)
