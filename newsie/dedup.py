"""Cross-document event keys: the same event reported by several outlets gets one key.

>>> from newsie.dedup import assign_event_keys
>>> keys = assign_event_keys(docs)          # {event.id: key}
>>> clusters = group_events(docs)           # {key: [(doc, event), ...]}

A key is a stable hash of

* the event **type**;
* the canonical values of its **identifying arguments**: the roles filled by names
  (entities, not money, counts, quantities or free text).  Participants (who, whom,
  what) identify an event: two of them when its type has two or more (a meeting needs
  both parties), else one.  A type without participants (a fire, an earthquake) is
  identified by its place.  Canonical means the entity's canonical
  name when known, else its text; then NFKC, Traditional -> Simplified, lower case,
  without spaces and punctuation;
* the **day** the event happened: its time's start (Asia/Shanghai) when that time is a
  day or finer, else the day the document was published, else ``"?"``.

An event without enough identifying arguments (a meeting whose counterpart was not found)
cannot be told apart from others of its type: it keeps a key of its own (from its
mention id) rather than merging with every such event of the day.

Two reports of one event fall in one bucket when they name the same participants on
the same day.  Events a day apart (a late-night fire reported the next morning) get
different keys: :func:`group_events` with ``day_tolerance=1`` also joins keys that differ
only by up to that many days from the first report.
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


def _key_roles(event: Any) -> tuple[set[str], set[str]] | None:
    """(participant roles, place roles) of the event's type that hold names (None: an
    unknown type, decide from the arguments)."""
    try:
        from newsie.events.template import get_template

        template = get_template(event.type)
    except Exception:  # noqa: BLE001 - unknown type: use the arguments as they are
        return None
    named = {
        name: set(role.labels)
        for name, role in template.roles.items()
        if role.labels and not set(role.labels) <= NON_KEY_LABELS
    }
    places = {name for name, labels in named.items() if labels <= _PLACE_LABELS}
    return set(named) - places, places


_PLACE_LABELS = frozenset({"GPE", "LOC"})
_DAY_GRAINS = frozenset({"day", "hour", "minute", "second"})


def _day(event: Any, doc: Document | None) -> date | None:
    """The event's day when its time is that precise, else the publication day."""
    from newsie.time.zones import DEFAULT_TZ

    moment: datetime | None = None
    time = getattr(event, "time", None)
    if time is not None and time.start is not None and time.grain in _DAY_GRAINS:
        moment = time.start
    elif doc is not None and doc.published is not None:
        moment = doc.published
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(DEFAULT_TZ)
    return moment.date()


def event_key_parts(event: Any, doc: Document | None = None) -> tuple[str, tuple[str, ...], str]:
    """``(type, ("role=value", ...), day)``: what :func:`event_key` hashes.  An event
    with no identifying argument gets ``("mention=<event id>",)``: a key of its own."""
    roles = _key_roles(event)
    participants: set[str] = set()
    places: set[str] = set()
    for argument in event.arguments:
        if roles is None:
            if (argument.label or "TEXT") in NON_KEY_LABELS:
                continue
            into = places if argument.label in _PLACE_LABELS else participants
        elif argument.role in roles[0]:
            into = participants
        elif argument.role in roles[1]:
            into = places
        else:
            continue
        name = argument.value if isinstance(argument.value, str) else argument.text
        into.add(f"{argument.role}={canonical(name)}")
    # who and whom: a meeting, an arrest, a match needs two parties to be told apart
    # from the others of the day; a type with no parties is known by its place
    wanted = 1 if roles is None else min(2, len(roles[0]))
    if wanted and len({value.split("=", 1)[0] for value in participants}) >= wanted:
        values = participants
    elif not wanted and places:
        values = places
    else:
        values = {f"mention={event.id}"}
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
    at most ``n`` days after the first group's day are joined (under its key).
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
        head_day, head_key = entries[0]
        for day, key in entries[1:]:
            # measured from the group's first day: a daily routine is no single event
            if day - head_day <= timedelta(days=day_tolerance):
                groups[head_key].extend(groups.pop(key))
            else:
                head_day, head_key = day, key
    return groups
