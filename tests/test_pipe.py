"""Batch semantics of ``Pipeline.pipe``: one Document per input, in order, errors recorded,
and the same results with worker processes (``n_process=2``), forked or spawned."""

from __future__ import annotations

import os
import sys
import threading

import pytest

import newsie
from newsie import Document, Pipeline
from newsie.pipeline import _Lookahead, _take_batch

BASIC = ["page", "sentences", "tokens", "values"]

TEXTS = [
    "2025年11月28日，中国科学院电工研究所成功研制出大口径高场超导磁体。",
    "远望科技宣布向宁波市慈善总会捐赠500万元，专项用于受灾群众的安置与救助。",
    "江南市人民医院发布招标公告，计划采购120台医用呼吸机，预算金额约3600万元。",
    "",
    "   \n\t ",
    "星辰电子今日推出两款新手机，售价分别为3999元和4999元。",
]


def marker(doc: Document) -> Document:
    """An unregistered user stage (pickled by reference into spawned workers)."""
    if "BOOM" in doc.text:
        raise RuntimeError("boom in user stage")
    doc.meta["marker"] = len(doc.text)
    return doc


@newsie.stage("test_pipe_count", requires=["tokens"], provides=["count"])
def count_tokens(doc: Document) -> Document:
    """A registered user stage: rebuilt in workers from the config, after importing us."""
    doc.meta["count"] = len(doc.tokens)
    return doc


def _pipeline(user_stage: bool = True) -> Pipeline:
    nlp = Pipeline(BASIC)
    if user_stage:
        nlp.add(marker, name="marker")
    return nlp


def _inputs() -> list:
    return [
        *TEXTS,
        None,
        42,
        b"\xff\xfe\xfd",  # broken UTF-16 byte-order mark: undecodable
        {"id": "rec-1", "text": "新华社北京11月28日电，国务院常务会议今天召开。"},
        {"id": "rec-2", "title": "no text"},
        "这条会 BOOM 出错。",
        "今天涨了5%，收入26万元。".encode("gb18030"),
        Document(text="已经是文档了，价格3.5亿元。", id="given"),
    ]


def _summary(doc: Document) -> tuple:
    return (
        doc.id,
        doc.text,
        [e.split(":")[0] for e in doc.errors],
        [(t.start, t.end) for t in doc.tokens],
        [(v.start, v.end, v.label, v.value) for v in doc.values],
        doc.meta.get("marker"),
        len(doc.items),
    )


def test_one_output_per_input_in_order_with_errors_recorded():
    inputs = _inputs()
    out = list(_pipeline().pipe(inputs, batch_size=3))
    assert len(out) == len(inputs)
    assert out[0].text == TEXTS[0] and out[0].tokens
    assert out[3].text == "" and out[3].errors == [] and out[3].tokens == []
    assert out[4].text == "" and out[4].errors == []
    assert out[6].errors and "got None" in out[6].errors[0]
    assert out[7].errors and "int" in out[7].errors[0]
    assert out[8].errors and out[8].errors[0].startswith("InputError")
    assert out[9].id == "rec-1" and not out[9].errors
    assert out[10].id == "rec-2" and out[10].errors[0].startswith("InputError")
    assert out[11].errors == ["RuntimeError: boom in user stage"]
    assert "traceback" in out[11].meta
    assert out[12].meta["encoding"] == "gb18030" and out[12].text == "今天涨了5%，收入26万元。"
    assert out[13].id == "given"
    ok = [d for i, d in enumerate(out) if i not in (6, 7, 8, 10, 11)]
    assert all(not d.errors for d in ok)


def test_pipe_is_lazy():
    seen = []

    def source():
        for i, text in enumerate(TEXTS):
            seen.append(i)
            yield text

    stream = _pipeline().pipe(source(), batch_size=2)
    first = next(stream)
    assert first.text == TEXTS[0]
    assert seen == [0]


def test_error_ids_are_deterministic():
    a = [d.id for d in _pipeline().pipe([None, 42, b"\xff\xfe\xfd"])]
    b = [d.id for d in _pipeline().pipe([None, 42, b"\xff\xfe\xfd"])]
    assert a == b


def test_bad_batch_size():
    with pytest.raises(ValueError, match="batch_size"):
        list(_pipeline().pipe(TEXTS, batch_size=0))


@pytest.mark.parametrize("start", ["fork", "spawn"])
@pytest.mark.parametrize("user_stage", [False, True], ids=["registered", "unregistered"])
def test_two_processes_match_one(user_stage, start, monkeypatch):
    if start == "fork" and sys.platform != "linux":
        pytest.skip("workers are forked on Linux only")
    monkeypatch.setattr("newsie.pipeline._start_method", lambda: start)
    nlp = _pipeline(user_stage)
    if user_stage:
        nlp.add("test_pipe_count", after="tokens")
    inputs = _inputs() * 3
    sequential = [_summary(d) for d in nlp.pipe(inputs, batch_size=4)]
    parallel = [_summary(d) for d in nlp.pipe(inputs, batch_size=4, n_process=2)]
    assert parallel == sequential
    if user_stage:
        docs = list(nlp.pipe(TEXTS[:1], n_process=2))
        assert docs[0].meta["marker"] == len(TEXTS[0])
        assert docs[0].meta["count"] == len(docs[0].tokens) > 0


def test_workers_fork_only_without_other_threads():
    import _thread

    from newsie.pipeline import _start_method

    if sys.platform != "linux":
        assert _start_method() == "spawn"
    elif len(os.listdir("/proc/self/task")) == 1:  # no thread here but this one
        assert _start_method() == "fork"
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert _start_method() == "spawn"  # a fork could copy a lock another thread holds
    finally:
        release.set()
        thread.join()
    # a thread the threading module does not know of (as a native library starts them)
    lock = _thread.allocate_lock()
    lock.acquire()
    done = _thread.allocate_lock()
    done.acquire()

    def wait() -> None:
        lock.acquire()
        done.release()

    _thread.start_new_thread(wait, ())
    try:
        assert _start_method() == "spawn"
    finally:
        lock.release()
        done.acquire()


def test_a_forked_worker_leaves_what_it_inherited_out_of_collections(monkeypatch):
    import gc

    from newsie import pipeline

    nlp = _pipeline()
    monkeypatch.setattr(pipeline, "_WORKER_PIPELINE", None)
    try:
        pipeline._init_worker(nlp)  # as a forked worker starts
        assert pipeline._WORKER_PIPELINE is nlp
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_two_processes_with_a_page(sample_text):
    nlp = _pipeline()
    inputs = [sample_text, TEXTS[0], sample_text]
    parallel = list(nlp.pipe(inputs, batch_size=1, n_process=2))
    sequential = list(nlp.pipe(inputs))
    assert [_summary(d) for d in parallel] == [_summary(d) for d in sequential]
    assert len(parallel[0].items) > 1
    for item in parallel[0].items:
        assert item.text == sample_text[item.offset : item.offset + len(item.text)]


def test_unpicklable_stage_falls_back_to_one_process(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_cloudpickle(name, *args, **kwargs):
        if name == "cloudpickle":
            raise ImportError("no cloudpickle in this test")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_cloudpickle)
    nlp = _pipeline(user_stage=False)
    nlp.add(lambda doc: doc, name="lambda_stage")
    with pytest.warns(RuntimeWarning, match="one process"):
        out = list(nlp.pipe(TEXTS, n_process=2))
    assert [d.text for d in out][:3] == TEXTS[:3]


def _crash_on_kill(doc: Document) -> Document:
    if "KILL-WORKER" in doc.text:
        os._exit(3)  # a worker dying (segfault, OOM kill) without a Python exception
    return doc


def test_a_dying_worker_costs_only_its_input():
    nlp = Pipeline(["sentences"])
    nlp.add(_crash_on_kill, name="crash")
    inputs = ["第一条。", "第二条。", "KILL-WORKER", "第四条。", "第五条。", "第六条。"]
    out = list(nlp.pipe(inputs, batch_size=2, n_process=2))
    assert [d.text for d in out] == ["第一条。", "第二条。", "", "第四条。", "第五条。", "第六条。"]
    assert out[2].errors and "worker process died" in out[2].errors[0]
    assert all(not d.errors for i, d in enumerate(out) if i != 2)


def test_full_default_pipeline_in_two_processes():
    try:
        nlp = newsie.load()
    except Exception as exc:  # noqa: BLE001 - other stages still being built
        pytest.skip(f"default pipeline not available yet: {exc}")
    texts = TEXTS + [None]
    sequential = [d.model_dump(mode="json") for d in nlp.pipe(texts)]
    parallel = [d.model_dump(mode="json") for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    for a, b in zip(sequential, parallel):
        a["meta"].pop("traceback", None)
        b["meta"].pop("traceback", None)
    assert parallel == sequential


def add_fire_event(doc: Document) -> Document:
    """Adds a typed event: event models are made at run time and must survive pickling."""
    from newsie.events.models import Evidence, Trigger, event_model

    start = doc.text.find("火灾")
    if start >= 0:
        model = event_model("fire")
        doc.events.append(
            model(
                id=f"{doc.id}-fire",
                type="fire",
                trigger=Trigger(start=start, end=start + 2, text="火灾"),
                confidence=0.7,
                evidence=Evidence(
                    document_id=doc.id, sentence_index=None, start=0, end=len(doc.text),
                    stage="test", template="fire", template_version="1",
                ),
            )
        )
    return doc


def test_typed_events_come_back_from_workers():
    import warnings

    nlp = Pipeline(["sentences"])
    nlp.add(add_fire_event, name="fire")
    texts = ["昨天一处仓库发生火灾。", "没有事件。"] * 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no silent fallback to the parent process
        out = list(nlp.pipe(texts, batch_size=2, n_process=2))
    assert type(out[0].events[0]).__name__ == "FireEvent"
    assert out[0].events[0].trigger.text == "火灾"
    assert out[1].events == []


@pytest.mark.parametrize(
    ("sizes", "batch_size", "expected"),
    [
        ([10, 10, 10], 2, [[10, 10], [10]]),
        ([30_000, 30_000, 10], 8, [[30_000, 30_000], [10]]),  # closes at 50,000 characters
        ([80_000, 10], 8, [[80_000], [10]]),
        ([], 4, []),
    ],
)
def test_batches_close_at_size_or_characters(sizes, batch_size, expected, monkeypatch):
    monkeypatch.setattr("newsie.pipeline._BATCH_CHARS", 50_000)
    records = [{"text": "字" * n} for n in sizes]
    remaining = iter(records)
    got = []
    while batch := _take_batch(remaining, batch_size):
        got.append([len(r["text"]) for r in batch])
    assert got == expected


@pytest.mark.parametrize(
    ("sizes", "batch_size", "ends_after"),
    [
        # the end shows once what is left fits in one batch: by count ...
        ([10] * 6, 4, 2),
        ([10] * 6, 64, 0),
        # ... or by characters (a batch closes at 50,000): 64 short inputs are one
        # batch, 64 news articles are not
        ([20_000] * 6, 64, 3),
        ([20_000, 20_000, 9_999, 5], 64, 0),
        ([20_000, 20_000, 10_000, 5], 64, 1),
        ([10], 4, 0),
        ([], 4, 0),
    ],
)
def test_lookahead_sees_the_end_one_batch_ahead(sizes, batch_size, ends_after):
    """Workers get batches until only one batch is left (which this process runs):
    the read-ahead that tells must not hold back more than that."""
    records = _Lookahead([{"text": "字" * n} for n in sizes], batch_size, 50_000)
    taken = 0
    while not records.ending():
        next(records)
        taken += 1
    assert taken == ends_after
    assert len(list(records)) == len(sizes) - ends_after
