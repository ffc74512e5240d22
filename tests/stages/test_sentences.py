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
