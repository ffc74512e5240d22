"""Traditional script is first class: an article and its OpenCC Traditional twin give the
same events, values and times, with texts cut from the Traditional original."""

from __future__ import annotations

import opencc
import pytest

import newsie
from newsie.io.clean import simplified_view

S2T = opencc.OpenCC("s2t")
PUBLISHED = "2025-11-28T13:39:00+08:00"

SENTENCES = [
    "2025年11月26日，香港大埔区宏福苑突发火灾，造成6人死亡。",
    "次日，商汤科技宣布向受灾地区捐赠300万港元。",
    "腾讯以500万元收购了一家公司。",
    "据了解，华为将于下周发布新款手机Mate 80。",
    "阿里巴巴集团董事会主席蔡崇信宣布辞职。",
    "警方证实，一所学校遭不明武装分子袭击，致使6人当场死亡。",
    "国务院总理李强在北京会见了来访的赞比亚总统希奇莱马。",
    # the time words read on the matching view: 两天内 / 兩天內 is no time of the attack
    "巴方称25日以军在两天内袭击加沙，致12人死亡。",
    # a pair of countries' initials (中欧, 中韩) names a relation in either script, no place
    "中欧领导人举行会晤。",
]


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


def _signature(doc):
    return sorted(
        (
            e.type,
            e.trigger.start,
            tuple(sorted((a.role, a.start, a.end) for a in e.arguments)),
            e.time.start if e.time else None,
            e.status,
        )
        for e in doc.all_events
    )


@pytest.mark.parametrize("text", SENTENCES)
def test_traditional_twin_gives_the_same_events(nlp, text):
    twin = S2T.convert(text)
    assert twin != text and len(twin) == len(text)
    simplified, traditional = nlp(text, published=PUBLISHED), nlp(twin, published=PUBLISHED)
    assert _signature(simplified) and _signature(traditional) == _signature(simplified)
    for event in traditional.all_events:  # texts are the original's, in Traditional script
        assert event.trigger.text == twin[event.trigger.start : event.trigger.end]
        for argument in event.arguments:
            assert argument.text == twin[argument.start : argument.end]


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("商湯科技捐贈300萬港元。", 3_000_000, "300萬港元"),
        ("公司淨利潤達12.5億元。", 1_250_000_000, "12.5億元"),
        ("共有五萬人參加。", 50_000, "五萬人"),
    ],
)
def test_traditional_numerals_are_read(nlp, text, value, span):
    doc = nlp(text)
    assert [(v.text, v.value) for v in doc.values if v.text == span] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("據瞭解，公司於今日宣佈。", "据了解，公司于今日宣布。"),  # phrase-aware in Traditional text
        ("王丙乾于1980年任财政部长。", "王丙乾于1980年任财政部长。"),  # Simplified: untouched
        ("公司宣佈辭職", "公司宣布辞职"),
    ],
)
def test_simplified_view(text, view):
    assert simplified_view(text) == view
    assert len(simplified_view(text)) == len(text)


def test_simplified_view_of_simplified_text_is_the_text_itself():
    text = "商汤科技宣布向受灾地区捐赠300万港元。"
    assert simplified_view(text) is text
