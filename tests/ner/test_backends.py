"""Optional spaCy and HanLP backends, trained tiny in the test and loaded from disk."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

NAMES = ["张伟", "李娜", "王芳", "刘洋", "陈静"]
PLACES = ["北京", "上海", "广州", "深圳", "杭州"]


def _examples(n: int = 40, seed: int = 0):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        name, place = rng.choice(NAMES), rng.choice(PLACES)
        text = f"{name}昨天去了{place}。"
        out.append(
            (text, [(0, len(name), "PER"), (len(name) + 4, len(name) + 4 + len(place), "LOC")])
        )
    return out


def test_import_newsie_is_light():
    code = (
        "import sys, newsie.stages.entities, newsie.ner.spacy_backend, newsie.ner.hanlp_backend;"
        "bad = [m for m in ('torch', 'hanlp', 'spacy') if m in sys.modules];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_model_paths_explain_how(tmp_path):
    from newsie.registry import get_stage

    for name, hint in (("spacy_entities", "spacy download"), ("hanlp_entities", "hanlp.load")):
        with pytest.raises((FileNotFoundError, TypeError)) as info:
            get_stage(name).build({"model_path": str(tmp_path / "nope")})
        assert str(tmp_path / "nope") in str(info.value) and hint in str(info.value)


def test_spacy_backend(tmp_path, make_doc):
    spacy = pytest.importorskip("spacy")
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("zh")  # character segmentation: no download needed
    ner = nlp.add_pipe("ner")
    for label in ("PER", "LOC"):
        ner.add_label(label)
    data = _examples(20)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": s}) for t, s in data]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(20):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.to_disk(tmp_path / "tiny")

    from newsie.registry import get_stage

    stage = get_stage("spacy_entities").build({"model_path": str(tmp_path / "tiny")})
    doc = stage(make_doc("王芳昨天去了深圳。"))
    assert ("王芳", "PERSON") in {(e.text, e.label) for e in doc.entities}
    assert all(doc.text[e.start : e.end] == e.text for e in doc.entities)


def test_hanlp_backend(tmp_path, make_doc):
    pytest.importorskip("torch")
    pytest.importorskip("hanlp")
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer

    from newsie.ner.data import spans_to_bio

    def write(path, rows):
        with open(path, "w", encoding="utf-8") as handle:
            for text, spans in rows:
                handle.writelines(
                    f"{char}\t{tag}\n" for char, tag in zip(text, spans_to_bio(len(text), spans))
                )
                handle.write("\n")

    train, dev = tmp_path / "train.tsv", tmp_path / "dev.tsv"
    write(train, _examples(60, 1))
    write(dev, _examples(10, 2))
    save = tmp_path / "hanlp_tiny"
    tagger = RNNNamedEntityRecognizer()
    tagger.fit(
        str(train),
        str(dev),
        str(save),
        epochs=8,
        embed=16,
        rnn_hidden=16,
        batch_size=10,
        crf=False,
        lr=0.05,
        verbose=False,
        tagging_scheme="BIO",
    )

    from newsie.registry import get_stage

    stage = get_stage("hanlp_entities").build({"model_path": str(save)})
    doc = stage(make_doc("李娜昨天去了上海。"))
    assert all(doc.text[e.start : e.end] == e.text for e in doc.entities)
    assert {e.label for e in doc.entities} <= {"PERSON", "LOC"}
    assert ("李娜", "PERSON") in {(e.text, e.label) for e in doc.entities}
