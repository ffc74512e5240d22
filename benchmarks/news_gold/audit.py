"""Event precision on news outside the gold set: a blind audit of extracted events.

The gold set (``gold.jsonl``) measures precision and recall, but its dev half has been
read while writing templates.  This audit is a second, independent look at precision:
133 articles of the five gold-set sources that are neither in the gold set nor in the
samples read while developing in the session that made it (fixed seed), and every event that newsie produced on them
at the versions audited, judged by judges who saw neither the version nor each other's
work (guidelines: ``docs/annotation.md`` sections 1-3).  Each judged event is a type
and a trigger span with

  * ``verdict``: ``Y`` (a specific happening of that type) or ``N``;
  * ``happening``: for ``Y``, a key shared by the events of one happening of one type in
    the article (a title and its story), so a repeat counts as a duplicate;
  * ``wrong``: for ``N``, why: ``generic``, ``sense``, ``type``, ``name``, ``call``, ``other``.

Only offsets and labels are kept (``audit_judged.jsonl``); the texts are rebuilt from
``../shared`` and checked against ``audit_articles.txt``.  Precision is the share of a
pipeline's events that are the first event of a ``Y`` happening; events on spans never
judged are counted apart (judge them before trusting a large change).

    python benchmarks/news_gold/audit.py                     # the default pipeline
    python benchmarks/news_gold/audit.py --pipeline fast

``--dev`` scores the development audit instead (``audit_dev_articles.txt``,
``audit_dev_judged.jsonl``): 244 further articles of the same sources, none in any other
set, judged the same way by two judges each (``judges``: their verdicts; ``Y`` only when
both said so; agreement 0.957 and 0.946 on the gold set's types in its two rounds).  It is open to tuning, and only
events of the gold set's types (``types.txt``) are scored: the judges read the
guidelines' table, which lists no others.

``--dev-roles`` scores the roles of the development audit (``audit_dev_roles.jsonl``):
where both judges called an event right and agreed on one of its roles, what the role
should hold.  ``keep``: the filler at ``span`` was right; ``fix``: the filler at
``wrong`` was wrong and ``span`` is what both judges put instead; ``drop``: the filler
at ``span`` was wrong and nothing should stand there; ``add``: ``span`` was missing.
An expectation is met when the pipeline's event of that type and trigger start holds
(or, for ``drop``, lacks) the text at ``span`` in that role; an event whose trigger
moved (merged into another) meets none of its expectations.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parents[1]))  # newsie of this checkout

from articles import available, rebuilt

JUDGED = HERE / "audit_judged.jsonl"
ARTICLES = HERE / "audit_articles.txt"
DEV_JUDGED = HERE / "audit_dev_judged.jsonl"
DEV_ARTICLES = HERE / "audit_dev_articles.txt"
DEV_ROLES = HERE / "audit_dev_roles.jsonl"


def audit_articles(path: Path = ARTICLES) -> list:
    """The audited articles, rebuilt from ``../shared`` and checked against their sha1."""
    wanted = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            article_id, sha1 = line.split("\t")
            wanted[article_id] = sha1
    return rebuilt(wanted)


def judgments(path: Path = JUDGED) -> dict[tuple[str, str, int, int], dict]:
    """(article id, type, trigger start, trigger end) -> the judgment of that event."""
    out = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            out[row["id"], row["type"], row["start"], row["end"]] = row
    return out


def score(nlp, dev: bool = False) -> dict:
    """Judge a pipeline's events on the audited articles (``dev``: the development audit,
    events of the gold set's types only): counts by source and class."""
    judged = judgments(DEV_JUDGED if dev else JUDGED)
    types = set((HERE / "types.txt").read_text(encoding="utf-8").split()) if dev else None
    count: Counter = Counter()
    wrong: Counter = Counter()
    for article in audit_articles(DEV_ARTICLES if dev else ARTICLES):
        doc = nlp(article.text, published=article.published, id=article.id)
        seen: set[tuple[str, str]] = set()  # (type, happening key) of the events counted right
        for event in sorted(doc.all_events, key=lambda e: e.trigger.start):
            if types is not None and event.type not in types and event.broader not in types:
                continue
            key = (article.id, event.type, event.trigger.start, event.trigger.end)
            row = judged.get(key)
            if row is None:
                count["unjudged"] += 1
                continue
            count["events"] += 1
            count[article.source, "events"] += 1
            if row["verdict"] == "Y" and (event.type, row["happening"]) not in seen:
                seen.add((event.type, row["happening"]))
                count["right"] += 1
                count[article.source, "right"] += 1
            else:
                wrong["dup" if row["verdict"] == "Y" else row["wrong"]] += 1
    return {"count": count, "wrong": wrong}


def score_roles(nlp) -> Counter:
    """Met and unmet role expectations of the development audit, by kind."""
    expectations: dict[str, list[dict]] = {}
    with DEV_ROLES.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            expectations.setdefault(row["id"], []).append(row)
    count: Counter = Counter()
    for article in audit_articles(DEV_ARTICLES):
        doc = nlp(article.text, published=article.published, id=article.id)
        held: dict[tuple[str, int], dict[str, set[str]]] = {}
        for event in doc.all_events:
            roles = held.setdefault((event.type, event.trigger.start), {})
            for argument in event.arguments:
                roles.setdefault(argument.role, set()).add(argument.text)
        for row in expectations.get(article.id, ()):
            roles = held.get((row["type"], row["start"]))
            text = article.text[row["span"][0] : row["span"][1]]
            present = roles is not None and text in roles.get(row["role"], ())
            met = roles is not None and (not present if row["expect"] == "drop" else present)
            count[row["expect"], met] += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pipeline", default="default", help="a newsie.load() preset")
    parser.add_argument("--dev", action="store_true", help="score the development audit")
    parser.add_argument(
        "--dev-roles", action="store_true", help="score the development audit's role expectations"
    )
    args = parser.parse_args()
    if not available():
        print("audit: ../shared/data/news is not here; nothing to score")
        return
    import newsie

    if args.dev_roles:
        count = score_roles(newsie.load(args.pipeline))
        met = sum(v for (_, ok), v in count.items() if ok)
        total = sum(count.values())
        kinds = ", ".join(
            f"{kind} {count[kind, True]}/{count[kind, True] + count[kind, False]}"
            for kind in ("keep", "fix", "drop", "add")
        )
        print(f"role expectations (dev audit), {args.pipeline}: {met}/{total} met ({met / max(1, total):.3f}); {kinds}")
        return
    result = score(newsie.load(args.pipeline), dev=args.dev)
    count, wrong = result["count"], result["wrong"]
    events = count["events"]
    print(
        f"precision audit{' (dev)' if args.dev else ''}, {args.pipeline}: {events} judged events, {count['right']} right "
        f"(P {count['right'] / max(1, events):.3f}); {count['unjudged']} events never judged"
    )
    print("wrong:", ", ".join(f"{k} {v}" for k, v in wrong.most_common()))
    for source in sorted({k[0] for k in count if isinstance(k, tuple)}):
        n, right = count[source, "events"], count[source, "right"]
        print(f"  {source:<24} {right:4}/{n:<4} P {right / max(1, n):.3f}")


if __name__ == "__main__":
    main()
