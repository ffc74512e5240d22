"""Documents and events pickle compactly (worker processes and Dask send them back) and
come back equal: same classes, same values, same set fields."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import newsie
from newsie import Document
from newsie.document import Entity, Span

PAGE = (Path(__file__).resolve().parents[1] / "corpora" / "samples" / "page.txt").read_text(
    encoding="utf-8"
)


@pytest.fixture(scope="module")
def processed() -> Document:
    return newsie.load()(PAGE, published="2025-11-28T10:00:00+08:00")


def _same(a, b) -> None:
    assert type(a) is type(b)
    assert a == b
    assert a.model_dump() == b.model_dump()
    assert a.model_fields_set == b.model_fields_set


def test_processed_page_round_trips(processed):
    back = pickle.loads(pickle.dumps(processed))
    _same(processed, back)
    assert len(back.items) == len(processed.items) > 1
    for item, item_back in zip(processed.documents(), back.documents()):
        _same(item, item_back)
        for layer in ("sentences", "tokens", "entities", "times", "values", "events"):
            for span, span_back in zip(getattr(item, layer), getattr(item_back, layer)):
                _same(span, span_back)
        for event, event_back in zip(item.events, item_back.events):
            for argument, argument_back in zip(event.arguments, event_back.arguments):
                _same(argument, argument_back)
    assert back.all_events and [e.id for e in back.all_events] == [
        e.id for e in processed.all_events
    ]


def test_layers_a_stage_left_as_tuples_round_trip(processed):
    doc = processed.documents()[0].model_copy()
    doc.sentences, doc.tokens = tuple(doc.sentences), tuple(doc.tokens)
    back = pickle.loads(pickle.dumps(doc))
    assert list(back.sentences) == list(doc.sentences) and len(back.sentences) > 1
    assert list(back.tokens) == list(doc.tokens) and len(back.tokens) > 1


def test_unset_fields_stay_unset():
    doc = Document(text="远望科技")
    doc.entities.append(Entity(start=0, end=4, text="远望科技", label="ORG"))  # canonical unset
    doc.entities.append(
        Entity(start=0, end=4, text="远望科技", label="ORG", canonical="远望", entity_id="e1")
    )
    back = pickle.loads(pickle.dumps(doc))
    assert [e.model_dump(exclude_unset=True) for e in back.entities] == [
        {"start": 0, "end": 4, "text": "远望科技", "label": "ORG"},
        {"start": 0, "end": 4, "text": "远望科技", "label": "ORG", "canonical": "远望", "entity_id": "e1"},
    ]


class Keyword(Span):
    """A user span type with a field of its own (importable, so it pickles by name)."""

    weight: float = 1.0


def test_layers_of_other_classes_keep_their_objects():
    doc = Document(text="北京上海")
    doc.entities.append(Entity(start=0, end=2, text="北京", label="GPE"))
    doc.entities.append(Keyword(start=2, end=4, text="上海", label="KW", weight=0.5))  # mixed
    back = pickle.loads(pickle.dumps(doc))
    assert [type(e) for e in back.entities] == [Entity, Keyword]
    assert back.entities[1].weight == 0.5


def test_restored_spans_stay_frozen(processed):
    back = pickle.loads(pickle.dumps(processed.documents()[0]))
    with pytest.raises(Exception):
        back.tokens[0].start = 5  # type: ignore[misc]
