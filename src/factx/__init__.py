"""factx: numeric facts, with exact source spans, from Arabic text.

    >>> import factx
    >>> [f.value for f in factx.extract("قتل أكثر من 500 شخص")]
    [500]
"""

from .models import Fact, Span, QUANTITY_KINDS
from .extract import extract

__version__ = "0.1.0"
__all__ = ["extract", "Fact", "Span", "QUANTITY_KINDS", "__version__"]
