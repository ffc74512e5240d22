"""newsie: Chinese news in, typed event records out.

>>> import newsie
>>> nlp = newsie.load()
>>> doc = nlp("2025年11月28日，中国科学院电工研究所成功研制出大口径高场超导磁体。")
>>> [event.type for event in doc.events]
['research_result']
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from newsie.document import Document, Entity, Sentence, Span, TimeMention, Token, Value
from newsie.events.models import Argument, Event, Evidence, Trigger, event_model, json_schema
from newsie.events.template import Role, Template, register_template, registered_templates
from newsie.export import read_table, to_arrow, to_pandas, write
from newsie.io.inputs import InputError
from newsie.pipeline import Pipeline, PipelineError, load
from newsie.registry import registered_stages, stage
from newsie.time.value import TimeValue
from newsie.token_layer import TokenLayer

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable
    from datetime import tzinfo

__version__ = "0.1.0"

__all__ = [
    "Argument",
    "Document",
    "Entity",
    "Event",
    "Evidence",
    "InputError",
    "Pipeline",
    "PipelineError",
    "Role",
    "Sentence",
    "Span",
    "Template",
    "TimeMention",
    "TimeValue",
    "Token",
    "TokenLayer",
    "Trigger",
    "Value",
    "event_model",
    "extract",
    "json_schema",
    "load",
    "parse_time",
    "read_table",
    "register_template",
    "registered_stages",
    "registered_templates",
    "stage",
    "to_arrow",
    "to_pandas",
    "write",
]

_DEFAULT: Pipeline | None = None


def extract(
    text: str | bytes,
    published: datetime | str | None = None,
    *,
    disable: Iterable[str] = (),
    **metadata: Any,
) -> list[Event]:
    """Events in ``text`` (all its items, if it is a page), with the default pipeline.

    Takes the keywords of ``nlp(text, ...)`` (``id``, ``source``, ``url``, ``title``,
    ``disable`` ...); any other raises :class:`TypeError` naming the closest one.
    """
    from newsie.pipeline import CALL_KEYWORDS, _check_keywords

    global _DEFAULT
    _check_keywords("newsie.extract()", metadata, CALL_KEYWORDS)
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT(text, published=published, disable=disable, **metadata).all_events


def parse_time(
    expression: str,
    reference: datetime | None = None,
    *,
    prefer: Literal["past", "future", "nearest"] = "past",
    tz: tzinfo | None = None,
) -> TimeValue | None:
    """Normalise one time expression; relative ones need ``reference`` (never the clock)."""
    from newsie.time import parse_time as _parse_time
    from newsie.time.zones import DEFAULT_TZ

    return _parse_time(expression, reference, prefer=prefer, tz=tz or DEFAULT_TZ)
