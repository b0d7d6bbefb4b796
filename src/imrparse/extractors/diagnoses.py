"""Diagnoses from the ``CLINICAL CASE SUMMARY`` prose: where a list of them starts, and
the list split into whole items.

:func:`find_diagnoses` finds every statement of diagnoses, in any of the reviewers'
phrasings ("diagnoses include", "was diagnosed as having", "is being treated for", "is
undergoing treatment for", "a diagnosis of", "has filed a claim for"), and
:func:`split_diagnoses` cuts each list into items, keeping an item whole where the
piece after a separator only continues it (more sites, ICD-style qualifiers).

>>> find_diagnoses("The injured worker was diagnosed as having multiple fusions, residual "
...     "thoracolumbar pain and lumbar radiculopathy. Treatment to date has included therapy.")
('multiple fusions', 'residual thoracolumbar pain', 'lumbar radiculopathy')
"""

from __future__ import annotations

import re
from typing import Final

from ..cleaning import is_ascii
from ..wordlists import (
    DIAGNOSIS_LEAD_WORDS,
    DIAGNOSIS_PREMODIFIER_WORDS,
    DIAGNOSIS_QUALIFIER_WORDS,
    DIAGNOSIS_SHARED_HEAD_WORDS,
    DIAGNOSIS_SITE_WORDS,
)
from .search import first_of, lower_ascii, places_of, sentence_end, starts_at

__all__ = ["find_diagnoses", "split_diagnoses"]

# Where a list of diagnoses starts: the diagnoses named ("diagnoses include",
# "diagnosis that includes", "a diagnosis of", "Diagnoses:"), the worker diagnosed
# ("diagnosed as having", "diagnosed with"), treated ("being treated for", "undergoing
# treatment for") or claiming ("has filed a claim for"). Matched where one of
# ``_DIAGNOSIS_KEYS`` stands; the forms in groups ``lead`` and ``claim`` also need the
# word before them ("undergoing", ``_TREATMENT_LEAD``; "filed"). Matched on the
# lower-case copy, like the other patterns here written in lower case: without
# IGNORECASE, the regex compares characters as they are, twice as fast.
_DIAGNOSES: Final = re.compile(
    r"(?:\b(?:diagnoses|diagnosis|diagnostic[ \t]+impressions?|impressions?)"
    r"(?:[ \t]+(?:at|on|in|per|from|during)\b[^.;:]{1,40}?)?"
    r"(?:[ \t]+(?:that|which))?(?:[ \t]+(?:have|has))?(?:[ \t]+been)?"
    r"[ \t]+(?:included|includes?|consists?[ \t]+of|consisted[ \t]+of"
    r"|are|were|is|was|listed[ \t]+as)[ \t]*:?"
    r"|\bdiagnos(?:is|es)[ \t]+of\b"
    r"|\bdiagnosed[ \t]+(?:as[ \t]+having|with|as)\b"
    r"|\btreated[ \t]+for\b(?![ \t]+(?:\d|approximately|about|several|over|one|two|three|four"
    r"|five|six|a[ \t]+(?:few|couple|total|period)|the[ \t]+(?:past|last))\b)"
    r"|(?P<lead>\btreatments?[ \t]+for\b)"
    r"|(?P<claim>\bclaim[ \t]+for\b)"
    r"|(?:^|(?<=[.:][ \t]))diagnos(?:is|es)[ \t]*(?::|(?=[ \t]+(?!of\b)[a-z])))[ \t]*:?[ \t]*"
)
# (Bound once, as cleaning.is_ascii is: compiled code looks a method up by name at each call.)
_trigger_at: Final = _DIAGNOSES.match
_DIAGNOSIS_KEYS: Final = ("diagnos", "impression", "treat", "claim for")
# (Of the keys, only "treat" opens with a "t": a place of one that holds a "t" is one of it.)
# How "treat" starts the trigger's forms that have it (the text is cleaned: one space).
_TREATED_FOR: Final = ("treated for", "treatment for", "treatments for")
# Of the trigger's forms, the only one that "diagnostic" opens: "diagnostic impression(s)".
_DIAGNOSTIC: Final = "diagnostic"
# The word before "treatment(s) for" that makes it a diagnosis statement.
_TREATMENT_LEAD: Final = frozenset(("undergoing", "receiving", "under", "active", "ongoing"))
# Words before the list that are no part of it ("documented as", "the diagnosis of").
# (A filler opens with one of ``_FILLER_OPENINGS``, the first two characters of its
# words: it is not tried where none stands, as before most lists, "right knee ...".)
_LIST_FILLER: Final = re.compile(
    r"(?:(?:documented|noted|detailed|listed|described|reported|given|stated)[ \t]+"
    r"(?:as|to[ \t]+(?:include|be))[ \t]+"
    r"|(?:the|a|an)[ \t]+(?:(?:current|working|primary)[ \t]+)?diagnos(?:is|es)[ \t]+of[ \t]+)+"
)
_FILLER_OPENINGS: Final = frozenset(
    ("do", "no", "de", "li", "re", "gi", "st", "th", "a ", "a\t", "an")
)
# Where a list stops before its sentence does ("... reportedly associated with an
# industrial injury of ...", "... and was prescribed ...", "... was confirmed").
_LIST_STOP: Final = re.compile(
    r"[ \t,](?:(?:was|were)[ \t]|and[ \t]+(?:is|was|were|are|has|had|have|will|would|did|does"
    r"|underwent|reported|complained|presented|denied)\b|(?:reportedly|allegedly)\b"
    r"|(?:associated[ \t]+with|attributed[ \t]+to)[ \t]+(?:an?[ \t]+|the[ \t]+|his[ \t]+|her[ \t]+)?"
    r"(?:industrial|work|occupational|cumulative|continuous|repetitive|\d))"
)
_find_list_stop: Final = _LIST_STOP.search  # (bound once, as ``_trigger_at``)
# The words a stop opens with, after its blank or comma: the search starts before the
# first of them (found at C speed), and is not made where none stands. (A search tries
# the pattern at every blank of the list.)
_STOP_WORDS: Final = ("and", "was", "were", "reportedly", "allegedly", "associated", "attributed")
# List separators, read in the lower-case text (see ``_list_marks``): parentheses (no
# separator inside them counts), semicolons, commas, "and", "as well as"; a new item also
# starts at each "rule out" ("r/o") inside a run of words. (Found at C speed, where a
# regex's finditer tests each character against the set of those that open a mark, and
# makes a match object for each mark.)
_PUNCTUATION_MARKS: Final = ("(", ")", ",", ";")
_WORD_MARKS: Final = ("and", "as", "rule", "r/o")
_BLANKS: Final = frozenset(" \t")
# A piece that gives the cause of the diagnosis before it, not a diagnosis.
_CAUSE_LINK: Final = re.compile(
    r"(?:secondary[ \t]+to|due[ \t]+to|caused[ \t]+by|status[ \t]+post[ \t]+\w+ing)\b",
    re.IGNORECASE,
)
# What, before the word "diagnosis", makes it no statement of one: "to establish a
# diagnosis of", "no diagnosis of", "for the diagnosis of" (a guideline's purpose), "rule
# out a diagnosis of". Checked on the last word before it, past an article.
_NOT_STATED: Final = frozenset(
    (
        "validate", "validating", "establish", "establishing", "confirm", "confirming",
        "support", "supporting", "exclude", "excluding", "out", "no", "not", "without",
        "for", "any",
    )
)  # fmt: skip
_ARTICLES: Final = frozenset(("a", "an", "the", "this", "that"))
# A "list" that says there is none: "diagnoses were not documented".
_NO_LIST: Final = re.compile(r"(?:not|none|unknown|unclear|pending|deferred|undetermined)\b")
_NO_LIST_LETTERS: Final = frozenset("nupd")  # (what its words open with)
# Words skipped at the start of an item when asking whether it names sites alone.
_OPENING_WORDS: Final = DIAGNOSIS_LEAD_WORDS | frozenset(("a", "an", "the", "his", "her", "their"))
_CAUSE_WORDS: Final = frozenset(("secondary", "due", "caused", "status"))
_LEADING_ARTICLE: Final = re.compile(r"(?:an?|the|his|her|their)[ \t]+(?=\S)", re.IGNORECASE)
_PREPOSITIONS: Final = frozenset(("of", "in", "at", "to", "on", "with", "without", "involving"))
_SITE_OR_QUALIFIER: Final = DIAGNOSIS_QUALIFIER_WORDS | DIAGNOSIS_SITE_WORDS
# The punctuation that is no part of a word, for the words of a list's pieces: a byte
# table, applied to UTF-8 (every byte it changes is ASCII, and no multi-byte character
# holds an ASCII byte), since str.translate() looks each distinct character up in a dict
# and raises KeyError for most: ten times slower.
_PUNCTUATION_TO_SPACE: Final = bytes.maketrans(b",.:;\"'()[]", b"          ")


def split_diagnoses(text: str, low: str | None = None) -> tuple[str, ...]:
    """Split a list of diagnoses into whole items.

    Semicolons, commas and "and" separate items, except where the piece after them
    only continues the item before (ICD-style qualifiers, more sites after "of"), the
    item before is no more than sites that share the next piece's head noun, or a
    bare head noun shares the sites before it:

    >>> split_diagnoses("chronic pain syndrome, pain in joint, lower leg, arthropathy, "
    ...                 "unspecified, shoulder region, and degeneration of lumbar disc")
    ('chronic pain syndrome', 'pain in joint, lower leg', 'arthropathy, unspecified, shoulder region', 'degeneration of lumbar disc')
    >>> split_diagnoses("contusion of face, scalp and neck and right and left knee sprain")
    ('contusion of face, scalp and neck', 'right and left knee sprain')
    >>> split_diagnoses("neck, back and shoulder pain, right knee contusion and injury")
    ('neck, back and shoulder pain', 'right knee contusion and injury')
    >>> split_diagnoses("wrist pain rule out carpal tunnel syndrome; hypertension")
    ('wrist pain', 'rule out carpal tunnel syndrome', 'hypertension')
    """
    # Pieces as spans of ``text`` with the separator before each: items are rejoined
    # from the text itself, so that they keep the letter's own punctuation. (``low``,
    # when given, is ``lower_ascii(text)``.) Each piece is added to the items as the
    # marks cut it (``_add_piece``), not gathered in a list of them first.
    low = lower_ascii(text) if low is None else low
    # (the words of the pieces: lower case, bare, the list's punctuation read as spaces,
    # once for the whole list)
    bare = _bare(low)
    spans: list[list[int]] = []  # (the items as [begin, end] spans, with the words of each)
    item_words: list[list[str]] = []
    depth = 0
    kind = ""
    start = 0
    for at, stop in _list_marks(low):
        char = low[at]
        if char == "(":
            depth += 1
            continue
        if char == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        _add_piece(spans, item_words, text, bare, kind, start, at)
        if char == "," or char == ";":
            kind = char
            start = stop
        elif low[at + 1] == "r":  # (a blank before a word: "rule out", "r/o", "and", ...)
            kind = "r"
            start = at + 1
        else:
            kind = "and"
            start = stop
    _add_piece(spans, item_words, text, bare, kind, start, len(text))
    found: list[str] = []
    for i in range(len(spans)):  # (the words of each span: compiled, zip() is a generic call)
        begin, end = spans[i]
        # An item of sites alone ("the right knee") names where, not what: no diagnosis.
        item = _clean_item(text[begin:end])
        if item and not _only_sites(item_words[i]):
            found.append(item)
    return tuple(found)


def _add_piece(
    spans: list[list[int]],
    item_words: list[list[str]],
    text: str,
    bare: str,
    kind: str,
    begin: int,
    end: int,
) -> None:
    """Add the piece ``text[begin:end]`` (after a separator of ``kind``; ``bare``: the
    list's words, see ``_bare``) to the items so far (``spans``, with the words of each):
    to the last one, where it continues it, else as an item of its own."""
    words = bare[begin:end].split()
    if not words:
        return
    if (
        spans
        and kind != ";"
        and kind != "r"
        and _continues(item_words[-1], kind, text, begin, words)
    ):
        spans[-1][1] = end
        item_words[-1].extend(words)
    else:
        spans.append([begin, end])
        item_words.append(words)


def _bare(low: str) -> str:
    """``low`` with the punctuation that is no part of a word read as spaces (see
    ``_PUNCTUATION_TO_SPACE``)."""
    if is_ascii(low):
        # (the strict ASCII codec, which compiled code calls directly; "surrogatepass"
        # goes through the codec registry, its name normalized, on each call. ASCII text
        # is its own UTF-8, and the table changes ASCII bytes into ASCII bytes.)
        return low.encode("ascii").translate(_PUNCTUATION_TO_SPACE).decode("ascii")
    raw = low.encode("utf-8", "surrogatepass").translate(_PUNCTUATION_TO_SPACE)
    return raw.decode("utf-8", "surrogatepass")


def _list_marks(low: str) -> list[tuple[int, int]]:
    """The separators of the list ``low`` (in lower case), in order, each as its span,
    taken from left to right without overlaps (as a regex's finditer would take them):

    - a parenthesis, alone;
    - a comma or semicolon, with the blanks after it and an "and" or "or" after those,
      if blanks follow that too (the mark takes the word, so that the piece after starts
      where it ends);
    - a blank before "and" or "as well as" (a blank after them), "rule out" or "r/o" (a
      word boundary after them): the mark ends after the words.

    >>> _list_marks("a, and b (c) rule out d")
    [(1, 7), (9, 10), (11, 12), (12, 21)]
    """
    size = len(low)
    found: list[tuple[int, int]] = []
    for char in _PUNCTUATION_MARKS:
        at = low.find(char)
        while at >= 0:
            stop = at + 1
            if char == "," or char == ";":
                stop = _skip_blanks(low, stop)
                after = _word_end(low, stop, ("and", "or"))
                if 0 <= after < size and low[after] in _BLANKS:
                    stop = _skip_blanks(low, after)
            found.append((at, stop))
            at = low.find(char, at + 1)
    for word in _WORD_MARKS:
        at = low.find(word, 1)
        while at >= 0:
            if low[at - 1] in _BLANKS:
                stop = _word_mark_end(low, at, word)
                if stop > 0:
                    found.append((at - 1, stop))
            at = low.find(word, at + 1)
    found.sort()
    marks: list[tuple[int, int]] = []
    taken = 0
    for mark in found:  # (the marks' own tuples kept: no new pair made for each)
        if mark[0] >= taken:  # (a mark that starts inside one taken is none)
            marks.append(mark)
            taken = mark[1]
    return marks


def _skip_blanks(low: str, at: int) -> int:
    """The offset after the blanks and tabs at ``at``."""
    while at < len(low) and low[at] in _BLANKS:
        at += 1
    return at


def _word_end(low: str, at: int, words: tuple[str, ...]) -> int:
    """Where the first of ``words`` that stands at offset ``at`` of ``low`` ends, or -1."""
    for word in words:
        if low.find(word, at, at + len(word)) == at:
            return at + len(word)
    return -1


def _word_mark_end(low: str, at: int, word: str) -> int:
    """Where the words of a separator that opens with ``word`` at ``at`` end ("and" and
    "as well as" before a blank, "rule out" and "r/o" before a word boundary), or -1."""
    size = len(low)
    end = at + len(word)
    if word == "as":  # ("as well as")
        well = _skip_blanks(low, end)
        if well == end or _word_end(low, well, ("well",)) < 0:
            return -1
        again = _skip_blanks(low, well + 4)
        if again == well + 4 or _word_end(low, again, ("as",)) < 0:
            return -1
        end = again + 2
    elif word == "rule":  # ("rule out")
        out = _skip_blanks(low, end)
        if out == end or _word_end(low, out, ("out",)) < 0:
            return -1
        end = out + 3
    if word == "and" or word == "as":
        return end if end < size and low[end] in _BLANKS else -1
    return end if end == size or not (low[end].isalnum() or low[end] == "_") else -1


def _only_sites(words: list[str]) -> bool:
    """Whether ``words`` name sites and qualifiers only (after lead words such as "rule out")."""
    at = 0
    while at < len(words) and words[at] in _OPENING_WORDS:
        at += 1
    if at == len(words):
        return False
    # (compiled, all() over a generator is a loop that tests membership natively;
    # issuperset() of a slice is a method call)
    return all(words[i] in _SITE_OR_QUALIFIER for i in range(at, len(words)))


def _continues(before: list[str], kind: str, text: str, at: int, words: list[str]) -> bool:
    """Whether the piece at ``at`` (``words``, after a separator of ``kind``) belongs to
    the item before it (``before``: its words)."""
    # (the head: the words before the first preposition, read in place, not copied out;
    # compiled, issuperset() of a copy is a method call, a loop of look-ups native)
    size = 0
    while size < len(words) and words[size] not in _PREPOSITIONS:
        size += 1
    # More sites or qualifiers for the item before: "pain in joint, lower leg",
    # "strain of muscle, fascia and tendon at neck level". Not a piece that ends in a
    # premodifier ("right" in "..., right and left knee sprain"): that one opens an item.
    if (
        size
        and all(words[i] in _SITE_OR_QUALIFIER for i in range(size))
        and words[size - 1] not in DIAGNOSIS_PREMODIFIER_WORDS
    ):
        return True
    # The item so far is only sites, or ends in a premodifier: it shares the head noun
    # of what follows ("left and right sided sciatica", "neck, back and shoulder pain").
    if before and (_only_sites(before) or before[-1] in DIAGNOSIS_PREMODIFIER_WORDS):
        return True
    # The cause of the diagnosis before it: "facial contusion, status post being punched".
    if words[0] in _CAUSE_WORDS and _CAUSE_LINK.match(text, at):
        return True
    # A bare head noun that shares the sites before it: "right knee contusion and
    # injury", "numbness and weakness of both hands".
    if kind == "and":
        shared = words[0] in DIAGNOSIS_SHARED_HEAD_WORDS and (
            len(words) == 1 or words[1] not in _PREPOSITIONS
        )
        return shared or (len(before) == 1 and before[0] in DIAGNOSIS_SHARED_HEAD_WORDS)
    return False


def _clean_item(item: str) -> str:
    """An item without its separators, leading article or stray quote and bracket."""
    item = item.strip(" \t.,;:")
    # (counted only where they stand: compiled, each count is a method call, and most
    # items hold neither)
    if '"' in item and item.count('"') % 2:
        item = item.replace('"', "")
    if ("[" in item or "]" in item) and item.count("[") != item.count("]"):
        item = item.replace("[", "").replace("]", "")
    item = item.strip(" \t.,;:")
    article = _LEADING_ARTICLE.match(item) if item[:1] in "aAtThH" else None
    if article:
        item = item[article.end() :]
    return item


def _impression_after(low: str, at: int) -> bool:
    """Whether blanks and "impression" follow at ``at`` (after "diagnostic")."""
    word = _skip_blanks(low, at)
    return word > at and low.find("impression", word, word + 10) == word


def _last_word(low: str, floor: int, at: int) -> str:
    """The last word of ``low[floor:at]`` (words parted by white space, as ``str.split``
    parts them), or the one before it if it is an article; "" for none.

    Read back from ``at`` with character tests: what ``rsplit(None, 2)`` of the slice
    would give, without the slice, the list and its words made.

    >>> _last_word("for the diagnosis", 0, 8), _last_word("xthe  ", 1, 6), _last_word("a the ", 0, 6)
    ('for', '', 'a')
    """
    end = _space_back(low, floor, at)
    start = _word_back(low, floor, end)
    word = low[start:end]
    if word not in _ARTICLES:  # ("" for none is no article)
        return word
    end = _space_back(low, floor, start)
    return low[_word_back(low, floor, end) : end]


def _space_back(low: str, floor: int, at: int) -> int:
    """Where the white space that ends ``low[floor:at]`` starts."""
    while at > floor and low[at - 1].isspace():
        at -= 1
    return at


def _word_back(low: str, floor: int, at: int) -> int:
    """Where the word that ends at ``at`` starts (not before ``floor``)."""
    while at > floor and not low[at - 1].isspace():
        at -= 1
    return at


def find_diagnoses(text: str, low: str | None = None) -> tuple[str, ...]:
    """Every diagnosis the summary prose states, in the order it states them, once each.

    >>> find_diagnoses("The injured worker is being treated for a lumbar strain and "
    ...     "contusion of the right elbow. He has a comorbid diagnosis of hypertension.")
    ('lumbar strain', 'contusion of the right elbow', 'hypertension')
    >>> find_diagnoses("The current diagnoses are documented as cervical sprain; and "
    ...     "pain in joint, lower leg.")
    ('cervical sprain', 'pain in joint, lower leg')
    """
    low = lower_ascii(text) if low is None else low
    # Try the trigger where one of its keywords stands (found at C speed), in text order.
    marks = places_of(low, _DIAGNOSIS_KEYS)
    found: list[str] = []
    seen: set[str] = set()
    done = 0
    for mark in marks:
        if mark < done:
            continue
        if low[mark] == "t" and not starts_at(low, _TREATED_FOR, mark):
            continue  # ("treating physician", "treatment to date": no regex for these)
        diagnostic = low.find(_DIAGNOSTIC, mark, mark + 10) == mark  # (see ``starts_at``)
        if diagnostic and not _impression_after(low, mark + 10):
            continue  # ("diagnostic testing": no regex for it either)
        trigger = _trigger_at(low, mark)
        if trigger is None:
            continue
        last = _last_word(low, max(0, mark - 30), mark)
        # (the named group that matched, if any, read once: each read of a match is a
        # call; "lead" and "claim" are the pattern's only groups)
        kind = trigger.lastgroup
        if kind == "lead":
            if last not in _TREATMENT_LEAD:
                continue
        elif kind == "claim":
            if last != "filed":
                continue
        elif last in _NOT_STATED and low.startswith("diagnos", mark):
            continue
        begin = trigger.end()
        filler = (
            _LIST_FILLER.match(low, begin) if low[begin : begin + 2] in _FILLER_OPENINGS else None
        )
        if filler:
            begin = filler.end()
        # (the list: the rest of the sentence, or as far as its stop; cut from the text
        # once, where it is read, not the sentence cut and then the list from that)
        end = sentence_end(text, begin)
        if end < 0:
            end = len(text)
        first = first_of(low, _STOP_WORDS, begin, end)
        stop = _find_list_stop(low, max(begin, first - 1), end) if first >= 0 else None
        done = stop.start() if stop else end
        if begin < done and low[begin] in _NO_LIST_LETTERS and _NO_LIST.match(low, begin, done):
            continue
        for item in split_diagnoses(text[begin:done], low[begin:done]):
            key = lower_ascii(item)
            if key not in seen:
                seen.add(key)
                found.append(item)
    return tuple(found)
