"""Nominal mentions: common-noun people and authorities that fill roles like names do.

News often names no one: 一名男子被刑拘, 警方抓获3名嫌疑人, 特斯拉副总裁离职.  These
phrases are offered to roles that accept PERSON or ORG, after the named entities (a
named filler at the same distance wins).
"""

from __future__ import annotations

from functools import lru_cache

import regex

PERSON_HEADS = (
    "犯罪嫌疑人", "嫌疑人", "嫌犯", "疑犯", "逃犯", "犯罪分子", "男子", "女子", "男孩", "女孩",
    "男童", "女童", "男婴", "女婴", "少年", "少女", "老人", "老太", "大爷", "大妈", "小伙",
    "姑娘", "女士", "学生", "大学生", "研究生", "司机", "乘客", "游客", "网友", "民警",
    "医生", "护士", "教师", "老师", "工人", "员工", "职工", "高管", "球员", "选手", "棋手", "玩家", "运动员", "演员",
    "歌手", "明星", "主播", "艺人", "夫妻", "夫妇", "夫妻俩", "母亲", "父亲", "妻子", "丈夫",
    "孩子", "儿子", "女儿", "村民", "居民", "市民", "患者", "孕妇", "买家", "卖家", "业主",
    "股东", "投资者", "官员", "车主", "骑手", "快递员", "外卖员", "保安", "店主", "老板",
    "工程师", "警察", "士兵", "平民", "记者", "消防员", "矿工", "船员", "渔民", "儿童", "行人",
    "武装分子", "枪手", "袭击者", "示威者", "抗议者",
)
ORG_HEADS = (
    "公安机关", "公安局", "派出所", "警方", "交警", "法院", "检察院", "检方", "监管部门",
    "市场监管局", "官方", "当局", "政府", "俱乐部", "球队", "学校", "医院", "工厂",
)
# words that make a team or a branch of a named country / organisation: 法国队, 中国女排
TEAM_SUFFIXES = (
    "国家队", "国奥队", "男篮", "女篮", "男足", "女足", "女排", "男排", "战队", "代表队", "队",
)
# Digit and numeral runs are possessive and must start a run ((?<!\d)): with plain
# ``\d+`` here and ``\d+岁`` in _MODIFIER, a long run of digits backtracked cubically
# (a digit run is split between the quantifier and the modifier in every way).  The
# spans found are the same: a match can only start where the run starts, and a split
# run (2|5岁男子) is the same span as the modifier alone (25岁男子).
_QUANTIFIER = (
    r"(?:该|这名|这位|此|其|一名|一位|一个|一对|两名|两位|多名|数名|几名|一所|一家|一座|一处|"
    r"(?<!\d)\d++(?:名|位|个)?|(?<![一二三四五六七八九十百千])[一二三四五六七八九十百千]++名|"
    r"上千|上百|数百|数千)"
)


# an age or a short description in front of the head: 25岁男子, 违法男子, 涉案嫌疑人
_MODIFIER = r"(?:(?<!\d)\d++岁半?|(?<![一二三四五六七八九十])[一二三四五六七八九十]++岁|违法|涉案|涉嫌|肇事|醉驾|酒驾|犯罪|年轻|外籍|不明|蒙面|持枪|持刀|女|男)"


_HEADS = sorted(PERSON_HEADS + ORG_HEADS, key=len, reverse=True)
# How far before a head its quantifier and modifier may start (一名25岁男子: 5), and
# how far past the start of a found head the head of the match may end (女孩 -> 女孩子).
_PREFIX_WINDOW = 24
_HEAD_REACH = max(map(len, _HEADS))


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    alternation = "|".join(regex.escape(h) for h in _HEADS)
    return regex.compile(rf"(?:{_QUANTIFIER})?(?:{_MODIFIER})?(?:{alternation})")


@lru_cache(maxsize=1)
def _heads() -> regex.Pattern:
    return regex.compile("|".join(regex.escape(h) for h in _HEADS))


def find_nominals(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of nominal person ('PERSON') and authority ('ORG') mentions.

    Every mention ends in a head word, so the heads are found first (a fast literal
    search) and the whole pattern is tried only in a short window around each."""
    out = []
    pattern = _pattern()
    position = 0
    for head in _heads().finditer(text):
        if head.start() < position:  # inside the previous mention
            continue
        start = max(position, head.start() - _PREFIX_WINDOW)
        # a run of digits or numerals (12345名, 二十岁) counts whole: walk back to its start
        # (never before the previous mention, so each character is walked over once)
        while start > position and text[start - 1] in _NUMERALS and text[start] in _NUMERALS:
            start -= 1
        match = pattern.search(text, start, min(len(text), head.start() + 2 * _HEAD_REACH))
        if match is None:  # pragma: no cover - the head alone always matches
            continue
        position = match.end()
        phrase = match.group()
        label = "ORG" if phrase.endswith(_ORG_HEADS) else "PERSON"
        out.append((match.start(), match.end(), label))
    return out


_ORG_HEADS = tuple(ORG_HEADS)
_NUMERALS = frozenset("0123456789一二三四五六七八九十百千")
