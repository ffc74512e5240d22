"""The seed page: flash items published 2025-11-28 at their own clock time."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsie.time import find_times

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_1c4daa1ff2b208cf.txt"
SH = ZoneInfo("Asia/Shanghai")
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed page not available")


def _items() -> tuple[str, list[tuple[datetime, str]]]:
    """The main article and the flash items with their publication times."""
    text = SEED.read_text(encoding="utf-8")
    article, _, flash = text.partition("最新快讯")
    items = []
    parts = re.split(r"^(\d\d):(\d\d)$", flash, flags=re.MULTILINE)
    for i in range(1, len(parts) - 2, 3):
        hh, mm, body = int(parts[i]), int(parts[i + 1]), parts[i + 2]
        items.append((datetime(2025, 11, 28, hh, mm, tzinfo=SH), body.strip()))
    return article, items


def _mentions(text: str, published: datetime) -> dict[str, object]:
    return {text[m.start : m.end]: m for m in find_times(text, published)}


def _item(fragment: str):
    _, items = _items()
    for pub, body in items:
        if fragment in body:
            return pub, body
    raise AssertionError(fragment)


def test_items_are_split() -> None:
    _, items = _items()
    assert len(items) == 12
    assert items[0][0] == datetime(2025, 11, 28, 13, 39, tzinfo=SH)


def test_article_wednesday_is_2025_11_26() -> None:
    article, _ = _items()
    found = _mentions(article, datetime(2025, 11, 28, tzinfo=SH))
    v = found["周三"].value
    assert (v.start, v.grain) == (datetime(2025, 11, 26, tzinfo=SH), "day")
    assert found["2023年"].value.start == datetime(2023, 1, 1, tzinfo=SH)
    assert found["2019年"].value.anchor == "absolute"
    assert found["三个月"].value.kind == "duration"


def test_fire_item() -> None:
    pub, body = _item("宏福苑")
    found = _mentions(body, pub)
    v = found["2025年11月26日"].value
    assert (v.kind, v.start, v.end, v.grain) == (
        "point",
        datetime(2025, 11, 26, tzinfo=SH),
        datetime(2025, 11, 27, tzinfo=SH),
        "day",
    )
    assert "第一时间" not in found and not any("第一时间" in k for k in found)
    assert not any("300" in k for k in found)


def test_nose_item_near_days_and_next_morning() -> None:
    pub, body = _item("小羽")
    found = _mentions(body, pub)
    near = found["近日"].value
    assert near.kind == "vague" and near.approximate
    assert near.start == datetime(2025, 11, 21, tzinfo=SH) and near.end == datetime(
        2025, 11, 29, tzinfo=SH
    )
    nxt = found["次日清晨"].value
    assert nxt.anchor == "previous"
    assert (
        nxt.start.date() == datetime(2025, 11, 29).date()
    )  # the day after 11月28日 (the item's dateline)
    assert 5 <= nxt.start.hour < 8


def test_store_item_history_is_not_a_year() -> None:
    pub, body = _item("凯宾美食廊")
    found = _mentions(body, pub)
    assert found["2025年11月28日"].value.start == datetime(2025, 11, 28, tzinfo=SH)
    for text, m in found.items():
        if "33" in text:
            assert m.value.kind == "duration"


def test_gpu_and_watch_items() -> None:
    pub, body = _item("R9700S")
    found = _mentions(body, pub)
    assert not any("9700" in k or "9600" in k for k in found)
    bj = [m for k, m in found.items() if "北京时间" in k]
    assert all(m.value.start == datetime(2025, 11, 28, tzinfo=SH) for m in bj)
    pub, body = _item("四分之一")
    found = _mentions(body, pub)
    assert not any("四分" in k for k in found)
    pub, body = _item("GPU专项工作组")
    found = _mentions(body, pub)
    assert not any("26万" in k or "次官" in k for k in found)


def test_store_opening_early_2026() -> None:
    pub, body = _item("M&M")
    v = _mentions(body, pub)["2026年初"].value
    assert v.approximate and v.start == datetime(2026, 1, 1, tzinfo=SH)
    assert v.end <= datetime(2026, 4, 1, tzinfo=SH)


def test_every_item_dateline() -> None:
    _, items = _items()
    for pub, body in items:
        for m in find_times(body, pub):
            if m.value is not None and m.value.start is not None:
                assert m.value.start.tzinfo is not None
