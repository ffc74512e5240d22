"""Lexicon files, Aho-Corasick matching and context checks."""

from __future__ import annotations

import pytest

from newsie.ner.lexicon import Lexicon, load_lexicon, read_entries, surnames
from newsie.ner.resources import corpora_dir, lexicon_dir


def test_shipped_lexicon_loads():
    lexicon = load_lexicon()
    assert len(lexicon) > 1000
    assert load_lexicon() is lexicon  # cached
    assert (lexicon_dir() / "entities").is_dir()
    assert corpora_dir().name in ("corpora", "_corpora")


@pytest.mark.parametrize(
    "surface,label,canonical",
    [
        ("中科院", "ORG", "中国科学院"),
        ("马斯克", "PERSON", "埃隆·马斯克"),
        ("Google", "ORG", "谷歌"),
        ("NVIDIA", "ORG", "英伟达"),
        ("大埔区", "GPE", "大埔区"),
        ("孟菲斯市", "GPE", "孟菲斯"),
        ("首尔", "GPE", "首尔"),
        ("国家能源局", "ORG", "国家能源局"),
        ("联合创始人", "TITLE", "联合创始人"),
        ("以军", "ORG", "以色列国防军"),
        ("胡塞武装", "ORG", "胡塞武装"),
        ("西九龙裁判法院", "ORG", "西九龙裁判法院"),
        ("死因庭", "ORG", "死因裁判法庭"),
        # the names Taiwan and Hong Kong give countries
        ("纽西兰", "GPE", "新西兰"),
        ("肯雅", "GPE", "肯尼亚"),
        ("北韩", "GPE", "朝鲜"),
        ("吐瓦鲁", "GPE", "图瓦卢"),
    ],
)
def test_entries(surface, label, canonical):
    entry = load_lexicon().get(surface)
    assert entry is not None and (entry.label, entry.canonical) == (label, canonical)
    assert entry.entity_id == f"{label.lower()}:{canonical}"


def test_a_generic_court_is_no_entry():
    # 从地方法院打到高等法院: any country's high court, which MSRA tags as no name
    assert load_lexicon().get("高等法院") is None
    assert load_lexicon().get("香港高等法院") is not None


def test_user_file_format(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# comment\n\n甲乙公司|甲乙\tORG\t甲乙公司\torg:jy\n丙丁\tPERSON\n", encoding="utf-8"
    )
    entries = read_entries(path)
    assert [(e.surface, e.canonical, e.entity_id) for e in entries] == [
        ("甲乙公司", "甲乙公司", "org:jy"),
        ("甲乙", "甲乙公司", "org:jy"),
        ("丙丁", "丙丁", "person:丙丁"),
    ]
    bad = tmp_path / "bad.tsv"
    bad.write_text("no label here\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        read_entries(bad)


def test_longest_leftmost_and_latin_boundaries():
    lexicon = Lexicon(
        read_entries_from({"中国": "GPE", "中国科学院": "ORG", "Meta": "ORG", "AMD": "ORG"})
    )
    found = [
        (m.start, m.end, m.entry.surface) for m in lexicon.matches("中国科学院和Metadata、AMD。")
    ]
    assert found == [(0, 5, "中国科学院"), (15, 18, "AMD")]


def test_context_checks():
    lexicon = load_lexicon()
    texts = {lexicon_text(lexicon, t) for t in ("磁场达到16.5特斯拉",)}
    assert texts == {()}
    assert lexicon_text(lexicon, "北京市民") == ("北京",)
    assert lexicon_text(lexicon, "多数发展中国家") == ()
    assert "委员" not in lexicon_text(lexicon, "指导委员会")
    assert lexicon_text(lexicon, "以军当天袭击加沙")[0] == "以军"
    assert "以军" not in lexicon_text(lexicon, "予以军事打击，以军民融合为引领")
    assert "乌军" not in lexicon_text(lexicon, "俄称打击乌军工企业")
    assert lexicon_text(lexicon, "会见西班牙国王") == ("西班牙", "国王")
    assert "国王" not in lexicon_text(lexicon, "皇马晋级国王杯决赛")


def test_surnames():
    family = surnames()
    assert {"王", "柳", "欧阳"} <= family


def read_entries_from(mapping):
    from newsie.ner.lexicon import Entry, make_id

    return [Entry(s, label, s, make_id(label, s)) for s, label in mapping.items()]


def lexicon_text(lexicon, text):
    return tuple(m.entry.surface for m in lexicon.matches(text))
