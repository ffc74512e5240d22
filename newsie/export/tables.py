"""Flat tables of documents, events, arguments and entities (schema version 1).

Rows are plain dicts; :mod:`newsie.export` turns them into pandas / Arrow tables and
files.  Every table joins on ``document_id`` (and events / arguments on ``event_id``);
split pages give one ``documents`` row for the page and one per item (``parent_id``).
Timestamps are timezone-aware and stored in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from newsie.document import Document
from newsie.events.models import Event

SCHEMA_VERSION = 1
TABLES = ("documents", "events", "arguments", "entities")
ACTOR_LABELS = ("PERSON", "ORG", "GPE")

# (column, kind) with kind in: str, int, float, bool, ts
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_id", "str"),
    ("parent_id", "str"),
    ("published", "ts"),
    ("url", "str"),
    ("title", "str"),
    ("source", "str"),
    ("chars", "int"),
    ("offset", "int"),
    ("n_items", "int"),
    ("n_events", "int"),
    ("errors", "str"),
)
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("type", "str"),
    ("status", "str"),
    ("confidence", "float"),
    ("time_start", "ts"),
    ("time_end", "ts"),
    ("time_grain", "str"),
    ("time_kind", "str"),
    ("time_approximate", "bool"),
    ("time_text", "str"),
    ("trigger", "str"),
    ("trigger_start", "int"),
    ("trigger_end", "int"),
    ("actors", "str"),
    ("document_id", "str"),
    ("parent_id", "str"),
    ("published", "ts"),
    ("url", "str"),
    ("title", "str"),
    ("source", "str"),
    ("sentence_index", "int"),
    ("template", "str"),
    ("template_version", "str"),
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


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        from newsie.time.zones import DEFAULT_TZ

        value = value.replace(tzinfo=DEFAULT_TZ)
    return value.astimezone(timezone.utc)


def template_roles() -> list[str]:
    """Role names of all registered templates, in template order (for stable columns)."""
    try:
        from newsie.events.template import registered_templates

        roles: list[str] = []
        templates = registered_templates()
        for name in sorted(templates):
            for role in templates[name].roles:
                if role not in roles:
                    roles.append(role)
        return roles
    except Exception:  # noqa: BLE001 - templates unavailable: columns from the data only
        return []


def document_meta(doc: Document | Mapping[str, Any] | None) -> dict[str, Any]:
    if doc is None:
        return {}
    if isinstance(doc, Mapping):
        from newsie.io.inputs import parse_published

        published = doc.get("published")
        return {
            "document_id": doc.get("id"),
            "parent_id": doc.get("parent_id"),
            "published": _utc(parse_published(published)) if published else None,
            "url": doc.get("url"),
            "title": doc.get("title"),
            "source": doc.get("source"),
        }
    return {
        "document_id": doc.id,
        "parent_id": doc.parent_id,
        "published": _utc(doc.published),
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
    }


def event_row(event: Event, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One flat events-table row (``arg_<role>`` columns joined by '|')."""
    meta = dict(meta or {})
    time = event.time
    row: dict[str, Any] = {
        "event_id": event.id,
        "type": event.type,
        "status": event.status,
        "confidence": float(event.confidence),
        "time_start": _utc(time.start) if time else None,
        "time_end": _utc(time.end) if time else None,
        "time_grain": time.grain if time else None,
        "time_kind": time.kind if time else None,
        "time_approximate": time.approximate if time else None,
        "time_text": event.time_text,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "actors": ARG_SEPARATOR.join(
            dict.fromkeys(
                str(a.value) if isinstance(a.value, str) and a.value else a.text
                for a in event.arguments
                if (a.label or "") in ACTOR_LABELS
            )
        )
        or None,
        "document_id": meta.get("document_id") or event.evidence.document_id,
        "parent_id": meta.get("parent_id"),
        "published": meta.get("published"),
        "url": meta.get("url"),
        "title": meta.get("title"),
        "source": meta.get("source"),
        "sentence_index": event.evidence.sentence_index,
        "template": event.evidence.template,
        "template_version": event.evidence.template_version,
    }
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
        }


def document_row(doc: Document) -> dict[str, Any]:
    return {
        **document_meta(doc),
        "chars": len(doc.text),
        "offset": doc.offset,
        "n_items": len(doc.items),
        "n_events": len(doc.events),
        "errors": "; ".join(doc.errors) or None,
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
    """Accumulated rows of the four tables; add documents or events, then build tables."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    arguments: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def add(self, obj: Any) -> Rows:
        """Add a Document (and its items), an Event, a JSON event record or an iterable."""
        if isinstance(obj, Document):
            self._add_document(obj)
        elif isinstance(obj, Event):
            self._add_event(obj, None)
        elif isinstance(obj, Mapping) and "trigger" in obj and "evidence" in obj:
            record = dict(obj)
            meta = record.pop("document", None)
            self._add_event(Event.model_validate(record), document_meta(meta) if meta else None)
        elif isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, Mapping)):
            for element in obj:
                self.add(element)
        else:
            raise TypeError(
                f"expected Documents or Events (or an iterable of them), got {type(obj).__name__}"
            )
        return self

    def _add_document(self, doc: Document) -> None:
        self.documents.append(document_row(doc))
        self.entities.extend(entity_rows(doc))
        meta = document_meta(doc)
        for event in doc.events:
            self._add_event(event, meta)
        for item in doc.items:
            self._add_document(item)

    def _add_event(self, event: Event, meta: Mapping[str, Any] | None) -> None:
        self.events.append(event_row(event, meta))
        self.arguments.extend(argument_rows(event))
        for argument in event.arguments:
            if argument.role not in self.roles:
                self.roles.append(argument.role)

    def document_ids(self) -> list[str]:
        ids = dict.fromkeys(row["document_id"] for row in self.documents)
        ids.update(dict.fromkeys(row["document_id"] for row in self.events))
        return [i for i in ids if i is not None]

    def columns(self, table: str, all_roles: bool = True) -> list[tuple[str, str]]:
        """Columns of ``table``; for events the fixed ones plus ``arg_<role>`` columns."""
        if table not in COLUMNS:
            raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
        columns = list(COLUMNS[table])
        if table == "events":
            roles = template_roles() if all_roles else []
            roles += [r for r in self.roles if r not in roles]
            columns += [(f"arg_{role}", "str") for role in roles]
        return columns

    def table(self, table: str) -> list[dict[str, Any]]:
        return getattr(self, table)


def collect(obj: Any) -> Rows:
    """Rows of all tables for Documents / Events / JSON event records (or iterables)."""
    return Rows().add(obj)
