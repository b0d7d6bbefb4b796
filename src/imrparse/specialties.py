"""Reviewer specialties under the names of the medical specialty boards (ABMS).

A letter states its reviewer's board certifications as DWC's letter template spells
them, and now and then misspelt: ``Sports Medicinea``, ``Physical Medicine &
Rehabilitation``, ``Family Practice``, ``Orthopedic Surgery``. :func:`board_name` gives
the name the American Board of Medical Specialties uses for the specialty or
subspecialty (``Sports Medicine``, ``Physical Medicine and Rehabilitation``, ``Family
Medicine``, ``Orthopaedic Surgery``), so that a count by specialty groups them; a
certification it does not know (a chiropractor's, say) keeps the letter's spelling.

The records keep the letter's spelling (:attr:`~imrparse.Reviewer.board_certifications`);
the table gives both (columns ``board_certifications`` and ``board_specialties``), and
``imrparse stats`` counts by the board names.
"""

from __future__ import annotations

import difflib
import functools
import re

__all__ = ["BOARD_NAMES", "board_name", "board_names"]

BOARD_NAMES: tuple[str, ...] = (
    # Specialties of the ABMS member boards.
    "Allergy and Immunology",
    "Anesthesiology",
    "Colon and Rectal Surgery",
    "Dermatology",
    "Diagnostic Radiology",
    "Emergency Medicine",
    "Family Medicine",
    "Internal Medicine",
    "Interventional Radiology",
    "Medical Genetics and Genomics",
    "Neurological Surgery",
    "Neurology",
    "Nuclear Medicine",
    "Obstetrics and Gynecology",
    "Ophthalmology",
    "Orthopaedic Surgery",
    "Otolaryngology - Head and Neck Surgery",
    "Pathology",
    "Pediatrics",
    "Physical Medicine and Rehabilitation",
    "Plastic Surgery",
    "Preventive Medicine",
    "Psychiatry",
    "Radiation Oncology",
    "Radiology",
    "Surgery",
    "Thoracic Surgery",
    "Urology",
    "Vascular Surgery",
    # Subspecialties and specialty areas that reviewers of workers' compensation cases hold.
    "Addiction Medicine",
    "Aerospace Medicine",
    "Brain Injury Medicine",
    "Cardiovascular Disease",
    "Child and Adolescent Psychiatry",
    "Clinical Neurophysiology",
    "Consultation-Liaison Psychiatry",
    "Critical Care Medicine",
    "Endocrinology, Diabetes and Metabolism",
    "Forensic Psychiatry",
    "Gastroenterology",
    "Geriatric Medicine",
    "Hematology",
    "Hospice and Palliative Medicine",
    "Infectious Disease",
    "Medical Oncology",
    "Medical Toxicology",
    "Nephrology",
    "Neuromuscular Medicine",
    "Neuroradiology",
    "Neurotology",
    "Occupational Medicine",
    "Orthopaedic Sports Medicine",
    "Pain Medicine",
    "Pediatric Rehabilitation Medicine",
    "Public Health and General Preventive Medicine",
    "Pulmonary Disease",
    "Rheumatology",
    "Sleep Medicine",
    "Spinal Cord Injury Medicine",
    "Sports Medicine",
    "Surgery of the Hand",
    "Undersea and Hyperbaric Medicine",
)
"""The board names :func:`board_name` gives: ABMS specialties, and the subspecialties
that IMR reviewers commonly hold."""

# Other names letters use for a board's specialty (compared casefolded, "&" as "and").
_ALIASES = {
    "anesthesia": "Anesthesiology",
    "cardiology": "Cardiovascular Disease",
    "endocrinology": "Endocrinology, Diabetes and Metabolism",
    "family practice": "Family Medicine",
    "general surgery": "Surgery",
    "geriatrics": "Geriatric Medicine",
    "hand surgery": "Surgery of the Hand",
    "infectious diseases": "Infectious Disease",
    "neurosurgery": "Neurological Surgery",
    "occupational and environmental medicine": "Occupational Medicine",
    "orthopedic surgery": "Orthopaedic Surgery",
    "orthopaedics": "Orthopaedic Surgery",
    "orthopedics": "Orthopaedic Surgery",
    "otolaryngology": "Otolaryngology - Head and Neck Surgery",
    "pain management": "Pain Medicine",
    "physiatry": "Physical Medicine and Rehabilitation",
    "pulmonary diseases": "Pulmonary Disease",
    "pulmonology": "Pulmonary Disease",
}

# How alike a misspelling must be to a known name (difflib's ratio) to be read as it.
_CUTOFF = 0.92


def board_name(specialty: str) -> str:
    """The board's name for ``specialty`` as a letter states it; the letter's text (with
    its white space tidied) when the specialty is not a known board's.

    >>> board_name("Sports Medicinea"), board_name("Physical Medicine & Rehabilitation")
    ('Sports Medicine', 'Physical Medicine and Rehabilitation')
    >>> board_name("Family Practice"), board_name("Chiropractor")
    ('Family Medicine', 'Chiropractor')
    """
    tidy = " ".join(specialty.split())
    return _known().get(_key(tidy)) or _closest(_key(tidy)) or tidy


def board_names(specialties: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`board_name` of each, in order, each name once.

    >>> board_names(("Orthopedic Surgery", "Sports Medicinea", "Sports Medicine"))
    ('Orthopaedic Surgery', 'Sports Medicine')
    """
    return tuple(dict.fromkeys(board_name(specialty) for specialty in specialties))


def _key(text: str) -> str:
    text = re.sub(r"\s*&\s*", " and ", text.casefold())
    return " ".join(re.sub(r"[^\w,\- ]", " ", text).split())


@functools.cache
def _known() -> dict[str, str]:
    return {**{_key(name): name for name in BOARD_NAMES}, **_ALIASES}


@functools.cache
def _closest(key: str) -> str | None:
    known = _known()
    found = difflib.get_close_matches(key, list(known), n=1, cutoff=_CUTOFF)
    return known[found[0]] if found else None
