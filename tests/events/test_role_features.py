"""Role choice as named features (``newsie.events.roles.FEATURES``): each feature on its
own, as a table of (sentence, filler, expected value), and each one deciding a choice.

A sentence marks the trigger with ``[...]``, the filler looked at with ``{...}`` and any
other filler with ``<...>``; a filler's label follows its closing mark (``{华为}ORG``).
"""

from __future__ import annotations

import pytest
import regex

from newsie.events.clauses import _clause_bounds, _clause_of
from newsie.events.mention import Filler
from newsie.events.models import Trigger
from newsie.events.roles import FEATURES, Candidacy, _choose, bound, far_bonus, score
from newsie.events.template import Role

_MARK = regex.compile(
    r"\[(?P<t>[^\]]+)\]|\{(?P<f>[^}]+)\}(?P<fl>[A-Z]+)?|<(?P<o>[^>]+)>(?P<ol>[A-Z]+)?"
)
_BY_NAME = {feature.name: feature for feature in FEATURES}


def _parse(marked: str) -> tuple[str, Trigger, Filler | None, list[Filler]]:
    """The plain text, its trigger, the marked filler and all fillers (the marked first)."""
    text, trigger, marked_filler, others = "", None, None, []
    position = 0
    for match in _MARK.finditer(marked):
        text += marked[position : match.start()]
        position = match.end()
        start = len(text)
        if match.group("t"):
            text += match.group("t")
            trigger = Trigger(text=match.group("t"), start=start, end=len(text))
            continue
        word = match.group("f") or match.group("o")
        label = match.group("fl") or match.group("ol") or "PERSON"
        text += word
        filler = Filler(start, len(text), word, label, nominal=label == "NOMINAL")
        if filler.nominal:
            filler.label = "PERSON"
        if match.group("f"):
            marked_filler = filler
        else:
            others.append(filler)
    text += marked[position:]
    fillers = ([marked_filler] if marked_filler else []) + others
    return text, trigger, marked_filler, fillers


def _candidacy(marked: str, role: Role, taken: tuple[str, ...] = (), other_cues=()) -> tuple:
    text, trigger, filler, fillers = _parse(marked)
    clauses = _clause_bounds(text, 0, len(text))
    taken_fillers = [f for f in fillers if f.text in taken]
    candidates = [f for f in fillers if f.label in role.labels and f not in taken_fillers]
    places = {f.end: f.start for f in fillers if f.label in ("GPE", "LOC")}
    candidacy = Candidacy(
        text,
        trigger,
        role,
        clauses,
        _clause_of(clauses, trigger.start),
        candidates,
        fillers,
        taken_fillers,
        tuple(other_cues),
        places,
    )
    return candidacy, filler


def _chosen(marked: str, role: Role, taken: tuple[str, ...] = ()) -> list[Filler]:
    """What :func:`_choose` picks for ``role`` in a marked sentence."""
    c, _ = _candidacy(marked, role, taken)
    return _choose(
        c.text, c.candidates, c.trigger, c.clauses, c.trigger_clause, role, c.fillers, c.taken
    )


PERSON = Role(labels=("PERSON",))
ORG = Role(labels=("ORG", "GPE"))
PLACE = Role(labels=("GPE", "LOC"))
RECIPIENT = Role(labels=("ORG", "GPE"), cues=("向", "给"))
LEAVER = Role(labels=("PERSON",), side="before")
THANKER = Role(labels=("PERSON", "ORG", "GPE"), side="before", speaker=True)


FEATURE_ROWS = [
    ("distance", "{张伟}出任局长后[辞职]", PERSON, (), (), 5),
    ("distance", "[会见]了{李强}", PERSON, (), (), 1),
    ("distance", "{李强}[会见]", PERSON, (), (), 0),
    ("clause_gap", "{张伟}表示，公司已[辞职]", PERSON, (), (), 1),
    ("clause_gap", "{张伟}日前[辞职]", PERSON, (), (), 0),
    ("length", "{香港大埔区宏福苑}LOC发生[火灾]", PLACE, (), (), 8),
    ("role_cue", "华为向{红十字会}ORG[捐赠]", RECIPIENT, (), (), 1),
    ("role_cue", "{红十字会}ORG[捐赠]", RECIPIENT, (), (), 0),
    ("other_role_cue", "为{华为}ORG[授牌]", ORG, (), ("为",), 1),
    ("other_role_cue", "{华为}ORG[授牌]", ORG, (), ("为",), 0),
    ("in_other_phrase", "<习近平>向<塞舌尔>GPE当选总统{赫米尼耶}[致贺电]", PERSON, (), ("向",), 1),
    ("in_other_phrase", "{习近平}向<塞舌尔>GPE当选总统<赫米尼耶>[致贺电]", PERSON, (), ("向",), 0),
    ("in_other_phrase", "向{赫米尼耶}[致贺电]", PERSON, (), ("向",), 0),  # right after: other_role_cue
    ("in_other_phrase", "<习近平>就{村山富市}逝世向<石破茂>[致唁电]", PERSON, (), ("向",), 1),
    ("in_other_phrase", "<习近平>就{村山富市}[逝世]", PERSON, (), ("向",), 0),  # the topic's own verb
    ("in_other_phrase", "向<日本>GPE，{张伟}[致电]", PERSON, (), ("向",), 0),  # a clause break closes it
    ("in_topic_clause", "<总领馆>ORG已就{火箭队}ORG的言论，向对方[提出交涉]", ORG, (), (), 1),
    ("in_topic_clause", "{总领馆}ORG已就<火箭队>ORG的言论，向对方[提出交涉]", ORG, (), (), 0),
    ("in_topic_clause", "<总领馆>ORG就{火箭队}ORG的言论[提出交涉]", ORG, (), (), 0),  # one clause
    ("in_topic_clause", "{总领馆}ORG就是这样，[提出交涉]", ORG, (), (), 0),  # 就是: no topic
    ("in_topic_clause", "<台南市>GPE为让{市民}NOMINAL有更好的托育环境，目前已[设立]", PERSON, (), (), 1),
    ("pattern_capture", "{一所学校}TEXT遭[袭击]", ORG, (), (), 1),
    ("pattern_capture", "{一所学校}ORG遭[袭击]", ORG, (), (), 0),
    ("nominal", "{一名男子}NOMINAL[死亡]", PERSON, (), (), 1),
    ("nominal", "{张伟}[死亡]", PERSON, (), (), 0),
    ("possessor", "[击败]{北京队}ORG的<商竣程>", Role(labels=("PERSON", "ORG")), (), (), 1),
    ("possessor", "[击败]{北京队}ORG和<商竣程>", Role(labels=("PERSON", "ORG")), (), (), 0),
    ("affiliation", "{xAI}ORG<联合创始人>TITLE<Igor>[离职]", ORG, ("Igor",), (), 1),
    ("affiliation", "{xAI}ORG<联合创始人>TITLE<Igor>[离职]", ORG, (), (), 0),
    ("affiliation", "{xAI}ORG宣布，<Igor>[离职]", ORG, ("Igor",), (), 0),
    ("setting", "在{广西}GPE<南宁>GPE[会见]", ORG, (), (), 1),
    ("setting", "{广西}GPE[会见]", ORG, (), (), 0),
    ("setting", "在{广西}GPE[会见]", PLACE, (), (), 0),
    ("beaten", "<李培楠>击败韩国选手{Maru}[夺冠]", PERSON, (), (), 1),
    ("beaten", "{李培楠}击败韩国选手<Maru>[夺冠]", PERSON, (), (), 0),
    ("beaten", "<李培楠>[击败]韩国选手{Maru}", PERSON, (), (), 0),  # the win itself: its loser
    ("title_holder", "[会见]{缅甸}GPE代<总统>TITLE<敏昂莱>", Role(labels=("PERSON", "GPE")), (), (), 1),
    ("title_holder", "{巴西副总统}NOMINAL兼工业与贸易<部长>TITLE<阿尔克明>[会见]", PERSON, (), (), 1),
    ("title_holder", "[会见]{缅甸}GPE的<总统>TITLE<敏昂莱>", Role(labels=("PERSON", "GPE")), (), (), 0),
    ("title_holder", "[会见]{缅甸}GPE<总统>TITLE", Role(labels=("PERSON", "GPE")), (), (), 0),
    ("speaker", "{黄伟哲}表示，<臺南市>GPE屡获佳绩，这是共同努力的成果，再次[感谢]社区民众", THANKER, (), (), 1),
    ("speaker", "{杨峰}介绍，<司机>NOMINAL清醒过来后，对他表示了[感谢]", THANKER, (), (), 0),  # another person
    ("speaker", "{黄伟哲}表示，<王毅>[感谢]李强", THANKER, (), (), 0),  # the clause names one
    # a person inside another clause, not its subject, stands in no one's way; 提到 reports
    ("speaker", "{黄伟哲}也特别提到，让蔬食成为<孩子>NOMINAL喜爱的选择，再次[感谢]校厨", THANKER, (), (), 1),
    ("speaker", "{黄伟哲}表示，再次[感谢]社区民众", LEAVER, (), (), 0),  # no speaker role
    ("relative_head", "即将[离任]的<港大>ORG校长{马斐森}", LEAVER, (), (), 1),
    ("relative_head", "{马斐森}[离任]", LEAVER, (), (), 0),
    # a name set off by spaces after its description (去世的美籍华裔物理学家 张首晟 ，)
    ("relative_head", "去年底[去世]的美籍华裔物理学家 {张首晟} ，", LEAVER, (), (), 1),
    ("relative_head", "[被捕]的男子{张某}", LEAVER, (), (), 0),  # who underwent it
    ("relative_head", "出席[峰会]的{马哈马}", Role(labels=("PERSON", "ORG"), side="before"), (), (), 0),
]


@pytest.mark.parametrize(
    ("feature", "marked", "role", "taken", "other_cues", "expected"), FEATURE_ROWS
)
def test_feature_value(feature, marked, role, taken, other_cues, expected):
    candidacy, filler = _candidacy(marked, role, taken, other_cues)
    assert _BY_NAME[feature].value(candidacy, filler) == expected


def test_every_feature_has_a_row():
    """No feature without its table rows above (and no row of a feature that is gone)."""
    rows = {row[0] for row in FEATURE_ROWS}
    assert rows == set(_BY_NAME)


@pytest.mark.parametrize(
    ("marked", "role", "taken", "expected"),
    [
        # distance: the nearest
        ("<李强>会见了<王毅>，{张伟}[辞职]", PERSON, (), "张伟"),
        # clause_gap beats distance: 王毅 is three characters nearer, but in another clause
        ("{张伟}日前表示将[辞职]，<王毅>", PERSON, (), "张伟"),
        # role_cue beats distance: 向 marks the recipient
        ("<腾讯>ORG向{红十字会}ORG[捐赠]", RECIPIENT, (), "红十字会"),
        # nominal: a name at about the same distance wins
        ("{张伟}救<一名男子>NOMINAL后[遇难]", PERSON, (), "张伟"),
        # affiliation: the person's own organisation, though another is nearer
        ("{xAI}ORG<联合创始人>TITLE<Igor>[离开]<公司>ORG", ORG, ("Igor",), "xAI"),
        # beaten: who won goes on to the next act, not whom the win beat, though nearer
        ("{李培楠}击败韩国选手<Maru>[夺冠]", PERSON, (), "李培楠"),
        # title_holder: the person the country's title names, though the country is nearer
        ("[会见]了<缅甸>GPE代<总统>TITLE{敏昂莱}", Role(labels=("PERSON", "GPE")), (), "敏昂莱"),
        # speaker: who says the sentence thanks, though a person inside it is nearer
        ("{黄伟哲}也特别提到，台南推动蔬食政策，让蔬食成为<孩子>NOMINAL喜爱的选择，再次[感谢]校厨",
         THANKER, (), "黄伟哲"),
        # setting: 在广西南宁 is where, not who
        ("在<广西>GPE<南宁>GPE，{区政府}ORG[宣布]", ORG, (), "区政府"),
    ],
)
def test_feature_decides_choice(marked, role, taken, expected):
    chosen = _chosen(marked, role, taken)
    assert [f.text for f in chosen] == [expected]


@pytest.mark.parametrize(
    "marked",
    [
        "华为向{红十字会}ORG[捐赠]",
        "{xAI}ORG<联合创始人>TITLE<Igor>[离职]",
        "在{广西}GPE<南宁>GPE[会见]",
        "{一所学校}TEXT遭[袭击]",
        "[击败]{北京队}ORG的<商竣程>",
    ],
)
def test_bound_is_never_below_score(marked):
    for role, taken in ((RECIPIENT, ()), (ORG, ("Igor",)), (Role(labels=("ORG", "PERSON")), ())):
        candidacy, _ = _candidacy(marked, role, taken)
        for candidate in candidacy.candidates:
            assert bound(candidacy, candidate) >= score(candidacy, candidate)


def test_far_bonus_counts_what_a_far_filler_can_reach():
    person = Filler(0, 2, "张伟", "PERSON")
    assert far_bonus(PERSON, [], 10) == pytest.approx(0.1)  # the length only
    assert far_bonus(RECIPIENT, [], 10) == pytest.approx(30.1)  # and the role's cue
    assert far_bonus(ORG, [person], 10) == pytest.approx(40.1)  # and the affiliation


@pytest.mark.parametrize(
    ("marked", "role", "expected"),
    [
        # a role of organisations takes the whole list, though not declared multiple
        (
            "<俄罗斯联邦安全局>ORG、<调查委员会>ORG以及{内务部}ORG一起[拘留]了一个团伙",
            ORG,
            ["俄罗斯联邦安全局", "调查委员会", "内务部"],
        ),
        ("{张伟}和<李娜>[辞职]", PERSON, ["张伟", "李娜"]),
        # a place role takes one
        ("<北京>GPE、{上海}GPE[举行]", PLACE, ["上海"]),
        # no list across a verb
        ("<张伟>表示{李娜}[辞职]", PERSON, ["李娜"]),
    ],
)
def test_lists_of_people_and_organisations(marked, role, expected):
    chosen = _chosen(marked, role)
    assert [f.text for f in chosen] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("此举旨在推进英伟达GPU的采购计划。", True),
        ("他随后创办了英伟达。", True),
        ("在联合创立xAI之前，他曾是谷歌研究团队的骨干成员。", True),
        ("全国企业采购机械设备类金额同比增长7.3%。", False),
        ("老岭保护站于2019年成立，守护着大片森林。", False),
        ("其他企业也在采购。", False),  # 其他: no pronoun
    ],
)
def test_a_sentence_that_points_back(text, expected):
    """A role whose context is 'linked' is borrowed from an earlier sentence only when the
    event's sentence points back: by its opening or a person pronoun."""
    from types import SimpleNamespace

    from newsie.events.roles import _points_back

    assert _points_back(text, SimpleNamespace(start=0, end=len(text))) is expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a name inside a setting 在…上 closes is where, not who, for an event outside it
        ("范国威涉嫌在立法会《逃犯条例》{法案委员会}ORG上与议员起冲突，被[控]藐视罪。", True),
        ("范国威涉嫌在{立法会}ORG《逃犯条例》法案委员会上与议员起冲突，被[控]藐视罪。", True),
        # ... but a setting that holds the trigger holds its participants
        ("张三在与{李四}PERSON[会谈]中表示感谢。", False),
        # ... and a setting left open (在北京会见) is no closed setting
        ("习近平在北京[会见]{普京}PERSON。", False),
    ],
)
def test_a_name_inside_a_closed_setting(marked, expected):
    from newsie.events.roles import _inside_a_setting

    text, trigger, filler, _ = _parse(marked)
    assert _inside_a_setting(text, filler, trigger) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("父母随即向当地公安局报案。", "当地公安局", True),
        ("他已向网信办、公安部门报警。", "网信办", True),
        ("他已向网信办、公安部门报警。", "公安部门", True),  # an item of the list 向 opens
        ("美国对伊朗实施制裁。", "伊朗", True),
        ("美国对伊朗实施制裁。", "美国", False),
        ("网信办、公安部门均已报警。", "公安部门", False),  # a list with no cue: the doers
        ("反对美国的制裁。", "美国", False),  # 反对 is a verb, no cue
    ],
)
def test_in_object_phrase(text, name, expected):
    """Whom 向 or 对 opens before the trigger, alone or in a list, is no doer."""
    from newsie.events.roles import in_object_phrase

    start = text.index(name)
    filler = Filler(start, start + len(name), name, "ORG")
    at = regex.search("报案|报警|制裁", text).start()
    trigger = Trigger(start=at, end=at + 2, text=text[at : at + 2])
    assert in_object_phrase(text, filler, trigger) is expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a place in an earlier clause that describes something else there
        ("对于{美国}GPE方面称将加征关税，阿尔克明15日与行业代表[举行会议]。", True),
        ("文章引述旅居{美國}GPE的前官員稱，去年底[去世]的張首晟…", True),
        # ... but the subject of the clause before, or a setting after 在, is where
        ("{中大二號橋}LOC昨午再爆衝突，有黑衣人向警方[掟]汽油彈。", False),
        ("峰會將在{日本大阪}GPE舉行，習近平和特朗普會在峰會上[會晤]。", False),
        # ... and a place in the trigger's own clause is not another clause's
        ("阿尔克明在{巴西利亚}GPE[举行会议]。", False),
    ],
)
def test_a_place_of_another_clause(marked, expected):
    from newsie.events.roles import _place_of_another_clause

    text, trigger, filler, _ = _parse(marked)
    clauses = _clause_bounds(text, 0, len(text))
    assert _place_of_another_clause(text, clauses, _clause_of(clauses, trigger.start), filler) is expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a name inside a quoted name or slogan that does not hold the trigger
        ("市府將聯合[舉辦]「{臺南}GPE圈起來」抽獎活動。", True),
        ("鼓勵據點響應「低碳環保愛{地球}LOC」的理念，[舉辦]活動。", True),
        # ... but a name quoted by itself, or a quote that holds the trigger
        ("市府與「{華為}ORG」[合作]。", False),
        ("他表示：「[感謝]{特種搜救隊}ORG深入災區。」", False),
    ],
)
def test_a_name_inside_a_quote(marked, expected):
    from newsie.events.roles import _inside_a_quote

    text, trigger, filler, _ = _parse(marked)
    assert _inside_a_quote(text, filler, trigger) is expected


@pytest.mark.parametrize(
    ("text", "trigger", "name", "next_word", "expected"),
    [
        # after a break, the name right before the next predicate is its subject
        ("張三襲擊李四，王五再打傷他人", "襲擊", "王五", "打傷", True),
        ("市府志工表揚　黃偉哲感謝志工", "表揚", "黃偉哲", "感謝", True),  # a title's space
        # ... but not an object right after the trigger, with no break
        ("張三襲擊李四後逃走", "襲擊", "李四", "逃走", False),
    ],
)
def test_the_subject_of_the_next_predicate(text, trigger, name, next_word, expected):
    from newsie.events.roles import _opens_next_predicate

    at, start = text.index(trigger), text.index(name)
    filler = Filler(start, start + len(name), name, "PERSON")
    found = Trigger(start=at, end=at + len(trigger), text=trigger)
    assert _opens_next_predicate(text, filler, found, text.index(next_word)) is expected
