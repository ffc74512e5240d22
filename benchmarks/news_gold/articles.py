"""The articles of the news-event gold set: which ones, and their texts rebuilt from ``../shared``.

The texts belong to their publishers (see ``../shared/data/news/README``: internal
benchmarking only), so the repository keeps only the annotations (offsets and labels, in
``gold.jsonl``) and this module, which rebuilds every text from ``../shared/data/news``
the same way each time.  ``text_sha1`` in the gold file checks that the rebuilt text is
the one that was annotated.

    python benchmarks/news_gold/articles.py --select      # print the selection (fixed seed)

A document's text is:
  * JSON-lines sources (qqnews, hkcnews, tainan-gov): ``title + "\\n" + text``;
  * sina 7x24: ``text`` (it starts with its 【】 headline already);
  * 新闻联播 transcripts: one item, ``heading + "\\n" + body`` with the HTML paragraphs
    made into lines.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT.parent / "shared" / "data" / "news"
SEED = 20261206

#: Source folder -> script of its texts.
SOURCES = {
    "qqnews-2023-2024": "simplified",
    "sina-7x24-2020-2021": "simplified",
    "xinwenlianbo-2025h2": "simplified",
    "hkcnews-2017-2021": "traditional",
    "tainan-gov-2023-2026": "traditional",
}


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    published: str
    text: str
    topic: str

    @property
    def script(self) -> str:
        return SOURCES[self.source]

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


def available() -> bool:
    """Whether ``../shared/data/news`` is there to rebuild texts from."""
    return all((NEWS / source).is_dir() for source in SOURCES)


def _jsonl(source: str) -> Iterator[Article]:
    with (NEWS / source / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text = record["text"]
            if source != "sina-7x24-2020-2021":
                text = f"{record['title'].strip()}\n{text}"
            topic = record.get("topic_hint") or record.get("section") or ""
            yield Article(record["id"], source, record["published"], text, topic)


_ITEM = re.compile(r"^### (.+?)\n(.*?)(?=^### |\Z)", re.S | re.M)
_PARAGRAPH = re.compile(r"</p>\s*<p>")
_TAG = re.compile(r"<[^>]{0,200}>")
_LINK = re.compile(r"\[查看原文\]\([^)]*\)")


def _transcript_items(path: Path) -> Iterator[Article]:
    day = path.stem
    published = f"{day[:4]}-{day[4:6]}-{day[6:]}T19:00:00+08:00"
    content = path.read_text(encoding="utf-8")
    details = content.split("## 详细新闻", 1)[-1]
    for number, match in enumerate(_ITEM.finditer(details)):
        body = _LINK.sub("", match.group(2))
        body = _TAG.sub("", _PARAGRAPH.sub("\n", body))
        body = "\n".join(line.strip() for line in html.unescape(body).splitlines() if line.strip())
        text = f"{match.group(1).strip()}\n{body}"
        yield Article(f"xwlb-{day}-{number:02d}", "xinwenlianbo-2025h2", published, text, "")


def all_articles() -> Iterator[Article]:
    """Every article of every gold-set source, in a fixed order."""
    for source in SOURCES:
        if source == "xinwenlianbo-2025h2":
            for path in sorted((NEWS / source).glob("*.md")):
                yield from _transcript_items(path)
        else:
            yield from _jsonl(source)


# Per source: (how many, longest text, quota per topic or None for a plain sample).
_PLAN: dict[str, tuple[int, int, dict[str, int] | None]] = {
    "qqnews-2023-2024": (
        90,
        1300,
        {
            "society_accident": 22,
            "economy_business": 14,
            "politics_diplomacy": 10,
            "international": 12,
            "sports": 10,
            "tech": 10,
            "culture_entertainment": 7,
            "health_education": 5,
        },
    ),
    "sina-7x24-2020-2021": (35, 500, {
        "macro_market": 4, "earnings": 6, "m_and_a": 6, "contracts_ops": 5,
        "capital": 5, "personnel": 6, "regulation": 3,
    }),
    "xinwenlianbo-2025h2": (36, 1200, None),
    "hkcnews-2017-2021": (30, 1500, {
        "society_accident": 8, "politics_diplomacy": 7, "economy_business": 4,
        "international": 4, "health_education": 3, "culture_entertainment": 2,
        "sports": 1, "tech": 1,
    }),
    "tainan-gov-2023-2026": (30, 1100, None),
}


def select() -> list[Article]:
    """The gold set's articles: a fixed-seed, topic-stratified sample of short articles."""
    rng = random.Random(SEED)
    by_source: dict[str, list[Article]] = {}
    for article in all_articles():
        by_source.setdefault(article.source, []).append(article)
    chosen: list[Article] = []
    for source, (count, longest, quota) in _PLAN.items():
        pool = [a for a in by_source[source] if 80 <= len(a.text) <= longest]
        if source == "xinwenlianbo-2025h2":  # one item per day at most, no 快讯 roundups
            days: dict[str, list[Article]] = {}
            for article in pool:
                days.setdefault(article.id[5:13], []).append(article)
            pool = [rng.choice(items) for _, items in sorted(days.items())]
        if quota is None:
            chosen += rng.sample(pool, count)
            continue
        for topic, n in quota.items():
            candidates = [a for a in pool if a.topic == topic]
            chosen += rng.sample(candidates, min(n, len(candidates)))
    return chosen


def by_id() -> dict[str, Article]:
    """The selected articles by id."""
    return {article.id: article for article in select()}


def every_by_id() -> dict[str, Article]:
    """Every article of the gold-set sources by id (the development extensions draw
    articles outside the gold set's selection)."""
    return {article.id: article for article in all_articles()}


def rebuilt(sha1s: dict[str, str]) -> list[Article]:
    """The articles of ``sha1s`` (id -> sha1 of the text that was annotated), rebuilt from
    ``../shared`` in the sources' order; exits when one is missing or reads differently."""
    found = [article for article in all_articles() if article.id in sha1s]
    for article in found:
        if article.sha1 != sha1s[article.id]:
            raise SystemExit(f"{article.id}: the rebuilt text differs from the annotated one")
    if len(found) != len(sha1s):
        raise SystemExit(f"{len(sha1s) - len(found)} annotated articles are missing from ../shared")
    return found


def in_test_split(article_id: str) -> bool:
    """The fixed dev/test split: half of the articles, chosen by a hash of the id."""
    digest = hashlib.sha1(f"{SEED}:{article_id}".encode()).digest()
    return digest[0] % 2 == 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--select", action="store_true", help="print the selected articles")
    args = parser.parse_args()
    if args.select:
        for article in select():
            split = "test" if in_test_split(article.id) else "dev"
            print(article.id, article.source, article.topic, len(article.text), split, sep="\t")


if __name__ == "__main__":
    main()
