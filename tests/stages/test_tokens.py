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


def test_the_project_lexicon_keeps_trigger_words_whole():
    """corpora/lexicons/words.txt: words jieba's dictionary lacks stay one word (被|性侵|致,
    not 被性|侵致), in Traditional text too."""
    for text, word in (("河北13岁女孩被性侵致怀孕引产", "性侵"), ("張翔續任港大校長", "續任")):
        doc = Tokenizer()(SentenceSplitter()(Document(text=text)))
        assert word in [t.text for t in doc.tokens]
