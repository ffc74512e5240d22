"""A relation or title the model runs into a dotted name is not part of the name."""

from __future__ import annotations

import pytest

import newsie


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


@pytest.mark.parametrize(
    ("text", "person", "absent"),
    [
        ("他涉嫌谋杀其37岁的妻子梅·哈斯克尔。", "梅·哈斯克尔", "妻子梅·哈斯克尔"),
        ("据报道，约翰·史密斯昨天抵达。", "约翰·史密斯", None),
        # a name that merely starts like a relation word keeps its start
        ("联合国秘书长科菲·安南希望会议成功。", "科菲·安南", "科菲·安南希"),
    ],
)
def test_dotted_name_without_relation(nlp, text, person, absent):
    names = {e.text for e in nlp(text).entities if e.label == "PERSON"}
    assert person in names
    assert absent not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a day written 今(27)日 / 昨（9）日 is no part of the name beside it
        ("台南市政府今(27)日上午舉辦記者會。", "台南市政府"),
        ("昨(9)日臺南市政府、農業部共同舉辦採購日。", "臺南市政府"),
        ("臺南博物館節於今(17)日正式啟動。", None),
    ],
)
def test_a_bracketed_day_is_no_part_of_a_name(nlp, text, name):
    names = {e.text for e in nlp(text).entities}
    assert not any(("(" in n or "（" in n or n.startswith("日") or n[-1] in "今昨於") for n in names)
    if name is not None:
        assert name in names


def test_a_one_character_adverb_is_no_part_of_a_name(nlp):
    names = {e.text for e in nlp("除了S同學，社工陳虹秀亦上台發言。").entities if e.label == "PERSON"}
    assert "陳虹秀" in names
    assert "陳虹秀亦" not in names


def test_a_conjunction_after_a_title_is_no_part_of_a_name(nlp):
    """习近平主席|同|敏昂莱: the model ran the conjunction into the name after it."""
    names = {e.text for e in nlp("习近平主席同敏昂莱代总统举行了会晤。").entities if e.label == "PERSON"}
    assert "敏昂莱" in names
    assert "同敏昂莱" not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("南市社會局攜手財團法人亞德客有美公益慈善基金會捐贈助聽器。", "財團法人亞德客有美公益慈善基金會"),
        ("科林公司联手基金会捐赠100万元。", "基金会"),
    ],
)
def test_a_verb_of_acting_together_is_no_part_of_a_name(nlp, text, name):
    """南市社會局|攜手|財團法人…基金會: the model ran 攜手 into the name after it."""
    assert name in {e.text for e in nlp(text).entities}


def test_the_end_of_the_word_before_is_no_part_of_a_known_name(nlp):
    """抗議|特朗普: the model ran 議 of 抗議 into a name the lexicon knows."""
    names = {e.text for e in nlp("倫敦升起氣球　抗議特朗普到訪").entities if e.label == "PERSON"}
    assert "特朗普" in names
    assert "議特朗普" not in names


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a word the segmenter cut whole, beginning with a surname, in a list with a person
        ("黃之鋒及周庭另被控同一項罪。", {"黃之鋒", "周庭"}, None),
        ("香港眾志黃之鋒、林朗彥和前成員周庭涉嫌包圍警察總部。", {"黃之鋒", "林朗彥", "周庭"}, None),
        # one character left over before a break ends a longer name: no 沈求
        ("委员彭清源、徐起超、沈求我,副主席李赣骝。", {"彭清源", "徐起超"}, "沈求"),
        # no surname, no name; a royal title before a name is a title (王后苏提达)
        ("王毅和马来西亚外长会谈。", {"王毅"}, "马来"),
        ("习近平会见泰国国王哇集拉隆功和王后苏提达。", {"哇集拉隆功", "苏提达"}, "王后"),
    ],
)
def test_the_members_of_a_list_of_people_are_people(nlp, text, names, absent):
    found = {e.text for e in nlp(text).entities if e.label == "PERSON"}
    assert names <= found
    assert absent not in found


def test_a_name_and_its_title_are_a_person_and_a_title(nlp):
    """黃偉哲市長今（3）日…: the model ran the name and the title together as one ORG."""
    entities = {(e.text, e.label) for e in nlp("黃偉哲市長今（3）日出席活動。").entities}
    assert ("黃偉哲", "PERSON") in entities
    assert ("市長", "TITLE") in entities


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # a rank made of a unit and a post is one title, and 副 makes a deputy
        ("歸仁分局長巫建德，調任本局第四分局長。", ("分局長", "TITLE")),
        ("任命史卫忠为最高人民检察院副检察长。", ("副检察长", "TITLE")),
        # a name after a title, of a surname the model cuts to one character
        ("本局行政科長潘顧天，調任本局保安警察大隊長。", ("潘顧天", "PERSON")),
        ("本局主任秘書洪頂力，調任本局副局長。", ("洪頂力", "PERSON")),
    ],
)
def test_posts_and_the_names_after_them(nlp, text, entity):
    assert entity in {(e.text, e.label) for e in nlp(text).entities}


def test_a_magistrate_by_surname_is_no_name(nlp):
    """李官 is Hong Kong's "magistrate Li": the model ran it into a name (李官斥)."""
    names = {e.text for e in nlp("李官斥責他挑戰警方權威，判監10個月。").entities}
    assert not any(n.startswith("李官") for n in names)


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        ("會計界：民建聯黃俊碩勝出（3,175票）。", "民建聯", "黃俊碩"),
        ("民主黨胡志偉與公民黨楊岳橋昨日會見記者。", "公民黨", "楊岳橋"),
        ("航運交通界：自由黨易志明連任（147票）。", "自由黨", "易志明"),
    ],
)
def test_a_party_and_its_member_named_together_are_two(nlp, text, org, person):
    """Hong Kong news names a member by party (民建聯黃俊碩): the model ran the two into
    one organisation, or gave the party the member's surname (自由黨易|志明)."""
    found = {(e.text, e.label) for e in nlp(text).entities}
    assert (org, "ORG") in found
    assert (person, "PERSON") in found


@pytest.mark.parametrize(
    "text", ["这8个民主党派与中国共产党长期风雨同舟。", "如何加强对下岗职工党员的管理和教育；"]
)
def test_a_party_word_inside_another_word_is_no_party(nlp, text):
    """民主党派 (parties of a kind) and 职工党员 hold no 民主党 or 工党."""
    assert not {e.text for e in nlp(text).entities} & {"民主党", "工党"}


@pytest.mark.parametrize(
    "text",
    ["【广州浪奇：公司原部分董事、高管被监察机关立案调查】广州浪奇公告，公司于近日获悉。"],
)
def test_no_name_runs_across_a_colon_or_a_comma(nlp, text):
    """The view reads ：，；！？ as ASCII: a model span holding one ran across a boundary
    (广州浪奇：公司) in either form."""
    for entity in nlp(text).entities:
        assert not set(entity.text) & set("：:，,；;！!？?"), entity.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("同年3月，贺荣任陕西省委副书记、省纪委书记、省监察委员会主任。", "贺荣"),
        ("三年后，2020年4月，贺荣重回最高法院，担任最高人民法院党组副书记。", "贺荣"),
    ],
)
def test_a_career_history_names_its_subject_before_the_post(nlp, text, name):
    """A name opening a clause right before 任 / 出任 / 重回 is a person (the model
    misses unknown names there)."""
    assert (name, "PERSON") in {(e.text, e.label) for e in nlp(text).entities}


@pytest.mark.parametrize(
    "text", ["吕老曾任全国人大常委。", "曾先后担任最高人民法院院长。", "，方面任重道远。"]
)
def test_an_adverb_or_a_word_before_a_post_is_no_name(nlp, text):
    assert not {e.text for e in nlp(text).entities if e.label == "PERSON"} & {"吕老曾", "曾先后", "方面"}


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        ("體育局陳良乾局長表示，市府自112年啟動績優選手扎根計畫。", "體育局", "陳良乾"),
        ("經發局林榮川局長指出，商圈活動開跑。", "經發局", "林榮川"),
    ],
)
def test_a_body_its_head_and_the_title_are_three(nlp, text, org, person):
    """體育局陳良乾局|長: the model ran the body and its head's name into the title."""
    found = {(e.text, e.label) for e in nlp(text).entities}
    assert {(org, "ORG"), (person, "PERSON"), ("局長", "TITLE")} <= found
