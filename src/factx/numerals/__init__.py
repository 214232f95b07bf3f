"""Numeral reading: digits, number words, and the anchors where a number can start."""

from .scan import FoundNumeral, read_document, read_numerals, scan
from .words import Numeral

__all__ = ["FoundNumeral", "Numeral", "read_document", "read_numerals", "scan"]
