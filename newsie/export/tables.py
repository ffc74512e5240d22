"""Flat tables of documents, events, arguments and entities (schema version 2).

Rows are plain dicts; :mod:`newsie.export` turns them into pandas / Arrow tables and
files.  Every table joins on ``document_id`` (and events / arguments on ``event_id``);
split pages give one ``documents`` row for the page and one per item (``parent_id``).

The events table is compact: one row per event with its sentence, its roles as a JSON
object and no per-role columns (``wide=True`` adds ``arg_<role>`` columns); the
arguments table has one row per argument.  Timestamps are timezone-aware and shown in
local time (Asia/Shanghai unless told otherwise); ``date`` and ``published_date`` are
calendar dates in the document's own zone, so grouping by day needs no conversion.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from newsie.document import Document
from newsie.events.models import Event

SCHEMA_VERSION = 2
TABLES = ("documents", "events", "arguments", "entities")
ACTOR_LABELS = ("PERSON", "ORG", "GPE")

# (column, kind) with kind in: str, int, float, bool, ts (a timestamp), date
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_id", "str"),
    ("parent_id", "str"),
    ("published", "ts"),
    ("published_date", "date"),
    ("title", "str"),
    ("url", "str"),
    ("source", "str"),
    ("chars", "int"),
    ("offset", "int"),
    ("n_items", "int"),
    ("n_events", "int"),
    ("errors", "str"),
    ("text", "str"),
)
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("document_id", "str"),
    ("type", "str"),
    ("trigger", "str"),
    ("status", "str"),
    ("confidence", "float"),
    ("date", "date"),
    ("time_start", "ts"),
    ("time_end", "ts"),
    ("time_grain", "str"),
    ("time_kind", "str"),
    ("time_approximate", "bool"),
    ("time_text", "str"),
    ("actors", "str"),
    ("roles", "str"),
    ("sentence", "str"),
    ("sentence_index", "int"),
    ("trigger_start", "int"),
    ("trigger_end", "int"),
    ("published", "ts"),
    ("published_date", "date"),
    ("parent_id", "str"),
    ("title", "str"),
    ("url", "str"),
    ("source", "str"),
    ("template", "str"),
    ("template_version", "str"),
    # the codes of the event's type (corpora/ontology/codes.toml): ACE 2005 subtype,
    # CAMEO code and root, Goldstein value, QuadClass, emergency-plan class
    ("ace", "str"),
    ("cameo", "str"),
    ("cameo_root", "str"),
    ("goldstein", "float"),
    ("quad_class", "int"),
    ("emergency_class", "str"),
    ("broader", "str"),
)
ARGUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("document_id", "str"),
    ("type", "str"),
    ("role", "str"),
    ("text", "str"),
    ("start", "int"),
    ("end", "int"),
    ("label", "str"),
    ("value", "float"),
    ("value_text", "str"),
    ("unit", "str"),
    ("currency", "str"),
    ("approximate", "bool"),
)
ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_id", "str"),
    ("start", "int"),
    ("end", "int"),
    ("text", "str"),
    ("label", "str"),
    ("canonical", "str"),
    ("entity_id", "str"),
)
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "events": EVENT_COLUMNS,
    "arguments": ARGUMENT_COLUMNS,
    "entities": ENTITY_COLUMNS,
}
ARG_SEPARATOR = "|"
#: Grains fine enough for an event's ``date`` (a month or a year is no day).
DAY_GRAINS = frozenset({"day", "hour", "minute", "second"})


def _default_tz() -> tzinfo:
    from newsie.time.zones import DEFAULT_TZ

    return DEFAULT_TZ


def _aware(value: datetime | None) -> datetime | None:
    """``value`` with a zone (naive times are Asia/Shanghai), or None."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=_default_tz())
    return value


def local_date(value: datetime | None, zone: tzinfo | None = None) -> date | None:
    """The calendar date of ``value`` in ``zone`` (default: its own zone)."""
    value = _aware(value)
    if value is None:
        return None
    return (value.astimezone(zone) if zone is not None else value).date()


def document_meta(doc: Document | Mapping[str, Any] | None) -> dict[str, Any]:
    """The document columns an event row repeats; ``zone`` is the document's time zone
    (of its publication time, else Asia/Shanghai) for local dates."""
    if doc is None:
        return {}
    if isinstance(doc, Mapping):
        from newsie.io.inputs import parse_published

        published = doc.get("published")
        published = _aware(parse_published(published)) if published else None
        return {
            "document_id": doc.get("id"),
            "parent_id": doc.get("parent_id"),
            "published": published,
            "published_date": local_date(published),
            "url": doc.get("url"),
            "title": doc.get("title"),
            "source": doc.get("source"),
            "zone": published.tzinfo if published else _default_tz(),
        }
    published = _aware(doc.published)
    return {
        "document_id": doc.id,
        "parent_id": doc.parent_id,
        "published": published,
        "published_date": local_date(published),
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
        "zone": published.tzinfo if published else _default_tz(),
    }


def event_date(event: Event, zone: tzinfo | None = None) -> date | None:
    """The day an event happened (or will), in ``zone`` (default: its time's zone): only
    for times of day grain or finer with a start (a month or a year names no day)."""
    time = event.time
    if time is None or time.start is None or time.grain not in DAY_GRAINS:
        return None
    if time.kind not in ("point", "range"):
        return None
    return local_date(time.start, zone)


def roles_json(event: Event) -> str | None:
    """The event's roles as a JSON object: role -> list of filler texts."""
    roles = event.roles
    return json.dumps(roles, ensure_ascii=False) if roles else None


def event_row(
    event: Event,
    meta: Mapping[str, Any] | None = None,
    text: str | None = None,
    *,
    wide: bool = False,
) -> dict[str, Any]:
    """One events-table row.  ``text`` is the document text (for the sentence);
    ``wide=True`` adds ``arg_<role>`` columns (fillers joined by '|')."""
    meta = dict(meta or {})
    time = event.time
    evidence = event.evidence
    zone = meta.get("zone")
    sentence = None
    if text is not None and 0 <= evidence.start < evidence.end <= len(text):
        sentence = text[evidence.start : evidence.end].strip()
    row: dict[str, Any] = {
        "event_id": event.id,
        "document_id": meta.get("document_id") or evidence.document_id,
        "type": event.type,
        "trigger": event.trigger.text,
        "status": event.status,
        "confidence": float(event.confidence),
        "date": event_date(event, zone),
        "time_start": _aware(time.start) if time else None,
        "time_end": _aware(time.end) if time else None,
        "time_grain": time.grain if time else None,
        "time_kind": time.kind if time else None,
        "time_approximate": time.approximate if time else None,
        "time_text": event.time_text,
        "actors": ARG_SEPARATOR.join(
            dict.fromkeys(
                str(a.value) if isinstance(a.value, str) and a.value else a.text
                for a in event.arguments
                if (a.label or "") in ACTOR_LABELS
            )
        )
        or None,
        "roles": roles_json(event),
        "sentence": sentence,
        "sentence_index": evidence.sentence_index,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "published": meta.get("published"),
        "published_date": meta.get("published_date"),
        "parent_id": meta.get("parent_id"),
        "title": meta.get("title"),
        "url": meta.get("url"),
        "source": meta.get("source"),
        "template": evidence.template,
        "template_version": evidence.template_version,
        "ace": event.ace,
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "emergency_class": event.emergency_class,
        "broader": event.broader,
    }
    if wide:
        for role, texts in event.roles.items():
            row[f"arg_{role}"] = ARG_SEPARATOR.join(texts)
    return row


def argument_rows(event: Event) -> Iterator[dict[str, Any]]:
    for argument in event.arguments:
        number = isinstance(argument.value, (int, float)) and not isinstance(argument.value, bool)
        yield {
            "event_id": event.id,
            "document_id": event.evidence.document_id,
            "type": event.type,
            "role": argument.role,
            "text": argument.text,
            "start": argument.start,
            "end": argument.end,
            "label": argument.label,
            "value": float(argument.value) if number else None,
            "value_text": argument.value if isinstance(argument.value, str) else None,
            "unit": argument.unit,
            "currency": argument.currency,
            "approximate": bool(getattr(argument, "approximate", False)),
        }


def document_row(doc: Document, text: bool = False) -> dict[str, Any]:
    """One documents-table row; ``text=True`` fills the ``text`` column."""
    meta = document_meta(doc)
    meta.pop("zone")
    return {
        **meta,
        "chars": len(doc.text),
        "offset": doc.offset,
        "n_items": len(doc.items),
        "n_events": len(doc.events),
        "errors": "; ".join(doc.errors) or None,
        "text": doc.text if text else None,
    }


def entity_rows(doc: Document) -> Iterator[dict[str, Any]]:
    for entity in doc.entities:
        yield {
            "document_id": doc.id,
            "start": entity.start,
            "end": entity.end,
            "text": entity.text,
            "label": entity.label,
            "canonical": entity.canonical,
            "entity_id": entity.entity_id,
        }


@dataclass
class Rows:
    """Accumulated rows of the four tables; add documents or events, then build tables.

    ``wide=True`` gives events rows ``arg_<role>`` columns too; ``text=True`` keeps each
    document's text in the documents table.
    """

    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    arguments: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    wide: bool = False
    text: bool = False

    def add(self, obj: Any) -> Rows:
        """Add a Document (and its items), an Event, a JSON event record or an iterable."""
        if isinstance(obj, Document):
            self._add_document(obj)
        elif isinstance(obj, Event):
            self._add_event(obj, None)
        elif isinstance(obj, Mapping) and "trigger" in obj and "evidence" in obj:
            record = dict(obj)
            meta = record.pop("document", None)
            sentence = record.pop("sentence", None)
            self._add_event(Event.model_validate(record), document_meta(meta) if meta else None)
            if sentence is not None:
                self.events[-1]["sentence"] = sentence
        elif isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, Mapping)):
            for element in obj:
                self.add(element)
        else:
            raise TypeError(
                f"expected Documents or Events (or an iterable of them), got {type(obj).__name__}"
            )
        return self

    def _add_document(self, doc: Document) -> None:
        self.documents.append(document_row(doc, self.text))
        self.entities.extend(entity_rows(doc))
        meta = document_meta(doc)
        for event in doc.events:
            self._add_event(event, meta, doc.text)
        for item in doc.items:
            self._add_document(item)

    def _add_event(
        self, event: Event, meta: Mapping[str, Any] | None, text: str | None = None
    ) -> None:
        self.events.append(event_row(event, meta, text, wide=self.wide))
        self.arguments.extend(argument_rows(event))
        for argument in event.arguments:
            if argument.role not in self.roles:
                self.roles.append(argument.role)

    def document_ids(self) -> list[str]:
        ids = dict.fromkeys(row["document_id"] for row in self.documents)
        ids.update(dict.fromkeys(row["document_id"] for row in self.events))
        return [i for i in ids if i is not None]

    def columns(self, table: str) -> list[tuple[str, str]]:
        """Columns of ``table``: the fixed ones, and for wide events ``arg_<role>``
        columns for the roles in the rows (in order of appearance)."""
        if table not in COLUMNS:
            raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
        columns = list(COLUMNS[table])
        if table == "events" and self.wide:
            columns += [(f"arg_{role}", "str") for role in self.roles]
        return columns

    def table(self, table: str) -> list[dict[str, Any]]:
        return getattr(self, table)


def collect(obj: Any, *, wide: bool = False, text: bool = False) -> Rows:
    """Rows of all tables for Documents / Events / JSON event records (or iterables).

    ``wide=True`` adds ``arg_<role>`` columns to the events; ``text=True`` keeps the
    documents' texts."""
    return Rows(wide=wide, text=text).add(obj)
