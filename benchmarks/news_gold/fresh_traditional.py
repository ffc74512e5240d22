"""Events on fresh Traditional-script news: 24 Hong Kong and Tainan articles outside the
gold set, the audit and the development samples (fixed seed), annotated with events only
(type, every trigger mention, status) by two annotators who saw neither newsie's output
nor each other's work (``docs/annotation.md`` sections 1-3 and its type table).

The gold set's Traditional half is small (40 dev, 55 test gold events a side); this set is
a second, independent look at how many Traditional-script events newsie finds.  It scores
newsie against each annotator and against the events both list (their intersection), by
the gold set's rule: same type (or the type a narrower one is a kind of) and a trigger
that overlaps one of the event's mentions.  Only offsets and labels are kept
(``fresh_traditional.jsonl``); the texts are rebuilt from ``../shared`` and checked by sha1.

    python benchmarks/news_gold/fresh_traditional.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parents[1]))  # newsie of this checkout

from articles import available, rebuilt

ANNOTATIONS = HERE / "fresh_traditional.jsonl"
TYPES = set((HERE / "types.txt").read_text(encoding="utf-8").split())


def _matched(gold: list[dict], pred: list[dict]) -> list[int]:
    """Indices of the gold events that a predicted event matches, one each, in order."""
    used: list[int] = []
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and g["type"] in p["types"] and any(
                s < p["end"] and p["start"] < e for s, e in g["mentions"]
            ):
                used.append(i)
                break
    return used


def _row(name: str, gold: dict, pred: dict) -> str:
    tp = sum(len(_matched(gold[k], pred[k])) for k in gold)
    n_gold, n_pred = sum(map(len, gold.values())), sum(map(len, pred.values()))
    p, r = tp / max(1, n_pred), tp / max(1, n_gold)
    f1 = 2 * p * r / max(1e-9, p + r)
    return f"{name:<10} gold {n_gold:3} pred {n_pred:3} right {tp:3}  P {p:.3f} R {r:.3f} F1 {f1:.3f}"


def main() -> None:
    if not available():
        print("fresh_traditional: ../shared/data/news is not here; nothing to score")
        return
    records = {r["id"]: r for r in map(json.loads, ANNOTATIONS.read_text(encoding="utf-8").splitlines())}
    articles = rebuilt({k: r["sha1"] for k, r in records.items()})
    import newsie

    nlp = newsie.load()
    pred = {}
    for article in articles:
        doc = nlp(article.text, published=article.published, id=article.id)
        pred[article.id] = [
            {"types": {e.type, e.broader} - {None}, "start": e.trigger.start, "end": e.trigger.end}
            for e in doc.all_events
            if e.type in TYPES or e.broader in TYPES
        ]
    a = {k: r["annotator_a"] for k, r in records.items()}
    b = {k: r["annotator_b"] for k, r in records.items()}
    as_pred = {
        k: [{"types": {e["type"]}, "start": e["mentions"][0][0], "end": e["mentions"][0][1]} for e in v]
        for k, v in a.items()
    }
    both = {k: [b[k][i] for i in sorted(_matched(b[k], as_pred[k]))] for k in records}
    print(f"fresh Traditional-script news: {len(articles)} articles")
    print(_row("A vs B", b, as_pred), "(agreement of the annotators)")
    print(_row("newsie/A", a, pred))
    print(_row("newsie/B", b, pred))
    print(_row("newsie/A∩B", both, pred))


if __name__ == "__main__":
    main()
