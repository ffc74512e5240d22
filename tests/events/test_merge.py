"""One event told across sentences is one record; several events in a sentence stay apart."""

from __future__ import annotations

import pytest

from tests.events.conftest import annotate

ENTITIES = {
    "PERSON": ["张三", "李四", "王五", "赵六"],
    "ORG": ["腾讯", "阿里巴巴", "小米", "英伟达", "红队", "蓝队", "华为"],
    "GPE": ["北京", "上海"],
    "PRODUCT": ["Mate 80"],
    "TITLE": ["总裁", "首席执行官"],
}


def test_one_event_in_two_sentences_is_merged(extract):
    doc = annotate(
        "2025年3月1日，腾讯总裁张三宣布离职。此次离职源于个人原因，他将离开腾讯。",
        ENTITIES,
    )
    departures = [e for e in extract(doc) if e.type == "departure"]
    assert len(departures) == 1
    assert departures[0].get("person") == "张三"
    assert departures[0].get("organization") == "腾讯"
    assert departures[0].time.start.day == 1


def test_later_sentence_adds_a_role(extract):
    doc = annotate(
        "小米宣布采购一批英伟达GPU。小米计划累计采购2万块。",
        ENTITIES,
        values=[("2万块", "COUNT", 20000, "块", None)],
    )
    procurements = [e for e in extract(doc) if e.type == "procurement"]
    assert len(procurements) == 1
    event = procurements[0]
    assert event.get("buyer") == "小米"
    assert event.all("quantity")[0].value == 20000


def test_two_events_in_one_sentence_stay_apart(extract):
    doc = annotate("红队击败蓝队后李四宣布离职。", ENTITIES)
    events = extract(doc)
    types = sorted(e.type for e in events)
    assert types == ["departure", "match_win"]
    departure = next(e for e in events if e.type == "departure")
    win = next(e for e in events if e.type == "match_win")
    assert departure.get("person") == "李四"
    assert (win.get("winner"), win.get("loser")) == ("红队", "蓝队")


def test_different_people_leaving_are_two_events(extract):
    doc = annotate("张三从腾讯离职。李四从阿里巴巴离职。", ENTITIES)
    departures = [e for e in extract(doc) if e.type == "departure"]
    assert sorted(e.get("person") for e in departures) == ["张三", "李四"]
    assert {e.get("person"): e.get("organization") for e in departures} == {
        "张三": "腾讯", "李四": "阿里巴巴"}


def test_stocks_named_by_a_pattern_tell_events_apart():
    """A market report's limit-ups of stocks the entity stage does not know (ST世茂, 游族网络),
    captured by the template's pattern, are one event per stock, not one merged event."""
    import newsie

    text = (
        "游戏板块继续回暖，大晟文化、游族网络涨停。\n电力行业走高，西昌电力涨停。\n"
        "水产养殖板块受追捧，大湖股份涨停。"
    )
    doc = newsie.load()(text, published="2024-01-02")
    stocks = [e.get("stock") for e in doc.events if e.type == "limit_up"]
    assert len(stocks) == 3 and {"西昌电力", "大湖股份"} <= set(stocks)


def test_same_person_far_apart_is_merged_by_name(extract):
    doc = annotate(
        "张三从腾讯离职。腾讯股价当日下跌。分析师看好前景。市场反应平淡。张三离职后将创业。",
        ENTITIES,
    )
    departures = [e for e in extract(doc) if e.type == "departure"]
    assert len(departures) == 1


def test_anaphora_after_trigger_joins_the_earlier_event(extract):
    doc = annotate("华为推出Mate 80。华为于2024年正式推出这款手机。", ENTITIES)
    launches = [e for e in extract(doc) if e.type == "product_launch"]
    assert len(launches) == 1
    assert [a.text for a in launches[0].all("product")] == ["Mate 80"]
    assert launches[0].time_text == "2024年"


def test_arguments_are_typed(extract):
    doc = annotate(
        "阿里巴巴向北京捐赠500万元。",
        ENTITIES,
        values=[("500万元", "MONEY", 5_000_000, None, "CNY")],
    )
    donation = next(e for e in extract(doc) if e.type == "donation")
    amount = donation.all("amount")[0]
    assert (amount.label, amount.value, amount.currency) == ("MONEY", 5_000_000, "CNY")
    assert donation.get("recipient") == "北京"


def test_pattern_quantity_is_a_number(extract):
    # no values layer: the role pattern's capture is read as a number
    doc = annotate("小米计划采购3万台服务器。", ENTITIES)
    procurement = next(e for e in extract(doc) if e.type == "procurement")
    quantity = procurement.all("quantity")[0]
    assert quantity.label == "COUNT" and quantity.value == 30000 and quantity.unit == "台"


def test_a_roundup_is_merged_in_linear_work(monkeypatch):
    """A donor list of thousands of lines: each new mention is compared with a bounded
    number of kept ones (the latest LOOKBACK of its type and those sharing a value with
    it), not with every one kept so far."""
    import newsie
    from newsie.events import merge

    calls = 0
    compatible = merge._compatible

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return compatible(*args, **kwargs)

    monkeypatch.setattr(merge, "_compatible", counting)
    chars, n = "星辰海岳松竹梅兰云峰川泽林泉石金银铜铁华瑞祥康泰安宁", 26
    lines = [
        f"远望{chars[i % n]}{chars[i // n % n]}{chars[i // n // n % n]}科技有限公司"
        f"宣布向宁波市慈善总会捐赠{i + 1}万元。"
        for i in range(600)
    ]
    doc = newsie.load()("\n".join(lines))
    donations = [e for e in doc.all_events if e.type == "donation"]
    assert len(donations) == 600  # every donor is an event of its own
    assert calls <= 2 * merge.LOOKBACK * len(lines)
    assert calls < 600 * 599 / 2 / 2  # well below comparing every pair


def test_a_title_and_its_story_are_one_event():
    """A headline and the story's first telling of the same type are one event, though
    the story names more (or other) participants; a list whose first line is an item of
    its own (it ends in 。) is no headline."""
    import newsie

    nlp = newsie.load()
    text = "王沪宁会见伊朗总统\n全国政协主席王沪宁2日在京会见伊朗总统佩泽希齐扬。"
    meetings = [e for e in nlp(text, published="2025-09-03T19:00").events if e.type == "meeting"]
    assert len(meetings) == 1 and meetings[0].time is not None
    listing = "远望科技宣布向宁波市慈善总会捐赠500万元。\n星辰电子宣布向宁波市慈善总会捐赠300万元。"
    assert len([e for e in nlp(listing).events if e.type == "donation"]) == 2


def test_a_title_is_not_a_later_step_of_the_same_career():
    """A title's appointment merges with its lead, not with another post of the same
    person told further on (a career step has its own post and time)."""
    import newsie

    text = (
        "张红文任合肥市委书记\n3月18日下午，省委决定：张红文同志任合肥市委书记。\n"
        "张红文生于1975年4月，陕西澄城人。\n他长期在航天科工集团工作。\n"
        "2020年9月，张红文担任安徽省副省长。"
    )
    steps = [e for e in newsie.load()(text, published="2024-03-18").events if e.type == "appointment"]
    assert sorted(e.get("position") for e in steps) == ["书记", "副省长"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a title leaves out its story's cue: the plan told in the story frames it
        ("华为收购某芯片公司\n华为拟收购某芯片公司，交易预计年内完成。", "planned"),
        # a plan or a report in the story about the happening (its cause) is not of it
        (
            (
                "俄罗斯商场大火\n俄罗斯一个商场周日发生大火，至少48人死亡。当局表示，将会调查起火原因。"
                "未经证实的消息称，一名儿童误用打火机引起火灾。"
            ),
            "happened",
        ),
    ],
)
def test_a_later_plan_or_report_frames_only_a_title(text, status):
    import newsie

    events = newsie.load()(text, published="2025-03-26").events
    (event,) = [e for e in events if e.type in ("acquisition", "fire")]
    assert event.status == status


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("胡某", "胡鑫宇", True),  # a masked name and the full name of its surname
        ("胡某宇", "胡鑫宇", True),
        ("胡某宇", "胡鑫涛", False),  # the given name's last character differs
        ("张某", "李强", False),
        ("隆基", "隆基股份", True),
        # a place under its country's short and full name
        ("俄堪察加半岛东部海域", "俄罗斯堪察加半岛东部海域", True),
        ("美加州", "美国加州", False),  # too short to tell
        ("中东部", "中国东部", False),
    ],
)
def test_same_identifying_value(a, b, same):
    from newsie.events.merge import _same

    assert _same(a, b) is same
    assert _same(b, a) is same


def test_two_terms_are_two_sentences():
    """判囚10个月 and 判囚6个月 are two sentences, though a captured text is no name."""
    import newsie

    text = "黄之锋等人今日在区域法院判刑，黄之锋判囚10个月、岑敖晖判囚6个月。"
    events = [e for e in newsie.load()(text).events if e.type == "imprisonment"]
    assert sorted(e.get("term") for e in events) == ["10个月", "6个月"]


def test_one_person_told_with_two_organisations_is_one_event():
    """徐雄 arrested, told once with the police and once with the procuratorate that
    approved it: one arrest."""
    import newsie

    text = "上海市公安局昨日逮捕了徐雄。公司经营情况正常。上海市人民检察院已批准逮捕徐雄。"
    arrests = [e for e in newsie.load()(text).events if e.type == "arrest"]
    assert len(arrests) == 1 and arrests[0].get("arrested") == "徐雄"


def test_one_person_in_two_organisations_holds_two_posts():
    """A post is held in an organisation: 財政司 and 政務司 are two appointments of one
    person, not one told twice."""
    import newsie

    text = "曾蔭權回歸前獲委任為財政司司長。1998年金融風暴，他擊退國際炒家。其後曾蔭權接替陳方安生出任政務司司長。"
    appointments = [e for e in newsie.load()(text).events if e.type == "appointment"]
    assert sorted(e.get("organization") for e in appointments) == ["政務司", "財政司"]


def test_a_post_told_once_is_one_appointment_whoever_names_it():
    """当选 with the parliament, then 当选首相 with the party: the post is told once, so
    the organisations may name either side of one appointment."""
    import newsie

    text = (
        "据报道，日本国会今天举行首相指名选举，高市早苗当选。"
        "日本自民党总裁高市早苗在临时国会众议院和参议院首相指名选举中均胜出，当选日本第104任首相。"
    )
    appointments = [e for e in newsie.load()(text).events if e.type == "appointment"]
    assert len(appointments) == 1


def test_terms_given_as_ranges_tell_sentences_apart():
    """判監6個月 and, for others, 判囚8至13個月: a range is a term too, two sentences."""
    import newsie

    text = "法官判黃之鋒監禁6個月。另外，13名示威者早前被判囚8至13個月。"
    events = [e for e in newsie.load()(text).events if e.type == "imprisonment"]
    assert sorted(e.get("term") for e in events) == ["6個月", "8至13個月"]


def test_an_office_tells_no_event_apart_from_the_name():
    """美总统 in the title, 普京 with 特朗普 in the story: an office is someone the story
    may name, not another party; one meeting."""
    import newsie

    text = (
        "俄称对乌军目标实施多次集群打击\n"
        "俄罗斯国防部8日称，俄军对乌军指挥所等目标实施了7次集群打击。\n"
        "俄美总统将在美国阿拉斯加会谈\n"
        "俄罗斯总统助理乌沙科夫今天表示，俄罗斯总统普京与美国总统特朗普将于8月15日"
        "在美国阿拉斯加州举行会谈。"
    )
    meetings = [e for e in newsie.load()(text).events if e.type == "meeting"]
    assert len(meetings) == 1 and meetings[0].get("party") == "普京"


def test_the_event_keeps_the_most_specific_place():
    """山西 in the title, 山西临猗县 in the story: the event's place is the story's."""
    import newsie

    text = "山西10岁男孩失联\n5月3日，山西临猗县一名10岁男孩离家后失联，警方悬赏寻人。"
    events = newsie.load()(text, published="2023-05-24").events
    (event,) = [e for e in events if e.type == "missing_person"]
    assert event.get("place") == "山西临猗县"


def test_also_tells_one_more_happening():
    """李强还参谒了X: 还 tells one more visit, to another place, not a restatement."""
    import newsie

    text = (
        "李强凭吊中国人民志愿军烈士\n当地时间10日下午，国务院总理李强专程赴安州中国人民志愿军烈士陵园凭吊烈士。\n"
        "同日，李强还参谒了中朝友谊塔。"
    )
    visits = [e for e in newsie.load()(text, published="2025-10-11").all_events if e.type == "visit"]
    assert len(visits) == 2
    assert ["中朝友谊塔"] in [e.roles.get("destination") for e in visits]


@pytest.mark.parametrize(
    ("text", "lawsuits"),
    [
        # a report on 同案被告: the charges of one case are one lawsuit with every defendant
        ("中槍男生被控暴動罪　同案被告包括博士生\n陳珩被控一項暴動罪。邱宏達被控一項暴動罪。", [["陳珩", "邱宏達"]]),
        # without it, two people charged are two lawsuits
        ("陳珩被控一項暴動罪。邱宏達被控一項暴動罪。", sorted([["陳珩"], ["邱宏達"]])),
    ],
)
def test_the_accused_of_one_case_are_one_lawsuit(text, lawsuits):
    import newsie

    events = newsie.load()(text).events
    found = [e.roles.get("defendant") for e in events if e.type == "lawsuit" and e.roles.get("defendant")]
    assert sorted(found) == lawsuits


def test_a_story_tells_one_disaster():
    """The mentions of a death or an explosion in one story are one event whatever place
    each names, unless they name different people; a roundup's items, each under a
    heading line, are stories of their own."""
    import newsie

    nlp = newsie.load()

    def count(text: str, kind: str) -> int:
        return len([e for e in nlp(text, published="2025-11-04").events if e.type == kind])

    story = (
        "2022年9月26日，北溪天然气管道发生爆炸。此后，德国、瑞典和丹麦分别展开调查。\n"
        "俄方多次要求参与调查。美国官员表示，美国与这次爆炸无关。\n"
        "联合国安理会随后召开会议，讨论管道爆炸问题。"
    )
    assert count(story, "explosion") == 1
    assert count("车祸造成王建国当场死亡。据悉，另一辆车的司机李明华也在事故中死亡。", "death") == 2
    roundup = (
        "国际联播快讯\n阿富汗北部地震致27人死亡\n阿富汗北部胡勒姆地区3日发生地震，造成27人死亡。\n"
        "以军空袭黎巴嫩南部致4人死亡\n以军3日空袭黎巴嫩南部，造成4人死亡。"
    )
    assert count(roundup, "death") == 2


def test_a_place_read_off_a_name_tells_no_event_apart():
    """A place inside the name of a gathering is where it is held when nothing else says
    so, but it does not keep a heading's mention apart from the story's (第35届青岛国际啤酒节
    开幕 / …在西海岸新区开幕: one opening, in 西海岸新区)."""
    import newsie

    nlp = newsie.load()
    alone = nlp("2025年上海国际体育博览会盛大启幕,瑞士高端跑步品牌On昂跑打造了品牌展台。")
    (opening,) = [e for e in alone.events if e.type == "opening"]
    assert opening.get("place") == "上海"
    text = "国际联播快讯\n第35届青岛国际啤酒节开幕\n昨晚（7月18日），第35届青岛国际啤酒节在西海岸新区开幕。"
    openings = [e for e in nlp(text, published="2025-07-19").events if e.type == "opening"]
    assert [e.get("place") for e in openings] == ["西海岸新区"]


def test_an_election_and_taking_up_the_post_are_two_events():
    import newsie

    text = "穆伊兹去年9月当选马尔代夫总统。在穆伊兹正式就任马尔代夫总统的第二天，马尔代夫政府要求印度撤军。"
    events = newsie.load()(text, published="2024-03-03").events
    appointments = {e.trigger.text: e for e in events if e.type == "appointment"}
    assert sorted(appointments) == ["就任", "当选"]
    # the day after it is no day of its own, and the election's month is not its either
    assert appointments["就任"].time is None


@pytest.mark.parametrize(
    ("text", "arrests"),
    [
        # other counts of one crowd, and other crowds: each arrest is its own
        ("一名學生在薄扶林道被捕。另有4名學生在校園被捕。", 2),
        ("警方在校園內拘捕途人。其後有示威者在天橋被捕。", 2),
        # one person renamed (男子, then 嫌疑人) is no other crowd: one arrest
        ("一名男子在商场被捕。据悉，该嫌疑人被捕时身上带有刀具。", 1),
    ],
)
def test_other_crowds_and_counts_are_other_arrests(text, arrests):
    import newsie

    doc = newsie.load()(text, published="2019-11-12T12:00:00+08:00")
    assert len([e for e in doc.events if e.type == "arrest"]) == arrests
