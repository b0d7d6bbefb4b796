"""Hypothesis strategies that generate whole :class:`imrparse.Letter` records.

Every generated letter is *consistent with its texts*: a value that the parser
reads out of a text (the case facts out of ``summary.text``, the citations out
of a guideline paragraph, name/strength/quantity out of a treatment header) is
generated first as a fact, the text is then written from the facts, and the
record carries exactly those facts. So the round-trip property compares the
parser's reading with what the generator *meant*, not with an earlier reading:

    parse(render(x)) == x        (ignoring diagnostics; render writes every other field)

The shapes of the texts follow the real letters in ``tests/seeds`` and the
forms listed in ``FORMAT.md``.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from hypothesis import strategies as st

from imrparse import (
    CaseSummary,
    Citation,
    Determination,
    Diagnostic,
    GuidelineBasis,
    Letter,
    Outcome,
    Reviewer,
    Severity,
    Sex,
    Treatment,
)
from imrparse.classifier import read_treatment
from imrparse.diagnostics import CODES
from imrparse.wordlists import SPECIALTIES, STATES

__all__ = [
    "SEPARATORS",
    "any_text",
    "bases",
    "citations",
    "determinations",
    "diagnostics",
    "injury_dates",
    "letters",
    "letters_with_diagnostics",
    "reviewers",
    "summaries",
    "treatments",
]

SEPARATORS = "\r\n\f\v\x85\u2028\u2029\x1c\x1d\x1e\t \u00a0"
any_text = st.text(alphabet=st.characters(codec=None) | st.sampled_from(SEPARATORS))
"""Arbitrary strings, with every line-ish separator over-represented."""

# --------------------------------------------------------------------------- treatments

DRUG_NAMES = (
    "Norco", "Flexeril", "Soma", "Fexmid", "Lidoderm", "Tramadol", "Gabapentin", "Naproxen",
    "Naproxen sodium", "Omeprazole", "Cyclobenzaprine", "Ultram ER", "Terocin", "Lyrica",
    "Oxycodone", "OxyContin", "Ibuprofen", "Celebrex", "Protonix", "Baclofen", "Ambien",
    "Neurontin", "Tizanidine", "Mobic", "Duragesic patch", "Voltaren gel", "Butrans",
    "Lidoderm\u00ae", "Toradol injection", "Medrox ointment", "Hydrocodone/APAP",
)  # fmt: skip
STRENGTHS = (
    "10mg", "5mg", "7.5mg", "10/325mg", "7.5/325mg", "5/325 mg", "50mg", "600 mg", "800mg",
    "20mg", "5%", "0.1%", "1%", "75mcg", "12.5mcg/hr", "10mg/ml", "150mg", "2.5mg",
)  # fmt: skip
FORMS = ("", "", "", " tablets", " patch", " cream", " capsules", " ER")
PROCEDURES = (
    "TRIGGER POINT INJECTION ON LEFT SIDE OF LOWER BACK",
    "MRI OF THE LUMBAR SPINE",
    "MRI OF THE LEFT KNEE WITHOUT CONTRAST",
    "RADIOFREQUENCY ABLATION AT LEFT L4-L5 AND L5-S1 FACET JOINTS",
    "LUMBAR EPIDURAL STEROID INJECTION AT L5-S1",
    "PHYSICAL THERAPY 2 TIMES A WEEK FOR 6 WEEKS FOR THE LUMBAR SPINE",
    "12 SESSIONS OF ACUPUNCTURE",
    "ELECTROMYOGRAPHY (EMG) OF THE BILATERAL LOWER EXTREMITIES",
    "NERVE CONDUCTION VELOCITY (NCV) STUDY OF THE UPPER EXTREMITIES",
    "FUNCTIONAL RESTORATION PROGRAM",
    "RIGHT SHOULDER ARTHROSCOPY WITH SUBACROMIAL DECOMPRESSION",
    "Chiropractic treatment",
    "Home health care",
    "Urine drug screen",
    "Retrospective request: Toradol injection",
    "DME: TENS unit",
    "Post-operative physical therapy",
)  # fmt: skip


@st.composite
def treatments(draw: st.DrawFn) -> Treatment:
    """A treatment as a header names it: a drug with or without strength and quantity,
    or a procedure (often all capitals, sometimes holding a colon), perhaps with a quantity."""
    if draw(st.booleans()):
        name = draw(st.sampled_from(DRUG_NAMES))
        strength = draw(st.none() | st.sampled_from(STRENGTHS))
        form = draw(st.sampled_from(FORMS)) if strength else ""
        text = name + (f" {strength}{form}" if strength else "")
    else:
        name = draw(st.sampled_from(PROCEDURES))
        strength = None
        text = name
    quantity = draw(st.none() | st.integers(1, 999))
    if quantity is not None:
        text += draw(st.sampled_from((f" #{quantity}", f" # {quantity}")))
    # what the treatment is (its grouping name, category, ...) is the lexicons' to say;
    # the strength and quantity drawn here are checked against what the parser reads
    kind = read_treatment(text)
    return Treatment(
        text=text,
        name=kind.name,
        brand=kind.brand,
        strength=strength,
        quantity=quantity,
        category=kind.category,
        subcategory=kind.subcategory,
        generic=kind.generic,
        sessions=kind.sessions,
    )


# --------------------------------------------------------------------------- citations

CPTG_TITLES = ("Chronic Pain Treatment Guidelines", "Chronic Pain Medical Treatment Guidelines")
DRUG_TOPICS = (
    "Opioids", "Cyclobenzaprine (Flexeril)", "Muscle relaxants (for pain)", "Carisoprodol (Soma)",
    "Topical analgesics", "Lidoderm (lidocaine patch)", "Antiepilepsy drugs (AEDs)",
    "Gabapentin (Neurontin)", "Tramadol (Ultram)", "Proton pump inhibitors",
    "NSAIDs (non-steroidal anti-inflammatory drugs)", "Cyclobenzaprine (Flexeril, Amrix)",
    "Opioids for chronic pain", "Trigger point injections", "Epidural steroid injections (ESIs)",
    "Physical Medicine", "Functional restoration programs (FRPs)", "Muscle Relaxants",
    "Cyclobenzaprine", "Criteria for use of opioids", "Weaning of medications",
)  # fmt: skip
ACOEM_CHAPTERS = (
    (8, "Neck and Upper Back Complaints"),
    (9, "Shoulder Complaints"),
    (10, "Elbow Disorders"),
    (11, "Forearm, Wrist, and Hand Complaints"),
    (12, "Low Back Complaints"),
    (13, "Knee Complaints"),
    (14, "Ankle and Foot Complaints"),
)
ACOEM_TOPICS = ("Special Studies", "Surgical Considerations", "Physical Methods", "Table 12-8")
ODG_TITLES = ("Official Disability Guidelines (ODG)", "Official Disability Guidelines")
ODG_SECTIONS = (
    "Pain",
    "Low Back",
    "Knee & Leg",
    "Shoulder",
    "Neck and Upper Back",
    "Carpal Tunnel Syndrome",
)
OTHER_TITLES = ("UpToDate", "Medscape", "National Guideline Clearinghouse")
PAGE_LABELS = ("Page(s): ", "Page(s):", "page(s): ", "Pages ", "Page ")


class CitationText(NamedTuple):
    text: str
    """The citation as written after ``Decision based on``."""
    citation: Citation


@st.composite
def _pages(draw: st.DrawFn) -> tuple[str, tuple[int, ...]]:
    """A page list: single pages, ranges (``74-96``) and ``41 of 127``, however separated."""
    items: list[str] = []
    pages: list[int] = []
    for _ in range(draw(st.integers(1, 3))):
        first = draw(st.integers(1, 400))
        kind = draw(st.sampled_from(("page", "page", "range", "of")))
        if kind == "range":
            last = first + draw(st.integers(1, 30))
            items.append(f"{first}-{last}")
            pages.extend(range(first, last + 1))
        elif kind == "of":
            items.append(f"{first} of {first + draw(st.integers(0, 200))}")
            pages.append(first)
        else:
            items.append(str(first))
            pages.append(first)
    separator = draw(st.sampled_from((", ", ",")))
    return separator.join(items), tuple(dict.fromkeys(pages))


def _topic_list(draw: st.DrawFn, pool: tuple[str, ...], most: int) -> tuple[str, ...]:
    return tuple(draw(st.lists(st.sampled_from(pool), max_size=most, unique=True)))


@st.composite
def citations(draw: st.DrawFn) -> CitationText:
    """One citation of any family, with its text and the record it must read as."""
    family = draw(st.sampled_from(("cptg", "cptg2009", "acoem", "odg", "other")))
    if family == "cptg":
        title = draw(st.sampled_from(CPTG_TITLES))
        topics = _topic_list(draw, DRUG_TOPICS, 2)
        text = f"MTUS {title}" + (" " + ", ".join(topics) if topics else "")
        pages: tuple[int, ...] = ()
        if draw(st.booleans()):
            page_text, pages = draw(_pages())
            comma = "," if topics and draw(st.booleans()) else ""
            text += f"{comma} {draw(st.sampled_from(PAGE_LABELS))}{page_text}"
        return CitationText(
            text, Citation(source="MTUS", mtus=True, title=title, topics=topics, pages=pages)
        )
    if family == "cptg2009":
        title = "Chronic Pain Medical Treatment 2009"
        topics = _topic_list(draw, DRUG_TOPICS, 3) or ("Opioids",)
        text = f"MTUS {title}, Section(s): " + ", ".join(topics)
        return CitationText(text, Citation(source="MTUS", mtus=True, title=title, topics=topics))
    if family == "acoem":
        number, chapter = draw(st.sampled_from(ACOEM_CHAPTERS))
        title = f"ACOEM Chapter {number} {chapter}"
        topics = _topic_list(draw, ACOEM_TOPICS, 1)
        text = "MTUS " + title + (", " + topics[0] if topics else "")
        page_text, pages = draw(_pages())
        text += f" {draw(st.sampled_from(PAGE_LABELS))}{page_text}"
        return CitationText(
            text, Citation(source="ACOEM", mtus=True, title=title, topics=topics, pages=pages)
        )
    if family == "odg":
        title = draw(st.sampled_from(ODG_TITLES))
        topics = (draw(st.sampled_from(ODG_SECTIONS)), *_topic_list(draw, DRUG_TOPICS, 1))
        if title.endswith(")"):
            text = f"Non-MTUS Citation {title} " + ", ".join(topics)
        else:
            text = f"Non-MTUS Citation {title}, " + ", ".join(topics)
        return CitationText(text, Citation(source="ODG", mtus=False, title=title, topics=topics))
    title = draw(st.sampled_from(OTHER_TITLES))
    topics = _topic_list(draw, ("Flexeril", "Lumbar facet pain", "Opioid tapering", "Soma"), 2)
    text = f"Other Medical Treatment Guidelines {title}" + "".join(", " + t for t in topics)
    return CitationText(text, Citation(source="Other", mtus=False, title=title, topics=topics))


NO_EVIDENCE = (
    "The Claims Administrator did not cite any medical evidence for its decision.",
    "The Claims Administrator did not cite any evidence-based guidelines for its decision.",
)


@st.composite
def bases(draw: st.DrawFn, *, may_be_empty: bool = False) -> GuidelineBasis:
    """A guideline paragraph: one or more ``Decision based on ...`` citations, joined by
    sentences or by ``and`` before the next family; or (claims side) no evidence cited."""
    if may_be_empty and draw(st.integers(0, 3)) == 0:
        return GuidelineBasis(text=draw(st.sampled_from(NO_EVIDENCE)), citations=())
    sentences: list[str] = []
    found: list[Citation] = []
    for _ in range(draw(st.integers(1, 3))):
        group = draw(st.lists(citations(), min_size=1, max_size=2))
        sentences.append("Decision based on " + " and ".join(c.text for c in group) + ".")
        found.extend(c.citation for c in group)
    return GuidelineBasis(text=" ".join(sentences), citations=tuple(found))


# --------------------------------------------------------------------------- prose

RATIONALE_SENTENCES = (
    "The MTUS Chronic Pain Medical Treatment Guidelines recommend non-sedating muscle relaxants with caution as a second-line option for short-term treatment.",
    "Cyclobenzaprine is more effective than placebo in the management of back pain; the effect is modest and comes at the price of greater adverse effects.",
    "The guidelines state that \"treatment should be brief.\"",
    "The effect is greatest in the first 4 days of treatment, suggesting that shorter courses may be better.",
    "There is no documentation of functional improvement (e.g., increased activity or a decrease in pain of at least 30%).",
    "The patient has been utilizing this medication since at least 05/2012.",
    "Guidelines require ongoing review of pain relief, functional status, appropriate medication use and side effects.",
    "A diagnostic medial branch block at L4-L5 and L5-S1 gave more than 70% relief.",
    "The requested quantity is in excess of the guidelines: no more than 2-3 weeks of use is recommended.",
    "ODG states that an MRI is indicated for red flags or progressive neurologic deficit.",
    "Page 41 of the guidelines addresses this question directly.",
    "Per the progress report dated 9-8-15, pain was rated 8/10 without medications and 4/10 with them.",
    "The patient's pain has actually gone up between 07/2013 and 11/2013.",
    "The prior utilization review non-certified the request; that decision is upheld.",
    "Therefore, the request is medically necessary.",
    "As such, the request is not medically necessary.",
    "MTUS ACOEM Chapter 12 states that imaging is not recommended in the absence of red flags.",
    "A non-steroidal anti-inflammatory drug (NSAID) was tried first; the patient is a well-known non-responder.",
)  # fmt: skip
SUMMARY_FILLER = (
    "Treatment to date has included physical therapy, chiropractic care and medications.",
    "The most recent document submitted for review is dated 07/28/14.",
    "Physical examination of the low back revealed palpable muscle spasm with loss of lumbar range of motion.",
    "Current medications included Lidoderm\u00ae patches, Norco 10/325mg and Lyrica 50 mg by mouth twice a day.",
    "Subjective findings (9-8-15) indicated low back pain that increases with standing, walking and bending.",
    "The patient rates the pain 8 out of 10 without medications.",
    "Straight leg raise is positive on the left at 60 degrees.",
    "An MRI of the lumbar spine dated 01/23/2013 showed a disc protrusion at L5-S1 with foraminal narrowing.",
    "There is also \"reduced\" range of motion of the lumbar spine especially on flexion and extension.",
    "The requesting physician's note asks for a refill of medication.",
    "Work status: temporarily totally disabled.",
)  # fmt: skip
MECHANISMS = (
    "a fall from a ladder", "lifting a heavy box", "repetitive lifting at work",
    "a motor vehicle accident", "cumulative trauma", "tripping over a pallet",
    "pulling a patient from a bed",
)  # fmt: skip
MECHANISM_UNKNOWN = (
    "Mechanism of injury is not described.",
    "The mechanism of injury was not documented.",
    "The mechanism of injury is unknown.",
)
DIAGNOSES = (
    "lumbar radiculopathy", "chronic pain syndrome", "cervical disc displacement",
    "lumbar facet arthropathy at L4-L5", "pain in joint, lower leg",
    "arthropathy, unspecified, shoulder region", "degeneration of lumbar or lumbosacral intervertebral disc",
    "carpal tunnel syndrome", "right shoulder impingement", "status post lumbar fusion",
    "myofascial pain", "depression", "lumbar sprain/strain", "grade 1 spondylolisthesis",
    "residual thoracolumbar pain", "cervicalgia", "left knee medial meniscus tear",
)  # fmt: skip


def _date_text(draw: st.DrawFn, date: datetime.date) -> str:
    y4, y2 = f"{date.year}", f"{date.year % 100:02d}"
    m, d = date.month, date.day
    return draw(
        st.sampled_from(
            (
                f"{m:02d}/{d:02d}/{y4}",
                f"{m}/{d}/{y4}",
                f"{m:02d}/{d:02d}/{y2}",
                f"{m}-{d}-{y2}",
                f"{m:02d}-{d:02d}-{y4}",
                f"{date:%B} {d}, {y4}",
            )
        )
    )


injury_dates = st.dates(datetime.date(1985, 1, 1), datetime.date(2016, 12, 31))


def _join_list(items: tuple[str, ...], final: str) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + final + items[-1]


@st.composite
def summaries(draw: st.DrawFn) -> CaseSummary:
    """The summary prose, written from generated facts; the record carries those facts."""
    age = draw(st.none() | st.integers(18, 80))
    sex = draw(st.sampled_from(Sex)) if age is not None or draw(st.booleans()) else None
    date = draw(st.none() | injury_dates)
    worker = draw(st.sampled_from(("The injured worker", "The patient", "The applicant")))
    who = ""
    if age is not None and sex is not None:
        form = draw(st.sampled_from(("{a} year old", "{a}-year-old", "{a} year-old")))
        who = f" is a {form.format(a=age)} {sex.value}"
    elif age is not None:
        who = f" is {age} years old"
    elif sex is not None:
        who = f" is a {sex.value}"
    mechanism: str | None = None
    sentences: list[str] = []
    if date is not None:
        how = draw(
            st.sampled_from(
                (
                    "sustained an industrial injury on",
                    "had a work related injury on",
                    "was injured on",
                    "reported a workplace injury on",
                )
            )
        )
        first = f"{worker}{who}{',' if who and draw(st.booleans()) else ''} who {how} {_date_text(draw, date)}"
        if who == "":
            first = f"{worker} {how} {_date_text(draw, date)}"
        if draw(st.booleans()):
            mechanism = draw(st.sampled_from(MECHANISMS))
            first += (
                f" while {mechanism}"
                if not mechanism.startswith("a ")
                else f" as a result of {mechanism}"
            )
        sentences.append(first + ".")
    elif who:
        sentences.append(f"{worker}{who} with chronic pain complaints.")
    if mechanism is None:
        choice = draw(st.integers(0, 2))
        if choice == 1:
            mechanism = draw(st.sampled_from(MECHANISMS))
            sentences.append(f"The mechanism of injury was {mechanism}.")
        elif choice == 2:
            sentences.append(draw(st.sampled_from(MECHANISM_UNKNOWN)))
    diagnoses: tuple[str, ...] = ()
    if draw(st.integers(0, 4)):
        diagnoses = tuple(
            draw(st.lists(st.sampled_from(DIAGNOSES), min_size=1, max_size=5, unique=True))
        )
        lead = draw(
            st.sampled_from(
                (
                    "The diagnoses have included",
                    f"{worker} was diagnosed as having",
                    "Diagnoses include",
                )
            )
        )
        sentences.insert(
            min(1, len(sentences)),
            f"{lead} {_join_list(diagnoses, draw(st.sampled_from((' and ', ', and '))))}.",
        )
    sentences.extend(draw(st.lists(st.sampled_from(SUMMARY_FILLER), max_size=4)))
    if not sentences:
        sentences.append(SUMMARY_FILLER[0])
    return CaseSummary(
        age=age,
        sex=sex,
        date_of_injury=date,
        mechanism_of_injury=mechanism,
        diagnoses=diagnoses,
        text=" ".join(sentences),
    )


@st.composite
def determinations(draw: st.DrawFn) -> Determination:
    treatment = draw(treatments())
    outcome = draw(st.sampled_from(Outcome))
    sentences = draw(st.lists(st.sampled_from(RATIONALE_SENTENCES), min_size=1, max_size=6))
    verdict = (
        "is not medically necessary" if outcome is Outcome.UPHELD else "is medically necessary"
    )
    sentences.append(f"The request for {treatment.text} {verdict}.")
    return Determination(
        treatment=treatment,
        outcome=outcome,
        claims_administrator_basis=draw(bases(may_be_empty=True)),
        reviewer_basis=draw(bases()),
        rationale=" ".join(sentences),
    )


@st.composite
def reviewers(draw: st.DrawFn) -> Reviewer:
    return Reviewer(
        title=draw(st.none() | st.sampled_from(("expert reviewer", "physician reviewer"))),
        board_certifications=tuple(
            draw(st.lists(st.sampled_from(SPECIALTIES), max_size=3, unique=True))
        ),
        licensed_states=tuple(draw(st.lists(st.sampled_from(STATES), max_size=3, unique=True))),
        min_years_in_practice=draw(st.none() | st.sampled_from((3, 5, 10, 15))),
        min_hours_per_week=draw(st.none() | st.sampled_from((16, 20, 24, 30))),
    )


def letters(max_determinations: int = 10) -> st.SearchStrategy[Letter]:
    """Whole letters in the main layout, consistent with their texts (no diagnostics)."""
    return st.builds(
        Letter,
        layout=st.just("fdl-2014"),
        case_number=st.none(),
        reviewer=reviewers(),
        summary=summaries(),
        # (one decision per treatment: two alike would be a repeated page, an error)
        determinations=st.lists(
            determinations(),
            min_size=1,
            max_size=max_determinations,
            unique_by=lambda d: d.treatment.text,
        ).map(tuple),
    )


diagnostics = st.builds(
    Diagnostic,
    severity=st.sampled_from(Severity),
    code=st.sampled_from(sorted(CODES)),
    message=st.text(max_size=40),
    line=st.integers(1, 10_000),
    column=st.integers(1, 500),
)


@st.composite
def letters_with_diagnostics(draw: st.DrawFn) -> Letter:
    """Letters with arbitrary diagnostics, unclaimed text, case number and source: for the
    converter round trip, which must carry every field."""
    letter = draw(letters(max_determinations=3))
    import attrs

    return attrs.evolve(
        letter,
        layout=draw(st.sampled_from(("fdl-2014", "fdl-2013", "unknown"))),
        case_number=draw(st.none() | st.from_regex(r"CM1[3-9]-\d{7}", fullmatch=True)),
        diagnostics=tuple(draw(st.lists(diagnostics, max_size=5))),
        unclaimed=tuple(draw(st.lists(st.text(max_size=30), max_size=3))),
        source=draw(st.none() | st.text(max_size=30)),
    )
