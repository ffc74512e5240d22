"""Cases from reading extracted 新闻联播 events by hand: texts that are no event, and
roles that must go to the right participant."""

from __future__ import annotations

import pytest

import newsie
from newsie.time import find_times


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


def _events(nlp, text: str) -> list[tuple[str, dict[str, list[str]]]]:
    doc = nlp(text, published="2025-11-27T19:00:00+08:00")
    return [(event.type, event.roles) for event in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "国务院新闻办公室今天发布《新时代的中国军控、裁军与防扩散》白皮书。",
        "全球服务贸易联盟发布了《全球服务贸易指数报告2025》。",
        "会上介绍了日前发布的《关于增强消费品供需适配性的实施方案》。",
        "印度民航总局14日发布指令，要求各航空公司检查燃油开关。",
        "嫦娥六号月球样品最新研究成果发布。",
        "受政府停摆影响，联邦政府经济数据推迟发布。",
        "学院办公室1月28日发布《2023年春季学期学生返校入学须知》。",
        # a policy, a draft for comment, progress; a source credited; a platform; a warplane
        "自美國發布關稅政策迄4月底止，已向工會宣導。",
        "此前，广东省深圳市曾发布征求意见稿，对生育第三个子女拟发放补贴。",
        "融创中国涨2.28%，发布公司境外债务重组计划最新进展。",
        "（极目新闻综合吕梁发布、澎湃新闻、黄河新闻网信息）",
        "新華視點是新華社官方微博，重大新聞權威首發平台。",
        "传闻已久的中国隐形舰载战斗机正式亮相。",
    ],
)
def test_publishing_a_text_is_no_product_launch(nlp, text):
    assert "product_launch" not in [event_type for event_type, _ in _events(nlp, text)]


def test_product_launch_still_found(nlp):
    assert ("product_launch", {"company": ["华为"], "product": ["Mate 80"]}) in _events(
        nlp, "华为今天发布新款手机“Mate 80”。"
    )


def test_meeting_host_is_the_person_not_the_city_and_guest_the_representative(nlp):
    events = dict(
        _events(nlp, "国家主席习近平15日上午在北京人民大会堂会见来华访问的澳大利亚总理阿尔巴尼斯。")
    )
    assert events["meeting"]["party"] == ["习近平"]
    assert events["meeting"]["counterpart"] == ["阿尔巴尼斯"]


def test_a_nationality_is_no_agent(nlp):
    events = dict(_events(nlp, "嫌疑人是一名29岁的阿富汗公民，已被警方逮捕。"))
    assert all("阿富汗" not in texts for texts in events["arrest"].values())


def test_dates_inside_web_addresses_are_not_times():
    text = "[查看原文](https://tv.cctv.com/2025/11/06/VIDE1234.shtml) 博览会11月6日开幕"
    found = [text[m.start : m.end] for m in find_times(text, None)]
    assert found == ["11月6日"]


def test_a_nationality_is_no_place_either(nlp):
    events = _events(nlp, "一名阿富汗籍男子在华盛顿特区袭击了两名国民警卫队队员。")
    places = [arg for _, roles in events for arg in roles.get("place", [])]
    assert events and "阿富汗" not in places


def test_a_pair_of_country_initials_is_a_relation_not_a_place():
    from newsie.document import Document, Entity
    from newsie.events.fillers import _document_fillers

    text = "双方将推动中柬关系发展，在北京签署合作协议。"
    doc = Document(text=text)
    doc.entities = [
        Entity(start=5, end=7, text="中柬", label="GPE"),
        Entity(start=13, end=15, text="北京", label="GPE"),
    ]
    assert [f.text for f in _document_fillers(doc)] == ["北京"]
    doc = Document(text="印尼和巴西代表出席。")
    doc.entities = [
        Entity(start=0, end=2, text="印尼", label="GPE"),
        Entity(start=3, end=5, text="巴西", label="GPE"),
    ]
    # names, not pairs (and the representative a country names: 巴西代表)
    assert [f.text for f in _document_fillers(doc)] == ["印尼", "巴西代表", "巴西"]


@pytest.mark.parametrize(
    "text",
    [
        "日本在野党认为，相关官员应辞职。",
        "联合国呼吁冲突双方的领导人立即停火。",
        "积极提倡以政府购买医疗保障服务的方式。",
    ],
)
def test_a_call_or_a_demand_is_no_event(nlp, text):
    # what is called for is no event; the call itself is one (call_for, CAMEO 02)
    assert [e for e in _events(nlp, text) if e[0] not in ("call_for", "demand")] == []


def test_the_same_words_elsewhere_still_make_events(nlp):
    assert [t for t, _ in _events(nlp, "张三宣布辞职。")] == ["departure"]


@pytest.mark.parametrize(
    "text",
    [
        "公司沉痛哀悼遇难者，并向受伤人员及其家属致以深切慰问。",  # the injured, as a noun
        "一名男子前往医院看望受伤群众。",
    ],
)
def test_the_injured_named_as_people_is_no_injury(nlp, text):
    assert "injury" not in [event_type for event_type, _ in _events(nlp, text)]


def test_an_election_won_is_an_appointment_unless_talked_of(nlp):
    # 当选…后 of a past election takes the post; followed by 会 / 将 it is talked of
    types = [event_type for event_type, _ in _events(nlp, "李四當選總統後，帶來一股清流。")]
    assert "appointment" in types
    types = [event_type for event_type, _ in _events(nlp, "李四说，当选特首后会继续落区。")]
    assert "appointment" not in types and "election" not in types


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # whom one apologises to is marked (向, 对, 给): with no mark, the one before is who
        ("张三向李四道歉。", {"apologizer": ["张三"], "recipient": ["李四"]}),
        ("林郑月娥昨日原本到天水围见基层，她回应时再次致歉。", {"apologizer": ["林郑月娥"]}),
        ("李四对此表示道歉。", {"apologizer": ["李四"]}),  # 对此: about this
        # a platform after 在 is where it was said, not who said it
        ("张三在微博道歉。", {"apologizer": ["张三"]}),
    ],
)
def test_apology_roles(nlp, text, roles):
    assert ("apology", roles) in _events(nlp, text)


def test_a_subject_inside_a_setting_that_holds_the_trigger_stays_the_subject(nlp):
    events = _events(nlp, "在韩国队击败吉尔吉斯斯坦晋级8强的赛后采访中，前锋严源相表现得非常亢奋。")
    assert ("match_win", {"winner": ["韩国队"], "loser": ["吉尔吉斯斯坦"]}) in events


@pytest.mark.parametrize(
    ("text", "trigger_at"),
    [
        # of 开除党籍、开除公职 the dismissal is the second: the party is no employer
        ("2023年2月，李浩受到开除党籍、开除公职处分。", "开除公职"),
        # ... while one 开除 of 开除党籍和公职 tells both
        ("2022年8月，胡海军被开除党籍和公职。", "开除党籍"),
    ],
)
def test_the_dismissal_of_a_party_expulsion_and_a_dismissal_is_the_dismissal(nlp, text, trigger_at):
    doc = nlp(text, published="2025-11-27T19:00:00+08:00")
    assert [e.trigger.start for e in doc.events if e.type == "dismissal"] == [text.index(trigger_at)]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a question is no event: it asks how long, or its clause asks and ends in ？
        ("究竟罗冠聪、黄之锋和周永康，会被判入狱多久，十个月还是一年？", "imprisonment"),
        ("中国是否在联合国游说其他国家赞扬本国人权？", "praise"),
    ],
)
def test_a_question_is_no_event(nlp, text, event_type):
    assert event_type not in [t for t, _ in _events(nlp, text)]


def test_a_headline_ending_in_a_question_mark_still_tells(nlp):
    # only the question mark, no question word: 召回 is told (as DuEE reads such headlines)
    types = [t for t, _ in _events(nlp, "丰田宣布召回70多万辆汽车 包括您家爱车吗？")]
    assert "recall" in types


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("有网友觉得区长是个见过世面的人。", "death"),  # 过 and 世面
        ("网友的评论获得了超10万个点赞。", "praise"),  # likes counted
        ("覃海洋首次获得劳伦斯世界体育奖提名。", "award"),  # a nomination
        ("该奖项旨在表彰体育界的个人和团队。", "praise"),  # a purpose
        ("评审团选出表现卓越的运动员，用以表彰他们所取得的成就。", "praise"),
        ("陈湘萍利用担任县整治办副主任分管财务的职务便利挪用公款。", "appointment"),  # a post used
        ("本案不涉及同性伴侣有权根据本港法律结婚的议题。", "marriage"),  # a right
        ("按已婚与否判断是否授予某种权利属合适做法，例如离婚权。", "divorce"),
    ],
)
def test_words_of_another_sense_or_a_purpose_are_no_event(nlp, text, event_type):
    assert event_type not in [t for t, _ in _events(nlp, text)]


def test_a_movement_named_has_no_organizer_in_its_sentence(nlp):
    # 佔領運動 names the whole movement: 阿輝 is who was not at its front line
    events = _events(nlp, "阿輝數年前已調去後勤，所以佔領運動時並不在前線。")
    assert ("protest", {}) in events
    # a march of its own still has its marchers
    assert ("protest", {"count": ["数千名"], "organizer": ["数千名市民"]}) in _events(nlp, "数千名市民上街游行。")


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("恩施职业技术学院办公室发布《2023年春季学期学生返校入学须知》。", "《2023年春季学期学生返校入学须知》"),
        ("州教育局下发《关于建立高中以上阶段学校结核病筛查制度的通知》。", "《关于建立高中以上阶段学校结核病筛查制度的通知》"),
    ],
)
def test_notices_issued_are_policy_launches(nlp, text, policy):
    assert any(t == "policy_launch" and r.get("policy") == [policy] for t, r in _events(nlp, text))


def test_a_reception_office_is_no_report_charge_or_appeal(nlp):
    types = [t for t, _ in _events(nlp, "韩俊察看纪委监委检举控告申诉接待室等。")]
    assert not {"whistleblowing", "lawsuit", "appeal"} & set(types)
