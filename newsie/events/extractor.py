"""Template-driven event extraction.

For each sentence: find trigger words (one Aho-Corasick pass for all templates) and
trigger patterns; for each trigger, fill the template's roles from the entities, values
and role patterns of the sentence (nearest compatible filler on the declared side,
preferring the trigger's own clause and cue words), read the status from cue words
around the trigger, and take the time from the sentence or, failing that, from the
article context.  Mentions of one event in several sentences are then merged.
"""

from __future__ import annotations

from newsie._compat import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ahocorasick
import regex

from newsie.document import Document
from newsie.events.models import Argument, Evidence, Trigger, event_id, event_model
from newsie.events.template import Template
from newsie.resources import corpora_path

_CLAUSE_BREAK = regex.compile(r"[，,；;：:—]|——")
_COORDINATION = regex.compile(r"^\s*(?:、|，|,|与|和|及|以及|跟|同|并|携手|联合)\s*$")
_ANAPHORA = ("此次", "这次", "本次", "该次", "此番", "这一", "此项")
PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass(frozen=True)
class Filler:
    """Something that can fill a role: an entity, a value or a pattern capture."""

    start: int
    end: int
    text: str
    label: str
    value: float | str | None = None
    unit: str | None = None
    currency: str | None = None

    def argument(self, role: str) -> Argument:
        return Argument(
            role=role,
            text=self.text,
            start=self.start,
            end=self.end,
            label=self.label,
            value=self.value,
            unit=self.unit,
            currency=self.currency,
        )


@dataclass
class _Mention:
    template: Template
    trigger: Trigger
    sentence_index: int
    arguments: dict[str, list[Filler]] = field(default_factory=dict)
    from_context: set[str] = field(default_factory=set)
    time_index: int | None = None
    time_from_context: bool = False
    status: str = "happened"
    anaphoric: bool = False


@lru_cache(maxsize=1)
def status_cues() -> dict[str, tuple[str, ...]]:
    """Cue words for each status, from ``corpora/lexicons/status.toml``."""
    with open(corpora_path("lexicons", "status.toml"), "rb") as handle:
        data = tomllib.load(handle)
    return {status: tuple(words) for status, words in data["cues"].items()}


class EventExtractor:
    """Runs a set of templates over documents that have sentences, entities, times, values."""

    def __init__(self, templates: Iterable[Template], stage_name: str = "events") -> None:
        self.templates = list(templates)
        self.stage_name = stage_name
        self._automaton = ahocorasick.Automaton()
        words: dict[str, list[int]] = {}
        for index, template in enumerate(self.templates):
            for word in template.triggers:
                words.setdefault(word, []).append(index)
        for word, indices in words.items():
            self._automaton.add_word(word, (word, tuple(indices)))
        if words:
            self._automaton.make_automaton()
        self._has_words = bool(words)
        self._trigger_patterns = [
            (index, regex.compile(pattern))
            for index, template in enumerate(self.templates)
            for pattern in template.patterns
        ]
        self._role_patterns = {
            index: [
                (role_name, regex.compile(pattern))
                for role_name, role in template.roles.items()
                for pattern in role.patterns
            ]
            for index, template in enumerate(self.templates)
        }
        self._excludes = {
            index: tuple(template.exclude) for index, template in enumerate(self.templates)
        }

    # -- finding triggers -----------------------------------------------------------------

    def _triggers(self, sentence: str) -> list[tuple[int, int, int]]:
        """(template index, start, end) of triggers in a sentence, longest match wins."""
        found: list[tuple[int, int, int]] = []
        if self._has_words:
            for end_index, (word, indices) in self._automaton.iter(sentence):
                start = end_index - len(word) + 1
                for index in indices:
                    found.append((index, start, end_index + 1))
        for index, pattern in self._trigger_patterns:
            for match in pattern.finditer(sentence):
                span = match.span("trigger") if "trigger" in pattern.groupindex else match.span()
                found.append((index, *span))
        found = [f for f in found if not self._excluded(sentence, *f)]
        # keep the longest trigger where triggers of one template overlap
        found.sort(key=lambda f: (f[1], -(f[2] - f[1])))
        kept: list[tuple[int, int, int]] = []
        for candidate in found:
            if any(
                k[0] == candidate[0] and k[1] < candidate[2] and candidate[1] < k[2] for k in kept
            ):
                continue
            kept.append(candidate)
        return kept

    def _excluded(self, sentence: str, index: int, start: int, end: int) -> bool:
        for phrase in self._excludes[index]:
            position = sentence.find(phrase, max(0, start - len(phrase)), end + len(phrase))
            while position >= 0 and position < end:
                if position <= start and end <= position + len(phrase):
                    return True
                position = sentence.find(phrase, position + 1, end + len(phrase))
        return False

    # -- running ----------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        fillers = _document_fillers(doc)
        mentions: list[_Mention] = []
        for s_index, sentence in enumerate(doc.sentences):
            if sentence.label == "FURNITURE":
                continue
            for t_index, start, end in self._triggers(sentence.text):
                template = self.templates[t_index]
                trigger = Trigger(
                    start=sentence.start + start,
                    end=sentence.start + end,
                    text=sentence.text[start:end],
                )
                mention = self._fill(doc, fillers, s_index, t_index, template, trigger)
                if mention is not None:
                    mentions.append(mention)
        mentions = _merge(mentions)
        doc.events = [self._event(doc, mention) for mention in mentions]
        return doc

    def _fill(self, doc, fillers, s_index, t_index, template, trigger) -> _Mention | None:
        sentence = doc.sentences[s_index]
        mention = _Mention(template=template, trigger=trigger, sentence_index=s_index)
        before = doc.text[max(sentence.start, trigger.start - 4) : trigger.start]
        mention.anaphoric = any(before.endswith(word) for word in _ANAPHORA)
        in_sentence = [f for f in fillers if sentence.start <= f.start and f.end <= sentence.end]
        captured: dict[str, list[Filler]] = {}
        for role_name, pattern in self._role_patterns[t_index]:
            for match in pattern.finditer(sentence.text):
                if match[role_name]:
                    a, b = match.span(role_name)
                    captured.setdefault(role_name, []).append(
                        Filler(sentence.start + a, sentence.start + b, match[role_name], "TEXT")
                    )
        used: set[tuple[int, int]] = set()
        clauses = _clause_bounds(doc.text, sentence.start, sentence.end)
        trigger_clause = _clause_of(clauses, trigger.start)
        for role_name, role in template.roles.items():
            candidates = captured.get(role_name) or [
                f
                for f in in_sentence
                if f.label in role.labels
                and not (f.start < trigger.end and trigger.start < f.end)
                and (f.start, f.end) not in used
                and _side_ok(role.side, f, trigger)
            ]
            chosen = _choose(doc.text, candidates, trigger, clauses, trigger_clause, role)
            if not chosen and role.context and not mention.anaphoric:
                chosen = _from_context(doc, fillers, s_index, role)
                if chosen:
                    mention.from_context.add(role_name)
            if chosen:
                mention.arguments[role_name] = chosen
                used.update((f.start, f.end) for f in chosen)
        missing = [name for name, role in template.roles.items() if role.required and name not in mention.arguments]
        if missing and not mention.anaphoric:
            return None
        mention.time_index, mention.time_from_context = _time_for(doc, s_index, trigger, clauses)
        mention.status = template.status or _status(doc.text, sentence.start, sentence.end, trigger)
        return mention

    def _event(self, doc: Document, mention: _Mention):
        template = mention.template
        sentence = doc.sentences[mention.sentence_index]
        arguments = [
            filler.argument(role_name)
            for role_name, chosen in mention.arguments.items()
            for filler in chosen
        ]
        time_mention = doc.times[mention.time_index] if mention.time_index is not None else None
        roles = template.roles
        filled = sum(1 for name in roles if name in mention.arguments)
        confidence = template.confidence + 0.2 * (filled / len(roles) if roles else 1.0)
        confidence -= 0.1 * len(mention.from_context)
        confidence -= 0.05 if mention.status == "reported" else 0.0
        model = event_model(template.type)
        return model(
            id=event_id(doc.id, template.type, mention.trigger.start),
            type=template.type,
            trigger=mention.trigger,
            arguments=arguments,
            time=time_mention.value if time_mention is not None else None,
            time_text=time_mention.text if time_mention is not None else None,
            status=mention.status,
            confidence=round(max(0.05, min(0.95, confidence)), 3),
            evidence=Evidence(
                document_id=doc.id,
                sentence_index=mention.sentence_index,
                start=sentence.start,
                end=sentence.end,
                stage=self.stage_name,
                template=template.type,
                template_version=template.version,
            ),
        )


def _document_fillers(doc: Document) -> list[Filler]:
    fillers: list[Filler] = []
    entities = sorted(doc.entities, key=lambda e: e.start)
    i = 0
    while i < len(entities):
        entity = entities[i]
        j = i
        # a chain of adjacent places (香港大埔区宏福苑) is one place
        while (
            entity.label in PLACE_LABELS
            and j + 1 < len(entities)
            and entities[j + 1].label in PLACE_LABELS
            and entities[j + 1].start == entities[j].end
        ):
            j += 1
        if j > i:
            last = entities[j]
            fillers.append(
                Filler(entity.start, last.end, doc.text[entity.start : last.end], last.label)
            )
        for k in range(i, j + 1):
            e = entities[k]
            fillers.append(Filler(e.start, e.end, e.text, e.label, e.canonical or e.text))
        i = j + 1
    for value in doc.values:
        fillers.append(
            Filler(
                value.start,
                value.end,
                value.text,
                value.label,
                value.value,
                value.unit,
                value.currency,
            )
        )
    fillers.sort(key=lambda f: (f.start, -(f.end - f.start)))
    return fillers


def _clause_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds, position = [], start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, end))
    return bounds


def _clause_of(clauses: list[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(clauses):
        if start <= offset < end or (offset == end and index == len(clauses) - 1):
            return index
    return len(clauses) - 1


def _side_ok(side: str, filler: Filler, trigger: Trigger) -> bool:
    if side == "before":
        return filler.end <= trigger.start
    if side == "after":
        return filler.start >= trigger.end
    return True


def _distance(filler: Filler, trigger: Trigger) -> int:
    if filler.end <= trigger.start:
        return trigger.start - filler.end
    return max(0, filler.start - trigger.end)


def _choose(text, candidates, trigger, clauses, trigger_clause, role) -> list[Filler]:
    if not candidates:
        return []
    # a composite place replaces the parts it covers
    composite = [c for c in candidates if c.label in PLACE_LABELS and c.value is None]
    if composite:
        candidates = [
            c
            for c in candidates
            if not any(p.start <= c.start and c.end <= p.end and p is not c for p in composite)
        ]

    def score(filler: Filler) -> float:
        clause_gap = abs(_clause_of(clauses, filler.start) - trigger_clause)
        value = -_distance(filler, trigger) - 15 * clause_gap
        preceding = text[max(0, filler.start - 3) : filler.start]
        if role.cues and any(preceding.endswith(cue) for cue in role.cues):
            value += 30
        if filler.label == "TEXT":
            value += 100
        return value

    best = max(candidates, key=score)
    if not role.multiple:
        return [best]
    chosen = [best]
    ordered = sorted(candidates, key=lambda f: f.start)
    position = ordered.index(best)
    for step in (-1, 1):  # extend through a coordinated list: A、B、C及D
        k = position
        while 0 <= k + step < len(ordered):
            a, b = (ordered[k + step], ordered[k]) if step < 0 else (ordered[k], ordered[k + step])
            if b.start < a.end or not _COORDINATION.match(text[a.end : b.start]):
                break
            chosen.append(ordered[k + step])
            k += step
    return sorted(chosen, key=lambda f: f.start)


def _from_context(doc: Document, fillers: list[Filler], s_index: int, role) -> list[Filler]:
    for back in range(s_index - 1, max(-1, s_index - 4), -1):
        sentence = doc.sentences[back]
        candidates = [
            f
            for f in fillers
            if sentence.start <= f.start
            and f.end <= sentence.end
            and f.label in role.labels
        ]
        if candidates:
            first = candidates[0]
            if not role.multiple:
                return [first]
            chosen = [first]
            for nxt in candidates[1:]:
                if nxt.start >= chosen[-1].end and _COORDINATION.match(
                    doc.text[chosen[-1].end : nxt.start]
                ):
                    chosen.append(nxt)
            return chosen
    return []


def _time_for(doc: Document, s_index: int, trigger: Trigger, clauses) -> tuple[int | None, bool]:
    sentence = doc.sentences[s_index]
    best, best_score = None, None
    for index, mention in enumerate(doc.times):
        if mention.value is None or mention.value.kind in ("duration", "set"):
            continue
        if sentence.start <= mention.start and mention.end <= sentence.end:
            distance = (
                trigger.start - mention.end
                if mention.end <= trigger.start
                else 2 * (mention.start - trigger.end) + 10
            )
            if best_score is None or distance < best_score:
                best, best_score = index, distance
    if best is not None:
        return best, False
    for index in range(len(doc.times) - 1, -1, -1):  # the article's latest earlier time
        mention = doc.times[index]
        if (
            mention.end <= sentence.start
            and mention.value is not None
            and mention.value.kind in ("point", "range")
            and mention.value.grain in ("day", "hour", "minute", "second")
        ):
            return index, True
    return None, False


def _status(text: str, s_start: int, s_end: int, trigger: Trigger) -> str:
    cues = status_cues()
    window_start = s_start
    for match in _CLAUSE_BREAK.finditer(text, s_start, trigger.start):
        window_start = match.end()
    before = text[max(window_start, trigger.start - 14) : trigger.start]
    sentence_head = text[s_start : trigger.start]
    after = text[trigger.end : min(s_end, trigger.end + 3)]
    best_status, best_distance = "happened", None
    for status, words in cues.items():
        scope = sentence_head if status == "reported" else before
        for word in words:
            position = scope.rfind(word)
            if position < 0:
                continue
            if status == "denied" and word == "未" and scope[position + 1 : position + 2] == "来":
                continue
            distance = len(scope) - position - len(word)
            if status == "reported":
                distance += 20  # a report frames the clause; closer cues win
            if best_distance is None or distance < best_distance:
                best_status, best_distance = status, distance
    if best_status == "happened":
        for word in cues.get("planned_after", ()):
            if after.startswith(word):
                return "planned"
    return "planned" if best_status == "planned_after" else best_status


def _key_values(mention: _Mention) -> dict[str, set[str]]:
    return {
        role: {str(f.value if isinstance(f.value, str) else f.text) for f in fillers}
        for role, fillers in mention.arguments.items()
        if not mention.template.roles[role].multiple
        and mention.template.roles[role].labels[0] not in ("MONEY", "COUNT", "QUANTITY")
    }


def _merge(mentions: list[_Mention]) -> list[_Mention]:
    """Merge mentions of the same event told in several sentences of one document."""
    kept: list[_Mention] = []
    for mention in mentions:
        target = None
        if mention.template.merge:
            for earlier in reversed(kept):
                if earlier.template.type != mention.template.type:
                    continue
                if mention.anaphoric or _compatible(earlier, mention):
                    target = earlier
                    break
        if target is None:
            if mention.anaphoric and any(
                r.required and n not in mention.arguments
                for n, r in mention.template.roles.items()
            ):
                continue
            kept.append(mention)
            continue
        for role, fillers in mention.arguments.items():
            if role not in target.arguments:
                target.arguments[role] = fillers
                if role in mention.from_context:
                    target.from_context.add(role)
            elif target.template.roles[role].multiple:
                texts = {f.text for f in target.arguments[role]}
                target.arguments[role] += [f for f in fillers if f.text not in texts]
        if target.time_index is None or (target.time_from_context and not mention.time_from_context):
            if mention.time_index is not None:
                target.time_index = mention.time_index
                target.time_from_context = mention.time_from_context
        if target.status == "happened" and mention.status == "planned":
            target.status = "planned"
    return kept


def _compatible(a: _Mention, b: _Mention) -> bool:
    """Same event if they share a key argument and contradict on none."""
    keys_a, keys_b = _key_values(a), _key_values(b)
    shared = set(keys_a) & set(keys_b)
    if not shared:
        return False
    agree = 0
    for role in shared:
        if keys_a[role] & keys_b[role]:
            agree += 1
        else:
            return False
    return agree > 0
