from datetime import datetime

import pytest

from newsie.document import Document
from newsie.stages.page import PageSplitter
from newsie.time.zones import DEFAULT_TZ

split = PageSplitter()


def _items(text, **kw):
    return split(Document(text=text, id="p", **kw))


def test_plain_article_is_not_split():
    doc = Document(text="第一段。\n\n第二段。", id="p")
    assert split(doc) == [doc]


def test_sample_page_items_and_published(sample_text):
    items = _items(sample_text)
    kinds = [item.meta["kind"] for item in items]
    assert kinds == ["article"] + ["flash"] * 5
    assert items[0].published is None  # the page gave none
    assert [item.published for item in items[1:]] == [
        datetime(2025, 11, 20, h, m, tzinfo=DEFAULT_TZ)
        for h, m in [(10, 15), (9, 40), (9, 2), (8, 30), (8, 5)]
    ]
    for item in items:
        assert sample_text[item.offset : item.offset + len(item.text)] == item.text
        assert item.parent_id == "p"
    assert "最新快讯" not in "".join(item.text for item in items)
    assert "10:15" not in "".join(item.text for item in items)


def test_truncation_ellipsis_is_dropped_and_flagged(sample_text):
    items = _items(sample_text)
    fire = items[1]
    assert fire.text.endswith("正在调查中")
    assert fire.meta["truncated"] is True
    assert items[2].meta["truncated"] is False


def test_caption_is_marked_as_furniture(sample_text):
    article = _items(sample_text)[0]
    (start, end, kind), = article.meta["furniture"]
    assert kind == "caption"
    assert article.text[start:end].endswith("插图")


def test_seed_page(seed_text):
    items = _items(seed_text)
    assert len(items) == 13
    assert items[0].meta["kind"] == "article"
    assert items[0].text.startswith("xAI联合创始人Igor Babuschkin")
    assert items[0].text.endswith("持续领航。")
    clocks = [item.published.strftime("%H:%M") for item in items[1:]]
    assert clocks == ["13:39"] * 4 + ["13:38", "13:08", "13:08"] + ["12:38"] * 5
    assert all(item.published.date().isoformat() == "2025-11-28" for item in items[1:])
    assert all(item.meta["truncated"] for item in items[1:])
    for item in items:
        assert seed_text[item.offset : item.offset + len(item.text)] == item.text


def test_page_published_supplies_the_day_without_a_date_header():
    text = "正文一句。\n\n快讯\n09:30\n某地发生一起事故。\n10:00\n另一条快讯。"
    published = datetime(2024, 5, 6, 12, 0, tzinfo=DEFAULT_TZ)
    items = _items(text, published=published)
    assert [i.published for i in items] == [
        published,
        datetime(2024, 5, 6, 9, 30, tzinfo=DEFAULT_TZ),
        datetime(2024, 5, 6, 10, 0, tzinfo=DEFAULT_TZ),
    ]


def test_flash_items_without_any_date_keep_no_published():
    items = _items("09:30\n某地发生一起事故。\n10:00\n另一条快讯。")
    assert [i.text for i in items] == ["某地发生一起事故。", "另一条快讯。"]
    assert [i.published for i in items] == [None, None]


@pytest.mark.parametrize("bad", ["2025年13月45日\n09:30\n快讯内容。", "99:99\n内容"])
def test_invalid_headers_do_not_crash(bad):
    items = _items(bad)
    assert items
    for item in items:
        assert bad[item.offset : item.offset + len(item.text)] == item.text
