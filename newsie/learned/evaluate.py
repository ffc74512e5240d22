"""Train the learned event backend on a DuEE-format file and score it on the dev split.

    python -m newsie.learned --train duee_train.json --out /tmp/newsie-duee
    python benchmarks/train_duee.py --out /tmp/newsie-duee     # same, default --train

DuEE 1.0 (Baidu) allows non-commercial research or teaching only: the trained model must
not be committed or shipped -- keep ``--out`` outside the repository.

Split: the sentences whose ``int(sha1(id), 16) % 10 == 0`` are the dev split (about
10%); the model trains on the rest.  The official dev and test sets are not used.

Prints trigger identification (sentence, start, text), trigger classification
(sentence, type, start, text) and argument (sentence, type, role, exact stripped text)
precision / recall / F1, overall and per event type, and the tagging speed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import time
from collections import defaultdict
from pathlib import Path


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tuples(index: int, events) -> tuple[set, set, set]:
    """(trigger id, trigger cls, argument) tuples of a sentence's events; ``events`` are
    GoldEvent or PredictedEvent objects (type, start, text, arguments with role, text)."""
    ident, classified, arguments = set(), set(), set()
    for event in events:
        ident.add((index, event.start, event.text))
        classified.add((index, event.type, event.start, event.text))
        for argument in event.arguments:
            arguments.add((index, event.type, argument.role, argument.text.strip()))
    return ident, classified, arguments


def evaluate(
    model,
    records,
    predictions_path: str | None = None,
    dedupe: bool = False,
    recall_threshold: float | None = None,
) -> dict:
    from newsie.learned.model import predictions_record

    totals = {k: [0, 0, 0] for k in ("trigger_id", "trigger_cls", "argument")}
    per_type: dict[str, dict[str, list[int]]] = defaultdict(
        lambda: {"trigger_cls": [0, 0, 0], "argument": [0, 0, 0]}
    )
    chars = 0
    started = time.perf_counter()
    with contextlib.ExitStack() as stack:
        out = (
            stack.enter_context(open(predictions_path, "w", encoding="utf-8"))
            if predictions_path
            else None
        )
        for index, record in enumerate(records):
            predicted = model.predict(record.text, dedupe=dedupe, recall_threshold=recall_threshold)
            chars += len(record.text)
            if out is not None:
                out.write(
                    json.dumps(
                        predictions_record(record.id, record.text, predicted), ensure_ascii=False
                    )
                    + "\n"
                )
            gold = tuples(index, record.events)
            pred = tuples(index, predicted)
            for key, g, p in zip(("trigger_id", "trigger_cls", "argument"), gold, pred):
                totals[key][0] += len(g & p)
                totals[key][1] += len(p)
                totals[key][2] += len(g)
            for key, position, g, p in (
                ("trigger_cls", 1, gold[1], pred[1]),
                ("argument", 1, gold[2], pred[2]),
            ):
                kinds = {t[position] for t in g | p}
                for kind in kinds:
                    gk = {t for t in g if t[position] == kind}
                    pk = {t for t in p if t[position] == kind}
                    per_type[kind][key][0] += len(gk & pk)
                    per_type[kind][key][1] += len(pk)
                    per_type[kind][key][2] += len(gk)
    seconds = time.perf_counter() - started
    return {
        "totals": totals,
        "per_type": dict(per_type),
        "sentences": len(records),
        "chars": chars,
        "seconds": seconds,
    }


def stage_events(doc):
    """A newsie document's events back in DuEE terms (through the templates' ``duee``
    fields; the event's ``time_text`` is the role 时间)."""
    from types import SimpleNamespace

    from newsie.events.template import get_template

    out = []
    for event in doc.events:
        template = get_template(event.type)
        arguments = [
            SimpleNamespace(role=template.roles[a.role].duee, text=a.text)
            for a in event.arguments
            if template.roles[a.role].duee
        ]
        if event.time_text:
            arguments.append(SimpleNamespace(role="时间", text=event.time_text))
        out.append(
            SimpleNamespace(
                type=template.duee,
                start=event.trigger.start,
                text=event.trigger.text,
                arguments=arguments,
            )
        )
    return out


def evaluate_stage(
    model_path: str, records, dedupe: bool = False, recall_threshold: float | None = None
) -> dict:
    """Score the ``learned_events`` stage in a ``sentences`` pipeline; also its speed."""
    import newsie
    import newsie.learned

    nlp = newsie.Pipeline(["sentences"])
    nlp.add(
        "learned_events",
        config={"model_path": model_path, "dedupe": dedupe, "recall_threshold": recall_threshold},
    )
    totals = {k: [0, 0, 0] for k in ("trigger_id", "trigger_cls", "argument")}
    chars = 0
    started = time.perf_counter()
    docs = [nlp(record.text) for record in records]
    seconds = time.perf_counter() - started
    for index, (record, doc) in enumerate(zip(records, docs)):
        chars += len(record.text)
        gold = tuples(index, record.events)
        pred = tuples(index, stage_events(doc))
        for key, g, p in zip(("trigger_id", "trigger_cls", "argument"), gold, pred):
            totals[key][0] += len(g & p)
            totals[key][1] += len(p)
            totals[key][2] += len(g)
    return {
        "totals": totals,
        "chars": chars,
        "seconds": seconds,
        "unmapped": nlp.get("learned_events").unmapped,
    }


def show(result: dict) -> None:
    print(f"\nDev split: {result['sentences']} sentences, {result['chars']} chars")
    print(f"{'':14s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>6s} {'pred':>6s} {'gold':>6s}")
    for key, (tp, n_pred, n_gold) in result["totals"].items():
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{key:14s} {p:6.3f} {r:6.3f} {f:6.3f} {tp:6d} {n_pred:6d} {n_gold:6d}")
    print(
        f"\n{'event type':22s} {'trig P':>6s} {'trig R':>6s} {'trig F':>6s} {'gold':>5s}"
        f" {'arg P':>6s} {'arg R':>6s} {'arg F':>6s} {'gold':>5s}"
    )
    for kind in sorted(result["per_type"]):
        row = result["per_type"][kind]
        tp, tn, tg = row["trigger_cls"]
        ap, an, ag = row["argument"]
        p1, r1, f1 = prf(tp, tn, tg)
        p2, r2, f2 = prf(ap, an, ag)
        print(
            f"{kind:22s} {p1:6.3f} {r1:6.3f} {f1:6.3f} {tg:5d} {p2:6.3f} {r2:6.3f} {f2:6.3f} {ag:5d}"
        )
    speed = result["chars"] / result["seconds"] if result["seconds"] else 0.0
    print(f"\nmodel speed: {speed:,.0f} chars/s ({result['seconds']:.1f} s)")


def main(argv: list[str] | None = None, default_train: str | Path | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=None if default_train else "python -m newsie.learned",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument(
        "--train",
        default=str(default_train) if default_train else None,
        required=default_train is None,
        help="DuEE-format JSON lines" + (f" (default {default_train})" if default_train else ""),
    )
    parser.add_argument("--out", required=True, help="model directory to write (or read)")
    parser.add_argument("--schema", default=None, help="DuEE schema file (default: beside --train)")
    parser.add_argument("--eval-only", action="store_true", help="score an existing model")
    parser.add_argument("--no-eval", action="store_true", help="train only")
    parser.add_argument(
        "--predictions", default=None, help="write dev predictions (DuEE JSON lines)"
    )
    parser.add_argument(
        "--dedupe",
        action="store_true",
        help="keep one event per (type, trigger text) in a sentence (the DuEE convention)",
    )
    parser.add_argument(
        "--recall-threshold",
        type=float,
        default=None,
        help="also take trigger spans whose B marginal reaches this (more recall)",
    )
    parser.add_argument(
        "--stage",
        action="store_true",
        help="also score the learned_events stage in a newsie pipeline, and time it",
    )
    parser.add_argument("--limit", type=int, default=None, help="use only the first N lines")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=None, help="max L-BFGS iterations")
    parser.add_argument(
        "--all", action="store_true", help="train on every line (no dev split; no evaluation)"
    )
    args = parser.parse_args(argv)

    from newsie.learned.data import read_duee, read_schema
    from newsie.learned.model import EventModel, train

    train_path = Path(args.train)
    if not args.eval_only:
        schema_path = (
            Path(args.schema) if args.schema else train_path.parent / "duee_event_schema.json"
        )
        schema = read_schema(schema_path) if schema_path.is_file() else None
        records = read_duee(train_path, "all" if args.all else "train", args.limit)
        params = None
        if args.iterations:
            params = {
                k: {"max_iterations": args.iterations} for k in ("trigger", "type", "argument")
            }
        print(f"training on {len(records)} sentences of {train_path} ...", flush=True)
        report = train(
            records,
            args.out,
            schema=schema,
            params=params,
            processes=args.processes,
            source=train_path.name,
        )
        print(json.dumps(report, ensure_ascii=False))
    if args.no_eval or args.all:
        return 0
    dev = read_duee(train_path, "dev", args.limit // 9 if args.limit else None)
    model = EventModel(args.out)
    result = evaluate(
        model, dev, args.predictions, dedupe=args.dedupe, recall_threshold=args.recall_threshold
    )
    show(result)
    if args.stage:
        staged = evaluate_stage(args.out, dev, args.dedupe, args.recall_threshold)
        print("\nthrough the learned_events stage (Pipeline(['sentences']) + learned_events):")
        for key, (tp, n_pred, n_gold) in staged["totals"].items():
            p, r, f = prf(tp, n_pred, n_gold)
            print(f"{key:14s} {p:6.3f} {r:6.3f} {f:6.3f} {tp:6d} {n_pred:6d} {n_gold:6d}")
        speed = staged["chars"] / staged["seconds"] if staged["seconds"] else 0.0
        print(f"pipeline speed: {speed:,.0f} chars/s ({staged['seconds']:.1f} s)")
        if staged["unmapped"]:
            print("arguments dropped for want of a role mapping:", dict(staged["unmapped"]))
    return 0
