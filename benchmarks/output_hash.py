"""A hash of everything newsie outputs on the first 60 days of news transcripts.

    python benchmarks/output_hash.py                 # default and fast presets
    python benchmarks/output_hash.py --days 10 --show-events

A change that must not alter the output (a speed-up, a refactor) leaves both hashes as
they were; compare them before and after.  Each day's file is one document, published
at 19:00 Beijing time on its date; the hash is over ``Document.model_dump_json()``.
Skips (exit 0, says so) without ``../shared/data/news``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import newsie  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news" / "xinwenlianbo-2025h2"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--presets", nargs="+", default=["default", "fast"])
    parser.add_argument("--show-events", action="store_true", help="print events per preset")
    args = parser.parse_args()
    paths = sorted(NEWS.glob("*.md"))[: args.days]
    if not paths:
        print(f"skipped: no transcripts in {NEWS}")
        return
    for preset in args.presets:
        nlp = newsie.load(None if preset == "default" else preset)
        digest, events = hashlib.sha256(), 0
        for path in paths:
            day = path.stem
            published = f"{day[:4]}-{day[4:6]}-{day[6:]}T19:00:00+08:00"
            doc = nlp(path.read_text(encoding="utf-8"), published=published, id=day)
            digest.update(doc.model_dump_json().encode())
            events += len(doc.all_events)
            if args.show_events:
                for event in doc.all_events:
                    print(preset, day, event.type, event.trigger.text, event.roles, sep="\t")
        print(f"{preset}: {len(paths)} days, {events} events, sha256 {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
