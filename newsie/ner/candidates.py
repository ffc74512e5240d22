"""The candidate span every recogniser part produces before merging."""

from __future__ import annotations

from dataclasses import dataclass

#: Merge priority by source: rules beat lexicon matches beat the model.
PRIORITY = {"rule": 3, "lexicon": 2, "alias": 2, "model": 1}


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    label: str
    source: str
    canonical: str | None = None
    entity_id: str | None = None
    weak: bool = False  # a guess the model may override (dotted-name rule)

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.source, 0)

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Candidate) -> bool:
        return self.start <= other.start and other.end <= self.end
