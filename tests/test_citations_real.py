"""Citations as the published letters write them: the family rules and one citation a clause.

The unit tests use made-up citation strings, one per rule. The last test checks every
citation of the real development letters in ``../shared/realworld/`` (when that folder is
there) against their hand-checked gold: count, families, ``mtus`` flags and pages per side.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import imrparse
from imrparse import Citation
from imrparse.diagnostics import Collector
from imrparse.extractors.citations import (
    _NEXT_DOCUMENT,
    _YEAR_AHEAD,
    MAX_CLAUSES,
    parse_basis,
    parse_citation,
)
from imrparse.stats import summarize
from imrparse.wordlists import ACOEM_CHAPTERS

REALWORLD = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"


def families(text: str) -> list[tuple[str, bool]]:
    return [(c.source, c.mtus) for c in parse_basis(text).citations]


# --------------------------------------------------------------------------- ACOEM chapters


@pytest.mark.parametrize(
    ("text", "title", "topics"),
    [
        (
            "MTUS Low Back Complaints 2004, Section(s): Special Studies",
            "Low Back Complaints 2004",
            ("Special Studies",),
        ),
        ("MTUS Neck and Upper Back Complaints 2004", "Neck and Upper Back Complaints 2004", ()),
        (
            "MTUS Forearm, Wrist, and Hand Complaints 2004",
            "Forearm, Wrist, and Hand Complaints 2004",
            (),
        ),
        (
            "MTUS Forearm, Wrist and Hand Complaints, Physical Methods",
            "Forearm, Wrist and Hand Complaints",
            ("Physical Methods",),
        ),
        (
            "MTUS General Approaches 2004, Section(s): Cornerstones of Disability Prevention",
            "General Approaches 2004",
            ("Cornerstones of Disability Prevention",),
        ),
        ("MTUS Elbow Complaints 2007, Section(s): 326", "Elbow Complaints 2007", ("326",)),
        ("MTUS Stress- Related Conditions 2004", "Stress- Related Conditions 2004", ()),
        ("MTUS Ankle & Foot Complaints", "Ankle & Foot Complaints", ()),
        (
            "MTUS Pain, Suffering, and the Restoration of Function 2004",
            "Pain, Suffering, and the Restoration of Function 2004",
            (),
        ),
        ("MTUS Eye 2004", "Eye 2004", ()),
    ],
)
def test_an_acoem_chapter_inside_mtus_is_acoem(
    text: str, title: str, topics: tuple[str, ...]
) -> None:
    assert parse_citation(text) == Citation(
        source="ACOEM", mtus=True, title=title, topics=topics, pages=()
    )


def test_an_acoem_chapter_by_number_keeps_its_pages() -> None:
    assert parse_citation("MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300-301") == (
        Citation(
            source="ACOEM",
            mtus=True,
            title="ACOEM Chapter 12 Low Back Complaints",
            topics=(),
            pages=(300, 301),
        )
    )


def test_every_chapter_of_the_list_is_read_as_acoem() -> None:
    for name in ACOEM_CHAPTERS:
        citation = parse_citation(f"MTUS {name} 2004, Section(s): Summary")
        assert (citation.source, citation.title) == ("ACOEM", f"{name} 2004"), name


@pytest.mark.parametrize(
    "text",
    [
        "MTUS Eyewear Guidelines",  # a chapter's name must end where a word ends
        "MTUS Chronic Pain Medical Treatment 2016, Section(s): Knee Complaints",
        "MTUS Knee Pain Guidelines",
    ],
)
def test_a_chapter_name_only_counts_as_the_whole_first_words(text: str) -> None:
    assert parse_citation(text).source == "MTUS"


# --------------------------------------------------------------------------- MTUS's own parts


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("MTUS Chronic Pain Medical Treatment 2016, Section(s): Office visits", "Chronic Pain Medical Treatment 2016"),
        ("MTUS Chronic Pain Medical Treatment 2009, Section(s): Drug testing", "Chronic Pain Medical Treatment 2009"),
        ("MTUS Opioid Treatment 2016, Section(s): 4.1 Tapering Opioids: Indications", "Opioid Treatment 2016"),
        ("MTUS Acupuncture Treatment 2007", "Acupuncture Treatment 2007"),
        ("MTUS Postsurgical Treatment 2009, Section(s): Knee", "Postsurgical Treatment 2009"),
    ],
)  # fmt: skip
def test_mtus_own_parts_are_mtus(text: str, title: str) -> None:
    citation = parse_citation(text)
    assert (citation.source, citation.mtus, citation.title) == ("MTUS", True, title)


def cited(text: str) -> list[tuple[str, bool, str, tuple[str, ...], tuple[int, ...]]]:
    return [(c.source, c.mtus, c.title, c.topics, c.pages) for c in parse_basis(text).citations]


def test_a_clause_naming_several_mtus_documents_gives_one_citation_each() -> None:
    assert cited(
        "Decision based on MTUS Knee Complaints 2004, and Chronic Pain Medical Treatment "
        "2016, Section(s): Physical medicine treatment."
    ) == [
        ("ACOEM", True, "Knee Complaints 2004", (), ()),
        ("MTUS", True, "Chronic Pain Medical Treatment 2016", ("Physical medicine treatment",), ()),
    ]
    assert families(
        "Decision based on MTUS Postsurgical Treatment 2009, and Chronic Pain Medical "
        "Treatment 2016."
    ) == [("MTUS", True), ("MTUS", True)]
    assert families(
        "Decision based on MTUS Shoulder Complaints 2004, and Low Back Complaints 2004."
    ) == [("ACOEM", True), ("ACOEM", True)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # three documents, each with sections whose names hold commas and "and"
        (
            "Decision based on MTUS Elbow Complaints 2007, Section(s): Surgical Considerations, "
            "Summary, and Acupuncture Medical Treatment 2007, and Opioid Treatment 2016, "
            "Section(s): Tapering and Weaning.",
            [("ACOEM", "Elbow Complaints 2007"), ("MTUS", "Acupuncture Medical Treatment 2007"),
             ("MTUS", "Opioid Treatment 2016")],
        ),
        # a document the list does not know, told by its shape: a title-case name and a year
        (
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Surgical "
            "Considerations, and Clinical Topics 2017, Section(s): Work Hardening.",
            [("ACOEM", "Low Back Complaints 2004"), ("MTUS", "Clinical Topics 2017")],
        ),
        # no comma before "and", but the first document is whole (it has its year)
        (
            "Decision based on MTUS Knee Complaints 2004 and Chronic Pain Treatment Guidelines.",
            [("ACOEM", "Knee Complaints 2004"), ("MTUS", "Chronic Pain Treatment Guidelines")],
        ),
    ],
)  # fmt: skip
def test_each_mtus_document_of_a_clause_is_its_own_citation(
    text: str, want: list[tuple[str, str]]
) -> None:
    got = parse_basis(text).citations
    assert [(c.source, c.title) for c in got] == want
    assert all(c.mtus for c in got)


@pytest.mark.parametrize(
    "text",
    [
        "Decision based on MTUS Ankle and Foot Complaints 2004, Section(s): Summary.",
        "Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004.",
        "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, "
        "criteria for use, and Opioids, dosing.",
        "Decision based on MTUS Pain, Suffering, and the Restoration of Function 2004.",
        "Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3 Opioids for Chronic "
        "Pain and Chronic Opioid Treatment: Initiating and Monitoring Chronic Opioid Treatment.",
    ],
)
def test_and_inside_one_documents_name_or_sections_cuts_nothing(text: str) -> None:
    assert len(parse_basis(text).citations) == 1


# Pieces of clauses for the test below: words that open a title-case name or not, the
# connectors, the characters of a year and what may stand between the name and it.
_CLAUSE_PIECES = st.sampled_from(
    [
        "and", "And", "Chronic", "Opioid", "Treatment", "Knee", "Complaints", "Upper",
        "O'Neil", "Post-", "of", "the", "&", ",", ", ", " ", "  ", "\t", ":", "(", ")",
        "2004", "1999", "(2007)", "2016", "12", "20", "19", "/", "x", "Section(s):",
        "\u212a", "\u0130",
    ]
)  # fmt: skip


@given(st.lists(_CLAUSE_PIECES, max_size=24).map("".join))
@example("MTUS Opioid Treatment 2016, Section(s): Pain and Chronic Opioid Treatment: Use of X")
@example("MTUS Knee Complaints 2004, and Upper Back Complaints (2004)")
def test_the_year_ahead_rules_out_only_names_no_year_follows(text: str) -> None:
    # The pattern that cuts an MTUS clause gives, at every offset, what it gave without
    # the look ahead for the year (which only spares it the failing tries).
    without = re.compile(_NEXT_DOCUMENT.pattern.replace(_YEAR_AHEAD, "", 1))
    assert without.pattern != _NEXT_DOCUMENT.pattern
    for at in range(len(text)):
        old, new = without.match(text, at), _NEXT_DOCUMENT.match(text, at)
        assert (old is None) == (new is None)
        if old is not None and new is not None:
            assert old.span() == new.span()
            assert old.group("known", "comma") == new.group("known", "comma")


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 41-42", (41, 42)),
        ("MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pg. 607", (607,)),
        ("MTUS Chronic Pain Medical Treatment Guidelines, Opioids page 137", (137,)),
        ("Non-MTUS Citation ACOEM Practice Guidelines, pp. 80-82", (80, 81, 82)),
        ("Non-MTUS Citation ACOEM Practice Guidelines, pgs 12, 14", (12, 14)),
        ("Non-MTUS Citation ACOEM Practice Guidelines, p. 9", (9,)),
        ("MTUS Chronic Pain Medical Treatment Guidelines, Opioids pg. 78, NSAIDs page 67", (78, 67)),
    ],
)  # fmt: skip
def test_every_page_form_is_read_as_pages(text: str, pages: tuple[int, ...]) -> None:
    citation = parse_citation(text)
    assert citation.pages == pages
    assert not any(char.isdigit() for topic in citation.topics for char in topic)


def test_a_clause_outside_mtus_is_cut_where_it_names_another_family() -> None:
    assert families(
        "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, "
        "Lumbar supports, and ACOEM Practice Guidelines, 2nd Edition, Chapter 12."
    ) == [("ODG", False), ("ACOEM", False)]
    # the same family named twice is one document
    assert families(
        "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee, "
        "Official Disability Guidelines (ODG), Physical Therapy Guidelines."
    ) == [("ODG", False)]


# --------------------------------------------------------------------------- outside MTUS


def test_non_mtus_odg_is_odg() -> None:
    citation = parse_citation(
        "Non-MTUS Citation Official Disability Guidelines (ODG) Low Back - Lumbar & Thoracic "
        "(Acute & Chronic), EMG, NCV"
    )
    assert (citation.source, citation.mtus) == ("ODG", False)
    assert citation.title == "Official Disability Guidelines (ODG)"
    assert parse_citation("Non- MTUS Citation ODG Neck and Upper Back Chapter").source == "ODG"


def test_non_mtus_acoem_is_acoem() -> None:
    citation = parse_citation("Non-MTUS Citation ACOEM: Hip and groin disorders, imaging")
    assert (citation.source, citation.mtus) == ("ACOEM", False)
    named_later = parse_citation("Non-MTUS Citation Practice guidelines of ACOEM, 3rd edition")
    assert (named_later.source, named_later.mtus) == ("ACOEM", False)


def test_non_mtus_chapter_name_without_acoem_is_other() -> None:
    # The chapter list names MTUS's chapters; a citation outside MTUS has to say ACOEM.
    citation = parse_citation("Non-MTUS Citation Eye Care Handbook, Cataract")
    assert (citation.source, citation.mtus, citation.title) == ("Other", False, "Eye Care Handbook")


def test_non_mtus_anything_else_is_other() -> None:
    citation = parse_citation("Non-MTUS Citation A Journal of Rehabilitation. 2015;12(3):45-50")
    assert (citation.source, citation.mtus) == ("Other", False)


# --------------------------------------------------------------------------- clauses


def test_each_decision_based_on_clause_is_one_citation() -> None:
    assert families(
        "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Manual therapy "
        "& manipulation. Decision based on Non-MTUS Citation Official Disability Guidelines "
        "(ODG) Low Back, Manipulation and ODG Chiropractic Guidelines."
    ) == [("MTUS", True), ("ODG", False)]


def test_a_web_address_after_other_guidelines_stays_in_its_clause() -> None:
    assert families(
        "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee/Bracing "
        "and Other Medical Treatment Guidelines https://www.example.org/policy/0001.html."
    ) == [("ODG", False)]


def test_and_before_a_named_guideline_opens_a_citation() -> None:
    assert families(
        "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain, "
        "Tramadol and Other Medical Treatment Guidelines Medscape, Tramadol."
    ) == [("ODG", False), ("Other", False)]
    assert families(
        "Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 80 and "
        "MTUS ACOEM Chapter 9 Shoulder Complaints Page(s): 207."
    ) == [("MTUS", True), ("ACOEM", True)]


def test_prose_and_no_evidence_are_no_citations() -> None:
    assert families(
        "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS "
        "Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG)."
    ) == [("ODG", False)]
    assert (
        families("The Claims Administrator did not cite any medical evidence for its decision.")
        == []
    )


def test_a_clause_met_again_gives_the_same_citations_and_places() -> None:
    basis = "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids."
    clauses: dict[str, list[tuple[Citation, str]]] = {}
    diag = Collector()
    first: list[tuple[int, int]] = []
    again: list[tuple[int, int]] = []
    read = parse_basis(basis, diag, 3, first, clauses)
    assert len(clauses) == 1
    assert parse_basis("  " + basis, diag, 9, again, clauses) == parse_basis("  " + basis)
    assert read.citations and again == [(start + 2, end + 2) for start, end in first]


def test_a_full_table_of_clauses_is_cleared_before_it_takes_one_more() -> None:
    basis = "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids."
    clauses: dict[str, list[tuple[Citation, str]]] = {str(n): [] for n in range(MAX_CLAUSES)}
    read = parse_basis(basis, Collector(), 3, None, clauses)
    assert list(clauses) == [basis[len("Decision based on ") :].rstrip(".")]
    assert read == parse_basis(basis)


def test_a_clause_that_reports_a_problem_reports_it_each_time() -> None:
    basis = "Decision based on Some Journal Article, Low Back."
    clauses: dict[str, list[tuple[Citation, str]]] = {}
    diag = Collector()
    parse_basis(basis, diag, 3, None, clauses)
    parse_basis(basis, diag, 9, None, clauses)
    assert not clauses
    assert [(item.code, item.line) for item in diag.items] == [
        ("unknown-citation", 3),
        ("unknown-citation", 9),
    ]


@pytest.mark.parametrize(
    ("text", "source", "mtus", "title"),
    [
        ("Non-MTUS Citation ODG Low Back", "ODG", False, "ODG"),
        ("Non MTUS ODG Low Back", "ODG", False, "ODG"),
        ("NonMTUS Citations ODG Low Back", "ODG", False, "ODG"),
        ("CA MTUS Chronic Pain Medical Treatment 2016", "MTUS", True, ""),
        ("MTUSx Knee", "MTUS", True, ""),
        ("Other Medical Treatment Guidelines Medscape", "Other", False, "Medscape"),
        ("ODGs Low Back", "Other", False, ""),
        ("Official  Disability\tGuidelines, Low Back", "ODG", False, ""),
    ],
)
def test_the_family_a_citation_opens_with(text: str, source: str, mtus: bool, title: str) -> None:
    citation = parse_citation(text)
    assert (citation.source, citation.mtus) == (source, mtus)
    if title:
        assert citation.title == title


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("MTUS Knee Complaints 2004, Section(s): Special Studies", ("Special Studies",)),
        ("MTUS Knee Complaints 2004, Sections (s) : Surgery, Bracing", ("Surgery", "Bracing")),
        ("MTUS Knee Complaints 2004, Subsection: Surgery", ()),
    ],
)
def test_the_sections_label_cuts_the_topics(text: str, topics: tuple[str, ...]) -> None:
    citation = parse_citation(text)
    if topics:
        assert citation.topics == topics
    else:
        assert "Surgery" not in citation.topics


# --------------------------------------------------------------------------- real letters

# Determinations whose citations fail only because the section grammar merges two
# determination blocks into one (the outcome alone on the line after the heading), so
# that one block holds the next block's citations too. (gold case, gold index)
GRAMMAR_MERGED: frozenset[tuple[str, int]] = frozenset(
    {
        ("CM17-0007300", 0),  # heading's "Upheld" on the next line: det 1 merged into det 0
        ("CM17-0009441", 4),  # the same: det 5 merged into det 4
    }
)

_NORM = re.compile(r"[^0-9a-z]+")


def _key(text: str | None) -> str:
    return _NORM.sub("", (text or "").casefold())


def _side(citations: Any) -> tuple[int, Counter[str], Counter[bool], set[int]]:
    return (
        len(citations),
        Counter(str(c["family"] if isinstance(c, dict) else c.source).upper() for c in citations),
        Counter(bool(c["mtus"] if isinstance(c, dict) else c.mtus) for c in citations),
        {p for c in citations for p in (c["pages"] if isinstance(c, dict) else c.pages)},
    )


def test_real_letters_citations_match_the_gold() -> None:
    gold_dir, text_dir = REALWORLD / "gold", REALWORLD / "text" / "pypdf"
    if not gold_dir.is_dir() or not text_dir.is_dir():
        pytest.skip("../shared/realworld is not here")
    checked = 0
    failures = []
    for gold_path in sorted(gold_dir.glob("CM*.json")):
        case = gold_path.stem
        texts = sorted(text_dir.glob(f"*{case}*.txt"))
        if not texts:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["determinations"]
        letter = imrparse.parse(texts[0].read_text(encoding="utf-8"))
        found = list(letter.determinations)
        if len(found) != len(gold):  # align by treatment, as the scorer does
            by_text = {_key(d.treatment.text): d for d in found}
            pairs = [(g, by_text.get(_key(g["treatment_text"]))) for g in gold]
        else:
            pairs = list(zip(gold, found, strict=True))
        for index, (g, d) in enumerate(pairs):
            if d is None or (case, index) in GRAMMAR_MERGED:
                continue
            for side, basis in (
                ("claims", d.claims_administrator_basis),
                ("reviewer", d.reviewer_basis),
            ):
                checked += 1
                want = _side(g[f"{side}_citations"])
                got = _side(basis.citations if basis is not None else ())
                if got != want:
                    failures.append((case, index, side, want, got))
    assert failures == []
    assert checked > 200


def test_stats_and_rows_count_each_document_of_a_clause() -> None:
    text = imrparse.examples.read_text("overturned").replace(
        "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen, ",
        "MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): "
        "Summary, and Chronic Pain Treatment Guidelines Baclofen, ",
    )
    letter = imrparse.parse(text)
    cites = letter.determinations[0].reviewer_basis.citations
    assert [(c.source, c.title, c.pages) for c in cites] == [
        ("ACOEM", "Low Back Complaints 2004", ()),
        ("MTUS", "Chronic Pain Treatment Guidelines", (63, 64)),
    ]
    summary = summarize([letter])
    assert {key: tally.total for key, tally in summary.by_source.items()} == {
        "ACOEM": 1,
        "MTUS": 1,
    }
    assert imrparse.to_rows([letter])[0]["reviewer_sources"] == "ACOEM; MTUS"
