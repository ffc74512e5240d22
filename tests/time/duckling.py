"""Shared loader and scorer for the Duckling zh time corpus (used by the test and benchmark)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "duckling-zh-time"
CORPUS = DATA / "duckling_zh_time_examples.jsonl"
# Duckling grains -> TimeValue grains (Duckling has no half_year; none in the corpus)
GRAIN = {
    "year": "year",
    "quarter": "quarter",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
}


def load_rows() -> list[dict]:
    with open(CORPUS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def reference(row: dict) -> datetime:
    return datetime.fromisoformat(row["reference_time"])


def check(row: dict, parse_time) -> str | None:
    """None if the row passes, else a short failure description.

    Read with Duckling's conventions: the next occurrence (``prefer='future'``) and N units
    before / after as the N whole units between (``offsets='span'``: 兩天前 is the two days
    before today, where newsie's default names the day two days before)."""
    ref = reference(row)
    tz = ref.tzinfo
    v = parse_time(row["text"], ref, prefer="future", tz=tz, offsets="span")
    if v is None:
        return "no value"
    if v.start is None:
        return f"no start ({v.kind})"
    start = v.start.astimezone(tz).replace(tzinfo=None)
    if "value" in row:
        want = datetime.fromisoformat(row["value"])
        if start != want:
            return f"start {start} != {want}"
        if v.grain != GRAIN[row["grain"]]:
            return f"grain {v.grain} != {row['grain']}"
        return None
    want_from = datetime.fromisoformat(row["from"])
    want_to = datetime.fromisoformat(row["to"])
    end = v.end.astimezone(tz).replace(tzinfo=None) if v.end else None
    if start != want_from or end != want_to:
        return f"[{start}, {end}) != [{want_from}, {want_to})"
    return None


def score(parse_time) -> dict:
    rows = load_rows()
    out = {"holiday": [0, 0], "other": [0, 0], "failures": []}
    for row in rows:
        group = "holiday" if "Holiday" in row["fn"] else "other"
        err = check(row, parse_time)
        out[group][1] += 1
        if err is None:
            out[group][0] += 1
        else:
            out["failures"].append((group, row["locale"], row["text"], row.get("holiday", ""), err))
    return out


if __name__ == "__main__":  # pragma: no cover
    import sys
    import warnings

    warnings.simplefilter("ignore")
    from newsie.time import parse_time

    res = score(parse_time)
    for group, loc, text, hol, err in res["failures"]:
        print(group, loc, text, hol, err, sep="\t")
    print("other", res["other"], "holiday", res["holiday"], file=sys.stderr)
