"""Corpus readers, labels, the training recipe and the shipped CRF model."""

from __future__ import annotations

import json

import pytest

from newsie.ner.data import read_any, spans_to_bio, split_dev, tags_to_spans
from newsie.ner.labels import LABELS, to_newsie, to_scheme


def test_tags_to_spans_schemes():
    assert tags_to_spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert tags_to_spans(["B-ORG", "M-ORG", "E-ORG", "S-PER"]) == [(0, 3, "ORG"), (3, 4, "PER")]
    assert tags_to_spans(["I-LOC", "I-LOC", "B-LOC"]) == [(0, 2, "LOC"), (2, 3, "LOC")]
    assert spans_to_bio(4, [(1, 3, "X")]) == ["O", "B-X", "I-X", "O"]


def test_readers(tmp_path):
    bio = tmp_path / "a.tsv"
    bio.write_text("张\tB-PER\n三\tI-PER\n好\tO\n\n北\tB-LOC\n京\tI-LOC\n", encoding="utf-8")
    assert read_any(bio) == [("张三好", [(0, 2, "PER")]), ("北京", [(0, 2, "LOC")])]
    spaced = tmp_path / "b.txt"
    spaced.write_text("李0 B-PER.NAM\n四1 I-PER.NAM\n", encoding="utf-8")
    assert read_any(spaced) == [("李四", [(0, 2, "PER.NAM")])]
    clue = tmp_path / "c.json"
    row = {
        "text": "马云在杭州",
        "label": {"name": {"马云": [[0, 1]]}, "address": {"杭州": [[3, 4]]}},
    }
    clue.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    assert read_any(clue) == [("马云在杭州", [(0, 2, "name"), (3, 5, "address")])]


def test_split_is_seeded():
    data = [(str(i), []) for i in range(100)]
    assert split_dev(data, 0.1, 1) == split_dev(data, 0.1, 1)
    assert len(split_dev(data, 0.1, 1)[1]) == 10


def test_labels():
    assert set(LABELS) == {"PERSON", "ORG", "GPE", "LOC", "PRODUCT", "TITLE"}
    assert to_newsie("PER") == "PERSON" and to_newsie("position") == "TITLE"
    assert to_scheme("GPE", "msra") == "LOC" and to_scheme("TITLE", "msra") is None


def test_train_tiny_model(tmp_path):
    from newsie.ner.crf import CRFTagger
    from newsie.ner.train import train

    rows = []
    for name, place in [("张伟", "北京"), ("李娜", "上海"), ("王芳", "广州")] * 10:
        rows.append(f"{name}去了{place}。")
    path = tmp_path / "train.tsv"
    with open(path, "w", encoding="utf-8") as handle:
        for text in rows:
            tags = spans_to_bio(len(text), [(0, 2, "PER"), (4, 6, "LOC")])
            handle.write("".join(f"{c}\t{t}\n" for c, t in zip(text, tags)) + "\n")
    info = train([str(path)], tmp_path / "m.crfsuite", dev_fraction=0.2, max_iterations=30)
    assert info["dev"]["ALL"]["f1"] > 0.9
    assert (tmp_path / "m.json").exists()
    assert CRFTagger(tmp_path / "m.crfsuite").spans("李娜去了北京。") == [
        (0, 2, "PERSON"),
        (4, 6, "LOC"),
    ]


def test_shipped_model():
    from newsie.ner.crf import load_tagger
    from newsie.ner.resources import models_dir

    path = models_dir() / "ner_crf.crfsuite"
    assert path.stat().st_size < 20 * 1024 * 1024
    tagger = load_tagger()
    spans = tagger.spans("国务院总理李强在北京会见了来访的法国总统。")
    assert (5, 7, "PERSON") in spans and (8, 10, "LOC") in spans
    long = "\n".join(["王小明在上海工作。"] * 400)
    assert len(tagger.spans(long)) == 800


def test_a_line_is_tagged_as_one_chunk():
    """A text without line breaks (a sentence) is tagged whole; with them, line by line."""
    from newsie.ner.crf import _chunks, load_tagger

    tagger = load_tagger()
    for text in ["王小明在上海工作。", "", "  ", "王小明\u2028在上海工作", "王小明\x1c在上海", "李强\n"]:
        expected = [
            (offset + s, offset + e, label)
            for offset, chunk in _chunks(text, 2000)
            if chunk.strip()
            for s, e, label in tags_to_spans(tagger.tag(chunk))
        ]
        assert tagger.spans(text) == expected


def test_missing_model_message(tmp_path):
    from newsie.ner.crf import CRFTagger

    with pytest.raises(FileNotFoundError, match="entities_fast"):
        CRFTagger(tmp_path / "missing.crfsuite")
