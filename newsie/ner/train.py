"""Train newsie's character CRF NER model.

    python -m newsie.ner.train --train ../shared/data/msra-ner/train.tsv \
        --out newsie/models/ner_crf.crfsuite

Inputs are BIO/BIOES/BMES character files or CLUENER JSON lines; labels are mapped
to newsie's (PER -> PERSON, ...; see newsie.ner.labels) and unknown ones dropped.
A seeded fraction of each file is held out as dev set and scored after training
(the same split as ``benchmarks/ner.py --dev-split``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsie.ner.data import Example, read_any, spans_to_bio, split_dev
from newsie.ner.features import char_features
from newsie.ner.labels import MODEL_LABELS, to_newsie
from newsie.ner.resources import models_dir


def map_labels(examples: list[Example], keep: tuple[str, ...] = MODEL_LABELS) -> list[Example]:
    """Map corpus labels to newsie labels (GPE folds into LOC), dropping the rest."""
    out = []
    for text, spans in examples:
        mapped = []
        for start, end, label in spans:
            base, _, kind = label.partition(".")
            if kind == "NOM":
                continue
            new = to_newsie(base)
            new = "LOC" if new == "GPE" else new
            if new in keep:
                mapped.append((start, end, new))
        out.append((text, mapped))
    return out


def score(gold: list[Example], pred: list[list[tuple[int, int, str]]]) -> dict[str, dict]:
    """Exact-match P/R/F1 per label and micro-averaged ('ALL')."""
    counts: dict[str, list[int]] = {}
    for (_, g_spans), p_spans in zip(gold, pred):
        g, p = set(g_spans), set(p_spans)
        for label in {s[2] for s in g | p} | {"ALL"}:
            gl = g if label == "ALL" else {s for s in g if s[2] == label}
            pl = p if label == "ALL" else {s for s in p if s[2] == label}
            c = counts.setdefault(label, [0, 0, 0])
            c[0] += len(gl & pl)
            c[1] += len(pl)
            c[2] += len(gl)
    result = {}
    for label, (tp, n_pred, n_gold) in sorted(counts.items()):
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        result[label] = {"p": prec, "r": rec, "f1": f1, "gold": n_gold, "pred": n_pred}
    return result


def train(
    train_files: list[str],
    out: str | Path,
    dev_fraction: float = 0.1,
    seed: int = 13,
    c1: float = 0.1,
    c2: float = 0.01,
    max_iterations: int = 200,
    min_freq: int = 1,
    verbose: bool = False,
) -> dict:
    """Train on ``train_files`` minus the dev split, save to ``out``; return dev scores."""
    import pycrfsuite

    train_set: list[Example] = []
    dev_set: list[Example] = []
    dev_files: list[tuple[str, int, int]] = []
    for path in train_files:  # each file split on its own, so dev sets stay comparable
        part_train, part_dev = split_dev(map_labels(read_any(path)), dev_fraction, seed)
        dev_files.append((Path(path).name, len(dev_set), len(dev_set) + len(part_dev)))
        train_set += part_train
        dev_set += part_dev
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for text, spans in train_set:
        if text:
            trainer.append(char_features(text), spans_to_bio(len(text), spans))
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    trainer.train(str(out))
    info = {
        "train_files": [Path(p).name for p in train_files],
        "train_sentences": len(train_set),
        "dev_sentences": len(dev_set),
        "dev_fraction": dev_fraction,
        "seed": seed,
        "c1": c1,
        "c2": c2,
        "max_iterations": max_iterations,
        "min_freq": min_freq,
        "train_seconds": round(time.time() - started, 1),
        "size_bytes": out.stat().st_size,
    }
    if dev_set:
        from newsie.ner.crf import CRFTagger

        tagger = CRFTagger(out)
        pred = [tagger.spans(text) for text, _ in dev_set]
        info["dev"] = score(dev_set, pred)
        if len(dev_files) > 1:
            info["dev_by_file"] = {name: score(dev_set[a:b], pred[a:b]) for name, a, b in dev_files}
    out.with_suffix(".json").write_text(json.dumps(info, indent=2, ensure_ascii=False))
    return info


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="+", required=True, help="BIO/BMES files or CLUENER JSON")
    parser.add_argument("--out", default=str(models_dir() / "ner_crf.crfsuite"))
    parser.add_argument("--dev-fraction", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--c1", type=float, default=0.1)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--max-iterations", type=int, default=200)
    parser.add_argument("--min-freq", type=int, default=1)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    info = train(
        args.train,
        args.out,
        args.dev_fraction,
        args.seed,
        args.c1,
        args.c2,
        args.max_iterations,
        args.min_freq,
        args.verbose,
    )
    print(json.dumps(info, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
