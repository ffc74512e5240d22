"""The documentation site builds with ``mkdocs build --strict``."""

from __future__ import annotations

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
                 "concepts/index.html", "writing-a-stage/index.html", "example.ipynb"):  # fmt: skip
        assert (tmp_path / "site" / page).is_file(), page
    assert not (tmp_path / "site" / "_hooks").exists()


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
