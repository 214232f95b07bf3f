"""The registry: every kind module, in the order its rules are tried.

Each module declares `KINDS`, and its `FINDERS` and `RULES` in the order they
run within a phase; the phases run in `declare.PHASES` order. Adding a kind is
one module and one line here.
"""

from __future__ import annotations

from . import age, count, date, duration, identifier, measure, money, ordinal, percent, time
from .declare import FINDER_PHASES, PHASES, RULE_PHASES, Finder, Kind, Phase, Rule

#: the modules, in the order their rules are tried within each phase
MODULES = (date, time, identifier, age, ordinal, percent, money, measure, duration, count)

KINDS: tuple[Kind, ...] = tuple(k for m in MODULES for k in getattr(m, "KINDS", ()))
FINDERS: dict[Phase, tuple[Finder, ...]] = {
    p: tuple(f for m in MODULES for f in getattr(m, "FINDERS", ()) if f.phase is p) for p in PHASES}
RULES: dict[Phase, tuple[Rule, ...]] = {
    p: tuple(r for m in MODULES for r in getattr(m, "RULES", ()) if r.phase is p) for p in PHASES}


def rule_names() -> tuple[str, ...]:
    """Every name a mention's `rule` field can hold."""
    names = [n for fs in FINDERS.values() for f in fs for n in (f.name, *f.also)]
    names += [r.name for rs in RULES.values() for r in rs]
    return tuple(dict.fromkeys(names))


def _check() -> None:
    for m in MODULES:
        for f in getattr(m, "FINDERS", ()):
            if f.phase not in FINDER_PHASES:
                raise ValueError(f"finder {f.name}: phase {f.phase.value} takes rules, not finders")
        for r in getattr(m, "RULES", ()):
            if r.phase not in RULE_PHASES:
                raise ValueError(f"rule {r.name}: phase {r.phase.value} takes finders, not rules")
    names = [f.name for fs in FINDERS.values() for f in fs] + [r.name for rs in RULES.values() for r in rs]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ValueError(f"rule names declared twice: {', '.join(dup)}")
    kinds = [k.name for k in KINDS]
    if len(set(kinds)) != len(kinds):
        raise ValueError("a kind is declared by two modules")


_check()
