"""Reading numbers written in digits (SPEC §4.1).

The text is already normalised: every digit is ASCII, every no-break space a
space. What is left is the separator conventions:

* ``٫`` is always a decimal point, ``٬`` a thousands separator before groups of
  three digits (``٣٬٥٠٠``) and else, as keyboards put the two side by side, the
  decimal point it was typed for (``٣٬٥ مليار`` is 3.5 billion);
* ``,`` ``،`` ``.`` and a space separate thousands when every group after them
  has exactly three digits and the first has at most three and is not a lone 0
  (``350،000``, ``25.000``, ``25 000``, ``1,250,000``; ``0.002`` is a decimal); a ``.`` does so only when no
  multiplier word follows (``3.600 مليون`` is 3.6 million);
* otherwise ``.`` and ``,`` are decimal points (``3.6``, ``3,6``) and ``،`` is the
  Arabic comma that ends a clause (``12 مدنياً،``).

The candidate regex has no nested ambiguity (every repetition starts with a
mandatory separator), so it runs in linear time on any input; how much of the
candidate is a number is decided in plain Python.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

import regex

#: longest digit-and-separator run that could be one number
#: (at most 12 separated groups: a longer run of "1,1,1,…" is several numbers, and
#: re-reading it whole at every numeral would make the scan quadratic)
CANDIDATE_RE = regex.compile(r"[0-9]+(?:[.,،٬٫ ][0-9]+){0,12}")
_SEPARATOR_RE = re.compile(r"([.,،٬٫ ])")
MAX_DIGITS = 30   # longer digit strings are still reported, but not converted


class DigitRead(NamedTuple):
    value: Fraction | None  # None: too long to be a meaningful quantity
    end: int                # normalised offset one past the last character read
    grouped: bool           # thousands separators were used
    decimal: bool           # a decimal point was used
    ndigits: int            # digits before any separator (a year has 4 and no separator)


def _to_fraction(int_part: str, frac_part: str = "") -> Fraction | None:
    if len(int_part) + len(frac_part) > MAX_DIGITS:
        return None
    if not frac_part:
        return int(int_part)                         # an int where exact: ints compute faster than Fractions
    return Fraction(int(int_part + frac_part), 10 ** len(frac_part))


def read_digits(norm: str, pos: int, multiplier_follows=None) -> DigitRead:
    """Read the number whose first digit is at `pos`.

    `multiplier_follows(end)` tells whether a multiplier word (ألف، مليون …)
    follows a candidate ending at `end`; it decides the ``.`` convention.
    """
    m = CANDIDATE_RE.match(norm, pos)
    s = m.group()
    if s.isdigit():                                  # no separator: most numbers
        return DigitRead(_to_fraction(s), pos + len(s), False, False, len(s))
    parts = _SEPARATOR_RE.split(s)                   # digits, sep, digits, sep, …
    groups, seps = parts[0::2], parts[1::2]
    first = groups[0]
    end = pos + len(first)
    if not seps:
        return DigitRead(_to_fraction(first), end, False, False, len(first))

    sep = seps[0]
    if sep == "٫":
        return DigitRead(_to_fraction(first, groups[1]), end + 1 + len(groups[1]), False, True, len(first))

    # thousands grouping with one separator kind
    k = 0
    if len(first) <= 3 and sep in ",،٬. " and (first != "0" or sep == "٬"):   # 0.002: a decimal
        while k < len(seps) and seps[k] == sep and len(groups[k + 1]) == 3:
            k += 1
        if sep == " " and k < len(seps) and seps[k] == " ":
            k = 0                                   # "1 234 5": not a clean space grouping
    if k and sep == "." and multiplier_follows is not None:
        if multiplier_follows(pos + sum(len(g) + 1 for g in groups[:k + 1]) - 1):
            k = 0                                   # 3.600 مليون: a decimal point
    if k:
        int_part = "".join(groups[:k + 1])
        end = pos + sum(len(g) for g in groups[:k + 1]) + k
        frac = ""
        # a decimal part after the groups, with the other convention (1,250.5 / 1.250,5 / 12،220,13)
        if k < len(seps) and seps[k] in ".,٫" and seps[k] != sep:
            frac = groups[k + 1]
            end += 1 + len(frac)
        return DigitRead(_to_fraction(int_part, frac), end, True, bool(frac), len(first))

    if sep in ".,٬":                                 # ٬ before no group of three: ٣٬٥ مليار is 3.5
        return DigitRead(_to_fraction(first, groups[1]), end + 1 + len(groups[1]), False, True, len(first))
    return DigitRead(_to_fraction(first), end, False, False, len(first))
