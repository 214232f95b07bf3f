"""Reading a language table of `data/` and checking its shape on load.

The tables that say what a number is about (noun base forms, predicate
families, unit conversions) are data, written by people: a misspelt key or a
list where a string belongs must fail at once with the file and the key, not
silently drop an entry. A shape is written as Python values:

* ``str``, ``int``, ``float``, ``bool``: a value of that type;
* ``[T]``: a list of T;
* ``{"*": T}``: a table of any keys, each value a T;
* ``{"name": T, "other?": T}``: a table of exactly these keys (``?``: optional).
"""

from __future__ import annotations

import os
import tomllib
from typing import Any


class TableError(ValueError):
    """A data table that does not have its documented shape (names the file and key)."""


def load_table(name: str, shape: dict) -> dict:
    """`data/NAME` parsed and checked against `shape` (raises TableError)."""
    path = os.path.join(os.path.dirname(__file__), "data", name)
    try:
        data = tomllib.loads(__loader__.get_data(path).decode("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise TableError(f"{name}: not valid TOML: {e}") from None
    check_shape(data, shape, name, "")
    return data


def check_shape(value: Any, shape: Any, name: str, key: str) -> None:
    """Raise TableError naming `name` and the dotted `key` where `value` breaks `shape`."""
    where = f"{name}: key {key!r}" if key else name
    if isinstance(shape, type):
        ok = isinstance(value, shape) and not (shape in (int, float) and isinstance(value, bool))
        if shape is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if not ok:
            raise TableError(f"{where}: expected {shape.__name__}, got {type(value).__name__} {value!r}")
        return
    if isinstance(shape, list):
        if not isinstance(value, list):
            raise TableError(f"{where}: expected a list, got {type(value).__name__}")
        for n, item in enumerate(value):
            check_shape(item, shape[0], name, f"{key}[{n}]")
        return
    if not isinstance(value, dict):
        raise TableError(f"{where}: expected a table, got {type(value).__name__}")
    if "*" in shape:
        for k, v in value.items():
            check_shape(v, shape["*"], name, f"{key}.{k}" if key else k)
        return
    known = {k.rstrip("?"): k.endswith("?") for k in shape}
    for k in value:
        if k not in known:
            raise TableError(f"{where}: unknown key {k!r} (known: {', '.join(known)})")
    for k, optional in known.items():
        sub = f"{key}.{k}" if key else k
        if k not in value:
            if not optional:
                raise TableError(f"{name}: key {sub!r} is missing")
            continue
        check_shape(value[k], shape[k + "?" if optional else k], name, sub)
