"""The treatment classifier: what a disputed treatment is (DWC category, drug class,
generic name, a name that groups).

:func:`read_treatment` reads one treatment text with a :class:`~imrparse.classifier.lexicons.Lexicons`
(the shipped one by default). A medication is found by its brand or ingredient names
(``brands.tsv``, ``drug-classes.tsv``); anything else by the first matching rule of
``procedures.tsv``. What no lexicon knows gets no category: never a guess.

>>> r = read_treatment("Retrospective Flexeril 7.5mg #60 DOS: 11/14/16")
>>> r.name, r.category.value, r.subcategory, r.generic
('Cyclobenzaprine', 'Pharmaceuticals', 'Muscle Relaxant', 'cyclobenzaprine')
>>> r = read_treatment("Physical therapy 2 times a week for 6 weeks for the lumbar spine")
>>> r.name, r.subcategory, r.sessions
('Physical therapy of the lumbar spine', 'Physical Therapy/Occupational Therapy (PT/OT)', 12)

This module is the package's door and stays plain Python, so that its functions keep
their docstrings; the reading itself is in private modules that the wheel build compiles:
``_patterns`` (the text patterns), ``_firsts`` (the first characters a pattern's match may
begin with), ``_engine`` (the lexicons made ready), ``_names``
(grouping names), ``_medications``, ``_procedures``, ``_read`` (one text, start to end,
and the readings remembered) and ``_treatment`` (a reading made a header's treatment).
:mod:`~imrparse.classifier.lexicons` loads the lexicon files and
:mod:`~imrparse.classifier.reading` holds the result record.
"""

from __future__ import annotations

import attrs

from ..records import Determination, Letter, Treatment
from ._read import reading_of
from .lexicons import DATA_FILES, Lexicons, ProcedureRule, default_lexicons, load_lexicons
from .reading import UNKNOWN_MEDICATION, UNKNOWN_TREATMENT, Reading, unknown_code

__all__ = [
    "DATA_FILES",
    "Lexicons",
    "ProcedureRule",
    "Reading",
    "default_lexicons",
    "load_lexicons",
    "read_treatment",
    "reclassify",
    "reclassify_treatment",
    "unknown_code",
]


def read_treatment(text: str, lexicons: Lexicons | None = None) -> Reading:
    """Read what a treatment text names: its DWC category, class, generic and sessions.

    ``text`` is the treatment as the letter's header states it. The result's ``name``
    is the treatment without request wording ("Retrospective", "One container of"),
    dates of service, strength, quantity and frequency, with brands read as their
    generic names, so that the same treatment gets the same name across letters.

    >>> read_treatment("Ultram (tramadol) 50mg #90").generic
    'tramadol'
    >>> r = read_treatment("Cervical spine MRI without contrast")
    >>> r.name, r.category.value, r.subcategory
    ('MRI of the cervical spine', 'Diagnostic Testing', 'Imaging/Radiology')
    >>> read_treatment("Zorblatt 10mg #30").unknown
    'unknown-medication'
    """
    if lexicons is not None and not isinstance(lexicons, Lexicons):
        raise TypeError(
            f"lexicons must be Lexicons (see load_lexicons), not {type(lexicons).__name__}"
        )
    if not isinstance(text, str):
        raise TypeError(
            f"read_treatment() takes a treatment's text (a str), not {type(text).__name__}"
        )
    return reading_of(text, lexicons if lexicons is not None else default_lexicons())


def reclassify_treatment(treatment: Treatment, lexicons: Lexicons | None = None) -> Treatment:
    """``treatment`` with its name, brand, category, subcategory, generic and sessions read again
    from its text, with ``lexicons`` (the shipped ones by default).

    >>> from imrparse import Treatment
    >>> reclassify_treatment(Treatment(text="Flexeril 10mg", name="Flexeril")).generic
    'cyclobenzaprine'
    """
    if not isinstance(treatment, Treatment):
        raise TypeError(f"reclassify_treatment() takes a Treatment, not {type(treatment).__name__}")
    reading = read_treatment(treatment.text, lexicons)
    return reading.treatment(treatment.text, treatment.strength, treatment.quantity)


def reclassify(letter: Letter, lexicons: Lexicons) -> Letter:
    """``letter`` with every treatment read again with ``lexicons`` (e.g. a user's own).

    The ``unknown-treatment`` and ``unknown-medication`` diagnostics of treatments that
    the new lexicons know are dropped; the other diagnostics are kept as they were.

    >>> import imrparse
    >>> letter = imrparse.parse(imrparse.examples.read_text("multi"))
    >>> lex = imrparse.load_lexicons(procedures=[("radiofrequency", "Surgery", "Spine")])
    >>> reclassify(letter, lex).determinations[2].treatment.category
    <Category.SURGERY: 'Surgery'>
    """
    if not isinstance(letter, Letter):
        raise TypeError(f"reclassify() takes a Letter, not {type(letter).__name__}")
    if lexicons is not None and not isinstance(lexicons, Lexicons):
        raise TypeError(
            f"lexicons must be Lexicons (see load_lexicons), not {type(lexicons).__name__}"
        )
    determinations: list[Determination] = [
        attrs.evolve(d, treatment=reclassify_treatment(d.treatment, lexicons))
        for d in letter.determinations
    ]
    known = {
        repr(d.treatment.text)
        for d in determinations
        if unknown_code(d.treatment.category, d.treatment.subcategory) is None
    }
    diagnostics = tuple(
        item
        for item in letter.diagnostics
        if item.code not in (UNKNOWN_TREATMENT, UNKNOWN_MEDICATION)
        or not any(text in item.message for text in known)
    )
    return attrs.evolve(letter, determinations=tuple(determinations), diagnostics=diagnostics)
