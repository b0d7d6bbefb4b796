"""Guideline citations: ``Decision based on <family> <title> <topics> Page(s): <pages>``.

>>> basis = parse_basis("Decision based on MTUS Chronic Pain Treatment Guidelines "
...                     "Cyclobenzaprine (Flexeril) Page(s): 41 of 127.")
>>> c = basis.citations[0]
>>> c.source, c.mtus, c.title, c.topics, c.pages
('MTUS', True, 'Chronic Pain Treatment Guidelines', ('Cyclobenzaprine (Flexeril)',), (41,))
"""

from __future__ import annotations

import re
from typing import Final

from ..diagnostics import Collector
from ..record_builders import builder
from ..records import Citation, GuidelineBasis
from ..wordlists import ACOEM_CHAPTERS, MTUS_PARTS
from .search import lower_ascii, places_of, search_near

_CITATION: Final = builder(Citation, "source", "mtus", "title", "topics", "pages")
_BASIS: Final = builder(GuidelineBasis, "text", "citations")

__all__ = [
    "MAX_RANGE",
    "REMEMBERED_CLAUSES",
    "Clauses",
    "parse_basis",
    "parse_citation",
    "split_topics",
]

MAX_RANGE: Final = 300
"""Longest page range expanded page by page; a longer one keeps only its ends."""

_MARK: Final = "decision based on"
# (The patterns written in lower case are matched on the text's lower-case copy: without
# IGNORECASE, the regex compares characters as they are, twice as fast.)
# " and " opens a new citation only before a word that opens one: "Non-MTUS", "MTUS" or
# "Other Medical Treatment Guidelines" followed by a name. A family named inside a
# clause ("... Manipulation and ODG Chiropractic Guidelines") stays in it, and so does a
# bare web address after "Other Medical Treatment Guidelines": it names no guideline.
_AND_NEXT_SOURCE: Final = re.compile(
    r"[ \t]+and[ \t]+(?=non-?[ \t]?mtus|(?:ca[ \t]+)?mtus\b"
    r"|other[ \t]+medical[ \t]+treatment(?![ \t]+guidelines?[ \t]+(?:https?:|www\.)))"
)
# Every way a letter names pages: "Page(s): 41-42", "Pages 3, 5", "page 137", "pg. 607",
# "pgs. 12-14", "pp. 80-82", "p. 9". Matched on the lower-case copy; the word boundary
# is tested after the "p", so that the pattern opens with a letter that a search skips
# to at C speed.
_PAGES_LABEL: Final = re.compile(
    r"p(?<!\wp)(?:ages?(?:[ \t]*\(s\))?|gs?\.?|p\.?|\.)[ \t]*:?[ \t]*(?=\d)"
)
_PAGE_ITEM: Final = re.compile(
    r"[ \t]*(\d{1,5})(?:[ \t]*[-\u2013][ \t]*(\d{1,5}))?(?:[ \t]+of[ \t]+\d{1,5})?[ \t]*(?:,|;|&|and\b)?",
    re.IGNORECASE,
)
# (Matched on the lower-case copy, the word boundary tested after the word: a search
# then skips to the word at C speed.)
_ODG: Final = re.compile(r"\bodg\b|official[ \t]+disability[ \t]+guidelines")
_ACOEM: Final = re.compile(r"\bacoem\b")

# Titles that are a whole guideline document; the topics follow them without a comma.
# (``_title_at``: its match method bound once; compiled, ``pattern.match(...)`` looks the
# method up by its name at each call, a generic call of some hundred instructions.)
_TITLES: Final = re.compile(
    r"(?:official[ \t]+disability[ \t]+guidelines(?:[ \t]*\(odg\))?"
    r"(?:[ \t]+treatment[ \t]+in[ \t]+workers'?[ \t]+comp(?:ensation)?(?:[ \t]*\(odg-twc\))?)?"
    r"|chronic[ \t]+pain[ \t]+(?:medical[ \t]+)?treatment[ \t]+guidelines?(?:[ \t]+\d{4})?"
    r"|post-?[ \t]*surgical[ \t]+(?:treatment[ \t]+)?guidelines?"
    r"|acupuncture[ \t]+medical[ \t]+treatment[ \t]+guidelines?"
    r"|acoem[ \t]+(?:practice[ \t]+)?guidelines?"
    # ACOEM chapters whose names hold commas (the other names end at the first comma).
    r"|acoem[ \t]+chapter[ \t]+\d{1,2}[ \t]+(?:forearm,[ \t]+wrist,[ \t]+and[ \t]+hand[ \t]+complaints"
    r"|pain,[ \t]+suffering,[ \t]+and[ \t]+the[ \t]+restoration[ \t]+of[ \t]+function)"
    r"|odg)"
)
_title_at: Final = _TITLES.match


def _chapter_pattern(name: str) -> str:
    """A chapter name as a lower-case pattern: any white space between words, the commas
    optional, "&" for "and", and a hyphen that a line wrap left a space after."""
    words = []
    for word in name.lower().split():
        comma = word.endswith(",")
        word = re.escape(word.rstrip(",")).replace("\\-", "-[ \\t]?")
        words.append("(?:and|&)" if word == "and" else word + (",?" if comma else ""))
    return r"[ \t]+".join(words)


# A title that opens with one of MTUS's ACOEM chapters, matched on its lower-case copy:
# "low back complaints 2004", "acoem chapter 12 low back complaints", "elbow complaints
# (2007)". The end of the match is the end of the chapter's name (and year).
_ACOEM_CHAPTER: Final = re.compile(
    r"(?:acoem[ \t]+)?(?:chapter[ \t]+\d{1,2}[ \t]*(?:[:,-][ \t]*)?)?(?:"
    + "|".join(_chapter_pattern(name) for name in ACOEM_CHAPTERS)
    + r")(?![a-z0-9])(?:[ \t]*\(?(?:19|20)\d\d\)?)?"
)
# The words such a title can open with, for a cheap ``str.startswith`` before the regex.
_CHAPTER_STARTS: Final[tuple[str, ...]] = tuple(
    sorted(
        {name.lower().split()[0].split("-")[0].rstrip(",") for name in ACOEM_CHAPTERS}
        | {"acoem", "chapter"}
    )
)
# Their first three letters (each has three at least): a set lookup of a slice rules out
# most titles before ``str.startswith`` tries each of the words in turn.
_CHAPTER_HEADS: Final = frozenset(word[:3] for word in _CHAPTER_STARTS)
# Where an MTUS clause names its next document: ", and <document>" ("MTUS Low Back
# Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, ...").
# The document is one the MTUS is made of (``known``), or any title-case name with a year.
# A cut needs the comma before "and" and a known name, or else the text before it must be
# a whole citation (a year or a "Section(s):" list): "Ankle and Foot Complaints 2004" and
# "Forearm, Wrist, and Hand Complaints 2004" are one name each.
# (The known names are asked only where one of their first letters stands: each of the
# case-insensitive alternatives is tried in full, while a class fails at once before the
# title-case names that most cuts are, "Neck and Upper Back Complaints 2004". With "a"
# and "c": the "acoem" and "chapter" that may stand before a name.)
_KNOWN_INITIALS: Final = "".join(
    sorted({name[0].lower() for name in ACOEM_CHAPTERS + MTUS_PARTS} | {"a", "c"})
)
# Before the title-case name: whether the run of the characters its words are made of
# ends at what opens a year ("(", "1", "2"). A name that no year follows ("and Chronic
# Opioid Treatment: Use of ...", most of the names tried) is ruled out at once, where the
# words' pattern gave back each character of each word before it failed. (Exact: the
# words hold those characters only, so a year after them stands where the run ends.)
_YEAR_AHEAD: Final = r"(?=[A-Za-z'&, \t-]*[(12])"
_NEXT_DOCUMENT: Final = re.compile(
    r"(?P<comma>,)?[ \t]+and[ \t]+(?="
    rf"(?P<known>(?i:(?=[{_KNOWN_INITIALS}])"
    r"(?:acoem[ \t]+)?(?:chapter[ \t]+\d{1,2}[ \t]*(?:[:,-][ \t]*)?)?(?:"
    + "|".join(_chapter_pattern(name) for name in ACOEM_CHAPTERS + MTUS_PARTS)
    + r"))(?![A-Za-z0-9]))"
    r"|" + _YEAR_AHEAD + r"(?:[A-Z][A-Za-z'-]*,?[ \t]+(?:(?:and|&|of|the)[ \t]+)?){1,8}"
    r"\(?(?:19|20)\d\d\)?(?![\w/])"
    r")"
)
_WHOLE_CITATION: Final = re.compile(
    r"(?<![\d/])(?:19|20)\d\d(?![\d/])|\bSections?(?:[ \t]*\(s\))?[ \t]*:", re.IGNORECASE
)
# Where a clause outside the MTUS may name a document of another family.
_NEXT_FAMILY: Final = re.compile(
    r"(?:,|;|[ \t]and)[ \t]+(?=ACOEM\b|ODG\b|Official[ \t]+Disability[ \t]+Guidelines)",
    re.IGNORECASE,
)
# The words that open the lookahead of ``_NEXT_FAMILY``, lower case.
_FAMILY_WORDS: Final = ("acoem", "odg", "official")
_TOPIC_SEPARATOR: Final = re.compile(r"[,;]")
_TOPIC_MARK: Final = re.compile(r"[(),;]")
# The plural ends a title ("... Treatment Guidelines Opioids"); the singular is part of
# names such as "National Guideline Clearinghouse".
_GUIDELINES_WORD: Final = re.compile(r"\bguidelines\b")


Clauses = dict[str, list[tuple[Citation, str]]]
"""The citations read from each clause, with their documents' words, by the clause."""

REMEMBERED_CLAUSES: Final[Clauses] = {}
"""The clauses the readers met, remembered for the next letter that has one (see
:func:`parse_basis`): letters cite the same guidelines in the same words ("MTUS Chronic
Pain Medical Treatment Guidelines Opioids Page(s): 78"), and a clause looked up costs its
hash, a fraction of reading it. Bounded by ``MAX_CLAUSES``: a full table is cleared."""

MAX_CLAUSES: Final = 4096
"""How many clauses a table of clauses read (``clauses`` of :func:`parse_basis`) holds."""


def parse_basis(
    text: str,
    diag: Collector | None = None,
    line: int = 1,
    found: list[tuple[int, int]] | None = None,
    clauses: Clauses | None = None,
) -> GuidelineBasis:
    """Read one side's guideline paragraph: its text and every citation in it; ``found``,
    when given, gets the start and end in ``text`` of the words each citation was read
    from.

    ``clauses``, when given (the readers give :data:`REMEMBERED_CLAUSES`), holds what
    the clauses read before gave, and gets what these give: a clause met again (both
    sides of a decision often cite the same guideline, and letters the same ones) is not
    read again. Exact: what a clause gives depends on its words alone. (A clause that
    reported a problem is not kept, so that the problem is reported wherever it stands;
    a table of ``MAX_CLAUSES`` is cleared before it takes one more.)
    """
    citations: list[Citation] = []
    low = lower_ascii(text)
    if "based" not in low:
        return _BASIS(text, ())
    marks = _decision_marks(text, low)
    for n, (_, after) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else len(text)
        # (the clauses' places: where each starts, cut before " and <family>")
        starts = [after]
        stops: list[int] = []
        # A cut needs an "and" before "mtus" or "other" (every source its lookahead names
        # holds one): where none stands before the last of them, none is sought.
        last = max(low.rfind("mtus", after, end), low.rfind("other", after, end))
        if last > after and low.find("and", after, last) >= 0:
            for cut in _and_marks(_AND_NEXT_SOURCE, low, low, after, end):
                stops.append(cut.start())
                starts.append(cut.end())
        stops.append(end)
        for i in range(len(starts)):  # (compiled, zip() is a generic call)
            start, stop = starts[i], stops[i]
            raw = text[start:stop]
            piece = raw.strip().rstrip(".").strip()
            if piece:
                at = start + len(raw) - len(raw.lstrip())  # (where the piece starts)
                read = clauses.get(piece) if clauses is not None else None
                if read is None:
                    reported = len(diag.items) if diag is not None else 0
                    read = _clause_citations(piece, low[at : at + len(piece)], diag, line)
                    # (what a clause gives depends on its words alone; only the line of a
                    # problem it reports depends on where it stands)
                    if clauses is not None and diag is not None and len(diag.items) == reported:
                        if len(clauses) >= MAX_CLAUSES:
                            clauses.clear()
                        clauses[piece] = read
                for citation, _ in read:
                    citations.append(citation)
                if found is not None:
                    _found(found, text, at, piece, read)
    return _BASIS(text, tuple(citations))


def _found(
    found: list[tuple[int, int]],
    text: str,
    at: int,
    piece: str,
    read: list[tuple[Citation, str]],
) -> None:
    """Where the documents ``read`` from ``piece`` (which stands at ``at`` in ``text``)
    stand, in order; ``(-1, -1)`` for one not found as written."""
    for _, document in read:
        # (``at`` is within the text: the slice compared says what startswith(document, at)
        # says, without the method call that costs more compiled)
        start = (
            at
            if document is piece or text[at : at + len(document)] == document
            else text.find(document, at)
        )
        if start >= 0:
            at = start + len(document)
            found.append((start, at))
        else:
            found.append((-1, -1))


def _clause_citations(
    piece: str, low: str, diag: Collector | None, line: int
) -> list[tuple[Citation, str]]:
    """One citation per guideline document that a clause (``low``: in lower case) names,
    with the document's words.

    An MTUS clause can list several of the MTUS's documents, each with its own sections;
    the ones after the first are MTUS citations too. A clause outside the MTUS is cut
    only where it names a guideline of another family.
    """
    if low.startswith(("mtus", "ca mtus")):
        if " and " not in low:
            return [(_read_citation(piece, low, diag, line), piece)]
        return [
            (parse_citation(document, diag, line, within_mtus=n > 0), document)
            for n, document in enumerate(_mtus_documents(piece))
        ]
    odg = max(low.rfind("odg"), low.rfind("official disab"))
    acoem = low.rfind("acoem")
    if (odg < 0 or acoem < 0) and max(odg, acoem) < 40:
        # one family named at the start, or none: no document of another family follows
        return [(_read_citation(piece, low, diag, line), piece)]
    return [
        (parse_citation(document, diag, line), document)
        for document in _family_documents(piece, low)
    ]


def _mtus_documents(piece: str) -> list[str]:
    """An MTUS clause cut before each document it names after the first.

    >>> _mtus_documents("MTUS Knee Complaints 2004, and Chronic Pain Medical Treatment 2016")
    ['MTUS Knee Complaints 2004', 'Chronic Pain Medical Treatment 2016']
    """
    documents = []
    start = 0
    for mark in _and_marks(_NEXT_DOCUMENT, piece, piece, 0, len(piece), comma=True):
        if (mark.group("known") and mark.group("comma")) or _WHOLE_CITATION.search(
            piece, start, mark.start()
        ):
            documents.append(piece[start : mark.start()].strip(" \t,;"))
            start = mark.end()
    documents.append(piece[start:].strip(" \t,;"))
    return [document for document in documents if document]


def _and_marks(
    pattern: re.Pattern[str], text: str, find_in: str, start: int, end: int, comma: bool = False
) -> list[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a pattern that opens with blanks before
    "and" (after a comma, when ``comma`` says the pattern may open with one), tried only
    where such blanks stand before an "and" that ``find_in`` (``text`` or its lower-case
    copy, as the pattern's case requires) holds: a search would try it at every position."""
    marks = []
    floor = start
    at = find_in.find("and", start, end)
    while at >= 0:
        blank = at
        while blank > floor and text[blank - 1] in " \t":
            blank -= 1
        mark = None
        if blank < at:
            first = blank - 1 if comma and blank > floor and text[blank - 1] == "," else blank
            mark = pattern.match(text, first, end)
        if mark is not None:
            marks.append(mark)
            floor = mark.end()
            at = find_in.find("and", floor, end)
        else:
            at = find_in.find("and", at + 3, end)
    return marks


def _family_documents(piece: str, low: str = "") -> list[str]:
    """A clause outside the MTUS cut where it names a guideline of another family
    (``low``: its lower-case copy, if the caller has it).

    >>> _family_documents("Non-MTUS Citation ODG Low Back, and ACOEM Chapter 12")
    ['Non-MTUS Citation ODG Low Back', 'ACOEM Chapter 12']
    >>> _family_documents("Non-MTUS Citation ODG Low Back, Manipulation and ODG Chiropractic")
    ['Non-MTUS Citation ODG Low Back, Manipulation and ODG Chiropractic']
    """
    low = low or lower_ascii(piece)
    documents = []
    start = 0
    family = ""
    for mark in _family_marks(piece, low):
        family = family or _family_named(low[start : mark.start()])
        named = _family_named(low[mark.end() : mark.end() + 40])
        if named != family:
            documents.append(piece[start : mark.start()].strip(" \t,;"))
            start, family = mark.end(), named
    documents.append(piece[start:].strip(" \t,;"))
    return [document for document in documents if document]


def _family_marks(piece: str, low: str) -> list[re.Match[str]]:
    """``_NEXT_FAMILY.finditer(piece)``, the pattern tried only before the words its
    lookahead opens with (``low`` is the piece's lower-case copy): where a comma, a
    semicolon or a blank and "and" stands before the blanks before one. A search would
    try it at every position."""
    places = places_of(low, _FAMILY_WORDS)
    marks = []
    floor = 0
    for at in places:
        blank = at
        while blank > floor and piece[blank - 1] in " \t":
            blank -= 1
        if not floor < blank < at:  # (no blank before the word, or nothing before them)
            continue
        if low[blank - 3 : blank] == "and" and blank - 4 >= floor and piece[blank - 4] in " \t":
            first = blank - 4
        elif piece[blank - 1] in ",;":
            first = blank - 1
        else:
            continue
        mark = _NEXT_FAMILY.match(piece, first)
        if mark is not None:
            marks.append(mark)
            floor = mark.end()
    return marks


def _family_named(low: str) -> str:
    """The guideline family a stretch of a clause (in lower case) names first: ODG, ACOEM
    or neither."""
    # (each pattern searched only where its words stand: opening with a word boundary, a
    # search tries it at every position)
    odg = _ODG.search(low) if "odg" in low or "official" in low else None
    acoem = _ACOEM.search(low) if "acoem" in low else None
    if odg is not None and (acoem is None or odg.start() < acoem.start()):
        return "ODG"
    return "ACOEM" if acoem is not None else "Other"


def _decision_marks(text: str, low: str) -> list[tuple[int, int]]:
    """Start and end of every "Decision based on" (with an optional colon).

    The text is cleaned (single spaces), so ``str.find`` on its lower-case copy
    finds them far faster than a case-insensitive regex could.
    """
    marks: list[tuple[int, int]] = []
    at = low.find(_MARK)
    while at >= 0:
        end = at + len(_MARK)
        if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            # (slices, not startswith(x, end): its argument parsing costs more)
            if low[end : end + 1] == ":" or low[end : end + 2] == " :":
                end = low.index(":", end) + 1
            marks.append((at, end))
        at = low.find(_MARK, end)
    return marks


def parse_citation(
    text: str, diag: Collector | None = None, line: int = 1, *, within_mtus: bool = False
) -> Citation:
    """Read one citation such as ``MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300``.

    ``within_mtus`` says that ``text`` is a later document of an MTUS clause ("... 2004,
    and Chronic Pain Medical Treatment 2016"): it is part of the MTUS without saying so.
    """
    return _read_citation(text, lower_ascii(text), diag, line, within_mtus)


def _read_citation(
    text: str, low: str, diag: Collector | None, line: int, within_mtus: bool = False
) -> Citation:
    """:func:`parse_citation` of ``text``, whose lower-case copy the caller has (``low``)."""
    mtus = within_mtus
    rest = text
    kind, end = ("", 0) if within_mtus else _prefix(low)
    prefix = end > 0
    if prefix:
        rest = text[end:].strip(" \t,:")
        low = low[end:].strip(" \t,:")
        mtus = kind == "mtus"
    # A clause that names several parts belongs to the family of the first one named.
    # (Each regex is asked only where its first letters stand: a match costs more.)
    chapter = (
        _ACOEM_CHAPTER.match(low)
        if (not prefix or mtus) and low[:3] in _CHAPTER_HEADS and low.startswith(_CHAPTER_STARTS)
        else None
    )
    if (low[:5] == "acoem" and _ACOEM.match(low)) or (mtus and "acoem" in low[:20]) or chapter:
        source = "ACOEM"
    elif (low[:1] == "o" and _opens_odg(low)) or (
        not mtus
        and (search_near(_ODG, low, low, "odg", 40) is not None or "official disability" in low)
    ):
        source = "ODG"
    elif mtus:
        source = "MTUS"
    elif "acoem" in low and search_near(_ACOEM, low, low, "acoem") is not None:
        source = "ACOEM"
    else:
        source = "Other"
    if source == "Other" and kind != "other" and diag is not None:
        diag.add("unknown-citation", f"no guideline family is named in {text[:80]!r}", line)

    pages: tuple[int, ...] = ()
    label = _pages_label(low, 0)
    while label:
        more, used = _read_pages(rest, label.end(), diag, line)
        pages = more if not pages else tuple(dict.fromkeys(pages + more))
        head = rest[: label.start()].rstrip(" \t")
        tail = rest[used:].lstrip(" \t")
        # (one blank where the page list stood; none before the punctuation after it)
        glue = "" if not tail or tail[0] in ",.;:" else " "
        rest = (head + glue + tail).strip(" \t,.;:")
        low = lower_ascii(rest)
        label = _pages_label(low, len(head))

    label_start, label_end = (
        _sections_label(low) if "ection" in rest or "ECTION" in rest else (-1, -1)
    )
    if label_start >= 0:
        title = rest[:label_start].strip(" \t,.;:")
        topics = split_topics(rest[label_end:])
    else:
        title, topics = _title_and_topics(rest, chapter.end() if chapter else 0, low)
    return _CITATION(source, mtus, title, topics, pages)


def _prefix(low: str) -> tuple[str, int]:
    """The family a citation (in lower case) opens by naming, and where its words end:
    ``("non", _)`` for "Non-MTUS" (with "Citation"), ``("other", _)`` for "Other Medical
    Treatment Guideline(s)", ``("mtus", _)`` for "MTUS" or "CA MTUS" (with "Citation");
    ``("", 0)`` for none.

    The words may be parted by spaces or tabs (in "Non-MTUS", by a hyphen, a blank,
    both or neither); "Citation" or "Guideline" may end in "s". Read with slices, where a
    regex of those alternatives cost more than the text takes to read: each optional
    part is taken wherever it stands, as the regex took it, since none could be given
    back for the rest to match.

    >>> _prefix("non-mtus citation odg"), _prefix("ca mtus acoem"), _prefix("odg")
    (('non', 17), ('mtus', 7), ('', 0))
    """
    # (startswith and single characters: a slice is a new string to make and free)
    if low.startswith("non"):
        at = 4 if _char(low, 3) == "-" else 3
        if _char(low, at) in _BLANK_CHARS:
            at += 1
        return ("non", _citation_word(low, at + 4)) if low[at : at + 4] == "mtus" else ("", 0)
    if low.startswith("other"):
        at = 5
        for word in ("medical", "treatment", "guideline"):
            after = _blanks(low, at)
            if after == at or low[after : after + len(word)] != word:
                return "", 0
            at = after + len(word)
        return "other", at + 1 if _char(low, at) == "s" else at
    if low.startswith("mtus"):
        return "mtus", _citation_word(low, 4)
    if low.startswith("ca"):
        at = _blanks(low, 2)
        if at > 2 and low[at : at + 4] == "mtus":
            return "mtus", _citation_word(low, at + 4)
    return "", 0


def _opens_odg(low: str) -> bool:
    """Whether a citation (in lower case) opens with what ``_ODG`` finds: "odg" as a word,
    or "official disability guidelines" (read with startswith and slices, as
    :func:`_prefix` reads)."""
    if low.startswith("odg"):
        return not _word_char(_char(low, 3))
    if not low.startswith("official"):
        return False
    at = _blanks(low, 8)
    if at == 8 or low[at : at + 10] != "disability":
        return False
    after = _blanks(low, at + 10)
    return after > at + 10 and low[after : after + 10] == "guidelines"


def _sections_label(low: str) -> tuple[int, int]:
    """Where the first "Section(s):" label of a citation (in lower case) stands, start and
    end; ``(-1, -1)`` for none. A label is "section" after no word character, "s" or
    " (s)" after it if any, then a colon (blanks between); read as :func:`_prefix` reads,
    each optional part taken wherever it stands."""
    at = low.find("section")
    while at >= 0:
        if at == 0 or not _word_char(low[at - 1]):
            end = at + 8 if _char(low, at + 7) == "s" else at + 7
            after = _blanks(low, end)
            if low[after : after + 3] == "(s)":
                end = after + 3
            end = _blanks(low, end)
            if _char(low, end) == ":":
                return at, end + 1
        at = low.find("section", at + 1)
    return -1, -1


def _word_char(char: str) -> bool:
    """Whether ``char`` (one character, or "" for none) is what ``\\w`` matches."""
    return char.isalnum() or char == "_"


# (the characters a blank is, for ``[ \t]``; not a string, which holds "" too)
_BLANK_CHARS: Final = frozenset((" ", "\t"))


def _char(low: str, at: int) -> str:
    """The character at ``at``, or "" past the end."""
    return low[at] if at < len(low) else ""


def _blanks(low: str, at: int) -> int:
    """Where the run of blanks (spaces and tabs) at ``at`` ends."""
    while at < len(low) and low[at] in _BLANK_CHARS:
        at += 1
    return at


def _citation_word(low: str, at: int) -> int:
    """Where the optional " citation(s)" after the family's name at ``at`` ends."""
    after = _blanks(low, at)
    if after == at or _char(low, after) != "c" or low[after : after + 8] != "citation":
        return at
    return after + 9 if _char(low, after + 8) == "s" else after + 8


def _pages_label(low: str, pos: int) -> re.Match[str] | None:
    """``_PAGES_LABEL.search(low, pos)``, asked only where ``low`` holds what every label
    opens with ("page", "pg", "pp" or "p."): four finds cost less than a search, and most
    citations name no page."""
    if "pp" not in low and "pg" not in low and "page" not in low and "p." not in low:
        return None
    return _PAGES_LABEL.search(low, pos)


def _title_and_topics(
    rest: str, chapter_end: int = 0, low: str = ""
) -> tuple[str, tuple[str, ...]]:
    """Cut a citation without a ``Section(s):`` label into its title and topics (``low``:
    ``rest`` in lower case, if the caller has it).

    ``chapter_end`` is where the name of an ACOEM chapter that opens ``rest`` ends, or 0:
    the title then runs to the first comma after it, so the commas of the name stay in it.

    >>> _title_and_topics("Forearm, Wrist, and Hand Complaints 2004, Special Studies", 40)
    ('Forearm, Wrist, and Hand Complaints 2004', ('Special Studies',))
    """
    low = low or lower_ascii(rest)
    # (the regex only where one of its names can open: "Official", "Chronic", "Post",
    # "Acupuncture", "ACOEM", "ODG")
    known = _title_at(low) if low[:1] in "ocpa" else None
    if known:
        cut = known.end()
    elif chapter_end:
        # (The page list, cut out of ``rest`` already, stood after the chapter's name.)
        comma = rest.find(",", min(chapter_end, len(rest)))
        cut = comma if comma >= 0 else len(rest)
    elif low[:5] == "acoem" and _ACOEM.match(low):
        comma = rest.find(",")
        cut = comma if comma >= 0 else len(rest)
    else:
        word = search_near(_GUIDELINES_WORD, low, low, "guideline")
        comma = rest.find(",")
        if word and (comma < 0 or word.end() <= comma):
            cut = word.end()
        else:
            cut = comma if comma >= 0 else len(rest)
    return rest[:cut].strip(" \t,.;:"), split_topics(rest[cut:])


def split_topics(text: str) -> tuple[str, ...]:
    """Split a topic list on commas and semicolons outside parentheses.

    >>> split_topics("Muscle relaxants (for pain), Cyclobenzaprine (Flexeril).")
    ('Muscle relaxants (for pain)', 'Cyclobenzaprine (Flexeril)')
    """
    if _plain_groups(text):
        # Every "(" opens a group without separators or groups inside: no separator
        # stands inside parentheses (a stray ")" closes nothing), so all of them split.
        pieces: list[str] = text.split(",") if ";" not in text else _TOPIC_SEPARATOR.split(text)
    else:
        pieces = _split_outside_parentheses(text)
    # (a loop: compiled, filter() and map() over str.strip are generic calls per piece)
    topics = []
    for piece in pieces:
        topic = piece.strip(" \t.:")
        if topic:
            topics.append(topic)
    return tuple(topics)


def _plain_groups(text: str) -> bool:
    """Whether every "(" in ``text`` opens a group closed before any separator or other
    "(" (or none stands in it): what removing each ``\\([^(),;]*\\)`` from left to right
    leaves holds no "(". (Read with finds: each such group is one "(" whose next ")"
    comes first of "(),;", and the next "(" is sought after it.)

    >>> _plain_groups("Cyclobenzaprine (Flexeril), Opioids"), _plain_groups("A (b, c)")
    (True, False)
    """
    at = text.find("(")
    while at >= 0:
        close = text.find(")", at + 1)
        if close < 0:
            return False
        inside = text[at + 1 : close]
        if "(" in inside or "," in inside or ";" in inside:
            return False
        at = text.find("(", close + 1)
    return True


def _split_outside_parentheses(text: str) -> list[str]:
    """Split on the commas and semicolons at depth 0 (a stray ")" keeps the depth at 0)."""
    pieces = []
    depth = 0
    start = 0
    for mark in _TOPIC_MARK.finditer(text):
        char = mark.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(text[start : mark.start()])
            start = mark.end()
    pieces.append(text[start:])
    return pieces


def _read_pages(
    text: str, pos: int, diag: Collector | None, line: int
) -> tuple[tuple[int, ...], int]:
    pages: list[int] = []
    while True:
        item = _PAGE_ITEM.match(text, pos)
        if item is None or item.end() == pos:
            break
        low_page, high_page = item.group(1, 2)
        first = int(low_page)
        last = int(high_page) if high_page else first
        if first <= last <= first + MAX_RANGE:
            pages.extend(range(first, last + 1))
        else:
            pages.extend((first, last))
            if diag is not None:
                diag.add(
                    "page-range", f"the page range {item.group().strip()!r} is not usable", line
                )
        pos = item.end()
    return (tuple(dict.fromkeys(pages)) if len(pages) > 1 else tuple(pages)), pos
