"""Word segmentation with rjieba (jieba's algorithm in Rust) and the project lexicon."""

from __future__ import annotations

import threading
from functools import lru_cache

from newsie._compact import gc_paused, set_extra, set_fields_set, set_private, set_state
from newsie.document import Document, Token
from newsie.registry import stage
from newsie.resources import corpora_path


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
    """Split each sentence into words (label 'W'); whitespace is not a token."""

    def __init__(self, user_dict: str | None = None, hmm: bool = True) -> None:
        self.user_dict = user_dict
        self.hmm = hmm
        with _LOCK:
            self._jieba = _segmenter(user_dict)

    def __call__(self, doc: Document) -> Document:
        doc.tokens = self._tokens(doc)
        return doc

    def _tokens(self, doc: Document) -> list[Token]:
        # The hottest loop of the pipeline (one object per word).  Tokens are made
        # without validation: the segmenter's word is sentence.text[start:end] by
        # construction.  They share one fields-set (Token is frozen), and as they hold no
        # references to each other the cyclic garbage collector is paused meanwhile.
        new, fields = Token.__new__, _TOKEN_FIELDS
        tokens: list[Token] = []
        append = tokens.append
        with gc_paused():
            for sentence in doc.sentences:
                base = sentence.start
                for word, start, end in self._jieba.tokenize(sentence.text, "default", self.hmm):
                    if word.isspace():
                        continue
                    token = new(Token)
                    set_state(
                        token,
                        {"start": base + start, "end": base + end, "text": word, "label": "W"},
                    )
                    set_fields_set(token, fields)
                    set_extra(token, None)
                    set_private(token, None)
                    append(token)
        return tokens


_TOKEN_FIELDS = set(Token.model_fields)
assert tuple(Token.model_fields) == ("start", "end", "text", "label")  # the literal above
