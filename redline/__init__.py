"""redline: see exactly what changed between two versions of a UN resolution.

>>> import redline
>>> old = redline.parse_text("The General Assembly,\\n\\n1. Urges States to act;\\n")
>>> new = redline.parse_text("The General Assembly,\\n\\n1. Encourages States to act;\\n")
>>> redline.compare(old, new).summary()["changed"]
1
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from redline.model import Document


def parse(source: str, **kwargs: Any) -> Document:
    """Read and parse a file path (``report.md#IV`` picks a resolution) or ``-``."""
    from redline.parser.load import load

    return load(source, **kwargs)


def parse_text(text: str, source: str = "<text>") -> Document:
    """Parse a text already in memory."""
    from redline.parser import parse_document

    return parse_document(text, source=source)


# Bound here, not lazily: importing the submodule redline.compare would otherwise
# replace this package attribute with the module on first use.
from redline.compare import compare  # noqa: E402

__all__ = ["__version__", "compare", "parse", "parse_text"]
