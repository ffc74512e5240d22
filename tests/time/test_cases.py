"""Table-driven tests: news sentences with the expected interval of one mention."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from newsie.time import find_times

CASES = Path(__file__).with_name("cases.tsv")


def _rows() -> list[dict]:
    with open(CASES, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


ROWS = _rows()


def test_enough_cases() -> None:
    assert len(ROWS) >= 1500


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}-{r['mention']}" for i, r in enumerate(ROWS)])
def test_case(row: dict) -> None:
    sentence, mention = row["sentence"], row["mention"]
    published = datetime.fromisoformat(row["published"])
    start = sentence.index(mention)
    matches = {(m.start, m.end): m for m in find_times(sentence, published)}
    assert (start, start + len(mention)) in matches, (
        f"{mention!r} not found; got {[sentence[a:b] for a, b in matches]}"
    )
    value = matches[(start, start + len(mention))].value
    assert value is not None
    assert value.kind == row["kind"]
    if row["kind"] in ("point", "range", "open", "vague"):  # '' is an open end (None)
        assert value.start == (datetime.fromisoformat(row["start"]) if row["start"] else None)
        assert value.end == (datetime.fromisoformat(row["end"]) if row["end"] else None)
    elif row["start"]:
        assert value.start == datetime.fromisoformat(row["start"])
        assert value.end == datetime.fromisoformat(row["end"])
    if row["grain"]:
        assert value.grain == row["grain"]
    assert value.approximate == (row["approximate"] == "1") or value.kind == "vague"
    if row["kind"] == "duration":
        assert value.duration_seconds == pytest.approx(float(row["extra"]), rel=0.02)
    if row["kind"] == "set":
        assert value.recurrence == row["extra"]
    if value.start is not None:
        assert value.start.tzinfo is not None
        expected_anchor = (
            "absolute" if row["mention"][:1].isdigit() and "年" in mention[:5] else None
        )
        if expected_anchor and not any(w in mention for w in ("以来", "至今", "同期")):
            assert value.anchor == "absolute"
