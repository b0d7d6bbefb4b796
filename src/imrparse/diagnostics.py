"""The catalogue of diagnostic codes, and the collector the parser reports into.

Every code the library can emit is listed in :data:`CODES` with its severity and
a one-line meaning; the documentation's Diagnostics page is checked against it.
"""

from __future__ import annotations

from typing import NamedTuple

from .record_builders import builder
from .records import Diagnostic, Severity

__all__ = ["CODES", "CodeInfo", "Collector"]


class CodeInfo(NamedTuple):
    """What one diagnostic code means."""

    severity: Severity
    meaning: str
    advice: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

CODES: dict[str, CodeInfo] = {
    "empty-input": CodeInfo(
        _E,
        "The text is empty or holds only white space.",
        "Check that the PDF had a text layer and that the file was read whole.",
    ),
    "no-letter": CodeInfo(
        _E,
        "No section of a Final Determination Letter was recognised in the text.",
        "Check that the input is an IMR letter; scanned letters need OCR first.",
    ),
    "legacy-layout": CodeInfo(
        _W,
        "The letter's layout words its outcomes as sentences (the 2013 notice); only its "
        "outcomes and case facts are read.",
        "Expect empty guideline bases and rationales for these letters.",
    ),
    "missing-section": CodeInfo(
        _E,
        "A section the letter's layout requires was not found (for the main layouts, one of "
        "the three main sections): the fields it carries are empty, so the record is "
        "incomplete.",
        "Look at the letter's text: a page may be missing from the extraction, or the "
        "heading damaged.",
    ),
    "duplicate-section": CodeInfo(
        _E,
        "A section heading appears more than once; the later copy's text is kept as a "
        "continuation. Pages repeated by the extraction or by a user repeat what they hold "
        "(determinations, prose), so the record may count things twice.",
        "Look at the letter around the line: remove the repeated pages and parse again.",
    ),
    "section-out-of-order": CodeInfo(
        _I,
        "The sections do not come in the usual order.",
        "The sections are still read; nothing to do.",
    ),
    "no-determinations": CodeInfo(
        _E,
        "The letter's layout was recognised, but no determination could be read from it: "
        "no treatment header '<treatment>: Upheld', no outcome sentence, or a layout that "
        "states its outcomes in no form imrparse reads.",
        "Look for a header whose outcome word is misspelt or missing; the letter gives no row "
        "with an outcome.",
    ),
    "unread-determination": CodeInfo(
        _E,
        "A decision stands in text that is not read: a treatment header under a heading of "
        "another layout, or the labelled parts of a decision before the first treatment "
        "header (its header damaged). The decision is missing from the letter.",
        "Look at the letter around the line; report it if the heading belongs to the layout.",
    ),
    "missing-part": CodeInfo(
        _E,
        "A determination lacks one of its labelled parts "
        "(Claims Administrator guideline, MAXIMUS guideline, Decision rationale): the letter "
        "was cut short or lost a page, and the row's field is empty.",
        "The part's field is left empty; check that the letter was extracted whole.",
    ),
    "duplicate-part": CodeInfo(
        _E,
        "A determination has the same labelled part twice; the texts are joined. On real "
        "letters this has meant a decision whose treatment header was not recognised, "
        "merged into the one before it.",
        "Count the letter's decisions by hand; the merged decision is missing from the table.",
    ),
    "duplicate-determination": CodeInfo(
        _E,
        "A determination is the exact copy of one before it (same treatment, outcome, "
        "guideline bases and rationale): a repeated page or section, which would count the "
        "decision twice in a table. The copy is kept.",
        "Remove the repeated text and parse again; count the decision once.",
    ),
    "part-out-of-order": CodeInfo(
        _I,
        "A determination's labelled parts do not come in the usual order.",
        "The parts are still read; nothing to do.",
    ),
    "empty-part": CodeInfo(
        _E,
        "A labelled part has no text after its label: the row's field is empty.",
        "The part's field is left empty; check that the letter was extracted whole.",
    ),
    "unclaimed-text": CodeInfo(
        _W,
        "Text that no rule of the grammar claims; it is kept in Letter.unclaimed.",
        "Often a stray fragment of a page; report a letter where it hides real content.",
    ),
    "not-extracted": CodeInfo(
        _I,
        "Text of a part imrparse recognises but does not extract (the cover page, "
        "DOCUMENTS REVIEWED); it is kept in Letter.unclaimed.",
        "Nothing to do; read Letter.unclaimed if you need that text.",
    ),
    "determination-out-of-place": CodeInfo(
        _W,
        "A whole determination (a treatment header with its labelled parts) stands in a "
        "section where the layout has none, such as the case summary, as when pages come "
        "out of order. It is read where it stands, in letter order.",
        "Check the letter's page order; the determination itself is read.",
    ),
    "pages-do-not-join": CodeInfo(
        _E,
        "Two pages of the letter do not join: one starts mid-sentence after a page that "
        "ends a sentence, or starts with a heading, a treatment header or a part label "
        "after a page that stops mid-sentence. A page between them is missing or the pages "
        "are out of order, and a value read across the break joins text that does not "
        "belong together.",
        "Check the PDF's pages (fetch the letter again); the values near the break, above "
        "all the rationale it falls in, may be incomplete or hold another page's text.",
    ),
    "opening-out-of-place": CodeInfo(
        _W,
        "The fixed sentence that opens a section (such as 'The Final Determination was "
        "based on decisions for the disputed items/services set forth below:') stands "
        "inside another section's text, as when pages come out of order. It is left out of "
        "the value it stood in.",
        "Check the letter's page order; the values around it are read.",
    ),
    "unread-label": CodeInfo(
        _W,
        "A line of the reviewer's section opens with what reads as a label and its value "
        "(``Words: value``), but the label is none the layout knows, as when OCR misreads a "
        "letter of 'State(s) of Licensure'. Its value is not read.",
        "Read the line: the value it states (a licensure, a certification) is missing from "
        "the record.",
    ),
    "unreadable-date": CodeInfo(
        _W,
        "Where the case summary states the date of injury, the date is damaged (a digit "
        "read as a letter, '1O-11-2016', or a separator lost, '1011-2016', as OCR leaves "
        "them). It is not read: no date is guessed.",
        "Read the date in the letter; summary.date_of_injury is empty. (The header table's "
        "date of injury, dates.date_of_injury, is read on its own.)",
    ),
    "pages-out-of-order": CodeInfo(
        _E,
        "Parts of the letter stand out of their order: a determination or the header table "
        "inside another section, a section's opening sentence inside another's text, or "
        "sections in another order than the layout's. Each is read where it stands (see its "
        "own warning), but the pages are out of order, so a value read across a page break "
        "may hold text of another page or lack its own.",
        "Check the PDF's page order; the rationales and the summary around the misplaced "
        "part are the values at risk.",
    ),
    "repeated-page": CodeInfo(
        _W,
        "A page repeats the page before it word for word, as when a merge takes a page "
        "twice. The copy is read once.",
        "Nothing is lost; check the file if pages may also be missing.",
    ),
    "may-be-truncated": CodeInfo(
        _E,
        "The letter's last rationale stops mid-sentence and states no decision: the text "
        "may be cut off (a truncated download, a lost last page).",
        "Check the file: the last determination's rationale, and any determination after "
        "it, may be missing.",
    ),
    "no-decision-sentence": CodeInfo(
        _W,
        "The letter's last rationale ends with a whole sentence that states no decision "
        "(rationales end '... is not medically necessary'): the text may have been cut off "
        "at a sentence's end.",
        "Check the file's end: the last rationale may be incomplete.",
    ),
    "header-table-out-of-place": CodeInfo(
        _W,
        "The header table (case number, dates, priority) stands inside a section instead of "
        "before the first one, as when pages come out of order. It is read where it stands.",
        "Check the letter's page order; the table's values are read.",
    ),
    "header-value-missing": CodeInfo(
        _W,
        "The header table states no value for one of its labels (a blank cell, a label "
        "lost), or its values could not be paired with their labels without a guess; the "
        "field is None.",
        "Read the value in the letter's PDF; the table's other values are read.",
    ),
    "misplaced-field": CodeInfo(
        _W,
        "A labelled case fact (a date, the case number) stands in a section where the "
        "letter's layout states none, such as a 'Date of Injury:' line in the reviewer's "
        "section; it is not read into the record, and its text is kept in Letter.unclaimed.",
        "Check the letter: pages may be out of order, or the line quotes another document.",
    ),
    "conflicting-values": CodeInfo(
        _W,
        "Two places of the letter state one case fact differently (the header table and a "
        "cover page, say); the record keeps the first by the rule header table, then the "
        "fields before the first section, then the sections that state facts.",
        "Check which value is right before using the field.",
    ),
    "field-not-found": CodeInfo(
        _I,
        "A case or reviewer fact (age, sex, date of injury, ...) was not found in the text.",
        "The field is None or empty; the letter may simply not state it.",
    ),
    "mechanism-not-found": CodeInfo(
        _I,
        "The case summary states an injury (who, when, perhaps where on the body) but no "
        "mechanism of injury that imrparse reads: how it happened.",
        "summary.mechanism_of_injury is None; the message says what the summary states "
        "instead (the work the worker was doing, say). Read the summary if you need it.",
    ),
    "invalid-date": CodeInfo(
        _W,
        "A date was found where one was expected, but it is not a real calendar date.",
        "The field is left None; the letter's text has the date as written.",
    ),
    "invalid-value": CodeInfo(
        _W,
        "A labelled field holds a value outside its closed set or of the wrong form (a "
        "priority other than Standard or Expedited, a case number not like CM16-0000001).",
        "The field is left None; the letter's text has the value as written.",
    ),
    "unread-partial-authorization": CodeInfo(
        _E,
        "A treatment header reads as a partial authorization ('... was the original "
        "request ...') in a wording the layout does not know.",
        "The whole header is kept as the treatment text, and original_request and "
        "authorized are None: the row's treatment is wrong. Report the wording.",
    ),
    "page-range": CodeInfo(
        _W,
        "A cited page range runs backwards or is implausibly long; only its ends are kept.",
        "Check the citation's text in GuidelineBasis.text.",
    ),
    "unknown-citation": CodeInfo(
        _I,
        "A citation names no guideline family that is known; its source is 'Other'.",
        "Nothing to do unless the family should be recognised.",
    ),
    "unknown-treatment": CodeInfo(
        _I,
        "No lexicon knows the treatment: its category, subcategory and generic are None.",
        "Add the words to a procedures lexicon (see the Lexicons page) and reclassify.",
    ),
    "unknown-medication": CodeInfo(
        _I,
        "The treatment reads as a medication (a dose, a known brand) whose drug class is not "
        "known: its category is Pharmaceuticals, its subcategory (and generic) None.",
        "Add the brand or ingredient to a drug lexicon (see the Lexicons page) and reclassify.",
    ),
    "mojibake-repaired": CodeInfo(
        _I,
        "Mis-decoded characters (UTF-8 read as Windows-1252) were repaired.",
        "Nothing to do.",
    ),
    "page-artifact-removed": CodeInfo(
        _I,
        "A running page header or footer was removed from the text.",
        "Nothing to do.",
    ),
    "control-characters": CodeInfo(
        _W,
        "The text holds control characters other than line ends, tabs and form feeds.",
        "They are treated as spaces; check how the text was extracted.",
    ),
    "encoding-fallback": CodeInfo(
        _I,
        "The file was not valid UTF-8 and was decoded as Windows-1252.",
        "Nothing to do, unless the text reads wrongly.",
    ),
    "several-letters": CodeInfo(
        _E,
        "The text holds more than one letter (PDFs merged, files concatenated): only the "
        "first is read, and the diagnostic's line is where the second begins.",
        "Read every letter with imrparse.parse_letters (or parse_many, which does), or "
        "split the text with imrparse.split_letters.",
    ),
    "case-number-from-file-name": CodeInfo(
        _I,
        "The text states no case number; the one the file's name holds is taken "
        "(CM16-0237844.pdf, as DWC's decision search names its files).",
        "Nothing to do, unless the files were renamed by hand.",
    ),
    "read-error": CodeInfo(
        _E,
        "The input could not be read (missing, unreadable or an unsupported file type).",
        "The message names the file and the reason.",
    ),
    "duplicate-case": CodeInfo(
        _E,
        "A case number already met in the same batch (the same letter twice, for example "
        "as .pdf and .txt side by side); the later letter is still returned.",
        "Keep one copy of the file, or drop the later letter before counting.",
    ),
    "not-a-pdf": CodeInfo(
        _E,
        "A .pdf file is not a PDF: it does not start with a PDF header (an image, a Word "
        "file, a web page saved under a .pdf name).",
        "The message says what the file seems to hold; fetch the letter's PDF again.",
    ),
    "damaged-pdf": CodeInfo(
        _E,
        "A .pdf file starts as a PDF but cannot be read: truncated (an interrupted "
        "download) or otherwise damaged.",
        "Fetch the letter's PDF again.",
    ),
    "encrypted-pdf": CodeInfo(
        _E,
        "A .pdf file needs a password to open (DWC's letters do not).",
        "Open it with its password and save a copy without one.",
    ),
    "no-text-layer": CodeInfo(
        _E,
        "A .pdf file opens but holds no text: a scanned letter, images only.",
        "Run OCR on it (ocrmypdf, for one) and parse the result.",
    ),
    "missing-extra": CodeInfo(
        _E,
        "Reading .pdf files needs the pdf extra, which is not installed.",
        'Install it: pip install "imrparse[pdf]".',
    ),
    "internal-error": CodeInfo(
        _E,
        "The parser met a case it does not handle; the letter is returned empty but for this "
        "diagnostic.",
        "Please report the letter; this is a bug.",
    ),
}


# A diagnostic made from its values by position, its fields set by the compiled builder:
# the interpreted ``__init__`` of a frozen record sets each field through a call.
_DIAGNOSTIC = builder(Diagnostic, "severity", "code", "message", "line", "column")


class Collector:
    """Gathers diagnostics during one parse, in the order they are found."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        """Record one diagnostic of the catalogued ``code``."""
        info = CODES[code]
        self.items.append(_DIAGNOSTIC(info.severity, code, message, max(1, line), max(1, column)))
