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
    ``trigger_model`` (optional) is a trigger CRF trained with
    :mod:`newsie.events.learned` that replaces the trigger words (none is shipped).
    Each template layer (:attr:`Template.layer`) is applied on its own, base first.
    """

    def __init__(
        self,
        types: list[str] | None = None,
        template_paths: list[str] | None = None,
        min_confidence: float = 0.0,
        trigger_model: str | None = None,
    ) -> None:
        self.types = types
        self.template_paths = list(template_paths or [])
        self.min_confidence = min_confidence
        self.trigger_model = trigger_model
        for path in self.template_paths:
            register_template(path)
        tagger = None
        if trigger_model:
            from newsie.events.learned import TriggerTagger

            tagger = TriggerTagger(trigger_model)
        layers: dict[str, list] = {}
        for template in select_templates(types):
            layers.setdefault(template.layer, []).append(template)
        # one extractor per layer, base first: the templates of a layer see each other's
        # triggers (a next predicate bounds a role), those of other layers do not
        self._extractors = [
            EventExtractor(layers[name], trigger_tagger=tagger)
            for name in sorted(layers, key=lambda name: (name != "base", name))
        ]

    def __call__(self, doc: Document) -> Document:
        events = []
        for extractor in self._extractors:
            events += extractor(doc).events
        doc.events = events
        if self.min_confidence:
            doc.events = [e for e in doc.events if e.confidence >= self.min_confidence]
        return doc
