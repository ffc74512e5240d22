"""The array tagger gives CRFsuite's own tags, read from CRFsuite's own model file."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from newsie.ner.crf import CRFTagger, load_tagger
from newsie.ner.crfsuite_model import read_crfsuite
from newsie.ner.data import spans_to_bio
from newsie.ner.features import StateScorer, char_features
from newsie.ner.resources import models_dir
from newsie.ner.viterbi import viterbi

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "page.txt"

#: Texts that reach every branch of the features: full-width and Latin letters, digits,
#: whitespace, punctuation, characters outside the Basic Multilingual Plane, Traditional.
ODD_TEXTS = [
    "国务院总理李强在北京会见了来访的法国总统马克龙。",
    "ＮＢＡ球星Ｊａｍｅｓ在２０２４年来到上海，Apple公司CEO Tim Cook随行。",
    "\t王小明 在\u3000深圳\xa0工作\r",
    "𠀀𠀁李𡃁去了台北😀，🇨🇳國務院發言人稱……",
    "一二三四五六七八九十百千万亿零两〇",
    "·•—《人民日报》“新华社”（记者 张三）",
    "x",
    "",
]


def _texts() -> list[str]:
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines + ODD_TEXTS


def _crfsuite_tags(path: Path, text: str) -> list[str]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger.tag(char_features(text)) if text else []


def _tiny_model(tmp_path: Path) -> Path:
    """A model whose first label is not ``O`` (labels are numbered as first met)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    rows = [("张伟去了北京。", [(0, 2, "PER"), (4, 6, "LOC")]),
            ("李娜在上海工作", [(0, 2, "PER"), (3, 5, "LOC")]),
            ("ＡＢＣ公司在𠀀开业", [(0, 5, "ORG")])] * 5  # fmt: skip
    for text, spans in rows:
        trainer.append(char_features(text), spans_to_bio(len(text), spans))
    trainer.set_params({"max_iterations": 20, "feature.possible_transitions": True})
    path = tmp_path / "tiny.crfsuite"
    trainer.train(str(path))
    return path


def _by_arrays(tagger: CRFTagger, texts: list[str]) -> list[list[str]]:
    """The array decoder's tags for ``texts`` decoded side by side."""
    texts = [text for text in texts if text]
    lengths = np.array([len(text) for text in texts])
    rows = tagger._by_arrays(texts, lengths)
    return [row or ["O"] * len(text) for row, text in zip(rows, texts)]


def test_shipped_model_tags_as_crfsuite_does():
    path = models_dir() / "ner_crf.crfsuite"
    tagger = load_tagger()
    texts = _texts()
    assert len(texts) > 20
    expected = [_crfsuite_tags(path, text) for text in texts if text]
    assert _by_arrays(tagger, texts) == expected
    assert [tagger.tag(text) for text in texts if text] == expected  # one line: crfsuite


def test_a_trained_model_tags_as_crfsuite_does(tmp_path):
    path = _tiny_model(tmp_path)
    tagger = CRFTagger(path)
    assert tagger.labels[0] != "O"
    texts = _texts() + ["张伟去了北京。", "ＡＢＣ公司在𠀀开业"]
    assert _by_arrays(tagger, texts) == [_crfsuite_tags(path, text) for text in texts if text]
    assert tagger.spans("王芳去了北京。")[-1] == (4, 6, "LOC")


def test_a_batch_takes_the_cheaper_decoder():
    tagger = CRFTagger()
    calls = []
    tagger._by_crfsuite = lambda lines: calls.append("crfsuite") or [["O"] * len(x) for x in lines]
    tagger._by_arrays = lambda lines, lengths: calls.append("arrays") or [None] * len(lines)
    tagger._decode(["王小明在上海工作。"])
    tagger._decode(["王小明在上海工作。", "李强"])
    tagger._decode(["王小明在上海工作。"] * 5)  # 45 characters: 3 * 9 + 60 or fewer
    tagger._decode(["王小明在上海工作。"] * 20)  # 180 characters
    assert calls == ["crfsuite", "crfsuite", "crfsuite", "arrays"]


def test_lines_tagged_together_or_alone_agree():
    tagger = CRFTagger()
    texts = _texts()
    together = tagger.spans_many(texts)
    alone = [CRFTagger().spans(text) for text in texts]
    assert together == alone
    assert any(together)


def test_the_line_cache_is_bounded():
    tagger = CRFTagger()
    tagger.CACHE_LINES = 5
    texts = [f"王小明第{i}次在上海工作。" for i in range(12)]
    first = tagger.spans_many(texts)
    assert len(tagger._cache) == 5
    assert tagger.spans_many(texts) == first


def test_read_crfsuite_matches_the_library(tmp_path):
    path = _tiny_model(tmp_path)
    weights = read_crfsuite(path)
    info = pycrfsuite.Tagger()
    info.open(str(path))
    assert list(weights.labels) == info.labels()
    dump = info.info()
    assert len(weights.attributes) == len(dump.attributes)
    for (source, target), weight in dump.transitions.items():
        i, j = weights.labels.index(source), weights.labels.index(target)
        assert weights.transitions[i, j] == pytest.approx(weight, abs=1e-6)
    for (attribute, label), weight in itertools.islice(dump.state_features.items(), 200):
        a, j = weights.attributes.index(attribute), weights.labels.index(label)
        assert weights.states[a, j] == pytest.approx(weight, abs=1e-6)


def test_read_crfsuite_rejects_other_files(tmp_path):
    path = tmp_path / "not-a-model.crfsuite"
    path.write_bytes(b"PK\x03\x04" + bytes(60))
    with pytest.raises(ValueError, match="not a first-order CRFsuite model"):
        read_crfsuite(path)
    path.write_bytes(b"lCRF")
    with pytest.raises(ValueError, match="too short"):
        read_crfsuite(path)


def test_scorer_rejects_attributes_it_does_not_make():
    with pytest.raises(ValueError, match="'word=北京' is not a newsie character feature"):
        StateScorer(["c北", "word=北京"], np.zeros((2, 3)))


def test_lone_surrogates_are_tagged_not_fatal():
    text = "张伟\udcff去了北京。"
    assert len(load_tagger().tag(text)) == len(text)


def _best_path(scores: np.ndarray, transitions: np.ndarray) -> list[int]:
    """Every path scored; the first best in label order (CRFsuite's tie rule)."""
    paths = itertools.product(range(scores.shape[1]), repeat=len(scores))

    def total(path):
        return scores[0, path[0]] + sum(
            transitions[path[t - 1], path[t]] + scores[t, path[t]] for t in range(1, len(path))
        )

    return list(max(paths, key=total))


@pytest.mark.parametrize("seed", range(30))
def test_viterbi_finds_each_sequence_s_best_path(seed):
    rng = np.random.default_rng(seed)
    labels, count = int(rng.integers(1, 4)), int(rng.integers(1, 5))
    lengths = rng.integers(1, 6, size=count)
    scores = rng.normal(size=(int(lengths.sum()), labels))
    transitions = rng.normal(size=(labels, labels))
    best = viterbi(scores, lengths, transitions)
    start = 0
    for length in lengths:
        expected = _best_path(scores[start : start + length], transitions)
        assert best[start : start + length].tolist() == expected
        start += length


def test_viterbi_ties_go_to_the_lower_label():
    assert viterbi(np.zeros((3, 2)), np.array([3]), np.zeros((2, 2))).tolist() == [0, 0, 0]
    assert viterbi(np.zeros((4, 2)), np.array([1, 3]), np.zeros((2, 2))).tolist() == [0] * 4


def test_viterbi_takes_empty_sequences_and_inputs():
    scores = np.array([[0.0, 1.0], [2.0, 0.0]])
    assert viterbi(scores, np.array([0, 1, 0, 1, 0]), np.zeros((2, 2))).tolist() == [1, 0]
    assert viterbi(np.zeros((0, 2)), np.array([], dtype=int), np.zeros((2, 2))).tolist() == []
