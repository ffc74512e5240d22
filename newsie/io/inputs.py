"""Turning what users pass in (str, bytes, records) into Documents."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from newsie.document import Document

RECORD_FIELDS = ("text", "id", "published", "source", "url", "title")


class InputError(ValueError):
    """An input that cannot become a Document (undecodable bytes, record without text)."""


def decode_bytes(data: bytes) -> str:
    """Decode news bytes: UTF-8 (with or without BOM), then GB18030 (covers GBK), then Big5."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"cannot decode {len(data)} bytes as UTF-8, GB18030 or Big5 (first bytes: {data[:16]!r})"
    )


def parse_published(value: datetime | str | None) -> datetime | None:
    """A publication time from a datetime or an ISO 8601 string (naive = Asia/Shanghai)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise InputError(f"published time is not ISO 8601: {value!r}") from None
    raise TypeError(f"published must be a datetime or ISO 8601 string, not {type(value).__name__}")


def make_document(
    data: Any,
    *,
    published: datetime | str | None = None,
    id: str | None = None,
    **metadata: Any,
) -> Document:
    """A Document from a str, bytes, Document or record mapping (keyword metadata wins)."""
    if isinstance(data, Document):
        if published is not None:
            data.published = parse_published(published)
        return data
    if isinstance(data, Mapping):
        if "text" not in data:
            raise InputError(f"record has no 'text' field (fields: {sorted(data)})")
        fields = {key: data.get(key) for key in RECORD_FIELDS if data.get(key) is not None}
        extra = {key: value for key, value in data.items() if key not in RECORD_FIELDS}
        text = fields.pop("text")
        published = published if published is not None else fields.pop("published", None)
        id = id if id is not None else fields.pop("id", None)
        metadata = {**fields, **metadata}
        if extra:
            metadata.setdefault("meta", {}).update(extra)
        data = text
    if isinstance(data, (bytes, bytearray)):
        data = decode_bytes(bytes(data))
    if data is None:
        raise TypeError("expected text (str or bytes), got None")
    if not isinstance(data, str):
        raise TypeError(f"expected text (str or bytes), got {type(data).__name__}")
    return Document(
        text=data,
        id=str(id) if id is not None else "",
        published=parse_published(published),
        **metadata,
    )


def record_error_document(record: Any, error: Exception) -> Document:
    """An empty Document standing for an input that failed, naming it and the error."""
    record_id = ""
    if isinstance(record, Mapping) and record.get("id") is not None:
        record_id = str(record["id"])
    doc = Document(text="", id=record_id or f"error-{id(record):x}")
    doc.errors.append(f"{type(error).__name__}: {error}")
    return doc
