"""The static HTML report: self-contained, escaped, and rendered by a real browser."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, timezone

import pytest
from builders import CHROMIUM_ARGS, make_page

pytest.importorskip("pandas")

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


def test_report_counts_items_not_pages(tmp_path, page):
    pytest.importorskip("duckdb")
    source = write(page, tmp_path / "news.duckdb")
    text = write_report(source, tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<div class="card"><b>2</b>documents</div>' in text
    assert '<div class="card"><b>2</b>events</div>' in text
