"""Cross-document event keys (newsie.dedup)."""

from __future__ import annotations

from datetime import UTC, datetime

from newsie import Document
from newsie.dedup import assign_event_keys, canonical, event_key, event_key_parts, group_events
from newsie.events.models import Evidence, Trigger, event_model


def _fire(doc_id: str, place: str, day: int, injuries: str = "2") -> Document:
    text = f"{place}发生火灾，{injuries}人受伤。"
    doc = Document(text=text, id=doc_id, published=datetime(2025, 11, day, 9, tzinfo=UTC))
    start = text.index("火灾")
    event = event_model("fire")(
        id=f"{doc_id}-e",
        type="fire",
        trigger=Trigger(start=start, end=start + 2, text="火灾"),
        arguments=[
            {"role": "place", "text": place, "start": 0, "end": len(place), "label": "GPE"},
            {"role": "injuries", "text": f"{injuries}人", "start": text.index(injuries),
             "end": text.index(injuries) + len(injuries) + 1, "label": "COUNT"},
        ],
        confidence=0.7,
        evidence=Evidence(document_id=doc_id, sentence_index=0, start=0, end=len(text),
                          stage="events", template="fire", template_version="1"),
    )
    doc.events.append(event)
    return doc


def test_canonical_ignores_width_script_case_and_punctuation():
    assert canonical("寧波市 海曙區") == canonical("宁波市海曙区")
    assert canonical("ＡＢＣ·公司") == canonical("abc公司")


def test_same_event_same_key_across_documents():
    a = _fire("a", "宁波市海曙区", 20)
    b = _fire("b", "寧波市海曙區", 20, injuries="两")  # counts are not key arguments
    c = _fire("c", "杭州市西湖区", 20)
    keys = assign_event_keys([a, b, c])
    assert keys["a-e"] == keys["b-e"] != keys["c-e"]
    assert a.meta["event_keys"] == {"a-e": keys["a-e"]}
    assert event_key(a.events[0], a) == event_key(a.events[0], a)  # stable
    assert event_key_parts(a.events[0], a) == ("fire", ("place=宁波市海曙区",), "2025-11-20")


def test_different_day_different_key_unless_tolerated():
    a, b = _fire("a", "宁波市海曙区", 20), _fire("b", "宁波市海曙区", 21)
    assert event_key(a.events[0], a) != event_key(b.events[0], b)
    assert len(group_events([a, b])) == 2
    joined = group_events([a, b], day_tolerance=1)
    assert len(joined) == 1 and len(next(iter(joined.values()))) == 2
    far = _fire("far", "宁波市海曙区", 25)
    assert len(group_events([a, b, far], day_tolerance=1)) == 2
