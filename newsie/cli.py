"""The ``newsie`` command line.

``newsie extract``  texts, JSON lines, CSV, folders, globs or stdin -> events (jsonl, csv,
                    parquet or duckdb);
``newsie show``     a readable summary of one file's entities, times and events;
``newsie schema``   the JSON Schema of event records;
``newsie report``   a static, self-contained HTML report of an events export.

Errors are one line on stderr (``newsie: error: ...``); set ``NEWSIE_DEBUG=1`` to get
the traceback of an unexpected error instead.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from newsie.document import Document

INPUT_SUFFIXES = {
    ".txt": "txt",
    ".md": "txt",
    ".markdown": "txt",
    ".html": "html",
    ".htm": "html",
    ".xml": "xml",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
INPUT_KINDS = ("txt", "html", "xml", "jsonl", "csv")
_GLOB_CHARS = set("*?[")


@dataclass
class Record:
    """One input record and where it came from (for error messages)."""

    origin: str
    data: Any  # a text or a mapping with "text"
    error: str | None = None


@dataclass
class Fields:
    """Which record fields / CSV columns hold the text, the id and the publication time."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    #: read a date in a text file's name (or folder) as its publication date
    name_dates: bool = True

    def normalise(self, data: dict[str, Any]) -> dict[str, Any]:
        """A record with newsie's field names (text, id, published); others kept."""
        out = dict(data)
        for ours, theirs in (("text", self.text), ("id", self.id), ("published", self.published)):
            if theirs != ours and theirs in out:
                out[ours] = out.pop(theirs)
        for key in ("id", "published"):
            if out.get(key) in ("", None):
                out.pop(key, None)
        if "id" in out:
            out["id"] = str(out["id"])
        return out


@dataclass
class Source:
    """One input: a file (or stdin) and how to read it."""

    name: str  # shown in messages
    path: str  # "-" for stdin
    kind: str  # txt, html, xml, jsonl, csv
    id: str  # default document id (txt) / id prefix (jsonl, csv)
    error: str | None = None


def _kind_for(path: str, input_format: str | None) -> str:
    if input_format:
        return input_format
    kind = INPUT_SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:  # a SogouCS .dat file is <doc> XML; anything else is text
        from newsie.io.files import looks_like_doc_xml

        try:
            with open(path, "rb") as handle:
                kind = "xml" if looks_like_doc_xml(handle.read(4096)) else "txt"
        except OSError:
            kind = "txt"
    return kind


def expand_paths(paths: Iterable[str], input_format: str | None = None) -> Iterator[Source]:
    """Sources for the given paths: files, folders (recursive), globs and '-' (stdin)."""
    for path in paths:
        if path == "-":
            yield Source("<stdin>", "-", input_format or "txt", "stdin")
            continue
        candidate = Path(path)
        if candidate.is_dir():
            files = sorted(
                p
                for p in candidate.rglob("*")
                if p.is_file()
                and p.suffix.lower() in INPUT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(candidate).parts)
            )
            if not files:
                yield Source(
                    path, path, "txt", "",
                    "no .txt, .md, .html, .xml, .jsonl or .csv files in this folder",
                )  # fmt: skip
            for file in files:
                ident = file.relative_to(candidate).with_suffix("").as_posix()
                yield Source(str(file), str(file), _kind_for(str(file), input_format), ident)
            continue
        if not candidate.exists() and _GLOB_CHARS & set(path):
            matches = sorted(m for m in glob.glob(path, recursive=True) if Path(m).is_file())
            if not matches:
                yield Source(path, path, "txt", "", "no files match this pattern")
            for match in matches:
                yield Source(match, match, _kind_for(match, input_format), Path(match).stem)
            continue
        yield Source(path, path, _kind_for(path, input_format), candidate.stem)


def read_records(
    paths: list[str], fields: Fields | None = None, input_format: str | None = None
) -> Iterator[Record]:
    """Records from .txt / .md / .html files (one document each), .xml (one per <doc>),
    .jsonl (one per line) and .csv (per row)."""
    fields = fields or Fields()
    for source in expand_paths(paths, input_format):
        yield from source_records(source, fields)


def source_records(source: Source, fields: Fields) -> Iterator[Record]:
    """The records of one source in order, each good or with its error.

    .jsonl and .csv files (and stdin) are read as streams, a line at a time (see
    :mod:`newsie.io.feeds`); a bad line or row costs only itself.  A zero-byte input is
    an error.
    """
    if source.error:
        yield Record(source.name, None, source.error)
        return
    try:
        with _open(source) as stream:
            if source.kind in ("txt", "html"):
                yield _txt_record(source, stream.read(), fields)
            else:
                yield from _feed_records(source, stream, fields)
    except OSError as exc:
        yield Record(source.name, None, f"cannot read: {exc.strerror or exc}")


def _open(source: Source) -> contextlib.AbstractContextManager[Any]:
    if source.path == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    return open(source.path, "rb")


def _empty(source: Source) -> Record:
    what = "input" if source.path == "-" else "file"
    return Record(source.name, None, f"empty {what} (0 bytes)")


def _txt_record(source: Source, raw: bytes, fields: Fields) -> Record:
    """A text or HTML file as one record, with what else the file says: a sidecar
    ``NAME.json`` (its fields win), an HTML page's publication meta tag, else a date in
    the file name or its folders."""
    from newsie.io.files import date_in_name, html_published, read_sidecar
    from newsie.io.inputs import InputError, decode_bytes, parse_published

    if not raw:
        return _empty(source)
    try:
        text = decode_bytes(raw)
    except InputError as exc:
        return Record(source.name, None, str(exc))
    data: dict[str, Any] = {"html" if source.kind == "html" else "text": text, "id": source.id}
    if source.kind == "html":
        declared = html_published(text)
        if declared:
            with contextlib.suppress(InputError, TypeError):
                data["published"] = parse_published(declared)
    if "published" not in data and fields.name_dates and source.path != "-":
        parents = len(Path(source.id).parts) - 1 if source.id else 0
        day = date_in_name(source.path, parents=max(parents, 0))
        if day is not None:
            data["published"] = day.isoformat()
    if source.path != "-":
        try:
            sidecar = read_sidecar(source.path)
        except ValueError as exc:
            return Record(source.name, None, f"sidecar {exc}")
        if sidecar:
            sidecar = fields.normalise({k: v for k, v in sidecar.items() if k != fields.text})
            data.update(sidecar)
    return Record(source.name, data)


def _feed_records(source: Source, stream: Any, fields: Fields) -> Iterator[Record]:
    from newsie.io.feeds import LineReader
    from newsie.io.inputs import InputError

    try:
        lines = LineReader(stream)
    except InputError as exc:
        yield Record(source.name, None, str(exc))
        return
    if lines.empty:
        yield _empty(source)
    elif source.kind == "jsonl":
        yield from _jsonl_records(source, lines, fields)
    elif source.kind == "xml":
        yield from _xml_records(source, lines)
    else:
        yield from _csv_records(source, lines, fields)


def _xml_records(source: Source, lines: Any) -> Iterator[Record]:
    from newsie.io.files import xml_records

    for number, data, error in xml_records(lines):
        origin = f"{source.name}:{number}"
        if error is not None:
            yield Record(origin, None, error)
        else:
            data.setdefault("id", f"{source.id}:{number}")
            yield Record(origin, data)


def _jsonl_records(source: Source, lines: Any, fields: Fields) -> Iterator[Record]:
    from newsie.io.feeds import jsonl_records

    for number, data, error in jsonl_records(lines):
        origin = f"{source.name}:{number}"
        if error is not None:
            yield Record(origin, None, error)
        elif not isinstance(data, dict) or not isinstance(data.get(fields.text), str):
            yield Record(origin, None, f"record has no {fields.text!r} string field")
        else:
            data = fields.normalise(data)
            data.setdefault("id", f"{source.id}:{number}")
            yield Record(origin, data)


def _csv_records(source: Source, lines: Any, fields: Fields) -> Iterator[Record]:
    from newsie.io.feeds import csv_rows

    rows = csv_rows(lines)
    number, columns, error = next(rows, (1, [], None))
    if error is not None:
        yield Record(f"{source.name}:{number}", None, f"{error} (in the header)")
        return
    if fields.text not in columns:
        yield Record(
            f"{source.name}:{number}",
            None,
            f"no {fields.text!r} column (columns: {', '.join(columns) or 'none'}); "
            "name the text column with --text-column",
        )
        return
    for number, row, error in rows:
        origin = f"{source.name}:{number}"
        if error is not None:
            yield Record(origin, None, error)
            continue
        data = dict(zip(columns, row))  # as csv.DictReader: extra fields dropped
        for column in columns[len(row) :]:
            data[column] = None
        if not (data.get(fields.text) or "").strip():
            yield Record(origin, None, f"empty {fields.text!r} column")
            continue
        data = fields.normalise(data)
        data.setdefault("id", f"{source.id}:{number}")
        yield Record(origin, data)


def event_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """JSON-ready event dicts, each with its document's id and metadata."""
    from newsie.export.writers import event_records

    yield from event_records(doc)


# -- errors and the command group -------------------------------------------------------


def _version() -> str:
    from newsie import __version__

    return __version__


def _error(message: str) -> None:
    click.echo(f"newsie: error: {message}", err=True)


class CliError(click.ClickException):
    """An error shown as one line, exit status 2."""

    exit_code = 2


class Terminated(BaseException):
    """SIGTERM in the main process: unwinds like Ctrl-C (temporary files are removed)."""


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """While in the block, SIGTERM raises :class:`Terminated` in this process (a forked
    worker that inherits the handler dies of the signal as by default)."""
    pid = os.getpid()

    def handler(signum: int, frame: Any) -> None:
        if os.getpid() != pid:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Group(click.Group):
    """A click group whose errors are one line: ``newsie: error: ...`` (no tracebacks)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            with _sigterm_unwinds():
                super().main(args, prog_name or "newsie", complete_var, False, **extra)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _error(f"{exc.format_message()}{hint}")
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            _error(exc.format_message())
            sys.exit(exc.exit_code)
        except (click.Abort, KeyboardInterrupt, EOFError):
            _error("interrupted")
            sys.exit(130)
        except Terminated:
            _error("terminated")
            sys.exit(143)
        except BrokenPipeError:
            with contextlib.suppress(Exception):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            sys.exit(0)
        except Exception as exc:
            if os.environ.get("NEWSIE_DEBUG"):
                raise
            _error(f"{type(exc).__name__}: {exc} (set NEWSIE_DEBUG=1 for a traceback)")
            sys.exit(2)
        sys.exit(0)


@click.group(name="newsie", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=_version(), prog_name="newsie", message="%(prog)s %(version)s")
def main() -> None:
    """newsie: turn Chinese news into structured, typed event records.

    \b
    Examples:
      newsie extract page.txt                      events as JSON lines on stdout
      newsie extract news/ -o events.parquet       a folder of .txt/.jsonl/.csv files
      newsie extract 'feeds/*.csv' --text-column content --date-column pubdate -o news.duckdb
      newsie show page.txt                         entities, times and events, readable
      newsie report events.parquet -o report.html  a static HTML report
      newsie schema > events.schema.json
    """


# -- shared options ---------------------------------------------------------------------


def _load_pipeline(config: str | None, split_page: bool, imports: tuple[str, ...] = ()):
    import newsie
    from newsie.pipeline import import_user_code

    imported = []
    for spec in imports:
        try:
            imported.append(import_user_code(spec))
        except Exception as exc:  # noqa: BLE001 - the user's module may raise anything
            raise CliError(
                f"--import {spec}: cannot import it: {type(exc).__name__}: {exc}"
            ) from None
    try:
        nlp = newsie.load(config)
    except (FileNotFoundError, newsie.PipelineError, KeyError) as exc:
        raise CliError(str(exc).strip("\"'")) from None
    except ImportError as exc:
        raise CliError(f"cannot build the pipeline: {exc}") from None
    if hasattr(nlp, "imports"):  # worker processes import them too
        nlp.imports = [*imported, *(i for i in nlp.imports if i not in imported)]
    if not split_page and "page" in nlp.stage_names:
        nlp.remove("page")
    return nlp


def _keep_confident(nlp, level: float) -> None:
    """Rebuild the pipeline's events stage with ``min_confidence=level``."""
    if "events" not in nlp.stage_names:
        raise CliError("--min-confidence: the pipeline has no 'events' stage")
    stages = nlp.to_config()["stages"]
    config = {k: v for k, v in stages["events"].items() if k != "factory"}
    nlp.replace("events", config={**config, "min_confidence": level})


def _published_option(f):
    return click.option(
        "--published",
        help="Publication time for inputs that carry none (no field, sidecar, meta tag or "
        "date in the file name); relative times resolve against it. ISO 8601, 2025/11/20, "
        "2025年11月20日 ...; naive times are Asia/Shanghai.",
    )(f)


def _split_option(f):
    return click.option(
        "--split-page/--no-split-page",
        default=True,
        show_default=True,
        help="Split scraped pages into their article and dated flash items.",
    )(f)


def _config_option(f):
    f = click.option(
        "--import",
        "imports",
        multiple=True,
        metavar="MODULE",
        help="Import your own stages or templates first: a module (my_stages, found in "
        "the working folder too), a .py file or a template .toml file or folder. "
        "Repeatable.",
    )(f)
    return click.option(
        "--config",
        help="Pipeline: a preset ('default', 'fast': rules only, no word segmentation) "
        "or a config file (TOML) saved with nlp.save(); its [pipeline] imports are "
        "imported.",
    )(f)


class _MaxChars(click.ParamType):
    """A number of characters (``2000000``, ``2,000,000``) or ``none`` / ``0``: no limit."""

    name = "N|none"

    def convert(self, value: Any, param: Any, ctx: Any) -> int | None:
        if value is None:
            return None
        text = str(value).strip().lower().replace(",", "").replace("_", "")
        if text in ("none", "0"):
            return None
        if not text.isdigit():
            self.fail(f"{value!r} is not a number of characters or 'none'", param, ctx)
        return int(text)


def _field_options(f):
    from newsie.io.inputs import DEFAULT_MAX_CHARS

    f = click.option(
        "--max-chars",
        type=_MaxChars(),
        metavar="N|none",
        default=DEFAULT_MAX_CHARS,
        show_default=True,
        help="Longest text processed (after HTML cleaning); a longer one is reported as "
        "failed. 'none' or 0: no limit.",
    )(f)
    f = click.option(
        "--date-column",
        default="published",
        show_default=True,
        help="CSV column / JSONL field with the publication time (ISO 8601, 2025/11/20, "
        "2025年11月20日 09:40, 20251120, RFC 2822 or Unix time).",
    )(f)
    f = click.option(
        "--id-column", default="id", show_default=True, help="CSV column / JSONL field with the id."
    )(f)
    f = click.option(
        "--text-column",
        default="text",
        show_default=True,
        help="CSV column / JSONL field with the text.",
    )(f)
    f = click.option(
        "--input-format",
        type=click.Choice(list(INPUT_KINDS)),
        help="Read every input (and stdin) as this format instead of going by suffix.",
    )(f)
    f = click.option(
        "--date-from-name/--no-date-from-name",
        "name_dates",
        default=True,
        show_default=True,
        help="A text or HTML file without a sidecar or a meta tag is dated by a date in "
        "its name or folder (20250701.md, 2025-07-01/a.txt).",
    )(f)
    return f


def _parse_published(value: str | None):
    from newsie.io.inputs import InputError, parse_published

    try:
        return parse_published(value)
    except InputError as exc:
        raise CliError(f"--published: {exc}") from None


def _documents(
    sources: Iterable[Source], fields: Fields, published: Any, max_chars: int | None
) -> Iterator[tuple[str, Document | None, str]]:
    """``(origin, Document, "")`` for each good record, ``(origin, None, error)`` for each
    bad one, in input order (the error worded for the command line)."""
    from newsie.io.inputs import TextTooLongError, make_document

    for source in sources:
        for record in source_records(source, fields):
            if record.error is not None:
                yield record.origin, None, record.error
                continue
            data = dict(record.data)
            if data.get("published") is None and published is not None:
                data["published"] = published
            try:
                yield record.origin, make_document(data, max_chars=max_chars), ""
            except TextTooLongError as exc:
                yield (
                    record.origin,
                    None,
                    (
                        f"text has {exc.length:,} characters, more than --max-chars {exc.limit}; "
                        "split it into documents, or pass --max-chars none to process it whole"
                    ),
                )
            except Exception as exc:  # noqa: BLE001 - a failed input is reported, not raised
                yield record.origin, None, f"{type(exc).__name__}: {exc}"


# -- progress ---------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr: documents done, documents/s, events, errors."""

    def __init__(self, enabled: bool, total: int | None = None) -> None:
        self.enabled = enabled
        self.total = total
        self.start = time.monotonic()
        self.last = 0.0
        self.docs = self.events = self.errors = 0

    def update(self, docs: int = 0, events: int = 0, errors: int = 0) -> None:
        self.docs += docs
        self.events += events
        self.errors += errors
        now = time.monotonic()
        if self.enabled and now - self.last >= 0.1:
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.docs / elapsed
        bar = ""
        if self.total:
            done = min(self.docs / self.total, 1.0)
            width = 24
            filled = int(done * width)
            bar = f"[{'#' * filled}{'-' * (width - filled)}] {self.docs}/{self.total} "
        else:
            bar = f"{self.docs} "
        line = f"\r{bar}docs · {rate:,.1f} docs/s · {self.events} events · {self.errors} errors"
        click.echo(line.ljust(79), err=True, nl=False)

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            click.echo("", err=True)

    @property
    def rate(self) -> float:
        return self.docs / max(time.monotonic() - self.start, 1e-9)


def _estimate_total(sources: list[Source]) -> int | None:
    total = 0
    for source in sources:
        if source.error:
            continue
        if source.path == "-":
            return None
        if source.kind in ("txt", "html"):
            total += 1
            continue
        try:
            with open(source.path, "rb") as handle:
                if source.kind == "xml":
                    total += sum(line.count(b"<doc>") for line in handle)
                    continue
                lines = sum(1 for line in handle if line.strip())
        except OSError:
            continue
        total += max(lines - (1 if source.kind == "csv" else 0), 0)
    return total


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


# -- output sinks -----------------------------------------------------------------------


class _Sink:
    """Where extracted documents go: JSON lines (streamed), tables, or a DuckDB file."""

    def __init__(
        self,
        output: str,
        fmt: str,
        table: str,
        stack: contextlib.ExitStack,
        *,
        wide: bool = False,
        text: bool = False,
        excel: bool = False,
    ) -> None:
        from newsie.export import Rows
        from newsie.export.writers import DuckDBWriter, ExportError, atomic_path

        self.output, self.fmt, self.table = output, fmt, table
        self.excel = excel
        if excel and fmt != "csv":
            raise CliError(f"--excel writes CSV; the output format is {fmt}")
        if wide and (fmt not in ("csv", "parquet") or table not in ("events", "all")):
            raise CliError("--wide adds arg_<role> columns to a CSV or Parquet events table")
        self.rows = Rows(wide=wide, text=text)
        self.batch: list[Document] = []
        self.handle = None
        self.db = None
        to_stdout = output == "-"
        if fmt in ("parquet", "duckdb") and to_stdout:
            raise CliError(f"--format {fmt} needs a file: give -o PATH")
        if table == "all" and fmt not in ("csv", "parquet", "duckdb"):
            raise CliError("--table all needs --format csv or parquet (a folder) or duckdb")
        if table == "all" and to_stdout:
            raise CliError("--table all needs -o FOLDER")
        try:
            if fmt == "jsonl":
                if to_stdout:
                    self.handle = sys.stdout
                else:
                    tmp = stack.enter_context(atomic_path(output))
                    self.handle = stack.enter_context(tmp.open("w", encoding="utf-8"))
            elif fmt == "duckdb":
                self.db = stack.enter_context(DuckDBWriter(output))
        except (ExportError, OSError) as exc:
            raise CliError(f"{output}: {exc}") from None

    def add(self, doc: Document) -> None:
        from newsie.export.tables import collect
        from newsie.export.writers import _json_default, write_jsonl

        if self.fmt == "jsonl":
            if self.table == "events":
                write_jsonl(doc, self.handle)
            else:  # flat rows, with the document texts when asked
                rows = collect(doc, text=self.rows.text).table(self.table)
                for row in rows:
                    self.handle.write(
                        json.dumps(row, ensure_ascii=False, default=_json_default) + "\n"
                    )
        elif self.fmt == "duckdb":
            self.batch.append(doc)
            if len(self.batch) >= 256:
                self.flush()
        else:
            self.rows.add(doc)

    def flush(self) -> None:
        from newsie.export.tables import collect

        if self.db is not None and self.batch:
            self.db.write_rows(collect(self.batch, text=self.rows.text))
            self.batch = []

    def finish(self) -> None:
        from newsie.export import rows_to_pandas
        from newsie.export.writers import ExportError, write_csv, write_rows

        self.flush()
        if self.fmt in ("csv", "parquet"):
            try:
                if self.output == "-":
                    frame = rows_to_pandas(self.rows, self.table)
                    write_csv(frame, sys.stdout, excel=self.excel)
                else:
                    write_rows(self.rows, self.output, self.fmt, table=self.table, excel=self.excel)
            except (ExportError, ImportError, OSError) as exc:
                raise CliError(f"{self.output}: {exc}") from None
        elif self.handle is sys.stdout:
            sys.stdout.flush()


# -- extract ----------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_published_option
@_split_option
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="Output file ('-' is stdout). Its suffix picks the format: .jsonl, .csv, "
    ".parquet, .duckdb.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "duckdb"]),
    help="Output format (default: from the -o suffix, else jsonl).",
)
@click.option(
    "--table",
    type=click.Choice(["events", "arguments", "entities", "documents", "all"]),
    default="events",
    show_default=True,
    help="Table to write for csv / parquet / jsonl ('all': a folder with one file per "
    "table). DuckDB always gets all tables.",
)
@click.option(
    "--wide", is_flag=True,
    help="CSV / Parquet events: also one arg_<role> column per role found (fillers "
    "joined by '|'). The arguments table has one row per argument instead.",
)  # fmt: skip
@click.option(
    "--with-text", "with_text", is_flag=True,
    help="Keep each document's text in the documents table.",
)  # fmt: skip
@click.option(
    "--excel", is_flag=True,
    help="CSV for Excel: UTF-8 with a byte-order mark, local times without offset.",
)  # fmt: skip
@click.option(
    "--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
    help="Keep only events at least this likely to be right (their 'confidence').",
)  # fmt: skip
@_field_options
@click.option(
    "-w", "--workers", type=click.IntRange(min=1), default=1, show_default=True,
    help="Processes that run the pipeline, this one included (nlp.pipe(n_process=N)).",
)  # fmt: skip
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
    help="Documents per batch sent to a worker.",
)  # fmt: skip
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar or summary (errors still shown)."
)
@_config_option
def extract(
    paths: tuple[str, ...],
    published: str | None,
    split_page: bool,
    output: str,
    fmt: str | None,
    table: str,
    wide: bool,
    with_text: bool,
    excel: bool,
    min_confidence: float | None,
    name_dates: bool,
    input_format: str | None,
    text_column: str,
    id_column: str,
    date_column: str,
    max_chars: int | None,
    workers: int,
    batch_size: int,
    quiet: bool,
    config: str | None,
    imports: tuple[str, ...],
) -> None:
    """Extract events from PATHS.

    PATHS are .txt / .md documents, .html pages, .jsonl records (one per line), .csv
    files (one record per row), SogouCS-style .xml files (one record per <doc>), folders
    (searched recursively for those), glob patterns ('news/**/*.txt') and
    '-' for stdin. Each failed input is reported as 'newsie: error: FILE[:LINE]: ...' and
    the others are still processed; the exit status is then 1.

    The default output is JSON lines, one event per line with a 'document' object.
    """
    from newsie.export.writers import ExportError, infer_format

    try:
        fmt = fmt or infer_format(None if output == "-" else output)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    default_published = _parse_published(published)
    nlp = _load_pipeline(config, split_page, imports)
    if min_confidence is not None:
        _keep_confident(nlp, min_confidence)
    fields = Fields(text_column, id_column, date_column, name_dates)
    sources = list(expand_paths(paths, input_format))

    show = not quiet and _isatty(sys.stderr) and not (output == "-" and _isatty(sys.stdout))
    progress = Progress(show, _estimate_total(sources) if show else None)
    origins: deque[str] = deque()
    failures = 0

    def good_documents() -> Iterator[Document]:
        nonlocal failures
        for origin, doc, error in _documents(sources, fields, default_published, max_chars):
            if doc is None:
                _error(f"{origin}: {error}")
                failures += 1
                progress.update(errors=1)
                continue
            origins.append(origin)
            yield doc

    with contextlib.ExitStack() as stack:
        sink = _Sink(output, fmt, table, stack, wide=wide, text=with_text, excel=excel)
        try:
            for doc in nlp.pipe(good_documents(), batch_size=batch_size, n_process=workers):
                origin = origins.popleft() if origins else doc.id
                errors = [*doc.errors, *(e for item in doc.items for e in item.errors)]
                if errors:
                    _error(f"{origin}: {'; '.join(errors)}")
                    failures += 1
                    progress.update(docs=1, errors=1)
                    continue
                sink.add(doc)
                progress.update(docs=1, events=len(doc.all_events))
            sink.finish()
        except ExportError as exc:
            raise CliError(str(exc)) from None
        finally:
            progress.close()
    if show:
        click.echo(
            f"{progress.docs} document(s), {progress.events} event(s), {failures} error(s) "
            f"({progress.rate:,.1f} docs/s)" + (f" -> {output}" if output != "-" else ""),
            err=True,
        )
    if failures:
        _error(f"{failures} input(s) failed; {progress.events} event(s) written")
        sys.exit(1)


# -- schema -----------------------------------------------------------------------------


@main.command()
@click.option("-o", "--output", default="-", show_default=True, help="Where to write it.")
def schema(output: str) -> None:
    """Print the JSON Schema of event records (a union discriminated on 'type')."""
    import newsie

    text = json.dumps(newsie.json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")


# -- show -------------------------------------------------------------------------------


@main.command()
@click.argument("path")
@_published_option
@_split_option
@_field_options
@click.option("-n", "--limit", type=click.IntRange(min=1), default=5, show_default=True,
              help="Records shown from a .jsonl / .csv file.")  # fmt: skip
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Also write the highlighted document(s) as a self-contained HTML page.")  # fmt: skip
@_config_option
def show(
    path: str,
    published: str | None,
    split_page: bool,
    name_dates: bool,
    input_format: str | None,
    text_column: str,
    id_column: str,
    date_column: str,
    max_chars: int | None,
    limit: int,
    html_path: str | None,
    config: str | None,
    imports: tuple[str, ...],
) -> None:
    """Print a readable summary of PATH: its entities, times and events.

    PATH is a .txt document, a .jsonl / .csv file (the first --limit records) or '-'.
    """
    from newsie.display import format_document, render_document

    default_published = _parse_published(published)
    nlp = _load_pipeline(config, split_page, imports)
    fields = Fields(text_column, id_column, date_column, name_dates)
    sources = list(expand_paths([path], input_format))
    failures = 0
    docs: list[Document] = []
    records = _documents(sources, fields, default_published, max_chars)
    for origin, prepared, error in records:
        if len(docs) >= limit:
            records.close()
            break
        if prepared is None:
            _error(f"{origin}: {error}")
            failures += 1
            continue
        doc = next(nlp.pipe([prepared]))
        if docs:
            click.echo("\n" + "=" * 60)
        click.echo(f"{origin}")
        click.echo(format_document(doc))
        docs.append(doc)
        if doc.errors:
            failures += 1
    if html_path:
        body = "\n<hr>\n".join(render_document(doc) for doc in docs)
        page = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>newsie</title></head>"
            f"<body style='margin:2em'>{body}</body></html>\n"
        )
        from newsie.export.writers import atomic_path

        with atomic_path(html_path) as tmp:
            tmp.write_text(page, encoding="utf-8")
    if failures:
        sys.exit(1)


# -- report -----------------------------------------------------------------------------


@main.command()
@click.argument("source")
@click.option("-o", "--output", default="report.html", show_default=True,
              help="The HTML file to write.")  # fmt: skip
@click.option("--title", default="newsie report", show_default=True, help="Report title.")
@click.option("--max-rows", type=click.IntRange(min=1), default=5000, show_default=True,
              help="Most events listed in the table (the timeline counts all).")  # fmt: skip
def report(source: str, output: str, title: str, max_rows: int) -> None:
    """Write a static, self-contained HTML report of an events export.

    SOURCE is an events file written by 'newsie extract' (.parquet, .csv, .jsonl), a
    DuckDB file, or a folder written with --table all. The report (an SVG timeline of
    events by type, the most frequent actors and a searchable event table) needs no
    network and can be attached to an e-mail.
    """
    from newsie.export.writers import ExportError
    from newsie.report import write_report

    try:
        path = write_report(source, output, title=title, max_rows=max_rows)
    except (ExportError, OSError, ValueError) as exc:
        raise CliError(str(exc)) from None
    except ImportError as exc:
        raise CliError(
            f"the report needs pandas: pip install 'newsie-zh-events[export]' ({exc})"
        ) from None
    click.echo(f"wrote {path}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
