"""A position's full title (``newsie.events.titles.full_title``): the title word with the
words before it that qualify it, as a table of (words, entities, expected)."""

from __future__ import annotations

import pytest

from newsie.events.mention import Filler
from newsie.events.models import Trigger
from newsie.events.titles import full_title

from .conftest import news_roles


def _title(words: str, title: str, trigger: str, named: tuple[str, ...]) -> str:
    """The full title of ``title`` in ``words`` (words cut by ``/``), ``trigger`` the
    event's trigger word and ``named`` the entities found near it."""
    text = words.replace("/", "")
    bounds, position = {0}, 0
    for word in words.split("/"):
        position += len(word)
        bounds.add(position)
    start = text.index(title)
    filler = Filler(start, start + len(title), title, "TITLE")
    t = text.index(trigger)
    entities = [Filler(text.index(n), text.index(n) + len(n), n, "ORG") for n in named]
    found = full_title(
        text, filler, bounds, entities, Trigger(text=trigger, start=t, end=t + len(trigger))
    )
    assert text[found.start : found.end] == found.text
    return found.text


@pytest.mark.parametrize(
    ("words", "title", "trigger", "named", "expected"),
    [
        ("巫建德/，/調任/本局/歸仁/分局長", "分局長", "調任", (), "歸仁分局長"),
        ("賴銘助/，/調任/本局/交通警察/大隊長", "大隊長", "調任", (), "交通警察大隊長"),
        ("調任/警政署/保安警察/第七/總隊長", "總隊長", "調任", ("警政署",), "保安警察第七總隊長"),
        ("提早/退休/的/前/工程/總監", "總監", "退休", (), "工程總監"),
        # a word of time before the title places the post, it names no part of it
        ("辭去/當時/行政/總裁/一職", "總裁", "辭去", (), "行政總裁"),
        ("加入/政府/做/二級/行政/主任", "主任", "加入", (), "二級行政主任"),
        # no organisation the entity stage named: 浙大 is the organisation's
        ("调任/浙大/文学院/院长", "院长", "调任", ("浙大",), "文学院院长"),
        ("出任/政务司/司长", "司长", "出任", ("政务司",), "司长"),
        # a common noun for the organisation is the organisation's, no qualifier
        ("获/续聘/为/公司/总经理", "总经理", "续聘", (), "总经理"),
        # no verb of taking the post, no time, no order, no single character
        ("他/出任/总监", "总监", "出任", (), "总监"),
        ("任/首任/财政司/司长", "司长", "任", (), "财政司司长"),
        ("当了/三年/副社长", "副社长", "当了", (), "副社长"),
        ("工总前/主席/梁君彦/卸任", "主席", "卸任", (), "主席"),
        ("中联/办/主任", "主任", "中联", (), "主任"),
        ("成为/首位/女/会长", "会长", "成为", (), "会长"),
    ],
)
def test_the_full_title(words, title, trigger, named, expected):
    assert _title(words, title, trigger, named) == expected


def test_no_words_no_change():
    filler = Filler(2, 5, "分局长", "TITLE")
    assert full_title("归仁分局长", filler, None, [], Trigger(text="x", start=0, end=0)) is filler


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("巫建德，調任本局歸仁分局長。", "歸仁分局長"),
        ("提早退休的前工程總監周大滄獲發500萬元。", "工程總監"),
    ],
)
def test_the_position_of_a_step_is_its_full_title(nlp, text, expected):
    roles = news_roles(nlp, text, "appointment" if "調任" in text else "departure")
    assert roles["position"] == [expected]
