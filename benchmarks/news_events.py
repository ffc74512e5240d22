"""Score a pipeline's events on the news-event gold set (``benchmarks/news_gold/gold.jsonl``).

    python benchmarks/news_events.py                      # default pipeline, dev half
    python benchmarks/news_events.py --split test         # the held-back half: report only
    python benchmarks/news_events.py --pipeline fast      # a preset, or a saved config file
    python benchmarks/news_events.py --predictions P.jsonl  # events made elsewhere
    python benchmarks/news_events.py --errors 20          # show some wrong events

The texts are rebuilt from ``../shared/data/news`` (see ``news_gold/articles.py``); the
script says so and exits 0 when they are absent.  Prints, overall, per script
(Simplified / Traditional), per source and per type:

* events -- precision / recall / F1; a predicted event is right when its type is a gold
  event's and its trigger overlaps one of that event's trigger mentions;
* duplicates -- predicted events that match a gold event already matched, per gold
  event (they also count as wrong in the precision);
* arguments -- precision / recall / F1 of (event, role, exact text), quotes and
  book-title marks around a filler left out on both sides;
* time -- share of matched events whose time is right (its start and end agree with
  the gold's at the coarser of their two precisions, an open interval on its known end;
  no time where the gold has none);
  ``dated`` counts only gold events that have a time;
* status -- share of matched events with the gold status;
* fully right -- share of predicted events whose type, every role (none missing, none
  extra), time and status are right;
* by confidence -- event precision / recall / F1 of the events at or above a few
  confidence levels (what ``min_confidence`` would keep).

Only the event types the annotators were given (``news_gold/types.txt``) are scored; an
event of a type added since that refines one of them (``broader``: a shooting is an
attack) is scored as that type.
``--predictions`` reads JSON lines ``{"id", "events": [...]}`` with events as newsie
writes them (``type``, ``trigger.start/end``, ``arguments[].role/text``, ``time.start/end``,
``status``), offsets into the gold texts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "news_gold"))

from articles import available, rebuilt  # noqa: E402

GOLD = ROOT / "benchmarks" / "news_gold" / "gold.jsonl"
#: The event types the annotators were given: events of other types (added since) are
#: not scored, since no annotator could have listed them.
TYPES = ROOT / "benchmarks" / "news_gold" / "types.txt"
LOCAL = timezone(timedelta(hours=8))  # every gold source is on UTC+8


# -- gold times -------------------------------------------------------------------------


def _unit_end(point: str) -> datetime:
    """The exclusive end of the unit ``point`` names (2025 -> 2026-01-01)."""
    start = _unit_start(point)
    if len(point) == 4:
        return start.replace(year=start.year + 1)
    if len(point) == 7:
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    if len(point) == 10:
        return start + timedelta(days=1)
    return start + timedelta(minutes=1)


def _unit_start(point: str) -> datetime:
    parts = point.replace("T", "-").replace(":", "-").split("-")
    numbers = [int(p) for p in parts] + [1, 1][: max(0, 3 - len(parts))]
    return datetime(*numbers[:5], tzinfo=LOCAL)


def gold_interval(value: str) -> tuple[datetime, datetime, int]:
    """(start, exclusive end, precision rank) of a gold time ``A`` or ``A/B``."""
    first, _, last = value.partition("/")
    last = last or first
    return _unit_start(first), _unit_end(last), _GOLD_RANK[len(first)]


#: Precision ranks: 0 year, 1 month, 2 day, 3 hour, 4 minute.
_GOLD_RANK = {4: 0, 7: 1, 10: 2, 16: 4}
_GRAIN_RANK = {
    "year": 0, "half_year": 1, "quarter": 1, "month": 1, "week": 2, "day": 2,
    "hour": 3, "minute": 4, "second": 4,
}


def _truncate(moment: datetime, rank: int) -> datetime:
    if rank == 0:
        return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if rank == 1:
        return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if rank == 2:
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if rank == 3:
        return moment.replace(minute=0, second=0, microsecond=0)
    return moment.replace(second=0, microsecond=0)


def time_right(predicted: dict | None, gold: str | None) -> bool:
    """Whether a predicted time (``{"start", "end", "grain"}``, ISO strings, or None) is the
    gold one: both ends agree at the coarser of the two precisions (a day for a gold
    15:30 is right, 06:00-07:00 for a gold 06:00 is right, November for December is not);
    no time is right only where the gold has none."""
    known = predicted is not None and (predicted.get("start") or predicted.get("end"))
    if gold is None or not known:
        return gold is None and not known
    g_start, g_end, g_rank = gold_interval(gold)
    rank = min(g_rank, _GRAIN_RANK.get(predicted.get("grain"), g_rank))
    last = timedelta(microseconds=1)
    # an open interval (截至6月底: no start; 2019年以后: no end) is judged on its known end
    right = True
    if predicted.get("start"):
        start = datetime.fromisoformat(predicted["start"]).astimezone(LOCAL)
        right = _truncate(start, rank) == _truncate(g_start, rank)
    if predicted.get("end"):
        end = datetime.fromisoformat(predicted["end"]).astimezone(LOCAL) - last
        if predicted.get("start"):
            end = max(start, end)
        right = right and _truncate(end, rank) == _truncate(g_end - last, rank)
    return right


# -- predictions ------------------------------------------------------------------------


def newsie_predictions(pipeline: str | None, records: list[dict], texts: dict[str, str]):
    """Run a newsie pipeline over the gold texts; events with offsets into each text."""
    import newsie

    nlp = newsie.load(pipeline)
    out = {}
    for record in records:
        doc = nlp(texts[record["id"]], published=record["published"], id=record["id"])
        out[record["id"]] = [data for _, _, data in item_events(doc)]
    return out


def item_events(doc):
    """Each event of ``doc`` and of its page items: (item, event, the event as JSON with
    offsets into the whole text of ``doc``)."""
    for item in doc.documents():
        shift = item.offset if item is not doc else 0
        for event in item.events:
            data = json.loads(event.model_dump_json())
            for span in (data["trigger"], *data["arguments"]):
                span["start"] += shift
                span["end"] += shift
            yield item, event, data


# -- scoring ----------------------------------------------------------------------------


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    duplicates: int = 0
    args_predicted: int = 0
    args_gold: int = 0
    args_right: int = 0
    time_right: int = 0
    dated: int = 0
    dated_right: int = 0
    status_right: int = 0
    fully_right: int = 0
    errors: list = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "errors":
                setattr(self, name, getattr(self, name) + getattr(other, name))


def _prf(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


_MARKS = {"《": "》", "“": "”", '"': '"', "「": "」", "『": "』", "〈": "〉"}


def filler_text(text: str) -> str:
    """A filler's text as scored: stripped, without quotes or book-title marks around it
    (the gold set's guidelines leave them out, DuEE keeps them)."""
    text = text.strip()
    if len(text) > 2 and _MARKS.get(text[0]) == text[-1]:
        text = text[1:-1]
    return text


def _arguments(event: dict, text: str, gold: bool) -> Counter:
    if gold:
        spans = (text[a["start"] : a["end"]] for a in event["arguments"])
    else:
        spans = (a["text"] for a in event["arguments"])
    return Counter((a["role"], filler_text(span)) for a, span in zip(event["arguments"], spans))


def scored_events(events: list[dict]) -> list[dict]:
    """The events of annotated types; an event of a narrower type added since (a
    shooting) is scored as the broader annotated type it refines (an attack)."""
    annotated = set(TYPES.read_text(encoding="utf-8").split())
    out = []
    for event in events:
        if event["type"] not in annotated and event.get("broader") in annotated:
            event = {**event, "type": event["broader"]}
        if event["type"] in annotated:
            out.append(event)
    return out


def score_document(record: dict, text: str, predicted: list[dict]) -> dict[str, Tally]:
    """Tallies of one document, per event type (gold or predicted)."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    golds = record["events"]
    for event in golds:
        tallies[event["type"]].gold += 1
        tallies[event["type"]].args_gold += len(event["arguments"])
    matched: dict[int, dict] = {}
    for event in sorted(predicted, key=lambda e: e["trigger"]["start"]):
        tally = tallies[event["type"]]
        tally.predicted += 1
        arguments = _arguments(event, text, gold=False)
        tally.args_predicted += sum(arguments.values())
        a, b = event["trigger"]["start"], event["trigger"]["end"]
        candidates = [
            i
            for i, g in enumerate(golds)
            if g["type"] == event["type"] and any(s < b and a < e for s, e in g["mentions"])
        ]
        free = [i for i in candidates if i not in matched]
        if not free:
            if candidates:
                tally.duplicates += 1
            tally.errors.append(("duplicate" if candidates else "spurious", event, None))
            continue
        i = free[0]
        matched[i] = event
        gold = golds[i]
        tally.matched += 1
        gold_arguments = _arguments(gold, text, gold=True)
        tally.args_right += sum((arguments & gold_arguments).values())
        time_ok = time_right(event.get("time"), gold["time"])
        status_ok = event.get("status") == gold["status"]
        tally.time_right += time_ok
        if gold["time"] is not None:
            tally.dated += 1
            tally.dated_right += time_ok
        tally.status_right += status_ok
        if arguments == gold_arguments and time_ok and status_ok:
            tally.fully_right += 1
        else:
            tally.errors.append(("partly", event, gold))
    for i, gold in enumerate(golds):
        if i not in matched:
            tallies[gold["type"]].errors.append(("missed", None, gold))
    return tallies


def _row(name: str, t: Tally) -> str:
    ep, er, ef = _prf(t.matched, t.predicted, t.gold)
    ap, ar, af = _prf(t.args_right, t.args_predicted, t.args_gold)
    time = t.time_right / t.matched if t.matched else 0.0
    dated = t.dated_right / t.dated if t.dated else 0.0
    status = t.status_right / t.matched if t.matched else 0.0
    dup = t.duplicates / t.gold if t.gold else 0.0
    full = t.fully_right / t.predicted if t.predicted else 0.0
    return (
        f"{name:<24} {t.gold:>5} {t.predicted:>5}  {ep:.3f} {er:.3f} {ef:.3f}  {dup:.3f}  "
        f"{ap:.3f} {ar:.3f} {af:.3f}  {time:.3f} {dated:.3f}  {status:.3f}  {full:.3f}"
    )


HEADER = (
    f"{'':<24} {'gold':>5} {'pred':>5}  {'ev P':>5} {'ev R':>5} {'ev F1':>5}  {'dups':>5}  "
    f"{'arg P':>5} {'arg R':>5} {'argF1':>5}  {'time':>5} {'dated':>5}  {'statu':>5}  {'full':>5}"
)


def read_gold(split: str, path: Path = GOLD) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [r for r in records if split == "all" or r["split"] == split]


def _show(kind: str, event: dict | None, gold: dict | None, text: str) -> str:
    def brief(e: dict, is_gold: bool) -> str:
        if is_gold:
            s, t = e["mentions"][0]
            trigger = text[s:t]
        else:
            trigger, s = e["trigger"]["text"], e["trigger"]["start"]
        args = dict(sorted(_arguments(e, text, is_gold).keys()))
        when = e.get("time") if is_gold else ((e.get("time") or {}).get("start") or "")[:16]
        return f"{e['type']} {trigger}@{s} {args} time={when} {e.get('status')}"

    parts = [kind]
    if event is not None:
        parts.append("pred: " + brief(event, False))
    if gold is not None:
        parts.append("gold: " + brief(gold, True))
    return "\n    ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file (default: %(default)s)")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--pipeline", default=None, help="preset name or saved config path")
    parser.add_argument("--predictions", type=Path, help="score these events instead")
    parser.add_argument("--per-type", action="store_true", help="print a row per event type")
    parser.add_argument("--errors", type=int, default=0, help="show this many wrong events")
    parser.add_argument("--source", default=None, help="only articles of this source")
    args = parser.parse_args()
    if not available():
        print("skipped: ../shared/data/news is not here to rebuild the gold texts from")
        return
    records = read_gold(args.split, args.gold)
    if args.source:
        records = [r for r in records if r["source"].startswith(args.source)]
    # rebuilt() exits when a text reads differently from the annotated one
    texts = {a.id: a.text for a in rebuilt({r["id"]: r["text_sha1"] for r in records})}
    if args.predictions:
        with args.predictions.open(encoding="utf-8") as handle:
            lines = [json.loads(line) for line in handle if line.strip()]
        predictions = {line["id"]: line["events"] for line in lines}
    else:
        predictions = newsie_predictions(args.pipeline, records, texts)
    predictions = {doc_id: scored_events(events) for doc_id, events in predictions.items()}

    overall, by_script, by_source, by_type = Tally(), defaultdict(Tally), defaultdict(Tally), defaultdict(Tally)
    shown = []
    for record in records:
        text = texts[record["id"]]
        for event_type, tally in score_document(record, text, predictions.get(record["id"], [])).items():
            for bucket in (overall, by_script[record["script"]], by_source[record["source"]], by_type[event_type]):
                bucket.add(tally)
            shown += [(record["id"], *error) for error in tally.errors]
    print(f"news-event gold set, {args.split}: {len(records)} articles, pipeline "
          f"{args.predictions or args.pipeline or 'default'}")
    print(HEADER)
    print(_row("all", overall))
    for name, tally in sorted(by_script.items()):
        print(_row(name, tally))
    for name, tally in sorted(by_source.items()):
        print(_row(name, tally))
    if args.per_type:
        print()
        for name, tally in sorted(by_type.items(), key=lambda kv: -kv[1].gold - kv[1].predicted):
            print(_row(name, tally))
    print()
    print(_by_confidence(records, texts, predictions))
    for doc_id, kind, event, gold in shown[: args.errors]:
        print(f"\n{doc_id}: " + _show(kind, event, gold, texts[doc_id]))


#: The confidence levels of the by-confidence table.
LEVELS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def _by_confidence(records: list[dict], texts: dict[str, str], predictions: dict) -> str:
    """Event precision, recall and F1 of the events at or above each of :data:`LEVELS`."""
    lines = ["confidence >=  events    ev P   ev R  ev F1"]
    for level in LEVELS:
        total = Tally()
        for record in records:
            events = predictions.get(record["id"], [])
            kept = [e for e in events if e.get("confidence", 1.0) >= level]
            for tally in score_document(record, texts[record["id"]], kept).values():
                total.add(tally)
        p, r, f = _prf(total.matched, total.predicted, total.gold)
        lines.append(f"{level:13.1f} {total.predicted:7d}  {p:6.3f} {r:6.3f} {f:6.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
