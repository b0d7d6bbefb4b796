"""What one line of a letter is: a heading, a labelled field, a part label, a treatment
header, or prose, decided by its form and the registered layouts' words.

:func:`recognise` classifies one stripped line and names what it opens; the scanner
(:mod:`imrparse.scanner`) runs it over every line of a letter once.
"""

from __future__ import annotations

from typing import Final

from .layout_words import REMEMBERED_LINES, Vocabulary, ocr_key
from .records import TokenKind
from .wordlists import match_key

__all__ = ["classify", "outcome_word", "recognise", "split_outcome"]

_HEADING: Final = TokenKind.HEADING
_FIELD: Final = TokenKind.FIELD
_DETERMINATION: Final = TokenKind.DETERMINATION
_PART: Final = TokenKind.PART
_TEXT: Final = TokenKind.TEXT
_BREAK: Final = TokenKind.BREAK
_PAGE_BREAK: Final = TokenKind.PAGE_BREAK
_ARTIFACT: Final = TokenKind.ARTIFACT


def _default() -> Vocabulary:
    from .layouts import vocabulary  # (the layouts import this module)

    return vocabulary()


def _label(text: str, vocab: Vocabulary, blanks_only: bool = False) -> str:
    """The matching key of a would-be label (the text before a colon); "" if too long.
    (``blanks_only``: it holds neither tabs nor no-break spaces, see :func:`_may_fit`.)"""
    # (len() first: most would-be labels are short, and a call costs more than a test)
    if len(text) > vocab.longest_label and not _may_fit(text, vocab.longest_label, blanks_only):
        return ""
    key = text.strip().upper()
    if "  " in key or (not blanks_only and ("\t" in key or "\u00a0" in key)):
        key = match_key(key)
    return key


def _may_fit(text: str, limit: int, blanks_only: bool = False) -> bool:
    """Whether ``text`` could be at most ``limit`` long once its white space is folded.

    Cheap (no folding) and exact for spaces, tabs and no-break spaces, so a label or
    heading written with runs of white space ("Decision \t rationale  :") still fits.
    ``blanks_only`` says that the text holds neither tabs nor no-break spaces (the scanner
    knows it of a whole letter): they are not looked for.
    """
    size = len(text)
    if size <= limit:
        return True
    # Count only what is there: each count() costs more than an ``in`` test.
    size -= text.count(" ")
    if blanks_only:
        return size <= limit
    if size > limit and "\t" in text:
        size -= text.count("\t")
    if size > limit and "\u00a0" in text:
        size -= text.count("\u00a0")
    return size <= limit


def _may_slip_to(key: str, longest: int) -> bool:
    """Whether ``ocr_key(key)`` may be at most ``longest`` long (else it is no slipped
    label's: the few prose lines with a long text before a colon are not keyed).

    Exact for a label's key (:func:`_label`: its white space folded to single blanks, no
    tab nor no-break space left): of the slips ocr_key undoes, a blank is dropped and an
    ``RN`` made one ``M``, each of which holds an ``N`` (the others make no ``N``); every
    other character stays one.
    """
    size = len(key)
    if size <= longest:
        return True
    return size - key.count(" ") - key.count("N") <= longest


def _heading_key(text: str) -> str:
    """``match_key(text)``: the text in upper case when its white space is single blanks
    between words (most lines), else folded (split and joined: some times the cost)."""
    return text.upper() if _single_blanks(text) else match_key(text)


def _single_blanks(text: str) -> bool:
    """Whether the only white space in ``text`` is single blanks between words.

    (Written out: compiled, a loop over the code points costs less than isprintable(), a
    generic call, and the searches for runs and ends of blanks.)
    """
    blank = True  # (as if after a blank: none may start the text)
    for i in range(len(text)):
        code = ord(text[i])
        if code == 32:
            if blank:
                return False
            blank = True
            continue
        if code < 0x80:
            if 9 <= code <= 13 or 28 <= code <= 31:
                return False
        elif text[i].isspace():
            return False
        blank = False
    return not blank


def split_outcome(content: str, vocab: Vocabulary | None = None) -> tuple[str, str] | None:
    """Split a treatment header into its treatment text and outcome value.

    The outcome is the word after the last colon, in any case, with a trailing
    period allowed; ``None`` when the line is no treatment header.

    >>> split_outcome("Physical therapy: 12 visits: UPHELD.")
    ('Physical therapy: 12 visits', 'upheld')
    >>> split_outcome("The request is upheld.") is None
    True
    """
    return _split_outcome(content, vocab if vocab is not None else _default())


def _split_outcome(content: str, v: Vocabulary) -> tuple[str, str] | None:
    last = content.rfind(":")
    if last <= 0:
        return None
    # The outcome's first character, past the blanks after the colon: most lines have
    # another there, or nothing, and need no copy of their end (a white space other than
    # the blank is left to _outcome()).
    start = last + 1
    while start < len(content) and content[start] == " ":
        start += 1
    if start == len(content) or (
        content[start] not in v.outcome_initials and not content[start].isspace()
    ):
        return None
    outcome = _outcome(content[start:], v)
    if outcome is None:  # (most lines with a colon: their treatment is never cut out)
        return None
    treatment = content[:last].strip()
    return (treatment, outcome) if treatment else None


def outcome_word(text: str, vocab: Vocabulary | None = None) -> str | None:
    """The outcome value ``text`` is, alone ("Upheld", "OVERTURNED."), or ``None``.

    >>> outcome_word(" Upheld "), outcome_word("Upheld in part")
    ('upheld', None)
    """
    return _outcome(text, vocab if vocab is not None else _default())


def _outcome(text: str, v: Vocabulary) -> str | None:
    tail = text.strip()
    if not tail or tail[0] not in v.outcome_initials or not _may_fit(tail, v.longest_outcome):
        return None
    # (the tail's matching key, asked as a heading's is: upper() where it folds to itself)
    return v.outcomes.get(_heading_key(tail).rstrip("."))


def classify(content: str, vocab: Vocabulary | None = None) -> TokenKind:
    """Classify one stripped, non-empty line by its form alone.

    >>> classify("MAXIMUS guideline: Decision based on MTUS")
    <TokenKind.PART: 'part'>
    >>> classify("TRIGGER POINT INJECTION: Overturned")
    <TokenKind.DETERMINATION: 'determination'>
    """
    return recognise(content, vocab)[0]


def recognise(content: str, vocab: Vocabulary | None = None) -> tuple[TokenKind, str]:
    """:func:`classify`, and the name of what the line opens (``""`` for prose).

    The name is the heading's matching key for a heading, the part's or field's for a label,
    the outcome value for a treatment header: what the grammar needs from the line,
    found once, while the line is classified. ``vocab`` defaults to the union of the
    registered layouts' words.

    >>> recognise("Decision  rationale: Not recommended.")
    (<TokenKind.PART: 'part'>, 'rationale')
    >>> recognise("Soma #60: UPHELD")
    (<TokenKind.DETERMINATION: 'determination'>, 'upheld')
    """
    return _recognise(content, vocab if vocab is not None else _default())


def _recognise_remembered(
    content: str, v: Vocabulary, blanks_only: bool = False
) -> tuple[TokenKind, str]:
    """``recognise(content, v)``, remembered in ``v`` (:attr:`Vocabulary.recognised
    <imrparse.layout_words.Vocabulary.recognised>`) for the next letter that has the line
    (``blanks_only``: it holds neither tabs nor no-break spaces, see :func:`_may_fit`).

    Exact: what a line is depends on its text and the vocabulary's words alone, and a
    vocabulary's words do not change (a new registry builds a new one). Letters repeat
    most of the lines that need asking, their headings, labels and fixed sentences, word
    for word; a line looked up costs its hash, a fraction of classifying it. (Its kind and
    name are kept together: one lookup a line and one insertion a new line, where two
    tables took two of each, for one small tuple a new line.)
    """
    table = v.recognised
    known = table.get(content)
    if known is not None:
        return known
    kind, name = _recognise(content, v, blanks_only)
    if len(table) >= REMEMBERED_LINES:
        table.clear()
    table[content] = (kind, name)
    return kind, name


def _recognise(content: str, v: Vocabulary, blanks_only: bool = False) -> tuple[TokenKind, str]:
    colon = content.find(":")
    if colon > 0:
        first = content[0]
        # A label's key starts with the line's first character in upper case.
        label = (
            _label(content[:colon], v, blanks_only)
            if first in v.label_initials or ord(first) > 0x7F
            else ""
        )
        names = v.labels.get(label)  # (the part's, field's, heading's name)
        if names is not None and names[0] is not None:
            return _PART, names[0]
        treatment_and_outcome = _split_outcome(content, v)
        if treatment_and_outcome is not None:
            return _DETERMINATION, treatment_and_outcome[1]
        if names is not None:
            if names[1] is not None:
                return _FIELD, names[1]
            if colon == len(content) - 1 and names[2] is not None:
                return _HEADING, names[2]
        # An OCR slip in a label (a space lost, "1" for "l"), if one reading fits.
        if label and _may_slip_to(label, v.longest_slip):
            slipped = v.slipped.get(ocr_key(label))
            if slipped is not None:
                return (_PART if slipped[0] else _FIELD), slipped[1]
    elif _may_fit(content, v.longest_heading, blanks_only):
        name = v.headings.get(_heading_key(content))
        if name is not None:
            return _HEADING, name
    return _TEXT, ""
