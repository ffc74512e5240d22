"""Optional learned trigger finder: a character CRF over DuEE-style trigger labels.

A *recipe*, not a shipped model: DuEE 1.0 is licensed for non-commercial research
only, so newsie ships no model trained on it.  Train your own and point the events
stage at it; the templates still fill the roles, read status and time, and merge::

    python -m newsie.events.learned ../shared/data/duee1.0/duee_train.json /tmp/duee_triggers.crfsuite
    python benchmarks/duee.py --trigger-model /tmp/duee_triggers.crfsuite

or ``newsie.load()`` with ``[stages.events] trigger_model = "/tmp/duee_triggers.crfsuite"``.
By default training uses only the sentences outside newsie's DuEE dev split (the id
hash split of ``benchmarks/duee.py``), so the benchmark's dev numbers stay honest.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsie.learned.data import in_dev_split  # the one DuEE dev split


def _labels(text: str, events: list[dict]) -> list[str]:
    tags = ["O"] * len(text)
    for event in events:
        trigger = event["trigger"]
        start = event["trigger_start_index"] + (len(trigger) - len(trigger.lstrip()))
        end = start + len(trigger.strip())
        if end > len(text) or start >= end or any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = "B-" + event["event_type"]
        for i in range(start + 1, end):
            tags[i] = "I-" + event["event_type"]
    return tags


def train(
    path: str | Path,
    out: str | Path,
    *,
    include_dev: bool = False,
    algorithm: str = "ap",
    max_iterations: int = 15,
) -> dict:
    """Train a trigger CRF on a DuEE-format file; returns a small report."""
    import pycrfsuite

    from newsie.ner.features import char_features

    # averaged perceptron: minutes on DuEE's 10k sentences (L-BFGS over 131 labels
    # takes hours on a small machine)
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    count = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if not include_dev and in_dev_split(record["id"]):
                continue
            text = record["text"]
            if text:
                trainer.append(char_features(text), _labels(text, record.get("event_list", [])))
                count += 1
    trainer.set_params({"max_iterations": max_iterations})
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    trainer.train(str(out))
    return {"sentences": count, "seconds": round(time.time() - started, 1), "model": str(out)}


class TriggerTagger:
    """Finds (label, start, end) triggers in a text with a trained trigger CRF."""

    def __init__(self, path: str | Path) -> None:
        import pycrfsuite

        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(
                f"trigger model not found: {self.path} (train one with "
                "`python -m newsie.events.learned DUEE_FILE OUT`)"
            )
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))

    def __call__(self, text: str) -> list[tuple[str, int, int]]:
        from newsie.ner.features import char_features

        if not text:
            return []
        tags = self._tagger.tag(char_features(text))
        spans: list[tuple[str, int, int]] = []
        start, label = None, None
        for i, tag in enumerate(tags + ["O"]):
            if start is not None and not (tag.startswith("I-") and tag[2:] == label):
                spans.append((label, start, i))
                start = label = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, label = i, tag[2:]
        return spans


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train a DuEE trigger CRF (research use).")
    parser.add_argument("duee_file")
    parser.add_argument("out")
    parser.add_argument("--include-dev", action="store_true", help="train on the dev split too")
    parser.add_argument("--iterations", type=int, default=15)
    parser.add_argument("--algorithm", default="ap", help="crfsuite algorithm: ap, lbfgs, ...")
    args = parser.parse_args(argv)
    print(train(args.duee_file, args.out, include_dev=args.include_dev,
                algorithm=args.algorithm, max_iterations=args.iterations))


if __name__ == "__main__":
    main()
