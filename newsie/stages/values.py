"""The values stage: money, quantities, counts and percentages."""

from __future__ import annotations

from newsie._compact import fast_unpacker
from newsie.document import Document, Value
from newsie.io.clean import simplified_view
from newsie.registry import stage
from newsie.values import find_values


@stage("values", requires=(), provides=("values",))
def values(doc: Document) -> Document:
    """Find money (with ISO currency), quantities (with unit), counts and percentages;
    found on the Simplified view (Traditional 萬, 億 read as 万, 亿), cut from the text."""
    text = doc.text
    # Value is frozen: one loop made for it builds them all (no validation: the spans are
    # cut from the text)
    doc.values = fast_unpacker(Value)(
        (
            m.start,
            m.end,
            text[m.start : m.end],
            m.label,
            float(m.value),
            m.unit,
            m.currency,
            m.approximate,
        )
        for m in find_values(simplified_view(text))
    )
    return doc


# the value order of the rows above
assert tuple(Value.model_fields) == (
    "start", "end", "text", "label", "value", "unit", "currency", "approximate"
)
