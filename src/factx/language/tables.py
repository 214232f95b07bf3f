"""Reading and validating the language tables of `data/` (TOML).

Every table is declared here with the shape it must have: which keys it may
hold, the type of each value, and the closed lists some values come from
(fact kinds, unit kinds, genders, grammatical numbers). A table that breaks
its declaration raises `LanguageDataError` naming the file, the table and the
key — a misspelt key or a new qualifier category is an error at load time,
never a silent wrong reading. Arabic entries are also checked to be able to
match: a word must normalise to one word token, exactly as the tokenizer
would cut running text.

The declarations are small combinators (`Word`, `Phrase`, `Int`, `OneOf`,
`ListOf`, `MapOf`, `Record`), in the spirit of dateparser's validated
language data.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from collections.abc import Callable
from typing import Any

from ..text.normalize import normalize_word
from ..text.tokens import LATIN, WORD, tokenize

#: where the package's own tables are; FACTX_DATA_DIR points elsewhere (to try edits)
PACKAGE_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


class LanguageDataError(ValueError):
    """A language table breaks its declaration. The message names file, table and key."""


class Where(tuple):
    """Where a value sits: the file, then the tables and keys on the way to it."""

    __slots__ = ()

    def __truediv__(self, key) -> "Where":
        return Where((*self, key))

    def error(self, problem: str) -> LanguageDataError:
        file, *path = self
        if not path:
            return LanguageDataError(f"{file}: {problem}")
        table = "[" + ".".join(str(p) for p in path[:-1]) + "] " if len(path) > 1 else ""
        return LanguageDataError(f"{file}: {table}{path[-1]!r}: {problem}")


Check = Callable[[Any, Where], None]


def _type(value, types, name: str, where: Where) -> None:
    """`value` is of `types` (a bool is not taken for an integer)."""
    if not isinstance(value, types) or (isinstance(value, bool) and types is not bool):
        raise where.error(f"expected {name}, got {type(value).__name__} {value!r}")


def Str() -> Check:
    def check(value, where):
        _type(value, str, "a string", where)
        if not value.strip():
            raise where.error("is empty")
    return check


@lru_cache(maxsize=None)
def tokens_of(s: str):
    """The tokens of an entry as running text would give them (cached: the loader
    checks an entry and then keys it)."""
    return tuple(tokenize(normalize_word(s)))


_tokens = tokens_of


def _one_token(kind: str, what: str) -> Check:
    """An entry that normalises to exactly one token of `kind` (else it could never match)."""
    def check(value, where):
        Str()(value, where)
        toks = _tokens(value)
        if len(toks) != 1 or toks[0].kind != kind:
            raise where.error(f"{value!r} is not {what} after normalisation "
                              f"(it reads as {[t.text for t in toks]}): it could never match")
    return check


def Word() -> Check:
    """One Arabic word: it normalises to exactly one word token."""
    return _one_token(WORD, "one Arabic word")


def Latin() -> Check:
    """Latin letters written as one token (k، M، bn)."""
    return _one_token(LATIN, "one run of Latin letters")


def Phrase() -> Check:
    """Words, symbols or codes as written: at least one token after normalisation."""
    def check(value, where):
        Str()(value, where)
        if not _tokens(value):
            raise where.error(f"{value!r} holds nothing that can match after normalisation")
    return check


def Int(low: int | None = None, high: int | None = None, step: int = 1) -> Check:
    """An integer in low..high, a multiple of `step` (tens: 20, 30 … 90)."""
    def check(value, where):
        _type(value, int, "an integer", where)
        if (low is not None and value < low) or (high is not None and value > high) or value % step:
            raise where.error(f"{value} is not {'a multiple of ' + str(step) + ' ' if step > 1 else ''}"
                              f"in {low}..{high}")
    return check


def Bool() -> Check:
    def check(value, where):
        if not isinstance(value, bool):
            raise where.error(f"expected true or false, got {value!r}")
    return check


def OneOf(*choices: str) -> Check:
    """A value from a closed list."""
    def check(value, where):
        if value not in choices:
            raise where.error(f"{value!r} is not one of {', '.join(map(repr, choices))}")
    return check


def Ratio() -> Check:
    """A fraction as [numerator, denominator], both positive."""
    def check(value, where):
        if not (isinstance(value, list) and len(value) == 2
                and all(isinstance(x, int) and not isinstance(x, bool) and x > 0 for x in value)):
            raise where.error(f"expected [numerator, denominator] of positive integers, got {value!r}")
    return check


def Bounds() -> Check:
    """[low, high] integers with low < high."""
    def check(value, where):
        if not (isinstance(value, list) and len(value) == 2 and all(isinstance(x, int) for x in value)
                and value[0] < value[1]):
            raise where.error(f"expected [low, high] integers with low < high, got {value!r}")
    return check


def ListOf(item: Check, unique: bool = True) -> Check:
    def check(value, where):
        _type(value, list, "a list", where)
        seen = set()
        for n, x in enumerate(value):
            item(x, where / n)
            if unique and isinstance(x, str):
                key = normalize_word(x)
                if key in seen:
                    raise (where / n).error(f"{x!r} is listed twice (after normalisation)")
                seen.add(key)
    return check


def MapOf(key: Check, value: Check) -> Check:
    """A table whose keys are data (words) and whose values share one shape."""
    def check(table, where):
        _type(table, dict, "a table", where)
        seen: dict[str, str] = {}
        for k, v in table.items():
            key(k, where / k)
            nk = normalize_word(k)
            if nk in seen:
                raise (where / k).error(f"is the same word as {seen[nk]!r} after normalisation")
            seen[nk] = k
            value(v, where / k)
    return check


def Record(required: dict[str, Check] | None = None, optional: dict[str, Check] | None = None) -> Check:
    """A table with named keys: required ones, optional ones, and no others."""
    required, optional = required or {}, optional or {}

    def check(table, where):
        _type(table, dict, "a table", where)
        for k in table:
            if k not in required and k not in optional:
                known = ", ".join(sorted([*required, *optional]))
                raise (where / k).error(f"unknown key (known: {known})")
        for k, c in required.items():
            if k not in table:
                raise where.error(f"missing key {k!r}")
            c(table[k], where / k)
        for k, c in optional.items():
            if k in table:
                c(table[k], where / k)
    return check


def load(name: str, declaration: Check, data_dir: str | None = None) -> dict:
    """Read `data_dir/name` (default: the package's tables, or $FACTX_DATA_DIR) and
    check it against `declaration`."""
    base = data_dir or os.environ.get("FACTX_DATA_DIR") or PACKAGE_DATA
    path = os.path.join(base, name)
    try:
        with open(path, "rb") as fh:
            table = tomllib.load(fh)
    except FileNotFoundError:
        raise LanguageDataError(f"{path}: missing language table") from None
    except tomllib.TOMLDecodeError as e:
        raise LanguageDataError(f"{path}: not valid TOML: {e}") from None
    declaration(table, Where((name,)))
    return table
