"""Multi-word search: every occurrence of a fixed list of words in one pass over a text
(Aho-Corasick, from ahocorasick-rs), picklable by its word list."""

from __future__ import annotations

import ahocorasick_rs


class WordMatcher:
    """All occurrences, overlapping ones included, of ``words`` in a text."""

    def __init__(self, words: list[str]) -> None:
        self.words = list(words)
        self._automaton = ahocorasick_rs.AhoCorasick(self.words) if self.words else None

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(word index, start, end)`` of every occurrence, by end offset."""
        if self._automaton is None:
            return []
        return self._automaton.find_matches_as_indexes(text, overlapping=True)

    def __reduce__(self) -> tuple:
        return WordMatcher, (self.words,)  # the compiled automaton does not pickle

    def __len__(self) -> int:
        return len(self.words)
