"""Readers for NER corpora: BIO/BMES/BIOES character files and CLUENER JSON lines.

Every reader yields ``(text, [(start, end, label), ...])`` with end exclusive and
labels as written in the corpus (PER, LOC, name, GPE.NAM, ...).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

Example = tuple[str, list[tuple[int, int, str]]]


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Decode BIO, BIOES or BMES tags into spans (lenient about ill-formed input)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, None
    for i, tag in enumerate(tags):
        if tag == "O":  # most characters: no need to split the tag
            if label is not None:
                spans.append((start, i, label))
                start, label = -1, None
            continue
        prefix, _, typ = tag.partition("-")
        if not typ:
            if label is not None:
                spans.append((start, i, label))
            start, label = -1, None
            continue
        if prefix in ("B", "S") or typ != label:
            if label is not None:
                spans.append((start, i, label))
            start, label = i, typ
        if prefix in ("E", "S"):
            spans.append((start, i + 1, label))
            start, label = -1, None
    if label is not None:
        spans.append((start, len(tags), label))
    return spans


def spans_to_bio(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """Encode spans over ``n`` characters as BIO tags."""
    tags = ["O"] * n
    for start, end, label in spans:
        tags[start] = "B-" + label
        for i in range(start + 1, end):
            tags[i] = "I-" + label
    return tags


def read_char_tags(path: str | Path) -> Iterator[Example]:
    """Read one-character-per-line files (tab or space separated, blank line between
    sentences).  Weibo's segmentation digit after the character is dropped."""
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n\r")
            if not line.strip():
                if chars:
                    yield "".join(chars), tags_to_spans(tags)
                chars, tags = [], []
                continue
            if "\t" in line:
                char, tag = line.split("\t")[:2]
            else:
                char, _, tag = line.rpartition(" ")
            if len(char) == 2 and char[1].isdigit() and char[0] != " ":
                char = char[0]  # Weibo: 李0 -> 李
            chars.append(char[:1] or " ")
            tags.append(tag.strip() or "O")
    if chars:
        yield "".join(chars), tags_to_spans(tags)


def read_cluener(path: str | Path) -> Iterator[Example]:
    """Read CLUENER2020 JSON lines (inclusive end offsets)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            spans = []
            for label, entities in (row.get("label") or {}).items():
                for positions in entities.values():
                    spans.extend((s, e + 1, label) for s, e in positions)
            yield row["text"], sorted(spans)


def read_any(path: str | Path) -> list[Example]:
    """Read a corpus file, guessing the format (JSON lines or character/tag lines)."""
    path = Path(path)
    with open(path, encoding="utf-8") as handle:
        first = handle.read(1)
    reader = read_cluener if first == "{" else read_char_tags
    return list(reader(path))


def split_dev(examples: list[Example], fraction: float = 0.1, seed: int = 13):
    """Seeded shuffle split into (train, dev)."""
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    n_dev = int(len(examples) * fraction)
    dev_ids = set(order[:n_dev])
    train = [ex for i, ex in enumerate(examples) if i not in dev_ids]
    dev = [ex for i, ex in enumerate(examples) if i in dev_ids]
    return train, dev
