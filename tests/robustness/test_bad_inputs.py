"""A battery of bad, odd and huge inputs: each gives a clear error or a sensible result.

Every case runs through the most complete pipeline that works (``robust_nlp``): the full
default pipeline once all stages are in.  "Sensible" always includes: no crash inside a
stage, and every span on every layer (and every page item) points at its own text.
Cases marked ``heavy`` run in a subprocess with a time limit that only a hang reaches
(15 minutes for a few seconds of work), so that a hang fails the test instead of hanging
the suite while a slow or busy machine does not; how their work grows is counted in
test_linear_time.py, timed in benchmarks/adversarial.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from newsie import Document, InputError

from .conftest import check_spans

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = "2025-11-28T10:00:00+08:00"
NEWS = "2025年11月28日，中国科学院电工研究所成功研制出大口径高场超导磁体，投资3亿元。"
TRADITIONAL = "臺灣立法院今天三讀通過《氣候變遷因應法》修正案，行政院長表示將於明年起徵收碳費。"

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>超导磁体研制成功 - 新闻</title>
<style>body { font-family: sans-serif } p::after { content: "<p>" }</style>
<script>var html = "<div>不要这段</div>"; if (a < b && c > d) { x(); }</script>
</head><body>
<!-- 广告位 <p>不要这段注释</p> -->
<div class="nav"><a href="/">首页</a> &gt; <a href="/tech">科技</a></div>
<article><h1>超导磁体研制成功</h1>
<p>2025年11月28日，中国科学院电工研究所
成功研制出大口径高场超导磁体&mdash;&mdash;创下&ldquo;世界纪录&rdquo;。</p>
<p>项目投资3亿元&nbsp;，历时5年。</p></article>
<script type="text/javascript">
document.write("<p>也不要这段</p>");
</script>
</body></html>"""


def _flash_page(n: int, dated: bool = True) -> str:
    lines = ["晨光机器人公司首席技术官李明远宣布离职。", "", "最新快讯", ""]
    if dated:
        lines.append("2025年11月20日")
    for i in range(n):
        lines.append(f"{(i // 60) % 24:02d}:{i % 60:02d}")
        lines.append(f"第{i}条快讯：远望科技宣布向宁波市慈善总会捐赠{i + 1}万元。")
    return "\n".join(lines)


@dataclass
class Case:
    id: str
    make: Callable[[], Any]
    error: type[BaseException] | None = None
    match: str | None = None
    check: Callable[[Document, Any], None] | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)
    heavy: bool = False  # run in a subprocess with a time limit against hangs
    budget: float = 900.0
    xfail: str | None = None


def same_text(doc: Document, data: Any) -> None:
    assert doc.text == data


def same_length(doc: Document, data: Any) -> None:
    assert len(doc.text) == len(data)


def empty(doc: Document, data: Any) -> None:
    assert doc.text == ""
    assert not (doc.sentences or doc.tokens or doc.entities or doc.times or doc.values)
    assert not doc.events and not doc.items and not doc.errors


def decoded_to(expected: str, encoding: str | None = None):
    def check(doc: Document, data: Any) -> None:
        assert doc.text == expected
        if encoding:
            assert doc.meta["encoding"] == encoding

    return check


def html_cleaned(doc: Document, data: Any) -> None:
    assert doc.meta["original_format"] == "html"
    assert doc.title == "超导磁体研制成功 - 新闻"
    assert "<" not in doc.text and "&" not in doc.text.replace("&&", "")
    assert "不要这段" not in doc.text and "也不要这段" not in doc.text
    assert "font-family" not in doc.text and "var html" not in doc.text
    assert "中国科学院电工研究所成功研制出" in doc.text  # no space from the source line break
    assert "“世界纪录”" in doc.text and "——" in doc.text
    assert "首页 > 科技" in doc.text


def has_sentences(doc: Document, data: Any) -> None:
    assert doc.sentences or doc.items


def items(n: int, *, dated: bool = True):
    def check(doc: Document, data: Any) -> None:
        flash = [item for item in doc.items if item.meta.get("kind") == "flash"]
        assert len(flash) == n
        if dated:
            assert all(item.published is not None for item in flash)
            assert flash[-1].published.date().isoformat() == "2025-11-20"

    return check


def crlf_page(doc: Document, data: Any) -> None:
    assert doc.text == data
    assert len(doc.items) >= 3


def no_invalid_date(doc: Document, data: Any) -> None:
    for mention in doc.times:
        if "13月45日" in mention.text and mention.value is not None:
            assert mention.value.start.month != 13


CASES = [
    # -- nothing, or not text ------------------------------------------------------------
    Case("empty", lambda: "", check=empty),
    Case("whitespace", lambda: "  \n\t \u3000 \r\n ", check=empty),
    Case("only-newlines", lambda: "\n" * 10_000, check=empty),
    Case("none", lambda: None, error=TypeError, match="got None"),
    Case("int", lambda: 42, error=TypeError, match="int"),
    Case("float", lambda: 3.5, error=TypeError, match="float"),
    Case("list", lambda: ["a", "b"], error=TypeError, match="list"),
    Case("object", lambda: object(), error=TypeError, match="object"),
    Case("record-without-text", lambda: {"id": "x", "title": "t"}, error=InputError),
    Case("record-text-none", lambda: {"id": "x", "text": None}, error=TypeError),
    Case("bad-published", lambda: NEWS, error=InputError, match="ISO 8601",
         kwargs={"published": "yesterday-ish"}),
    Case("bad-html-option", lambda: NEWS, error=ValueError, kwargs={"html": "sometimes"}),
    # -- bytes -------------------------------------------------------------------------------
    Case("bytes-utf8", lambda: NEWS.encode("utf-8"), check=decoded_to(NEWS, "utf-8")),
    Case("bytes-utf8-bom", lambda: b"\xef\xbb\xbf" + NEWS.encode(), check=decoded_to(NEWS)),
    Case("bytes-gbk", lambda: NEWS.encode("gbk"), check=decoded_to(NEWS, "gb18030")),
    Case("bytes-gb18030-4byte", lambda: ("𠀀" + NEWS + "€").encode("gb18030"),
         check=decoded_to("𠀀" + NEWS + "€", "gb18030")),
    Case("bytes-big5", lambda: TRADITIONAL.encode("big5"), check=decoded_to(TRADITIONAL, "cp950")),
    Case("bytes-utf16-bom", lambda: NEWS.encode("utf-16"), check=decoded_to(NEWS)),
    Case("bytes-bytearray", lambda: bytearray(NEWS.encode()), check=decoded_to(NEWS)),
    Case("bytes-memoryview", lambda: memoryview(NEWS.encode()), check=decoded_to(NEWS)),
    Case("bytes-undecodable", lambda: b"\x81\xff\x80\xfe\xff" * 10, error=InputError),
    Case("bytes-binary", lambda: bytes(range(256)) * 40, error=InputError),
    Case("bytes-nuls", lambda: b"\x00" * 1000, error=InputError, match="binary"),
    Case("bytes-forced-bad-encoding", lambda: NEWS.encode(), error=InputError,
         kwargs={"encoding": "ascii"}),
    Case("bytes-html-gbk", lambda: HTML_PAGE.replace("&mdash;", "—").encode("gb18030"),
         check=lambda d, _: d.meta["original_format"] == "html" and "研制" in d.text
         and d.meta["encoding"] == "gb18030"),
    # -- markup --------------------------------------------------------------------------
    Case("html-page", lambda: HTML_PAGE, check=html_cleaned),
    Case("html-script-only", lambda: "<script>alert('<b>x</b>')</script><p>正文。</p>",
         check=lambda d, _: d.text == "正文。"),
    Case("html-entities", lambda: "<p>A&amp;B&lt;C&gt;&#20013;&#x56FD;&copy;&bogus;</p><br>",
         check=lambda d, _: d.text == "A&B<C>中国©&bogus;"),
    Case("html-unclosed-comment", lambda: "<p>正文。</p><!-- 没有结尾" + "x" * 1000,
         check=lambda d, _: d.text == "正文。"),
    Case("html-off", lambda: "<p>正文。</p><p>第二段。</p>", kwargs={"html": False},
         check=same_text),
    Case("html-forced", lambda: "正文 &amp; 更多", kwargs={"html": True},
         check=lambda d, _: d.text == "正文 & 更多"),
    Case("not-html-angle-brackets", lambda: "若a<b且c>d，则价格<100元，<<三体>>畅销。",
         check=same_text),
    Case("html-many-lt", lambda: "<" * 50_000 + "正文。", check=same_text),
    Case("html-many-open-tags", lambda: "<p " * 30_000, kwargs={"html": True},
         check=lambda d, _: "<p" in d.text),
    Case("record-html-field", lambda: {"id": "h1", "html": HTML_PAGE}, check=html_cleaned),
    Case("markdown", lambda: "# 标题\n\n**2025年11月28日**，[新华社](http://x.cn)报道：\n\n- 一\n- 二\n\n"
         "```\ncode()\n```\n| a | b |\n|---|---|\n", check=same_text),
    Case("json-as-text", lambda: json.dumps({"title": "新闻", "text": NEWS}, ensure_ascii=False),
         check=same_text),
    # -- characters ----------------------------------------------------------------------
    Case("traditional", lambda: TRADITIONAL, check=same_text),
    Case("mixed-scripts", lambda: "中国 China Россия العربية 日本語のニュース 한국어 뉴스 Ελλάδα 2025年。",
         check=same_text),
    Case("emoji", lambda: "🚀🔥发布会于2025年11月28日举行😀👍，股价上涨5%📈。", check=same_text),
    Case("zwj-sequences", lambda: "一家人👨‍👩‍👧‍👦和🏳️‍🌈旗帜，🧑🏽‍💻程序员。", check=same_text),
    Case("zero-width", lambda: "中\u200b国\u200c科\u200d学\u2060院\ufeff发布3\u200b亿元。",
         check=same_text),
    Case("bom-at-start", lambda: "\ufeff" + NEWS, check=same_text),
    Case("rtl-marks", lambda: "\u202e价格\u202c为\u200f100\u200e元\u2067。\u2069", check=same_text),
    Case("control-chars", lambda: "2025年\x01\x02\x1b[31m11月\x7f28日\x85发布\x9b。",
         check=lambda d, data: len(d.text) == len(data) and d.meta["replaced_chars"] == 6),
    Case("nul", lambda: "中国\x00科学院\x00" * 100, check=same_length),
    Case("lone-surrogate", lambda: "股价\ud800上涨\udfff5%。\ud83d",
         check=lambda d, data: len(d.text) == len(data) and d.text.count("\ufffd") == 3),
    Case("noncharacters-private-use", lambda: "\uffff\ufffe\ue000\U0010fffd价格100元。",
         check=same_text),
    Case("combining-marks", lambda: "Cafe\u0301 e\u0301\u0301\u0301 中\u0300国。", check=same_text),
    Case("fullwidth", lambda: "ＡＢＣ公司２０２５年１１月２８日发布，营收１２３４５６万元，增长１５％。",
         check=same_text),
    Case("tabs", lambda: "\t2025年\t11月28日\t发布\t\t会议。\t\n\t第二行。", check=same_text),
    Case("crlf-page", lambda: _flash_page(3).replace("\n", "\r\n"), check=crlf_page),
    Case("cr-only-lines", lambda: "第一行。\r第二行。\r10:15\r正文。",
         check=lambda d, data: d.text == data.replace("\r", "\n")),
    Case("unicode-line-separators", lambda: "第一段。\u2028第二段。\u2029第三段。",
         check=lambda d, data: d.text.count("\n") == 2),
    # -- dates and pages -----------------------------------------------------------------
    Case("invalid-dates", lambda: "2025年13月45日发布，2月30日举行，25:61开始，0年0月0日。",
         check=no_invalid_date),
    Case("page-1000-flash-items", lambda: _flash_page(1000), check=items(1000), heavy=True),
    Case("flash-without-dates", lambda: _flash_page(20, dated=False), check=items(20, dated=False)),
    Case("clock-lines-only", lambda: "\n".join(f"{h:02d}:{m:02d}" for h in range(24)
                                              for m in range(0, 60, 7)), check=has_sentences),
    Case("invalid-date-header", lambda: "文章。\n\n2025年2月30日\n10:15\n快讯正文。",
         check=lambda d, _: d.meta.get("invalid_date_lines") == ["2025年2月30日"]),
    Case("ellipsis-only-flash", lambda: "文章。\n10:15\n……\n10:20\n正文。", check=has_sentences),
    # -- size ----------------------------------------------------------------------------
    Case("10mb-document", lambda: NEWS * (10_000_000 // len(NEWS)), error=InputError,
         match="max_chars"),
    Case("digits-100k", lambda: "1" * 100_000, heavy=True),
    Case("digits-2k", lambda: "1" * 2_000, heavy=True),
    Case("nianyueri-100k", lambda: "年月日" * 100_000, heavy=True),
    Case("punctuation-100k", lambda: "。，、！？；：…—" * 10_000, heavy=True),
    Case("wanyi-100k", lambda: "万亿" * 50_000, heavy=True),
    Case("long-latin-word", lambda: "a" * 100_000, heavy=True),
    Case("long-cjk-line", lambda: ("中国科学院研究所发布" * 10_000), heavy=True),
]

IDS = [case.id for case in CASES]
BY_ID = {case.id: case for case in CASES}


def run_case(case: Case, nlp) -> None:
    data = case.make()
    kwargs = {"published": PUBLISHED, **case.kwargs}
    if case.error is not None:
        with pytest.raises(case.error, match=case.match):
            nlp(data, **kwargs)
        # the batch API never raises: the error is recorded on a Document
        (doc,) = list(nlp.pipe([data])) if not case.kwargs else [None]
        if doc is not None:
            assert doc.errors and doc.text == ""
        return
    doc = nlp(data, **kwargs)
    assert isinstance(doc, Document)
    check_spans(doc)
    for item in doc.documents():
        assert not item.errors, item.errors
    if case.check is not None:
        result = case.check(doc, data)
        assert result is None or result is True, f"check failed for {case.id}"


def _subprocess_main(case_id: str) -> None:  # pragma: no cover - runs in a child
    from tests.robustness.conftest import build_robust_pipeline

    run_case(BY_ID[case_id], build_robust_pipeline())


def test_there_are_at_least_40_cases():
    assert len(CASES) >= 40
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_bad_input(case: Case, robust_nlp, request):
    if case.xfail:
        request.applymarker(pytest.mark.xfail(reason=case.xfail, strict=False))
    if not case.heavy:
        run_case(case, robust_nlp)
        return
    code = (
        "import sys; sys.setrecursionlimit(10000)\n"
        "from tests.robustness.test_bad_inputs import _subprocess_main\n"
        f"_subprocess_main({case.id!r})\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=case.budget,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.id}: no result within {case.budget:.0f} s (a hang)")
    assert result.returncode == 0, result.stderr[-3000:]
