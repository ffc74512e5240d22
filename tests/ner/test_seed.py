"""The seed page: every person, organisation and place must be found correctly."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_1c4daa1ff2b208cf.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed page not available")

# (surface, label, canonical or None to skip the check)
EXPECTED = [
    ("Igor Babuschkin", "PERSON", "Igor Babuschkin"),
    ("xAI", "ORG", "xAI"),
    ("埃隆·马斯克", "PERSON", "埃隆·马斯克"),
    ("马斯克", "PERSON", "埃隆·马斯克"),
    ("埃隆", "PERSON", "埃隆·马斯克"),
    ("Babuschkin", "PERSON", "Igor Babuschkin"),
    ("Babuschkin Ventures", "ORG", None),
    ("Max Tegmark", "PERSON", None),
    ("未来生命研究所", "ORG", None),
    ("泰勒·斯威夫特", "PERSON", None),
    ("OpenAI", "ORG", None),
    ("Google DeepMind", "ORG", None),
    ("Anthropic", "ORG", None),
    ("田纳西州", "GPE", "田纳西州"),
    ("孟菲斯市", "GPE", "孟菲斯"),
    ("杭州市中医院", "ORG", None),
    ("香港", "GPE", "香港"),
    ("大埔区", "GPE", "大埔区"),
    ("宏福苑", "LOC", None),
    ("商汤科技", "ORG", "商汤科技"),
    ("北京燕莎中心", "ORG", None),
    ("凯宾美食廊", "ORG", None),
    ("中国人民银行", "ORG", "中国人民银行"),
    ("韩国科学技术信息通信部", "ORG", None),
    ("第二次官", "TITLE", None),
    ("柳济明", "PERSON", None),
    ("三星电子", "ORG", "三星电子"),
    ("现代汽车", "ORG", None),
    ("SK电讯", "ORG", None),
    ("Naver", "ORG", None),
    ("英伟达", "ORG", "英伟达"),
    ("首尔", "GPE", "首尔"),
    ("AMD", "ORG", None),
    ("Radeon AI PRO R9700S", "PRODUCT", None),
    ("R9600D", "PRODUCT", None),
    ("谷歌", "ORG", "谷歌"),
    ("Pixel Watch", "PRODUCT", None),
    ("国家能源局综合司", "ORG", None),
    ("On昂跑", "ORG", None),
    ("上海", "GPE", "上海"),
    ("中国科学院电工研究所", "ORG", None),
    ("上海迪士尼度假区", "LOC", None),
    ("迪士尼小镇", "LOC", None),
    ("玛氏中国", "ORG", None),
    ("M&M'S", "PRODUCT", None),
    ("遠坂小町", "PERSON", None),
    ("联合创始人", "TITLE", None),
    ("研究员", "TITLE", None),
]


@pytest.fixture(scope="module", params=[False, True], ids=["default", "fast"])
def seed_doc(request, run):
    return run(SEED.read_text(encoding="utf-8"), fast=request.param)


@pytest.mark.parametrize("surface,label,canonical", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_seed_entity(seed_doc, surface, label, canonical):
    mentions = [e for e in seed_doc.entities if e.text == surface]
    assert mentions, f"{surface} not found"
    assert {e.label for e in mentions} == {label}
    if canonical is not None:
        assert {e.canonical for e in mentions} == {canonical}


def test_ministry_with_country_prefix(seed_doc):
    ministry = [e for e in seed_doc.entities if "生态环境部" in e.text]
    assert ministry and all(e.label == "ORG" and e.canonical == "生态环境部" for e in ministry)


def test_no_unit_or_committee_false_hits(seed_doc):
    texts = {e.text for e in seed_doc.entities}
    assert "特斯拉" not in texts  # 16.5特斯拉 is a unit
    assert "委员" not in texts  # part of 委员会


def test_spans_valid(seed_doc):
    previous_end = 0
    for e in seed_doc.entities:
        assert seed_doc.text[e.start : e.end] == e.text
        assert e.start >= previous_end
        previous_end = e.end


def test_seed_through_pipeline():
    """With the real sentence splitter in front (skipped while it is not registered)."""
    from newsie.pipeline import Pipeline
    from newsie.registry import get_stage

    try:
        get_stage("sentences")
    except KeyError:
        pytest.skip("no sentences stage registered yet")
    nlp = Pipeline(["sentences", "entities"])
    doc = nlp(SEED.read_text(encoding="utf-8"))
    found = {(e.text, e.label) for d in doc.documents() for e in d.entities}
    for surface, label, _ in EXPECTED:
        assert (surface, label) in found, surface
