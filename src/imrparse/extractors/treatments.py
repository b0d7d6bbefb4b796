"""The disputed treatment named in a determination header.

>>> parse_treatment("Norco 10/325mg #360")  # doctest: +NORMALIZE_WHITESPACE
Treatment(text='Norco 10/325mg #360', name='Hydrocodone/acetaminophen', brand='Norco',
          strength='10/325mg', quantity=360, category=<Category.PHARMACEUTICALS: 'Pharmaceuticals'>,
          subcategory='Opioids', generic='hydrocodone/acetaminophen', sessions=None)
"""

from __future__ import annotations

import re
from typing import Final

from ..classifier._read import reading_of
from ..classifier._treatment import treatment_of
from ..classifier.lexicons import default_lexicons
from ..records import Treatment

__all__ = ["parse_treatment"]

_QUANTITY: Final = re.compile(r"#[ \t]*(\d{1,9})\b")
# What precedes the dose is tested after its first digit, so that the pattern starts
# with a digit and a search skips to digits at C speed.
_STRENGTH: Final = re.compile(
    r"\d(?<![\w.#/]\d)\d*(?:\.\d+)?(?:[ \t]?/[ \t]?\d+(?:\.\d+)?){0,3}[ \t]?"
    r"(?:mg|mcg|\u00b5g|gm|g|ml|meq|iu|units?|%)"
    r"(?:[ \t]?/[ \t]?(?:ml|hr|h|g|act|dose|day))?"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# (Bound once, as cleaning.is_ascii is: compiled code looks a method up by name at each call.)
_find_quantity: Final = _QUANTITY.search
_find_strength: Final = _STRENGTH.search


def parse_treatment(text: str) -> Treatment:
    """Read a cleaned header text: strength, quantity, and what the treatment is.

    The strength is the first dose-with-unit (``7.5mg``, ``10/325 mg``, ``5%``),
    the quantity the number after ``#`` (else after ``QTY:``); the name, category,
    subcategory, generic and sessions come from :func:`imrparse.classifier.read_treatment`.

    >>> t = parse_treatment("Soma #60")
    >>> t.name, t.quantity, t.subcategory
    ('Carisoprodol', 60, 'Muscle Relaxant')
    >>> parse_treatment("TRIGGER POINT INJECTION ON LEFT SIDE OF LOWER BACK").name
    'Trigger point injection on left side of lower back'
    """
    quantity_match = _find_quantity(text)
    strength_match = _find_strength(text)
    # (read_treatment's and Reading.treatment's work, called here without their doors,
    # which are interpreted)
    return treatment_of(
        reading_of(text, default_lexicons()),
        text,
        strength_match.group() if strength_match else None,
        int(quantity_match.group(1)) if quantity_match else None,
    )
