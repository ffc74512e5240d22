"""HTML and plain-text rendering of documents and events."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

from builders import ITEM_1, ITEM_2, make_doc

from newsie.display import (
    EventList,
    format_document,
    format_event,
    format_time,
    render_document,
    render_event,
    render_events,
)
from newsie.document import Document
from newsie.time.value import TimeValue

CST = timezone(timedelta(hours=8))


def _visible_text(fragment: str) -> str:
    """Text of highlighted HTML without the label badges."""
    fragment = re.sub(r'<span style="font-size:0.62em[^"]*">.*?</span>', "", fragment)
    fragment = fragment.replace("<br>\n", "\n")
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_script_in_text_is_escaped(page):
    out = render_document(page)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out


def test_metadata_and_arguments_are_escaped():
    doc = make_doc("<img src=x onerror=alert(1)>远望科技宣布向宁波市慈善总会捐赠500万元。")
    doc.title = "<b>bold</b>"
    doc.errors.append("<i>oops</i>")
    out = render_document(doc)
    assert "<img" not in out and "<b>bold" not in out and "<i>oops" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    event = doc.events[0]
    assert "<img" not in render_event(event)
    assert "<img" not in render_events(doc.events, texts={doc.id: doc.text})


def test_highlighting_keeps_every_character(page):
    from newsie.display import _highlighted_text

    for item in page.items:
        assert _visible_text(_highlighted_text(item)) == item.text


def test_highlights_entities_times_values_triggers_and_arguments():
    doc = make_doc()
    out = render_document(doc)
    for cls in ("newsie-org", "newsie-time", "newsie-money", "newsie-trigger"):
        assert f'class="{cls}"' in out, cls
    assert "argument: donation.donor" in out  # tooltip on the donor entity
    assert "donor" in out and "recipient" in out
    assert "1 event(s)" in out


def test_split_page_renders_each_item_with_its_published_time(page):
    out = render_document(page)
    assert "page page1: 2 items" in out
    assert "item 1" in out and "item 2" in out
    assert "2025-11-20 09:40" in out and "2025-11-20 08:30" in out
    assert out.count("<table") >= 1 and "2 event(s)" in out


def test_repr_html_hooks(page):
    assert page._repr_html_() == render_document(page)
    event = page.all_events[0]
    assert event._repr_html_() == render_event(event)
    events = EventList(page.all_events)
    assert "donation" in events._repr_html_() and "product_launch" in events._repr_html_()
    assert len(events.to_pandas()) == 2


def test_empty_document_and_no_events():
    doc = Document(text="")
    assert "no events" in render_document(doc)
    assert "events: none" in format_document(doc)


def test_format_document_plain_text(page):
    out = format_document(page)
    assert "2 item(s)" in out and "2 event(s)" in out
    assert "[1] page1#0 · 2025-11-20 09:40" in out
    assert "ORG: 远望科技, 宁波市慈善总会" in out
    assert "11月20日 -> 2025-11-20" in out
    assert "donor: 远望科技 <ORG>" in out
    assert "amount: 500万元 <MONEY> = 5,000,000 CNY" in out
    assert "<script>" in out  # plain text is not escaped: it is not HTML
    assert ITEM_2[:10] in out and ITEM_1[:10] in out


def test_format_event_line(page):
    line = format_event(page.all_events[1]).splitlines()[0]
    assert line.startswith("product_launch [happened, 0.80] «推出» @ 2025-11-20")


def test_format_time_kinds():
    start = datetime(2025, 11, 20, tzinfo=CST)
    assert format_time(None) == ""
    assert (
        format_time(
            TimeValue(kind="point", start=start, end=start + timedelta(days=1), grain="day")
        )
        == "2025-11-20"
    )
    assert (
        format_time(
            TimeValue(kind="point", start=start, end=start, grain="month", approximate=True)
        )
        == "~2025-11"
    )
    assert (
        format_time(
            TimeValue(kind="point", start=start.replace(month=10), end=start, grain="quarter")
        )
        == "2025Q4"
    )
    rng = TimeValue(kind="range", start=start, end=start + timedelta(days=3), grain="day")
    assert format_time(rng) == "2025-11-20 – 2025-11-22"
    assert format_time(TimeValue(kind="duration", grain="day", duration_seconds=3 * 86400)) == "3 d"
    assert format_time(TimeValue(kind="set", grain="week", recurrence="week")) == "every week"
