"""Reading DuEE-format files, newsie's seeded dev split, and gold spans.

DuEE 1.0 (Baidu) is licensed for non-commercial research or teaching only: nothing
trained on it and none of its data may be committed or shipped.  This module only reads
a file the user points at.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


def in_dev_split(record_id: str) -> bool:
    """newsie's DuEE dev split: ``int(sha1(id), 16) % 10 == 0`` (about 10% of the train file).

    The one split every DuEE recipe and benchmark in newsie uses (``benchmarks/duee.py``,
    the learned backend, the trigger tagger), so nothing is trained on what is scored.
    """
    return int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % 10 == 0


@dataclass(frozen=True)
class GoldArgument:
    role: str
    start: int
    end: int
    text: str


@dataclass
class GoldEvent:
    type: str
    start: int
    end: int
    text: str
    arguments: list[GoldArgument] = field(default_factory=list)


@dataclass
class Record:
    id: str
    text: str
    events: list[GoldEvent]


def _stripped(text: str, value: str, start: int) -> tuple[int, int, str] | None:
    """(start, end, text) of ``value`` at ``start`` without stray spaces; None if the
    offsets do not point at the value."""
    lead = len(value) - len(value.lstrip())
    core = value.strip()
    begin = start + lead
    end = begin + len(core)
    if not core or begin < 0 or end > len(text) or text[begin:end] != core:
        found = text.find(core) if core else -1
        if found < 0:
            return None
        begin, end = found, found + len(core)
    return begin, end, core


def parse_record(raw: dict) -> Record:
    """A DuEE JSON object as a :class:`Record` (spans stripped and checked)."""
    text = raw["text"]
    events = []
    for event in raw.get("event_list", []) or []:
        span = _stripped(text, event["trigger"], int(event["trigger_start_index"]))
        if span is None:
            continue
        arguments = []
        for argument in event.get("arguments", []) or []:
            aspan = _stripped(text, argument["argument"], int(argument["argument_start_index"]))
            if aspan is not None:
                arguments.append(GoldArgument(argument["role"], *aspan))
        events.append(GoldEvent(event["event_type"], *span, arguments=arguments))
    return Record(id=str(raw.get("id", "")), text=text, events=events)


def read_duee(path: str | Path, split: str = "all", limit: int | None = None) -> list[Record]:
    """Records of a DuEE JSON-lines file; ``split`` is 'train', 'dev' or 'all'."""
    out: list[Record] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            raw = json.loads(line)
            if split != "all":
                dev = in_dev_split(str(raw["id"]))
                if dev != (split == "dev"):
                    continue
            out.append(parse_record(raw))
            if limit and len(out) >= limit:
                break
    return out


def records_from(items: Iterable[dict | Record]) -> Iterator[Record]:
    for item in items:
        yield item if isinstance(item, Record) else parse_record(item)


def read_schema(path: str | Path) -> dict[str, list[str]]:
    """DuEE schema file (JSON lines ``{"event_type", "role_list": [{"role"}]}``)."""
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                raw = json.loads(line)
                out[raw["event_type"]] = [r["role"] for r in raw["role_list"]]
    return out


def schema_from_records(records: Iterable[Record]) -> dict[str, list[str]]:
    """Event types and their roles as seen in the data (first-seen order; 时间 first)."""
    out: dict[str, list[str]] = {}
    for record in records:
        for event in record.events:
            roles = out.setdefault(event.type, [])
            for argument in event.arguments:
                if argument.role not in roles:
                    roles.append(argument.role)
    for roles in out.values():
        if "时间" in roles:
            roles.remove("时间")
            roles.insert(0, "时间")
    return out
