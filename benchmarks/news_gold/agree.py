"""Agreement between the two annotators of the gold set, and what they disagree on.

    python benchmarks/news_gold/agree.py                              # the two annotators
    python benchmarks/news_gold/agree.py A.jsonl B.jsonl             # any two annotations
    python benchmarks/news_gold/agree.py A.jsonl B.jsonl --diff OUT  # disagreements, to reconcile

Files are annotator files as ``check.py`` reads them, or located ones (offsets only:
``annotator_a.jsonl``, ``annotator_b.jsonl``, ``gold.jsonl`` beside this script).
Two events agree when their types are equal and one trigger mention of each overlaps;
pairs are made greedily in text order.  Event F1 counts such pairs; argument F1 counts
equal (role, text) pairs within paired events over all arguments of each side; time and
status agreement are over paired events.  ``--diff`` writes, per article where the two
differ in any way (an event, a role, a time, a status, or only a mention's anchor or
trigger), both annotations with the article's id, for the reconciler.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import every_by_id  # noqa: E402
from check import event_types, locate, read  # noqa: E402


def _overlap(a: dict, b: dict) -> bool:
    return a["type"] == b["type"] and any(
        s < f and x < e for s, e in a["mentions"] for x, f in b["mentions"]
    )


def _args(event: dict, text: str) -> Counter:
    return Counter((a["role"], text[a["start"] : a["end"]]) for a in event["arguments"])


def pair(first: list[dict], second: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (index in first, index in second) of agreeing events."""
    pairs, taken = [], set()
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            if j not in taken and _overlap(a, b):
                pairs.append((i, j))
                taken.add(j)
                break
    return pairs


def compare(first: list[dict], second: list[dict], text: str) -> Counter:
    """Counts of one article: events, pairs, arguments, agreeing arguments, time, status."""
    counts = Counter(events_a=len(first), events_b=len(second))
    counts["args_a"] = sum(len(e["arguments"]) for e in first)
    counts["args_b"] = sum(len(e["arguments"]) for e in second)
    for i, j in pair(first, second):
        a, b = first[i], second[j]
        counts["pairs"] += 1
        counts["args_same"] += sum((_args(a, text) & _args(b, text)).values())
        counts["time_same"] += a["time"] == b["time"]
        counts["status_same"] += a["status"] == b["status"]
        counts["all_same"] += (
            _args(a, text) == _args(b, text)
            and a["time"] == b["time"]
            and a["status"] == b["status"]
            and sorted(map(tuple, a["mentions"])) == sorted(map(tuple, b["mentions"]))
        )
    return counts


def _f1(same: int, a: int, b: int) -> float:
    return 2 * same / (a + b) if a + b else 1.0


def located(path: Path, articles, types) -> dict[str, dict]:
    """Records by id, with offsets (located here unless the file has them already)."""
    out = {}
    for record in read(path):
        events = record["events"]
        if events and isinstance(events[0]["mentions"][0], dict):
            record = locate(record, articles[record["id"]].text, types)[0]
        out[record["id"]] = record
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("first", type=Path, nargs="?", default=HERE / "annotator_a.jsonl")
    parser.add_argument("second", type=Path, nargs="?", default=HERE / "annotator_b.jsonl")
    parser.add_argument("--diff", type=Path, help="write the articles they differ on here")
    args = parser.parse_args()
    articles, types = every_by_id(), event_types()
    a, b = located(args.first, articles, types), located(args.second, articles, types)
    raw_a = {r["id"]: r for r in read(args.first)}
    raw_b = {r["id"]: r for r in read(args.second)}
    total, differ = Counter(), []
    by_script: dict[str, Counter] = {}
    for doc_id in sorted(set(a) & set(b)):
        text = articles[doc_id].text
        counts = compare(a[doc_id]["events"], b[doc_id]["events"], text)
        total += counts
        by_script.setdefault(articles[doc_id].script, Counter()).update(counts)
        same = counts["pairs"] == counts["events_a"] == counts["events_b"] == counts["all_same"]
        if not same:
            differ.append(doc_id)
    print(f"articles annotated by both: {len(set(a) & set(b))}; differing: {len(differ)}")
    for name, c in [("all", total), *sorted(by_script.items())]:
        print(
            f"{name:<12} events A {c['events_a']} B {c['events_b']}  "
            f"event F1 {_f1(c['pairs'], c['events_a'], c['events_b']):.3f}  "
            f"argument F1 {_f1(c['args_same'], c['args_a'], c['args_b']):.3f}  "
            f"time {c['time_same'] / max(1, c['pairs']):.3f}  "
            f"status {c['status_same'] / max(1, c['pairs']):.3f}"
        )
    if args.diff:
        with args.diff.open("w", encoding="utf-8") as handle:
            for doc_id in differ:
                line = {"id": doc_id, "A": raw_a[doc_id]["events"], "B": raw_b[doc_id]["events"]}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
