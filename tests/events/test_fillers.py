"""What may fill a role (``newsie.events.fillers``): a country's side (中方) acts."""

from __future__ import annotations

import pytest

import newsie
from newsie.events.fillers import in_book_title


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


@pytest.mark.parametrize(
    ("text", "event_type", "role", "expected"),
    [
        ("敏昂莱表示，感谢中方迅速提供援助。", "thanks", "thanked", ["中方"]),
        ("国务委员表示，感谢美方为此所作的努力。", "thanks", "thanked", ["美方"]),
        # a side the segmenter reads as one word though the entity stage missed its
        # country (缅方); 方向 before a party is 方 and 向
        ("缅方感谢中方向缅地震灾区及时提供宝贵援助。", "thanks", "thanker", ["缅方"]),
        ("缅方感谢中方向缅地震灾区及时提供宝贵援助。", "thanks", "thanked", ["中方"]),
    ],
)
def test_country_side_fills_a_role(nlp, text, event_type, role, expected):
    (event,) = [e for e in nlp(text).all_events if e.type == event_type]
    assert event.roles[role] == expected


# (中方面临诸多挑战 is 中方|面临: the side faces them)
@pytest.mark.parametrize("text", ["在资源集中方面取得进展。", "他提出的中方案获得通过。"])
def test_side_needs_fang_as_a_word_of_its_own(nlp, text):
    doc = nlp(text)
    fillers = [
        a.text for e in doc.all_events for a in e.arguments
    ]
    assert "中方" not in fillers
    from newsie.events.fillers import _document_fillers

    assert "中方" not in {f.text for f in _document_fillers(doc)}


@pytest.mark.parametrize(
    ("text", "capture", "splits"),
    [
        ("空中巴士Fly Your Ideas竞赛", "ur Ideas竞赛", True),
        ("空中巴士Fly Your Ideas竞赛", "Fly Your Ideas竞赛", False),
        ("推出iPhone15手机", "Phone15手机", True),
        ("推出iPhone15手机", "iPhone1", True),
        ("推出iPhone15手机", "iPhone15手机", False),
        ("在香港联交所上市", "香港", False),  # a Han word may be cut: the segmenter is no judge
    ],
)
def test_a_capture_never_splits_a_latin_word(text, capture, splits):
    from newsie.events.extractor import _splits_a_latin_word
    from newsie.events.mention import Filler

    start = text.index(capture)
    filler = Filler(start, start + len(capture), capture, "TEXT")
    assert _splits_a_latin_word(text, filler) is splits


@pytest.mark.parametrize(
    ("text", "event_type", "role", "expected"),
    [
        # 该公司 points back to the company named in an earlier sentence
        ("中国移动昨日出现大面积网络故障。该公司随后向用户道歉。", "apology", "apologizer", ["中国移动"]),
        # a lead's common noun and the story's name are one person
        ("警方抓获一名男子。犯罪嫌疑人刘某某已被刑事拘留。", "arrest", "arrested", ["刘某某"]),
        # 该州, 该国, 该校 point back to a place or unit of their kind
        ("亚利桑那州正在吸引投资。该州正在与台积电进行谈判。", "talks", "party", ["亚利桑那州"]),
        ("美国昨日宣布制裁伊朗。该国已向联合国提出抗议。", "complaint", "actor", ["伊朗"]),
        ("清华大学昨日召开会议。该校向灾区捐赠100万元。", "donation", "donor", ["清华大学"]),
        # 本局 is the body that issues the text, named first (in the title)
        (
            "臺南市政府警察局人員異動\n苗栗縣警察局長王森瑒，調任本局副局長。",
            "appointment",
            "organization",
            ["臺南市政府警察局"],
        ),
        ("本局第二分局長劉怡宗，調陞本局警政監。", "appointment", "person", ["劉怡宗"]),
        # 总统先生 addresses the person last named with that title, in either script
        ("習近平會見印度尼西亞總統普拉博沃。\n習近平指出，總統先生克服困難來華出席紀念活動。", "visit",
         "visitor", ["普拉博沃"]),
        ("习近平会见印度尼西亚总统普拉博沃。\n习近平指出，总统先生克服困难来华出席纪念活动。", "visit",
         "visitor", ["普拉博沃"]),
    ],
)
def test_anaphors_and_names(nlp, text, event_type, role, expected):
    (event,) = [e for e in nlp(text).all_events if e.type == event_type]
    assert event.roles[role] == expected


def test_a_place_anaphor_before_an_office_names_no_participant(nlp):
    """该国首相会见…: 该国 says whose prime minister it is; it is no party of the meeting."""
    (event,) = [e for e in nlp("日本昨日发生强烈地震。该国首相会见了美国总统。").all_events if e.type == "meeting"]
    assert "日本" not in event.roles.get("party", [])


def test_an_addressed_title_does_not_merge_two_meetings(nlp):
    """王沪宁会见X … 习近平同总统先生举行会晤: two meetings, the second with X too."""
    text = (
        "王沪宁会见伊朗总统\n全国政协主席王沪宁2日在京会见伊朗总统佩泽希齐扬。\n"
        "王沪宁表示，今天下午，习近平主席同总统先生举行了富有成果的会晤。"
    )
    meetings = [e for e in nlp(text, published="2025-09-03").all_events if e.type == "meeting"]
    assert sorted(e.roles.get("party", [None])[0] for e in meetings) == ["习近平", "王沪宁"]
    assert all(e.roles.get("counterpart") == ["佩泽希齐扬"] for e in meetings)


def test_an_anaphor_never_points_into_its_own_sentence(nlp):
    """腾讯宣布收购该公司: the company bought is not 腾讯."""
    (event,) = [e for e in nlp("腾讯宣布收购该公司。").all_events if e.type == "acquisition"]
    assert "腾讯" not in event.roles.get("target", [])


@pytest.mark.parametrize(
    ("text", "event_type", "role", "expected"),
    [
        # a list ending in 等 and a head noun is one span (guidelines, section 9)
        ("黄仁勋本月将会见腾讯、字节跳动等企业高管。", "meeting", "counterpart", ["腾讯、字节跳动等企业高管"]),
        ("华为、腾讯等公司向灾区捐赠1亿元。", "donation", "donor", ["华为、腾讯等公司"]),
        # its members fill no other role
        ("华为、腾讯等公司向灾区捐赠1亿元。", "donation", "recipient", ["灾区"]),
    ],
)
def test_a_list_named_by_its_head_is_one_filler(nlp, text, event_type, role, expected):
    (event,) = [e for e in nlp(text).all_events if e.type == event_type]
    assert event.roles[role] == expected


@pytest.mark.parametrize(
    ("text", "event_type", "role", "expected"),
    [
        # a people named by its country (巴勒斯坦人): who died, with its count; not where
        ("以军当天袭击加沙城，造成至少45名巴勒斯坦人死亡。", "death", "deceased", ["45名巴勒斯坦人"]),
        ("造成3名中国人受伤。", "injury", "victim", ["3名中国人"]),
        # who travels and who serves, counted one by one
        ("机上123名旅客、9名机组成员全部遇难。", "death", "deceased", ["123名旅客", "9名机组成员"]),
        # a count with a bound word before it (数千, 300多) is whole
        ("数千名民众上街抗议。", "protest", "organizer", ["数千名民众"]),
    ],
)
def test_people_named_by_country_or_by_a_common_noun(nlp, text, event_type, role, expected):
    (event,) = [e for e in nlp(text).all_events if e.type == event_type]
    assert event.roles[role] == expected


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("造成45名巴勒斯坦人死亡。", ["45名巴勒斯坦人"]),
        ("中国人民银行收购一家公司。", []),  # 人民 is no people
        ("美国人寿收购一家公司。", []),  # nor is 人寿
        ("涉嫌杀害华人妻子的男子被捕。", []),  # 华人 describes the wife, who is the person
    ],
)
def test_a_country_and_ren_is_a_people_only_where_ren_ends_the_word(nlp, text, people):
    from newsie.events.fillers import _document_fillers

    fillers = _document_fillers(nlp(text))
    assert [f.text for f in fillers if f.label == "PERSON" and f.text.endswith("人")] == people


def test_a_word_of_a_book_title_is_nobody(nlp):
    from newsie.events.fillers import _document_fillers

    texts = {f.text for f in _document_fillers(nlp("議員在《逃犯條例》法案委員會上起衝突。"))}
    assert "逃犯" not in texts
    assert "一名逃犯" in {f.text for f in _document_fillers(nlp("警方抓获一名逃犯。"))}


@pytest.mark.parametrize(
    ("text", "word", "reach", "line", "inside"),
    [
        ("印发《2021年重点项目投资计划》", "投资计划", None, False, True),
        ("印发《2021年重点项目》投资计划", "投资计划", None, False, False),  # the title closed before
        ("《逃犯条例》修订", "逃犯", 30, False, True),
        ("《" + "长" * 40 + "逃犯条例》", "逃犯", 30, False, False),  # the opening mark out of reach
        ("《藍色任務：第14號海洋村的行動》", "14", 80, True, True),  # a title holds a colon
        ("《藍色任務\n第14號海洋村的行動》", "14", 80, True, False),  # but no line break
        ("《藍色任務\n第14號海洋村的行動》", "14", None, False, True),
    ],
)
def test_in_book_title(text, word, reach, line, inside):
    start = text.index(word)
    assert in_book_title(text, start, start + len(word), reach=reach, line=line) is inside


def test_a_quoted_name_around_an_organisation_is_one():
    """成立「打詐臺南隊」: the squad named in quotes, not only the team inside it."""
    from newsie.events.fillers import _quoted_names
    from newsie.events.mention import Filler

    text = "市府已成立「打詐臺南隊」，邀集各局處投入。"
    inner = Filler(text.index("臺南隊"), text.index("臺南隊") + 3, "臺南隊", "ORG")
    assert [(f.text, f.label) for f in _quoted_names(text, [inner])] == [("打詐臺南隊", "ORG")]
    alone = "市府與「華為」合作。"
    whole = Filler(alone.index("華為"), alone.index("華為") + 2, "華為", "ORG")
    assert _quoted_names(alone, [whole]) == []  # quoted by itself: nothing more


def test_titles_that_go_on_to_a_name_name_no_one_else():
    """民主黨創黨主席、資深大律師李柱銘: one person, named at the end of the chain of titles,
    not also a chairman named by office."""
    from types import SimpleNamespace

    from newsie.events.fillers import _named_after_more_titles

    text = "民主黨創黨主席、資深大律師李柱銘周六被捕"

    def span(word, label):
        start = text.index(word)
        return SimpleNamespace(start=start, end=start + len(word), label=label)

    entities = [span("民主黨", "ORG"), span("創黨主席", "TITLE"), span("大律師", "TITLE"), span("李柱銘", "PERSON")]
    assert _named_after_more_titles(text, entities, 1)
    assert not _named_after_more_titles(text, entities[:3], 1)  # no name after: an office
