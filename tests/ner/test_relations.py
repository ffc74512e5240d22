"""A relation or title the model runs into a dotted name is not part of the name."""

from __future__ import annotations

import pytest

import newsie


@pytest.fixture(scope="module")
def nlp():
    return newsie.load()


@pytest.mark.parametrize(
    ("text", "person", "absent"),
    [
        ("他涉嫌谋杀其37岁的妻子梅·哈斯克尔。", "梅·哈斯克尔", "妻子梅·哈斯克尔"),
        ("据报道，约翰·史密斯昨天抵达。", "约翰·史密斯", None),
        # a name that merely starts like a relation word keeps its start
        ("联合国秘书长科菲·安南希望会议成功。", "科菲·安南", "科菲·安南希"),
    ],
)
def test_dotted_name_without_relation(nlp, text, person, absent):
    names = {e.text for e in nlp(text).entities if e.label == "PERSON"}
    assert person in names
    assert absent not in names
