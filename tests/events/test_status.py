"""Status of an event from cue words: planned, denied, reported, else happened."""

from __future__ import annotations

import pytest

from tests.events.conftest import annotate

ENTITIES = {"ORG": ["华为", "小米", "腾讯", "阿里巴巴"], "PERSON": ["张三", "李四"],
            "PRODUCT": ["Mate 80", "小米17"]}

CASES = [
    # (sentence, event type, expected status)
    ("华为发布Mate 80。", "product_launch", "happened"),
    # 虚拟 and 接待 hold no cue (拟, 待)
    ("华为虚拟现实部门发布Mate 80。", "product_launch", "happened"),
    ("华为在发布会上接待访客并发布Mate 80。", "product_launch", "happened"),
    ("华为拟发布Mate 80。", "product_launch", "planned"),
    ("华为将发布Mate 80。", "product_launch", "planned"),
    ("华为计划明年发布Mate 80。", "product_launch", "planned"),
    ("华为即将发布Mate 80。", "product_launch", "planned"),
    ("华为预计下月发布Mate 80。", "product_launch", "planned"),
    ("华为有望年底发布Mate 80。", "product_launch", "planned"),
    ("华为否认发布Mate 80。", "product_launch", "denied"),
    ("华为辟谣称不会发布Mate 80。", "product_launch", "denied"),
    ("华为并未发布Mate 80。", "product_launch", "denied"),
    ("华为不会发布Mate 80。", "product_launch", "denied"),
    ("据悉，华为发布了Mate 80。", "product_launch", "reported"),
    ("传华为发布Mate 80。", "product_launch", "reported"),
    ("有博主爆料，华为发布Mate 80。", "product_launch", "reported"),
    ("消息人士称，华为发布了Mate 80。", "product_launch", "reported"),
    ("据报道，张三从腾讯离职。", "departure", "reported"),
    ("张三从腾讯离职。", "departure", "happened"),
    ("张三否认从腾讯离职。", "departure", "denied"),
    ("张三并未从腾讯离职。", "departure", "denied"),
    ("张三拟从腾讯离职。", "departure", "planned"),
    ("腾讯将收购小米。", "acquisition", "planned"),
    ("腾讯没有收购小米。", "acquisition", "denied"),
    ("腾讯收购小米。", "acquisition", "happened"),
    # a deal called off; a drone is no one absent (无人机 holds 无人)
    ("腾讯终止收购小米。", "acquisition", "denied"),
    ("华为仓库当天因无人机袭击起火。", "fire", "happened"),
    ("至今无人向张三道歉。", "apology", "denied"),
    ("张三无法加入腾讯。", "joining", "denied"),
    # 拒 before a verb refuses it (拒道歉); resisting arrest (拒捕) is an act of its own
    ("NBA總裁稱莫雷有言論自由拒道歉。", "apology", "denied"),
    # 未X就Y: Y came before X, and happened; 没有就此 still denies
    ("张三未毕业就加入了腾讯。", "joining", "happened"),
    ("张三没有就此从腾讯离职。", "departure", "denied"),
    ("疑犯拒捕被警方擊斃。", "death", "happened"),
    ("张三有意加入腾讯。", "joining", "planned"),
    ("老将张三加入腾讯。", "joining", "happened"),  # 老将: a veteran, no future
    ("将军张三加入腾讯。", "joining", "happened"),  # 将军: a general, no future
    # 将 before the one it acts on marks the object (将嫌疑人抓获), not the future
    ("警方随后将嫌疑人张三逮捕。", "arrest", "happened"),
    ("警方将逮捕张三。", "arrest", "planned"),
    # "传来消息" is news arriving, not hearsay
    ("华为传来好消息，发布了Mate 80。", "product_launch", "happened"),
    # the closest cue wins: a report of a plan is planned
    ("据悉，小米将于下月发布小米17。", "product_launch", "planned"),
    # "未来" is the future, not a negation
    ("华为在未来发布Mate 80。", "product_launch", "happened"),
]


@pytest.mark.parametrize(("text", "event_type", "status"), CASES)
def test_status(extract, text, event_type, status):
    events = [e for e in extract(annotate(text, ENTITIES)) if e.type == event_type]
    assert len(events) == 1, [(e.type, e.roles) for e in events]
    assert events[0].status == status


def test_template_status_overrides_cues(extract):
    from newsie.events.extractor import EventExtractor
    from newsie.events.template import Template

    template = Template.model_validate(
        {"type": "rumour_test", "triggers": ["网传"], "status": "reported",
         "roles": {"who": {"labels": ["ORG"], "side": "after", "required": True}}}
    )
    doc = annotate("网传华为裁员。", ENTITIES)
    events = EventExtractor([template])(doc).events
    assert [e.status for e in events] == ["reported"]


def test_a_plan_word_before_the_trigger_is_no_plan():
    """行动方案发布, 根据安排…举行: 方案 and 安排 mark a plan only after the trigger (开业计划)."""
    from newsie.events.mention import Trigger
    from newsie.events.status import _status

    for text, word in (("两新政策方案正式发布。", "发布"), ("根据安排，会议在联合国举行。", "举行")):
        start = text.index(word)
        trigger = Trigger(start=start, end=start + 2, text=word, label="TRIGGER")
        assert _status(text, 0, len(text), trigger) == "happened", text


def test_a_prospectus_after_the_trigger_is_a_plan():
    """递交赴美上市招股书: the listing is filed for, not done."""
    from newsie.events.mention import Trigger
    from newsie.events.status import _status

    text = "万物新生递交赴美上市招股书。"
    start = text.index("上市")
    trigger = Trigger(start=start, end=start + 2, text="上市", label="TRIGGER")
    assert _status(text, 0, len(text), trigger) == "planned"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("华为今(24)日发布新款手机Mate 80。", "happened"),  # the writer's today: the metadata is behind
        ("华为7月24日发布新款手机Mate 80。", "planned"),  # a date ahead of publication is to come
    ],
)
def test_a_date_ahead_of_the_metadata(nlp, text, expected):
    """A date after the day after publication makes an event planned, unless the text
    calls it today or yesterday (今(24)日 in a release the metadata dates the 21st)."""
    (event,) = [e for e in nlp(text, published="2023-07-21").events if e.type == "product_launch"]
    assert event.status == expected
    assert event.time.start.day == 24


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        # the 若 of a given name is no condition (肖若腾, 张若昀)
        ("其他4项决赛，肖若腾获得男子自由体操金牌。", "championship", 1),
        ("张若昀唐艺昕月底即将完婚。", "marriage", 1),
        ("肖若腾获得金牌。", "championship", 1),
        # the 若 of a condition still is
        ("公司若未能按期完成收购，将支付违约金。", "acquisition", 0),
        # a cue a dozen characters before the trigger still counts (防止冲击…磋商取得的成果)
        ("美方应避免采取单方面贸易限制措施，防止冲击双方通过多轮磋商取得的成果。", "talks", 0),
        ("此举旨在推进英伟达GPU的采购计划。", "procurement", 0),
        # a call to act at once (应尽快, 应立即) a dozen characters before the trigger
        ("欧洲应尽快与俄罗斯举行峰会，通过对话结束冲突。", "conference", 0),
        ("美方应尽快撤销对中方企业的制裁。", "sanctions", 0),
        # no intention to do it (無意認錯甚至辭職), but not by chance (无意间拘捕)
        ("鄭若驊無意認錯甚至辭職。", "departure", 0),
        ("警方无意间拘捕了一名逃犯。", "arrest", 1),
        # a demand frames its whole clause, however far before the trigger
        ("卡塔尔方面要求以色列就日前袭击卡塔尔首都多哈一事进行公开道歉。", "apology", 0),
        ("农业局动保处呼吁渔民朋友如发生鱼虾食欲减退或异常死亡情形，千万不可轻忽。", "death", 0),
        # a welcome or a hope asks for it: 歡迎市民造訪, 期望…访问 (but 广受欢迎 is no call)
        ("歡迎市民及旅客造訪臺南商圈，體驗最道地的臺南味。", "visit", 0),
        ("马克龙表示，期望再次访问中国。", "visit", 0),
        ("这款广受欢迎的手机，华为昨日宣布停产。", "production_halt", 1),
        # a stop named after the word (臺南轉運站) moves no one
        ("臺南公園(臺南轉運站)157次，赤崁樓為150次。", "transport", 0),
        ("消防员将被困群众转运至安全地带，共转移12人。", "transport", 1),
    ],
)
def test_a_name_is_no_condition_and_a_cue_reaches_a_dozen_characters(nlp, text, event_type, expected):
    events = [e for e in nlp(text, published="2025-06-01T08:00:00+08:00").all_events if e.type == event_type]
    assert len(events) == expected


def test_a_cue_inside_a_closed_aside_frames_nothing_outside_it(nlp):
    """黃先生（真的姓黃，但未公開全名）早在2014年傘運時: 未 denies nothing of the movement."""
    text = "80後店主黃先生（真的姓黃，但未公開全名）早在2014年傘運時，已經表態支持抗爭。"
    (event,) = [e for e in nlp(text, published="2019-08-01").events if e.type == "protest"]
    assert event.status == "happened"


def test_two_movements_told_together_are_two_protests(nlp):
    """2014年傘運 and 這次反送中運動 name two movements, which never merge."""
    text = "店主早在2014年傘運時，已經表態支持抗爭。這次反送中運動，他早在6.12就響應罷工。"
    protests = [e for e in nlp(text, published="2019-08-01").events if e.type == "protest"]
    assert sorted(e.trigger.text for e in protests) == ["傘運", "反送中運動"]
    # a movement's span is its own: 這次反送中運動 borrows no 2014 from the sentence before
    times = {e.trigger.text: e.time for e in protests}
    assert times["傘運"] is not None and times["傘運"].start.year == 2014
    assert times["反送中運動"] is None


def test_in_due_time_is_planned(nlp):
    """适时出台…: to be issued when the time is right."""
    text = "适时出台资本市场进一步支持高水平科技自立自强的政策措施。"
    (event,) = [e for e in nlp(text, published="2023-06-13").events if e.type == "policy_launch"]
    assert event.status == "planned"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("店主早在2014年傘運時，已經表態支持抗爭。", 2014),  # dated right before its name
        ("傘運前夕突停運《主場》，《立場新聞》的前身為《主場新聞》，於2012年7月28日成立。", None),
        ("屯門裁判法院在5月4日審理一宗涉及反送中運動的案件。", None),
    ],
)
def test_a_movement_is_dated_only_by_a_time_right_before_its_name(nlp, text, year):
    (event,) = [e for e in nlp(text, published="2020-06-01").events if e.type == "protest"]
    assert (event.time.start.year if event.time else None) == year


def test_a_title_takes_the_cue_of_its_first_telling_only(nlp):
    """A title leaves out its story's cue (拟收购 told as 收购): the first telling gives it;
    a later one (网传视频显示，火灾现场…) is of something about the event."""
    text = (
        "广州一仓库发生火灾\n"
        "5月31日早上8时左右，广州白云区一仓库发生火灾，消防人员赶到现场扑救。\n"
        "多段网传视频显示，火灾现场浓烟滚滚，有多人围观。"
    )
    (event,) = [e for e in nlp(text, published="2023-06-01").events if e.type == "fire"]
    assert event.status == "happened"
