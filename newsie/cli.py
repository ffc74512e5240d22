"""The ``newsie`` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import click

from newsie.document import Document


@dataclass
class Record:
    """One input record and where it came from (for error messages)."""

    origin: str
    data: Any  # a text or a mapping with "text"
    error: str | None = None


def read_records(paths: list[str]) -> Iterator[Record]:
    """Records from .txt files (one document each) and .jsonl files (one per line)."""
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            if path == "-":
                raw = sys.stdin.buffer.read()
            else:
                raw = Path(path).read_bytes()
        except OSError as exc:
            yield Record(name, None, f"cannot read: {exc.strerror or exc}")
            continue
        if name.endswith((".jsonl", ".ndjson")):
            yield from _jsonl_records(name, raw)
            continue
        from newsie.io.inputs import InputError, decode_bytes

        try:
            text = decode_bytes(raw)
        except InputError as exc:
            yield Record(name, None, str(exc))
            continue
        identifier = Path(path).stem if path != "-" else "stdin"
        yield Record(name, {"text": text, "id": identifier})


def _jsonl_records(name: str, raw: bytes) -> Iterator[Record]:
    from newsie.io.inputs import InputError, decode_bytes

    try:
        text = decode_bytes(raw)
    except InputError as exc:
        yield Record(name, None, str(exc))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        origin = f"{name}:{number}"
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(origin, None, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            yield Record(origin, None, "record has no 'text' string field")
            continue
        data.setdefault("id", f"{Path(name).stem}:{number}")
        yield Record(origin, data)


def event_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """JSON-ready event dicts, each with its document's id and metadata."""
    for item in doc.documents():
        for event in item.events:
            row = event.model_dump(mode="json")
            row["document"] = {
                "id": item.id,
                "published": item.published.isoformat() if item.published else None,
                "parent_id": item.parent_id,
                "url": item.url,
                "title": item.title,
                "source": item.source,
            }
            yield row


def _error(message: str) -> None:
    click.echo(f"newsie: error: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsie")
def main() -> None:
    """newsie: turn Chinese news into structured, typed event records."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    help="Publication time (ISO 8601) for inputs that carry none; relative times resolve "
    "against it. Naive times are Asia/Shanghai.",
)
@click.option(
    "--split-page/--no-split-page",
    default=True,
    show_default=True,
    help="Split scraped pages into their article and dated flash items.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Where to write JSON lines (one event per line); '-' is stdout.",
)
@click.option("--config", type=click.Path(dir_okay=False), help="Pipeline config (TOML).")
def extract(
    paths: tuple[str, ...],
    published: str | None,
    split_page: bool,
    output: str,
    config: str | None,
) -> None:
    """Extract events from PATHS (.txt documents, .jsonl records, '-' for stdin)."""
    import newsie
    from newsie.io.inputs import InputError, parse_published

    try:
        default_published = parse_published(published)
        nlp = newsie.load(config)
    except (InputError, FileNotFoundError, newsie.PipelineError, KeyError) as exc:
        _error(str(exc))
        sys.exit(2)
    if not split_page and "page" in nlp.stage_names:
        nlp.remove("page")

    failures = 0
    events = 0
    sink: TextIO = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    try:
        for record in read_records(list(paths)):
            if record.error is not None:
                _error(f"{record.origin}: {record.error}")
                failures += 1
                continue
            data = dict(record.data)
            if data.get("published") is None and default_published is not None:
                data["published"] = default_published
            doc = next(nlp.pipe([data]))
            if doc.errors:
                _error(f"{record.origin}: {'; '.join(doc.errors)}")
                failures += 1
                continue
            for row in event_rows(doc):
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
                events += 1
    finally:
        if sink is not sys.stdout:
            sink.close()
    if failures:
        _error(f"{failures} input(s) failed; {events} event(s) written")
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
