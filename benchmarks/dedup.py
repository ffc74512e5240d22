"""Cross-document event dedup on the news transcripts: how many mentions share a key.

    python benchmarks/dedup.py                            # whole corpus, day tolerance 1
    python benchmarks/dedup.py --limit 20 --show 10       # print 10 clusters to judge
    python benchmarks/dedup.py --day-tolerance 0 --json /tmp/clusters.json

Runs the default pipeline (``newsie.load()``, ``nlp.pipe``) over the corpus of
``throughput.py`` (``--corpus GLOB``; one file per day, published 19:00 Beijing time),
groups the events with :func:`newsie.dedup.group_events` and prints the number of
documents, events (mentions), distinct keys, clusters of two or more mentions, the
mentions in them, the share of mentions that are duplicates and the largest clusters.
``--show K`` prints the first K multi-mention clusters mention by mention (document,
type, trigger, key arguments, time, evidence sentence) so a person can judge them;
``--json FILE`` writes every cluster.  Exits cleanly (status 0, a message) when the corpus
is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, load_corpus


def mention(doc, event) -> dict:
    """One mention of a cluster, as a person needs it to judge the cluster."""
    from newsie.dedup import event_key_parts
    from newsie.display import format_time

    _, key_args, day = event_key_parts(event, doc)
    ev = event.evidence
    return {
        "doc": doc.id, "type": event.type, "trigger": event.trigger.text,
        "key_args": list(key_args), "day": day, "time": format_time(event.time),
        "time_text": event.time_text, "sentence": doc.text[ev.start:ev.end].strip(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use the first N files")
    parser.add_argument("--day-tolerance", type=int, default=1)
    parser.add_argument("--top", type=int, default=10, help="largest clusters to list")
    parser.add_argument("--show", type=int, default=0, metavar="K",
                        help="print the first K multi-mention clusters in full")
    parser.add_argument("--json", default=None, metavar="FILE", help="write the clusters")
    args = parser.parse_args(argv)

    records = load_corpus(args.corpus, args.limit)
    if not records:
        print(f"corpus not found ({args.corpus}); nothing to measure")
        return 0

    import newsie
    from newsie.dedup import group_events

    nlp = newsie.load()
    docs = list(nlp.pipe(records))
    groups = group_events(docs, day_tolerance=args.day_tolerance)
    clusters = [
        {"key": key, "size": len(pairs), "mentions": [mention(d, e) for d, e in pairs]}
        for key, pairs in groups.items()
    ]
    multi = [c for c in clusters if c["size"] >= 2]
    mentions = sum(c["size"] for c in clusters)
    in_multi = sum(c["size"] for c in multi)
    totals = {
        "documents": len(docs), "events": mentions, "distinct_keys": len(clusters),
        "clusters_ge2": len(multi), "mentions_in_clusters_ge2": in_multi,
        "duplicate_share": round((mentions - len(clusters)) / mentions, 4) if mentions else 0.0,
        "day_tolerance": args.day_tolerance,
    }
    print(json.dumps(totals))

    print(f"\nlargest clusters (of {len(multi)} with >= 2 mentions):")
    for c in sorted(multi, key=lambda c: -c["size"])[: args.top]:
        first = c["mentions"][0]
        days = sorted({m["day"] for m in c["mentions"]})
        print(f"  {c['size']:4d}  {first['type']:<18} {', '.join(first['key_args']) or '-'}"
              f"  [{days[0]} .. {days[-1]}, {len({m['doc'] for m in c['mentions']})} docs]")

    for c in multi[: args.show]:
        print(f"\n== {c['key']}  ({c['size']} mentions)")
        for m in c["mentions"]:
            print(f"  {m['doc']}  {m['type']}  trigger={m['trigger']}  "
                  f"{'; '.join(m['key_args']) or '-'}  time={m['time'] or '-'} ({m['day']})")
            print(f"      {m['sentence'][:200]}")

    if args.json:
        Path(args.json).write_text(
            json.dumps({"totals": totals, "clusters": clusters}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    raise SystemExit(main())
