"""The times stage: find time expressions and normalise them against ``published``."""

from __future__ import annotations

from typing import Literal

from newsie._compact import build
from newsie.document import Document, TimeMention
from newsie.registry import stage


@stage("times", requires=(), provides=("times",))
class TimeTagger:
    """Find every time mention; relative ones resolve against the publication time.
    Traditional text is read on its Simplified view (same offsets)."""

    def __init__(self, prefer: Literal["past", "future", "nearest"] = "past") -> None:
        if prefer not in ("past", "future", "nearest"):
            raise ValueError(f"prefer must be 'past', 'future' or 'nearest', not {prefer!r}")
        self.prefer = prefer

    def __call__(self, doc: Document) -> Document:
        from newsie.io.clean import simplified_view
        from newsie.time import find_times

        text = doc.text
        doc.times = [
            build(
                TimeMention,
                start=m.start,
                end=m.end,
                text=text[m.start : m.end],
                label="TIME",
                value=m.value,
                unresolved=m.unresolved,
            )
            for m in find_times(simplified_view(text), doc.published, prefer=self.prefer)
        ]
        return doc
