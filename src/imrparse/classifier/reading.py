"""What the classifier found in one treatment text, and when a lexicon lacked it.

A plain (not compiled) module: :class:`Reading` and :func:`unknown_code` are public and
keep their docstrings; the work is done by the compiled ``_treatment``, which the parser
calls itself.
"""

from __future__ import annotations

import attrs

from ..records import Category, Treatment
from ._treatment import UNKNOWN_MEDICATION, UNKNOWN_TREATMENT, treatment_of, unknown

__all__ = ["UNKNOWN_MEDICATION", "UNKNOWN_TREATMENT", "Reading", "unknown_code"]


@attrs.frozen(kw_only=True)
class Reading:
    """What :func:`~imrparse.classifier.read_treatment` found in one treatment text."""

    name: str
    category: Category | None = None
    subcategory: str | None = None
    generic: str | None = None
    brand: str | None = None
    sessions: int | None = None
    quantity: int | None = None

    def treatment(self, text: str, strength: str | None, quantity: int | None) -> Treatment:
        """The :class:`~imrparse.Treatment` of ``text`` with what this reading found; the
        ``quantity`` the header states (``#60``) comes before the one read here."""
        return treatment_of(self, text, strength, quantity)

    @property
    def unknown(self) -> str | None:
        """``"unknown-treatment"`` or ``"unknown-medication"`` when a lexicon lacked it."""
        return unknown(self.category, self.subcategory)


def unknown_code(category: Category | None, subcategory: str | None) -> str | None:
    """The diagnostic code of a treatment that the lexicons do not (fully) know: no
    category at all, or a medication without a drug class; ``None`` when it is known.

    >>> unknown_code(Category.PHARMACEUTICALS, None)
    'unknown-medication'
    """
    return unknown(category, subcategory)
