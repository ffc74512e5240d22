"""The learned event model: train on DuEE-format records, save, load, predict.

A model is a local directory::

    meta.json          version, schema (event type -> roles), parameters, training stats
    lexicon.json       trigger strings with trigger / type counts from the training data
    trigger.crfsuite   character CRF, B/I/O trigger spans
    type.crfsuite      maximum-entropy classifier of a candidate span: event type or none
    argument.crfsuite  character CRF per event, B-k/I-k with k the role's index

Nothing here ships a model: train one with ``python benchmarks/train_duee.py --out DIR``,
``python -m newsie.learned --train FILE --out DIR`` or :func:`train`.  python-crfsuite is imported lazily.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsie.learned.data import Record, records_from, schema_from_records
from newsie.learned.features import (
    FEATURES_VERSION,
    NOT_TRIGGER,
    Lexicon,
    argument_features,
    lexicon_stats,
    trigger_features,
    type_features,
    word_index,
    words,
)

FORMAT = "newsie-learned-events/1"
#: A tagged trigger span is dropped when the type classifier's P(no trigger) exceeds this.
KEEP_TAGGED = 0.7
#: A lexicon match the tagger left out is added when P(no trigger) is below this.
ADD_MATCHED = 0.5
#: A role the argument tagger leaves out gets the span where its B marginal reaches this.
ARGUMENT_RECALL = 0.2
FILES = ("meta.json", "lexicon.json", "trigger.crfsuite", "type.crfsuite", "argument.crfsuite")
TRAIN_COMMAND = "python -m newsie.learned --train duee_train.json --out DIR"

DEFAULT_PARAMS: dict[str, dict[str, Any]] = {
    "trigger": {"c1": 0.05, "c2": 0.01, "max_iterations": 150},
    "type": {"c1": 0.02, "c2": 0.05, "max_iterations": 150},
    "argument": {"c1": 0.05, "c2": 0.01, "max_iterations": 250},
}


class ModelNotFoundError(FileNotFoundError):
    """The model directory (or a file in it) is missing."""


def _crfsuite():
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - python-crfsuite is a dependency
        raise ImportError(
            "the learned event backend needs python-crfsuite: pip install python-crfsuite"
        ) from exc
    return pycrfsuite


@dataclass
class PredictedArgument:
    role: str
    start: int
    end: int
    text: str
    confidence: float


@dataclass
class PredictedEvent:
    type: str
    start: int
    end: int
    text: str
    confidence: float
    arguments: list[PredictedArgument] = field(default_factory=list)


# -- training -----------------------------------------------------------------------------


def build_lexicon(records: list[Record], max_len: int = 8) -> Lexicon:
    counts: dict[str, list[int]] = {}
    types: dict[str, dict[str, int]] = {}
    for record in records:
        for event in record.events:
            if 0 < len(event.text) <= max_len:
                counts.setdefault(event.text, [0, 0])[0] += 1
                bucket = types.setdefault(event.text, {})
                bucket[event.type] = bucket.get(event.type, 0) + 1
    lexicon = Lexicon(counts, types, max_len)
    for record in records:
        for _, _, key in lexicon.matches(record.text):
            lexicon.counts[key][1] += 1
    return lexicon


def _own(record: Record, max_len: int) -> dict[str, tuple[int, dict[str, int]]]:
    own: dict[str, tuple[int, dict[str, int]]] = {}
    for event in record.events:
        if 0 < len(event.text) <= max_len:
            count, kinds = own.get(event.text, (0, {}))
            kinds = dict(kinds)
            kinds[event.type] = kinds.get(event.type, 0) + 1
            own[event.text] = (count + 1, kinds)
    return own


def _trigger_labels(record: Record) -> list[str]:
    tags = ["O"] * len(record.text)
    for event in sorted(record.events, key=lambda e: (e.start, -(e.end - e.start))):
        if any(tag != "O" for tag in tags[event.start : event.end]):
            continue
        tags[event.start] = "B"
        for i in range(event.start + 1, event.end):
            tags[i] = "I"
    return tags


def _argument_labels(record: Record, event, roles: list[str]) -> list[str]:
    tags = ["O"] * len(record.text)
    for argument in sorted(event.arguments, key=lambda a: (a.start, -(a.end - a.start))):
        if argument.role not in roles:
            continue
        if any(tag != "O" for tag in tags[argument.start : argument.end]):
            continue
        k = roles.index(argument.role)
        tags[argument.start] = f"B-{k}"
        for i in range(argument.start + 1, argument.end):
            tags[i] = f"I-{k}"
    return tags


def _match_at(lex_stats, start: int, end: int) -> tuple[float, dict[str, int]] | None:
    """(trigger ratio, type counts) of the lexicon string at ``start:end``, if any."""
    for s, e, _key, ratio, kinds in lex_stats:
        if s == start and e == end:
            return ratio, kinds
    return None


def _type_examples(record: Record, spans, windex, lex) -> Iterator[tuple[list[str], str]]:
    """Type classifier examples of a training sentence: its triggers with their types,
    the other lexicon matches as :data:`NOT_TRIGGER`."""
    text = record.text
    for event in record.events:
        match = _match_at(lex, event.start, event.end)
        yield type_features(text, event.start, event.end, spans, windex, match), event.type
    gold = {(event.start, event.end) for event in record.events}
    for start, end, _key, ratio, kinds in lex:
        if (start, end) not in gold:
            features = type_features(text, start, end, spans, windex, (ratio, kinds))
            yield features, NOT_TRIGGER


def _train_one(trainer, path: str, params: dict[str, Any]) -> None:
    trainer.set_params({**params, "feature.possible_transitions": True})
    trainer.train(path)


def train(
    records: Iterable[dict | Record],
    out: str | Path,
    *,
    schema: dict[str, list[str]] | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    processes: int = 2,
    source: str = "",
    verbose: bool = False,
) -> dict[str, Any]:
    """Train the three models on ``records`` (DuEE dicts or :class:`Record`) into the
    directory ``out``; returns the training report (also saved in ``meta.json``).

    ``schema`` maps each event type to its role names (default: as seen in the data).
    With ``processes`` >= 2 the trigger and argument CRFs train in parallel (fork).
    """
    pycrfsuite = _crfsuite()
    started = time.time()
    records = list(records_from(records))
    seen_schema = schema_from_records(records)
    schema = {k: list(v) for k, v in (schema or {}).items()}
    for kind, roles in seen_schema.items():
        known = schema.setdefault(kind, [])
        known.extend(role for role in roles if role not in known)
    params = {
        name: {**DEFAULT_PARAMS[name], **(params or {}).get(name, {})} for name in DEFAULT_PARAMS
    }

    lexicon = build_lexicon(records)
    trigger_trainer = pycrfsuite.Trainer(verbose=verbose)
    type_trainer = pycrfsuite.Trainer(verbose=verbose)
    argument_trainer = pycrfsuite.Trainer(verbose=verbose)
    counts = {"sentences": 0, "chars": 0, "events": 0, "arguments": 0}
    for record in records:
        text = record.text
        if not text:
            continue
        spans = words(text)
        windex = word_index(text, spans)
        lex = lexicon_stats(lexicon, text, own=_own(record, lexicon.max_len))
        trigger_trainer.append(trigger_features(text, spans, windex, lex), _trigger_labels(record))
        counts["sentences"] += 1
        counts["chars"] += len(text)
        for features, label in _type_examples(record, spans, windex, lex):
            type_trainer.append([features], [label])
        for event in record.events:
            roles = schema[event.type]
            argument_trainer.append(
                argument_features(text, spans, windex, event.type, event.start, event.end),
                _argument_labels(record, event, roles),
            )
            counts["events"] += 1
            counts["arguments"] += len(event.arguments)
    features_seconds = time.time() - started

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = [
        (trigger_trainer, str(out / "trigger.crfsuite"), params["trigger"]),
        (type_trainer, str(out / "type.crfsuite"), params["type"]),
        (argument_trainer, str(out / "argument.crfsuite"), params["argument"]),
    ]
    if processes >= 2 and hasattr(os, "fork"):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        child = context.Process(target=_train_one, args=jobs[2])
        child.start()
        for job in jobs[:2]:
            _train_one(*job)
        child.join()
        if child.exitcode != 0:
            raise RuntimeError(f"training the argument CRF failed (exit code {child.exitcode})")
    else:
        for job in jobs:
            _train_one(*job)

    (out / "lexicon.json").write_text(
        json.dumps(lexicon.to_json(), ensure_ascii=False), encoding="utf-8"
    )
    digest = hashlib.sha1()
    for name in ("trigger.crfsuite", "type.crfsuite", "argument.crfsuite"):
        digest.update((out / name).read_bytes())
    report = {
        **counts,
        "types": len(schema),
        "lexicon": len(lexicon.counts),
        "feature_seconds": round(features_seconds, 1),
        "seconds": round(time.time() - started, 1),
    }
    meta = {
        "format": FORMAT,
        "features": FEATURES_VERSION,
        "version": "crf-" + digest.hexdigest()[:10],
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "source": source,
        "schema": schema,
        "params": params,
        "training": report,
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return {**report, "version": meta["version"], "model": str(out)}


# -- prediction ---------------------------------------------------------------------------


def _spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of B-x/I-x runs (a stray I-x starts a span)."""
    out: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, label in enumerate(labels + ["O"]):
        tag, _, name = label.partition("-")
        if start is not None and (tag != "I" or name != kind):
            out.append((start, i, kind or ""))
            start, kind = None, None
        if tag == "B" or (tag == "I" and start is None):
            start, kind = i, name
    return out


class EventModel:
    """A trained model loaded from its directory."""

    def __init__(self, path: str | Path) -> None:
        path = Path(path).expanduser()
        if not path.is_dir():
            raise ModelNotFoundError(
                f"learned event model not found: {str(path)!r} is not a directory. "
                f"Train one with `{TRAIN_COMMAND.replace('DIR', str(path))}` "
                f"(in a newsie checkout: `python benchmarks/train_duee.py --out {path}`); "
                "it needs a DuEE-format training file, see docs/learned.md"
            )
        missing = [name for name in FILES if not (path / name).is_file()]
        if missing:
            raise ModelNotFoundError(
                f"learned event model {str(path)!r} is incomplete (missing {', '.join(missing)}); "
                f"retrain it with `{TRAIN_COMMAND.replace('DIR', str(path))}`"
            )
        pycrfsuite = _crfsuite()
        self.path = path
        self.meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        if self.meta.get("format") != FORMAT:
            raise ValueError(f"{path}: not a {FORMAT} model (format {self.meta.get('format')!r})")
        if self.meta.get("features") != FEATURES_VERSION:
            raise ValueError(
                f"{path}: trained with features version {self.meta.get('features')}, this "
                f"newsie computes version {FEATURES_VERSION}; retrain it with "
                f"`{TRAIN_COMMAND.replace('DIR', str(path))}`"
            )
        self.version: str = self.meta["version"]
        self.schema: dict[str, list[str]] = self.meta["schema"]
        self.lexicon = Lexicon.from_json(
            json.loads((path / "lexicon.json").read_text(encoding="utf-8"))
        )
        self._trigger = pycrfsuite.Tagger()
        self._trigger.open(str(path / "trigger.crfsuite"))
        self._type = pycrfsuite.Tagger()
        self._type.open(str(path / "type.crfsuite"))
        self._argument = pycrfsuite.Tagger()
        self._argument.open(str(path / "argument.crfsuite"))
        self._type_labels = list(self._type.labels())
        self._argument_labels = frozenset(self._argument.labels())
        self._lock = threading.Lock()  # crfsuite taggers keep state between set() and tag()

    def _extra_spans(self, labels: list[str], threshold: float) -> list[tuple[int, int, str]]:
        tagger = self._trigger
        out = []
        i, n = 0, len(labels)
        while i < n:
            if labels[i] == "O" and tagger.marginal("B", i) >= threshold:
                end = i + 1
                while end < n and labels[end] == "O" and tagger.marginal("I", end) >= threshold:
                    end += 1
                out.append((i, end, ""))
                i = end
            else:
                i += 1
        return out

    def _missing_roles(
        self, labels: list[str], found: list[tuple[int, int, str]], n_roles: int
    ) -> list[tuple[int, int, str]]:
        """A span for each role the best labelling leaves out: the unlabelled character
        where ``B-k`` is likeliest, if that marginal reaches ARGUMENT_RECALL, extended over
        the following unlabelled characters whose ``I-k`` marginal reaches it too."""
        tagger = self._argument
        have = {kind for _, _, kind in found}
        free = [i for i, label in enumerate(labels) if label == "O"]
        out = []
        for index in map(str, range(n_roles)):
            if index in have or "B-" + index not in self._argument_labels or not free:
                continue
            start = max(free, key=lambda i: tagger.marginal("B-" + index, i))
            if tagger.marginal("B-" + index, start) < ARGUMENT_RECALL:
                continue
            end = start + 1
            while (
                end < len(labels)
                and labels[end] == "O"
                and "I-" + index in self._argument_labels
                and tagger.marginal("I-" + index, end) >= ARGUMENT_RECALL
            ):
                end += 1
            out.append((start, end, index))
        return out

    def _classify(self, text: str, start: int, end: int, spans, windex, lex):
        """(event type, its probability, probability of no trigger) of a span."""
        classifier = self._type
        classifier.set([type_features(text, start, end, spans, windex, _match_at(lex, start, end))])
        classifier.tag()  # marginals are only sound after tag()
        probability = {label: classifier.marginal(label, 0) for label in self._type_labels}
        no = probability.pop(NOT_TRIGGER, 0.0)
        kind = max(probability, key=probability.__getitem__)
        return kind, probability[kind], no

    def _triggers(
        self, text: str, spans, windex, lex, recall_threshold: float | None
    ) -> list[tuple[int, int, str, float]]:
        """(start, end, type, confidence) of the triggers: the tagger's spans the type
        classifier does not reject (P(no trigger) <= KEEP_TAGGED), then the lexicon
        matches clear of them that it finds likely triggers (P(no trigger) < ADD_MATCHED)."""
        tagger = self._trigger
        tagger.set(trigger_features(text, spans, windex, lex))
        labels = tagger.tag()
        tagged = _spans(labels)
        if recall_threshold is not None:
            tagged += self._extra_spans(labels, recall_threshold)
        found = []
        for start, end, _ in tagged:
            kind, type_conf, no = self._classify(text, start, end, spans, windex, lex)
            if no <= KEEP_TAGGED:
                span_conf = min(
                    tagger.marginal("B" if i == start else "I", i) for i in range(start, end)
                )
                found.append((start, end, kind, span_conf * type_conf))
        matched = []
        for start, end, *_ in lex:
            if not any(start < e and s < end for s, e, _ in tagged):
                kind, type_conf, no = self._classify(text, start, end, spans, windex, lex)
                if no < ADD_MATCHED:
                    matched.append((no, start, end, kind, type_conf))
        for _no, start, end, kind, type_conf in sorted(matched):
            if not any(start < e and s < end for s, e, *_ in found):
                found.append((start, end, kind, type_conf))
        return sorted(found)

    def predict(
        self,
        text: str,
        *,
        min_trigger: float = 0.0,
        min_argument: float = 0.0,
        dedupe: bool = False,
        recall_threshold: float | None = None,
    ) -> list[PredictedEvent]:
        """Events of ``text`` (offsets into ``text``).

        ``dedupe`` keeps, of several events with the same type and trigger text, only
        the most confident one (DuEE annotates one of repeated mentions).
        ``recall_threshold`` adds trigger spans the best labelling leaves out where the
        marginal of ``B`` is at least that (and of ``I`` for the following characters).
        """
        if not text or not text.strip():
            return []
        with self._lock:
            return self._predict(text, min_trigger, min_argument, dedupe, recall_threshold)

    def _predict(
        self,
        text: str,
        min_trigger: float,
        min_argument: float,
        dedupe: bool,
        recall_threshold: float | None,
    ) -> list[PredictedEvent]:
        spans = words(text)
        windex = word_index(text, spans)
        lex = lexicon_stats(self.lexicon, text)
        events: list[PredictedEvent] = []
        for start, end, kind, confidence in self._triggers(
            text, spans, windex, lex, recall_threshold
        ):
            if confidence < min_trigger:
                continue
            event = PredictedEvent(kind, start, end, text[start:end], round(confidence, 4))
            roles = self.schema.get(kind, [])
            argument = self._argument
            argument.set(argument_features(text, spans, windex, kind, start, end))
            alabels = argument.tag()
            found = _spans(alabels)
            for astart, aend, index in found + self._missing_roles(alabels, found, len(roles)):
                k = int(index) if index.isdigit() else -1
                if not 0 <= k < len(roles):
                    continue
                if astart < end and start < aend:  # an argument never overlaps its trigger
                    continue
                aconf = min(
                    argument.marginal(("B-" if i == astart else "I-") + index, i)
                    for i in range(astart, aend)
                )
                if aconf < min_argument:
                    continue
                event.arguments.append(
                    PredictedArgument(roles[k], astart, aend, text[astart:aend], round(aconf, 4))
                )
            events.append(event)
        if dedupe and len(events) > 1:
            best: dict[tuple[str, str], PredictedEvent] = {}
            for event in events:
                key = (event.type, event.text)
                if key not in best or event.confidence > best[key].confidence:
                    best[key] = event
            events = [event for event in events if best[(event.type, event.text)] is event]
        return events


def predictions_record(record_id: str, text: str, events: list[PredictedEvent]) -> dict:
    """DuEE JSON object of predicted events."""
    return {
        "id": record_id,
        "text": text,
        "event_list": [
            {
                "event_type": event.type,
                "trigger": event.text,
                "trigger_start_index": event.start,
                "confidence": event.confidence,
                "arguments": [
                    {
                        "role": a.role,
                        "argument": a.text,
                        "argument_start_index": a.start,
                        "confidence": a.confidence,
                    }
                    for a in event.arguments
                ],
            }
            for event in events
        ],
    }
