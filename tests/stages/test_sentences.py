import pytest

from newsie.document import Document
from newsie.stages.sentences import SentenceSplitter

CASES = [
    ("今天下雨。明天晴！后天呢？", ["今天下雨。", "明天晴！", "后天呢？"]),
    ("他说：“我走了。”然后离开。", ["他说：“我走了。”", "然后离开。"]),
    ("数值为16.5特斯拉。日期2025.11.28。", ["数值为16.5特斯拉。", "日期2025.11.28。"]),
    ("Hello world. Next one!", ["Hello world.", "Next one!"]),
    ("第一条；第二条", ["第一条；", "第二条"]),
    ("没有标点的一行\n第二行也没有", ["没有标点的一行", "第二行也没有"]),
    ("省略号……后面的话。", ["省略号……", "后面的话。"]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(text, expected):
    doc = SentenceSplitter()(Document(text=text))
    assert [s.text for s in doc.sentences] == expected
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text


def test_headings_and_furniture_are_labelled():
    text = "一个标题\n正文第一句。正文第二句。\n说明插图"
    doc = Document(text=text, meta={"furniture": [[text.index("说明"), len(text), "caption"]]})
    labels = [(s.text, s.label) for s in SentenceSplitter()(doc).sentences]
    assert labels == [
        ("一个标题", "HEADING"),
        ("正文第一句。", "SENT"),
        ("正文第二句。", "SENT"),
        ("说明插图", "FURNITURE"),
    ]


def test_labels_match_a_line_by_line_reading():
    """HEADING, FURNITURE and SENT as the whole line and the furniture spans say, with
    furniture given in any order and overlapping."""
    text = "标题一\n正文。另一句\n  短标题  \n说明插图\n尾句。\n无标点的最后一行"
    furniture = [[text.index("说明"), text.index("说明") + 4, "caption"], [0, 2, "x"], [0, 3, "y"]]
    doc = SentenceSplitter()(Document(text=text, meta={"furniture": furniture}))
    assert [(s.text, s.label) for s in doc.sentences] == [
        ("标题一", "FURNITURE"),
        ("正文。", "SENT"),
        ("另一句", "SENT"),
        ("短标题", "HEADING"),
        ("说明插图", "FURNITURE"),
        ("尾句。", "SENT"),
        ("无标点的最后一行", "HEADING"),
    ]


def _lines_run(text: str, captions: bool) -> int:
    from newsie.stages.page import PageSplitter
    from tests.work import lines

    doc = Document(text=text)
    if captions:
        doc = PageSplitter()(doc)[0]
    return lines(lambda: SentenceSplitter()(doc))


def test_caption_lines_cost_the_same_each():
    """Issue 18 P2: each sentence looked at every caption line (quadratic); the Python
    lines run grow with the text, counted (not timed)."""
    from tests.robustness.adversarial import caption_lines

    small, large = (_lines_run(caption_lines(n), captions=True) for n in (200, 800))
    assert large <= 4.4 * small, (small, large)


def test_one_line_is_read_once():
    """Issue 18 P3: on a line without breaks each sentence searched the whole line for
    its line breaks; the characters searched and sliced stay a few per character."""
    from types import SimpleNamespace

    from tests.robustness.adversarial import one_line
    from tests.work import Scanned

    for n in (500, 4000):
        text = Scanned(one_line(n) + "\n" + one_line(n))
        Scanned.scanned = 0
        SentenceSplitter()(SimpleNamespace(text=text, meta={}))
        assert Scanned.scanned <= 3 * len(text), (n, Scanned.scanned)
