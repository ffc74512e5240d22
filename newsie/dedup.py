"""Cross-document event keys: the same event reported by several outlets gets one key.

>>> from newsie.dedup import assign_event_keys
>>> keys = assign_event_keys(docs)          # {event.id: key}
>>> clusters = group_events(docs)           # {key: [(doc, event), ...]}

A key is a stable hash of

* the event **type**;
* the canonical values of its **key arguments**: the roles filled by names (entities,
  not money, counts, quantities or free text) that the template marks ``required`` --
  or, when a template requires none, all single-valued named roles.  Canonical means the
  entity's canonical name when known, else its text; then NFKC, Traditional -> Simplified,
  lower case, without spaces and punctuation;
* the **day** the event happened (its time's start, in Asia/Shanghai), else the day the
  document was published, else ``"?"``.

Two reports of one event fall in one bucket when they name the same key participants on
the same day.  Events a day apart (a late-night fire reported the next morning) get
different keys: :func:`group_events` with ``day_tolerance=1`` also joins keys that differ
only by one day.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from newsie.document import Document
from newsie.io.clean import normalize_for_matching

__all__ = ["assign_event_keys", "canonical", "event_key", "event_key_parts", "group_events"]

NON_KEY_LABELS = frozenset({"MONEY", "COUNT", "QUANTITY", "PERCENT", "TEXT", "TIME"})
_DROP = {ord(c): None for c in " \t\r\n\u3000·・-—_.,，。、\"'“”‘’《》「」()（）[]【】"}


def canonical(text: str) -> str:
    """A form of a name that ignores width, script, case, spaces and punctuation."""
    text = unicodedata.normalize("NFKC", text)
    return normalize_for_matching(text).lower().translate(_DROP)


def _key_roles(event: Any) -> set[str] | None:
    """Roles that identify an event of this type (None: decide from the arguments)."""
    try:
        from newsie.events.template import get_template

        template = get_template(event.type)
    except Exception:  # noqa: BLE001 - unknown type: use the arguments as they are
        return None
    named = {
        name
        for name, role in template.roles.items()
        if role.labels and not set(role.labels) <= NON_KEY_LABELS and not role.multiple
    }
    required = {name for name in named if template.roles[name].required}
    return required or named


def _day(event: Any, doc: Document | None) -> date | None:
    from newsie.time.zones import DEFAULT_TZ

    moment: datetime | None = None
    if getattr(event, "time", None) is not None and event.time.start is not None:
        moment = event.time.start
    elif doc is not None and doc.published is not None:
        moment = doc.published
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(DEFAULT_TZ)
    return moment.date()


def event_key_parts(event: Any, doc: Document | None = None) -> tuple[str, tuple[str, ...], str]:
    """``(type, ("role=value", ...), day)``: what :func:`event_key` hashes."""
    roles = _key_roles(event)
    values: set[str] = set()
    for argument in event.arguments:
        if roles is not None and argument.role not in roles:
            continue
        if roles is None and (argument.label or "TEXT") in NON_KEY_LABELS:
            continue
        name = argument.value if isinstance(argument.value, str) else argument.text
        values.add(f"{argument.role}={canonical(name)}")
    day = _day(event, doc)
    return event.type, tuple(sorted(values)), day.isoformat() if day else "?"


def event_key(event: Any, doc: Document | None = None) -> str:
    """A stable 16-hex-digit key shared by reports of the same event (see module doc)."""
    event_type, values, day = event_key_parts(event, doc)
    raw = "\x1f".join([event_type, *values, day]).encode("utf-8", "surrogatepass")
    return hashlib.sha1(raw).hexdigest()[:16]


def _pairs(docs: Iterable[Document]) -> Iterable[tuple[Document, Any]]:
    for doc in docs:
        for item in doc.documents():
            for event in item.events:
                yield item, event


def assign_event_keys(docs: Iterable[Document]) -> dict[str, str]:
    """``{event.id: key}`` for every event of ``docs`` (and of their page items); the keys
    are also stored per document in ``doc.meta["event_keys"]``."""
    keys: dict[str, str] = {}
    for doc, event in _pairs(docs):
        key = event_key(event, doc)
        keys[event.id] = key
        doc.meta.setdefault("event_keys", {})[event.id] = key
    return keys


def group_events(
    docs: Iterable[Document], *, day_tolerance: int = 0
) -> dict[str, list[tuple[Document, Any]]]:
    """Events of ``docs`` grouped by key: ``{key: [(doc, event), ...]}``, in input order.

    With ``day_tolerance=n`` groups whose type and key arguments agree and whose days are
    at most ``n`` days apart are joined (under the earliest group's key).
    """
    groups: dict[str, list[tuple[Document, Any]]] = {}
    parts: dict[str, tuple[str, tuple[str, ...], str]] = {}
    for doc, event in _pairs(docs):
        key = event_key(event, doc)
        groups.setdefault(key, []).append((doc, event))
        parts.setdefault(key, event_key_parts(event, doc))
    if day_tolerance <= 0:
        return groups
    by_identity: dict[tuple[str, tuple[str, ...]], list[tuple[date, str]]] = {}
    for key, (event_type, values, day) in parts.items():
        if day == "?":
            continue
        by_identity.setdefault((event_type, values), []).append((date.fromisoformat(day), key))
    for entries in by_identity.values():
        entries.sort()
        last_day, head_key = entries[0]
        for day, key in entries[1:]:
            if day - last_day <= timedelta(days=day_tolerance):
                groups[head_key].extend(groups.pop(key))
            else:
                head_key = key
            last_day = day
    return groups
