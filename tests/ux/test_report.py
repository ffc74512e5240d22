"""The static HTML report: self-contained, escaped, and rendered by a real browser."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from builders import CHROMIUM_ARGS, make_page

pytest.importorskip("pandas")

from newsie.document import Document
from newsie.export import to_pandas, write
from newsie.report import build_report, write_report


def test_report_is_self_contained_and_escaped(demo_docs, page):
    html = build_report(to_pandas([*demo_docs, page]), title="<b>weekly</b>",
                        generated=datetime(2025, 11, 30, tzinfo=timezone.utc))  # fmt: skip
    assert html.startswith("<!DOCTYPE html>")
    assert "&lt;b&gt;weekly&lt;/b&gt;" in html and "<b>weekly" not in html
    assert "新闻 0 &lt;b&gt;" in html and "新闻 0 <b>" not in html  # document titles
    assert html.count("<script>") == 1  # only the inline filter script
    # nothing fetched from the network: no external scripts, styles, fonts or images
    assert not re.search(r"<script[^>]+src=|<link|@import|url\(|<img|<iframe", html)
    assert "<svg" in html and "timeline of events by type" in html
    assert "donation (" in html and "product_launch (" in html
    assert "Most frequent actors" in html and "远望科技" in html
    assert 'id="q"' in html and 'id="ftype"' in html and 'id="fstatus"' in html
    assert html.count('<tr data-type="') == len(to_pandas([*demo_docs, page]))


def test_report_without_times_or_events():
    import pandas as pd

    empty = build_report(to_pandas([]))
    assert "No event has a time" in empty and "No actors" in empty
    frame = pd.DataFrame({"type": ["fire"], "status": ["happened"], "confidence": [0.5]})
    assert "fire" in build_report(frame)


def test_write_report_from_every_format(tmp_path, demo_docs):
    pytest.importorskip("pyarrow")
    for suffix in ("parquet", "csv", "jsonl", "duckdb"):
        source = write(demo_docs, tmp_path / f"events.{suffix}")
        out = write_report(source, tmp_path / f"report-{suffix}.html")
        text = out.read_text(encoding="utf-8")
        assert text.count('<tr data-type="') == len(demo_docs), suffix
    assert write_report(demo_docs, tmp_path / "direct.html").is_file()


def _chromium(chromium, tmp_path, *args):
    return subprocess.run(
        [chromium, *CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture()
def report_file(tmp_path, demo_docs):
    return write_report([*demo_docs, make_page()], tmp_path / "report.html", title="newsie demo")


def test_report_renders_in_headless_chromium(chromium, tmp_path, report_file):
    shot = tmp_path / "report.png"
    result = _chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1200,900",
                       report_file.as_uri())  # fmt: skip
    assert shot.is_file(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_report_script_runs_in_headless_chromium(chromium, tmp_path, report_file):
    result = _chromium(chromium, tmp_path, "--dump-dom", report_file.as_uri())
    dom = result.stdout
    assert "<svg" in dom, result.stderr[-2000:]
    # the inline script ran: it marked the body and counted the visible rows into #shown
    assert 'data-ready="1"' in dom
    match = re.search(r'<b id="shown">(\d+)</b>', dom)
    assert match and int(match.group(1)) == dom.count('<tr data-type="')


def test_report_counts_documents_read_and_items(tmp_path, page, demo_docs):
    pytest.importorskip("duckdb")
    source = write(page, tmp_path / "news.duckdb")
    text = write_report(source, tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<div class="card"><b>1</b>document read</div>' in text
    assert '<div class="card"><b>2</b>items of split pages</div>' in text
    assert '<div class="card"><b>2</b>events</div>' in text
    # documents without events count as read
    quiet = [Document(text="无事发生。", id=f"quiet{i}", published=demo_docs[0].published)
             for i in range(3)]  # fmt: skip
    html = build_report(to_pandas([*demo_docs, *quiet]),
                        documents=to_pandas([*demo_docs, *quiet], "documents"))  # fmt: skip
    assert f'<b>{len(demo_docs) + 3}</b>documents read' in html
    # an events file alone cannot know them, and says what it counts
    alone = build_report(to_pandas([*demo_docs, *quiet]))
    assert f'<b>{len(demo_docs)}</b>documents with events' in alone


def _frame(n_days=184, outliers=True):
    """Events over a half year of publications (two a day), and mentions far outside it."""
    pd = pytest.importorskip("pandas")
    rows = []
    start = pd.Timestamp("2025-07-01T19:30+08:00")
    for day in range(n_days):
        published = start + pd.Timedelta(days=day)
        for k, event_type in enumerate(("meeting", "visit")):
            rows.append({"event_id": f"e{day}-{k}", "type": event_type, "status": "happened",
                         "confidence": 0.7, "published": published,
                         "time_start": published.floor("D"), "time_grain": "day",
                         "trigger": "会见", "sentence": f"第{day}天，习近平会见外宾。",
                         "document_id": f"d{day}", "roles": '{"host": ["习近平"]}'})  # fmt: skip
    if outliers:
        rows.append({**rows[0], "event_id": "old", "time_start": pd.Timestamp("0025-01-01T00:00+08:00"),
                     "time_text": "两千多年前"})  # fmt: skip
        rows.append({**rows[1], "event_id": "future", "time_start": pd.Timestamp("2027-01-01T00:00+08:00"),
                     "time_text": "2027年"})  # fmt: skip
    rows.append({**rows[2], "event_id": "undated", "time_start": None, "published": None,
                 "type": "visit"})  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["time_start"] = pd.to_datetime(frame["time_start"], utc=True, format="ISO8601")
    return frame


def _ticks(html):
    return re.findall(r'<text class="tick" [^>]*>([^<]*)</text>', html)


def test_far_mentions_do_not_stretch_the_timeline():
    html = build_report(_frame())
    labels = _ticks(html)
    assert 3 <= len(labels) <= 20
    assert labels[0] >= "2025-06" and labels[-1] <= "2026-02", labels
    # the mentions are counted at the ends of their lanes and in a note, not plotted
    assert '>‹ 1</text>' in html and '>1 ›</text>' in html
    assert "2 event(s) dated far from the publication window" in html
    assert "from 0025-01-01" in html and "to 2027-01-01" in html
    assert "<b>2025-07-01 – 2025-12-31</b>published" in html
    # every event counts in its lane, with a time or without
    assert ">meeting (185)</text>" in html and ">visit (186)</text>" in html


def test_axis_labels_fit_for_any_span():
    from newsie.report import axis_ticks

    base = datetime(2025, 7, 1, tzinfo=timezone.utc)
    for days in (1, 3, 10, 30, 61, 200, 400, 1000, 5000, 40000, 700000):
        ticks = axis_ticks(base - timedelta(days=days // 2), base + timedelta(days=days), 900)
        labels = [label for _, label in ticks]
        assert 1 <= len(labels) <= 20, (days, labels)
        assert len(set(labels)) == len(labels), (days, labels)
        assert [t for t, _ in ticks] == sorted(t for t, _ in ticks)


def test_many_types_share_the_last_lane():
    pd = pytest.importorskip("pandas")
    frame = _frame(30, outliers=False)
    extra = frame.iloc[:40].copy()
    extra["type"] = [f"type{i:02d}" for i in range(40)]
    html = build_report(pd.concat([frame, extra]))
    lanes = re.findall(r'<text class="lane" [^>]*><title>[^<]*</title>([^<]*)</text>', html)
    assert len(lanes) == 24 and lanes[-1] == "19 other types (19)"


def test_table_sorts_by_publication_and_shows_the_sentence():
    html = build_report(_frame(10, outliers=False))
    keys = re.findall(r'<tr data-type="[^"]*" data-status="[^"]*"><td data-key="([^"]*)"', html)
    dated = [k for k in keys if k]
    assert dated == sorted(dated, reverse=True) and dated[0].startswith("2025-07-10T19:30")
    assert keys[-1] == ""  # no publication time: last
    assert "第9天，习近平<mark>会见</mark>外宾。" in html
    assert "<b>host</b>: 习近平" in html


def test_sentence_is_cut_around_its_trigger():
    from newsie.report import _sentence_cell

    long = "甲" * 400 + "捐赠" + "乙" * 400
    cell = _sentence_cell({"sentence": long, "trigger": "捐赠"})
    assert "<mark>捐赠</mark>" in cell and cell.startswith("…") and cell.endswith("…")
    assert len(cell) < 300
    assert _sentence_cell({"sentence": "<b>x</b>", "trigger": "x"}) == "&lt;b&gt;<mark>x</mark>&lt;/b&gt;"


def test_version_1_exports_with_arg_columns_still_report():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"type": ["donation"], "status": ["happened"], "confidence": [0.8],
                          "published": ["2025-11-20T12:00:00+00:00"], "trigger": ["捐赠"],
                          "arg_donor": ["远望科技|星辰电子"]})  # fmt: skip
    html = build_report(frame)
    assert "<b>donor</b>: 远望科技、星辰电子" in html
