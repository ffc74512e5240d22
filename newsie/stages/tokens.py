"""Word segmentation with rjieba (jieba's algorithm in Rust) and the project lexicon."""

from __future__ import annotations

import threading
from array import array
from functools import lru_cache

from newsie.document import Document
from newsie.io.clean import simplified_view
from newsie.registry import stage
from newsie.resources import corpora_path
from newsie.token_layer import TokenLayer


@lru_cache(maxsize=8)
def _segmenter(user_dict: str | None):
    import rjieba

    segmenter = rjieba.Jieba()
    path = corpora_path("lexicons", "words.txt") if user_dict is None else user_dict
    try:
        handle = open(path, encoding="utf-8")
    except FileNotFoundError:
        if user_dict is not None:
            raise FileNotFoundError(f"user dictionary not found: {user_dict}") from None
        return segmenter
    with handle:
        for line in handle:
            word = line.split("\t", 1)[0].split(" ", 1)[0].strip()
            if word and not word.startswith("#"):
                segmenter.add_word(word, None, None)
    return segmenter


_LOCK = threading.Lock()


@stage("tokens", requires=("sentences",), provides=("tokens",))
class Tokenizer:
    """Split each sentence into words (label 'W'), kept as a :class:`TokenLayer`;
    whitespace is not a word.  Traditional text is segmented on its Simplified matching
    view (same offsets), which the dictionary knows."""

    def __init__(self, user_dict: str | None = None, hmm: bool = True) -> None:
        self.user_dict = user_dict
        self.hmm = hmm
        with _LOCK:
            self._jieba = _segmenter(user_dict)

    def __call__(self, doc: Document) -> Document:
        doc.tokens = self._tokens(doc)
        return doc

    def _tokens(self, doc: Document) -> TokenLayer:
        starts, ends = array("q"), array("q")
        add_start, add_end = starts.append, ends.append
        view = simplified_view(doc.text)
        for sentence in doc.sentences:
            base = sentence.start
            text = sentence.text if view is doc.text else view[base : sentence.end]
            for word, start, end in self._jieba.tokenize(text, "default", self.hmm):
                if not word.isspace():
                    add_start(base + start)
                    add_end(base + end)
        return TokenLayer(doc.text, starts, ends)
