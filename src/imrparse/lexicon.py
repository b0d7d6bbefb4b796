"""Closed word lists the extractors rely on, whatever the layout.

Everything here is data: board specialties, state names, number words, the
qualifier words of diagnosis codes and MTUS's ACOEM chapters. A layout's own words
(its headings, labels and boilerplate) are declared in its module of
:mod:`imrparse.layouts`.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ACOEM_CHAPTERS",
    "DIAGNOSIS_QUALIFIER_WORDS",
    "NUMBER_WORDS",
    "SPECIALTIES",
    "STATES",
    "match_key",
]


def match_key(text: str) -> str:
    """The matching key of a heading or label: upper case, single spaces.

    >>> match_key(" Decision  rationale")
    'DECISION RATIONALE'
    """
    return " ".join(text.split()).upper()


NUMBER_WORDS: Final[dict[str, int]] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50})

# ABMS member-board specialties and the subspecialty and practice names reviewers
# give. A name that contains "and" is one specialty; the splitter tries longest
# names first, so "Physical Medicine and Rehabilitation" is never cut in two.
SPECIALTIES: Final[tuple[str, ...]] = (
    "Addiction Medicine",
    "Adolescent Medicine",
    "Allergy and Immunology",
    "Anesthesiology",
    "Cardiovascular Disease",
    "Chiropractic",
    "Clinical Neurophysiology",
    "Colon and Rectal Surgery",
    "Critical Care Medicine",
    "Dermatology",
    "Emergency Medicine",
    "Endocrinology",
    "Endocrinology, Diabetes and Metabolism",
    "Family Medicine",
    "Family Practice",
    "Gastroenterology",
    "General Practice",
    "General Surgery",
    "Geriatric Medicine",
    "Hand Surgery",
    "Hematology",
    "Hospice and Palliative Medicine",
    "Infectious Disease",
    "Internal Medicine",
    "Interventional Pain Medicine",
    "Medical Genetics",
    "Medical Toxicology",
    "Nephrology",
    "Neurological Surgery",
    "Neurology",
    "Neurology with Special Qualifications in Child Neurology",
    "Neuromuscular Medicine",
    "Nuclear Medicine",
    "Obstetrics and Gynecology",
    "Occupational Medicine",
    "Oncology",
    "Ophthalmology",
    "Oral and Maxillofacial Surgery",
    "Orthopaedic Surgery",
    "Orthopedic Surgery",
    "Orthopedic Sports Medicine",
    "Otolaryngology",
    "Otolaryngology - Head and Neck Surgery",
    "Pain Management",
    "Pain Medicine",
    "Pathology",
    "Pediatrics",
    "Physical Medicine and Rehabilitation",
    "Plastic Surgery",
    "Podiatric Surgery",
    "Podiatry",
    "Preventive Medicine",
    "Psychiatry",
    "Psychiatry and Neurology",
    "Psychology",
    "Public Health & General Preventive Medicine",
    "Public Health and General Preventive Medicine",
    "Pulmonary Diseases",
    "Pulmonary Disease",
    "Radiology",
    "Rheumatology",
    "Sleep Medicine",
    "Spinal Cord Injury Medicine",
    "Sports Medicine",
    "Surgery",
    "Thoracic Surgery",
    "Toxicology",
    "Urology",
    "Vascular Surgery",
)

STATES: Final[tuple[str, ...]] = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois",
    "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
    "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
    "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
)  # fmt: skip

# Words that, alone, only qualify the diagnosis before them in an ICD-style list:
# "pain in joint, lower leg" and "arthropathy, unspecified, shoulder region" are
# one diagnosis each.
DIAGNOSIS_QUALIFIER_WORDS: Final[frozenset[str]] = frozenset(
    [
        "unspecified",
        "specified",
        "site",
        "sites",
        "region",
        "regions",
        "multiple",
        "other",
        "lower",
        "upper",
        "leg",
        "legs",
        "arm",
        "arms",
        "forearm",
        "hand",
        "hands",
        "foot",
        "feet",
        "ankle",
        "ankles",
        "knee",
        "knees",
        "shoulder",
        "shoulders",
        "thigh",
        "pelvic",
        "hip",
        "hips",
        "wrist",
        "wrists",
        "elbow",
        "elbows",
        "neck",
        "back",
        "lumbar",
        "cervical",
        "thoracic",
        "lumbosacral",
        "thoracolumbar",
        "sacral",
        "left",
        "right",
        "bilateral",
        "side",
        "sides",
        "and",
        "or",
        "of",
        "the",
        "not",
        "elsewhere",
        "classified",
        "nos",
        "nec",
        "initial",
        "subsequent",
        "encounter",
        "sequela",
        "intractable",
        "involving",
        "joint",
    ]
)

# The chapters of ACOEM's practice guidelines (2004; elbow 2007) that MTUS adopted, as
# citations name them after "MTUS" ("MTUS Low Back Complaints 2004", "MTUS ACOEM Chapter 12
# Low Back Complaints"). A citation whose title is one of them is ACOEM's, not MTUS's own.
# Chapters 1-7 are cited one by one or as "General Approaches".
ACOEM_CHAPTERS: Final[tuple[str, ...]] = (
    "Prevention",
    "General Approach to Initial Assessment and Documentation",
    "General Approaches",
    "General Approach",
    "Initial Approaches to Treatment",
    "Work-Relatedness",
    "Cornerstones of Disability Prevention and Management",
    "Pain, Suffering, and the Restoration of Function",
    "Independent Medical Examinations and Consultations",
    "Neck and Upper Back Complaints",
    "Shoulder Complaints",
    "Elbow Complaints",
    "Elbow Disorders",
    "Forearm, Wrist, and Hand Complaints",
    "Low Back Complaints",
    "Knee Complaints",
    "Ankle and Foot Complaints",
    "Stress-Related Conditions",
    "Eye",
)
