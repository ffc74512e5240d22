"""Chinese and Arabic numerals to integers."""

from __future__ import annotations

from .rules import load

_lex = load("lexicon")["numerals"]
DIGITS: dict[str, int] = dict(_lex["digits"])
UNITS: dict[str, int] = dict(_lex["units"])
TENS: dict[str, int] = dict(_lex["tens"])
CN_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(TENS)


def to_int(text: str) -> int | None:
    """Parse ``28``, ``二十八``, ``廿八``, ``十一``, ``一百二十``, ``二〇二五`` (digit by digit).

    Returns None when the text is not a number.
    """
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    if all(c in DIGITS for c in text):
        if len(text) == 1:
            return DIGITS[text]
        return int("".join(str(DIGITS[c]) for c in text))
    total = section = 0
    digit = None
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in TENS:
            section += TENS[c]
            digit = None
        elif c in UNITS:
            unit = UNITS[c]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        elif c.isdigit() and c.isascii():
            digit = (digit or 0) * 10 + int(c)
        else:
            return None
    return total + section + (digit or 0)


def to_number(text: str) -> float | None:
    """Like :func:`to_int` but accepts decimals (``1.5``) and ``半`` (0.5)."""
    if text == "半":
        return 0.5
    if "." in text:
        try:
            return float(text)
        except ValueError:
            return None
    value = to_int(text)
    return None if value is None else float(value)
