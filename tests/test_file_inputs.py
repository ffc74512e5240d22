"""Dates and documents from what files say: date spellings in records, a date in a file's
name or folder, sidecars, HTML meta tags, and SogouCS-style XML files."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "ux"))

from builders import ITEM_1, ITEM_2, FakePipeline

import newsie
from newsie.cli import main
from newsie.io.feeds import Line
from newsie.io.files import date_in_name, date_in_url, html_published, xml_records
from newsie.io.inputs import InputError, parse_published

CST = timezone(timedelta(hours=8))


@pytest.fixture()
def fake(monkeypatch):
    pipeline = FakePipeline()
    monkeypatch.setattr(newsie, "load", lambda config=None: pipeline)
    return pipeline


def _documents(tmp_path, *args):
    out = tmp_path / "docs.jsonl"
    result = CliRunner().invoke(main, ["extract", *map(str, args), "--table", "documents",
                                       "-o", str(out)])  # fmt: skip
    rows = (
        [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        if out.is_file()
        else []
    )
    return result, {row["document_id"]: row for row in rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-20", datetime(2025, 11, 20)),
        ("2025-11-20T09:40", datetime(2025, 11, 20, 9, 40)),
        ("2025-11-20 09:40:00+08:00", datetime(2025, 11, 20, 9, 40, tzinfo=CST)),
        ("2025/11/20", datetime(2025, 11, 20)),
        ("2025/11/20 09:40:05", datetime(2025, 11, 20, 9, 40, 5)),
        ("2025.11.20", datetime(2025, 11, 20)),
        ("2025-7-1 8:05", datetime(2025, 7, 1, 8, 5)),
        ("2025年11月20日", datetime(2025, 11, 20)),
        ("2025年11月20日 09:40", datetime(2025, 11, 20, 9, 40)),
        ("2025年11月20日9时40分", datetime(2025, 11, 20, 9, 40)),
        ("2025年11月20日下午3点", datetime(2025, 11, 20, 15)),
        ("２０２５年１１月２０日", datetime(2025, 11, 20)),
        ("20251120", datetime(2025, 11, 20)),
        ("202511200940", datetime(2025, 11, 20, 9, 40)),
        ("Thu, 20 Nov 2025 09:40:00 +0800", datetime(2025, 11, 20, 9, 40, tzinfo=CST)),
        ("1763602800", datetime(2025, 11, 20, 1, 40, tzinfo=timezone.utc)),
        ("1763602800000", datetime(2025, 11, 20, 1, 40, tzinfo=timezone.utc)),
        (1763602800, datetime(2025, 11, 20, 1, 40, tzinfo=timezone.utc)),
        (date(2025, 11, 20), datetime(2025, 11, 20)),
    ],
)
def test_date_spellings(text, expected):
    assert parse_published(text) == expected


@pytest.mark.parametrize("text", ["03/04/2025", "11/20/2025", "20/11/2025", "25/11/20"])
def test_day_month_order_is_not_guessed(text):
    with pytest.raises(InputError, match="ambiguous: its day and month order cannot be told"):
        parse_published(text)


@pytest.mark.parametrize("text", ["2025-13-01", "2025年2月30日", "yesterday", "11月20日"])
def test_not_a_date(text):
    with pytest.raises(InputError, match="not a (valid )?date"):
        parse_published(text)


def test_pipeline_takes_the_same_spellings():
    nlp = newsie.Pipeline(["sentences", "times"])
    doc = nlp("今天发布。", published="2025年11月20日 09:40")
    assert doc.published == datetime(2025, 11, 20, 9, 40, tzinfo=doc.published.tzinfo)
    assert doc.times[0].value.start.date() == date(2025, 11, 20)


def test_date_in_name_and_url():
    assert date_in_name("news/20250701.md") == date(2025, 7, 1)
    assert date_in_name("2025-07-01-evening.txt") == date(2025, 7, 1)
    assert date_in_name("cctv_2025_07_01.txt") == date(2025, 7, 1)
    assert date_in_name("2025-07-01/a.txt", parents=1) == date(2025, 7, 1)
    assert date_in_name("2025-07-01/a.txt") is None  # folders only when asked
    assert date_in_name("id-123456789.txt") is None  # inside a longer number
    assert date_in_name("20251301.txt") is None  # no month 13
    assert date_in_name("20250701-20250702.txt") is None  # two dates: which?
    assert date_in_url("http://gongyi.sohu.com/20120706/n347457739.shtml") == date(2012, 7, 6)
    assert date_in_url("https://x.cn/2024/0131/a.html") == date(2024, 1, 31)
    assert date_in_url("https://x.cn/2024-01-31/a.html") == date(2024, 1, 31)
    assert date_in_url("https://x.cn/s2008/sourceoflife/") is None


def test_folder_of_text_files_dated_by_name(tmp_path, fake):
    news = tmp_path / "news"
    (news / "2025-11-19").mkdir(parents=True)
    (news / "20251120.md").write_text(ITEM_1, encoding="utf-8")
    (news / "2025-11-19" / "evening.txt").write_text(ITEM_2, encoding="utf-8")
    (news / "undated.txt").write_text(ITEM_2, encoding="utf-8")
    result, docs = _documents(tmp_path, news, "--published", "2025-01-01T12:00")
    assert result.exit_code == 0, result.stderr
    assert docs["20251120"]["published"] == "2025-11-20T00:00:00+08:00"
    assert docs["2025-11-19/evening"]["published"] == "2025-11-19T00:00:00+08:00"
    assert docs["undated"]["published"] == "2025-01-01T12:00:00+08:00"  # --published
    _, plain = _documents(tmp_path, news, "--no-date-from-name")
    assert plain["20251120"]["published"] is None


def test_sidecar_metadata_wins(tmp_path, fake):
    (tmp_path / "20251120.txt").write_text(ITEM_1, encoding="utf-8")
    (tmp_path / "20251120.json").write_text(
        json.dumps({"published": "2025/11/21 08:00", "title": "标题", "url": "https://a.cn/x",
                    "author": "记者"}, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    (tmp_path / "bad.txt").write_text(ITEM_2, encoding="utf-8")
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    result, docs = _documents(tmp_path, tmp_path / "20251120.txt", tmp_path / "bad.txt")
    row = docs["20251120"]
    assert (row["published"], row["title"], row["url"]) == (
        "2025-11-21T08:00:00+08:00", "标题", "https://a.cn/x"
    )  # fmt: skip
    assert result.exit_code == 1
    assert "bad.txt: sidecar bad.json: holds a JSON list, not an object" in result.stderr


def test_record_dates_in_common_spellings(tmp_path, fake):
    feed = tmp_path / "feed.csv"
    feed.write_text(
        "id,text,published\n"
        f"a,{ITEM_1},2025/11/20\n"
        f"b,{ITEM_1},2025年11月20日 09:40\n"
        f"c,{ITEM_1},03/04/2025\n"
        f"d,{ITEM_1},Thu 20 Nov\n",
        encoding="utf-8",
    )
    lines = [json.dumps({"id": "j", "text": ITEM_2, "published": 1763602800})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, docs = _documents(tmp_path, feed, tmp_path / "feed.jsonl")
    assert docs["a"]["published"] == "2025-11-20T00:00:00+08:00"
    assert docs["b"]["published"] == "2025-11-20T09:40:00+08:00"
    assert docs["j"]["published"] == "2025-11-20T01:40:00+00:00"
    assert "c" not in docs and "d" not in docs
    errors = result.stderr.splitlines()
    assert any("feed.csv:4:" in e and "'03/04/2025' is ambiguous" in e for e in errors), errors
    assert any("feed.csv:5:" in e and "is not a date; accepted:" in e for e in errors), errors
    assert result.exit_code == 1


def test_html_files_are_articles(tmp_path, fake):
    page = (
        "<html><head><title>远望科技捐赠</title>"
        '<meta property="article:published_time" content="2025-11-20T09:40:00+08:00">'
        "</head><body><script>var x = 1;</script><p>" + ITEM_1 + "</p></body></html>"
    )
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "20251119.htm").write_text(f"<p>{ITEM_2}</p>", encoding="gb18030")
    result, docs = _documents(tmp_path, tmp_path)
    assert result.exit_code == 0, result.stderr
    a = docs["a"]
    assert (a["title"], a["published"]) == ("远望科技捐赠", "2025-11-20T09:40:00+08:00")
    assert a["chars"] < len(page) and docs["20251119"]["published"].startswith("2025-11-19")
    out = CliRunner().invoke(main, ["extract", str(tmp_path / "a.html")])
    assert json.loads(out.stdout.splitlines()[0])["type"] == "donation"


def test_html_published_meta():
    assert html_published('<meta name="pubdate" content="2025-11-20">') == "2025-11-20"
    assert html_published("<meta content='2025/11/20 09:40' itemprop='datePublished'>") == (
        "2025/11/20 09:40"
    )
    assert html_published('<time datetime="2025-11-20T09:40">昨天</time>') == "2025-11-20T09:40"
    assert html_published("<p>no date</p>") is None


SOGOU = (
    "<doc>\n<url>http://gongyi.sohu.com/20120706/n347457739.shtml</url>\n"
    "<docno>d1</docno>\n<contenttitle>标题一 &amp; 二</contenttitle>\n"
    f"<content>{ITEM_1} A&B</content>\n</doc>\n"
    "<doc>\n<url>http://gongyi.sohu.com/s2008/x/</url>\n<docno>d2</docno>\n"
    "<contenttitle>只有标题</contenttitle>\n<content></content>\n</doc>\n"
    f"<doc>\n<docno>d3</docno>\n<date>2012/07/08</date>\n<content>{ITEM_2}\n第二行</content>\n</doc>\n"
)


def test_xml_records():
    lines = [Line(i + 1, text) for i, text in enumerate(SOGOU.splitlines(keepends=True))]
    items = list(xml_records(lines))
    assert [(i.number, i.error) for i in items] == [
        (1, None),
        (7, "<doc> has no content"),
        (13, None),
    ]
    first = items[0].data
    assert first["title"] == "标题一 & 二" and first["text"].endswith("A&B")
    assert (first["id"], first["published"]) == ("d1", "2012-07-06")
    assert items[2].data["published"] == "2012/07/08" and "第二行" in items[2].data["text"]
    unclosed = list(xml_records([Line(1, "<doc><content>x\n")]))
    assert unclosed[0].error == "<doc> is never closed"


def test_sogou_files_in_a_folder_and_by_name(tmp_path, fake):
    folder = tmp_path / "sogou"
    folder.mkdir()
    (folder / "news.xml").write_bytes(SOGOU.encode("gb18030"))
    result, docs = _documents(tmp_path, folder)
    assert set(docs) == {"d1", "d3"}
    assert docs["d1"]["published"] == "2012-07-06T00:00:00+08:00"
    assert docs["d1"]["title"] == "标题一 & 二"
    assert "news.xml:7: <doc> has no content" in result.stderr and result.exit_code == 1
    dat = tmp_path / "news_sohusite_xml.smarty.dat"  # as SogouCS ships it
    dat.write_bytes(SOGOU.encode("gb18030"))
    _, by_name = _documents(tmp_path, dat)
    assert set(by_name) == {"d1", "d3"}


def test_real_sogou_sample(tmp_path, fake):
    sample = Path(__file__).resolve().parents[2] / "shared/data/news/sogoucs-mini"
    files = sorted(sample.glob("*.dat")) if sample.is_dir() else []
    if not files:
        pytest.skip("no SogouCS sample in ../shared/data/news/sogoucs-mini")
    result, docs = _documents(tmp_path, files[0])
    assert len(docs) >= 150  # 200 <doc>s, some with no content
    dated = [d for d in docs.values() if d["published"]]
    # SogouCS has no date field: it comes from the URL path where there is one
    assert len(dated) >= 60 and all(d["published"].startswith("20") for d in dated)
    assert all(d["title"] for d in docs.values())
