"""Shared helpers for the optional third-party NER backends."""

from __future__ import annotations

from pathlib import Path

from newsie.document import Document, Entity
from newsie.ner.labels import to_newsie


def parse_label_map(pairs: list[str] | None) -> dict[str, str]:
    """``["NR=PERSON", "NS=LOC"]`` -> ``{"NR": "PERSON", "NS": "LOC"}``."""
    mapping = {}
    for pair in pairs or []:
        source, sep, target = pair.partition("=")
        if not sep:
            raise ValueError(f"label_map entries look like 'FROM=TO', got {pair!r}")
        mapping[source.strip()] = target.strip()
    return mapping


def require_dir(path: str, what: str, how: str) -> Path:
    """The model folder ``path``, or a FileNotFoundError that says how to get it."""
    if not path:
        raise ValueError(f"{what}: set the config key 'model_path' to a local model folder. {how}")
    folder = Path(path).expanduser()
    if not folder.exists():
        raise FileNotFoundError(
            f"{what}: no model at {folder}. newsie never downloads models; {how}"
        )
    return folder


def map_label(label: str, mapping: dict[str, str]) -> str | None:
    """A backend label in newsie's scheme (explicit mapping first), None to drop it."""
    if label in mapping:
        return mapping[label] or None
    return to_newsie(label.split("-")[-1] if label.startswith(("B-", "I-", "S-")) else label)


def set_entities(doc: Document, spans, source: str, keep: set[str] | None) -> Document:
    """Store ``(start, end, label)`` spans as non-overlapping entities on ``doc``."""
    entities, last_end = [], -1
    for start, end, label in sorted(spans):
        if start < last_end or end <= start or (keep and label not in keep):
            continue
        text = doc.text[start:end]
        entities.append(doc.span(start, end, label, cls=Entity, canonical=text, source=source))
        last_end = end
    doc.entities = entities
    return doc
