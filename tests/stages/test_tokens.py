from newsie.document import Document
from newsie.stages.sentences import SentenceSplitter
from newsie.stages.tokens import Tokenizer


def test_tokens_cover_text_without_whitespace():
    text = "商汤科技宣布向受灾地区捐赠300万港元。 Hello World"
    doc = Tokenizer()(SentenceSplitter()(Document(text=text)))
    assert doc.tokens
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)
    assert all(not t.text.isspace() for t in doc.tokens)
    assert "".join(t.text for t in doc.tokens) == text.replace(" ", "")
    assert "捐赠" in [t.text for t in doc.tokens]


def test_astral_characters_keep_offsets():
    text = "😀你好𠮷世界。"
    doc = Tokenizer()(SentenceSplitter()(Document(text=text)))
    assert [text[t.start : t.end] for t in doc.tokens] == [t.text for t in doc.tokens]
