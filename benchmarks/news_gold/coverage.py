"""The coverage pass over the gold articles: which happenings have no newsie type.

    python benchmarks/news_gold/coverage.py types                 # the type inventory
    python benchmarks/news_gold/coverage.py check FILE            # problems in an annotation
    python benchmarks/news_gold/coverage.py agree FILE_A FILE_B   # agreement of two passes
    python benchmarks/news_gold/coverage.py share [FILE]          # share of untyped happenings
    python benchmarks/news_gold/coverage.py share coverage_fresh_retyped.jsonl  # the fresh pass
    python benchmarks/news_gold/coverage.py share coverage_fresh3_retyped.jsonl  # fresh_dev3's
    python benchmarks/news_gold/coverage.py share coverage_fresh4_retyped.jsonl  # fresh_dev4's
    python benchmarks/news_gold/coverage.py score [--split dev]   # newsie's events against it
    python benchmarks/news_gold/coverage.py store FILE OUT        # keep offsets only

Section 10 of ``docs/annotation.md`` says what is listed.  A file holds one JSON line per
article: ``{"id", "happenings": [{"trigger", "anchor", "type", "label"}]}`` with ``type``
one of the inventory's names or ``null``.  The repository keeps the reconciled pass and
the two raw ones as offsets (``coverage.jsonl``, ``coverage_a.jsonl``, ``coverage_b.jsonl``:
``{"start", "end", "type", "label"}``, no article text).  Like ``check.py`` this reads the
template files itself; only ``score`` runs newsie (annotators never used it).

``score`` matches each newsie event to a happening of its type whose (first-mention)
trigger it overlaps, and prints precision and recall per template layer (``base``: the
79 types of the first gold set, ``desk``: the rest).  Only first mentions were listed, so
an event that newsie dates to a restatement counts as wrong: the figures are lower bounds
of precision, comparable between layers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parents[1]))  # newsie of this checkout, for score

from articles import ROOT, available, by_id, every_by_id, in_test_split, rebuilt

#: The reconciled pass, with the happenings it left untyped retyped when types were added
#: since (``retype``); the pass as annotated is ``coverage.jsonl``.
ANNOTATED = HERE / "coverage.jsonl"
RETYPED = HERE / "coverage_retyped.jsonl"
RECONCILED = RETYPED if RETYPED.exists() else ANNOTATED
#: The other passes, named by file (``share`` and ``score`` take one as FILE):
#: ``coverage_fresh.jsonl``, over the 84 articles of fresh_dev and fresh_dev2, drawn like
#: the test half, as annotated and reconciled (``coverage_fresh_a/_b.jsonl``: the raw
#: passes), and ``coverage_fresh_retyped.jsonl``, retyped after the types of desk_fresh.toml
#: and desk_steps.toml were added; ``coverage_fresh3.jsonl``, over the 60 articles of
#: fresh_dev3, made before any type was written for them (``coverage_fresh3_a/_b.jsonl``),
#: and ``coverage_fresh3_retyped.jsonl``, retyped against desk_steps.toml
#: (``coverage_retype_steps_a/_b.tsv`` hold that retyping of all three passes);
#: ``coverage_fresh4.jsonl``, over the 50 articles of fresh_dev4, made against the full
#: inventory of 213 types before any was written for them (``coverage_fresh4_a/_b.jsonl``),
#: and ``coverage_fresh4_retyped.jsonl``, retyped against desk_crime.toml
#: (``coverage_retype_crime_a/_b.tsv`` hold that retyping of all four passes).
_FRESH_SETS = ("fresh_dev.jsonl", "fresh_dev2.jsonl")
#: File name prefix -> the dev sets whose articles a coverage file annotates (longest first).
_PASSES = (
    ("coverage_fresh4", ("fresh_dev4.jsonl",)),
    ("coverage_fresh3", ("fresh_dev3.jsonl",)),
    ("coverage_fresh", _FRESH_SETS),
)


def _sets_of(path: Path) -> tuple[str, ...] | None:
    """The fresh dev sets a coverage file annotates, or None for the gold set's pass."""
    name = Path(path).name
    return next((sets for prefix, sets in _PASSES if name.startswith(prefix)), None)


def fresh_articles(sets: tuple[str, ...] = _FRESH_SETS) -> dict:
    """The articles of fresh dev sets by id, rebuilt from ``../shared``."""
    sha1s = {}
    for name in sets:
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                sha1s[record["id"]] = record["text_sha1"]
    return {article.id: article for article in rebuilt(sha1s)}


def _is_fresh(path: Path) -> bool:
    """Whether a coverage file annotates fresh dev sets (not the gold set)."""
    return _sets_of(path) is not None


def articles_for(path: Path) -> dict:
    """The articles a coverage file annotates: the gold set's, fresh dev sets', or (a pass
    being written over articles of no set yet) those its lines name."""
    sets = _sets_of(path)
    if sets:
        return fresh_articles(sets)
    gold = by_id()
    named = {
        json.loads(line)["id"]
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    if named <= set(gold):
        return gold
    every = every_by_id()
    return {article_id: every[article_id] for article_id in named if article_id in every}


def _template_tables() -> Iterator[tuple[Path, dict]]:
    """Every template table of the template files, with the file that declares it."""
    for path in sorted((ROOT / "corpora" / "templates").rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for template in data.get("template") or [data]:
            yield path, template


def template_files() -> dict[str, str]:
    """Every template's type -> the name of the file that declares it (desk_tail, ...)."""
    return {template["type"]: path.stem for path, template in _template_tables()}


def inventory() -> dict[str, tuple[str, str]]:
    """Every template's type -> (Chinese label, description), from the template files."""
    return {
        template["type"]: (template.get("label", ""), template.get("description", ""))
        for _, template in _template_tables()
    }


def locate(path: Path, articles: dict | None = None) -> tuple[dict[str, list[dict]], list[str]]:
    """Article id -> happenings with the ``start``/``end`` of their trigger, and the problems.
    ``articles``: the articles annotated (default: those of :func:`articles_for`)."""
    articles, types = articles if articles is not None else articles_for(path), inventory()
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
            if "start" in item:  # a stored file: offsets, no text
                found.append({**item, "trigger": article.text[item["start"] : item["end"]]})
                continue
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
    # the fresh articles are development data whatever the gold set's hash says
    fresh = _is_fresh(path)
    for split in ("dev",) if fresh else ("dev", "test", "all"):
        items = [
            h
            for article_id, hs in located.items()
            if fresh or split == "all" or (split == "test") == in_test_split(article_id)
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


def store(path: Path, out: Path) -> None:
    """Write an annotation file as offsets only (no text of the articles)."""
    located, problems = locate(path)
    if problems and not all("not annotated" in p for p in problems):
        raise SystemExit("\n".join(problems))
    with out.open("w", encoding="utf-8") as handle:
        for article_id in sorted(located):
            items = [
                {"start": h["start"], "end": h["end"], "type": h["type"], "label": h.get("label")}
                for h in located[article_id]
            ]
            handle.write(json.dumps({"id": article_id, "happenings": items}, ensure_ascii=False))
            handle.write("\n")


def score(split: str, path: Path = RECONCILED) -> None:
    """Print newsie's event precision and recall against the coverage pass, per layer."""
    import newsie
    from newsie.events.template import registered_templates

    layers = {name: t.layer for name, t in registered_templates().items()}
    files = template_files()
    articles = articles_for(path)
    located, _ = locate(path, articles)
    nlp = newsie.load()
    count: Counter = Counter()
    for article_id, happenings in sorted(located.items()):
        if split != "all" and (split == "test") != in_test_split(article_id):
            continue
        article = articles[article_id]
        doc = nlp(article.text, published=article.published, id=article_id)
        used: set[int] = set()
        for item in doc.documents():
            shift = item.offset if item is not doc else 0
            for event in item.events:
                a, b = event.trigger.start + shift, event.trigger.end + shift
                layer = layers.get(event.type, "user")
                count[layer, "pred"] += 1
                count[files.get(event.type), "pred"] += 1
                for k, h in enumerate(happenings):
                    if (
                        k not in used
                        and h["type"] is not None
                        and h["type"] in (event.type, event.broader)
                        and a < h["end"]
                        and h["start"] < b
                    ):
                        used.add(k)
                        count[layer, "right"] += 1
                        count[files.get(event.type), "right"] += 1
                        break
        for h in happenings:
            if h["type"] is not None:
                count[layers.get(h["type"], "user"), "gold"] += 1
                count[files.get(h["type"]), "gold"] += 1
            else:
                count["untyped", "gold"] += 1
    print(f"coverage pass, {split}: events against happenings (type + first-mention trigger)")
    desk_files = sorted({files[t] for t, layer in layers.items() if layer == "desk" and t in files})
    for row in ("base", "desk", *desk_files):
        right, pred, gold = count[row, "right"], count[row, "pred"], count[row, "gold"]
        name = row if row in ("base", "desk") else f"  {row}"
        print(
            f"{name:<14} predicted {pred:4} gold {gold:4} right {right:4}  "
            f"P {right / max(1, pred):.3f}  R {right / max(1, gold):.3f}"
        )
    print(f"untyped happenings: {count['untyped', 'gold']}")


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
    scored = sub.add_parser("score", help="newsie's events against the reconciled pass")
    scored.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    scored.add_argument("--file", type=Path, default=RECONCILED, help="default: %(default)s")
    kept = sub.add_parser("store", help="write a pass as offsets only")
    kept.add_argument("file", type=Path)
    kept.add_argument("out", type=Path)
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
    elif args.command == "score":
        score(args.split, args.file)
    elif args.command == "store":
        store(args.file, args.out)
    else:
        share(args.file)


if __name__ == "__main__":
    main()
