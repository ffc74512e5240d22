"""Do an article and its Traditional-script twin give the same events?

    python benchmarks/traditional_twin.py                  # news transcripts + gold set
    python benchmarks/traditional_twin.py --days 30 --show 5

Each Simplified text is converted with OpenCC ``s2t`` (each Traditional gold article with
``t2s``), both are run through the pipeline, and their events are compared by type,
trigger offsets, arguments (role and offsets), time and status.  A twin whose length
differs from its original (a phrase conversion changed the length) cannot be compared
by offsets and is counted apart.  Prints the share of documents and of events that are
identical.  Skips (exit 0, says so) without ``../shared/data/news``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "news_gold"))

import opencc  # noqa: E402

import newsie  # noqa: E402
from articles import available, select  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news" / "xinwenlianbo-2025h2"


def signature(doc) -> list[tuple]:
    """The events of a document (all its items), by offsets: comparable across scripts."""
    out = []
    for item in doc.documents():
        shift = item.offset if item is not doc else 0
        for e in item.events:
            arguments = tuple(sorted((a.role, a.start + shift, a.end + shift) for a in e.arguments))
            when = (e.time.start, e.time.end) if e.time is not None else None
            out.append((e.type, e.trigger.start + shift, arguments, when, e.status))
    return sorted(out, key=repr)


def compare(nlp, pairs, show: int) -> None:
    docs = same_docs = events = same_events = skipped = 0
    for name, text, twin, published in pairs:
        if len(twin) != len(text):
            skipped += 1
            continue
        a = signature(nlp(text, published=published))
        b = signature(nlp(twin, published=published))
        docs += 1
        same_docs += a == b
        events += max(len(a), len(b))
        same_events += len(set(a) & set(b))
        if a != b and show > 0:
            show -= 1
            print(f"  {name}: only original {sorted(set(a) - set(b), key=repr)[:3]}")
            print(f"  {' ' * len(name)}  only twin     {sorted(set(b) - set(a), key=repr)[:3]}")
    print(
        f"  documents identical {same_docs}/{docs} ({same_docs / max(1, docs):.1%}), "
        f"events identical {same_events}/{events} ({same_events / max(1, events):.1%}); "
        f"{skipped} twins of another length left out"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--days", type=int, default=184, help="transcript days to compare")
    parser.add_argument("--pipeline", default=None, help="preset name or saved config path")
    parser.add_argument("--show", type=int, default=0, help="print this many differing documents")
    args = parser.parse_args()
    if not available():
        print("skipped: ../shared/data/news is not here")
        return
    nlp = newsie.load(args.pipeline)
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    transcripts = []
    for path in sorted(NEWS.glob("*.md"))[: args.days]:
        text, day = path.read_text(encoding="utf-8"), path.stem
        published = f"{day[:4]}-{day[4:6]}-{day[6:]}T19:00:00+08:00"
        transcripts.append((day, text, s2t.convert(text), published))
    print(f"news transcripts, {len(transcripts)} days (s2t twins):")
    compare(nlp, transcripts, args.show)
    gold = []
    for article in select():
        converter = t2s if article.script == "traditional" else s2t
        gold.append((article.id, article.text, converter.convert(article.text), article.published))
    print(f"gold-set articles, {len(gold)} (s2t twins, t2s for Traditional ones):")
    compare(nlp, gold, args.show)


if __name__ == "__main__":
    main()
