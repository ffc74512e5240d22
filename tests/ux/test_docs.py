"""The documentation site builds with ``mkdocs build --strict``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    for page in ("index.html", "exports/index.html", "cli/index.html", "scaling/index.html",
                 "concepts/index.html", "writing-a-stage/index.html", "example.ipynb",
                 "example-notebook/index.html", "img/report.png"):  # fmt: skip
        assert (tmp_path / "site" / page).is_file(), page
    assert not (tmp_path / "site" / "_hooks").exists()
    # the notebook is a page with its outputs: the highlighted document and the DataFrame
    notebook = (tmp_path / "site" / "example-notebook" / "index.html").read_text(encoding="utf-8")
    assert 'class="newsie-document"' in notebook and 'class="newsie-trigger"' in notebook
    assert 'class="dataframe' in notebook and "events" in notebook
    display = (tmp_path / "site" / "display" / "index.html").read_text(encoding="utf-8")
    for image in ("display-light.png", "display-dark.png", "report.png"):
        assert f'src="../img/{image}"' in display, image


def test_exports_doc_matches_schema():
    from newsie.export import COLUMNS, SCHEMA_VERSION

    text = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    assert f"## Schema, version {SCHEMA_VERSION}" in text
    for table, columns in COLUMNS.items():
        assert f"### `{table}`" in text
        for name, _ in columns:
            assert f"`{name}`" in text, (table, name)


def test_cli_doc_mentions_every_command():
    from newsie.cli import main

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"## `newsie {name}`" in text


def test_committed_notebook_keeps_its_outputs():
    """The site shows the notebook's outputs, so the committed file must have them
    (``python docs/_hooks/refresh.py`` runs it again)."""
    notebook = json.loads((ROOT / "docs" / "example.ipynb").read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code and all(cell["outputs"] for cell in code)
    outputs = [output for cell in code for output in cell["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    html = "".join("".join(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert 'class="newsie-document"' in html and "<table" in html


def test_notebook_page_markdown():
    sys.path.insert(0, str(ROOT / "docs" / "_hooks"))
    from notebook import notebook_markdown

    page = notebook_markdown({"cells": [
        {"cell_type": "markdown", "source": ["# Title\n", "text"]},
        {"cell_type": "code", "source": "x = 1\nx", "outputs": [
            {"output_type": "stream", "text": ["a <b>\n"]},
            {"output_type": "execute_result", "data": {"text/html": "<div>\n\n<i>x</i></div>",
                                                       "text/plain": "x"}},
            {"output_type": "display_data", "data": {"text/plain": ["1"]}},
        ]},
    ]})  # fmt: skip
    assert page.startswith("# Title\ntext\n\n```python\nx = 1\nx\n```")
    assert '<pre class="nb-stream">a &lt;b&gt;\n</pre>' in page
    assert '<div class="nb-output">\n<div>\n<i>x</i></div>\n</div>' in page  # no blank line
    assert '<pre class="nb-result">1</pre>' in page
    assert "[Download the notebook](example.ipynb)" in page


def test_docs_images_exist():
    for page in sorted((ROOT / "docs").glob("*.md")):
        for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", page.read_text(encoding="utf-8")):
            path = ROOT / "docs" / image
            assert path.is_file(), (page.name, image)
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image


def _python_blocks(page: str) -> list[str]:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


@pytest.mark.slow
def test_display_docs_examples_run():
    """The examples of docs/display.md run, in order, on the sample page."""
    from builders import real_pipeline_or_skip

    real_pipeline_or_skip()
    blocks = _python_blocks("display.md")
    assert len(blocks) >= 3
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "docs/display.md", "exec"), namespace)  # noqa: S102
    doc = namespace["doc"]
    assert doc.items and doc.events == [] and doc.all_events
    assert namespace["html"].count('class="newsie-item"') == len(doc.items)
    assert f"all_events={len(doc.all_events)}" in repr(doc)
