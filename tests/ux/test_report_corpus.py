"""The report on a real corpus: 184 days of news transcripts, read from their folder by
the command line (dated by file name), run through the default pipeline and reported."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from builders import CHROMIUM_ARGS, real_pipeline_or_skip

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "xinwenlianbo-2025h2"

pytest.importorskip("duckdb")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"no news-transcript corpus at {CORPUS}")
    real_pipeline_or_skip()
    from newsie.export import read_table
    from newsie.report import write_report

    tmp = tmp_path_factory.mktemp("corpus")
    database = tmp / "news.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "newsie.cli", "extract", str(CORPUS), "-o", str(database),
         "-w", "2", "-q"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
        text=True, timeout=1200, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    page = write_report(database, tmp / "report.html", title="news transcripts")
    return page, page.read_text(encoding="utf-8"), read_table(database, "events")


def test_documents_are_dated_by_their_file_names(report):
    _, html, events = report
    assert '<div class="card"><b>184</b>documents read</div>' in html
    assert "<b>2025-07-01 – 2025-12-31</b>published" in html
    assert events["published_date"].min().isoformat() == "2025-07-01"


def test_the_timeline_spans_the_publication_window(report):
    _, html, events = report
    labels = re.findall(r'<text class="tick" [^>]*>([^<]*)</text>', html)
    assert 3 <= len(labels) <= 20
    assert all("2025-06" <= label <= "2026-01" for label in labels), labels
    lanes = re.findall(r'<text class="lane" [^>]*><title>[^<]*</title>[^<]*\((\d+)\)</text>', html)
    assert sum(map(int, lanes)) == len(events)  # every event counts in a lane


def test_the_table_is_newest_first_with_sentences(report):
    _, html, events = report
    keys = re.findall(r'<tr data-type="[^"]*" data-status="[^"]*"><td data-key="([^"]*)"', html)
    assert len(keys) == min(len(events), 5000)
    assert keys == sorted(keys, reverse=True) and keys[0].startswith("2025-12-31")
    sentences = re.findall(r'<td class="sentence">(.*?)</td>', html)
    assert sum("<mark>" in s for s in sentences) >= 0.9 * len(sentences)


def test_the_report_renders_in_chromium(report, chromium, tmp_path):
    page, _, _ = report
    shot = tmp_path / "report.png"
    result = subprocess.run(
        [chromium, *CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1400,1050", page.as_uri()],
        check=False, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert shot.is_file(), result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
