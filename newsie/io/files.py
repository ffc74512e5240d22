"""What a file says about itself besides its text: a date in its name or folder, a sidecar
of metadata, an HTML page's publication meta tags, and the documents of a SogouCS-style
XML file (``<doc><url>…<docno>…<contenttitle>…<content>…</doc>``)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import PurePath
from typing import Any

from newsie.io.feeds import Item, Line

#: A date in a file or folder name: 20250701, 2025-07-01, 2025_07_01, 2025.07.01, not
#: inside a longer number.
_NAME_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?![0-9])"
)
#: A date in a URL path: /20120706/, /2012-07-06/, /2012/0706/, /2012/07/06/.
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})(?:(?P<m1>\d{2})(?P<d1>\d{2})|[-/](?P<m2>\d{2})/?(?P<d2>\d{2})|"
    r"-(?P<m3>\d{2})-(?P<d3>\d{2}))(?=[/._-])"
)


def date_in_name(path: str | PurePath, parents: int = 0) -> date | None:
    """The date a file's name gives (``20250701.md``, ``news-2025-07-01.txt``), else the
    one its nearest folder among the last ``parents`` gives (``2025-07-01/a.txt``); None
    when no name holds exactly one valid date."""
    parts = PurePath(path).parts
    names = [PurePath(parts[-1]).stem] if parts else []
    names += list(reversed(parts[-1 - parents : -1])) if parents else []
    for name in names:
        found = {_valid(m["y"], m["m"], m["d"]) for m in _NAME_DATE.finditer(name)} - {None}
        if len(found) == 1:
            return found.pop()
    return None


def date_in_url(url: str | None) -> date | None:
    """The date a URL's path gives (``…/20120706/n347457739.shtml``), else None."""
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        month, day = next((m[f"m{i}"], m[f"d{i}"]) for i in (1, 2, 3) if m[f"m{i}"] is not None)
        found = _valid(m["y"], month, day)
        if found:
            return found
    return None


def _valid(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def read_sidecar(path: str | PurePath) -> dict[str, Any] | None:
    """The JSON object in ``NAME.json`` beside ``NAME.txt`` (``.md``, ``.html``), or None
    when there is none.  Raises ValueError for a sidecar that is not a JSON object."""
    from pathlib import Path

    sidecar = Path(path).with_suffix(".json")
    if sidecar == Path(path) or not sidecar.is_file():
        return None
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{sidecar.name}: not a readable JSON object ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{sidecar.name}: holds a JSON {type(data).__name__}, not an object")
    return data


_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish_date", "publish-date", "publishtime", "dc.date.issued", "dc.date", "date",
)  # fmt: skip
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def html_published(markup: str, limit: int = 200_000) -> str | None:
    """The publication time an HTML page declares: a ``<meta>`` such as
    ``article:published_time`` or ``pubdate`` (in that order of trust), else the first
    ``<time datetime=…>``.  The string as written (parse it with ``parse_published``)."""
    head = markup[:limit]
    found: dict[str, str] = {}
    for tag in _META.findall(head):
        attrs = {
            name.lower(): html.unescape(next(v for v in values if v is not None))
            for name, *values in (m.groups() for m in _ATTR.finditer(tag))
        }
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and attrs.get("content"):
            found.setdefault(key, attrs["content"].strip())
    for key in _PUBLISHED_META:
        if key in found:
            return found[key]
    match = _TIME_TAG.search(head)
    return match.group(1).strip() if match else None


#: Field names of a ``<doc>`` record, first found wins: SogouCS's, then common ones.
XML_FIELDS = {
    "text": ("content", "text", "body"),
    "title": ("contenttitle", "title"),
    "url": ("url", "link"),
    "id": ("docno", "id"),
    "published": ("pubdate", "published", "date", "time"),
    "source": ("source",),
}
_FIELD = re.compile(r"<(\w+)>(.*?)</\1>", re.DOTALL)


def looks_like_doc_xml(head: bytes) -> bool:
    """Whether a file starts like a SogouCS-style ``<doc>`` file."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<doc>") or (start.startswith(b"<?xml") and b"<doc>" in start[:2000])


def xml_records(lines: Iterable[Line]) -> Iterator[Item]:
    """The ``<doc>…</doc>`` records of a SogouCS-style file (no root element, ``&`` left
    unescaped, any encoding :class:`~newsie.io.feeds.LineReader` reads), each as a dict
    with ``text``, ``title``, ``url``, ``id``, ``published`` when found; a record whose
    lines do not decode, or that is never closed, is an error that costs only itself."""
    current: list[str] | None = None
    first = 0
    error: str | None = None
    for line in lines:
        text = line.text
        while text:
            if current is None:
                at = text.find("<doc>")
                if at < 0:
                    break
                current, first, error = [], line.number, None
                text = text[at + 5 :]
                continue
            end = text.find("</doc>")
            if line.error and error is None:
                error = line.error
            if end < 0:
                current.append(text)
                break
            current.append(text[:end])
            yield _doc_item(first, "".join(current), error)
            current = None
            text = text[end + 6 :]
    if current is not None:
        yield Item(first, None, "<doc> is never closed")


def _doc_item(number: int, body: str, error: str | None) -> Item:
    if error:
        return Item(number, None, error)
    fields: dict[str, str] = {}
    for name, value in _FIELD.findall(body):
        fields.setdefault(name.lower(), value)
    record: dict[str, Any] = {}
    for ours, theirs in XML_FIELDS.items():
        for name in theirs:
            if name in fields and fields[name].strip():
                record[ours] = html.unescape(fields[name].strip())
                break
    if "text" not in record:
        return Item(number, None, "<doc> has no content")
    if "published" not in record:
        day = date_in_url(record.get("url"))
        if day is not None:
            record["published"] = day.isoformat()
    return Item(number, record)
