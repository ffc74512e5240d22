"""Hostile feeds through ``newsie extract`` (issue 18, "Lost or wrong records"): for each
bad line or row the good records of the same file are processed, the bad one is reported
with its file and line, and the exit status is 1.  Inputs are read as streams."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ux"))

from builders import ITEM_1, ITEM_2, FakePipeline

import newsie
from newsie.cli import Fields, Source, main, read_records, source_records
from newsie.io.feeds import LineReader, csv_rows, jsonl_records
from newsie.time.extract import find_times
from newsie.time.zones import utc_offset


@pytest.fixture()
def extract(monkeypatch):
    """``extract(*args) -> (exit code, document ids, stderr lines)`` with a fake pipeline."""
    monkeypatch.setattr(newsie, "load", lambda config=None: FakePipeline())
    runner = CliRunner()

    def run(*args: str, stdin: bytes | None = None):
        result = runner.invoke(main, ["extract", *args], input=stdin)
        events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        errors = [line for line in result.stderr.splitlines() if line.strip()]
        return result.exit_code, [e["document"]["id"] for e in events], errors

    return run


def _line(text: str, **fields) -> str:
    return json.dumps({"text": text, **fields}, ensure_ascii=False)


# -- C3: line separators inside JSON strings ---------------------------------------------


def test_c3_line_separators_inside_json_strings_stay(extract, tmp_path):
    path = tmp_path / "f.jsonl"
    lines = [
        _line(ITEM_1 + "\u2028" + ITEM_2),
        _line(ITEM_1 + "\x85" + ITEM_2),
        "{bad",
        _line(ITEM_2),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, ids, errors = extract(str(path))
    assert ids == ["f:1", "f:1", "f:2", "f:2", "f:4"]  # two events each, none lost
    assert errors[0].startswith(f"newsie: error: {path}:3: invalid JSON")  # numbers right
    assert code == 1
    with path.open("rb") as stream:
        items = list(jsonl_records(LineReader(stream)))
    assert [item.number for item in items] == [1, 2, 3, 4]
    assert [item.data["text"] for item in items[:2]] == [
        ITEM_1 + "\u2028" + ITEM_2,
        ITEM_1 + "\x85" + ITEM_2,
    ]


# -- C4: deep nesting and huge integers --------------------------------------------------


def test_c4_deep_nesting_and_huge_integers_cost_one_line(extract, tmp_path):
    path = tmp_path / "f.jsonl"
    lines = [
        _line(ITEM_1),
        "[" * 100_000 + "]" * 100_000,
        '{"text": "x", "views": ' + "7" * 5000 + "}",
        _line(ITEM_2),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    code, ids, errors = extract(str(path))
    assert code == 1
    assert ids == ["f:1", "f:4"]
    assert errors == [
        f"newsie: error: {path}:2: invalid JSON: nested too deeply",
        (
            f"newsie: error: {path}:3: invalid JSON: Exceeds the limit (4300 digits) for "
            "integer string conversion"
        ),
        "newsie: error: 2 input(s) failed; 2 event(s) written",
    ]


# -- C5: one undecodable line ------------------------------------------------------------


def test_c5_an_undecodable_line_costs_only_itself(extract, tmp_path):
    path = tmp_path / "f.jsonl"
    good = [(_line(ITEM_1) + "\n").encode(), (_line(ITEM_2) + "\n").encode()]
    broken = (_line("坏行") + "\n").encode("gb18030")  # a GB18030 line in a UTF-8 file
    path.write_bytes(good[0] + b'{"text": "\xff\xfe"}\n' + broken + good[1])
    code, ids, errors = extract(str(path))
    assert code == 1
    assert ids == ["f:1", "f:4"]
    assert errors[0] == (
        f"newsie: error: {path}:2: cannot decode this line as utf-8 (b'\\xff\\xfe\"}}' at byte 10)"
    )
    assert errors[1].startswith(f"newsie: error: {path}:3: cannot decode this line as utf-8")


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16", "utf-8-sig"])
def test_whole_files_in_other_encodings_still_read(encoding, tmp_path):
    text = "遠望科技宣布向寧波市慈善總會捐贈500萬元。" if encoding == "big5" else ITEM_1
    ascii_lines = [json.dumps({"text": text})] * 250  # the first non-ASCII line comes late
    lines = [*ascii_lines, _line(text), _line(text)]
    path = tmp_path / "f.jsonl"
    path.write_bytes("\n".join(lines).encode(encoding))
    records = list(read_records([str(path)]))
    assert [r.error for r in records] == [None] * 252
    assert {r.data["text"] for r in records} == {text}


# -- C6: long CSV fields -----------------------------------------------------------------


def test_c6_csv_fields_over_131072_characters_are_read(extract, tmp_path):
    path = tmp_path / "news.csv"
    long_text = ITEM_1 + "新" * 200_000
    path.write_text(f'id,text\nn1,"{long_text}"\nn2,{ITEM_2}\n', encoding="utf-8")
    code, ids, errors = extract(str(path))
    assert (code, ids, errors) == (0, ["n1", "n2"], [])


# -- C8: an unterminated quote -----------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "where"),
    [(f'n4,"{ITEM_2}"', "closes on line 5 inside a field"), (f"n4,{ITEM_2}", "is never closed")],
    ids=["closed-by-a-later-quote", "open-to-the-end"],
)
def test_c8_unterminated_quote_is_reported_not_merged(extract, tmp_path, last, where):
    path = tmp_path / "news.csv"
    path.write_text(
        f'id,text\nn1,"{ITEM_1}"\nn2,"{ITEM_1}\nn3,{ITEM_2}\n{last}\n', encoding="utf-8"
    )
    code, ids, errors = extract(str(path))
    assert code == 1
    assert ids == ["n1", "n3", "n4"]  # the rows before it, and after it read again
    assert errors == [
        (
            f"newsie: error: {path}:3: invalid CSV: a quoted field opened in this row {where}; "
            "the lines after this one are read as new rows"
        ),
        "newsie: error: 1 input(s) failed; 3 event(s) written",
    ]


def test_stray_quotes_reread_each_line_at_most_once_more(monkeypatch):
    from newsie.io import feeds

    fed = 0
    take = feeds._Feed.__next__

    def counted(self):
        nonlocal fed
        fed += 1
        return take(self)

    monkeypatch.setattr(feeds._Feed, "__next__", counted)
    kinds = ['x,"a', 'x,""', 'x,"""a', '"', 'a"b', 'x,"a"b', '""""', "y", 'x,"p""q', '"x"y"']
    lines = [kinds[(i * 7 + i // 3) % len(kinds)] for i in range(20_000)]
    rows = list(csv_rows(LineReader(io.BytesIO("\n".join(lines).encode()))))
    assert rows and fed <= 2 * len(lines)


def test_lenient_csv_quoting_on_one_line_still_reads():
    rows = list(csv_rows(LineReader(io.BytesIO(b'id,text\nn1,"A"b\nn2,"x""y"\nn3,"p\nq"\n'))))
    assert [row.data for row in rows] == [["id", "text"], ["n1", "Ab"], ["n2", 'x"y'],
                                          ["n3", "p\nq"]]  # fmt: skip


def test_csv_rows_keep_quoted_newlines_and_count_lone_cr():
    rows = list(csv_rows(LineReader(io.BytesIO(b'a,b\r1,"x\ry"\r\n\r\n2,"u\n""v"""\n3,z'))))
    assert rows == [(1, ["a", "b"], None), (2, ["1", "x\ry"], None),
                    (5, ["2", 'u\n"v"'], None), (7, ["3", "z"], None)]  # fmt: skip


# -- C9: zero-byte inputs ----------------------------------------------------------------


def test_c9_zero_byte_inputs_are_errors(extract, tmp_path):
    for name in ("e.txt", "e.jsonl", "e.csv"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "a.txt").write_text(ITEM_1, encoding="utf-8")
    code, ids, errors = extract(
        *(str(tmp_path / n) for n in ("e.txt", "e.jsonl", "e.csv", "a.txt"))
    )
    assert code == 1 and ids == ["a"]
    assert errors == [
        f"newsie: error: {tmp_path / 'e.txt'}: empty file (0 bytes)",
        f"newsie: error: {tmp_path / 'e.jsonl'}: empty file (0 bytes)",
        f"newsie: error: {tmp_path / 'e.csv'}: empty file (0 bytes)",
        "newsie: error: 3 input(s) failed; 1 event(s) written",
    ]
    code, ids, errors = extract("-", stdin=b"")
    assert code == 1 and errors[0] == "newsie: error: <stdin>: empty input (0 bytes)"


# -- C12: impossible UTC offsets ---------------------------------------------------------


def test_c12_impossible_utc_offsets_are_rejected():
    published = datetime(2025, 11, 21)
    for offset in ("+9:99", "+15", "-14:30", "+0960"):
        with pytest.raises(ValueError, match="not a UTC offset"):
            utc_offset(offset)
        assert find_times(f"2025年11月20日10时UTC{offset}", published) == []
    assert utc_offset("+14:00").utcoffset(None).total_seconds() == 14 * 3600
    assert utc_offset("-0930").utcoffset(None).total_seconds() == -(9 * 3600 + 1800)
    (match,) = find_times("2025年11月20日10时UTC+9:30", published)
    assert match.value.start.utcoffset().total_seconds() == 9 * 3600 + 1800


# -- C13: streams ------------------------------------------------------------------------


class _Guarded(io.RawIOBase):
    """A file that fails the test if more than ``limit`` bytes of it are read."""

    def __init__(self, path: Path, limit: int) -> None:
        self.file, self.limit, self.read_so_far = path.open("rb"), limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        assert self.read_so_far <= self.limit, "read too far before the first records"
        count = self.file.readinto(buffer)
        self.read_so_far += count
        return count


@pytest.fixture()
def big_jsonl(tmp_path) -> Path:
    """About 16 MB of JSON lines."""
    line = (_line(ITEM_1 * 20) + "\n").encode()
    path = tmp_path / "big.jsonl"
    with path.open("wb") as out:
        for _ in range(16_000_000 // len(line)):
            out.write(line)
    return path


def test_c13_records_come_before_the_file_is_read(big_jsonl, monkeypatch):
    stream = io.BufferedReader(_Guarded(big_jsonl, limit=1_000_000))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    records = source_records(Source("<stdin>", "-", "jsonl", "stdin"), Fields())
    first = [next(records) for _ in range(3)]
    assert [r.origin for r in first] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert all(r.error is None and r.data["text"] == ITEM_1 * 20 for r in first)


def test_c13_memory_stays_flat_over_a_big_file(big_jsonl):
    tracemalloc.start()
    try:
        count = sum(1 for record in read_records([str(big_jsonl)]) if record.error is None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 16_000_000 // len((_line(ITEM_1 * 20) + "\n").encode())
    assert peak < 2_000_000, f"peak {peak:,} bytes while reading {big_jsonl.stat().st_size:,}"
