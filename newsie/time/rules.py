"""Loading of the rule data files under ``rules/`` (TOML) and ``corpora/time/`` (TSV),
cached after first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import tomllib

RULES_DIR = Path(__file__).with_name("rules")


@cache
def load(name: str) -> dict:
    """Return the parsed ``rules/<name>.toml``."""
    with open(RULES_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``corpora/time/<name>.tsv`` (``#`` lines are comments, the first
    other line names the columns)."""
    from newsie.resources import corpora_path

    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with open(corpora_path("time", f"{name}.tsv"), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return tuple(rows)
