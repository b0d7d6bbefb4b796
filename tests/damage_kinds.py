"""Kinds of damage that analysts' files suffer, as plain functions of a letter's text.

Each kind is a function ``(text, rng) -> str | None``: the text of a real letter and a
``random.Random`` in, a damaged copy out (``None`` when the text offers nothing that kind
of damage can act on, such as page swaps in a text without form feeds). The kinds model
what happens to real files: downloads cut off, merged PDFs with pages lost, repeated or
out of order, table cells that come out blank, and the slips of OCR.

``tests/mutations.py`` lists them as the catalogue's ``DAMAGE``; the properties in
``tests/test_damage.py`` run each over the real letters (every damaged letter is read
right, or says what it could not read), and ``benchmarks/damage.py`` prints the share of
damaged letters that come back wrong with no warning and no error. ``docs/mutations.md``
describes each kind.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import imrparse
from imrparse import Severity

__all__ = ["DAMAGE", "Damage", "Verdict", "judge", "seamless_loss", "traceless"]

Damage = Callable[[str, random.Random], "str | None"]

# A treatment header: a line that ends in its outcome.
_TREATMENT_HEADER = re.compile(r"^[^\n]*:[ \t]*(?:Upheld|Overturned)[ \t]*\r?$", re.MULTILINE)
_OUTCOME = re.compile(r"(?<=:)[ \t]*(Upheld|Overturned)(?=[ \t]*\r?$)", re.MULTILINE)
_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
_CASE_OR_PRIORITY = re.compile(r"\bCM\d{2}-\d{7}\b|\b(?:Standard|Expedited)\b")
_RATIONALE = re.compile(r"Decision rationale:")
# The summary's first sentence states age and sex ("a 32 year old female", "a 55-year-old
# male") and the date of injury follows in the same paragraph.
_AGE_SEX = re.compile(r"\b\d{2}[ -]year[ -]old[ \t]+(?:male|female|man|woman)\b", re.I)
_SUMMARY_DATE = re.compile(r"\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b")
_SECTION = "HOW THE IMR"
_SUMMARY = "CLINICAL CASE SUMMARY"
_DECISIONS = "IMR ISSUES"

# Labels a letter prints, by the part of the letter they stand in.
_PART_LABELS = (
    "State(s) of Licensure",
    "Certification(s)/Specialty",
    "Claims Administrator guideline",
    "MAXIMUS guideline",
    "Decision rationale",
)
_HEADER_LABELS = (
    "Case Number",
    "Date Assigned",
    "Decision Date",
    "Date of Injury",
    "UR Denial Date",
    "Application Received",
    "Priority",
)
# What OCR reads a letter as: one letter for another that looks like it.
_LOOKALIKE = {"l": "1", "o": "0", "O": "0", "I": "l", "i": "l", "S": "5", "B": "8"}


def _head(text: str) -> str:
    """The text before the first section heading (the header table's place)."""
    at = text.find(_SECTION)
    return text[: at if at >= 0 else min(len(text), 800)]


def _pages(text: str) -> list[str] | None:
    pages = text.split("\f")
    if len(pages) < 3 or (not pages[-1].strip() and len(pages) < 4):
        return None
    return pages


def _last_page_index(pages: list[str]) -> int:
    """The index of the last page with text (a trailing form feed leaves an empty one)."""
    last = len(pages) - 1
    while last > 0 and not pages[last].strip():
        last -= 1
    return last


def _present(text: str, labels: tuple[str, ...]) -> list[re.Match[str]]:
    found = []
    for label in labels:
        pattern = r"\s+".join(map(re.escape, label.split()))
        found.extend(re.finditer(pattern, text))
    return found


# --------------------------------------------------------------------------- downloads cut off


def truncate(text: str, rng: random.Random) -> str | None:
    """A download cut off anywhere in the last sixth of the letter."""
    return text[: rng.randint(len(text) * 5 // 6, len(text) - 20)]


def truncate_mid_sentence(text: str, rng: random.Random) -> str | None:
    """A download cut off inside the last rationale, between two words of a sentence."""
    labels = list(_RATIONALE.finditer(text))
    if not labels:
        return None
    last = labels[-1]
    body = text[last.end() :].rstrip()
    cuts = [m.start() for m in re.finditer(r"(?<=[a-z,]) (?=[a-z])", body)]
    if len(cuts) < 4:
        return None
    return text[: last.end()] + body[: rng.choice(cuts[len(cuts) // 4 :])]


def lose_last_page(text: str, rng: random.Random) -> str | None:
    """The last page lost (a PDF saved before it was whole)."""
    pages = _pages(text)
    if pages is None:
        return None
    return "\f".join(pages[: _last_page_index(pages)]) + "\f"


# --------------------------------------------------------------------------- pages


def _inner_page(text: str, rng: random.Random) -> tuple[list[str], int] | None:
    """The pages, and one drawn that is neither the first nor the last with text."""
    pages = _pages(text)
    if pages is None:
        return None
    last = _last_page_index(pages)
    if last < 2:
        return None
    return pages, rng.randint(1, last - 1)


def drop_page(text: str, rng: random.Random) -> str | None:
    """A page lost from the middle of the letter (neither the first nor the last)."""
    drawn = _inner_page(text, rng)
    if drawn is None:
        return None
    pages, i = drawn
    return "\f".join(pages[:i] + pages[i + 1 :])


def swap_pages(text: str, rng: random.Random) -> str | None:
    """The first two pages swapped."""
    pages = _pages(text)
    if pages is None:
        return None
    return "\f".join([pages[1], pages[0], *pages[2:]])


def swap_later_pages(text: str, rng: random.Random) -> str | None:
    """Two neighbouring pages after the first swapped."""
    drawn = _inner_page(text, rng)
    if drawn is None:
        return None
    pages, i = drawn
    pages[i], pages[i + 1] = pages[i + 1], pages[i]
    return "\f".join(pages)


def repeat_page(text: str, rng: random.Random) -> str | None:
    """A page printed twice in a row (a merge that took it twice)."""
    pages = _pages(text)
    if pages is None:
        return None
    i = rng.randint(0, _last_page_index(pages))
    return "\f".join(pages[: i + 1] + pages[i:])


def _header_start(text: str, at: int) -> int:
    """Where the treatment header whose last line starts at ``at`` begins: a header can
    wrap, and its first line follows a line that ends a sentence or a label."""
    while at > 0:
        before = text.rfind("\n", 0, at - 1) + 1
        previous = text[before : at - 1].rstrip()
        # (a partial authorization's header is sentences: "X was the original request.
        # Y was authorized by the Claims Administrator. The remaining ... Z:")
        partial = re.search(r"original request|authorized|eligible", previous, re.I)
        if not previous or (previous.endswith((".", ":", '"', ")")) and not partial):
            return at
        at = before
    return at


def determination_into_summary(text: str, rng: random.Random) -> str | None:
    """The last determination moved to the end of the case summary (pages reordered)."""
    heads = list(_TREATMENT_HEADER.finditer(text))
    decisions = text.find(_DECISIONS)
    if len(heads) < 2 or decisions < 0:
        return None
    at = _header_start(text, heads[-1].start())
    return text[:decisions] + text[at:] + "\n" + text[decisions:at]


# --------------------------------------------------------------------------- treatment headers


def lose_header(text: str, rng: random.Random) -> str | None:
    """A treatment header lost mid-letter (its line dropped)."""
    heads = list(_TREATMENT_HEADER.finditer(text))
    if len(heads) < 2:
        return None
    m = rng.choice(heads[1:])
    return text[: m.start()] + text[m.end() :]


def cut_header(text: str, rng: random.Random) -> str | None:
    """A treatment header cut inside: its outcome and the words before it lost."""
    heads = list(_TREATMENT_HEADER.finditer(text))
    if len(heads) < 2:
        return None
    m = rng.choice(heads[1:])
    line = m.group()
    spaces = [i for i, c in enumerate(line) if c == " " and i > 0]
    if len(spaces) < 2:
        return None
    keep = line[: rng.choice(spaces[: len(spaces) - 1])]
    return text[: m.start()] + keep + text[m.end() :]


def header_across_pages(text: str, rng: random.Random) -> str | None:
    """A page break right after a treatment header's colon: its outcome starts the next
    page."""
    heads = list(_OUTCOME.finditer(text))
    if not heads:
        return None
    m = rng.choice(heads)
    return text[: m.start()] + "\n\f" + m.group(1) + text[m.end() :]


# --------------------------------------------------------------------------- blank cells


def _blank_in_head(text: str, rng: random.Random, value: re.Pattern[str]) -> str | None:
    """One value of the header table matching ``value`` blanked (an empty cell)."""
    found = list(value.finditer(_head(text)))
    if not found:
        return None
    m = rng.choice(found)
    return text[: m.start()] + text[m.end() :]


def blank_header_date(text: str, rng: random.Random) -> str | None:
    """One date of the header table blanked (an empty cell)."""
    return _blank_in_head(text, rng, _DATE)


def blank_header_value(text: str, rng: random.Random) -> str | None:
    """The header table's case number or priority blanked (an empty cell)."""
    return _blank_in_head(text, rng, _CASE_OR_PRIORITY)


# --------------------------------------------------------------------------- OCR slips


def label_space(text: str, rng: random.Random) -> str | None:
    """OCR drops one space inside a label of the letter's body."""
    found = [m for m in _present(text, _PART_LABELS) if " " in m.group()]
    if not found:
        return None
    m = rng.choice(found)
    spaces = [i for i, c in enumerate(m.group()) if c == " "]
    i = m.start() + rng.choice(spaces)
    return text[:i] + text[i + 1 :]


def label_letters(text: str, rng: random.Random) -> str | None:
    """OCR reads one letter of a label as a digit or letter that looks like it
    (``l``/``1``, ``o``/``0``, ``I``/``l``)."""
    found = _present(text, _PART_LABELS + _HEADER_LABELS)
    if not found:
        return None
    m = rng.choice(found)
    places = [i for i, c in enumerate(m.group()) if c in _LOOKALIKE]
    if not places:
        return None
    i = m.start() + rng.choice(places)
    return text[:i] + _LOOKALIKE[text[i]] + text[i + 1 :]


def label_rn(text: str, rng: random.Random) -> str | None:
    """OCR reads ``m`` as ``rn`` in a label (``Clairns Adrninistrator``)."""
    found = [m for m in _present(text, _PART_LABELS + _HEADER_LABELS) if "m" in m.group()]
    if not found:
        return None
    m = rng.choice(found)
    places = [i for i, c in enumerate(m.group()) if c == "m"]
    i = m.start() + rng.choice(places)
    return text[:i] + "rn" + text[i + 1 :]


def header_label_space(text: str, rng: random.Random) -> str | None:
    """OCR drops a space inside a label of the header table (``DateAssigned:``)."""
    head = _head(text)
    found = [m for m in _present(head, _HEADER_LABELS) if " " in m.group()]
    if not found:
        return None
    m = rng.choice(found)
    spaces = [i for i, c in enumerate(m.group()) if c.isspace()]
    i = m.start() + rng.choice(spaces)
    return text[:i] + text[i + 1 :]


def outcome_slip(text: str, rng: random.Random) -> str | None:
    """OCR misreads a letter of a treatment header's outcome (``Uphe1d``, ``0verturned``)."""
    heads = list(_OUTCOME.finditer(text))
    if not heads:
        return None
    m = rng.choice(heads)
    word = m.group(1)
    places = [i for i, c in enumerate(word) if c in _LOOKALIKE]
    i = m.start(1) + rng.choice(places)
    return text[:i] + _LOOKALIKE[text[i]] + text[i + 1 :]


def phrase_space(text: str, rng: random.Random) -> str | None:
    """OCR drops the space between the summary's age phrase and the sex
    (``32-year-oldmale``)."""
    m = _AGE_SEX.search(text, max(0, text.find(_SUMMARY)))
    if m is None:
        return None
    words = re.search(r"old([ \t]+)", m.group(), re.I)
    assert words is not None
    return text[: m.start() + words.start(1)] + text[m.start() + words.end(1) :]


def injury_date_slip(text: str, rng: random.Random) -> str | None:
    """OCR misreads a digit of the first date in the case summary (``O``, ``l`` or ``S``
    for ``0``, ``1`` or ``5``), or drops a separator of it."""
    start = text.find(_SUMMARY)
    end = text.find(_DECISIONS, start)
    if start < 0:
        return None
    m = _SUMMARY_DATE.search(text, start, end if end > 0 else len(text))
    if m is None:
        return None
    date = m.group()
    slips = {"0": "O", "1": "l", "5": "S"}
    places = [i for i, c in enumerate(date) if c in slips]
    if places and rng.random() < 0.7:
        i = rng.choice(places)
        slipped = date[:i] + slips[date[i]] + date[i + 1 :]
    else:
        seps = [i for i, c in enumerate(date) if c in "-/"]
        i = rng.choice(seps)
        slipped = date[:i] + date[i + 1 :]
    return text[: m.start()] + slipped + text[m.end() :]


DAMAGE: dict[str, Damage] = {
    "truncate": truncate,
    "truncate-mid-sentence": truncate_mid_sentence,
    "lose-last-page": lose_last_page,
    "drop-page": drop_page,
    "swap-pages": swap_pages,
    "swap-later-pages": swap_later_pages,
    "repeat-page": repeat_page,
    "determination-into-summary": determination_into_summary,
    "lose-header": lose_header,
    "cut-header": cut_header,
    "header-across-pages": header_across_pages,
    "blank-header-date": blank_header_date,
    "blank-header-value": blank_header_value,
    "label-space": label_space,
    "label-letters": label_letters,
    "label-rn": label_rn,
    "header-label-space": header_label_space,
    "outcome-slip": outcome_slip,
    "phrase-space": phrase_space,
    "injury-date-slip": injury_date_slip,
}


# --------------------------------------------------------------------------- judging


_PROSE = frozenset({"text", "rationale"})
_FOLD = str.maketrans("015", "ols", " \t\n-/")


def _fold(prose: str) -> str:
    """Prose as compared: a slip of OCR in it is the text as written, not a wrong value,
    so case, white space, hyphens and the look-alikes OCR confuses are folded away."""
    return prose.lower().replace("rn", "m").translate(_FOLD)


def _folded(data: Any) -> Any:
    if isinstance(data, dict):
        return {
            k: _fold(v) if k in _PROSE and isinstance(v, str) else _folded(v)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_folded(v) for v in data]
    return data


def _values(letter: imrparse.Letter) -> dict[str, Any]:
    """The letter's values: everything but its diagnostics, its unclaimed text and where it
    came from, prose folded (:func:`_fold`). Determinations are compared as a set: pages
    out of order put them out of order, and the record keeps the order the letter has."""
    data = imrparse.to_dict(letter)
    for key in ("diagnostics", "unclaimed", "source", "source_lines", "spans", "text"):
        data.pop(key, None)
    data = _folded(data)
    data["determinations"] = sorted(data["determinations"], key=repr)
    return data


def _lost_only(damaged: Any, clean: Any) -> bool:
    """Whether every value where ``damaged`` differs from ``clean`` is missing in it (a
    value lost, not a wrong one)."""
    if damaged == clean or damaged in (None, "", [], {}):
        return True
    if isinstance(damaged, str) and isinstance(clean, str) and clean.startswith(damaged):
        return True  # prose cut short
    if isinstance(damaged, dict) and isinstance(clean, dict):
        return all(_lost_only(damaged.get(k), clean.get(k)) for k in clean)
    if isinstance(damaged, list) and isinstance(clean, list) and len(damaged) == len(clean):
        return all(_lost_only(a, b) for a, b in zip(damaged, clean, strict=True))
    return False


def _differences(damaged: Any, clean: Any, path: str = "") -> list[str]:
    if damaged == clean:
        return []
    if isinstance(damaged, dict) and isinstance(clean, dict):
        return [d for k in clean for d in _differences(damaged.get(k), clean.get(k), f"{path}.{k}")]
    if isinstance(damaged, list) and isinstance(clean, list) and len(damaged) == len(clean):
        return [
            d
            for i, (a, b) in enumerate(zip(damaged, clean, strict=True))
            for d in _differences(a, b, f"{path}.{i}")
        ]
    return [f"{path.lstrip('.')}: {str(clean)[:60]!r} -> {str(damaged)[:60]!r}"]


class Verdict:
    """How a damaged letter compares with its clean letter."""

    __slots__ = ("changed", "differences", "errors", "silent", "warned", "wrong")

    def __init__(self, damaged: imrparse.Letter, clean: imrparse.Letter) -> None:
        got, want = _values(damaged), _values(clean)
        severities = {d.severity for d in damaged.diagnostics}
        self.changed: bool = got != want
        """Whether any value differs from the clean letter's."""
        self.wrong: bool = self.changed and not _lost_only(got, want)
        """Whether a value differs that is not simply missing (or a determination more or
        fewer)."""
        self.warned: bool = bool(severities & {Severity.WARNING, Severity.ERROR})
        self.errors: bool = Severity.ERROR in severities
        self.silent: bool = self.changed and not self.warned
        """Changed, with no warning and no error."""
        self.differences: list[str] = _differences(got, want) if self.changed else []


def judge(damaged: imrparse.Letter, clean: imrparse.Letter) -> Verdict:
    """Compare a damaged letter's record with its clean letter's."""
    return Verdict(damaged, clean)


def traceless(damaged: imrparse.Letter, clean: imrparse.Letter) -> bool:
    """Whether the damage left the letter a whole letter of its own, which no reading can
    tell from an undamaged one: every value as in the clean letter but for whole
    determinations missing (a page lost exactly between two determinations, a download
    cut right after one), the last one left perhaps cut short after a sentence that
    decides."""
    got, want = _folded(imrparse.to_dict(damaged)), _folded(imrparse.to_dict(clean))
    for key in (
        "diagnostics",
        "unclaimed",
        "source",
        "source_lines",
        "spans",
        "text",
        "determinations",
    ):
        got.pop(key, None)
        want.pop(key, None)
    if got != want:
        return False
    kept = _folded([imrparse.to_dict(d) for d in damaged.determinations])
    whole = _folded([imrparse.to_dict(d) for d in clean.determinations])
    if len(kept) >= len(whole):
        return False
    at = 0
    for n, determination in enumerate(kept):
        while at < len(whole) and whole[at] != determination:
            if n == len(kept) - 1 and _cut_short(determination, whole[at]):
                break
            at += 1
        if at == len(whole):
            return False
        at += 1
    return True


def _cut_short(determination: dict[str, Any], whole: dict[str, Any]) -> bool:
    """Whether ``determination`` is ``whole`` with its rationale cut short."""
    rest = {k: v for k, v in determination.items() if k != "rationale"}
    return rest == {k: v for k, v in whole.items() if k != "rationale"} and whole[
        "rationale"
    ].startswith(determination["rationale"])


def _edge(page: str, last: bool) -> str:
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return (lines[-1] if last else lines[0]) if lines else ""


def seamless_loss(damaged: str, clean: str) -> bool:
    """Whether the pages ``damaged`` lacks (one page, or the last) left pages that join as
    any two pages of a letter do: the page before ends a sentence and the next starts one
    with a capital, or the page before stops mid-sentence and the next goes on in small
    letters. (Then only the sense of the words, not their form, shows a page is gone.)"""
    have, had = damaged.split("\f"), clean.split("\f")
    if len(have) >= len(had):
        return False
    i = next((k for k, (a, b) in enumerate(zip(have, had, strict=False)) if a != b), len(have))
    before = _edge(have[i - 1], last=True) if i > 0 else ""
    after = _edge(have[i], last=False) if i < len(have) else ""
    if not before or not after:
        return True  # (the last page lost: nothing follows to join)
    ends = before.endswith((".", "!", "?", ":", '"', ")", "Upheld", "Overturned"))
    return (ends and not after[0].islower()) or (not ends and after[0].islower())
