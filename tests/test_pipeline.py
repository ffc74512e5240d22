"""The pipeline: registry, requirements, add/replace/remove, config round trip, pipe."""

from __future__ import annotations

import pytest

import newsie
from newsie import Document, Pipeline, PipelineError
from newsie.registry import get_stage


@newsie.stage("test_shout", requires=["sentences"], provides=["shout"])
def shout(doc: Document) -> Document:
    """Upper-case copy of the first sentence."""
    doc.meta["shout"] = doc.sentences[0].text.upper() if doc.sentences else ""
    return doc


@newsie.stage("test_suffix", requires=[], provides=["suffix"])
class Suffix:
    """Appends a configurable mark to meta."""

    def __init__(self, mark: str = "!") -> None:
        self.mark = mark

    def __call__(self, doc: Document) -> Document:
        doc.meta["suffix"] = self.mark
        return doc


def test_default_pipeline_stages():
    assert newsie.load().stage_names == [
        "page", "sentences", "tokens", "entities", "times", "values", "events"
    ]


def test_fast_preset_is_rules_only_and_finds_events():
    fast = newsie.load("fast")
    assert fast.stage_names == ["page", "sentences", "entities_fast", "times", "values", "events"]
    assert newsie.load("default").stage_names == newsie.load().stage_names
    doc = fast("2025年11月28日，阿里巴巴宣布向浙江省慈善联合总会捐赠500万元。", published="2025-11-28")
    assert not doc.tokens
    assert [event.type for event in doc.events] == ["donation"]
    assert doc.events[0].get("donor") == "阿里巴巴"
    assert doc.events[0].get("amount") == "500万元"


def test_unknown_preset_or_file_names_the_presets():
    with pytest.raises(FileNotFoundError, match="presets: default, fast"):
        newsie.load("quick")


def test_registered_stages_declare_requirements():
    spec = get_stage("events")
    assert set(spec.requires) >= {"sentences", "entities", "times", "values"}
    assert spec.provides == ("events",)
    assert "page" in newsie.registered_stages()


def test_missing_requirement_fails_at_build_time_naming_the_layer():
    with pytest.raises(PipelineError, match="'tokens' requires the 'sentences' layer"):
        Pipeline(["tokens"])


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(KeyError, match="no stage named 'nope'"):
        Pipeline(["nope"])


def test_add_before_after_and_requirements():
    nlp = Pipeline(["sentences"])
    nlp.add("test_shout")
    nlp.add("test_suffix", config={"mark": "?"}, before="sentences")
    assert nlp.stage_names == ["test_suffix", "sentences", "test_shout"]
    doc = nlp("你好。世界。")
    assert doc.meta["suffix"] == "?"
    assert doc.meta["shout"] == "你好。"
    with pytest.raises(PipelineError, match="'test_shout' requires the 'sentences'"):
        Pipeline(["test_suffix"]).add("test_shout")
    with pytest.raises(PipelineError, match="already has a stage named"):
        nlp.add("test_shout")


def test_remove_refuses_to_break_a_later_stage():
    nlp = Pipeline(["sentences", "test_shout"])
    with pytest.raises(PipelineError, match="requires the 'sentences' layer"):
        nlp.remove("sentences")
    nlp.remove("test_shout")
    assert nlp.stage_names == ["sentences"]


def test_replace_with_new_config_and_with_a_callable():
    nlp = Pipeline(["test_suffix"])
    nlp.replace("test_suffix", config={"mark": "#"})
    assert nlp("x").meta["suffix"] == "#"

    def custom(doc):
        doc.meta["suffix"] = "custom"
        return doc

    nlp.replace("test_suffix", custom)
    assert nlp.stage_names == ["test_suffix"]
    assert nlp("x").meta["suffix"] == "custom"


def test_plain_callable_can_be_added_with_declared_layers():
    nlp = Pipeline(["sentences"])
    nlp.add(lambda doc: doc, name="noop", requires=["sentences"])
    assert nlp.stage_names == ["sentences", "noop"]
    with pytest.raises(PipelineError, match="unregistered callable"):
        nlp.to_config()


def test_config_round_trip_dict_and_toml(tmp_path):
    nlp = newsie.load()
    nlp.replace("times", config={"prefer": "future"})
    config = nlp.to_config()
    assert config["stages"]["times"] == {"factory": "times", "prefer": "future"}
    again = newsie.load(config)
    assert again.stage_names == nlp.stage_names
    assert again.to_config() == config
    path = tmp_path / "pipeline.toml"
    nlp.save(path)
    from_file = newsie.load(path)
    assert from_file.to_config() == config
    assert from_file.get("times").prefer == "future"


def test_bad_config_messages(tmp_path):
    with pytest.raises(PipelineError, match="'stages' list"):
        newsie.load({"stages": {}})
    with pytest.raises(FileNotFoundError, match="pipeline config not found"):
        newsie.load(tmp_path / "missing.toml")
    with pytest.raises(TypeError, match="bad config"):
        newsie.load({"pipeline": {"stages": ["test_suffix"]}, "stages": {"test_suffix": {"x": 1}}})


def test_entry_point_plugins_are_loaded(monkeypatch):
    from importlib.metadata import EntryPoint

    import newsie.registry as registry

    module = "tests_plugin_stage"
    import sys
    import types

    plugin = types.ModuleType(module)

    def load_plugin():
        newsie.stage("plugin_stage")(lambda doc: doc)
        return plugin

    point = EntryPoint(name="plugin_stage", value=f"{module}:x", group="newsie.stages")
    monkeypatch.setattr(EntryPoint, "load", lambda self: load_plugin())
    monkeypatch.setattr(registry, "entry_points", lambda group: [point])
    monkeypatch.setattr(registry, "_ENTRY_POINTS_LOADED", False)
    sys.modules.pop(module, None)
    assert get_stage("plugin_stage").name == "plugin_stage"
    registry._REGISTRY.pop("plugin_stage")


def test_call_accepts_metadata_and_published_strings():
    doc = Pipeline(["sentences"])("今天。", published="2025-11-28T13:39", id="d1", url="u")
    assert doc.id == "d1" and doc.url == "u"
    assert doc.published.isoformat() == "2025-11-28T13:39:00+08:00"


def test_pipe_one_output_per_input_in_order_and_errors_recorded():
    nlp = Pipeline(["sentences"])
    inputs = ["第一。", {"text": "第二。", "id": "b"}, {"id": "no-text"}, None, "第三。"]
    docs = list(nlp.pipe(inputs, batch_size=2))
    assert len(docs) == 5
    assert docs[0].sentences[0].text == "第一。"
    assert docs[1].id == "b"
    assert docs[2].errors and "no 'text'" in docs[2].errors[0] and docs[2].id == "no-text"
    assert docs[3].errors and "None" in docs[3].errors[0]
    assert docs[4].sentences[0].text == "第三。"


def test_pipe_never_merges_documents(sample_text):
    nlp = newsie.load()
    docs = list(nlp.pipe([sample_text, sample_text, "一句话。"]))
    assert len(docs) == 3
    assert len(docs[0].items) == 6 and len(docs[2].items) == 0
    assert {d.id for d in docs[0].items}.isdisjoint({d.id for d in docs[2].documents()})
