"""Role filling rules of the template matcher."""

from __future__ import annotations

import pytest

from tests.events.conftest import annotate

ENTITIES = {
    "ORG": ["红队", "蓝队", "xAI", "英伟达", "韩国科学技术信息通信部", "三星电子", "现代汽车"],
    "PERSON": ["张三", "柳济明"],
    "TITLE": ["联合创始人", "次官"],
    "GPE": ["韩国", "首尔", "法国", "德国"],
}


def test_passive_swaps_winner_and_loser(extract):
    events = [e for e in extract(annotate("蓝队被红队击败。", ENTITIES)) if e.type == "match_win"]
    assert [(e.get("winner"), e.get("loser")) for e in events] == [("红队", "蓝队")]


def test_team_of_a_country(extract):
    (win,) = [e for e in extract(annotate("法国队击败德国队。", ENTITIES)) if e.type == "match_win"]
    assert (win.get("winner"), win.get("loser")) == ("法国队", "德国队")


def test_affiliation_gives_the_organisation(extract):
    doc = annotate("xAI联合创始人张三于周三在X平台宣布离开。", {**ENTITIES, "ORG": ["xAI", "X平台"]})
    (departure,) = [e for e in extract(doc) if e.type == "departure"]
    assert departure.get("organization") == "xAI"
    assert departure.get("position") == "联合创始人"


def test_list_through_a_representative_and_context(extract):
    doc = annotate(
        "在首尔，韩国科学技术信息通信部次官柳济明携手三星电子、现代汽车成立工作组。"
        "此举将推进英伟达GPU的采购计划。",
        ENTITIES,
    )
    (procurement,) = [e for e in extract(doc) if e.type == "procurement"]
    assert [a.text for a in procurement.all("buyer")] == ["韩国科学技术信息通信部", "三星电子", "现代汽车"]
    assert procurement.get("seller") == "英伟达"
    assert procurement.get("item") == "GPU"


def test_nominal_person(extract):
    doc = annotate("一名男子被警方刑事拘留。", {})
    (arrest,) = [e for e in extract(doc) if e.type == "arrest"]
    assert arrest.get("arrested") == "一名男子"
    assert arrest.get("arrester") == "警方"


def test_trigger_tagger_replaces_trigger_words():
    from newsie.events.extractor import EventExtractor
    from newsie.events.template import select_templates

    def tagger(text):
        position = text.find("战胜")
        return [("竞赛行为-胜负", position, position + 2)] if position >= 0 else []

    doc = annotate("红队战胜蓝队，张三离职。", ENTITIES)
    events = EventExtractor(select_templates(None), trigger_tagger=tagger)(doc).events
    assert [(e.type, e.get("winner"), e.get("loser")) for e in events] == [("match_win", "红队", "蓝队")]


def test_confidence_is_bounded_and_lower_for_borrowed_roles(extract):
    doc = annotate("张三从xAI离职。他随后创办了英伟达。", {**ENTITIES, "ORG": ["xAI", "英伟达"]})
    events = extract(doc)
    assert all(0.0 <= e.confidence <= 1.0 for e in events)
    founding = next(e for e in events if e.type == "founding")
    assert founding.get("founder") == "张三"  # from the previous sentence
    departure = next(e for e in events if e.type == "departure")
    assert founding.confidence < departure.confidence + 0.2


def test_learned_trigger_recipe_on_a_toy_file(tmp_path):
    import json

    from newsie.events.learned import TriggerTagger, train
    from newsie.stages.events import EventStage

    records = [
        {"id": f"toy{i}", "text": text, "event_list": [
            {"event_type": "竞赛行为-胜负", "trigger": "战胜", "trigger_start_index": text.index("战胜"),
             "arguments": []}]}
        for i, text in enumerate(["红队战胜蓝队。", "蓝队战胜红队。", "白队今天战胜黑队。"] * 5)
    ]
    data = tmp_path / "toy.json"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    model = tmp_path / "toy.crfsuite"
    report = train(data, model, include_dev=True, max_iterations=5)
    assert report["sentences"] == 15 and model.is_file()
    assert TriggerTagger(model)("红队战胜蓝队。") == [("竞赛行为-胜负", 2, 4)]
    doc = EventStage(trigger_model=str(model))(annotate("红队战胜蓝队。", ENTITIES))
    assert [(e.type, e.get("winner"), e.get("loser")) for e in doc.events] == [("match_win", "红队", "蓝队")]


def test_unresolved_time_is_kept_as_text(extract):
    """Without a publication time 周三 has no value; the event keeps the expression."""
    from newsie.document import TimeMention

    text = "xAI联合创始人张三于周三在X平台宣布离开。"
    doc = annotate(text, {**ENTITIES, "ORG": ["xAI", "X平台"]})
    start = text.index("周三")
    doc.times = [TimeMention(start=start, end=start + 2, text="周三", label="TIME",
                             unresolved="no publication time")]
    (departure,) = [e for e in extract(doc) if e.type == "departure"]
    assert (departure.time, departure.time_text) == (None, "周三")


def test_possessor_yields_to_what_it_owns(extract):
    """北京队的商竣程: the player is the loser, not his team."""
    doc = annotate("浙江队的吴易昺战胜北京队的商竣程。", {"ORG": ["浙江队", "北京队"], "PERSON": ["吴易昺", "商竣程"]})
    (win,) = [e for e in extract(doc) if e.type == "match_win"]
    assert (win.get("winner"), win.get("loser")) == ("吴易昺", "商竣程")


def test_guest_who_came_to_china_is_the_visitor(extract):
    """会见来华进行正式访问的X: X visits China and is the guest; the host visits no one."""
    doc = annotate(
        "国家主席习近平在北京人民大会堂会见来华进行正式访问的澳大利亚总理阿尔巴尼斯。",
        {"PERSON": ["习近平", "阿尔巴尼斯"], "GPE": ["澳大利亚"], "LOC": ["北京人民大会堂"],
         "TITLE": ["国家主席", "总理"]},
    )
    events = extract(doc)
    (meeting,) = [e for e in events if e.type == "meeting"]
    assert (meeting.get("party"), meeting.get("counterpart")) == ("习近平", "阿尔巴尼斯")
    (visit,) = [e for e in events if e.type == "visit"]
    assert (visit.get("visitor"), visit.get("destination")) == ("阿尔巴尼斯", "华")


def test_person_named_by_office(extract):
    """韩正会见印度外长: the guest is the minister (country + office), and the country is
    not the place of the meeting; an appointment still takes the office apart."""
    entities = {"PERSON": ["韩正", "张三"], "GPE": ["印度"], "ORG": ["外交部"],
                "TITLE": ["外长", "部长"]}
    (meeting,) = [e for e in extract(annotate("韩正会见印度外长。", entities)) if e.type == "meeting"]
    assert meeting.get("counterpart") == "印度外长" and meeting.get("place") is None
    (appointment,) = [
        e for e in extract(annotate("张三出任外交部部长。", entities)) if e.type == "appointment"
    ]
    assert (appointment.get("person"), appointment.get("position")) == ("张三", "部长")



@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("柏诚股份、圣晖集成、中瓷电子", ["柏诚股份", "圣晖集成", "中瓷电子"]),
        ("社区民众、学校、机构及协力团队", ["社区民众", "学校", "机构", "协力团队"]),
        ("甲公司、乙公司以及丙公司", ["甲公司", "乙公司", "丙公司"]),
        ("星河集团及其子公司", ["星河集团及其子公司"]),  # no list: as captured
        ("老挝人民革命党中央总书记、国家主席通伦", ["老挝人民革命党中央总书记、国家主席通伦"]),
    ],
)
def test_list_members_of_a_capture(text, members):
    """A captured list is split at 、 and at 及 / 以及 before its last item, when every
    item is a short name; the members keep their offsets."""
    from newsie.events.extractor import _list_members
    from newsie.events.mention import Filler

    found = _list_members(Filler(10, 10 + len(text), text, "TEXT"))
    assert [f.text for f in found] == members
    assert all(text[f.start - 10 : f.end - 10] == f.text for f in found)


def test_a_place_one_went_to_is_no_participant(extract):
    """前往首尔…采购: 首尔 is where the buyer went, never the buyer."""
    doc = annotate("三星电子派员前往首尔多家门店采购了4台服务器。", ENTITIES)
    buyers = [e.get("buyer") for e in extract(doc) if e.type == "procurement"]
    assert buyers == ["三星电子"]


@pytest.mark.parametrize(
    ("text", "item", "quantity"),
    [
        ("三星电子采购了4部手机。", "手机", "4部"),  # the measure word goes with the count
        ("去年韩国购买的11亿吨铁矿石中，65%来自澳大利亚。", "铁矿石", "11亿吨"),  # 购买的X中
    ],
)
def test_what_was_bought_and_how_much(extract, text, item, quantity):
    (procurement,) = [e for e in extract(annotate(text, ENTITIES)) if e.type == "procurement"]
    assert (procurement.get("item"), procurement.get("quantity")) == (item, quantity)

