"""The case summary's facts: real letters scored, and the phrasings and list rules alone.

The real letters are read from ``../shared/realworld/`` beside the repository and the
test that needs them is skipped where that folder is absent (a fresh clone). The
other tests use synthetic sentences written for them.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

import imrparse
from imrparse import Sex
from imrparse.extractors.diagnoses import find_diagnoses, split_diagnoses
from imrparse.extractors.summary import extract_summary

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
_WORD = re.compile(r"[0-9a-z]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _similar(a: str, b: str, at: float) -> bool:
    """Word overlap (Jaccard) of two phrases at least ``at``."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= at


def _matched(gold: list[str], found: tuple[str, ...]) -> int:
    """Gold items matched one to one by found items of enough word overlap."""
    free = list(found)
    hits = 0
    for item in gold:
        for other in free:
            if _similar(item, other, 0.6):
                free.remove(other)
                hits += 1
                break
    return hits


def test_real_letters_diagnoses_mechanism_and_facts() -> None:
    labels_path = REAL / "summaries-dev.jsonl"
    if not labels_path.exists():
        pytest.skip("no ../shared/realworld beside the repository")
    labels = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines()]
    hits = gold_count = found_count = mechanisms = facts = 0
    for label in labels:
        case = label["case"]
        text = (REAL / "text" / "pypdf" / f"{case}.txt").read_text(encoding="utf-8")
        summary = imrparse.parse(text).summary
        gold = list(label["diagnoses"] or [])
        hits += _matched(gold, summary.diagnoses)
        gold_count += len(gold)
        found_count += len(summary.diagnoses)
        want, got = label["mechanism"], summary.mechanism_of_injury
        mechanisms += (
            (got is None) if want is None else (got is not None and _similar(want, got, 0.5))
        )
        expected = json.loads((REAL / "gold" / f"{case}.json").read_text(encoding="utf-8"))[
            "summary"
        ]
        stated = summary.date_of_injury.isoformat() if summary.date_of_injury else None
        sex = summary.sex.value if summary.sex else None
        facts += (summary.age, sex, stated) == (
            expected["age"],
            expected["sex"],
            expected["date_of_injury"],
        )
    recall, precision = hits / gold_count, hits / max(found_count, 1)
    f1 = 2 * recall * precision / max(recall + precision, 1e-9)
    mechanism = mechanisms / len(labels)
    print(
        f"diagnoses recall {recall:.3f} precision {precision:.3f} F1 {f1:.3f}; "
        f"mechanism {mechanism:.3f}; age, sex and date of injury {facts}/{len(labels)}"
    )
    assert f1 >= 0.85
    assert mechanism >= 0.92
    assert facts == len(labels)


# --------------------------------------------------------------------- phrasings


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The worker is being treated for lumbar strain and hip pain.",
            ("lumbar strain", "hip pain"),
        ),
        ("She is undergoing treatment for a left ankle sprain.", ("left ankle sprain",)),
        ("He is undergoing treatments for: right elbow tendinitis.", ("right elbow tendinitis",)),
        (
            "The current diagnoses are documented as neck strain and lumbago.",
            ("neck strain", "lumbago"),
        ),
        ("The current diagnosis is documented as sprain of left wrist.", ("sprain of left wrist",)),
        ("The records show a diagnosis that includes gastritis.", ("gastritis",)),
        ("The worker has had diagnoses of multiple contusions.", ("multiple contusions",)),
        ("The worker has a comorbid diagnosis of asthma.", ("asthma",)),
        (
            "The doctor gave the applicant diagnoses of bursitis and tendinitis.",
            ("bursitis", "tendinitis"),
        ),
        ("She was diagnosed with lumbago.", ("lumbago",)),
        ("He was diagnosed as having a rib fracture.", ("rib fracture",)),
        ("Diagnoses: cervical strain; insomnia.", ("cervical strain", "insomnia")),
        ("The diagnoses have included depression.", ("depression",)),
        (
            "He sustained an injury on 1-2-15 and was being treated for the diagnosis of neck pain.",
            ("neck pain",),
        ),
        (
            "The applicant has filed a claim for elbow pain reportedly associated with an "
            "industrial injury of May 3, 2016.",
            ("elbow pain",),
        ),
        (
            "The patient is being treated for knee pain. The patient was diagnosed with knee pain "
            "and gout.",
            ("knee pain", "gout"),
        ),
        (
            "The diagnoses were noted to include lumbar sprain and left knee sprain.",
            ("lumbar sprain", "left knee sprain"),
        ),
        (
            "Diagnoses at that time included neck strain as well as lumbar strain.",
            ("neck strain", "lumbar strain"),
        ),
        ("The diagnosis of gastritis was confirmed by endoscopy.", ("gastritis",)),
    ],
)
def test_diagnosis_phrasings(sentence: str, expected: tuple[str, ...]) -> None:
    assert find_diagnoses(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The diagnoses were not documented.",
        "Testing may help to establish a diagnosis of carpal tunnel syndrome.",
        "There was no diagnosis of radiculopathy.",
        "He was treated for 6 weeks with physical therapy.",
        "Treatment to date has included physical therapy and medications.",
        "Diagnostic studies included an MRI of the knee.",
        "He is receiving treatment for his lumbar spine.",
    ],
)
def test_no_diagnosis_stated(sentence: str) -> None:
    assert find_diagnoses(sentence) == ()


def test_diagnosis_list_stops_at_a_new_predicate() -> None:
    assert find_diagnoses("He was diagnosed with a hip sprain and was given crutches.") == (
        "hip sprain",
    )


# --------------------------------------------------------------------- list splitting


@pytest.mark.parametrize(
    ("listed", "expected"),
    [
        # More sites after "of", then a new item.
        (
            "contusion of face, scalp and neck and acute cervical sprain",
            ("contusion of face, scalp and neck", "acute cervical sprain"),
        ),
        (
            "strain of muscle, fascia and tendon at neck level, strain of right knee",
            ("strain of muscle, fascia and tendon at neck level", "strain of right knee"),
        ),
        (
            "sprain of joints and ligaments in the neck",
            ("sprain of joints and ligaments in the neck",),
        ),
        ("injury of the back and left ankle", ("injury of the back and left ankle",)),
        # Coordinated sites sharing the head noun after them.
        ("cervical, thoracic and lumbar strain", ("cervical, thoracic and lumbar strain",)),
        ("neck, back and shoulder pain", ("neck, back and shoulder pain",)),
        (
            "lumbar sprain, right and left shoulder sprain and right and left elbow sprain",
            ("lumbar sprain", "right and left shoulder sprain", "right and left elbow sprain"),
        ),
        ("lumbago and left and right sided sciatica", ("lumbago", "left and right sided sciatica")),
        (
            "left foot and heel pain, plantar fasciitis",
            ("left foot and heel pain", "plantar fasciitis"),
        ),
        # A bare head noun sharing the sites before it.
        (
            "right knee contusion and injury, hypertension",
            ("right knee contusion and injury", "hypertension"),
        ),
        ("numbness and weakness of the hands", ("numbness and weakness of the hands",)),
        ("lumbar strain and strain of the hip", ("lumbar strain", "strain of the hip")),
        # ICD-style qualifiers stay with their item; semicolons always separate.
        (
            "concussion, subsequent encounter; nausea and strain of neck muscle, initial encounter",
            (
                "concussion, subsequent encounter",
                "nausea",
                "strain of neck muscle, initial encounter",
            ),
        ),
        (
            "a strain of the hip; a strain of the muscle, fascia, and tendon of the low back",
            ("strain of the hip", "strain of the muscle, fascia, and tendon of the low back"),
        ),
        # "rule out" opens an item even without a separator.
        (
            "arm numbness rule out carpal tunnel syndrome rule out radiculopathy",
            ("arm numbness", "rule out carpal tunnel syndrome", "rule out radiculopathy"),
        ),
        (
            "wrist pain and rule out cervical and lumbar disc herniation",
            ("wrist pain", "rule out cervical and lumbar disc herniation"),
        ),
        # The cause of a diagnosis stays with it; surgery after "status post" is its own item.
        (
            "facial contusion, status post being struck by a door",
            ("facial contusion, status post being struck by a door",),
        ),
        (
            "shoulder impingement, status post carpal tunnel release and gastritis",
            ("shoulder impingement", "status post carpal tunnel release", "gastritis"),
        ),
        # Stray quotes and brackets, leading articles.
        ('"disc herniation, a lumbar [strain', ("disc herniation", "lumbar strain")),
        (
            "tear of the cartilage and/or meniscus, knee pain",
            ("tear of the cartilage and/or meniscus", "knee pain"),
        ),
        ("radiculopathy (L5, S1) and myalgia", ("radiculopathy (L5, S1)", "myalgia")),
    ],
)
def test_split_diagnoses(listed: str, expected: tuple[str, ...]) -> None:
    assert split_diagnoses(listed) == expected


# --------------------------------------------------------------------- mechanism and date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mechanism of injury is detailed as lifting.", "lifting"),
        ("The mechanism of injury is detailed as a trip and fall.", "a trip and fall"),
        (
            "Mechanism of injury is detailed as occurring when the patient lifted a box.",
            "lifted a box",
        ),
        (
            "The mechanism of injury was detailed as the patient was climbing a ladder.",
            "climbing a ladder",
        ),
        (
            "The mechanism of injury is detailed as when a crate fell on his foot.",
            "a crate fell on his foot",
        ),
        ("Mechanism of injury is from working near loud machines.", "working near loud machines"),
        ("Mechanism of injury: repetitive work.", "repetitive work"),
        (
            "The mechanism of injury is detailed as the patient bent down to lift a pail and felt a "
            "strain in the back.",
            "bent down to lift a pail",
        ),
        (
            "Mechanism of injury occurred when the injured worker felt sharp pain in the neck while "
            "reaching overhead.",
            "reaching overhead",
        ),
        ("He sustained an industrial injury on 3-4-16 when he slipped on ice.", "slipped on ice"),
        ("He reported injury when carrying pipes on a roof.", "carrying pipes on a roof"),
        (
            "She reported wrist pain associated with cumulative trauma at work.",
            "cumulative trauma at work",
        ),
        (
            "He is being treated for a scalp contusion, status post being hit by a box.",
            "being hit by a box",
        ),
        ("The mechanism of injury was not documented.", None),
        ("He is being treated for knee pain.", None),
    ],
)
def test_mechanism(sentence: str, expected: str | None) -> None:
    assert extract_summary(sentence).mechanism_of_injury == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "This case involves a now 44-year-old male with a history of an occupational claim "
            "from 09/14/2016. The first report of occupational injury from 10/02/2016 notes pain.",
            datetime.date(2016, 9, 14),
        ),
        (
            "The applicant is a 30-year-old female who has filed a claim for knee pain reportedly "
            "associated with an industrial injury of October 2, 2016.",
            datetime.date(2016, 10, 2),
        ),
        ("The patient has a date of injury of 4/5/2015.", datetime.date(2015, 4, 5)),
        ("The claims administrator denied the request on 12/01/2016.", None),
    ],
)
def test_date_of_injury(sentence: str, expected: datetime.date | None) -> None:
    assert extract_summary(sentence).date_of_injury == expected


def test_age_and_sex_unchanged_by_the_claim_wording() -> None:
    summary = extract_summary(
        "This case involves a now 58-year-old female with a history of an occupational claim "
        "from 11/05/2016. The mechanism of injury is detailed as repetitive trauma."
    )
    assert (summary.age, summary.sex, summary.mechanism_of_injury) == (
        58,
        Sex.FEMALE,
        "repetitive trauma",
    )
