"""Rules: names, Latin script, titles, nested organisations, places."""

from __future__ import annotations

import pytest


def found(doc):
    return {(e.text, e.label) for e in doc.entities}


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "default"])
@pytest.mark.parametrize(
    "text,expected",
    [
        ("据报道，约翰·史密斯昨天抵达。", {("约翰·史密斯", "PERSON")}),
        ("创始人Max Tegmark表示支持。", {("创始人", "TITLE"), ("Max Tegmark", "PERSON")}),
        ("他创办了Acme Ventures。", {("Acme Ventures", "ORG")}),
        ("该公司推出Zephyr X200显卡。", {("Zephyr X200", "PRODUCT")}),
        ("财政部第一次官王建国出席会议。", {("第一次官", "TITLE"), ("王建国", "PERSON")}),
        ("国家能源局综合司发布通知。", {("国家能源局综合司", "ORG")}),
        ("中国科学院物理研究所的团队", {("中国科学院物理研究所", "ORG")}),
        (
            "日本经济产业省和韩国产业通商资源部会谈。",
            {("韩国产业通商资源部", "ORG"), ("日本经济产业省", "ORG")},
        ),
        ("南京市第一医院接诊了患者。", {("南京市第一医院", "ORG")}),
        # a vocational high school of Taiwan by its two characters and kind
        ("他特別感謝臺南高商及各界的支持。", {("臺南高商", "ORG")}),
        # a government body or court named by its place, with a district
        ("公司与南昌市新建区人民政府签订协议。", {("南昌市新建区人民政府", "ORG")}),
        ("上海市浦东新区人民法院审理此案。", {("上海市浦东新区人民法院", "ORG")}),
        ("深圳福田区翠海花园发生火灾。", {("深圳", "GPE"), ("福田区", "GPE"), ("翠海花园", "LOC")}),
        ("消息人士山田太郎在社交平台透露。", {("山田太郎", "PERSON")}),
        # a name after its title, before 严重 / 涉嫌 (…原书记蓝天立严重违纪)
        ("广西壮族自治区党委原书记蓝天立严重违纪违法。", {("蓝天立", "PERSON")}),
        # advisers and Hong Kong posts are titles
        ("他擔任林鄭月娥的政策顧問。", {("政策顧問", "TITLE")}),
        ("行政長官林鄭月娥今日表示。", {("行政長官", "TITLE")}),
        # a transliterated name right after a title, which no surname starts
        ("韩正会见缅甸代总统敏昂莱。", {("敏昂莱", "PERSON")}),
        # companies the lexicon does not know, named at the start of a clause
        ("11月20日，远望科技宣布向宁波市慈善总会捐赠500万元。", {("远望科技", "ORG")}),
        ("据悉远望科技有限公司宣布回购。", {("远望科技有限公司", "ORG")}),
        ("晨光机器人公司首席技术官李明远宣布离职。", {("晨光机器人公司", "ORG")}),
        ("1993年，大连化工集团公司近日建成新厂。", {("大连化工集团公司", "ORG")}),
        ("星辰电子今日推出星辰X10手机。", {("星辰电子", "ORG"), ("星辰X10", "PRODUCT")}),
        ("江南市人民医院发布招标公告。", {("江南市人民医院", "ORG")}),
        ("他将创办研究机构青岚人工智能实验室。", {("青岚人工智能实验室", "ORG")}),
        ("2026年春节前，老字号餐厅福满楼将在杭州西湖区重新开业。", {("福满楼", "ORG")}),
    ],
)
def test_rule_cases(run, fast, text, expected):
    doc = run(text, fast=fast)
    assert expected <= found(doc), found(doc)


@pytest.mark.parametrize(
    "text",
    [
        "他在高商念书。",  # a kind of school after 在
        "否则保险公司不予赔偿。",  # a kind of company
        "午在大会上发言的还有联想集团副总裁。",  # the run is no name: 还有联想
        "主要由美国公司、企业的在京机构组成。",  # a country's companies
        "要大力推动科技创新。",  # no company doing something
        "一家上市公司宣布回购。",
        "丽江古城内的餐厅人均价格在100元左右。",
    ],
)
def test_company_rule_needs_a_name(run, text):
    doc = run(text, fast=True)
    assert not {e.text for e in doc.entities if e.source == "entities:rule" and e.label == "ORG"}


def test_title_before_organisation_word_not_a_title(run):
    doc = run("成立了指导委员会和董事会。", fast=True)
    assert not [e for e in doc.entities if e.label == "TITLE"]


def test_latin_acronyms_are_not_entities(run):
    doc = run("AI和GPU需求旺盛，API调用增加。", fast=True)
    assert doc.entities == []


def test_no_name_holds_a_verb_of_saying(run):
    names = found(run("多晶硅料龙头企业保利协鑫能源宣布与隆基股份、中环股份签订硅料供货协议。"))
    assert ("隆基股份", "ORG") in names
    assert not any("宣布" in text for text, _ in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("許章潤被清華大學開除法學院教授一職。", "清華大學"),  # a suffix rule across the verb
        ("许章润被清华大学开除法学院教授一职。", "清华大学"),
    ],
)
def test_no_name_holds_a_verb_of_an_act(run, text, name):
    names = found(run(text))
    assert (name, "ORG") in names
    assert not any("开除" in t or "開除" in t for t, _ in names)


def test_model_keeps_long_org_around_place(run):
    doc = run("他毕业于北京理工大学。")
    assert ("北京理工大学", "ORG") in found(doc)


def test_empty_and_whitespace(run):
    assert run("").entities == []
    assert run("   \n ").entities == []


def test_labels_config(make_doc):
    from newsie.registry import get_stage

    stage = get_stage("entities_fast").build({"labels": ["GPE"]})
    doc = stage(make_doc("谷歌在首尔设立办公室。"))
    assert found(doc) == {("首尔", "GPE")}


def test_user_lexicon(tmp_path, make_doc):
    from newsie.registry import get_stage

    path = tmp_path / "extra.tsv"
    path.write_text("星河湾科技|星河湾\tORG\t星河湾科技\n", encoding="utf-8")
    stage = get_stage("entities_fast").build({"lexicons": [str(path)]})
    doc = stage(make_doc("星河湾今天发布财报。"))
    assert [(e.text, e.label, e.canonical) for e in doc.entities] == [
        ("星河湾", "ORG", "星河湾科技")
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("易成新能(300080)29日晚披露业绩预告修正公告", ["易成新能"]),
        ("他是恒隆地產（101）的獨立非執行董事", ["恒隆地產"]),
        ("美瑞健康国际(02327-HK)宣布收购", ["美瑞健康国际"]),
        ("会议在北京(中国)举行", []),  # a place in brackets is no stock code
        ("见第(2)条", []),
        ("新建工程今(3)日举行动土典礼", []),  # a bracketed day is no stock code
        ("节目于去(112)年底上线", []),  # nor is a Taiwan year (去(112)年, 今(114)年)
        ("社会局今(113)年与企业合作", []),
        ("市长本(14)日出席", []),
    ],
)
def test_listed_company_named_with_its_stock_code(text, names):
    from newsie.ner.rules import listed_companies

    assert [text[c.start : c.end] for c in listed_companies(text)] == names
    assert all(c.label == "ORG" for c in listed_companies(text))


def test_anchored_rules_find_what_a_full_scan_finds():
    """Listed companies, withheld names and schools are tried only just before their
    anchor (a bracketed code, 某, 国中): they find what a scan of the whole text finds."""
    import random

    from newsie.ner.rules import (
        _LISTED,
        _LISTED_REACH,
        _MOU,
        _SCHOOL,
        _SCHOOL_GRADE,
        _STOCK_CODE,
        _WITHHELD,
        _anchored_finditer,
    )

    rng = random.Random(3)
    cases = [
        (_LISTED, _STOCK_CODE, _LISTED_REACH,
         ["易成新能", "*ST", "ST", "-W", "(600238)", "（101）", "(02327-HK)", "(01810.HK)",
          "(AAPL.O)", "(3)日", "(14)号", " ", "，", "小米集团", "ABC", "(1)", "今", "的", "x"]),
        (_WITHHELD, _MOU, 2, ["张", "李", "某", "某某", "英", "称", "，", "河南", "x", "地"]),
        (_SCHOOL, _SCHOOL_GRADE, 2, ["官田", "国", "国中", "国小", "国民中学", "中", "，", "x"]),
    ]
    for pattern, anchor, reach, pieces in cases:
        for _ in range(10000):
            text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
            expected = [m.span() + m.span(m.lastindex or 0) for m in pattern.finditer(text)]
            found = _anchored_finditer(pattern, anchor, reach, text)
            assert [m.span() + m.span(m.lastindex or 0) for m in found] == expected, text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("南市官田国中、亿载国小荣获艺术教育贡献奖", ["官田国中", "亿载国小"]),
        ("宅港国民小学举行毕业典礼", ["宅港国民小学"]),
        ("美国中部发生龙卷风", []),  # a country and 中部
        ("全国中小学开学", []),
        ("两校分别拿下国中、小组绩优学校奖", []),  # a verb before a grade
        ("112年度国小组评选", []),
    ],
)
def test_a_school_is_named_by_two_characters_and_its_grade(text, names):
    from newsie.ner.rules import schools

    assert [text[c.start : c.end] for c in schools(text, [])] == names


@pytest.mark.parametrize(
    ("text", "place"),
    [("北京城管执法人员在现场查处。", "北京"), ("天津港口一片繁忙。", "天津")],
)
def test_a_place_gives_its_last_character_back_to_a_word(text, place):
    """北京城管执法人员 holds no place 北京城: 城管 is a word of its own."""
    from newsie.ner.recognizer import EntityRecognizer

    places = [
        text[c.start : c.end]
        for c in EntityRecognizer(use_model=False).candidates(text)
        if c.label in ("GPE", "LOC")
    ]
    assert places == [place]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("朋友曹某英(女，18岁)情绪反常", ["曹某英"]),
        ("李某称自己无罪", ["李某"]),
        ("犯罪嫌疑人王某某被抓获", ["王某某"]),
        ("某地发生火灾", []),
        ("在某公司工作", []),
    ],
)
def test_a_withheld_name_is_a_person(text, names):
    from newsie.ner.rules import withheld_names

    assert [text[c.start : c.end] for c in withheld_names(text)] == names


def test_a_body_named_in_full_keeps_the_post_after_it_apart(run):
    """合肥市委书记: the model names the body 合肥市委; the lexicon's title 市委书记 gives
    the rest, 书记, as the post (the fast stage keeps 合肥 and 市委书记)."""
    assert {("合肥市委", "ORG"), ("书记", "TITLE"), ("虞爱华", "PERSON")} <= found(
        run("合肥市委书记虞爱华表示。", fast=False)
    )
