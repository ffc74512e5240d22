"""The events stage: run event templates over the document."""

from __future__ import annotations

from bisect import bisect_left
from typing import Literal

from newsie.document import Document
from newsie.events.confidence import calibrated, shipped_calibration
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
    ``confidence`` is ``"calibrated"`` (each event's probability of being right, fitted on
    annotated news articles: :mod:`newsie.events.confidence`; a text shorter than an
    article keeps the rule score) or ``"rules"`` (the templates' own score everywhere);
    ``min_confidence`` drops the events below it.
    """

    def __init__(
        self,
        types: list[str] | None = None,
        template_paths: list[str] | None = None,
        min_confidence: float = 0.0,
        trigger_model: str | None = None,
        confidence: Literal["calibrated", "rules"] = "calibrated",
    ) -> None:
        if confidence not in ("calibrated", "rules"):
            raise ValueError(f"confidence is 'calibrated' or 'rules', not {confidence!r}")
        self.confidence = confidence
        self._calibration = shipped_calibration() if confidence == "calibrated" else None
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
        # triggers (a next predicate bounds a role), those of other layers do not; an
        # extractor reads no further a text without any of its trigger words
        self._extractors = [
            EventExtractor(layers[name], trigger_tagger=tagger)
            for name in sorted(layers, key=lambda name: (name != "base", name))
        ]

    def __call__(self, doc: Document) -> Document:
        events = []
        for extractor in self._extractors:
            events += extractor(doc).events
        doc.events = _narrowest(events) if len(self._extractors) > 1 else events
        if self._calibration is not None:
            doc.events = calibrated(doc.events, doc.text, self._calibration)
        if self.min_confidence:
            doc.events = [e for e in doc.events if e.confidence >= self.min_confidence]
        return doc


def _narrowest(events: list) -> list:
    """One event per trigger and type family: an event whose type refines another
    (``Template.broader``: a shooting is an attack) replaces the event of the broader
    type on an overlapping trigger (one 枪击, one event)."""
    narrow: dict[str, list[tuple[int, int]]] = {}  # broader type -> narrow triggers
    for e in events:
        if e.broader is not None:
            narrow.setdefault(e.broader, []).append((e.trigger.start, e.trigger.end))
    if not narrow:
        return events
    spans = {broad: sorted(found) for broad, found in narrow.items()}
    starts = {broad: [a for a, _ in found] for broad, found in spans.items()}
    longest = max(b - a for found in spans.values() for a, b in found)

    def replaced(e) -> bool:
        found = spans.get(e.type)
        if found is None:
            return False
        a, b = e.trigger.start, e.trigger.end
        first = bisect_left(starts[e.type], a - longest)  # none before can reach a
        return any(x < b and a < y for x, y in found[first : bisect_left(starts[e.type], b)])

    return [e for e in events if not replaced(e)]
