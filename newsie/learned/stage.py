"""The ``learned_events`` stage: events from a learned model, as newsie Event records.

    import newsie, newsie.learned
    nlp = newsie.Pipeline(["sentences"])
    nlp.add("learned_events", config={"model_path": "/path/to/model"})

DuEE event types and roles are mapped to newsie types and roles through the templates'
``duee`` fields.  The DuEE role 时间 becomes the event's ``time_text`` (and ``time`` when
an earlier ``times`` stage found that expression).  A DuEE type no template maps gets a
deterministic fallback type (``duee_<hash>``, registered as a trigger-less template so
that its records validate); a role with no mapping in an existing template is dropped
and counted in :attr:`LearnedEventStage.unmapped`.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from newsie.document import Document
from newsie.events.models import Evidence, Trigger, event_id, event_model
from newsie.registry import stage

STAGE_NAME = "learned_events"
TIME_ROLE = "时间"

_MODELS: dict[str, Any] = {}
_LOCK = threading.Lock()


def load_model(path: str | Path):
    """The :class:`~newsie.learned.model.EventModel` at ``path`` (cached per path)."""
    from newsie.learned.model import EventModel

    key = str(Path(path).expanduser().resolve())
    with _LOCK:
        model = _MODELS.get(key)
        if model is None:
            model = _MODELS[key] = EventModel(key)
    return model


def fallback_type(duee_type: str) -> str:
    """Deterministic English event type for a DuEE type no template maps."""
    return "duee_" + hashlib.md5(duee_type.encode("utf-8")).hexdigest()[:8]


def fallback_role(duee_role: str) -> str:
    """Deterministic English role name for a DuEE role of a fallback type."""
    return "role_" + hashlib.md5(duee_role.encode("utf-8")).hexdigest()[:8]


class DueeMapping:
    """DuEE type/role -> newsie type/role, from the registered templates' ``duee`` fields."""

    def __init__(self, schema: dict[str, list[str]]) -> None:
        from newsie.events.template import Role, Template, register_template, registered_templates

        self.types: dict[str, str] = {}
        self.roles: dict[str, dict[str, str]] = {}
        self.unmapped_types: list[str] = []
        self.unmapped_roles: list[tuple[str, str]] = []
        by_duee = {}
        for template in registered_templates().values():
            if template.duee and template.duee not in by_duee:
                by_duee[template.duee] = template
        for duee_type in sorted(schema):
            duee_roles = schema[duee_type]
            template = by_duee.get(duee_type)
            if template is None:
                name = fallback_type(duee_type)
                self.unmapped_types.append(duee_type)
                roles = {
                    fallback_role(role): Role(labels=(), duee=role)
                    for role in duee_roles
                    if role != TIME_ROLE
                }
                register_template(
                    Template(
                        type=name,
                        label=duee_type,
                        duee=duee_type,
                        description=f"DuEE type {duee_type} (no newsie template yet; "
                        "made by the learned event backend)",
                        roles=roles,
                    )
                )
                self.types[duee_type] = name
                self.roles[duee_type] = {r.duee: n for n, r in roles.items() if r.duee}
                continue
            self.types[duee_type] = template.type
            mapping = {role.duee: name for name, role in template.roles.items() if role.duee}
            self.roles[duee_type] = mapping
            for role in duee_roles:
                if role != TIME_ROLE and role not in mapping:
                    self.unmapped_roles.append((duee_type, role))


@stage(STAGE_NAME, requires=("sentences",), provides=("events",))
class LearnedEventStage:
    """Extract events with a learned model (CRFs trained by benchmarks/train_duee.py).

    ``model_path`` is a local model directory.  With ``merge_with_rules`` the events an
    earlier stage (the rule ``events`` stage) put in ``doc.events`` are kept and learned
    events whose trigger overlaps one of them are dropped; otherwise ``doc.events`` is
    replaced.  ``min_confidence`` drops events below it, ``min_argument`` arguments
    below it.  ``dedupe`` keeps one event per type and trigger text in a block (the
    most confident; DuEE's convention); ``recall_threshold`` also takes trigger spans
    whose ``B`` marginal reaches it.  Sentences are tagged in blocks of up to ``max_chars`` characters (the
    sentences of one line), so arguments may sit in a neighbouring sentence.
    """

    def __init__(
        self,
        model_path: str,
        merge_with_rules: bool = False,
        min_confidence: float = 0.0,
        min_argument: float = 0.0,
        max_chars: int = 300,
        status: bool = True,
        dedupe: bool = False,
        recall_threshold: float | None = None,
    ) -> None:
        self.model_path = str(model_path)
        self.merge_with_rules = merge_with_rules
        self.min_confidence = min_confidence
        self.min_argument = min_argument
        self.max_chars = max_chars
        self.status = status
        self.dedupe = dedupe
        self.recall_threshold = recall_threshold
        self.model = load_model(self.model_path)
        self.mapping = DueeMapping(self.model.schema)
        #: (DuEE type, role) of predicted arguments dropped for want of a mapping.
        self.unmapped: Counter[tuple[str, str]] = Counter()

    # -- blocks -------------------------------------------------------------------------

    def _blocks(self, doc: Document) -> list[tuple[int, int]]:
        text = doc.text
        sentences = [s for s in doc.sentences if s.label != "FURNITURE"]
        if not sentences and not doc.sentences and text.strip():
            return [(0, len(text))]
        blocks: list[tuple[int, int]] = []
        for sentence in sentences:
            if blocks:
                start, end = blocks[-1]
                if (
                    "\n" not in text[end : sentence.start]
                    and sentence.end - start <= self.max_chars
                ):
                    blocks[-1] = (start, sentence.end)
                    continue
            blocks.append((sentence.start, sentence.end))
        return blocks

    # -- events -------------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        learned = []
        for start, end in self._blocks(doc):
            for predicted in self.model.predict(
                doc.text[start:end],
                min_trigger=self.min_confidence,
                min_argument=self.min_argument,
                dedupe=self.dedupe,
                recall_threshold=self.recall_threshold,
            ):
                event = self._event(doc, predicted, start)
                if event is not None:
                    learned.append(event)
        if self.merge_with_rules:
            kept = list(doc.events)
            spans = [(e.trigger.start, e.trigger.end) for e in kept if hasattr(e, "trigger")]
            for event in learned:
                if not any(s < event.trigger.end and event.trigger.start < e for s, e in spans):
                    kept.append(event)
            kept.sort(key=lambda e: (e.trigger.start, e.type) if hasattr(e, "trigger") else (0, ""))
            doc.events = kept
        else:
            doc.events = learned
        return doc

    def _event(self, doc: Document, predicted, offset: int):
        duee_type = predicted.type
        event_type = self.mapping.types.get(duee_type)
        if event_type is None:  # a type outside the model's own schema: cannot happen
            return None
        role_map = self.mapping.roles.get(duee_type, {})
        t_start, t_end = predicted.start + offset, predicted.end + offset
        trigger = Trigger(start=t_start, end=t_end, text=doc.text[t_start:t_end])
        arguments: list[dict[str, Any]] = []
        time_text = None
        time_value = None
        for argument in predicted.arguments:
            a_start, a_end = argument.start + offset, argument.end + offset
            if argument.role == TIME_ROLE:
                if time_text is None:
                    time_text = doc.text[a_start:a_end]
                    time_value = self._time_value(doc, a_start, a_end)
                continue
            role = role_map.get(argument.role)
            if role is None:
                self.unmapped[(duee_type, argument.role)] += 1
                continue
            arguments.append(
                {
                    "role": role,
                    "text": doc.text[a_start:a_end],
                    "start": a_start,
                    "end": a_end,
                    **self._filler(doc, a_start, a_end),
                }
            )
        index = doc.sentence_index(t_start)
        if index is not None:
            s_start, s_end = doc.sentences[index].start, doc.sentences[index].end
        else:
            s_start, s_end = t_start, t_end
        model_cls = event_model(event_type)
        return model_cls(
            id=event_id(doc.id, event_type, t_start),
            type=event_type,
            trigger=trigger,
            arguments=arguments,
            time=time_value,
            time_text=time_text,
            status=self._status(doc.text, s_start, s_end, trigger),
            confidence=max(0.0, min(1.0, float(predicted.confidence))),
            evidence=Evidence(
                document_id=doc.id,
                sentence_index=index,
                start=s_start,
                end=s_end,
                stage=STAGE_NAME,
                template=event_type,
                template_version=self.model.version,
            ),
        )

    def _status(self, text: str, s_start: int, s_end: int, trigger: Trigger) -> str:
        if not self.status:
            return "happened"
        try:
            from newsie.events.status import _status

            status = _status(text, s_start, s_end, trigger)
        except (ImportError, AttributeError, TypeError, ValueError, KeyError):
            # the rule extractor's cue reader is optional here
            return "happened"
        return status if status in ("happened", "planned", "denied", "reported") else "happened"

    @staticmethod
    def _time_value(doc: Document, start: int, end: int):
        best = None
        for mention in doc.times:
            if mention.start < end and start < mention.end and mention.value is not None:
                overlap = min(end, mention.end) - max(start, mention.start)
                if best is None or overlap > best[0]:
                    best = (overlap, mention.value)
        return best[1] if best else None

    @staticmethod
    def _filler(doc: Document, start: int, end: int) -> dict[str, Any]:
        """Label and normalised value of an argument from an entity or value of the same
        span, when earlier stages found one."""
        for entity in doc.entities:
            if entity.start == start and entity.end == end:
                return {"label": entity.label, "value": entity.canonical}
        for value in doc.values:
            if value.start == start and value.end == end:
                return {
                    "label": value.label,
                    "value": value.value,
                    "unit": value.unit,
                    "currency": value.currency,
                }
        return {}
