"""Time zones newsie knows by their Chinese names."""

from __future__ import annotations

from zoneinfo import ZoneInfo

DEFAULT_TZ = ZoneInfo("Asia/Shanghai")
