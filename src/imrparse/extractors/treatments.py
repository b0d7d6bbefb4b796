"""The disputed treatment named in a determination header.

>>> parse_treatment("Norco 10/325mg #360")
Treatment(text='Norco 10/325mg #360', name='Norco', strength='10/325mg', quantity=360)
"""

from __future__ import annotations

import re
from typing import Final

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


def parse_treatment(text: str) -> Treatment:
    """Split a cleaned header text into name, strength and quantity.

    The strength is the first dose-with-unit (``7.5mg``, ``10/325 mg``, ``5%``),
    the quantity the number after ``#``; the name is what comes before the
    first of them (the whole text when neither is there).

    >>> parse_treatment("Soma #60")
    Treatment(text='Soma #60', name='Soma', strength=None, quantity=60)
    >>> parse_treatment("TRIGGER POINT INJECTION ON LEFT SIDE OF LOWER BACK").name
    'TRIGGER POINT INJECTION ON LEFT SIDE OF LOWER BACK'
    """
    quantity_match = _QUANTITY.search(text)
    strength_match = _STRENGTH.search(text)
    cut = len(text)
    if strength_match:
        cut = strength_match.start()
    if quantity_match and quantity_match.start() < cut:
        cut = quantity_match.start()
    name = text[:cut].strip(" \t,;:-(")
    if not name:
        name = text
    return Treatment(
        text=text,
        name=name,
        strength=strength_match.group() if strength_match else None,
        quantity=int(quantity_match.group(1)) if quantity_match else None,
    )
