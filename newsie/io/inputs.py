"""Turning what users pass in (str, bytes, records) into Documents."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, Literal

from newsie.document import Document
from newsie.io.clean import looks_like_html, sanitize

RECORD_FIELDS = ("text", "id", "published", "source", "url", "title")


class InputError(ValueError):
    """An input that cannot become a Document (undecodable bytes, record without text)."""


class TextTooLongError(InputError):
    """A text longer than ``max_chars``; ``length`` and ``limit`` say by how much."""

    def __init__(self, message: str, length: int, limit: int) -> None:
        super().__init__(message)
        self.length, self.limit = length, limit

    def __reduce__(self):  # picklable, for worker processes
        return type(self), (str(self), self.length, self.limit)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030"),
)
#: Longest text :func:`make_document` accepts unless told otherwise (``max_chars=``):
#: a guard against runaway inputs, like spaCy's ``nlp.max_length``.
DEFAULT_MAX_CHARS = 2_000_000
#: Share of control characters above which decoded bytes are taken for binary data.
BINARY_CONTROL_RATIO = 0.10


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode news bytes: a BOM's encoding, else UTF-8, else GB18030 (covers GBK/GB2312)
    or Big5 (cp950 / HKSCS), whichever reads as more plausible Chinese.

    A Big5 byte string nearly always also decodes as GB18030 (into rare characters), and
    GB2312 text often decodes as Big5, so when both succeed the one whose characters are
    more often among the common Chinese characters (the 3755 of GB2312 level 1 and their
    Traditional forms) wins; ties go to GB18030.  Raises :class:`InputError` when nothing
    decodes or the result looks like binary data.
    """
    return decode_bytes_with_encoding(data, encoding)[0]


def detect_encoding(data: bytes) -> str:
    """The encoding :func:`decode_bytes` uses for ``data``."""
    return decode_bytes_with_encoding(data)[1]


def decode_bytes_with_encoding(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding used)``; see :func:`decode_bytes`."""
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode {len(data)} bytes as {encoding}: {exc}") from None
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(bom_encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"bytes start with a {bom_encoding} byte-order mark but do not decode: {exc}"
                ) from None
            return _not_binary(text, data, bom_encoding), bom_encoding
    try:
        return _not_binary(data.decode("utf-8"), data, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[str, str]] = []
    for name in ("gb18030", "cp950", "big5hkscs"):
        if name == "big5hkscs" and any(n == "cp950" for n, _ in candidates):
            continue
        try:
            candidates.append((name, data.decode(name)))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise InputError(
            f"cannot decode {len(data)} bytes as UTF-8, GB18030 or Big5 "
            f"(first bytes: {data[:16]!r})"
        )
    name, text = max(candidates, key=lambda c: (_chinese_score(c[1]), c[0] == "gb18030"))
    return _not_binary(text, data, name), name


def _not_binary(text: str, data: bytes, encoding: str) -> str:
    from newsie.io.clean import control_ratio

    if control_ratio(text) > BINARY_CONTROL_RATIO:
        raise InputError(
            f"{len(data)} bytes decode as {encoding} but look like binary data "
            f"(many control characters; first bytes: {data[:16]!r})"
        )
    return text


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The 3755 GB2312 level-1 characters, their Traditional forms and CJK punctuation."""
    chars = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    try:
        import opencc

        converter = opencc.OpenCC("s2t")
        ordered = sorted(chars)
        traditional = converter.convert("\n".join(ordered)).split("\n")
        if len(traditional) == len(ordered):
            chars.update(t for t in traditional if len(t) == 1)
        converter = opencc.OpenCC("s2tw")
        traditional = converter.convert("\n".join(ordered)).split("\n")
        if len(traditional) == len(ordered):
            chars.update(t for t in traditional if len(t) == 1)
    except Exception:  # noqa: BLE001, S110 - the score still works on Simplified text
        pass
    chars.update("，。、；：？！“”‘’（）《》【】—…·「」『』〈〉")
    return frozenset(chars)


def _chinese_score(text: str, sample: int = 20000) -> float:
    """Share of the non-ASCII characters (in a sample) that are common Chinese ones."""
    common = _common_chars()
    head = text[:sample]
    total = hits = 0
    for char in head:
        if char < "\x80":
            continue
        total += 1
        if char in common:
            hits += 1
    return hits / total if total else 0.0


_CLOCK = (
    r"(?P<ampm>上午|下午|中午|晚上|凌晨|早上)?\s*(?P<h>\d{1,2})\s*[:：时点]\s*"
    r"(?:(?P<mi>\d{1,2})\s*分?(?:\s*[:：]?\s*(?P<s>\d{1,2})(?:\.\d+)?\s*秒?)?)?"
)
_ZONE = r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
_DATE_FORMS = (
    # 2025-11-20, 2025/11/20, 2025.11.20, 2025-7-1; a time and an offset may follow
    re.compile(
        r"(?P<y>\d{4})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
        r"(?:(?:T|\s+)" + _CLOCK + ")?" + _ZONE
    ),
    # 2025年11月20日, 2025年11月20日 09:40, 2025年11月20日9时40分, 2025年11月20日下午3点
    re.compile(
        r"(?P<y>\d{4})\s*年\s*(?P<mo>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
        r"(?:\s*" + _CLOCK + ")?" + _ZONE
    ),
    # 20251120, 202511200940, 20251120094000
    re.compile(
        r"(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})(?:T?(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})?)?"
        + _ZONE
    ),
)
_AMBIGUOUS = re.compile(
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?:\s.*)?|\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s.*)?"
)
#: The date spellings :func:`parse_published` accepts, for error messages and docs.
DATE_FORMS = (
    "ISO 8601 (2025-11-20, 2025-11-20T09:40, 2025-11-20 09:40:00+08:00), "
    "2025/11/20 or 2025.11.20 (a time may follow), 2025年11月20日 (09:40, 9时40分, 下午3点), "
    "20251120, RFC 2822 (Thu, 20 Nov 2025 09:40:00 +0800), Unix seconds or milliseconds"
)


def parse_published(value: datetime | date | str | int | float | None) -> datetime | None:
    """A publication time from a datetime, a date, a Unix timestamp or a date string.

    Strings may be ISO 8601, ``2025/11/20`` or ``2025.11.20``, ``2025年11月20日`` (with
    ``09:40``, ``9时40分`` or ``下午3点``), ``20251120``, RFC 2822 (RSS feeds) or Unix
    seconds / milliseconds (10 or 13 digits); full-width digits are read too.  A time
    without an offset is Asia/Shanghai time (the Document makes it so); a date alone is
    its midnight.  Day-month orders that cannot be told apart (``03/04/2025``,
    ``25/11/20``) raise :class:`InputError` instead of being guessed.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_timestamp(value, value)
    if not isinstance(value, str):
        raise TypeError(
            f"published must be a datetime or a date string, not {type(value).__name__}"
        )
    text = unicodedata.normalize("NFKC", value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if text.isdigit() and len(text) in (10, 13):
        return _from_timestamp(int(text), value)
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            return _from_match(match, value)
    if _AMBIGUOUS.fullmatch(text):
        raise InputError(
            f"published time {value!r} is ambiguous: its day and month order cannot be told "
            "(write the year first: 2025-04-03, 2025/04/03 or 2025年4月3日)"
        )
    if any(c.isalpha() for c in text):
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    raise InputError(f"published time {value!r} is not a date; accepted: {DATE_FORMS}")


def _from_timestamp(number: float, shown: Any) -> datetime:
    seconds = number / 1000 if abs(number) >= 1e11 else number
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise InputError(f"published time {shown!r} is no Unix timestamp in range") from None


def _from_match(match: re.Match[str], shown: str) -> datetime:
    parts = match.groupdict()
    hour = int(parts.get("h") or 0)
    ampm = parts.get("ampm")
    if ampm in ("下午", "晚上") and hour < 12:
        hour += 12
    elif ampm == "中午" and hour < 11:
        hour += 12
    elif ampm == "凌晨" and hour == 12:
        hour = 0
    zone = None
    if parts.get("tz"):
        offset = parts["tz"]
        if offset == "Z":
            zone = timezone.utc
        else:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            zone = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        return datetime(
            int(parts["y"]), int(parts["mo"]), int(parts["d"]), hour,
            int(parts.get("mi") or 0), int(parts.get("s") or 0), tzinfo=zone,
        )  # fmt: skip
    except ValueError as exc:
        raise InputError(f"published time {shown!r} is not a valid date: {exc}") from None


def make_document(
    data: Any,
    *,
    published: datetime | str | None = None,
    id: str | None = None,
    html: bool | Literal["auto"] = "auto",
    encoding: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    **metadata: Any,
) -> Document:
    """A Document from a str, bytes, Document or record mapping (keyword metadata wins).

    * bytes are decoded with :func:`decode_bytes` (``encoding=`` forces one);
    * ``html="auto"`` strips markup when the text looks like HTML, ``True`` always,
      ``False`` never.  The Document text is then the *cleaned* text (all offsets refer
      to it) and ``meta["original_format"] == "html"``; a ``<title>`` fills ``title``;
    * characters that break stages are replaced one for one (:func:`newsie.io.clean.
      sanitize`: controls -> space, lone surrogates -> U+FFFD, lone CR -> LF), so the
      text keeps its length and offsets into the input stay valid; the count is in
      ``meta["replaced_chars"]``;
    * empty or whitespace-only text gives a valid, empty Document;
    * a record may carry its markup in an ``html`` field instead of ``text``;
    * a text longer than ``max_chars`` (after HTML cleaning; default
      :data:`DEFAULT_MAX_CHARS`) raises :class:`InputError`; ``max_chars=None`` lifts it.

    A Document passed in is returned as is (``published`` applied).  ``None`` and other
    non-text inputs raise :class:`TypeError` naming the type; undecodable bytes and
    records without text raise :class:`InputError`.
    """
    if html not in ("auto", True, False):
        raise ValueError(f"html must be 'auto', True or False, not {html!r}")
    if isinstance(data, Document):
        if published is not None:
            data.published = parse_published(published)
        return data
    extra_meta: dict[str, Any] = {}
    if isinstance(data, Mapping):
        if "text" not in data and "html" in data and isinstance(data["html"], (str, bytes)):
            data = {**data, "text": data["html"]}
            data.pop("html")
            html = True
        if "text" not in data:
            raise InputError(f"record has no 'text' field (fields: {sorted(map(str, data))})")
        fields = {key: data.get(key) for key in RECORD_FIELDS if data.get(key) is not None}
        extra = {key: value for key, value in data.items() if key not in RECORD_FIELDS}
        if "text" not in fields:
            raise TypeError("record 'text' is None; expected str or bytes")
        text = fields.pop("text")
        published = published if published is not None else fields.pop("published", None)
        fields.pop("published", None)
        id = id if id is not None else fields.pop("id", None)
        fields.pop("id", None)
        metadata = {**fields, **metadata}
        if extra:
            extra_meta.update(extra)
        data = text
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        data, extra_meta["encoding"] = decode_bytes_with_encoding(raw, encoding)
    if data is None:
        raise TypeError("expected text (str or bytes), got None")
    if not isinstance(data, str):
        raise TypeError(f"expected text (str or bytes), got {type(data).__name__}")
    if html is True or (html == "auto" and looks_like_html(data)):
        from newsie.io.clean import html_to_text

        data, found = html_to_text(data)
        extra_meta["original_format"] = "html"
        if found.get("title") and metadata.get("title") is None:
            metadata["title"] = found["title"]
    if max_chars is not None and len(data) > max_chars:
        raise TextTooLongError(
            f"text has {len(data):,} characters, more than max_chars={max_chars:,}; split it "
            "into documents, or pass max_chars=None to process it whole",
            len(data),
            max_chars,
        )
    data, replaced = sanitize(data)
    if replaced:
        extra_meta["replaced_chars"] = replaced
    if not data.strip():
        data = ""
    if extra_meta:
        meta = dict(metadata.pop("meta", None) or {})
        for key, value in extra_meta.items():
            meta.setdefault(key, value)
        metadata["meta"] = meta
    return Document(
        text=data,
        id=str(id) if id is not None else "",
        published=parse_published(published),
        **metadata,
    )


def record_error_document(record: Any, error: Exception) -> Document:
    """An empty Document standing for an input that failed, naming it and the error.

    Its id is the record's ``id`` when it has one, else ``error-`` and a hash of the
    input's type and repr (stable across runs for plain data).
    """
    record_id = ""
    if isinstance(record, Mapping) and record.get("id") is not None:
        record_id = str(record["id"])
    if not record_id:
        try:
            shown = repr(record)[:2000]
        except Exception:  # noqa: BLE001
            shown = ""
        digest = hashlib.sha1(
            f"{type(record).__name__}:{shown}".encode("utf-8", "surrogatepass")
        ).hexdigest()[:16]
        record_id = f"error-{digest}"
    doc = Document(text="", id=record_id)
    doc.errors.append(f"{type(error).__name__}: {error}")
    doc.meta["input_type"] = type(record).__name__
    return doc
