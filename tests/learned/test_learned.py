"""The learned event backend: train a tiny model on sentences written here, load it
through the ``learned_events`` stage, check offsets, types, roles and errors."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pycrfsuite")

import newsie
import newsie.learned
from newsie.learned import ModelNotFoundError, train
from newsie.learned.data import in_dev_split, parse_record

QUIT = "组织关系-辞/离职"
LAYOFF = "组织关系-裁员"
SCHEMA = {QUIT: ["时间", "离职者", "原所属组织"], LAYOFF: ["时间", "裁员方", "裁员人数"]}

# (text, [(event type, trigger, [(role, argument)])]) -- written for this test.
SENTENCES = [
    ("张伟昨天宣布辞职。", [(QUIT, "辞职", [("离职者", "张伟"), ("时间", "昨天")])]),
    ("李娜今天宣布辞职。", [(QUIT, "辞职", [("离职者", "李娜"), ("时间", "今天")])]),
    ("王强上周宣布辞职。", [(QUIT, "辞职", [("离职者", "王强"), ("时间", "上周")])]),
    (
        "赵敏宣布从星河公司离职。",
        [(QUIT, "离职", [("离职者", "赵敏"), ("原所属组织", "星河公司")])],
    ),
    (
        "刘洋宣布从蓝天公司离职。",
        [(QUIT, "离职", [("离职者", "刘洋"), ("原所属组织", "蓝天公司")])],
    ),
    (
        "陈静宣布从绿地集团离职。",
        [(QUIT, "离职", [("离职者", "陈静"), ("原所属组织", "绿地集团")])],
    ),
    ("星河公司裁员300人。", [(LAYOFF, "裁员", [("裁员方", "星河公司"), ("裁员人数", "300人")])]),
    ("蓝天公司裁员500人。", [(LAYOFF, "裁员", [("裁员方", "蓝天公司"), ("裁员人数", "500人")])]),
    ("绿地集团裁员1200人。", [(LAYOFF, "裁员", [("裁员方", "绿地集团"), ("裁员人数", "1200人")])]),
    ("今天天气很好。", []),
    ("他们在公园散步。", []),
    ("公司发布了年度报告。", []),
]


def duee(text: str, events, index: int) -> dict:
    event_list = []
    for kind, trigger, arguments in events:
        event_list.append(
            {
                "event_type": kind,
                "trigger": trigger,
                "trigger_start_index": text.index(trigger),
                "arguments": [
                    {"role": role, "argument": arg, "argument_start_index": text.index(arg)}
                    for role, arg in arguments
                ],
            }
        )
    return {"text": text, "id": f"t{index}", "event_list": event_list}


RECORDS = [duee(text, events, i) for i, (text, events) in enumerate(SENTENCES)]
TINY = {
    "trigger": {"c1": 0.0, "c2": 0.01, "max_iterations": 60},
    "type": {"c1": 0.0, "c2": 0.01, "max_iterations": 60},
    "argument": {"c1": 0.0, "c2": 0.01, "max_iterations": 60},
}


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("learned") / "model"
    report = train(RECORDS, out, schema=SCHEMA, params=TINY, processes=1)
    assert report["sentences"] == len(RECORDS)
    assert report["events"] == 9
    return out


def test_model_files_and_meta(model_dir):
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["format"] == "newsie-learned-events/1"
    assert meta["version"].startswith("crf-")
    assert meta["schema"][QUIT] == SCHEMA[QUIT]
    for name in ("trigger.crfsuite", "type.crfsuite", "argument.crfsuite", "lexicon.json"):
        assert (model_dir / name).is_file()


def test_model_predicts_trained_trigger_and_arguments(model_dir):
    from newsie.learned import EventModel

    model = EventModel(model_dir)
    text = "星河公司裁员300人。"
    events = model.predict(text)
    assert [(e.type, e.start, e.end, e.text) for e in events] == [(LAYOFF, 4, 6, "裁员")]
    arguments = {(a.role, a.start, a.end, a.text) for a in events[0].arguments}
    assert ("裁员方", 0, 4, "星河公司") in arguments
    assert ("裁员人数", 6, 10, "300人") in arguments
    assert 0.0 < events[0].confidence <= 1.0


def test_stage_fills_events_with_offsets(model_dir):
    nlp = newsie.Pipeline(["sentences"])
    nlp.add("learned_events", config={"model_path": str(model_dir)})
    prefix = "今天天气很好。\n"  # a line of its own: tagged apart
    doc = nlp(prefix + "张伟昨天宣布辞职。")
    assert len(doc.events) == 1
    event = doc.events[0]
    assert event.type == "departure"  # the template mapping 组织关系-辞/离职
    assert type(event).__name__ != "Event"  # the per-type model
    base = len(prefix)
    assert (event.trigger.start, event.trigger.end, event.trigger.text) == (
        base + 6,
        base + 8,
        "辞职",
    )
    assert doc.text[event.trigger.start : event.trigger.end] == "辞职"
    person = event.all("person")
    assert [(a.start, a.end, a.text) for a in person] == [(base, base + 2, "张伟")]
    assert event.time_text == "昨天"  # DuEE 时间 -> the event's time expression
    assert event.evidence.stage == "learned_events"
    assert event.evidence.template == "departure"
    assert event.evidence.template_version.startswith("crf-")
    assert event.evidence.sentence_index == 1
    assert event.status in ("happened", "planned", "denied", "reported")
    assert 0.0 < event.confidence <= 1.0


def test_stage_merge_keeps_earlier_events_and_dedupes(model_dir):
    nlp = newsie.Pipeline(["sentences"])
    nlp.add("learned_events", config={"model_path": str(model_dir)})
    first = nlp("蓝天公司裁员500人。").events
    assert [e.type for e in first] == ["layoff"]

    def earlier(doc):
        doc.events = list(first)
        return doc

    merged = newsie.Pipeline(["sentences"])
    merged.add(earlier, name="rules", provides=("events",))
    merged.add("learned_events", config={"model_path": str(model_dir), "merge_with_rules": True})
    doc = merged("蓝天公司裁员500人。刘洋宣布从蓝天公司离职。")
    kinds = [e.type for e in doc.events]
    assert kinds.count("layoff") == 1  # same trigger span: deduped
    assert "departure" in kinds


def test_missing_model_path_is_a_clear_error(tmp_path):
    missing = tmp_path / "no-model-here"
    nlp = newsie.Pipeline(["sentences"])
    with pytest.raises(ModelNotFoundError) as info:
        nlp.add("learned_events", config={"model_path": str(missing)})
    message = str(info.value)
    assert str(missing) in message
    assert "train_duee.py" in message


def test_incomplete_model_dir_is_a_clear_error(tmp_path):
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match="incomplete"):
        newsie.learned.EventModel(tmp_path)


def test_dev_split_and_stray_spaces():
    # the seeded split is deterministic and about 10%
    ids = [f"id{i}" for i in range(2000)]
    share = sum(in_dev_split(i) for i in ids) / len(ids)
    assert 0.07 < share < 0.13
    assert in_dev_split("id7") == in_dev_split("id7")
    record = parse_record(
        {
            "id": "x",
            "text": "星河公司裁员300人。",
            "event_list": [
                {
                    "event_type": LAYOFF,
                    "trigger": " 裁员",
                    "trigger_start_index": 3,
                    "arguments": [
                        {"role": "裁员人数", "argument": "300人 ", "argument_start_index": 6}
                    ],
                }
            ],
        }
    )
    event = record.events[0]
    assert (event.start, event.end, event.text) == (4, 6, "裁员")
    assert (event.arguments[0].start, event.arguments[0].end) == (6, 10)


def test_stage_runs_in_worker_processes(model_dir):
    nlp = newsie.Pipeline(["sentences"])
    nlp.add("learned_events", config={"model_path": str(model_dir)})
    texts = ["星河公司裁员300人。", "今天天气很好。", "蓝天公司裁员500人。"]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [[e.type for e in doc.events] for doc in docs] == [["layoff"], [], ["layoff"]]
    assert [e.trigger.start for e in docs[2].events] == [4]


def test_type_examples_mark_other_lexicon_matches_as_no_trigger():
    from newsie.learned.features import NOT_TRIGGER, lexicon_stats, word_index, words
    from newsie.learned.model import _type_examples, build_lexicon

    record = parse_record(duee("张伟宣布辞职，辞职信已交。", [(QUIT, "辞职", [])], 99))
    lexicon = build_lexicon([parse_record(r) for r in RECORDS] + [record])
    text = record.text
    spans = words(text)
    lex = lexicon_stats(lexicon, text)
    examples = list(_type_examples(record, spans, word_index(text, spans), lex))
    assert [label for _, label in examples] == [QUIT, NOT_TRIGGER]
    assert "LR=7" in examples[0][0]  # 辞职 is a trigger in 4 of its 5 occurrences
