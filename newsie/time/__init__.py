"""Chinese time-expression normalisation.

>>> from datetime import datetime
>>> from newsie.time import parse_time
>>> parse_time("2025年11月28日").start.isoformat()
'2025-11-28T00:00:00+08:00'
"""

from __future__ import annotations

from .extract import TimeMatch, find_times, parse_time
from .value import TimeValue

__all__ = ["TimeMatch", "TimeValue", "find_times", "parse_time"]
