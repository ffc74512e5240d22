"""Common crimes (issue 20, ``corpora/templates/ace/desk_crime.toml``): sexual assault,
theft and robbery are found as news tells them, and not in a charge's name, a prevention
campaign or a figure of speech."""

from __future__ import annotations

import pytest

from tests.events.conftest import news_events

#: (text, type, the trigger of its first event of that type)
FOUND = [
    ("男子李某在宾馆内性侵一名女子，已被警方刑事拘留。", "sexual_assault", "性侵"),
    ("河北13岁女孩被性侵致怀孕引产", "sexual_assault", "性侵"),  # the segmenter keeps 性侵 whole
    ("一名教练涉嫌猥亵多名未成年学员。", "sexual_assault", "猥亵"),
    ("叶诚尘当庭表示她与张波交往初期被张波强奸。", "sexual_assault", "强奸"),
    ("两名男子深夜潜入北京一家超市盗窃现金3万元。", "theft", "盗窃"),
    ("该男子涉嫌入室盗窃被刑拘。", "theft", "入室盗窃"),
    ("村民家中价值5万元的财物失窃。", "theft", "失窃"),
    ("一名男子持刀抢劫了深圳一家便利店。", "robbery", "持刀抢劫"),
    ("法国卢浮宫博物馆发生抢劫事件。", "robbery", "抢劫"),
    ("盧浮宮搶劫案經濟損失達8800萬歐元。", "robbery", "搶劫案"),
]

#: (text, type) that must yield no event of that type
NOT_FOUND = [
    ("学校开展防性侵教育讲座。", "sexual_assault"),
    ("他因强奸罪被判处有期徒刑8年。", "sexual_assault"),
    ("小区统一加装了防盗门。", "theft"),
    ("他的社交账号被盗号了。", "theft"),
    ("法院以盗窃罪判处被告有期徒刑一年。", "theft"),
    ("这种趁火打劫的行为令人不齿。", "robbery"),
    ("拉夫罗夫表示，欧盟的相关行为是赤裸裸的抢劫。", "robbery"),
]


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    FOUND + [(text, event_type, None) for text, event_type in NOT_FOUND],
)
def test_first_trigger_of_the_type(nlp, text, event_type, trigger):
    """The trigger of the first event of ``event_type``, or no event at all (None)."""
    found = [e.trigger.text for e in news_events(nlp, text, event_type)]
    assert found[:1] == ([trigger] if trigger else []), found


def test_crime_roles(nlp):
    (theft,) = news_events(nlp, "两名男子深夜潜入北京一家超市盗窃现金3万元。", "theft")
    assert (theft.get("perpetrator"), theft.get("amount"), theft.get("place")) == ("两名男子", "3万元", "北京")
    (assault,) = news_events(nlp, "男子李某在宾馆内性侵一名女子，已被警方刑事拘留。", "sexual_assault")
    assert assault.get("perpetrator") == "李某"
    assert (assault.cameo, assault.goldstein, assault.emergency_class) == ("1821", -9.5, "social_security")
