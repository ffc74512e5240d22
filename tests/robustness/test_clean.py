"""newsie.io.clean and decoding: unit tests of the input helpers."""

from __future__ import annotations

import pytest

from newsie.io.clean import (
    html_to_text,
    looks_like_html,
    matching_view,
    normalize_for_matching,
    sanitize,
    to_halfwidth,
    to_simplified,
)
from newsie.io.inputs import InputError, decode_bytes, detect_encoding, make_document
from tests.work import Scanned, lines

TRADITIONAL = [
    "臺灣立法院今天三讀通過《氣候變遷因應法》修正案，行政院長表示將於明年起徵收碳費。",
    "香港特區政府昨日公布，本港第三季經濟按年增長百分之二點七，失業率維持在三點八。",
    "颱風「山陀兒」預計明天清晨登陸，中央氣象署發布陸上颱風警報，各級學校停課一天。",
]
SIMPLIFIED = [
    "中国科学院电工研究所成功研制出大口径高场超导磁体，这项成果对我国能源发展意义重大。",
    "国家统计局今天发布数据，前三季度国内生产总值同比增长百分之五点二，经济运行总体平稳。",
]


@pytest.mark.parametrize("text", TRADITIONAL)
@pytest.mark.parametrize("encoding", ["big5", "cp950"])
def test_real_big5_bytes_decode_as_big5_not_gb18030_garbage(text, encoding):
    data = text.encode(encoding)
    data.decode("gb18030")  # the trap: these bytes are also valid GB18030
    assert decode_bytes(data) == text
    assert detect_encoding(data) in ("cp950", "big5hkscs")


@pytest.mark.parametrize("text", SIMPLIFIED + TRADITIONAL[:1])
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "gb2312"])
def test_gb_bytes_decode_as_gb18030(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot encode this text")
    assert decode_bytes(data) == text
    assert detect_encoding(data) == "gb18030"


def test_forced_encoding_and_errors():
    assert decode_bytes("臺灣".encode("big5"), "big5") == "臺灣"
    with pytest.raises(InputError):
        decode_bytes(b"\x81\xff\x80\xfe\xff")
    with pytest.raises(InputError, match="nope"):
        decode_bytes(b"abc", "nope")


def test_sanitize_is_length_preserving():
    text = "a\x00b\x1bc\r\nd\re\ud800f\u2028g\x85h\u200bi\u200dj\ufeffk"
    clean, count = sanitize(text)
    assert len(clean) == len(text)
    assert clean == "a b c\r\nd\ne\ufffdf\ng\nh\u200bi\u200dj\ufeffk"
    assert count == 6
    assert sanitize("正常文本。") == ("正常文本。", 0)


def test_matching_view():
    assert normalize_for_matching("臺灣颱風後") == "台湾台风后"
    assert to_halfwidth("ＡＢＣ１２３％　") == "ABC123% "
    assert to_simplified("abc中文") == "abc中文"
    for text in TRADITIONAL + SIMPLIFIED + ["\ud800臺", "𠀀臺"]:
        assert len(normalize_for_matching(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        # a Simplified text keeps 於 and 乾, which its names use (於姓, 王丙乾)
        ("於先生与王丙乾会面。", "於先生与王丙乾会面。"),
        # in a Traditional text 於 is the preposition 于 (for the entity recogniser)
        ("市長於永華市政中心舉行記者會。", "市长于永华市政中心举行记者会。"),
    ],
)
def test_matching_view_keeps_also_simplified_characters_in_simplified_text_only(text, view):
    assert matching_view(text) == view


def test_matching_view_offsets_map_to_the_original():
    doc = make_document(TRADITIONAL[0])
    view = normalize_for_matching(doc.text)
    start = view.index("气候变迁")
    assert doc.text[start : start + 4] == "氣候變遷"


def test_html_detection():
    assert looks_like_html("<!DOCTYPE html><p>x")
    assert looks_like_html("<p>一</p><p>二</p>")
    assert looks_like_html("<!-- c -->正文")
    assert not looks_like_html("若a<b且c>d")
    assert not looks_like_html("<<三体>>和<红楼梦>")
    assert not looks_like_html("只有一个<br>标签")


def test_html_to_text_blocks_and_title():
    text, info = html_to_text(
        "<html><head><title>标题</title></head><body><h1>头条</h1>"
        "<ul><li>一</li><li>二</li></ul><table><tr><td>10:15</td><td>快讯</td></tr></table>"
        "<p>甲<br>乙</p></body></html>"
    )
    assert info == {"title": "标题"}
    assert text == "头条\n\n一\n\n二\n\n10:15 快讯\n\n甲\n乙"


def test_make_document_html_options():
    doc = make_document("<p>正文 &amp; 更多</p><p>二</p>")
    assert doc.text == "正文 & 更多\n\n二" and doc.meta["original_format"] == "html"
    doc = make_document("<p>正文</p><p>二</p>", html=False)
    assert doc.text == "<p>正文</p><p>二</p>" and "original_format" not in doc.meta
    doc = make_document("<p>正文</p>", title="给定标题")
    assert doc.title == "给定标题"


JUNK = {
    "lt": "<" * 20_000,
    "open-tags": "<a " * 10_000,
    "comments": "<!--" * 10_000,
    "scripts": "<script>" * 5_000,
    "entities": "<p>" + "&amp;" * 10_000,
    "decls": "<!x" * 10_000,
    "close": "</" * 10_000,
    "open-runs": "<html><body>" + ("<" + "a" * 4000) * 4,  # issue 18 P4
    "tags": "<p><b>甲</b> <a href='x'>乙</a></p>" * 1_000,
}


class _Windows:
    """Stands in for the tag regex and keeps the windows it is asked to read."""

    def __init__(self, pattern):
        self.pattern, self.windows = pattern, []

    def match(self, string, pos, endpos):
        self.windows.append((pos, endpos))
        return self.pattern.match(string, pos, endpos)


def _work(markup: str, monkeypatch) -> tuple[int, list[tuple[int, int]]]:
    """(Python lines run + characters searched or sliced + characters the tag regex
    reads, the regex's windows) of cleaning ``markup``: counted, not timed."""
    from newsie.io import clean

    windows = _Windows(clean._TAG)
    monkeypatch.setattr(clean, "_TAG", windows)
    Scanned.scanned = 0
    ran = lines(lambda: html_to_text(Scanned(markup)))
    return ran + Scanned.scanned + sum(b - a for a, b in windows.windows), windows.windows


@pytest.mark.parametrize("markup", JUNK.values(), ids=JUNK)
def test_html_cleaning_is_linear(markup, monkeypatch):
    small, _ = _work(markup, monkeypatch)
    large, _ = _work(markup * 4, monkeypatch)
    assert large <= 4.4 * small + 1000, (small, large)


@pytest.mark.parametrize("markup", JUNK.values(), ids=JUNK)
def test_tag_regex_reads_each_character_once(markup, monkeypatch):
    """Issue 18 P4: the regex for tags backtracked over up to 4,096 characters after every
    ``<aaaa...``.  It now reads only from a ``<`` to the first ``>`` with no ``<`` between,
    where it cannot fail after the tag name: disjoint windows, each read once."""
    _, windows = _work(markup, monkeypatch)
    assert sum(b - a for a, b in windows) <= len(markup)
    for a, b in windows:
        assert markup[b - 1] == ">" and "<" not in markup[a + 1 : b - 1], (a, b)
