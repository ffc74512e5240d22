"""Loading of the rule data files under ``rules/`` (TOML), cached after first use."""

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
