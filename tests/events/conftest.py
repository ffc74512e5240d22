"""Helpers for event tests: build annotated Documents by hand.

The event layer is tested on documents whose entities, values and times are given
explicitly, so the tests do not depend on the NER or time stages (or their quality).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import regex

from newsie.document import Document, Entity, Sentence, TimeMention, Value
from newsie.time.value import TimeValue
from newsie.time.zones import DEFAULT_TZ

_SENTENCE = regex.compile(r"[^。！？!?\n]+[。！？!?]*")
_DATE = regex.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})年(初|底)?")


def _sentences(text: str) -> list[Sentence]:
    out = []
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            out.append(Sentence(start=match.start(), end=match.end(), text=match.group(), label="SENT"))
    return out


def _times(text: str) -> list[TimeMention]:
    out = []
    for match in _DATE.finditer(text):
        if match.group(1):
            start = datetime(int(match[1]), int(match[2]), int(match[3]), tzinfo=DEFAULT_TZ)
            value = TimeValue(kind="point", start=start, end=start + timedelta(days=1), grain="day")
        else:
            year = int(match[4])
            start = datetime(year, 1, 1, tzinfo=DEFAULT_TZ)
            value = TimeValue(
                kind="point", start=start, end=datetime(year + 1, 1, 1, tzinfo=DEFAULT_TZ),
                grain="year", approximate=bool(match[5]),
            )
        out.append(TimeMention(start=match.start(), end=match.end(), text=match.group(), label="TIME", value=value))
    return out


def annotate(
    text: str,
    entities: dict[str, list[str]] | None = None,
    values: list[tuple[str, str, float, str | None, str | None]] | None = None,
    published: datetime | None = None,
    times: bool = True,
) -> Document:
    """A Document with sentences, the given entities (every occurrence of each surface,
    longest first), the given values ``(surface, label, value, unit, currency)`` and
    day/year dates found by a small regex."""
    doc = Document(text=text, published=published)
    doc.sentences = _sentences(text)
    taken: list[tuple[int, int]] = []
    found = []
    surfaces = [(s, label) for label, names in (entities or {}).items() for s in names]
    for surface, label in sorted(surfaces, key=lambda p: -len(p[0])):
        for match in regex.finditer(regex.escape(surface), text):
            a, b = match.span()
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            found.append(Entity(start=a, end=b, text=surface, label=label))
    doc.entities = sorted(found, key=lambda e: e.start)
    vals = []
    for surface, label, value, unit, currency in values or []:
        for match in regex.finditer(regex.escape(surface), text):
            vals.append(
                Value(start=match.start(), end=match.end(), text=surface, label=label,
                      value=value, unit=unit, currency=currency)
            )
    doc.values = sorted(vals, key=lambda v: v.start)
    doc.times = _times(text) if times else []
    return doc


@pytest.fixture
def extract():
    """extract(doc) -> events, with all registered templates."""
    from newsie.events.extractor import EventExtractor
    from newsie.events.template import select_templates

    extractor = EventExtractor(select_templates(None))

    def run(doc: Document):
        return extractor(doc).events

    return run


#: The publication time of the made-up news sentences of the real-news tables.
NEWS_PUBLISHED = "2025-07-18T19:00:00+08:00"


@pytest.fixture(scope="module")
def nlp():
    """The default pipeline, once per module (a module may define its own)."""
    import newsie

    return newsie.load()


def news_events(nlp, text: str, event_type: str | None = None):
    """Every event of ``text`` (only those of ``event_type`` when given), published at
    :data:`NEWS_PUBLISHED`."""
    events = nlp(text, published=NEWS_PUBLISHED).all_events
    return events if event_type is None else [e for e in events if e.type == event_type]


def news_roles(nlp, text: str, event_type: str) -> dict[str, list[str]]:
    """The roles of the one event of ``event_type`` in ``text``."""
    (event,) = news_events(nlp, text, event_type)
    return event.roles
