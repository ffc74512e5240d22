"""The times stage: find time expressions and normalise them against ``published``."""

from __future__ import annotations

from typing import Literal

from newsie._compact import fast_unpacker
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
        # TimeMention is frozen: one loop made for it builds them all (no validation:
        # the spans are cut from the text)
        doc.times = fast_unpacker(TimeMention)(
            (m.start, m.end, text[m.start : m.end], "TIME", m.value, m.unresolved)
            for m in find_times(simplified_view(text), doc.published, prefer=self.prefer)
        )
        return doc


# the value order of the rows above
assert tuple(TimeMention.model_fields) == ("start", "end", "text", "label", "value", "unresolved")
