"""Rolls of names (``newsie.events.rolls``): a praise or thanks of a counted group
(表扬12位…人员), or a charge of one its first member heads (黄之锋等20人被控), takes the
names listed further on, as tables of (text, expected)."""

from __future__ import annotations

import pytest

from newsie.events.mention import Filler
from newsie.events.models import Trigger
from newsie.events.roles import _heads_a_quote
from newsie.events.rolls import counted_object, names_after, roll_for, rolls

from .conftest import news_events, news_roles


def _persons(text: str, *names: str) -> list[Filler]:
    """``names`` as the entity stage's persons, at their first place in ``text``, and
    every 教师 as a common-noun person (一名教师)."""
    out = []
    for name in names:
        start = text.index(name)
        out.append(Filler(start, start + len(name), name, "PERSON"))
    if "教师" in text:
        start = text.index("教师")
        out.append(Filler(start, start + 2, "教师", "PERSON", nominal=True))
    return sorted(out, key=lambda f: f.start)


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # affiliations before the names; the entity stage missed 苏乙秦 and 杨政霖
        (
            "经复审，工务局副局长王建雄、警察局警务员陈弘益、安南区公所课员苏乙秦、社会局社工杨政霖等4人。",
            ("王建雄", "陈弘益"),
            [["王建雄", "陈弘益", "苏乙秦", "杨政霖"]],
        ),
        # bare names and one affiliation; 及 and the colon cut items too
        (
            "名单如下：金城国中蔡明昌及树林国小杨易霖、程锦茹、苏振辉。",
            ("蔡明昌", "杨易霖"),
            [["蔡明昌", "杨易霖", "程锦茹", "苏振辉"]],
        ),
        # two lines, two rolls
        (
            "甲奖：张伟、李强、王芳。\n乙奖：赵敏、钱进、孙立。",
            ("张伟", "李强", "赵敏", "钱进"),
            [["张伟", "李强", "王芳"], ["赵敏", "钱进", "孙立"]],
        ),
        # a pair is no roll
        ("张伟、李强出席。", ("张伟", "李强"), []),
        # places and things, not names: too few of the items are names
        ("会议讨论了交通、教育、医疗、住房和养老问题，张伟、李强出席。", ("张伟", "李强"), []),
        # names the entity stage did not confirm: one is not enough, unless a heading and
        # a colon introduce the roll
        ("高雄、台中、台南三地", (), []),
        ("岑敖晖、周蕴莹、张伟出席", ("张伟",), []),
        ("出席者分别为：岑敖晖、周蕴莹、张伟", ("张伟",), [["岑敖晖", "周蕴莹", "张伟"]]),
        # a heading's common noun (资深优良教师：) is no name of the roll
        (
            "资深优良教师：南宁高中廖芳浴、程锦茹、苏振辉。",
            ("廖芳浴", "程锦茹"),
            [["廖芳浴", "程锦茹", "苏振辉"]],
        ),
        # a roll is cut by a comma: 张伟、李强，王芳 is no roll of three
        ("张伟、李强，王芳、赵敏出席。", ("张伟", "李强", "王芳", "赵敏"), []),
    ],
)
def test_rolls_of_names(text, found, expected):
    found_rolls = rolls(text, _persons(text, *found))
    assert [[f.text for f in roll.names] for roll in found_rolls] == expected
    for roll in found_rolls:
        assert all(text[f.start : f.end] == f.text for f in roll.names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("表扬12位优良人员", True),
        ("表扬了3位教师", True),
        ("感谢二十名志工", True),
        ("表扬优良人员", False),
        ("表扬12个单位", False),  # units, not people
        ("表扬他", False),
    ],
)
def test_a_counted_group_as_the_object(text, expected):
    assert counted_object(text, 2) is expected


def test_the_rolls_after_the_trigger_each_name_once():
    text = "张伟、李强、王芳。表扬3位：赵敏、钱进、孙立、赵敏。"
    found = rolls(text, _persons(text, "张伟", "李强", "赵敏", "钱进"))
    assert [f.text for f in names_after(found, text.index("表扬"))] == ["赵敏", "钱进", "孙立"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("表扬12位优良人员 黄伟哲：公务员须奉廉能为圭臬", True),
        ("举办表扬大会 黄伟哲市长：感谢教师", True),
        ("表扬黄伟哲，市长表示", False),
        ("表扬黄伟哲市长", False),
    ],
)
def test_the_speaker_heading_a_quote(text, expected):
    start = text.index("黄伟哲")
    filler = Filler(start, start + 3, "黄伟哲", "PERSON")
    trigger = Trigger(text="表扬", start=text.index("表扬"), end=text.index("表扬") + 2)
    assert _heads_a_quote(text, filler, trigger) is expected


ROLL_ARTICLE = (
    "表揚12位優良廉能事蹟人員  黃偉哲：公務員都必須奉廉能為圭臬\n"
    "台南市長黃偉哲今（25）日於市政會議表揚112年度優良廉能事蹟人員。\n"
    "黃偉哲強調，廉能是所有公務員都必須奉為圭臬的，感謝12位獲獎者。\n"
    "經複審結果，工務局副局長王建雄、警察局警務員陳弘益、安南區公所課員蘇乙秦、"
    "社會局約聘社會工作員楊政霖、水利局科長石國宏等人。"
)
ROLL = ["王建雄", "陳弘益", "蘇乙秦", "楊政霖", "石國宏"]


def test_a_praise_of_a_counted_group_takes_the_roll(nlp):
    (praise,) = news_events(nlp, ROLL_ARTICLE, "praise")
    assert praise.roles["target"] == ROLL
    assert praise.roles.get("praiser") == [
        "黃偉哲"
    ]  # not the speaker heading the title's quote as target
    for argument in praise.arguments:
        assert ROLL_ARTICLE[argument.start : argument.end] == argument.text


def test_a_thanks_of_a_counted_group_takes_the_roll(nlp):
    assert news_roles(nlp, ROLL_ARTICLE, "thanks")["thanked"] == ROLL


def test_a_praise_of_named_people_keeps_them(nlp):
    text = "市長表揚張偉與李強。\n名單：王建雄、陳弘益、蘇乙秦。"
    assert news_roles(nlp, text, "praise")["target"] != ROLL[:3]


@pytest.mark.parametrize(
    "text",
    [
        "市府表揚志工 黃偉哲：志工是城市的溫度",
        "臺南市舉辦教師節表揚大會 黃偉哲市長：感謝教師用教育愛成就每位孩子",
    ],
)
def test_the_speaker_of_a_title_quote_is_not_praised(nlp, text):
    (praise,) = news_events(nlp, text, "praise")
    assert "黃偉哲" not in praise.roles.get("target", [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the filler heads a counted group the rolls name in full
        (
            "黄之锋等4人被控。认罪的分别为：黄之锋、岑敖晖、周蕴莹及司徒子朗。",
            ["黄之锋", "岑敖晖", "周蕴莹", "司徒子朗"],
        ),
        # the rolls name more or fewer than counted: not this group's
        ("黄之锋等5人被控。认罪的分别为：黄之锋、岑敖晖、周蕴莹及司徒子朗。", []),
        # a counted object takes the rolls whatever their size
        ("表扬12位：黄之锋、岑敖晖、周蕴莹。", ["黄之锋", "岑敖晖", "周蕴莹"]),
        # no count at all
        ("黄之锋被控。认罪的分别为：黄之锋、岑敖晖、周蕴莹。", []),
    ],
)
def test_the_names_a_roll_role_takes(text, expected):
    found = rolls(text, _persons(text, "岑敖晖", "周蕴莹"))
    trigger_end = text.index("控") + 1 if "控" in text else text.index("表扬") + 2
    chosen = _persons(text, "黄之锋")[:1]
    assert [f.text for f in roll_for(text, lambda: found, trigger_end, chosen)] == expected


CHARGE_ARTICLE = (
    "黃之鋒等5人被控藐視法庭　押後至周四審理\n"
    "案件今日在高等法院審理。有3名答辯人表示擬認罪，分別為：黃之鋒、岑敖暉及周蘊瑩；"
    "不認罪的2名答辯人，分別為：黃浩銘、朱佩欣、 司徒子朗。"
)


def test_a_charge_of_a_counted_group_takes_its_roll_when_the_counts_agree(nlp):
    (charge,) = news_events(nlp, CHARGE_ARTICLE, "lawsuit")
    assert charge.roles["defendant"] == ["黃之鋒"]  # 3 + 3 named, 5 counted: not the group
    agreeing = CHARGE_ARTICLE.replace("等5人", "等6人")
    (charge,) = news_events(nlp, agreeing, "lawsuit")
    assert charge.roles["defendant"] == [
        "黃之鋒",
        "岑敖暉",
        "周蘊瑩",
        "黃浩銘",
        "朱佩欣",
        "司徒子朗",
    ]


def test_a_prize_heading_gives_a_roll_to_an_award_with_no_winner():
    text = "评鉴今日举行颁奖典礼。特等奖3位：田宗益、黄圣恩、田伟志。嘉宾有：张伟、李强、王芳。"
    found = rolls(text, _persons(text, "田宗益", "张伟", "李强"))
    assert [roll.heading for roll in found] == ["特等奖3位", "嘉宾有"]
    trigger_end = text.index("颁奖") + 2
    names = roll_for(text, lambda: found, trigger_end, [])
    assert [f.text for f in names] == ["田宗益", "黄圣恩", "田伟志"]  # not the guests
    chosen = _persons(text, "张伟")
    assert roll_for(text, lambda: found, trigger_end, chosen) == []  # a winner of its own


PRIZE_ARTICLE = (
    "台南市「115年度國產龍眼蜂蜜評鑑」今(5)日上午於民治市政中心舉行頒獎典禮。\n"
    "115年南市國產龍眼蜂蜜獲獎名單如下：\n"
    "特等獎3位：田宗益、黃聖恩、田偉志\n"
    "頭等獎3位：何育忠、康眉香、廖若嘉。"
)


def test_an_award_with_no_winner_takes_the_prize_rolls(nlp):
    roles = news_roles(nlp, PRIZE_ARTICLE, "award")
    assert roles["award"] == ["115年度國產龍眼蜂蜜評鑑"]
    assert roles["winner"] == ["田宗益", "黃聖恩", "田偉志", "何育忠", "康眉香", "廖若嘉"]
