"""Traditional and full-width input: matched on the normalised view, spans cut from the
original text, canonical names in Simplified.  And the rules stay linear in size."""

from __future__ import annotations

from itertools import pairwise

import pytest

from newsie.ner.lexicon import load_lexicon
from newsie.ner.rules import anchored, dotted_names
from tests.work import lines

TRADITIONAL = "11月19日晚，寧波市海曙區一處倉庫發生火災，造成兩人受傷。"
SIMPLIFIED = "11月19日晚，宁波市海曙区一处仓库发生火灾，造成两人受伤。"


def spans(doc):
    return [(e.start, e.end, e.text, e.label, e.canonical, e.entity_id) for e in doc.entities]


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "default"])
def test_traditional_place(run, fast):
    doc = run(TRADITIONAL, fast=fast)
    start = TRADITIONAL.index("寧波市")
    gpe = [e for e in doc.entities if (e.start, e.end) == (start, start + 3)]
    assert gpe, spans(doc)
    assert gpe[0].label == "GPE" and gpe[0].text == "寧波市"
    assert gpe[0].canonical.startswith("宁波")  # Simplified (lexicon canonical)
    for e in doc.entities:  # offsets exact, text from the original
        assert e.text == TRADITIONAL[e.start : e.end]
    # same spans, labels and canonicals as the Simplified text
    simple = run(SIMPLIFIED, fast=fast)
    assert [s[:2] + s[3:] for s in spans(doc)] == [s[:2] + s[3:] for s in spans(simple)]


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "default"])
def test_traditional_district_canonical_is_simplified(run, fast):
    doc = run("香港大埔區宏福苑發生火災。", fast=fast)
    by_text = {e.text: e for e in doc.entities}
    assert by_text["大埔區"].label == "GPE" and by_text["大埔區"].canonical == "大埔区"
    assert (by_text["大埔區"].start, by_text["大埔區"].end) == (2, 5)


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "default"])
def test_fullwidth_digits(run, fast):
    text = "２０２５年３月，華為公司在深圳投資３億元。"
    doc = run(text, fast=fast)
    found = {(e.text, e.label, e.canonical) for e in doc.entities}
    assert ("華為公司", "ORG", "华为") in found, found
    assert ("深圳", "GPE", "深圳") in found, found
    for e in doc.entities:
        assert e.text == text[e.start : e.end]


def test_fullwidth_lexicon_surface_still_matches():
    lexicon = load_lexicon()
    text = "代表团抵达刚果（金）首都。"
    from newsie.io.clean import normalize_for_matching

    hits = [m for m in lexicon.matches(normalize_for_matching(text)) if m.entry.label == "GPE"]
    assert [(m.start, m.end) for m in hits] == [(5, 10)]


def test_simplified_name_not_converted(run):
    """王丙乾 is Simplified: its canonical must not become 王丙干."""
    doc = run("中国财政部长王丙乾表示，会议在北京召开。")
    for e in doc.entities:
        if e.label == "PERSON":
            assert "干" not in e.canonical


# Linear work, counted (the Python lines run: the same on a busy machine), not timed.


def test_anchored_is_linear():
    lexicon = load_lexicon()
    unit = "香港大埔区宏福苑和深圳福田区翠海花园，"
    small, large = unit * 500, unit * 2_000
    m_small, m_large = lexicon.matches(small), lexicon.matches(large)
    w_small = lines(lambda: anchored(small, m_small, lexicon))
    w_large = lines(lambda: anchored(large, m_large, lexicon))
    assert len(anchored(large, m_large, lexicon)) == 4 * len(anchored(small, m_small, lexicon))
    assert w_large <= 4.4 * w_small, (w_small, w_large)


def test_dotted_names_linear_and_non_overlapping():
    unit = "约翰·史密斯和埃隆·马斯克会面。"
    small, large = unit * 1_000, unit * 4_000
    w_small = lines(lambda: dotted_names(small))
    w_large = lines(lambda: dotted_names(large))
    found = dotted_names(large)
    assert all(a.end <= b.start for a, b in pairwise(found))
    assert len(found) == 4 * len(dotted_names(small))
    assert w_large <= 4.4 * w_small, (w_small, w_large)


def test_entities_equal_validated_spans(run):
    """Entities are built without validation; they must equal validated ones."""
    from newsie.document import Entity

    text = "财政部第一次官王建国在北京表示，華為公司投資３億元。"
    doc = run(text)
    assert doc.entities
    for e in doc.entities:
        again = Entity(**e.model_dump())
        assert again == e and e.text == text[e.start : e.end]
        assert e.model_dump(exclude_unset=True) == again.model_dump(exclude_unset=True)


def test_find_parts_matches_regex_alternation():
    """propagate() finds name parts with Aho-Corasick exactly as the longest-first regex did."""
    import random
    import re

    from newsie.ner.aliases import _find_parts

    rng = random.Random(7)
    alpha = "ab马斯克埃隆·.-"
    for _ in range(2000):
        parts = {
            "".join(rng.choices(alpha, k=rng.randint(1, 4))): "x" for _ in range(rng.randint(1, 6))
        }
        text = "".join(rng.choices(alpha, k=rng.randint(0, 40)))
        pattern = re.compile("|".join(sorted(map(re.escape, parts), key=len, reverse=True)))
        assert _find_parts(text, parts) == [m.span() for m in pattern.finditer(text)]


def test_char_features_window():
    """The features the shipped model was trained with (unchanged by the speed-up)."""
    from newsie.ner.features import char_features

    feats = char_features("王Ａ1。")
    assert feats[0] == (
        "a\x02",
        "b\x02",
        "c王",
        "da",
        "e0",
        "f\x02\x02",
        "g\x02王",
        "h王a",
        "ia0",
        "j\x02a",
        "koha",
    )
    assert feats[1] == (
        "a\x02",
        "b王",
        "ca",
        "d0",
        "e。",
        "f\x02王",
        "g王a",
        "ha0",
        "i0。",
        "j王0",
        "khad",
    )
    assert feats[3] == (
        "aa",
        "b0",
        "c。",
        "d\x03",
        "e\x03",
        "fa0",
        "g0。",
        "h。\x03",
        "i\x03\x03",
        "j0\x03",
        "kdpo",
    )
    assert len(feats) == 4


def test_the_array_tagger_gives_crfsuite_s_tags_on_random_text():
    """Characters of every class, padding characters inside the text, astral ones: the
    tags newsie computes are the ones python-crfsuite gives for the training features."""
    import random

    import numpy as np
    import pycrfsuite

    from newsie.ner.crf import CRFTagger
    from newsie.ner.features import char_features

    tagger = CRFTagger()
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(tagger.path))
    rng = random.Random(1)
    alpha = "王李Ａ1１aZｚ。，（） \u3000\t·•一二〇x😀é\x02\x03"
    texts = ["", "王", "王Ａ1。", "习近平主持召开中央财经委员会第六次会议"]
    texts += ["".join(rng.choices(alpha, k=rng.randint(1, 12))) for _ in range(2000)]
    texts = [text for text in texts if text]
    rows = tagger._by_arrays(texts, np.array([len(text) for text in texts]))  # side by side
    tags = [row or ["O"] * len(text) for row, text in zip(rows, texts)]
    assert tags == [crfsuite.tag(char_features(text)) for text in texts]
    assert any(set(row) - {"O"} for row in tags)
