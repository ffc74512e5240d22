"""The events stage: run event templates over the document."""

from __future__ import annotations

from newsie.document import Document
from newsie.events.extractor import EventExtractor
from newsie.events.template import register_template, select_templates
from newsie.registry import stage


@stage("events", requires=("sentences", "entities", "times", "values"), provides=("events",))
class EventStage:
    """Extract events with the registered templates (or only ``types``).

    ``template_paths`` names extra TOML template files or folders to register first.
    """

    def __init__(
        self,
        types: list[str] | None = None,
        template_paths: list[str] | None = None,
        min_confidence: float = 0.0,
    ) -> None:
        self.types = types
        self.template_paths = list(template_paths or [])
        self.min_confidence = min_confidence
        for path in self.template_paths:
            register_template(path)
        self._extractor = EventExtractor(select_templates(types))

    def __call__(self, doc: Document) -> Document:
        doc = self._extractor(doc)
        if self.min_confidence:
            doc.events = [e for e in doc.events if e.confidence >= self.min_confidence]
        return doc
