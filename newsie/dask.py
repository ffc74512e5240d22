"""Run newsie over large collections with Dask (``pip install newsie-zh-events[dask]``).

>>> import dask.bag as db
>>> from newsie.dask import extract_bag, extract_dataframe, to_parquet
>>> records = db.read_text("news/*.jsonl").map(json.loads)   # {"id", "text", "published"}
>>> events = extract_bag(records)                            # bag of event dicts
>>> to_parquet(events, "events.parquet")

The pipeline is described by its config (``nlp.to_config()``, plain data), shipped with
the task and built **once per worker process** (cached by config), then run partition by
partition with :meth:`newsie.Pipeline.pipe`: a bad record yields no events (or an error
row with ``include_errors=True``) and never fails the partition.  See docs/scaling.md.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from newsie.document import Document
from newsie.pipeline import Pipeline

__all__ = [
    "EVENT_COLUMNS",
    "event_rows",
    "extract_bag",
    "extract_dataframe",
    "get_pipeline",
    "to_parquet",
]

_PANDAS_DTYPES = {
    "str": "string",
    "int": "Int64",
    "float": "float64",
    "bool": "boolean",
    "ts": "datetime64[us, Asia/Shanghai]",
    "date": "date32[pyarrow]",
}


def _event_columns() -> dict[str, str]:
    from newsie.export.tables import EVENT_COLUMNS as EXPORT_COLUMNS

    columns = {name: _PANDAS_DTYPES[kind] for name, kind in EXPORT_COLUMNS}
    columns["event_key"] = "string"  # cross-document key (newsie.dedup.event_key)
    columns["arguments"] = "string"  # JSON list of argument dicts
    columns["error"] = "string"  # set on error rows (include_errors=True)
    return columns


#: Columns (pandas dtypes) of the flat event table: the export ``events`` table's fixed
#: columns (``newsie.export.tables.EVENT_COLUMNS``) plus ``event_key``, ``arguments``
#: (JSON) and ``error``.  Per-role ``arg_<role>`` columns are left out: a Dask schema
#: must be known before the data; the roles are in ``arguments``.
EVENT_COLUMNS: dict[str, str] = _event_columns()

_PIPELINES: dict[str, Pipeline] = {}
_LOCK = threading.Lock()


def _config_key(config: Mapping[str, Any] | None) -> str:
    return "default" if config is None else json.dumps(config, sort_keys=True, default=str)


def get_pipeline(config: Mapping[str, Any] | None = None) -> Pipeline:
    """The pipeline for ``config`` (None: the default one), built once per process."""
    key = _config_key(config)
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            from newsie.pipeline import load

            nlp = load(dict(config) if config is not None else None)
            _PIPELINES[key] = nlp
    return nlp


def _config_of(config: Mapping[str, Any] | Pipeline | None) -> dict[str, Any] | None:
    if isinstance(config, Pipeline):
        return config.to_config()  # raises PipelineError for unregistered stages
    return dict(config) if config is not None else None


def event_rows(doc: Document, *, include_errors: bool = False) -> list[dict[str, Any]]:
    """Flat rows (:data:`EVENT_COLUMNS`) for the events of ``doc`` and its page items."""
    from newsie.dedup import event_key
    from newsie.export.tables import document_meta, event_row

    rows: list[dict[str, Any]] = []
    for item in doc.documents():
        meta = document_meta(item)
        for event in item.events:
            row = event_row(event, meta, item.text)
            flat = {column: row.get(column) for column in EVENT_COLUMNS}
            flat["event_key"] = event_key(event, item)
            flat["arguments"] = json.dumps(
                [a.model_dump(mode="json") for a in event.arguments], ensure_ascii=False
            )
            rows.append(flat)
        if include_errors and item.errors:
            flat = {column: None for column in EVENT_COLUMNS}
            flat.update({k: v for k, v in meta.items() if k in EVENT_COLUMNS})
            flat["error"] = "; ".join(item.errors)
            rows.append(flat)
    return rows


def _event_dicts(doc: Document, include_errors: bool) -> list[dict[str, Any]]:
    out = []
    for item in doc.documents():
        for event in item.events:
            data = event.model_dump(mode="json")
            data["document_id"] = item.id
            data["parent_id"] = item.parent_id
            data["published"] = item.published.isoformat() if item.published else None
            out.append(data)
        if include_errors and item.errors:
            out.append({"type": None, "document_id": item.id, "errors": list(item.errors)})
    return out


def _bag_partition(
    records: Iterable[Any], config: dict[str, Any] | None, include_errors: bool, flat: bool
) -> list[dict[str, Any]]:
    nlp = get_pipeline(config)
    out: list[dict[str, Any]] = []
    for doc in nlp.pipe(records):
        if flat:
            out.extend(event_rows(doc, include_errors=include_errors))
        else:
            out.extend(_event_dicts(doc, include_errors))
    return out


def extract_bag(
    bag: Any,
    config: Mapping[str, Any] | Pipeline | None = None,
    *,
    flat: bool = False,
    include_errors: bool = False,
) -> Any:
    """A dask bag of events from a bag of records (dicts with ``text``, optional ``id``,
    ``published``, ``source``, ``url``, ``title``), texts or bytes.

    Events are dicts: ``event.model_dump(mode="json")`` plus ``document_id``,
    ``parent_id`` and ``published``; with ``flat=True`` rows of :data:`EVENT_COLUMNS`
    instead.  ``config`` is a pipeline config (``nlp.to_config()``) or a Pipeline whose
    stages are all registered; None is the default pipeline.
    """
    return bag.map_partitions(
        _bag_partition, _config_of(config), include_errors, flat
    )


def _empty_frame():
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in EVENT_COLUMNS.items()})


def _frame_partition(
    frame: Any,
    text_column: str,
    id_column: str | None,
    published_column: str | None,
    extra_columns: tuple[str, ...],
    config: dict[str, Any] | None,
    include_errors: bool,
) -> Any:
    import pandas as pd

    nlp = get_pipeline(config)

    def records() -> Iterable[dict[str, Any]]:
        columns = list(frame.columns)
        for row in frame.itertuples(index=True, name=None):
            values = dict(zip(["__index__", *columns], row))
            text = values.get(text_column)
            record: dict[str, Any] = {"text": None if _missing(text) else text}
            if id_column and not _missing(values.get(id_column)):
                record["id"] = str(values[id_column])
            else:
                record["id"] = str(values["__index__"])
            if published_column and not _missing(values.get(published_column)):
                published = values[published_column]
                record["published"] = (
                    published.to_pydatetime() if hasattr(published, "to_pydatetime") else published
                )
            for column in ("source", "url", "title", *extra_columns):
                if column in values and not _missing(values[column]):
                    record[column] = values[column]
            yield record

    rows: list[dict[str, Any]] = []
    for doc in nlp.pipe(records()):
        rows.extend(event_rows(doc, include_errors=include_errors))
    if not rows:
        return _empty_frame()
    out = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    return out.astype(EVENT_COLUMNS)


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists, arrays: present
        return False


def extract_dataframe(
    ddf: Any,
    text_column: str = "text",
    *,
    id_column: str | None = "id",
    published_column: str | None = "published",
    extra_columns: Iterable[str] = (),
    config: Mapping[str, Any] | Pipeline | None = None,
    include_errors: bool = False,
) -> Any:
    """A dask dataframe of events (columns :data:`EVENT_COLUMNS`) from a dask dataframe of
    documents, partition by partition.  Rows without ``id_column`` use their index as id."""
    columns = set(ddf.columns)
    if text_column not in columns:
        raise KeyError(f"no text column {text_column!r} in {sorted(columns)}")
    id_column = id_column if id_column in columns else None
    published_column = published_column if published_column in columns else None
    return ddf.map_partitions(
        _frame_partition,
        text_column,
        id_column,
        published_column,
        tuple(extra_columns),
        _config_of(config),
        include_errors,
        meta=_empty_frame(),
        align_dataframes=False,
    )


def to_parquet(events: Any, path: str, **kwargs: Any) -> Any:
    """Write events to Parquet: a dask dataframe from :func:`extract_dataframe`, or a bag
    from :func:`extract_bag` (made with ``flat=True``, or event dicts: flattened here)."""
    import dask.bag as db

    if isinstance(events, db.Bag):
        events = events.map_partitions(_flatten_partition).to_dataframe(meta=_empty_frame())
    kwargs.setdefault("write_index", False)
    return events.to_parquet(path, **kwargs)


def _flatten_partition(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    from newsie.dedup import event_key
    from newsie.events.models import Event
    from newsie.export.tables import event_row

    out = []
    for row in rows:
        if "event_key" in row:  # already flat
            out.append({column: row.get(column) for column in EVENT_COLUMNS})
            continue
        if row.get("type") is None:
            flat = {column: None for column in EVENT_COLUMNS}
            flat["document_id"] = row.get("document_id")
            flat["error"] = "; ".join(row.get("errors", []))
            out.append(flat)
            continue
        data = {k: v for k, v in row.items() if k in Event.model_fields}
        event = Event.model_validate(data)
        from newsie.io.inputs import parse_published

        meta = {
            "document_id": row.get("document_id"),
            "parent_id": row.get("parent_id"),
            "published": parse_published(row.get("published")),
        }
        exported = event_row(event, meta)
        flat = {column: exported.get(column) for column in EVENT_COLUMNS}
        doc = Document(text="", id=row.get("document_id") or "", published=meta["published"])
        flat["event_key"] = event_key(event, doc)
        flat["arguments"] = json.dumps(row.get("arguments", []), ensure_ascii=False)
        out.append(flat)
    return out
