"""Score newsie's event templates on a DuEE 1.0 format file.

    python benchmarks/duee.py                       # own dev split of duee_train.json
    python benchmarks/duee.py FILE --split all      # every line of FILE
    python benchmarks/duee.py --predictions pred.jsonl --limit 500

Default data: ``../shared/data/duee1.0/duee_train.json`` (DuEE 1.0 train; Baidu's
licence allows non-commercial research only, so nothing here is shipped or trained on
it).  The default ``--split dev`` is newsie's own dev split: the sentences whose
``int(sha1(id), 16) % 10 == 0`` (seeded by the id hash, about 10%).  The official dev
and test sets are not used.

Prints, per DuEE event type and overall, precision / recall / F1 of
  * event type  -- (sentence, event type)
  * trigger id  -- (sentence, trigger start, trigger text)
  * trigger cls -- (sentence, event type, trigger start, trigger text)
  * argument    -- (sentence, event type, role, argument text)   (exact, stripped text)
then the precision of predicted events by confidence bucket (an event is right when its
type and trigger match a gold event), speed, and how much the events stage adds to the
pipeline time per character.  ``--predictions`` writes DuEE-format JSON lines.
Only events of templates that carry a ``duee`` mapping are scored; roles without a
``duee`` name are left out; ``时间`` is the event's time expression.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsie.learned.data import in_dev_split  # noqa: E402  (one split for every DuEE recipe)

DEFAULT_FILE = ROOT.parent / "shared" / "data" / "duee1.0" / "duee_train.json"
BUCKETS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def in_split(record_id: str, split: str) -> bool:
    if split == "all":
        return True
    dev = in_dev_split(record_id)
    return dev if split == "dev" else not dev


def read(path: Path, split: str, limit: int | None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            if in_split(record["id"], split):
                out.append(record)
                if limit and len(out) >= limit:
                    break
    return out


def build_pipelines(stages: list[str], trigger_model: str | None = None):
    """(pipeline without events, the events stage).  When the times stage cannot run
    (its engine missing), an empty times layer stands in and a note is printed."""
    from newsie.pipeline import Pipeline
    from newsie.registry import get_stage

    base = [s for s in stages if s != "events"]
    pre = Pipeline()
    for name in base:
        if name == "times":
            try:
                from newsie.time import find_times  # noqa: F401
            except ImportError:
                print("note: newsie.time.find_times missing: running with no times layer")

                def no_times(doc):
                    doc.times = []
                    return doc

                pre.add(no_times, name="times", provides=("times",))
                continue
        pre.add(name)
    events = get_stage("events").build({"trigger_model": trigger_model} if trigger_model else {})
    return pre, events


def predictions(doc, record_id: str) -> dict:
    from newsie.events.template import get_template

    out = []
    for event in doc.events:
        template = get_template(event.type)
        if not template.duee:
            continue
        arguments = []
        for argument in event.arguments:
            role = template.roles[argument.role].duee
            if role:
                arguments.append(
                    {"role": role, "argument": argument.text, "argument_start_index": argument.start}
                )
        if event.time_text:
            found = next((t for t in doc.times if t.text == event.time_text), None)
            if found is not None and "时间" not in [a["role"] for a in arguments]:
                arguments.append(
                    {"role": "时间", "argument": found.text, "argument_start_index": found.start}
                )
        out.append(
            {
                "event_type": template.duee,
                "trigger": event.trigger.text,
                "trigger_start_index": event.trigger.start,
                "arguments": arguments,
                "confidence": event.confidence,
                "newsie_type": event.type,
            }
        )
    return {"text": doc.text, "id": record_id, "event_list": out}


def tuples(record: dict, index: int):
    types, triggers, classified, arguments = set(), set(), set(), set()
    for event in record["event_list"]:
        kind = event["event_type"]
        trigger = event["trigger"].strip()
        start = event["trigger_start_index"] + (len(event["trigger"]) - len(event["trigger"].lstrip()))
        types.add((index, kind))
        triggers.add((index, start, trigger))
        classified.add((index, kind, start, trigger))
        for argument in event["arguments"]:
            arguments.add((index, kind, argument["role"], argument["argument"].strip()))
    return types, triggers, classified, arguments


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    parser.add_argument("--split", choices=("dev", "train", "all"), default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--predictions", default=None, help="write DuEE JSON lines here")
    parser.add_argument(
        "--stages", default="sentences,tokens,entities,times,values,events",
        help="pipeline stages (comma-separated); the events stage is timed apart",
    )
    parser.add_argument("--published", default="2019-10-01T12:00:00+08:00",
                        help="publication time given to every sentence")
    parser.add_argument("--trigger-model", default=None,
                        help="a trigger CRF from `python -m newsie.events.learned` (recipe)")
    parser.add_argument("--per-type", action="store_true", help="print every type's scores")
    args = parser.parse_args(argv)

    path = Path(args.file)
    if not path.is_file():
        print(f"DuEE file not found: {path}", file=sys.stderr)
        return 2
    records = read(path, args.split, args.limit)
    pre, events_stage = build_pipelines(args.stages.split(","), args.trigger_model)

    from datetime import datetime

    from newsie.document import Document

    # DuEE gives no dates; a fixed publication time (within the corpus' years) lets
    # relative expressions (昨日, 7月3日) resolve.  Scoring compares text only.
    published = datetime.fromisoformat(args.published)

    gold_sets = [set(), set(), set(), set()]
    pred_sets = [set(), set(), set(), set()]
    confidences: list[tuple[float, tuple]] = []
    chars = 0
    t_pre = t_events = 0.0
    out_lines = []
    for index, record in enumerate(records):
        text = record["text"]
        chars += len(text)
        t0 = time.perf_counter()
        doc = pre(Document(text=text, id=record["id"], published=published))
        t1 = time.perf_counter()
        doc = events_stage(doc)
        t2 = time.perf_counter()
        t_pre += t1 - t0
        t_events += t2 - t1
        predicted = predictions(doc, record["id"])
        out_lines.append(predicted)
        for target, found in zip(gold_sets, tuples(record, index)):
            target |= found
        for target, found in zip(pred_sets, tuples(predicted, index)):
            target |= found
        for event in predicted["event_list"]:
            confidences.append(
                (event["confidence"], (index, event["event_type"], event["trigger_start_index"], event["trigger"]))
            )

    names = ["event type", "trigger id", "trigger cls", "argument"]
    print(f"DuEE {path.name} split={args.split}: {len(records)} sentences, "
          f"{sum(len(r['event_list']) for r in records)} gold events")
    print(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for name, gold, pred in zip(names, gold_sets, pred_sets):
        p, r, f = prf(len(gold & pred), len(pred), len(gold))
        print(f"{name:14}{p:7.3f}{r:7.3f}{f:7.3f}{len(pred):7d}{len(gold):7d}")

    # per type: trigger classification and argument F1
    by_type = defaultdict(lambda: [Counter(), Counter()])
    for k, (gold, pred) in enumerate(((gold_sets[2], pred_sets[2]), (gold_sets[3], pred_sets[3]))):
        for item in gold:
            by_type[item[1]][k]["gold"] += 1
            if item in pred:
                by_type[item[1]][k]["tp"] += 1
        for item in pred:
            by_type[item[1]][k]["pred"] += 1
    rows = []
    for kind, (trig, arg) in by_type.items():
        rows.append((kind, prf(trig["tp"], trig["pred"], trig["gold"]), trig["gold"],
                     prf(arg["tp"], arg["pred"], arg["gold"])))
    rows.sort(key=lambda row: -row[2])
    print(f"\n{'event type':22}{'trigP':>7}{'trigR':>7}{'trigF':>7}{'gold':>6}{'argP':>7}{'argR':>7}{'argF':>7}")
    for kind, (tp_, tr, tf), gold, (ap, ar, af) in rows if args.per_type else rows[:20]:
        print(f"{kind:22}{tp_:7.2f}{tr:7.2f}{tf:7.2f}{gold:6d}{ap:7.2f}{ar:7.2f}{af:7.2f}")
    if not args.per_type and len(rows) > 20:
        print(f"... {len(rows) - 20} more types (--per-type)")

    # arguments by role kind
    print("\nconfidence   events  precision")
    for low, high in BUCKETS:
        hits = [key in gold_sets[2] for conf, key in confidences if low <= conf < high]
        if hits:
            print(f"[{low:.1f}, {min(high, 1.0):.1f})  {len(hits):7d}  {sum(hits) / len(hits):9.3f}")
    high = [key in gold_sets[2] for conf, key in confidences if conf >= 0.8]
    if high:
        print(f">= 0.8       {len(high):7d}  {sum(high) / len(high):9.3f}")

    # The pass above pays one-time costs (lazily compiled grammars, one pydantic model
    # per event type met); the speed is measured on a second pass over the same input.
    first_total = t_pre + t_events
    t_pre = t_events = 0.0
    for record in records:
        t0 = time.perf_counter()
        doc = pre(Document(text=record["text"], id=record["id"], published=published))
        t1 = time.perf_counter()
        events_stage(doc)
        t_pre += t1 - t0
        t_events += time.perf_counter() - t1
    total = t_pre + t_events
    print(f"\nspeed (second pass): {chars / total:,.0f} chars/s for the pipeline "
          f"({len(records) / total:,.1f} sentences/s); events stage {1e6 * t_events / chars:.1f} "
          f"us/char = {100 * t_events / total:.1f}% of pipeline time, adding "
          f"{100 * t_events / t_pre:.1f}% to the {1e6 * t_pre / chars:.1f} us/char of the stages "
          f"before it (first pass, with one-time loading: {first_total:.2f} s, second: {total:.2f} s)")
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as handle:
            for line in out_lines:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        print(f"predictions written to {args.predictions}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
