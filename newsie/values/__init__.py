"""Numbers, money, quantities and percentages in Chinese text."""

from newsie.values.numbers import parse_number
from newsie.values.extract import ValueMatch, find_values

__all__ = ["ValueMatch", "find_values", "parse_number"]
