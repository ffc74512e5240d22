"""The normalised value of a time expression."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import ConfigDict, Field

from newsie._compact import CompactModel

TimeKind = Literal["point", "range", "open", "duration", "set", "vague"]
Grain = Literal[
    "year", "half_year", "quarter", "month", "week", "day", "hour", "minute", "second"
]
Anchor = Literal["absolute", "published", "previous", "reference"]


class TimeValue(CompactModel):
    """An interval on the time line (or a duration / recurring set) with its precision.

    ``start`` is inclusive and ``end`` exclusive; both are timezone-aware.  A ``point``
    at day grain for 2025-11-28 therefore spans ``[2025-11-28 00:00, 2025-11-29 00:00)``.

    An ``open`` value is an interval with one end left open: ``end`` None is "from
    ``start`` on" (2019年以后, 从10月起), ``start`` None is "until ``end``" (截至6月底,
    2035年前, 45日内); ``grain`` is the precision of the end that is given.
    """

    model_config = ConfigDict(frozen=True)

    kind: TimeKind = Field(
        description="point, range, open (one end open: 'from start on' or 'until end'), "
        "duration, set or vague."
    )
    start: datetime | None = Field(
        default=None,
        description="Inclusive start, timezone-aware; None for durations and for an open "
        "value that runs 'until end'.",
    )
    end: datetime | None = Field(
        default=None,
        description="Exclusive end, timezone-aware; None for durations and for an open "
        "value that runs 'from start on'.",
    )
    grain: Grain = Field(description="Precision of the expression, year ... second.")
    approximate: bool = Field(
        default=False, description="True for fuzzy edges (年底, 左右) and vague references."
    )
    anchor: Anchor = Field(
        default="absolute",
        description="What the value was resolved against: 'absolute' (needed nothing), "
        "'published' (the document's publication time), 'previous' (the previous time "
        "mention in the text), or 'reference' (a reference given by the caller).",
    )
    duration_seconds: float | None = Field(
        default=None, description="Length of a duration (kind='duration'), in seconds."
    )
    recurrence: str | None = Field(
        default=None, description="For kind='set': the period, e.g. 'week' or 'year'."
    )
