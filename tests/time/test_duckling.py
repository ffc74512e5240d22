"""Duckling's Chinese time corpus (627 expressions, prefer='future', offsets='span').

Runs when ``../shared/data/duckling-zh-time`` is present; skips otherwise.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from newsie.time import parse_time

_spec = importlib.util.spec_from_file_location(
    "duckling_corpus", Path(__file__).with_name("duckling.py")
)
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
CORPUS, score = _mod.CORPUS, _mod.score

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="Duckling corpus not available")

# Chinese public holidays and the international holidays newsie promises
MUST_PASS = {
    "元旦",
    "春节",
    "劳动节",
    "儿童节",
    "建军节",
    "国庆",
    "妇女节",
    "圣诞节",
    "情人节",
    "愚人节",
    "万圣节",
    "复活节",
    "开斋节",
    "古尔邦节",
    "斋月",
    "光明节",
    "母亲节",
    "父亲节",
    "感恩节",
    "赎罪日",
    "消费者权益日",
    "国际消费者权益日",
    "澳门回归纪念日",
    "耶稣受难日",
}


@pytest.fixture(scope="module")
def result() -> dict:
    return score(parse_time)


def test_non_holiday_accuracy(result: dict) -> None:
    ok, total = result["other"]
    assert total == 401
    failures = Counter(err.split(" ")[0] for g, *_x, err in result["failures"] if g == "other")
    assert ok / total >= 0.96, (ok, total, failures)


def test_holiday_accuracy(result: dict) -> None:
    ok, total = result["holiday"]
    assert ok / total >= 0.90, (ok, total)


def test_promised_holidays_all_pass(result: dict) -> None:
    bad = [
        (text, hol, err)
        for g, _loc, text, hol, err in result["failures"]
        if g == "holiday" and hol in MUST_PASS
    ]
    assert not bad
