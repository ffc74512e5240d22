"""The words a role pattern cannot match without (newsie.events.prefilter)."""

from __future__ import annotations

import pytest
import regex

from newsie.events.ontology import examples
from newsie.events.prefilter import required_words
from newsie.events.template import get_template, registered_templates


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # the trigger-like group at the end is required; the optional one before is not
        (r"(?:宣布|宣告)?(?P<policy>[^，。]{2,30}?(?:计划|方案))(?:正式)?(?:启动|开跑)", ("启动", "开跑")),
        # of two required groups, the one whose shortest word is longest
        (r"(?:造成|致)(?P<deaths>\d+)(?:人|名)(?:死亡|遇难)", ("死亡", "遇难")),
        (r"(?P<x>\d+)(?:人|名)+受伤", ("人", "名")),  # + still needs one
        (r"(?P<x>\d+)(?:人|名){1,2}", ("人", "名")),
        # none is plain to see
        (r"(?P<x>\d+)(?:人|名)*受伤", None),  # * and {0,…} make it optional
        (r"(?P<x>\d+)(?:人|名){0,2}受伤", None),
        (r"(?P<x>\d+)人死亡|(?:火灾|爆炸)", None),  # a top-level alternation
        (r"(?P<x>\d+)(?=(?:人|名))", None),  # inside a lookahead: not at the top level
        (r"(?P<x>\w+)(?:[人名]|伤者)", None),  # a class is no plain word
        (r"(?i)(?P<x>\w+)(?:CEO|cfo)", None),  # case-insensitive: the word may be written otherwise
        (r"(?P<x>[(|)]+)(?:开业|开张)", ("开业", "开张")),  # brackets inside a class are skipped
        (r"(?P<x>\(\w+\))(?:开业|开张)", ("开业", "开张")),  # so are escaped ones
    ],
)
def test_required_words(pattern, expected):
    assert required_words(pattern) == expected


def _role_patterns():
    for name in sorted(registered_templates()):
        template = get_template(name)
        for role_name, role in template.roles.items():
            for pattern in (*role.patterns, *role.fallback):
                words = required_words(pattern)
                if words is not None:
                    yield name, role_name, pattern, words


def test_most_role_patterns_have_required_words():
    total = sum(
        len(role.patterns) + len(role.fallback)
        for name in registered_templates()
        for role in get_template(name).roles.values()
    )
    assert sum(1 for _ in _role_patterns()) > total // 2


def test_every_match_holds_one_of_its_required_words():
    """Over all example sentences and near misses: a match of a built-in role pattern
    always holds a word :func:`required_words` gave for it (so skipping the pattern where
    none is present loses no match)."""
    texts = [t for proof in examples().values() for t in (proof["example"], proof["near_miss"])]
    checked = 0
    for name, role_name, pattern, words in _role_patterns():
        compiled = regex.compile(pattern)
        for text in texts:
            for match in compiled.finditer(text):
                checked += 1
                assert any(word in match.group() for word in words), (name, role_name, pattern, text)
    assert checked > 50
