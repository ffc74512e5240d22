"""Named-entity stages: ``entities`` (lexicons + rules + CRF) and ``entities_fast``.

Optional backends register ``spacy_entities`` and ``hanlp_entities``; they import
spaCy / HanLP only when built.  See docs/ner.md.
"""

from __future__ import annotations

import newsie.ner.hanlp_backend
import newsie.ner.spacy_backend  # noqa: F401  (registers spacy_entities)
from newsie._compact import fast_unpacker
from newsie.document import Document, Entity
from newsie.registry import stage
from newsie.token_layer import token_bounds


@stage("entities", requires=("sentences",), provides=("entities",))
class EntityStage:
    """Find PERSON, ORG, GPE, LOC, PRODUCT and TITLE entities (lexicons, rules, CRF model)."""

    name = "entities"
    use_model = True

    def __init__(
        self,
        model_path: str = "",
        lexicons: list[str] | None = None,
        labels: list[str] | None = None,
        propagate_names: bool = True,
    ) -> None:
        from newsie.ner.recognizer import EntityRecognizer

        self.labels = set(labels) if labels else None
        self._recognizer = EntityRecognizer(
            use_model=self.use_model,
            model_path=model_path or None,
            lexicons=tuple(lexicons or ()),
            propagate_names=propagate_names,
        )

    def __call__(self, doc: Document) -> Document:
        chunks = [(s.start, s.end) for s in doc.sentences] or None
        text = doc.text
        rows = []
        # Spans cut from the text itself satisfy Span's checks (0 <= start <= end,
        # text == doc.text[start:end]): they are made without validation.
        source = f"{self.name}:"
        # the words, when a segmenter ran before: a model name gives back an adverb
        # the segmenter cut off (陈虹秀|亦)
        bounds = (lambda: token_bounds(doc.tokens)) if doc.tokens else None
        for c in self._recognizer.candidates(text, chunks, bounds):
            if self.labels is not None and c.label not in self.labels:
                continue
            if not 0 <= c.start <= c.end <= len(text):  # pragma: no cover - defensive
                raise ValueError(f"entity span ({c.start}, {c.end}) outside the text")
            rows.append(
                (
                    c.start,
                    c.end,
                    text[c.start : c.end],
                    c.label,
                    c.canonical,
                    c.entity_id,
                    source + c.source,
                )
            )
        # Entity is frozen: one loop made for it builds them all, sharing one fields-set
        doc.entities = fast_unpacker(Entity)(rows)
        return doc


@stage("entities_fast", requires=("sentences",), provides=("entities",))
class FastEntityStage(EntityStage):
    """Entities from lexicons and rules only (no statistical model): faster, lower recall."""

    name = "entities_fast"
    use_model = False

    def __init__(
        self,
        lexicons: list[str] | None = None,
        labels: list[str] | None = None,
        propagate_names: bool = True,
    ) -> None:
        super().__init__("", lexicons, labels, propagate_names)


# the value order of the rows above
assert tuple(Entity.model_fields) == (
    "start", "end", "text", "label", "canonical", "entity_id", "source"
)
