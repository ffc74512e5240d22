"""TokenLayer: the words a segmenter writes read, compare, pickle and serialise like a
list of Token."""

import copy
import pickle

import pytest

from newsie.document import Document, Token
from newsie.stages.sentences import SentenceSplitter
from newsie.stages.tokens import Tokenizer
from newsie.token_layer import TokenLayer, token_bounds

TEXT = "远望科技向宁波市慈善总会捐赠300万港元。😀星辰电子发布新显卡"
BOUNDS = [(0, 4), (4, 5), (5, 8), (8, 12), (12, 14), (14, 17), (17, 20), (20, 21), (21, 22)]


def layer() -> TokenLayer:
    return TokenLayer(TEXT, [s for s, _ in BOUNDS], [e for _, e in BOUNDS])


def as_list() -> list[Token]:
    return [Token(start=s, end=e, text=TEXT[s:e], label="W") for s, e in BOUNDS]


def test_reads_like_a_list_of_tokens():
    words, expected = layer(), as_list()
    assert len(words) == len(expected) == 9
    assert words == expected and expected == words
    assert list(words) == expected
    assert words[0].text == "远望科技" and words[-1].text == "😀"
    assert words[2:4] == expected[2:4]
    assert expected[3] in words
    assert words.index(expected[5]) == 5
    assert [TEXT[t.start : t.end] for t in words] == [t.text for t in words]
    with pytest.raises(IndexError):
        words[9]


def test_tokens_are_made_once():
    words = layer()
    assert words[0] is words[0]
    assert next(iter(words)) is words[0]


def test_comparisons():
    assert layer() == layer()
    assert layer() != TokenLayer(TEXT, [0], [4])
    assert layer() != TokenLayer(TEXT, [s for s, _ in BOUNDS], [e for _, e in BOUNDS], "NN")
    other = "X" + TEXT[1:]  # same offsets over another text: the first word differs
    assert layer() != TokenLayer(other, [s for s, _ in BOUNDS], [e for _, e in BOUNDS])
    assert layer() != as_list()[:-1]
    assert layer() != "远望科技"
    assert layer() != [t.model_dump() for t in as_list()]  # dicts are no Tokens
    assert TokenLayer("", [], []) == [] and not TokenLayer("", [], [])
    with pytest.raises(TypeError):
        hash(layer())


@pytest.mark.parametrize(
    ("starts", "ends"),
    [([0, 4], [4]), ([-1], [2]), ([3], [2]), ([0], [len(TEXT) + 1])],
    ids=["lengths", "negative", "reversed", "past-the-end"],
)
def test_bad_offsets_are_refused(starts, ends):
    with pytest.raises(ValueError):
        TokenLayer(TEXT, starts, ends)


def test_offsets_are_read_only_and_do_not_make_tokens():
    words = layer()
    assert list(words.starts) == [s for s, _ in BOUNDS]
    assert list(words.ends) == [e for _, e in BOUNDS]
    with pytest.raises(TypeError):
        words.starts[0] = 3
    assert token_bounds(words) == token_bounds(as_list()) == {0, 4, 5, 8, 12, 14, 17, 20, 21, 22}
    assert words._items is None  # neither read the Token objects


def test_pickle_and_copy_keep_the_columns():
    words = layer()
    for back in (pickle.loads(pickle.dumps(words)), copy.deepcopy(words), copy.copy(words)):
        assert isinstance(back, TokenLayer) and back == words
    assert pickle.loads(pickle.dumps(words))._items is None


def test_document_serialises_a_layer_as_the_list_it_stands_for():
    with_layer = Document(text=TEXT, tokens=layer())
    with_list = Document(text=TEXT, tokens=as_list())
    assert isinstance(with_layer.tokens, TokenLayer)  # validation keeps the layer
    assert with_layer == with_list
    assert with_layer.model_dump() == with_list.model_dump()
    assert with_layer.model_dump_json() == with_list.model_dump_json()
    back = Document.model_validate_json(with_layer.model_dump_json())
    assert back.tokens == as_list()
    from_dicts = Document(text=TEXT, tokens=[t.model_dump() for t in as_list()])
    assert from_dicts.tokens == as_list()


def test_document_pickles_its_layer_and_the_text_once():
    doc = Tokenizer()(SentenceSplitter()(Document(text=TEXT * 200)))
    assert isinstance(doc.tokens, TokenLayer)
    payload = pickle.dumps(doc)
    back = pickle.loads(payload)
    assert back == doc and isinstance(back.tokens, TokenLayer)
    assert back.tokens._text is back.text  # one string, shared
    without = doc.model_copy(update={"tokens": []})
    # two 8-byte offsets a word, and no second copy of the text
    assert len(payload) - len(pickle.dumps(without)) < 16 * len(doc.tokens) + 200


def test_repr_shows_the_first_words():
    assert repr(layer()) == (
        "TokenLayer(9 words: '远望科技', '向', '宁波市', '慈善总会', '捐赠', '300', '万港元', '。', ...)"
    )
