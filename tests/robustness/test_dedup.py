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


def test_tolerance_does_not_chain_day_after_day():
    a, b, c = (_fire(x, "宁波市海曙区", day) for x, day in (("a", 20), ("b", 21), ("c", 22)))
    groups = sorted(len(g) for g in group_events([a, b, c], day_tolerance=1).values())
    assert groups == [1, 2]


def test_event_without_identifying_arguments_keeps_its_own_key():
    a, b = _fire("a", "宁波市海曙区", 20), _fire("b", "宁波市海曙区", 20)
    for doc in (a, b):
        event = doc.events[0]
        doc.events[0] = event.model_copy(
            update={"arguments": [x for x in event.arguments if x.role != "place"]}
        )
    assert event_key_parts(a.events[0], a)[1] == ("mention=a-e",)
    assert event_key(a.events[0], a) != event_key(b.events[0], b)


def test_participants_identify_and_coarse_times_fall_back_to_publication_day():
    import newsie

    nlp = newsie.load()
    first = nlp("国家主席习近平在北京会见澳大利亚总理阿尔巴尼斯。", published="2025-07-15T19:00")
    second = nlp("习近平15日在人民大会堂会见澳大利亚总理阿尔巴尼斯。", published="2025-07-15T20:00")
    other = nlp("国家主席习近平在北京会见法国总统马克龙。", published="2025-07-15T19:00")
    keys = [event_key(d.events[0], d) for d in (first, second, other)]
    assert [d.events[0].type for d in (first, second, other)] == ["meeting"] * 3
    assert keys[0] == keys[1] != keys[2]  # the places differ in detail; the parties agree


def test_a_time_coarser_than_a_day_keys_on_the_publication_day():
    from newsie.time import parse_time

    doc = _fire("a", "宁波市海曙区", 20)
    year = parse_time("2025年", None)
    day = parse_time("2025年11月18日", None)
    assert year is not None and year.grain == "year" and day is not None
    doc.events[0] = doc.events[0].model_copy(update={"time": year})
    assert event_key_parts(doc.events[0], doc)[2] == "2025-11-20"  # published
    doc.events[0] = doc.events[0].model_copy(update={"time": day})
    assert event_key_parts(doc.events[0], doc)[2] == "2025-11-18"
