"""An event's confidence as a calibrated probability that it is right.

The templates give each event a rule score (their base precision, less for unfilled or
borrowed roles and hearsay).  On annotated news that score barely ranks right events
above wrong ones, so in an article the events stage replaces it by a logistic model
over a few plain features of the event and its sentence, fitted on the dev halves of
the news gold sets (``benchmarks/news_gold/calibrate.py``, which prints how well it
does on each set left out; the weights are in ``corpora/calibration/events.toml``).

"Right" is what the gold-set scorer counts: a gold event of the same type whose trigger
overlaps the event's, not yet matched by another event (a repeat counts as wrong).
"""

from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from pathlib import Path

from newsie.io.clean import is_traditional, simplified_view
from newsie.resources import corpora_path

#: The weights shipped with newsie.
CALIBRATION = ("calibration", "events.toml")
#: Texts shorter than this many characters (a headline, a flash item, a one-sentence
#: DuEE text) keep the rule score: the model was fitted on articles (the shortest of the
#: gold sets has 112 characters, few have under 200), and on DuEE's sentences (median 38
#: characters) the rule score, whose template bases were measured there, ranks better.
MIN_LENGTH = 200


def event_features(event, view: str, traditional: bool) -> dict[str, float]:
    """The features the calibration reads: ``event`` (an :class:`Event` whose confidence
    is still the rule score) in ``view``, the Simplified view of its document's text."""
    start, end = event.trigger.start, event.trigger.end
    s_start, s_end = event.evidence.start, event.evidence.end
    opened = view.count("“", s_start, start) + view.count("「", s_start, start)
    closed = view.count("”", s_start, start) + view.count("」", s_start, start)
    n = len(event.arguments)
    features = {
        "type=" + event.type: 1.0,
        "status=" + event.status: 1.0,
        "rule_score": event.confidence,
        "arguments": min(n, 5) / 5,
        "no_arguments": float(n == 0),
        "dated": float(event.time is not None),
        "first_sentence": float(event.evidence.sentence_index == 0),
        "position": start / max(1, len(view)),
        "sentence_length": min(s_end - s_start, 200) / 200,
        "in_quote": float(opened > closed),
        "traditional": float(traditional),
    }
    if start > 0:
        features["before=" + view[start - 1]] = 1.0
    if end < len(view):
        features["after=" + view[end]] = 1.0
    return features


class Calibration:
    """A logistic model: the probability is ``1 / (1 + exp(-(intercept + w·x)))``."""

    def __init__(self, intercept: float, weights: dict[str, float]) -> None:
        self.intercept = intercept
        self.weights = weights

    def probability(self, features: dict[str, float]) -> float:
        weights = self.weights
        z = self.intercept + sum(weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def read(cls, path: str | Path) -> Calibration:
        """The model of a TOML file with ``intercept`` and a ``[weights]`` table."""
        with open(path, "rb") as f:
            data = tomllib.load(f)
        return cls(float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()})


@lru_cache(maxsize=1)
def shipped_calibration() -> Calibration:
    """The calibration shipped in ``corpora/calibration/events.toml``."""
    return Calibration.read(corpora_path(*CALIBRATION))


def text_reading(text: str) -> tuple[str, bool]:
    """The Simplified view of a document's text and whether the text is Traditional: the
    two arguments of :func:`event_features` besides the event."""
    view = simplified_view(text)
    return view, view is not text and is_traditional(text)


def calibrated(events: list, text: str, model: Calibration) -> list:
    """The events of a document's ``text`` with their rule score replaced by the model's
    probability; those of a text shorter than :data:`MIN_LENGTH` as they are."""
    if not events or len(text) < MIN_LENGTH:
        return events
    view, traditional = text_reading(text)
    return [
        e.model_copy(
            update={"confidence": round(model.probability(event_features(e, view, traditional)), 3)}
        )
        for e in events
    ]
