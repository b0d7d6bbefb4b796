"""A reading made the header's :class:`~imrparse.Treatment`, and the diagnostic code of a
treatment that the lexicons do not (fully) know.

Compiled: the header's treatments are made and checked here, once a treatment; the
public :meth:`~.reading.Reading.treatment` and :func:`~.reading.unknown_code` (plain
Python, so that they keep their docstrings) are doors to these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..record_builders import builder
from ..records import Category, Treatment

if TYPE_CHECKING:  # (reading.py imports this module)
    from .reading import Reading

UNKNOWN_TREATMENT: Final = "unknown-treatment"
UNKNOWN_MEDICATION: Final = "unknown-medication"
_TREATMENT: Final = builder(
    Treatment,
    "text",
    "name",
    "brand",
    "strength",
    "quantity",
    "category",
    "subcategory",
    "generic",
    "sessions",
)


def treatment_of(
    reading: Reading, text: str, strength: str | None, quantity: int | None
) -> Treatment:
    """The :class:`~imrparse.Treatment` of ``text`` with what ``reading`` found; the
    ``quantity`` the header states (``#60``) comes before the one read."""
    return _TREATMENT(
        text,
        reading.name or text,
        reading.brand,
        strength,
        quantity if quantity is not None else reading.quantity,
        reading.category,
        reading.subcategory,
        reading.generic,
        reading.sessions,
    )


def unknown(category: Category | None, subcategory: str | None) -> str | None:
    """The diagnostic code of a treatment of ``category`` and ``subcategory`` that the
    lexicons do not (fully) know: no category at all, or a medication without a drug
    class; ``None`` when it is known."""
    if category is None:
        return UNKNOWN_TREATMENT
    if category is Category.PHARMACEUTICALS and subcategory is None:
        return UNKNOWN_MEDICATION
    return None
