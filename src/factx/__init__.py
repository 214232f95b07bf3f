"""factx: numeric facts, with exact source spans, from Arabic text.

    >>> import factx
    >>> [f.value for f in factx.extract("قتل أكثر من 500 شخص")]
    [500]
"""

from typing import TYPE_CHECKING

from .extract import (InvalidFactError, UnknownKindError, UnknownRegionError, UnknownVarietyError, extract,
                      extract_records, find_numerals)
from .language.lexicon import VARIETIES
from .language.tables import LanguageDataError
from .record import QUANTITY_KINDS

if TYPE_CHECKING:
    from .models import Fact, Span

__version__ = "0.1.0"
__all__ = ["extract", "extract_records", "find_numerals", "check", "compare", "Fact", "Span", "QUANTITY_KINDS",
           "VARIETIES", "REGIONS", "UnknownKindError", "UnknownVarietyError", "UnknownRegionError", "InvalidFactError", "LanguageDataError",
           "__version__"]


def __getattr__(name: str):
    """`Fact` and `Span` are pydantic models: loaded when first asked for, so that
    importing factx (and starting the command line) does not load pydantic."""
    if name in ("Fact", "Span"):
        from . import models
        return getattr(models, name)
    if name == "REGIONS":                  # data/regions.toml, read when first asked for
        from .language.lexicon import regions
        return regions()
    if name in ("check", "compare"):       # claims.check / claims.compare, loaded on first use
        from . import claims
        return getattr(claims, name)
    raise AttributeError(f"module 'factx' has no attribute {name!r}")
