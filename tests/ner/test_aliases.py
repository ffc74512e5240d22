"""Alias resolution and name propagation within a document."""

from __future__ import annotations

from newsie.ner.aliases import full_names, name_parts
from newsie.ner.candidates import Candidate


def test_name_parts():
    assert name_parts("埃隆·马斯克") == ["埃隆", "马斯克"]
    assert name_parts("Igor Babuschkin") == ["Igor", "Babuschkin"]


def test_full_names_picks_longest_and_drops_ambiguous():
    text = "约翰·史密斯与约翰·布朗"
    cands = [Candidate(0, 6, "PERSON", "rule"), Candidate(7, 12, "PERSON", "rule")]
    parts = full_names(cands, text)
    assert parts["史密斯"] == "约翰·史密斯" and parts["布朗"] == "约翰·布朗"
    assert "约翰" not in parts  # shared by two people


def test_short_forms_resolve_in_document(run):
    doc = run(
        "联合创始人Jane Doerfler宣布离职。Doerfler表示，她将创业。马斯克与埃隆·马斯克的公司。"
    )
    canon = {(e.text, e.canonical) for e in doc.entities if e.label == "PERSON"}
    assert ("Doerfler", "Jane Doerfler") in canon
    assert ("马斯克", "埃隆·马斯克") in canon


def test_lexicon_aliases(run):
    doc = run("中科院与谷歌合作，NVIDIA也参与。", fast=True)
    canon = {e.text: (e.canonical, e.entity_id) for e in doc.entities}
    assert canon["中科院"] == ("中国科学院", "org:中国科学院")
    assert canon["谷歌"][0] == "谷歌" and canon["NVIDIA"][0] == "英伟达"


def test_model_span_relabelled_by_propagation(run):
    doc = run("据悉，伊万·彼得罗夫昨天到达。彼得罗夫说，会议很成功。")
    persons = [e for e in doc.entities if e.text == "彼得罗夫"]
    assert persons and persons[0].label == "PERSON" and persons[0].canonical == "伊万·彼得罗夫"


def test_a_whole_name_found_once_is_found_where_the_model_missed_it(run):
    text = "10.1在荃湾被警员枪击的男生曾志健被控暴动罪。邱宏达在曾志健中枪倒地后冲向曾。"
    doc = run(text)
    starts = {e.start for e in doc.entities if e.label == "PERSON" and e.text == "曾志健"}
    assert starts == {text.index("曾志健"), text.rindex("曾志健")}


def test_whole_names_are_three_or_four_han_characters():
    text = "高峰曾志健"
    cands = [Candidate(0, 2, "PERSON", "model"), Candidate(2, 5, "PERSON", "model")]
    assert full_names(cands, text) == {"曾志健": "曾志健"}  # 高峰 is too often a word
