"""Closed word lists the extractors rely on, whatever the layout.

Everything here is data: board specialties, state names, number words, the
qualifier words of diagnosis codes and MTUS's guideline documents. A layout's own words
(its headings, labels and boilerplate) are declared in its module of
:mod:`imrparse.layouts`.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ACOEM_CHAPTERS",
    "DIAGNOSIS_LEAD_WORDS",
    "DIAGNOSIS_PREMODIFIER_WORDS",
    "DIAGNOSIS_QUALIFIER_WORDS",
    "DIAGNOSIS_SHARED_HEAD_WORDS",
    "DIAGNOSIS_SITE_WORDS",
    "MTUS_PARTS",
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
# The MTUS's own guideline documents (its other parts are the ACOEM chapters above), as
# the letters name them; "Guidelines" and a year may follow the name.
MTUS_PARTS: Final[tuple[str, ...]] = (
    "Chronic Pain Medical Treatment",
    "Chronic Pain Treatment",
    "Opioid Treatment",
    "Opioids Treatment",
    "Postsurgical Treatment",
    "Post-Surgical Treatment",
    "Postsurgical Medical Treatment",
    "Acupuncture Medical Treatment",
    "Acupuncture Treatment",
)
# Body sites and tissues. A list piece made of these (and qualifier words) alone names
# no condition: it continues the diagnosis before it ("contusion of face, scalp and
# neck", "strain of muscle, fascia and tendon at neck level") or, when it comes first,
# shares the head noun after it ("neck, back and shoulder pain").
DIAGNOSIS_SITE_WORDS: Final[frozenset[str]] = frozenset(
    [
        "head", "face", "scalp", "jaw", "eye", "eyes", "ear", "ears", "nose", "chest", "rib",
        "ribs", "abdomen", "abdominal", "flank", "pelvis", "groin", "buttock", "buttocks",
        "spine", "spines", "trunk", "torso", "heel", "heels", "toe", "toes", "finger",
        "fingers", "thumb", "thumbs", "palm", "wrist", "calf", "calves", "shin", "shins",
        "limb", "limbs", "extremity", "extremities", "digit", "digits", "muscle", "muscles",
        "fascia", "tendon", "tendons", "ligament", "ligaments", "joints", "disc", "discs",
        "nerve", "nerves", "bone", "bones", "level", "levels", "area", "areas", "portion",
        "anterior", "posterior", "medial", "lateral", "proximal", "distal", "mid", "low"
    ]
)  # fmt: skip

# Words that modify a site or head noun after them and cannot end a diagnosis: a list
# piece that ends in one ("right and left shoulder sprain", "cervical, thoracic and
# lumbar strain") is unfinished and joins the piece after it.
DIAGNOSIS_PREMODIFIER_WORDS: Final[frozenset[str]] = frozenset(
    [
        "left", "right", "bilateral", "cervical", "thoracic", "lumbar", "lumbosacral",
        "thoracolumbar", "sacral", "upper", "lower", "low", "mid", "anterior", "posterior",
        "medial", "lateral", "proximal", "distal", "other"
    ]
)  # fmt: skip

# Head nouns that share the sites before them with a coordinated head: "right knee
# contusion and injury" and "numbness and weakness of both hands" are one item each.
DIAGNOSIS_SHARED_HEAD_WORDS: Final[frozenset[str]] = frozenset(
    [
        "pain", "pains", "injury", "injuries", "strain", "strains", "sprain", "sprains",
        "numbness", "weakness", "tingling", "contusion", "contusions", "stiffness", "swelling",
        "spasm", "spasms", "tenderness"
    ]
)  # fmt: skip

# Words that may open a diagnosis without being part of what it names; they are
# skipped when asking whether a piece names only sites ("rule out cervical and lumbar
# disc herniation").
DIAGNOSIS_LEAD_WORDS: Final[frozenset[str]] = frozenset(
    [
        "rule", "out", "r/o", "possible", "probable", "suspected", "acute", "chronic", "mild",
        "moderate", "severe", "history", "of", "status", "post"
    ]
)  # fmt: skip
