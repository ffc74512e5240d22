"""Exports: pandas / Arrow tables and JSON lines, CSV, Parquet and DuckDB files.

>>> import newsie
>>> from newsie.export import to_pandas, write
>>> docs = list(newsie.load().pipe(texts))          # doctest: +SKIP
>>> to_pandas(docs)                                 # one row per event   # doctest: +SKIP
>>> to_pandas(docs, table="arguments")              # doctest: +SKIP
>>> write(docs, "news.duckdb")                      # upserts by document  # doctest: +SKIP

Four tables join on ids: ``documents`` (pages and their items), ``events`` (one compact
row per event, with its sentence; ``wide=True`` adds one ``arg_<role>`` column per role),
``arguments`` (one row per argument) and ``entities``.  Timestamps are in local time
(``tz=``, Asia/Shanghai by default) and ``date`` columns are local calendar dates.  The layout is versioned by :data:`SCHEMA_VERSION` and documented in
``docs/exports.md``.  pandas, pyarrow and duckdb are optional (``pip install newsie-zh-events[export]``).
"""

from __future__ import annotations

from typing import Any

from newsie.export.tables import (
    COLUMNS,
    SCHEMA_VERSION,
    TABLES,
    Rows,
    collect,
)
from newsie.export.writers import (
    FORMATS,
    DuckDBWriter,
    ExportError,
    infer_format,
    read_table,
    write,
    write_rows,
)

__all__ = [
    "COLUMNS",
    "DEFAULT_EXPORT_TZ",
    "FORMATS",
    "SCHEMA_VERSION",
    "TABLES",
    "DuckDBWriter",
    "ExportError",
    "Rows",
    "collect",
    "infer_format",
    "read_table",
    "to_arrow",
    "to_pandas",
    "write",
    "write_rows",
]


def _arrow_type(kind: str, tz: str | None = None):
    import pyarrow as pa

    return {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "ts": pa.timestamp("us", tz=tz or DEFAULT_EXPORT_TZ),
        "date": pa.date32(),
    }[kind]


#: The zone export timestamps are shown in unless ``tz=`` says otherwise.
DEFAULT_EXPORT_TZ = "Asia/Shanghai"


def rows_to_arrow(rows: Rows, table: str = "events", *, tz: str | None = None):
    """The Arrow table ``table`` of accumulated rows, with the fixed schema; timestamps
    in ``tz`` (default Asia/Shanghai)."""
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ExportError(
            "Arrow export needs pyarrow: pip install 'newsie-zh-events[export]'"
        ) from exc
    columns = rows.columns(table)
    schema = pa.schema([pa.field(name, _arrow_type(kind, tz)) for name, kind in columns])
    data = rows.table(table)
    return pa.Table.from_pylist(
        [{name: row.get(name) for name, _ in columns} for row in data], schema=schema
    )


def to_arrow(
    docs_or_events: Any,
    table: str = "events",
    *,
    wide: bool = False,
    text: bool = False,
    tz: str | None = None,
):
    """A ``pyarrow.Table`` of ``table`` (events, arguments, entities or documents).

    See :func:`to_pandas` for ``wide``, ``text`` and ``tz``."""
    return rows_to_arrow(collect(docs_or_events, wide=wide, text=text), table, tz=tz)


def rows_to_pandas(rows: Rows, table: str = "events", *, tz: str | None = None):
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover
        raise ExportError(
            "pandas export needs pandas: pip install 'newsie-zh-events[export]'"
        ) from exc
    try:
        import pyarrow  # noqa: F401
    except ImportError:  # pragma: no cover - pandas only
        columns = rows.columns(table)
        frame = pd.DataFrame(rows.table(table), columns=[name for name, _ in columns])
        for name, kind in columns:
            if kind == "ts":
                frame[name] = pd.to_datetime(frame[name], utc=True).dt.tz_convert(
                    tz or DEFAULT_EXPORT_TZ
                )
        return frame
    return rows_to_arrow(rows, table, tz=tz).to_pandas()


def to_pandas(
    docs_or_events: Any,
    table: str = "events",
    *,
    wide: bool = False,
    text: bool = False,
    tz: str | None = None,
):
    """A pandas DataFrame of ``table`` (events, arguments, entities or documents).

    ``docs_or_events`` is a Document (with its items), an Event, or an iterable of them.
    ``wide=True`` adds one ``arg_<role>`` column per role found to the events table;
    ``text=True`` fills the documents table's ``text`` column; timestamps are shown in
    ``tz`` (default Asia/Shanghai); ``date`` columns are dates in each document's zone.
    """
    return rows_to_pandas(collect(docs_or_events, wide=wide, text=text), table, tz=tz)
