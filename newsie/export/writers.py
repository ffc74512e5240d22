"""Writing and reading export files: JSON lines, CSV, Parquet and DuckDB.

File writes are atomic: output goes to a temporary file next to the target, which then
replaces it (``os.replace``), so an interrupted run leaves no partial file.  DuckDB writes
replace the rows of the documents written (delete-then-insert in one transaction), so
exporting the same documents again does not duplicate rows.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from newsie.export.tables import SCHEMA_VERSION, TABLES, Rows, collect

FORMATS = ("jsonl", "csv", "parquet", "duckdb")
_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".duckdb": "duckdb",
    ".ddb": "duckdb",
    ".db": "duckdb",
}


_DUCKDB_TYPES = {"int64": "BIGINT", "double": "DOUBLE", "bool": "BOOLEAN", "date32[day]": "DATE"}


class ExportError(RuntimeError):
    """An export that cannot be written (missing optional dependency, schema mismatch)."""


def infer_format(path: str | os.PathLike[str] | None, default: str = "jsonl") -> str:
    """The format for ``path`` from its suffix (``.csv`` -> csv, ...); ``default`` if none."""
    if path is None or str(path) == "-":
        return default
    suffix = Path(path).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if not suffix:
        return default
    raise ExportError(
        f"cannot tell the format of {str(path)!r} from its suffix; "
        f"use one of {', '.join(sorted(_SUFFIXES))} or give format= ({', '.join(FORMATS)})"
    )


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path next to ``path`` that replaces it when the block succeeds."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def event_records(obj: Any) -> Iterator[dict[str, Any]]:
    """Nested JSON-ready event records (the full event model plus a ``document`` object)."""
    from newsie.document import Document
    from newsie.events.models import Event

    if isinstance(obj, Document):
        for item in obj.documents():
            for event in item.events:
                row = event.model_dump(mode="json")
                evidence = event.evidence
                row["sentence"] = item.text[evidence.start : evidence.end].strip() or None
                row["document"] = {
                    "id": item.id,
                    "published": item.published.isoformat() if item.published else None,
                    "parent_id": item.parent_id,
                    "url": item.url,
                    "title": item.title,
                    "source": item.source,
                }
                yield row
    elif isinstance(obj, Event):
        yield obj.model_dump(mode="json")
    elif isinstance(obj, dict):
        yield obj
    else:
        for element in obj:
            yield from event_records(element)


def write_jsonl(obj: Any, sink: TextIO, table: str = "events") -> int:
    """Write JSON lines to an open text file; returns the number of lines.

    ``table="events"`` writes nested event records; other tables write their flat rows.
    """
    count = 0
    if table == "events":
        rows: Any = event_records(obj)
    else:
        rows = collect(obj).table(table)
    for row in rows:
        sink.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
        count += 1
    return count


def _check_table(table: str) -> None:
    if table not in TABLES and table != "all":
        raise ExportError(f"unknown table {table!r}; choose one of {', '.join(TABLES)} or 'all'")


def write_rows(
    rows: Rows,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    table: str = "events",
    tz: str | None = None,
    excel: bool = False,
) -> Path:
    """Write accumulated rows. ``table='all'`` with csv/parquet writes a folder of 4 files;
    see :func:`write` for ``tz`` and ``excel``."""
    from newsie.export import rows_to_arrow, rows_to_pandas

    fmt = format or infer_format(path)
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    _check_table(table)
    if excel and fmt != "csv":
        raise ExportError(f"excel=True applies to CSV files, not {fmt}")
    target = Path(path)
    if fmt == "duckdb":
        with DuckDBWriter(target) as writer:
            writer.write_rows(rows)
        return target
    if table == "all":
        target.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            write_rows(rows, target / f"{name}.{fmt}", fmt, table=name, tz=tz, excel=excel)
        return target
    with atomic_path(target) as tmp:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            arrow = rows_to_arrow(rows, table, tz=tz)
            arrow = arrow.replace_schema_metadata(
                {
                    **(arrow.schema.metadata or {}),
                    b"newsie_schema_version": str(SCHEMA_VERSION).encode(),
                    b"newsie_table": table.encode(),
                }
            )
            pq.write_table(arrow, tmp)
        elif fmt == "csv":
            write_csv(rows_to_pandas(rows, table, tz=tz), tmp, excel=excel)
        else:  # jsonl of flat rows
            with tmp.open("w", encoding="utf-8") as sink:
                for row in rows.table(table):
                    sink.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
    return target


def write_csv(frame: Any, target: str | os.PathLike[str] | TextIO, *, excel: bool = False) -> None:
    """A DataFrame as CSV: UTF-8 with ISO 8601 timestamps that keep their offset; with
    ``excel=True``, UTF-8 with a byte-order mark (so Excel reads the Chinese right) and
    timestamps as local wall-clock times without an offset (which Excel reads as dates)."""
    if excel:
        frame = frame.copy()
        for name in frame.columns:
            if getattr(frame[name].dtype, "tz", None) is not None:
                frame[name] = frame[name].dt.tz_localize(None)
    encoding = "utf-8-sig" if excel else "utf-8"
    if hasattr(target, "write"):
        if excel:
            target.write("\ufeff")
        frame.to_csv(target, index=False)
    else:
        frame.to_csv(target, index=False, encoding=encoding)


def write(
    docs_or_events: Any,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    table: str = "events",
    wide: bool = False,
    text: bool = False,
    tz: str | None = None,
    excel: bool = False,
) -> Path:
    """Write documents / events to ``path`` as jsonl, csv, parquet or duckdb.

    The format comes from ``format`` or the suffix of ``path``.  JSON lines hold one
    nested event record per line (``table='events'``) or flat rows of another table; CSV
    and Parquet hold one table (``table='all'``: a folder with one file per table);
    a DuckDB file holds all tables and is updated in place (re-written documents
    replace their old rows).  ``wide=True`` adds ``arg_<role>`` columns to a CSV /
    Parquet events table; ``text=True`` keeps the documents' texts; timestamps are in
    ``tz`` (default Asia/Shanghai); ``excel=True`` writes a CSV that Excel opens right
    (a byte-order mark, local times without offset).
    """
    fmt = format or infer_format(path)
    _check_table(table)
    if fmt == "jsonl" and table == "events":
        if excel:
            raise ExportError("excel=True applies to CSV files, not jsonl")
        with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as sink:
            write_jsonl(docs_or_events, sink)
        return Path(path)
    rows = collect(docs_or_events, wide=wide and fmt != "duckdb", text=text)
    return write_rows(rows, path, fmt, table=table, tz=tz, excel=excel)


class DuckDBWriter:
    """Upserts documents into a DuckDB database file, one transaction per batch.

    >>> with DuckDBWriter("news.duckdb") as db:      # doctest: +SKIP
    ...     for batch in batches:
    ...         db.write(batch)
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        try:
            import duckdb
        except ImportError as exc:  # pragma: no cover
            raise ExportError(
                "DuckDB export needs duckdb: pip install 'newsie-zh-events[export]'"
            ) from exc
        self.path = Path(path)
        if self.path.parent != Path(""):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path))
        self._check_schema()

    def _check_schema(self) -> None:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'newsie_schema'"
        ).fetchone()[0]
        if not exists:
            return
        row = self.con.execute("SELECT max(version) FROM newsie_schema").fetchone()
        if row and row[0] is not None and int(row[0]) != SCHEMA_VERSION:
            self.con.close()
            raise ExportError(
                f"{self.path} was written with export schema version {row[0]}; this newsie "
                f"writes version {SCHEMA_VERSION} (see docs/exports.md, 'Versioning'): "
                "write to a new file, or export the old one's documents again"
            )

    def __enter__(self) -> DuckDBWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def write(self, docs_or_events: Any) -> None:
        self.write_rows(collect(docs_or_events))

    def _columns(self, table: str) -> list[str]:
        return [
            r[0]
            for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                [table],
            ).fetchall()
        ]

    def write_rows(self, rows: Rows) -> None:
        """Replace the rows of every document in ``rows`` (and of a page's old items)."""
        import pyarrow as pa

        from newsie import __version__
        from newsie.export import rows_to_arrow

        con = self.con
        arrows = {table: rows_to_arrow(rows, table) for table in TABLES}
        ids = pa.table({"document_id": pa.array(rows.document_ids(), pa.string())})
        con.execute("BEGIN TRANSACTION")
        try:
            for table, arrow in arrows.items():
                con.register(f"_new_{table}", arrow)
                con.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} AS SELECT * FROM _new_{table} LIMIT 0"
                )
                existing = set(self._columns(table))
                for field in arrow.schema:
                    if field.name not in existing:
                        con.execute(
                            f'ALTER TABLE {table} ADD COLUMN "{field.name}" '
                            f"{_DUCKDB_TYPES.get(str(field.type), 'VARCHAR')}"
                        )
            con.register("_ids", ids)
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _stale AS SELECT document_id FROM _ids "
                "UNION SELECT document_id FROM documents "
                "WHERE parent_id IN (SELECT document_id FROM _ids)"
            )
            for table in TABLES:
                con.execute(
                    f"DELETE FROM {table} WHERE document_id IN (SELECT document_id FROM _stale)"
                )
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _new_{table}")
            con.execute(
                "CREATE TABLE IF NOT EXISTS newsie_schema "
                "(version INTEGER, newsie_version VARCHAR, updated TIMESTAMPTZ)"
            )
            con.execute("DELETE FROM newsie_schema")
            con.execute(
                "INSERT INTO newsie_schema VALUES (?, ?, ?)",
                [SCHEMA_VERSION, __version__, datetime.now(timezone.utc)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            for table in TABLES:
                with contextlib.suppress(Exception):
                    con.unregister(f"_new_{table}")
            with contextlib.suppress(Exception):
                con.unregister("_ids")


def read_table(
    path: str | os.PathLike[str],
    table: str = "events",
    format: str | None = None,
    *,
    tz: str | None = None,
):
    """Read an export back as a pandas DataFrame (events by default).

    Accepts any format written by :func:`write`; nested event JSON lines are flattened.
    A folder written with ``table='all'`` is read by picking ``<table>.<format>`` in it.
    Timestamps come back in ``tz`` (default Asia/Shanghai) and ``date`` columns as dates.
    """
    import pandas as pd

    source = Path(path)
    if source.is_dir():
        for fmt in ("parquet", "csv", "jsonl"):
            candidate = source / f"{table}.{fmt}"
            if candidate.is_file():
                return read_table(candidate, table, fmt, tz=tz)
        raise ExportError(f"no {table}.parquet/.csv/.jsonl in folder {source}")
    if not source.is_file():
        raise ExportError(f"no such file: {source}")
    fmt = format or infer_format(source)
    if fmt == "parquet":
        return _local(pd.read_parquet(source), table, tz)
    if fmt == "duckdb":
        import duckdb

        con = duckdb.connect(str(source), read_only=True)
        try:
            return _local(con.execute(f"SELECT * FROM {table}").df(), table, tz)
        except duckdb.Error as exc:
            raise ExportError(f"{source}: no table {table!r}") from exc
        finally:
            con.close()
    if fmt == "csv":
        frame = pd.read_csv(
            source,
            dtype={"document_id": str, "parent_id": str, "event_id": str},
            encoding="utf-8-sig",  # a file written with excel=True starts with a BOM
        )
        return _local(frame, table, tz)
    # JSON lines: nested event records or flat rows
    from newsie.export import rows_to_pandas

    records = []
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ExportError(f"{source}:{number}: invalid JSON: {exc.msg}") from None
    if records and all("trigger" in r and "evidence" in r for r in records):
        return rows_to_pandas(collect(records), table, tz=tz)
    return _local(pd.DataFrame(records), table, tz)


def _is_date(value: Any) -> bool:
    import datetime as dt

    return value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime))


def _local(frame: Any, table: str, tz: str | None) -> Any:
    """Timestamp columns as aware times in ``tz``, date columns as dates (files store
    them as strings or in another zone)."""
    import pandas as pd

    from newsie.export import DEFAULT_EXPORT_TZ
    from newsie.export.tables import COLUMNS

    zone = tz or DEFAULT_EXPORT_TZ
    kinds = dict(COLUMNS.get(table, ()))
    for name in frame.columns:
        kind = kinds.get(name)
        column = frame[name]
        if kind == "ts" or isinstance(column.dtype, pd.DatetimeTZDtype):
            if not isinstance(column.dtype, pd.DatetimeTZDtype):
                column = pd.to_datetime(column, utc=True, format="ISO8601")
            frame[name] = column.dt.tz_convert(zone)
        elif kind == "date" and len(column) and not all(map(_is_date, column)):
            values = pd.to_datetime(column, format="ISO8601", errors="coerce")
            frame[name] = pd.Series(
                [None if pd.isna(v) else v.date() for v in values], index=frame.index, dtype=object
            )
    return frame
