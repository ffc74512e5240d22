"""Check an annotator's file of news events and locate every span in its article.

    python benchmarks/news_gold/check.py ANNOTATIONS.jsonl            # list problems
    python benchmarks/news_gold/check.py ANNOTATIONS.jsonl --located  # print located JSON

An annotation file holds one JSON line per article (see ``docs/annotation.md``):
``{"id", "events": [{"type", "mentions": [{"trigger", "anchor"}], "arguments":
[{"role", "text"}], "time", "status"}]}``.  Each mention's anchor must occur once in the
article and hold its trigger; each argument's text must occur in the article (the
occurrence nearest the event's first mention is taken); the time must be ``null`` or
``YYYY[-MM[-DD[THH:MM]]]`` or two of these joined by ``/``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ROOT, every_by_id  # noqa: E402

STATUSES = {"happened", "planned", "denied", "reported"}
_POINT = r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?"
TIME = re.compile(rf"{_POINT}(?:/{_POINT})?")


def event_types() -> dict[str, set[str]]:
    """Type name -> role names, read from the template files."""
    types: dict[str, set[str]] = {}
    folder = ROOT / "corpora" / "templates"
    for path in sorted(folder.glob("*.toml")) + sorted(folder.glob("duee/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for template in data.get("template") or [data]:
            types[template["type"]] = set(template.get("roles", {}))
    return types


def _nearest(text: str, needle: str, near: int) -> int:
    """Start of the occurrence of ``needle`` nearest to offset ``near`` (-1 if none)."""
    best, position = -1, text.find(needle)
    while position >= 0:
        if best < 0 or abs(position - near) < abs(best - near):
            best = position
        position = text.find(needle, position + 1)
    return best


def locate(record: dict, text: str, types: dict[str, set[str]]) -> tuple[dict, list[str]]:
    """The record with offsets for every span, and the problems found."""
    problems: list[str] = []
    events = []
    for number, event in enumerate(record.get("events", [])):
        where = f"{record['id']} event {number} ({event.get('type')})"
        roles = types.get(event.get("type"))
        if roles is None:
            problems.append(f"{where}: unknown type")
            continue
        mentions = []
        for mention in event.get("mentions", []):
            trigger, anchor = mention.get("trigger", ""), mention.get("anchor", "")
            count = text.count(anchor) if anchor else 0
            if not trigger or trigger not in anchor:
                problems.append(f"{where}: trigger {trigger!r} not inside anchor {anchor!r}")
            elif count != 1:
                problems.append(f"{where}: anchor {anchor!r} occurs {count} times")
            else:
                start = text.index(anchor) + anchor.index(trigger)
                mentions.append([start, start + len(trigger)])
        if not mentions:
            problems.append(f"{where}: no located mention")
            continue
        arguments = []
        for argument in event.get("arguments", []):
            role, span = argument.get("role"), argument.get("text", "")
            if role not in roles:
                problems.append(f"{where}: role {role!r} not one of {sorted(roles)}")
                continue
            start = _nearest(text, span, mentions[0][0]) if span else -1
            if start < 0 or span != span.strip():
                problems.append(f"{where}: {role} {span!r} not found in the article")
                continue
            arguments.append({"role": role, "start": start, "end": start + len(span)})
        time = event.get("time")
        if time is not None and not TIME.fullmatch(str(time)):
            problems.append(f"{where}: time {time!r} is not YYYY[-MM[-DD[THH:MM]]][/...]")
            time = None
        status = event.get("status")
        if status not in STATUSES:
            problems.append(f"{where}: status {status!r}")
            status = "happened"
        events.append(
            {
                "type": event["type"],
                "mentions": sorted(mentions),
                "arguments": arguments,
                "time": time,
                "status": status,
            }
        )
    return {"id": record["id"], "events": events}, problems


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--located", action="store_true", help="print the located records")
    args = parser.parse_args()
    articles, types = every_by_id(), event_types()
    problems: list[str] = []
    for record in read(args.file):
        article = articles.get(record.get("id"))
        if article is None:
            problems.append(f"unknown article id {record.get('id')!r}")
            continue
        located, found = locate(record, article.text, types)
        problems += found
        if args.located:
            print(json.dumps(located, ensure_ascii=False))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problems", file=sys.stderr)


if __name__ == "__main__":
    main()
