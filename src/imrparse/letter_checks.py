"""Checks on a letter as a whole, once its readings have met: a last rationale that may
be cut off, a determination that copies another (a repeated page or section), parts found
out of their order (pages out of order). Each adds its diagnostics; none changes a value.
"""

from __future__ import annotations

import re
from typing import Final

from .diagnostics import Collector
from .records import Determination

__all__ = ["check_order", "check_repeated", "check_truncation"]


_OUT_OF_PLACE: Final = frozenset(
    {
        "determination-out-of-place",
        "header-table-out-of-place",
        "opening-out-of-place",
        "section-out-of-order",
    }
)


def check_order(diag: Collector) -> None:
    """One error where parts of the letter were found out of their order: each was read
    where it stands, but the pages are out of order, and text on either side of a page
    break may have joined a value it does not belong to."""
    first = next((item for item in diag.items if item.code in _OUT_OF_PLACE), None)
    if first is not None:
        diag.add(
            "pages-out-of-order",
            f"parts of the letter stand out of their order ({first.code} here): its pages "
            "are out of order, and values read across a page break may hold another page's "
            "text",
            first.line,
            first.column,
        )


_SENTENCE_ENDS: Final = (".", "!", "?", '"', ")", "\u201d")
_DECISION_WORDS: Final = ("necess", "certif")
_VERDICT_WORDS: Final = (*_DECISION_WORDS, "recommend", "warrant", "indicated", "support",
                         "appropriate", "approv", "denied", "establish")  # fmt: skip
"""Words a whole last sentence may decide with ("Not recommended for long-term use."):
broader, for a sentence that is the rationale's last."""
"""Word stems of a rationale's decision sentence: "... is (not) medically necessary", "the
medical necessity ... is not established", "the request is non-certified". (Words such
as "recommended" also argue; these two decide.)"""


def _decides(sentence: str, tail: int = 0, words: tuple[str, ...] = _DECISION_WORDS) -> bool:
    """Whether a sentence decides: holds the decision ``words`` (in its last ``tail``
    characters, when given: "... is not medically necessary.")."""
    low = sentence[-tail:].lower() if tail else sentence.lower()
    return any(word in low for word in words)


def _last_sentences(text: str) -> list[str]:
    """The last two sentences of ``text`` (one, where it has no break), without the
    closing quote or bracket and the white space that part them. A sentence ends at
    ``.``, ``!`` or ``?``, a closing quote or bracket allowed, before white space and more
    text. (Sought from the end with ``str.rfind``: splitting the whole text cost ten times
    more. A "!" or "?" is sought again only where the one found last stands past the new
    end of the search: most texts have neither, and each search for one reads the whole
    text.)"""
    starts: list[int] = []  # where the last sentences start, from the last
    ends: list[int] = []  # where the sentence before each of them ends
    i = len(text)
    bang = question = i  # (the last "!" and "?" before i, once sought: -1 for none)
    while i > 0 and len(starts) < 2:
        if bang >= i:
            bang = text.rfind("!", 0, i)
        if question >= i:
            question = text.rfind("?", 0, i)
        # (compared in turn: compiled, max() of three is a generic call on boxed numbers)
        p = text.rfind(".", 0, i)
        if bang > p:
            p = bang
        if question > p:
            p = question
        if p < 0:
            break
        k = p + 1
        if k < len(text) and text[k] in _CLOSERS:
            k += 1
        j = k
        while j < len(text) and text[j].isspace():
            j += 1
        if k < j < len(text):
            starts.append(j)
            ends.append(p + 1)
        i = p
    if not starts:
        return [text]
    last = text[starts[0] :]
    before = text[starts[1] if len(starts) > 1 else 0 : ends[0]]
    return [before, last]


_CLOSERS: Final = '"\u201d)'
_DECISION_PHRASE: Final = re.compile(
    r"(?<!\bmay )(?<!\bmight )(?<!\bcould )(?<!\bwould )(?<!\bcan )"
    r"\b(?:is|are|was|were|be|been|being)[ \t]+(?:(?:therefore|thus|still|also)[ \t]+)?"
    r"(?:(?:not[ \t]+(?:(?:deemed|considered|found|shown)[ \t]+(?:to[ \t]+be[ \t]+)?)?"
    r"(?:(?:medically|clinically)[ \t]+)?(?:necessary|indicated|appropriate|supported|"
    r"warranted|recommended|established|certified|approved|justified|reasonable|"
    r"substantiated|a[ \t]+medical[ \t]+necessity))"
    r"|(?:(?:deemed|considered|found|shown)[ \t]+(?:to[ \t]+be[ \t]+)?)?"
    r"(?:(?:medically|clinically)[ \t]+(?:necessary|indicated|appropriate|reasonable)|"
    r"necessary|non-?certified|certified|denied|a[ \t]+medical[ \t]+necessity))",
    re.IGNORECASE,
)
"""A decision as a rationale states it, ending a sentence that lacks only its full stop
("... is not medically necessary", "... is not recommended", "... is non-certified"); a
hedge ("may be appropriate") or a bare verb ("surgery was recommended", cut before "by")
is none."""


def check_truncation(last: Determination, place: tuple[int, int], diag: Collector) -> None:
    """Say where the letter's last rationale may be cut off. A rationale ends with its
    decision sentence ("... is not medically necessary."): one that stops mid-sentence
    after no such sentence is an error (a truncated download, a lost last page); one
    whose last sentence is whole but states no decision is a warning. (Stray fragments
    after the decision, an extractor's leftovers from past the page's end, are no cut.)"""
    rationale = last.rationale.rstrip()
    if not rationale:
        return
    sentences = _last_sentences(rationale)
    if rationale.endswith(_SENTENCE_ENDS):
        if not _decides(sentences[-1], words=_VERDICT_WORDS):
            diag.add(
                "no-decision-sentence",
                f"the last rationale ends with {sentences[-1][-50:]!r}, not with a decision: "
                "the letter may be cut off at a sentence's end",
                *place,
            )
        return
    whole = sentences[-2] if len(sentences) > 1 else ""
    fragment = sentences[-1]
    # A decision sentence that lacks only its full stop is whole ("... is not medically
    # necessary"). Text after a decision that does not start as a sentence does (a
    # capital) is an extractor's leftover from past the page's end, not a cut; one
    # that starts as a sentence and stops mid-way is ("... is not established.
    # Therefore, th"). (The sentence before must end by deciding: "success is
    # necessary" in an argument, followed by more, is no decision.)
    bare = fragment.rstrip(_CLOSERS)
    decision = _DECISION_PHRASE.search(bare, max(0, len(bare) - 80))
    if decision is not None and decision.end() == len(bare):
        return
    if not (_decides(whole, 60) and fragment[:1].islower()):
        diag.add(
            "may-be-truncated",
            f"the last rationale stops mid-sentence ({rationale[-40:]!r}) without a decision: "
            "the letter may be cut off",
            *place,
        )


def _copy_key(determination: Determination) -> tuple[object, ...]:
    """What two determinations that copy one another share but for their rationales."""
    return (
        determination.treatment,
        determination.outcome,
        determination.original_request,
        determination.authorized,
        determination.claims_administrator_basis,
        determination.reviewer_basis,
    )


def check_repeated(
    determinations: list[Determination], places: list[tuple[int, int]], diag: Collector
) -> None:
    """Report each determination that copies one before it: the same treatment, outcome
    and guideline bases, and a rationale that equals the other's or begins it (a copy
    cut short, or one that took in the text after it). A repeated page or section,
    which a table would count twice; two real decisions differ in their rationale."""
    # The first determination of each key, among those of its treatment's text. (Keys are
    # compared only where the texts are equal: hashing a key hashes every record in it, in
    # Python, and most letters' treatments differ.)
    # (Each kept with the determination it is of: its key is made only where another
    # has its treatment's text, as the keys are compared only there; most letters have
    # none, and a key read six attributes of a record, generically.)
    seen: dict[str, list[tuple[Determination, str, int]]] = {}
    for determination, (line, column) in zip(determinations, places, strict=True):
        rationale = determination.rationale
        text = determination.treatment.text
        same_text = seen.get(text)
        if same_text is None:
            seen[text] = [(determination, rationale, line)]
            continue
        key = _copy_key(determination)
        earlier = None
        for entry in same_text:  # (compiled, a loop: next() over a generator makes one)
            if _copy_key(entry[0]) == key:
                earlier = entry
                break
        if earlier is None:
            same_text.append((determination, rationale, line))
            continue
        _determination, other, first = earlier
        if other.startswith(rationale) or rationale.startswith(other):
            diag.add(
                "duplicate-determination",
                f"the determination {determination.treatment.text[:60]!r} repeats the "
                f"one on line {first}: a repeated page or section",
                line,
                column,
            )
