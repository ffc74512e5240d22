"""Reading JSON-lines and CSV feeds as streams: one line in memory at a time, and a bad
line or row reported with its number instead of costing the rest of the file."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from newsie.io.inputs import _BOMS, InputError, decode_bytes_with_encoding

#: How much of a file :class:`LineReader` reads to choose its encoding.
HEAD_BYTES = 64 * 1024
HEAD_LINES = 200
#: Largest CSV field read (the csv module's default, 131,072, is shorter than many articles).
CSV_FIELD_LIMIT = 2**31 - 1
_JSON_SPACE = " \t\r\n"


class Line(NamedTuple):
    """A line (with its ``\\n``), its number from 1, and why it did not decode, if so."""

    number: int
    text: str
    error: str | None = None


class Item(NamedTuple):
    """A record or row (``data``) and the number of its first line, or the error there."""

    number: int
    data: Any
    error: str | None = None


def sniff_encoding(lines: list[bytes]) -> tuple[str | None, int]:
    """``(encoding, length of its byte-order mark)`` of a file from some of its lines.

    A BOM decides; else each non-ASCII line votes for the encoding
    :func:`~newsie.io.inputs.decode_bytes` finds for it (ties go to UTF-8), so one broken
    line does not decide for the file.  With no vote the lines are decoded as a whole,
    which raises :class:`InputError` for undecodable or binary data; all-ASCII lines
    give ``None`` (not decided yet).
    """
    for bom, name in _BOMS:
        if lines[0].startswith(bom):
            return name, len(bom)
    votes: Counter[str] = Counter()
    for line in lines:
        if not line.isascii():
            try:
                votes[decode_bytes_with_encoding(line)[1]] += 1
            except InputError:
                continue
    if votes:
        return max(votes, key=lambda name: (votes[name], name == "utf-8")), 0
    name = decode_bytes_with_encoding(b"".join(lines))[1]
    return (None if all(line.isascii() for line in lines) else name), 0


def _window(raws: Iterator[bytes]) -> list[bytes]:
    """The next lines, up to :data:`HEAD_LINES` or :data:`HEAD_BYTES`."""
    window: list[bytes] = []
    size = 0
    for raw in raws:
        window.append(raw)
        size += len(raw)
        if size >= HEAD_BYTES or len(window) >= HEAD_LINES:
            break
    return window


class LineReader:
    """The lines of a byte stream, split on ``\\n`` only and decoded one at a time.

    U+2028, U+0085 and lone ``\\r`` inside a line stay in it.  The encoding is chosen
    from the first lines (:func:`sniff_encoding`, which may raise :class:`InputError`),
    or, while they are all ASCII, from the lines from the first non-ASCII one on.  A
    line that does not decode in it comes with an error (and its text decoded with
    U+FFFD).  ``empty`` is true for a stream of zero bytes.
    """

    def __init__(self, stream: Iterable[bytes]) -> None:
        self._rest = iter(stream)
        self._head = _window(self._rest)
        self.empty = not self._head
        self.encoding, bom = sniff_encoding(self._head) if self._head else (None, 0)
        if bom:
            self._head[0] = self._head[0][bom:]

    def __iter__(self) -> Iterator[Line]:
        raws = itertools.chain(self._head, self._rest)
        self._head = []
        if self.encoding and self.encoding.startswith(("utf-16", "utf-32")):
            yield from _wide_lines(raws, self.encoding)
            return
        number = 0
        while (raw := next(raws, None)) is not None:
            if self.encoding is None and not raw.isascii():
                window = [raw, *_window(raws)]
                self.encoding = _later_encoding(window)
                raws = itertools.chain(window, raws)
                continue
            number += 1
            yield _decode(number, raw, self.encoding or "ascii")


def _later_encoding(window: list[bytes]) -> str:
    try:
        name = sniff_encoding(window)[0] or "utf-8"
    except InputError:
        return "utf-8"
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _decode(number: int, raw: bytes, encoding: str) -> Line:
    try:
        return Line(number, raw.decode(encoding))
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 8].rstrip(b"\r\n")
        return Line(
            number,
            raw.decode(encoding, "replace"),
            f"cannot decode this line as {encoding} ({bad!r} at byte {exc.start})",
        )


def _wide_lines(raws: Iterable[bytes], encoding: str) -> Iterator[Line]:
    """Lines of UTF-16/32 data, whose ``\\n`` bytes do not fall on line ends."""
    decoder = codecs.getincrementaldecoder(encoding)()
    parts: list[str] = []
    number = 0
    try:
        for raw in itertools.chain(raws, [None]):
            pieces = decoder.decode(b"", final=True) if raw is None else decoder.decode(raw)
            *ended, rest = pieces.split("\n")
            for piece in ended:
                number += 1
                yield Line(number, "".join(parts) + piece + "\n")
                parts = []
            parts.append(rest)
    except UnicodeDecodeError as exc:
        yield Line(number + 1, "", f"cannot decode as {encoding} from this line on: {exc.reason}")
        return
    if "".join(parts):
        yield Line(number + 1, "".join(parts))


def jsonl_records(lines: Iterable[Line]) -> Iterator[Item]:
    """The JSON value of each non-blank line, or why it is not one (the others go on)."""
    for line in lines:
        if line.error:
            yield Item(line.number, None, line.error)
            continue
        if not line.text.strip(_JSON_SPACE):
            continue
        try:
            yield Item(line.number, json.loads(line.text))
        except json.JSONDecodeError as exc:
            yield Item(line.number, None, f"invalid JSON: {exc.msg}")
        except RecursionError:
            yield Item(line.number, None, "invalid JSON: nested too deeply")
        except ValueError as exc:  # an integer over sys.get_int_max_str_digits() digits
            yield Item(line.number, None, f"invalid JSON: {str(exc).split(':')[0]}")


class _Feed:
    """Lines for csv.reader, remembering those of the current row, whether the end was
    reached, and taking lines pushed back first."""

    def __init__(self, lines: Iterable[Line]) -> None:
        self._lines = iter(lines)
        self._back: deque[Line] = deque()
        self.taken: list[Line] = []
        self.ended = False

    def push_back(self, lines: list[Line]) -> None:
        self._back.extendleft(reversed(lines))
        self.ended = False

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self._back:
            line = self._back.popleft()
        else:
            try:
                line = next(self._lines)
            except StopIteration:
                self.ended = True
                raise
        self.taken.append(line)
        return line.text


def _universal_lines(lines: Iterable[Line]) -> Iterator[Line]:
    """Lines also split at a lone ``\\r``, as ``open(newline='')`` gives them to csv."""
    extra = 0
    for line in lines:
        text = line.text
        cr = text.find("\r")
        if cr == -1 or (cr == len(text) - 2 and text.endswith("\n")):
            yield line._replace(number=line.number + extra) if extra else line
            continue
        count = 0
        for count, piece in enumerate(io.StringIO(text, newline="")):
            yield Line(line.number + extra + count, piece, line.error)
        extra += count


def csv_rows(lines: Iterable[Line]) -> Iterator[Item]:
    """Every non-blank CSV row (the header too) as a list of fields, or its error.

    An error (an undecodable line, a field over :data:`CSV_FIELD_LIMIT`) costs only its
    row.  A quoted field that swallows line ends and then never closes, or closes in the
    middle of a field (``"a`` ... ``b"c``: rows merged by a stray quote), is reported at
    the row where it opened, and the lines after that one are read again as rows (each
    line at most once more: no line but the last of them can open such a field).  A
    one-line row that only a strict reading rejects (``"a"b``) is read leniently, as
    csv does by default.
    """
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    return _rows(_universal_lines(lines))


def _rows(lines: Iterable[Line]) -> Iterator[Item]:
    feed = _Feed(lines)
    reader = csv.reader(feed, strict=True)
    while True:
        feed.taken = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            taken = feed.taken
            if taken and (len(taken) > 1 or feed.ended):
                yield Item(taken[0].number, None, _open_quote(taken, feed.ended))
                feed.push_back(taken[1:])
                reader = csv.reader(feed, strict=True)
                continue
            try:
                row = next(csv.reader(line.text for line in taken), [])
            except csv.Error:
                yield Item(taken[0].number if taken else 0, None, f"invalid CSV: {exc}")
                continue
        if not row:
            continue
        number = feed.taken[0].number
        bad = next((line for line in feed.taken if line.error), None)
        yield Item(number, None, bad.error) if bad else Item(number, row)


def _open_quote(taken: list[Line], ended: bool) -> str:
    where = "is never closed" if ended else f"closes on line {taken[-1].number} inside a field"
    return (
        f"invalid CSV: a quoted field opened in this row {where}; the lines after this one "
        "are read as new rows"
    )
