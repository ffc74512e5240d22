"""Misspelt keywords raise instead of being ignored; stages can be disabled per call; a
split page's events are where its repr says."""

from __future__ import annotations

import pytest
from builders import make_page

import newsie
from newsie import PipelineError

TEXT = "今天，远望科技宣布向宁波市慈善总会捐赠500万元。"


@pytest.fixture(scope="module")
def nlp():
    return newsie.Pipeline(["sentences", "times"])


def test_misspelt_published_names_the_keyword(nlp):
    with pytest.raises(
        TypeError, match=r"unexpected keyword argument 'publish'; did you mean 'published'"
    ):
        nlp(TEXT, publish="2025-11-20T12:00")
    with pytest.raises(TypeError, match=r"'titel'; did you mean 'title'"):
        nlp(TEXT, titel="x")
    with pytest.raises(
        TypeError, match=r"nlp\(\) got an unexpected keyword argument 'foo' \(it takes: published"
    ):
        nlp(TEXT, foo=1)


def test_accepted_keywords_still_work(nlp):
    doc = nlp(TEXT, published="2025-11-20T12:00", id="a", title="t", url="u", source="s",
              meta={"k": 1}, max_chars=1000)  # fmt: skip
    assert (doc.id, doc.title, doc.url, doc.source, doc.meta["k"]) == ("a", "t", "u", "s", 1)
    assert doc.times and doc.times[0].value is not None


def test_pipe_rejects_keywords_before_reading_inputs(nlp):
    read = []

    def inputs():
        read.append(1)
        yield TEXT

    with pytest.raises(
        TypeError,
        match=r"nlp.pipe\(\) got an unexpected keyword argument 'batchsize'; did you mean 'batch_size'",
    ):
        nlp.pipe(inputs(), batchsize=8)
    with pytest.raises(TypeError, match="'published'"):
        nlp.pipe(inputs(), published="2025-11-20")
    with pytest.raises(ValueError, match="batch_size must be >= 1"):
        nlp.pipe(inputs(), batch_size=0)
    assert read == []  # raised at the call, not at the first next()


def test_extract_rejects_unknown_keywords():
    with pytest.raises(
        TypeError,
        match=r"newsie.extract\(\) got an unexpected keyword argument 'publsihed'; did you mean 'published'",
    ):
        newsie.extract(TEXT, publsihed="2025-11-20")


def test_disable_skips_stages_for_one_call(nlp):
    doc = nlp(TEXT, published="2025-11-20T12:00", disable=["times"])
    assert doc.sentences and doc.times == []
    assert nlp(TEXT, published="2025-11-20T12:00").times  # the pipeline itself is unchanged
    assert nlp.stage_names == ["sentences", "times"]
    docs = list(nlp.pipe([TEXT, TEXT], disable=["times"]))
    assert [d.times for d in docs] == [[], []] and all(d.sentences for d in docs)
    docs = list(nlp.pipe([TEXT] * 3, disable="times", n_process=2, batch_size=1))
    assert [d.times for d in docs] == [[], [], []]


def test_disable_names_a_missing_stage_or_a_broken_pipeline():
    nlp = newsie.Pipeline(["sentences", "tokens"])
    with pytest.raises(
        PipelineError, match=r"cannot disable 'token': no such stage .*did you mean 'tokens'"
    ):
        nlp(TEXT, disable=["token"])
    with pytest.raises(PipelineError, match="requires the 'sentences' layer"):
        nlp(TEXT, disable=["sentences"])


def test_split_page_repr_names_its_items_and_all_events():
    page = make_page()
    assert page.events == [] and len(page.all_events) == 2
    text = repr(page)
    assert "items=2, all_events=2" in text and "events=0" not in text
    item = page.items[0]
    assert "events=1" in repr(item) and "items=" not in repr(item)
