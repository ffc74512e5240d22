"""Parse Arabic, full-width and Chinese numerals, with 万/亿 multipliers."""

from __future__ import annotations

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3,
    "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)


def _chinese_below_10000(text: str) -> float:
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            total += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
        else:
            raise ValueError(char)
    return total + (digit or 0)


def _chinese(text: str) -> float:
    if all(char in _DIGITS for char in text) and len(text) > 1:  # 二〇二五: digit by digit
        return float("".join(str(_DIGITS[char]) for char in text))
    total, section = 0.0, ""
    for char in text:
        if char in _BIG_UNITS:
            value = _chinese_below_10000(section) if section else 1
            multiplier = _BIG_UNITS[char]
            if multiplier == 10_000 and total and total % 100_000_000:
                total = total * 10_000 + value * 10_000  # e.g. 一万万 is rare; keep simple
            else:
                total += value * multiplier
            section = ""
        else:
            section += char
    if section:
        total += _chinese_below_10000(section)
    return total


def parse_number(text: str) -> float | None:
    """The value of a numeral: '26万' -> 260000, '1.5亿' -> 150000000, '三百' -> 300.

    Mixed forms (Arabic digits followed by 万/亿 or 千) are supported; returns None for
    anything that is not a number.
    """
    text = text.translate(_FULLWIDTH).replace(",", "").replace(" ", "")
    if not text:
        return None
    multiplier = 1.0
    while text and text[-1] in _BIG_UNITS and text[:-1]:
        prefix = text[:-1]
        if any(char.isdigit() for char in prefix) or prefix[-1] in _BIG_UNITS:
            multiplier *= _BIG_UNITS[text[-1]]
            text = prefix
        else:
            break
    if text and text[-1] in "千百" and any(char.isdigit() for char in text[:-1]):
        multiplier *= _SMALL_UNITS[text[-1]]
        text = text[:-1]
    try:
        return float(text) * multiplier
    except ValueError:
        pass
    try:
        return _chinese(text) * multiplier
    except (ValueError, KeyError):
        return None


#: Vague numerals: a lower bound or an estimate, never an exact count (数十人 is at least ten).
_VAGUE_HEADS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}


def parse_vague(text: str) -> float | None:
    """The lower bound of a vague numeral: 数十 -> 10, 上百 -> 100, 近千 -> 1000 (an
    estimate), 数十万 -> 100000; None for anything else."""
    text = text.replace(" ", "")
    if len(text) < 2 or text[0] not in "数几上近" or text[1] not in _VAGUE_HEADS:
        return None
    value = float(_VAGUE_HEADS[text[1]])
    for char in text[2:]:
        if char not in _BIG_UNITS:
            return None
        value *= _BIG_UNITS[char]
    return value
