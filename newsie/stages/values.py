"""The values stage: money, quantities, counts and percentages."""

from __future__ import annotations

from newsie._compact import build
from newsie.document import Document, Value
from newsie.io.clean import simplified_view
from newsie.registry import stage
from newsie.values import find_values


@stage("values", requires=(), provides=("values",))
def values(doc: Document) -> Document:
    """Find money (with ISO currency), quantities (with unit), counts and percentages;
    found on the Simplified view (Traditional 萬, 億 read as 万, 亿), cut from the text."""
    text = doc.text
    doc.values = [
        build(
            Value,
            start=m.start,
            end=m.end,
            text=text[m.start : m.end],
            label=m.label,
            value=float(m.value),
            unit=m.unit,
            currency=m.currency,
            approximate=m.approximate,
        )
        for m in find_values(simplified_view(text))
    ]
    return doc
