"""Find money, quantities, counts and percentages in running text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from newsie.resources import corpora_path
from newsie.values.numbers import CHINESE_NUMERAL_CHARS, parse_number, parse_vague

_TIME_UNITS = "年月日号时点分秒周天"
#: Units that count people: a single numeral with one is a count (一名, 三人).
_PEOPLE = frozenset({"名", "人", "位"})
#: Words before a value that make it an estimate (约300万元, 近千人, 超过50%).
_ABOUT = ("约", "近", "逾", "超", "超过", "大约", "将近", "约为")


class ValueMatch(NamedTuple):
    """A value found in text: offsets, label (MONEY/QUANTITY/COUNT/PERCENT) and meaning."""

    start: int
    end: int
    label: str
    value: float
    unit: str | None
    currency: str | None
    approximate: bool = False


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    with open(corpora_path("lexicons", name), encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


#: Currency words written before an amount in 元 (人民币5万元, 港币300元).
_WORD_PREFIXES = ("人民币", "港币", "新台币")
_YUAN = ("元", "圆")


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _grammar():
    currencies = dict(_read_tsv("currencies.tsv"))
    prefixes = dict(_read_tsv("currency_prefixes.tsv"))
    units = dict(_read_tsv("units.tsv"))
    number = (
        r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d{1,10})?|\d{1,20}(?:\.\d{1,10})?)(?: ?[千百]?[万亿]{1,2}|[千百](?=[万亿]))?"
        r"|[数几上近][十百千万][万亿]?"  # vague: a lower bound (数十人, 上百家, 数十万元)
        r"|[" + CHINESE_NUMERAL_CHARS + r"]{1,20}"
    )
    # every value starts with a digit, a numeral, 百 (百分之) or a currency prefix: the
    # pattern is tried only where one of those characters is (see _finditer)
    first = set(CHINESE_NUMERAL_CHARS) | set("百数几上近") | {prefix[0] for prefix in prefixes}
    starts = r"[\d" + "".join(re.escape(c) for c in sorted(first)) + "]"
    pattern = re.compile(
        r"(?<![A-Za-z0-9._\-/])"
        r"(?:(?P<prefix>" + _alternation(prefixes) + r")\s?(?P<pnum>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,20})(?:\.\d{1,10})?[万亿]{0,2}))"
        r"|(?:百分之(?P<pct_cn>[" + CHINESE_NUMERAL_CHARS + r"\d.]{1,12}))"
        r"|(?:(?P<num>" + number + r")(?P<approx>多|余)?\s?"
        r"(?:(?P<pct>%|％)"
        r"|(?P<currency>" + _alternation(currencies) + r")"
        r"|(?P<unit>" + _alternation(units) + r")"
        r"|(?P<bare>(?<=[万亿])))"
        r")"
    )
    return re.compile(starts), pattern, currencies, prefixes, units


def _finditer(text: str, starts: re.Pattern, pattern: re.Pattern) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, tried only where a value can start (a digit, a numeral,
    a currency prefix's first character): the search for those runs in C, and the
    whole pattern, tried at every position, took half as long again."""
    search, match = starts.search, pattern.match
    position = 0
    while (candidate := search(text, position)) is not None:
        found = match(text, candidate.start())
        if found is None:
            position = candidate.start() + 1
        else:
            yield found
            position = found.end()  # values are never empty: no zero-width step


def find_values(text: str) -> list[ValueMatch]:
    """All values in ``text`` in order; numbers that belong to dates or model names are skipped."""
    starts, pattern, currencies, prefixes, units = _grammar()
    out: list[ValueMatch] = []
    for match in _finditer(text, starts, pattern):
        start, end = match.span()
        if match["prefix"]:
            value = parse_number(match["pnum"])
            if value is not None:
                if text.startswith(_YUAN, end) and match["prefix"] in _WORD_PREFIXES:
                    end += 1  # 人民币5万元: the amount as written, with its 元
                out.append(ValueMatch(start, end, "MONEY", value, None, prefixes[match["prefix"]]))
            continue
        if match["pct_cn"]:
            value = parse_number(match["pct_cn"])
            if value is not None:
                out.append(ValueMatch(start, end, "PERCENT", value, "%", None))
            continue
        raw = match["num"]
        if raw is None:
            continue
        if all(char in CHINESE_NUMERAL_CHARS for char in raw) and len(raw) == 1 and not (
            match["currency"] or match["pct"] or match["unit"] in _PEOPLE
        ):
            continue  # 一个, 三家: too ambiguous alone (一些, 一家人); 一名, 三人 count people
        vague = parse_vague(raw)
        value = vague if vague is not None else parse_number(raw.replace(" ", ""))  # 104.13 亿元
        if value is None:
            continue
        approximate = (
            vague is not None or bool(match["approx"]) or text[max(0, start - 2) : start].endswith(_ABOUT)
        )
        following = text[end : end + 1]
        if match["pct"]:
            out.append(ValueMatch(start, end, "PERCENT", value, "%", None, approximate))
        elif match["currency"]:
            currency = currencies[match["currency"]]
            word = next(
                (w for w in _WORD_PREFIXES if start >= len(w) and text.startswith(w, start - len(w))),
                None,
            )
            if word is not None and match["currency"] in _YUAN and (
                not out or out[-1].end <= start - len(word)
            ):
                start -= len(word)  # 新台币1200元: the currency word belongs to it, and says which
                currency = currencies.get(word, currency)
            out.append(ValueMatch(start, end, "MONEY", value, None, currency, approximate))
        elif match["unit"]:
            unit = match["unit"]
            if following and following in _TIME_UNITS and unit in ("个", "多"):
                continue  # 三个月: a duration, the time stage's business
            out.append(ValueMatch(start, end, units[unit], value, unit, None, approximate))
        elif match["bare"] is not None and following not in _TIME_UNITS:
            out.append(ValueMatch(start, end, "COUNT", value, None, None, approximate))
    return out
