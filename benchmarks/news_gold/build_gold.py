"""Write ``gold.jsonl`` from reconciled annotator files: offsets and labels, no text.

    python benchmarks/news_gold/build_gold.py RECONCILED.jsonl [...] > benchmarks/news_gold/gold.jsonl
    python benchmarks/news_gold/build_gold.py --extension FINAL.jsonl > benchmarks/news_gold/trad_dev.jsonl

Each output line: ``id``, ``source``, ``script``, ``section``, ``split`` (dev / test, fixed
by ``articles.in_test_split``), ``published``, ``text_sha1`` (of the rebuilt text that was
annotated) and ``events`` with trigger mentions and arguments as offsets.  The section is
the field of the article's first event (by its first mention), else of its source's
topic hint.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import all_articles, by_id, in_test_split  # noqa: E402
from check import event_types, locate, read  # noqa: E402

SECTIONS = {
    "accidents_disasters": (
        "fire explosion traffic_accident earthquake flood collapse plane_crash death "
        "missing_person"
    ),
    "crime_justice": (
        "arrest hearing case_filing lawsuit imprisonment fine summons whistleblowing attack "
        "suspension"
    ),
    "business_finance": (
        "acquisition divestment financing listing earnings investment limit_down limit_up "
        "rate_hike rate_cut layoff procurement price_increase price_cut partnership "
        "founding opening dissolution recall delisting contract_termination strike"
    ),
    "technology": "product_launch research_result product_issue",
    "sports_culture": (
        "championship advancement match_win match_loss suspension_ban competition_withdrawal "
        "sports_retirement award film_release closing joining"
    ),
}
SECTION_OF_TYPE = {t: name for name, types in SECTIONS.items() for t in types.split()}
SECTION_OF_TOPIC = {
    "society_accident": "accidents_disasters",
    "economy_business": "business_finance",
    "macro_market": "business_finance",
    "earnings": "business_finance",
    "m_and_a": "business_finance",
    "contracts_ops": "business_finance",
    "capital": "business_finance",
    "personnel": "business_finance",
    "regulation": "business_finance",
    "tech": "technology",
    "sports": "sports_culture",
    "culture_entertainment": "sports_culture",
}


def section(events: list[dict], topic: str) -> str:
    if events:
        first = min(events, key=lambda e: e["mentions"][0][0])
        return SECTION_OF_TYPE.get(first["type"], "politics_diplomacy")
    return SECTION_OF_TOPIC.get(topic, "politics_diplomacy")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="+", type=Path, help="reconciled annotator files")
    parser.add_argument(
        "--extension",
        action="store_true",
        help="a development extension: the files' own articles, all in the dev split",
    )
    args = parser.parse_args()
    records = {}
    for path in args.files:
        for record in read(path):
            records[record["id"]] = record
    if args.extension:
        articles = {a.id: a for a in all_articles() if a.id in records}
    else:
        articles = by_id()
    missing = set(articles) - set(records)
    if args.extension:
        missing |= set(records) - set(articles)  # an annotated article not in ../shared
    if missing:
        sys.exit(f"{len(missing)} articles have no annotation or no text, e.g. {sorted(missing)[:3]}")
    types = event_types()
    for doc_id, article in articles.items():
        located, problems = locate(records[doc_id], article.text, types)
        if problems:
            sys.exit("\n".join(problems))
        events = sorted(located["events"], key=lambda e: e["mentions"][0])
        line = {
            "id": doc_id,
            "source": article.source,
            "script": article.script,
            "section": section(events, article.topic),
            "split": "dev" if args.extension or not in_test_split(doc_id) else "test",
            "published": article.published,
            "text_sha1": article.sha1,
            "events": events,
        }
        print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
