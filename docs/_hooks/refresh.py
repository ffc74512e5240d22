"""Refresh the rendered output the docs show: ``python docs/_hooks/refresh.py``.

* ``docs/example.ipynb`` is run top to bottom and saved with its outputs (the site shows
  them, see ``notebook.py``);
* ``docs/img/display-light.png`` and ``display-dark.png``: the sample page as the display
  renders it in a light and a dark theme (headless Chromium);
* ``docs/img/report.png``: the top of the HTML report on the news-transcript corpus in
  ``../shared/data/news/xinwenlianbo-2025h2`` (when it is there): figures and timeline
  only -- the corpus's text is not ours to publish.

Needs the ``test`` extra (nbclient, ipykernel, pandas, duckdb) and ``chromium``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CORPUS = ROOT.parent / "shared" / "data" / "news" / "xinwenlianbo-2025h2"
THEMES = {"light": ("#ffffff", "#1f1f1f"), "dark": ("#1e1e1e", "#d4d4d4")}
sys.path.insert(0, str(ROOT))  # this checkout's newsie, not another installed one
CHROMIUM = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--disable-background-networking", "--no-first-run")  # fmt: skip


def run_notebook() -> None:
    import nbclient
    import nbformat

    path = DOCS / "example.ipynb"
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3",
        resources={"metadata": {"path": str(DOCS)}},
    ).execute()  # fmt: skip
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
    nbformat.write(notebook, path)
    print(f"ran {path.relative_to(ROOT)}")


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    raise SystemExit("chromium not found (apt-get install chromium fonts-wqy-microhei)")


def screenshot(page: Path, png: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [_chromium(), *CHROMIUM, f"--user-data-dir={profile}", f"--screenshot={png}",
             f"--window-size={width},{height}", page.as_uri()],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    print(f"wrote {png.relative_to(ROOT)}")


def display_shots(out: Path) -> None:
    import newsie
    from newsie.display import render_document
    from newsie.resources import corpora_path

    nlp = newsie.load()
    doc = nlp(corpora_path("samples", "page.txt").read_text(encoding="utf-8"),
              published="2025-11-20T12:00")  # fmt: skip
    shown = doc.model_copy(update={"items": doc.items[1:4]}) if len(doc.items) > 3 else doc
    for theme, (background, color) in THEMES.items():
        page = out / f"{theme}.html"
        page.write_text(
            "<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
            f"<body style='background:{background};color:{color};margin:1.2em;font-size:14px'>"
            f"{render_document(shown)}</body></html>",
            encoding="utf-8",
        )
        screenshot(page, DOCS / "img" / f"display-{theme}.png", 880, 660)


def report_shot(out: Path) -> None:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: docs/img/report.png left as it is")
        return
    from newsie.report import write_report

    database = out / "news.duckdb"
    subprocess.run(
        [sys.executable, "-m", "newsie.cli", "extract", str(CORPUS), "-o", str(database),
         "-w", "2", "-q"],
        check=True, cwd=ROOT,
    )  # fmt: skip
    page = write_report(database, out / "report.html", title="新闻联播 2025H2")
    screenshot(page, DOCS / "img" / "report.png", 1400, 1050)


def main() -> None:
    (DOCS / "img").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        display_shots(Path(tmp))
        report_shot(Path(tmp))
    run_notebook()


if __name__ == "__main__":
    main()
