"""The coverage pass over the gold articles: which happenings have no newsie type.

    python benchmarks/news_gold/coverage.py types                 # the type inventory
    python benchmarks/news_gold/coverage.py check FILE            # problems in an annotation
    python benchmarks/news_gold/coverage.py agree FILE_A FILE_B   # agreement of two passes
    python benchmarks/news_gold/coverage.py share [FILE]          # share of untyped happenings

Section 10 of ``docs/annotation.md`` says what is listed.  A file holds one JSON line per
article: ``{"id", "happenings": [{"trigger", "anchor", "type", "label"}]}`` with ``type``
one of the inventory's names or ``null``.  Like ``check.py`` this reads the template files
itself, never newsie: annotators do not run newsie.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ROOT, available, by_id, in_test_split

RECONCILED = HERE / "coverage.jsonl"


def inventory() -> dict[str, tuple[str, str]]:
    """Every template's type -> (Chinese label, description), from the template files."""
    types: dict[str, tuple[str, str]] = {}
    for path in sorted((ROOT / "corpora" / "templates").rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for template in data.get("template") or [data]:
            types[template["type"]] = (template.get("label", ""), template.get("description", ""))
    return types


def locate(path: Path) -> tuple[dict[str, list[dict]], list[str]]:
    """Article id -> happenings with the ``start``/``end`` of their trigger, and the problems."""
    articles, types = by_id(), inventory()
    located: dict[str, list[dict]] = {}
    problems: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        article = articles.get(record["id"])
        if article is None:
            problems.append(f"{record['id']}: not a gold article")
            continue
        found = []
        for number, item in enumerate(record.get("happenings", [])):
            where = f"{record['id']} happening {number}"
            kind, anchor, trigger = (
                item.get("type"),
                item.get("anchor", ""),
                item.get("trigger", ""),
            )
            if kind is not None and kind not in types:
                problems.append(f"{where}: unknown type {kind!r}")
            if kind is None and not item.get("label"):
                problems.append(f"{where}: an untyped happening needs a label")
            count = article.text.count(anchor)
            if count != 1 or trigger not in anchor or not trigger:
                problems.append(
                    f"{where}: anchor {anchor!r} occurs {count} times or lacks {trigger!r}"
                )
                continue
            start = article.text.index(anchor) + anchor.index(trigger)
            found.append({**item, "start": start, "end": start + len(trigger)})
        located[record["id"]] = found
    missing = sorted(set(articles) - set(located))
    if missing:
        problems.append(f"{len(missing)} articles not annotated, e.g. {missing[:3]}")
    return located, problems


def _pairs(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """Happenings of two passes paired greedily by overlapping triggers, then same type."""
    pairs, used = [], set()
    for a in first:
        best = None
        for j, b in enumerate(second):
            if j in used or a["start"] >= b["end"] or b["start"] >= a["end"]:
                continue
            if best is None or (b["type"] == a["type"] and second[best]["type"] != a["type"]):
                best = j
        if best is not None:
            used.add(best)
            pairs.append((a, second[best]))
    return pairs


def agree(first: Path, second: Path) -> None:
    """Print how far two coverage passes agree: happenings found, types given, untyped."""
    a, problems_a = locate(first)
    b, problems_b = locate(second)
    for problem in problems_a + problems_b:
        print("problem:", problem)
    count = Counter()
    for article_id in sorted(set(a) & set(b)):
        pairs = _pairs(a[article_id], b[article_id])
        count["a"] += len(a[article_id])
        count["b"] += len(b[article_id])
        count["matched"] += len(pairs)
        count["same_type"] += sum(x["type"] == y["type"] for x, y in pairs)
        count["both_untyped"] += sum(x["type"] is None and y["type"] is None for x, y in pairs)
        count["one_untyped"] += sum((x["type"] is None) != (y["type"] is None) for x, y in pairs)
    f1 = 2 * count["matched"] / max(1, count["a"] + count["b"])
    print(f"happenings A {count['a']} / B {count['b']}; matched {count['matched']} (F1 {f1:.3f})")
    print(f"same type on matched: {count['same_type'] / max(1, count['matched']):.3f}")
    print(f"untyped by both {count['both_untyped']}, by one only {count['one_untyped']}")
    for name, passes in (("A", a), ("B", b)):
        items = [h for hs in passes.values() for h in hs]
        untyped = sum(h["type"] is None for h in items)
        print(f"{name}: untyped {untyped} / {len(items)} = {untyped / max(1, len(items)):.3f}")


def share(path: Path) -> None:
    """Print the share of happenings with no type, by split, and the untyped labels of dev."""
    located, problems = locate(path)
    for problem in problems:
        print("problem:", problem)
    labels: Counter = Counter()
    for split in ("dev", "test", "all"):
        items = [
            h
            for article_id, hs in located.items()
            if split == "all" or (split == "test") == in_test_split(article_id)
            for h in hs
        ]
        untyped = [h for h in items if h["type"] is None]
        print(
            f"{split}: {len(untyped)} of {len(items)} happenings untyped = "
            f"{len(untyped) / max(1, len(items)):.3f}"
        )
        if split == "dev":
            labels.update(h["label"] for h in untyped)
    if labels:
        print("dev untyped labels:", ", ".join(f"{k} {v}" for k, v in labels.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("types", help="print the type inventory")
    check = sub.add_parser("check", help="list the problems of an annotation file")
    check.add_argument("file", type=Path)
    pair = sub.add_parser("agree", help="agreement of two annotation files")
    pair.add_argument("first", type=Path)
    pair.add_argument("second", type=Path)
    total = sub.add_parser("share", help="share of untyped happenings")
    total.add_argument("file", type=Path, nargs="?", default=RECONCILED)
    args = parser.parse_args()
    if args.command == "types":
        for name, (label, description) in inventory().items():
            print(f"{name}\t{label}\t{description}")
        return
    if not available():
        print("skipped: ../shared/data/news is not here")
        return
    if args.command == "check":
        _, problems = locate(args.file)
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problems")
    elif args.command == "agree":
        agree(args.first, args.second)
    else:
        share(args.file)


if __name__ == "__main__":
    main()
