"""``spacy_entities``: named entities from a spaCy pipeline stored in a local folder.

spaCy is imported only when the stage is built.  newsie never downloads models: on a
machine with network access run ``python -m spacy download zh_core_web_sm`` (or
train your own), then copy the package folder (the one holding ``config.cfg``) and
pass it as ``model_path``.
"""

from __future__ import annotations

from newsie.document import Document
from newsie.ner.backends import map_label, parse_label_map, require_dir, set_entities
from newsie.registry import stage

HOW = (
    "install spaCy (pip install spacy) and, on a machine with network access, run "
    "`python -m spacy download zh_core_web_sm`, then copy the installed package's model "
    "folder (containing config.cfg) here, or save your own with nlp.to_disk(path)"
)


@stage("spacy_entities", requires=("sentences",), provides=("entities",))
class SpacyEntities:
    """Named entities from a local spaCy pipeline (labels mapped to newsie's)."""

    def __init__(
        self,
        model_path: str = "",
        label_map: list[str] | None = None,
        labels: list[str] | None = None,
    ) -> None:
        folder = require_dir(model_path, "spacy_entities", HOW)
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("spacy_entities needs spaCy: pip install spacy") from exc
        self.nlp = spacy.load(folder)
        self.mapping = parse_label_map(label_map)
        self.keep = set(labels) if labels else None

    def __call__(self, doc: Document) -> Document:
        parsed = self.nlp(doc.text)
        spans = []
        for ent in parsed.ents:
            label = map_label(ent.label_, self.mapping)
            if label:
                spans.append((ent.start_char, ent.end_char, label))
        return set_entities(doc, spans, "spacy_entities", self.keep)
