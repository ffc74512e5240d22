"""Page splitting: a scraped page -> its main article and its dated flash items.

A page such as a tech-news site's article view holds the article, then a list headed
``最新快讯`` with a date line (``2025年11月28日``) and, per item, a clock line (``13:39``)
followed by the item's text.  Each item becomes a Document of its own whose ``published``
is the date header plus the clock (in the page's zone, Asia/Shanghai by default).

Item texts are exact substrings of the page (``page.text[item.offset:][:len(item.text)]``),
so nothing is rewritten.  Page furniture (section headings, date and clock lines, image
captions ending in 插图, truncation ellipses) is left out of the items or, inside an item,
listed in ``item.meta["furniture"]`` as ``[start, end, kind]`` so later stages skip it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

import bisect

import regex

from newsie.document import Document
from newsie.registry import stage
from newsie.time.zones import DEFAULT_TZ

_DATE_LINE = regex.compile(
    r"^\s*(?P<y>\d{4})\s*(?:年|-|/|\.)\s*(?P<m>\d{1,2})\s*(?:月|-|/|\.)\s*(?P<d>\d{1,2})\s*日?"
    r"\s*(?:星期[一二三四五六日天]|周[一二三四五六日天])?\s*$"
)
_CLOCK_LINE = regex.compile(r"^\s*(?P<h>[01]?\d|2[0-3])[:：](?P<mi>[0-5]\d)\s*$")
_SECTION_LINE = regex.compile(
    r"^\s*(?:最新|实时|热门|相关|今日|7\s*[x×X]\s*24(?:小时)?)?\s*(?:快讯|资讯|新闻|阅读|推荐|文章|动态)\s*$"
)
_CAPTION_LINE = regex.compile(r"^[^\n。！？!?]{0,80}(?:插图|配图|图片|图\s*\d*)\s*$")
_ELLIPSIS = regex.compile(r"(?:\.{3,}|…+|。{3,})\s*$")


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    text: str


def _lines(text: str) -> list[_Line]:
    out, start = [], 0
    for piece in text.split("\n"):
        out.append(_Line(start, start + len(piece), piece))
        start += len(piece) + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _furniture(text: str, lines: list[_Line], offset: int) -> list[list]:
    """Caption lines and trailing ellipses inside an item, relative to the item start."""
    marks = []
    for line in lines:
        stripped = line.text.strip()
        if stripped and len(stripped) < 80 and _CAPTION_LINE.match(stripped):
            marks.append([line.start - offset, line.end - offset, "caption"])
    return marks


@stage("page", provides=("items",), splits=True)
class PageSplitter:
    """Split a scraped page into its article and dated flash items."""

    def __init__(self, min_items: int = 1) -> None:
        self.min_items = min_items

    def __call__(self, doc: Document) -> list[Document]:
        text = doc.text
        if "\n" not in text:
            return [doc]
        lines = _lines(text)
        clock_rows = [i for i, line in enumerate(lines) if _CLOCK_LINE.match(line.text)]
        if len(clock_rows) < max(self.min_items, 1):
            doc.meta.setdefault("furniture", _furniture(text, lines, 0))
            return [doc]

        starts = [line.start for line in lines]
        first_list_row = self._list_start(lines, clock_rows[0])
        items: list[Document] = []
        article_end = lines[first_list_row].start if first_list_row > 0 else 0
        start, end = _trim(text, 0, article_end)
        if end > start:
            self._append(items, self._item(doc, start, end, lines, starts, doc.published, "article", 0))

        zone = doc.published.tzinfo if doc.published is not None else DEFAULT_TZ
        day = doc.published.date() if doc.published is not None else None
        row = first_list_row
        current_clock: time | None = None
        body_start: int | None = None
        dropped: list[str] = []

        def close(upto_row: int) -> None:
            nonlocal body_start
            if body_start is None:
                return
            b_start, b_end = _trim(text, lines[body_start].start, lines[upto_row - 1].end)
            if b_end > b_start:
                published = None
                if day is not None and current_clock is not None:
                    published = datetime.combine(day, current_clock, tzinfo=zone)
                self._append(
                    items, self._item(doc, b_start, b_end, lines, starts, published, "flash", len(items))
                )
            body_start = None

        while row < len(lines):
            line = lines[row]
            date_match = _DATE_LINE.match(line.text)
            clock_match = _CLOCK_LINE.match(line.text)
            if date_match or clock_match or _SECTION_LINE.match(line.text):
                close(row)
                if date_match:
                    try:
                        day = datetime(
                            int(date_match["y"]), int(date_match["m"]), int(date_match["d"])
                        ).date()
                    except ValueError:
                        dropped.append(line.text)
                elif clock_match:
                    current_clock = time(int(clock_match["h"]), int(clock_match["mi"]))
            elif line.text.strip() and body_start is None:
                body_start = row
            row += 1
        close(len(lines))
        if dropped:
            doc.meta["invalid_date_lines"] = dropped
        return items if items else [doc]

    @staticmethod
    def _append(items: list[Document], item: Document) -> None:
        """Keep an item unless truncation left no text (a flash item that was only '...')."""
        if item.text.strip():
            items.append(item)

    @staticmethod
    def _list_start(lines: list[_Line], first_clock: int) -> int:
        """Row where the flash list begins: the clock line, or headings just above it."""
        row = first_clock
        while row > 0:
            above = lines[row - 1].text
            if not above.strip() or _DATE_LINE.match(above) or _SECTION_LINE.match(above):
                row -= 1
            else:
                break
        return row

    @staticmethod
    def _item(
        page: Document,
        start: int,
        end: int,
        lines: list[_Line],
        starts: list[int],
        published: datetime | None,
        kind: str,
        index: int,
    ) -> Document:
        text = page.text
        truncated = False
        match = _ELLIPSIS.search(text, start, end)
        if match and kind == "flash":
            end = match.start()
            truncated = True
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_right(starts, end)
        inner = [line for line in lines[first:last] if line.end <= end]
        meta = {
            "kind": kind,
            "index": index,
            "truncated": truncated,
            "furniture": _furniture(text, inner, start),
        }
        return Document(
            text=text[start:end],
            id=f"{page.id}#{index}",
            published=published if published is not None else page.published,
            source=page.source,
            url=page.url,
            title=page.title if kind == "article" else None,
            meta=meta,
            parent_id=page.id,
            offset=start,
        )
