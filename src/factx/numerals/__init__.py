"""Numeral reading: digits (`digits`), number words (`words`), and the scanner (`scan`)."""

from .scan import FoundNumeral, find_numerals, scan
from .words import Numeral

__all__ = ["find_numerals", "FoundNumeral", "Numeral", "scan"]
