"""The grammar of request wording (``imrparse.classifier._wording``) and the procedure
rules ordered by what is done: one test per form and per rule, on variants written for
them (none is a letter's words)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imrparse.classifier import read_treatment
from imrparse.classifier._wording import (
    ANYWHERE_RULES,
    PREFIX_RULES,
    grammar,
    guidance_blanked,
    peel,
)

# Each form of wording with variants written for it: (text, what is left after peeling).
PREFIX_VARIANTS: dict[str, list[tuple[str, str]]] = {
    "date-of-service": [
        ("DOS 1/2/2016: Tramadol 50mg", "Tramadol 50mg"),
        ("Date of service 01-02-16 - MRI of the knee", "MRI of the knee"),
        ("(DOS Jan. 2, 2016) Lidoderm patch", "Lidoderm patch"),
        ("Dates of service: 2016-01-02 to 2016-01-09 chiropractic care", "chiropractic care"),
    ],
    "retrospective": [
        ("Retrospective ibuprofen 600mg", "ibuprofen 600mg"),
        ("Retro: Toradol injection", "Toradol injection"),
        ("Retrospectively requested naproxen", "naproxen"),
        ("Retrospective review of urine drug screen", "urine drug screen"),
    ],
    "urgency": [
        ("Prospective request for Celebrex", "Celebrex"),
        ("Urgent request for MRI of the knee", "MRI of the knee"),
        ("Concurrent review of inpatient rehabilitation", "inpatient rehabilitation"),
    ],
    "surgical-service": [
        ("Associated surgical service: cold therapy unit", "cold therapy unit"),
        ("Associated surgical services - assistant surgeon", "assistant surgeon"),
        ("Associated service: sling", "sling"),
    ],
    "peri-operative": [
        ("Post-op physical therapy", "physical therapy"),
        ("Postoperative Keflex 500mg", "Keflex 500mg"),
        ("Pre op EKG", "EKG"),
        ("Peri-operative cefazolin", "cefazolin"),
    ],
    "labs": [
        ("Labs to include: CBC, CMP", "CBC, CMP"),
        ("Laboratory tests including hepatic panel", "hepatic panel"),
        ("Lab work consisting of a lipid panel", "a lipid panel"),
        ("Labs: PT/INR", "PT/INR"),
    ],
    "refills": [
        ("Two refills of ibuprofen 600mg", "ibuprofen 600mg"),
        ("3 refills for Norco", "Norco"),
        ("A refill of Flexeril", "Flexeril"),
        ("Refills of meloxicam", "meloxicam"),
    ],
    "supply": [
        ("One month supply of Lyrica", "Lyrica"),
        ("30-day supply of tramadol", "tramadol"),
        ("A two week trial of Lidoderm", "Lidoderm"),
        ("90 day course of gabapentin", "gabapentin"),
    ],
    "quantity": [
        ("One container of ketoprofen cream", "ketoprofen cream"),
        ("Two tubes of diclofenac gel", "diclofenac gel"),
        ("Thirty tablets of Ultram", "Ultram"),
        ("30 patches of lidocaine", "lidocaine"),
    ],
    "request": [
        ("Request for Soma", "Soma"),
        ("Prescription of naproxen", "naproxen"),
        ("Rx for Mobic", "Mobic"),
        ("Requested: MRI of the knee", "MRI of the knee"),
        ("One prescription of Voltaren gel", "Voltaren gel"),
        ("Two orders for naproxen", "naproxen"),
    ],
}

ANYWHERE_VARIANTS: dict[str, list[tuple[str, str]]] = {
    "date-of-service": [
        ("Tramadol 50mg DOS: 1/2/2016", "Tramadol 50mg"),
        ("MRI of the knee (date of service 01/02/16-01/05/16)", "MRI of the knee"),
        ("Toradol injection on March 3, 2016", "Toradol injection"),
    ],
    "refills": [
        ("Ibuprofen 600mg with 2 refills", "Ibuprofen 600mg"),
        ("Naproxen 500mg, no refills", "Naproxen 500mg"),
        ("Meloxicam 15mg plus three refills", "Meloxicam 15mg"),
        ("Celebrex 200mg refills: 3", "Celebrex 200mg"),
    ],
    "supply": [
        ("Oxycodone 10mg #60 day supply: 30", "Oxycodone 10mg #60"),
        ("Tramadol 50mg 30 day supply", "Tramadol 50mg"),
    ],
    "dose": [
        ("Pantoprazole 40mg one by mouth", "Pantoprazole 40mg"),
        ("Naproxen 550mg 1 tab po", "Naproxen 550mg"),
        ("Tizanidine 4mg two tablets orally", "Tizanidine 4mg"),
    ],
    "frequency": [
        ("Ibuprofen 600mg BID", "Ibuprofen 600mg"),
        ("Norco 10/325mg q6h", "Norco 10/325mg"),
        ("Tramadol 50mg every 4-6 hours", "Tramadol 50mg"),
        ("Baclofen 10mg three times a day", "Baclofen 10mg"),
        ("Trazodone 50mg at bedtime", "Trazodone 50mg"),
        ("Gabapentin 300mg twice daily", "Gabapentin 300mg"),
        ("Flexeril 5mg as needed", "Flexeril 5mg"),
    ],
}


def test_every_rule_has_its_variants() -> None:
    assert [name for name, _ in PREFIX_RULES] == list(PREFIX_VARIANTS)
    assert [name for name, _ in ANYWHERE_RULES] == list(ANYWHERE_VARIANTS)


@pytest.mark.parametrize(
    ("form", "text", "left"),
    [(form, text, left) for form, cases in PREFIX_VARIANTS.items() for text, left in cases],
)
def test_wording_before_the_treatment_is_peeled(form: str, text: str, left: str) -> None:
    peeled = peel(text)
    assert peeled.text == left
    assert form in peeled.forms


@pytest.mark.parametrize(
    ("form", "text", "left"),
    [(form, text, left) for form, cases in ANYWHERE_VARIANTS.items() for text, left in cases],
)
def test_wording_anywhere_is_removed(form: str, text: str, left: str) -> None:
    peeled = peel(text)
    assert peeled.text == left
    assert form in peeled.forms


@pytest.mark.parametrize(
    "text",
    [
        "Physical therapy 2 times a week for 6 weeks",
        "Urgent care visit",
        "Opioid detoxification program",
        "Preparation H",
        "Laboratory",
        "Labrador evaluation",
        "MRI of the lumbar spine",
    ],
)
def test_wording_that_names_the_treatment_is_kept(text: str) -> None:
    assert peel(text).text == text


@pytest.mark.parametrize(
    ("text", "generic", "brand"),
    [
        ("Two refills of ibuprofen 600mg", "ibuprofen", None),
        ("Three refills of Celebrex 200mg #60", "celecoxib", "Celebrex"),
        ("Retrospective request for: two refills of Motrin 800mg", "ibuprofen", "Motrin"),
        ("DOS 2/3/2016 Retro Toradol 60mg IM", "ketorolac", "Toradol"),
        ("Associated surgical service: post-op Keflex 500mg #28", "cephalexin", "Keflex"),
        ("Continued: one month supply of Lyrica 75mg", "pregabalin", "Lyrica"),
        ("Naproxen 550mg one by mouth twice daily with 2 refills", "naproxen", None),
    ],
)
def test_a_medication_after_request_wording_is_named(
    text: str, generic: str, brand: str | None
) -> None:
    reading = read_treatment(text)
    assert (reading.generic, reading.brand, reading.name) == (
        generic,
        brand,
        generic.capitalize(),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Labs to include: CBC, CMP, hepatitis panel",
        "Pre-op labs to include vitamin D level and TSH",
        "Associated surgical service: Laboratory tests including PT/INR",
        "Labs: ferritin, iron studies",
    ],
)
def test_items_introduced_as_labs_are_labs(text: str) -> None:
    reading = read_treatment(text)
    assert (reading.category and reading.category.value, reading.subcategory) == (
        "Diagnostic Testing",
        "Lab & Pathology",
    )


@pytest.mark.parametrize(
    ("text", "subcategory"),
    [
        ("Lumbar epidural steroid injection under fluoroscopic guidance", "Injection"),
        ("Ultrasound-guided right shoulder subacromial injection", "Injection"),
        ("Fluoroscopically guided L4-5 transforaminal ESI", "Injection"),
        ("Right knee cortisone injection with ultrasound guidance", "Injection"),
        ("CT-guided celiac plexus block", "Injection"),
        ("Trigger point injections under ultrasound", "Injection"),
        ("Bilateral L4-5 facet injections with fluoroscopy", "Facet Injection"),
        ("Image-guided medial branch block", "Facet Injection"),
        ("EMG-guided botulinum toxin injection", "Injection"),
        ("Cervical epidural injection with sedation and fluoroscopy", "Injection"),
        # each word the pattern knows for guidance, not "guided" alone
        ("CT assisted epidural steroid injection", "Injection"),
        ("Ultrasound directed injection to the right knee", "Injection"),
        ("C-arm controlled lumbar epidural steroid injection", "Injection"),
        ("EMG localized botulinum toxin injection", "Injection"),
        ("Ultrasound localization for a trigger point injection", "Injection"),
        ("CT gu\u0131ded epidural steroid injection", "Injection"),  # a dotless i
    ],
)
def test_an_injection_under_imaging_guidance_is_an_injection(text: str, subcategory: str) -> None:
    reading = read_treatment(text)
    assert (reading.category and reading.category.value, reading.subcategory) == (
        "Injection",
        subcategory,
    )


@pytest.mark.parametrize(
    ("text", "subcategory"),
    [
        ("Fluoroscopy of the lumbar spine", "Imaging/Radiology"),
        ("Diagnostic ultrasound of the shoulder", "Imaging/Radiology"),
        ("CT scan of the head", "Imaging/Radiology"),
    ],
)
def test_imaging_alone_is_still_imaging(text: str, subcategory: str) -> None:
    assert read_treatment(text).subcategory == subcategory


def test_guidance_is_blanked_only_where_it_is_written() -> None:
    assert guidance_blanked("mri of the knee") == ""
    assert "fluoro" not in guidance_blanked("esi under fluoroscopic guidance")


@pytest.mark.parametrize(
    "text",
    [
        "Home health nursing visits 2 times a week for 4 weeks",
        "Skilled nursing visit for wound care",
        "Home visits by a registered nurse",
        "RN visit for dressing changes after surgery",
        "In-home care 4 hours a day",
        "Home health aide evaluation",
        "Nurse case visits weekly",
    ],
)
def test_nursing_and_home_visits_are_home_health(text: str) -> None:
    reading = read_treatment(text)
    assert (reading.category and reading.category.value, reading.subcategory) == (
        "Home Health",
        "Home Health",
    )


@pytest.mark.parametrize("text", ["Nursing home placement", "Skilled nursing facility, 14 days"])
def test_a_nursing_home_or_facility_is_no_care_at_home(text: str) -> None:
    assert read_treatment(text).subcategory != "Home Health"


@pytest.mark.parametrize(
    ("text", "generic", "subcategory"),
    [
        ("Right knee Synvisc injection", "hyaluronic acid", "Viscosupplementation"),
        ("Bilateral knee Euflexxa injections x3", "hyaluronic acid", "Viscosupplementation"),
        ("Topical Lidoderm 5% patch", "lidocaine", "Topical Analgesics"),
    ],
)
def test_a_drug_after_a_site_or_a_form_is_found(text: str, generic: str, subcategory: str) -> None:
    reading = read_treatment(text)
    assert (reading.generic, reading.subcategory) == (generic, subcategory)


def test_a_drug_injected_into_a_site_is_still_an_injection_procedure() -> None:
    reading = read_treatment("Left knee Toradol injection")
    assert (reading.category and reading.category.value, reading.generic) == ("Injection", None)


@pytest.mark.parametrize(
    ("text", "subcategory"),
    [
        ("Follow-up visit with the nurse practitioner", "Medical Specialties"),
        ("Office visit", "Medical Specialties"),
        ("Home exercise program", "Physical Therapy/Occupational Therapy (PT/OT)"),
    ],
)
def test_other_visits_keep_their_category(text: str, subcategory: str) -> None:
    assert read_treatment(text).subcategory == subcategory


@pytest.mark.parametrize(
    "text",
    [
        "Manipulation under anesthesia of the right shoulder",
        "Lumbar manipulation under general anaesthesia",
        "MUA left knee",
    ],
)
def test_a_manipulation_under_anaesthesia_is_surgery(text: str) -> None:
    reading = read_treatment(text)
    assert (reading.category and reading.category.value, reading.subcategory) == (
        "Surgery",
        "Non-arthroscopic Surgery",
    )


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        (
            "Flurbiprofen 20%, Baclofen 5%, Bupivacaine 5% in cream base",
            "flurbiprofen/baclofen/bupivacaine",
        ),
        (
            "Compound: ketoprofen 10%, cyclobenzaprine 2%, zorbicaine 4% in Lipoderm base",
            "ketoprofen/cyclobenzaprine/zorbicaine",
        ),
        (
            "Gabapentin 10%/Amitriptyline 5%/Quodamine 2% cream",
            "gabapentin/amitriptyline/quodamine",
        ),
        ("Lidocaine 5%, Flurbiprofen 20% compound cream 240gm", "lidocaine/flurbiprofen"),
        ("Zorbicaine 10%, Ketoprofen 10%, Lidocaine 5% 120gm", "zorbicaine/ketoprofen/lidocaine"),
    ],
)
def test_a_compound_keeps_every_ingredient(text: str, generic: str) -> None:
    reading = read_treatment(text)
    assert (reading.generic, reading.subcategory) == (generic, "Topical Compounds")


@pytest.mark.parametrize(
    "text",
    [
        *(text for cases in PREFIX_VARIANTS.values() for text, _ in cases),
        *(text for cases in ANYWHERE_VARIANTS.values() for text, _ in cases),
        "Physical therapy 2 times a week for 6 weeks",
        "with 2 refills Retrospective MRI",  # a prefix bared when the refills are taken out
    ],
)
def test_a_settled_peel_peels_nothing_more(text: str) -> None:
    peeled = peel(text)
    again = peel(peeled.text)
    if peeled.settled:
        assert (again.text, again.forms) == (peeled.text, ())


def test_a_peel_is_settled_when_no_prefix_is_left_and_nothing_was_taken_out() -> None:
    assert peel("Retrospective MRI").settled
    assert not peel("with 2 refills Retrospective MRI").settled
    assert not peel("MRI of the knee DOS 1/2/2016").settled  # something taken out
    assert not peel("Retrospective " * 12 + "MRI").settled  # a dozen peeled: no more tried


def test_a_prefix_rule_holds_no_group_of_its_own() -> None:
    # the prefix pattern tells the rule that matched by its last group, an empty one
    # after the rule's text
    for name, source in PREFIX_RULES:
        assert re.compile(source).groups == 0, name
    match = grammar().prefix.match("Two refills of Norco", "two refills of norco")
    assert match is not None and grammar().prefix_names[match.lastgroup or ""] == "refills"


_GUIDANCE_PIECES = (
    "under", "with", "using", "via", "by", "the", "aid of", "ct", "us", "u/s", "c-arm",
    "fluoroscopic", "fluoro", "ultrasound", "imaging", "emg", "mri", "guided", "guidance",
    "directed", "direction", "assisted", "assistance", "controlled", "control", "localized",
    "localisation", "injection", "epidural", "knee", "-", " ", "  ", "and", "plus",
    "gu\u0131ded", "a\u017f\u017fisted", "u\u017fing", "d\u0131rected",  # ı, ſ: "i", "s" case-blind
)  # fmt: skip


def _blanked_everywhere(low: str) -> str:
    """guidance_blanked without the words looked for first: the pattern asked always."""
    blanked = grammar().guidance.sub(" ", low, low)
    return blanked if blanked != low else ""


def test_guidance_words_miss_no_short_text_the_pattern_changes() -> None:
    """The words looked for before the guidance pattern is tried: wherever the pattern
    would change a text, one of them stands in it. Every text of up to three pieces."""
    for size in (1, 2, 3):
        for pieces in itertools.product(_GUIDANCE_PIECES, repeat=size):
            low = " ".join(pieces)
            assert guidance_blanked(low) == _blanked_everywhere(low), low


@given(st.lists(st.sampled_from(_GUIDANCE_PIECES), max_size=10))
def test_guidance_words_miss_no_text_the_pattern_changes(pieces: list[str]) -> None:
    low = "".join(pieces)  # (pieces glued too: "ctguided", "viathe")
    assert guidance_blanked(low) == _blanked_everywhere(low)


@pytest.mark.parametrize(
    "text",
    ["Acupuncture for 2 sessions", "CT scan of the head", "Arthroscopy of the right knee"],
)
def test_a_dotted_capital_i_before_a_procedure_does_not_shift_its_name(text: str) -> None:
    """ "İ" lower-cases to two characters: the procedure's place, found in the lower-cased
    name, must still be its place in the name ("İ CT scan of the head" was made
    "İ CCTof the head")."""
    dotted, plain = read_treatment("\u0130 " + text), read_treatment("I " + text)
    assert dotted.name is not None and plain.name is not None
    assert (dotted.name.replace("\u0130", "I"), dotted.subcategory) == (
        plain.name,
        plain.subcategory,
    )
