"""Score a newsie NER stage or pipeline on BIO/BMES files or CLUENER JSON lines.

    python benchmarks/ner.py ../shared/data/peoples-daily-ner/example.dev
    python benchmarks/ner.py ../shared/data/msra-ner/train.tsv --dev-split
    python benchmarks/ner.py ../shared/data/cluener2020/dev.json --scheme cluener
    python benchmarks/ner.py FILE --stage entities_fast --predictions out.jsonl
    python benchmarks/ner.py FILE --pipeline sentences,tokens,entities

Prints per-label precision/recall/F1 (exact span match), characters per second of
the entity stage (or whole pipeline) and peak memory.  Labels are compared in the
gold scheme: 'msra' folds newsie GPE+LOC into LOC and ignores PRODUCT/TITLE;
'cluener' compares coarse classes (name, org, address, position, product).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsie.document import Document, Sentence
from newsie.ner.data import read_any, split_dev
from newsie.ner.labels import CLUENER_COARSE, FROM_MSRA, to_scheme
from newsie.ner.train import score


def gold_in_scheme(spans, scheme: str):
    out = []
    for start, end, label in spans:
        base, _, kind = label.partition(".")
        if kind == "NOM":
            continue
        if scheme == "cluener":
            mapped = CLUENER_COARSE.get(base)
        else:
            mapped = {"PER": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG"}.get(base)
            if mapped is None and base in FROM_MSRA:
                mapped = to_scheme(FROM_MSRA[base], "msra")
        if mapped:
            out.append((start, end, mapped))
    return out


def build_runner(args):
    """A function Document -> Document: one stage (sentences filled) or a pipeline."""
    config = json.loads(args.config) if args.config else {}
    if args.pipeline:
        from newsie.pipeline import Pipeline

        return Pipeline(args.pipeline.split(",")), False
    from newsie.registry import get_stage

    return get_stage(args.stage).build(config), True


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="BIO/BMES/Weibo file or CLUENER JSON lines")
    parser.add_argument("--stage", default="entities", help="registered stage name")
    parser.add_argument("--config", default="", help="stage config as JSON")
    parser.add_argument("--pipeline", default="", help="comma-separated stage names")
    parser.add_argument("--scheme", choices=("msra", "cluener"), default=None)
    parser.add_argument("--dev-split", action="store_true", help="score the seeded 10%% dev split")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--predictions", default="", help="write JSON lines here")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)

    examples = read_any(args.data)
    if args.dev_split:
        examples = split_dev(examples, 0.1, args.seed)[1]
    if args.limit:
        examples = examples[: args.limit]
    scheme = args.scheme or ("cluener" if args.data.endswith(".json") else "msra")

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    load_start = time.perf_counter()
    runner, single = build_runner(args)
    load_seconds = time.perf_counter() - load_start

    docs = []
    for text, _ in examples:
        doc = Document(text=text)
        if single:
            doc.sentences = [doc.span(0, len(text), "SENT", cls=Sentence)] if text else []
        docs.append(doc)
    started, cpu_started = time.perf_counter(), time.process_time()
    docs = [runner(doc) for doc in docs]
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    chars = sum(len(t) for t, _ in examples)

    gold, pred = [], []
    for (text, spans), doc in zip(examples, docs):
        gold.append((text, gold_in_scheme(spans, scheme)))
        mapped = []
        for item in doc.documents():  # a page splitter may have made items
            for e in item.entities:
                label = to_scheme(e.label, scheme)
                if label:
                    mapped.append((item.offset + e.start, item.offset + e.end, label))
        pred.append(mapped)
    result = {
        "data": args.data,
        "stage": args.pipeline or args.stage,
        "scheme": scheme,
        "sentences": len(examples),
        "chars": chars,
        "chars_per_second": round(chars / seconds) if seconds else None,
        "chars_per_cpu_second": round(chars / cpu_seconds) if cpu_seconds else None,
        "load_seconds": round(load_seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_load_mb": round(rss_before / 1024, 1),
        "scores": score(gold, pred),
    }
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as handle:
            for doc in docs:
                row = {
                    "text": doc.text,
                    "entities": [
                        {
                            "start": item.offset + e.start,
                            "end": item.offset + e.end,
                            "label": e.label,
                            "canonical": e.canonical,
                        }
                        for item in doc.documents()
                        for e in item.entities
                    ],
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(
            f"{result['data']}  stage={result['stage']}  scheme={scheme}  sentences={len(examples)}"
        )
        print(f"{'label':10} {'P':>7} {'R':>7} {'F1':>7} {'gold':>7} {'pred':>7}")
        for label, s in result["scores"].items():
            print(
                f"{label:10} {s['p']:7.4f} {s['r']:7.4f} {s['f1']:7.4f} {s['gold']:7d} {s['pred']:7d}"
            )
        print(
            f"speed {result['chars_per_second']} chars/s wall, {result['chars_per_cpu_second']} chars/CPU-s "
            f"over {chars} chars; load {load_seconds:.2f}s; "
            f"peak RSS {result['peak_rss_mb']} MB"
        )
    return result


if __name__ == "__main__":
    main()
