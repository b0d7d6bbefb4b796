"""Text cleaning: the explicit step between raw lines and extracted values.

PDF extraction leaves marks in a letter's text that are not the letter: running
page headers spliced into sentences, lines wrapped at the page width, words
split at a hyphen, mis-decoded characters. Each function here removes one kind
of mark; :func:`clean_lines` runs them in order on the lines of one value.

>>> clean_lines(["disc herniation at L5-", "S1 with  facet", "arthropathy."])
'disc herniation at L5-S1 with facet arthropathy.'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from .page_marks import (
    _ARTIFACT,
    is_page_number,
    may_hold_page_header,
    page_header_chances,
    running_headers,
    strip_artifacts,
)

__all__ = [
    "blank_controls",
    "clean_lines",
    "find_control",
    "find_mojibake",
    "has_control_space",
    "is_ascii",
    "is_page_number",
    "join_lines",
    "may_hold_page_header",
    "normalize_space",
    "page_header_chances",
    "repair_characters",
    "repair_hyphens",
    "running_headers",
    "strip_artifacts",
]

is_ascii: Final = str.isascii
"""``is_ascii(text)`` is ``text.isascii()``. (Compiled, a method called on a str that mypyc
has no native form of is looked up by its name at every call, a generic call of some
hundreds of instructions; the method itself, called, is not looked up.)"""

# Characters that PDF text carries but no value should: controls other than the
# white space str.split() already folds.
_CONTROL_CHARS: Final = "".join(chr(c) for c in (*range(0x09), *range(0x0E, 0x1C), 0x7F))
# (The same, each its own string: compiled, a loop over a tuple reads its items, where one
# over a string makes each character anew.)
_CONTROL_TUPLE: Final = tuple(_CONTROL_CHARS)


# pdfium's line-break hyphen (see repair_hyphens).
_BROKEN_HYPHEN: Final = "\ufffe"

# The quotes ftfy's uncurl_quotes straightens.
_STRAIGHT_QUOTES: Final = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f", '"')
    | {"\u00ad": None}  # a soft hyphen inside a line shows nothing
    | {_BROKEN_HYPHEN: "-"}  # (one that mojibake hid from repair_hyphens)
    # C1 controls, noncharacters and surrogates are no text: blanked once mojibake is repaired (C1
    # controls stand for bytes of mis-decoded characters until then).
    | dict.fromkeys(range(0x80, 0xA0), " ")
    | dict.fromkeys((*range(0xFDD0, 0xFDF0), 0xFFFF), " ")
    | dict.fromkeys(range(0xD800, 0xE000), " ")  # lone surrogates (a str can hold them)
    | dict.fromkeys(
        (code for plane in range(1, 17) for code in (plane << 16 | 0xFFFE, plane << 16 | 0xFFFF)),
        " ",
    )
)


def _char_class(codes: Iterable[int]) -> str:
    """A regex character class of the code points ``codes``, in ranges."""
    parts: list[str] = []
    run: list[int] = []
    for code in sorted(codes):
        if run and code == run[-1] + 1:
            run[-1] = code
            continue
        if run:
            parts.append(f"\\U{run[0]:08x}-\\U{run[1]:08x}")
        run = [code, code]
    if run:
        parts.append(f"\\U{run[0]:08x}-\\U{run[1]:08x}")
    return "[" + "".join(parts) + "]"


# _STRAIGHT_QUOTES applied as str.replace of the few characters it changes to others, and
# one regex for those it blanks (rare): each a C loop over the text. str.translate with
# a dict looks every character up, some 20 times as slow on non-ASCII text.
_REPLACED: Final = tuple((chr(k), v or "") for k, v in _STRAIGHT_QUOTES.items() if v != " ")
_BLANKED: Final = re.compile(_char_class(k for k, v in _STRAIGHT_QUOTES.items() if v == " "))
_CONTROL: Final = re.compile(_char_class(map(ord, _CONTROL_CHARS)))

_NON_ASCII_RUN: Final = re.compile(r"[^\x00-\x7f]+")

# Mis-decodings that no general repair can undo, because a byte was lost.
_LOSSY: Final = {
    "\u00e2\u00bf\u00a2": "\u2122",  # "â¿¢": a trademark sign with its middle byte lost
    "\u00e2\u0084\u00a2": "\u2122",  # "â" + C1 control + "¢"
}


# Characters that start nearly every UTF-8-as-Windows-1252 sequence.
_MOJIBAKE_MARKS: Final = ("\u00c3", "\u00c2", "\u00e2", "\u00c5", "\u00ef\u00bf")
# Two-character sequences that are almost surely mojibake (for the diagnostic).
_MOJIBAKE: Final = re.compile(
    "\u00c3[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]|\u00c2[\u00a0-\u00bf]|\u00e2(?:\u20ac|\u201e|\u00bf)|\u00ef\u00bf"
)


# A hyphen where a word was broken over two lines, as some extractors print it: pdfium
# writes U+FFFE (a noncharacter) for the hyphen and drops the line end after it; a soft
# hyphen (U+00AD) before a line end is the hyphen the page showed there.
_SOFT_HYPHEN_AT_END: Final = re.compile("\u00ad(?=[ \t]*[\r\n\f])")


def repair_hyphens(text: str) -> str:
    r"""Line-break hyphens that an extractor printed as other characters, as ``-``.

    Same length in, same length out, so offsets into the text hold. A soft hyphen
    anywhere else is invisible and is dropped from values (:func:`repair_characters`).

    >>> repair_hyphens("range-of\ufffemotion, electro\u00ad\nmyography")
    'range-of-motion, electro-\nmyography'
    """
    if _BROKEN_HYPHEN in text:
        text = text.replace(_BROKEN_HYPHEN, "-")
    if "\u00ad" in text:
        text = _SOFT_HYPHEN_AT_END.sub("-", text)
    return text


def join_lines(lines: Iterable[str]) -> str:
    """Undo page-width wrapping: join lines with one space.

    A line ending in a hyphen glued to a word (``L5-`` / ``S1``, ``Non-`` /
    ``MTUS``) is joined without a space; a free-standing dash keeps its spaces.

    >>> join_lines(["Decision based on Non-", "MTUS Citation", "", "ODG"])
    'Decision based on Non-MTUS Citation ODG'
    """
    # Most values are joined as they come: every line its own strip(), none empty and
    # none glued to the one before. The pieces are copied out only from the first line
    # that is not so (the lines before it are the first pieces); until then the lines
    # themselves are joined, with no list made of them.
    pieces: list[str] | None = None
    glue = False  # the line before ends in a hyphen glued to a word: this one goes on it
    # (Compiled, a loop over a list runs without the iterator protocol: callers pass lists.)
    # (Typed: isinstance() alone would narrow it to list[Any], and every use to a generic one.)
    listed: list[str] = lines if isinstance(lines, list) else list(lines)
    for i in range(len(listed)):
        raw = listed[i]
        # (Most lines come stripped, their contents as the scanner cut them: a line that
        # starts and ends with a printable ASCII character, none of them white space, is
        # its own strip(), told natively without the call.)
        line = raw if raw and 32 < ord(raw[0]) < 0x7F and 32 < ord(raw[-1]) < 0x7F else raw.strip()
        if pieces is None and (glue or not line or line is not raw):
            pieces = listed[:i]
        if not line:
            continue
        if pieces is not None:  # (else the line is its own piece, joined from ``listed``)
            if glue:
                pieces[-1] += line
            else:
                pieces.append(line)
        # (45: "-", told by its code point, natively)
        glue = ord(line[-1]) == 45 and len(line) > 1 and not (line[-2].isspace() or line[-2] == "-")
    return " ".join(listed if pieces is None else pieces)


def repair_characters(text: str) -> tuple[str, bool]:
    """Repair mis-decoded characters and normalise quotes.

    UTF-8 read as Windows-1252 (``FlexerilÂ®``) is decoded again, curly quotes
    become straight ones, and the lossy cases no general repair can know are
    mapped from a table. Returns the text and whether mojibake was repaired.
    ASCII text is returned untouched at once.

    >>> repair_characters("FlexerilÂ® and \u201cSoma\u201d")
    ('Flexeril® and "Soma"', True)
    """
    if is_ascii(text):
        return text, False
    repaired = text
    for bad, good in _LOSSY.items():
        if bad in repaired:
            repaired = repaired.replace(bad, good)
    if not any(mark in repaired for mark in _MOJIBAKE_MARKS):
        # No sign of mis-decoding: ftfy (slow) has nothing to undo; straighten the
        # quotes it would straighten and compose characters as it would.
        return _plain(repaired), repaired != text
    # The common case, fast: each run of non-ASCII characters is UTF-8 that was
    # read as Windows-1252; encoding it back and decoding it as UTF-8 undoes that.
    # A run that does not round-trip whole is undone character by character (a
    # mis-decoded character beside a well-decoded one: "â„¢\xa0"); text decoded
    # twice takes a second round.
    undone = repaired
    for _ in range(3):
        again = _NON_ASCII_RUN.sub(_redecode, undone)
        if again == undone:
            break
        undone = again
        if not any(mark in undone for mark in _MOJIBAKE_MARKS):
            break
    if not any(mark in undone for mark in _MOJIBAKE_MARKS):
        return _plain(undone), True
    import ftfy  # deferred: only text that needs the general repair pays for the import

    fixed = ftfy.fix_text(undone, normalization="NFC", fix_line_breaks=False)
    if any(mark in fixed for mark in _REMNANT_MARKS):
        fixed = _drop_remnants(fixed)
    return _plain(fixed), fixed != text


def _plain(text: str) -> str:
    for char, replacement in _REPLACED:
        if char in text:
            text = text.replace(char, replacement)
    # (Every blanked character is unprintable, and isprintable() runs many times faster
    # than a search of the class, a score of ranges.)
    if not text.isprintable() and _BLANKED.search(text) is not None:
        text = _BLANKED.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _redecode(match: re.Match[str]) -> str:
    run = match.group()
    try:
        return run.encode("windows-1252").decode("utf-8")
    except UnicodeError:
        return _redecode_pieces(run)


def _byte(char: str) -> int:
    """The byte that ``char`` stands for in UTF-8 read as Windows-1252 (or Latin-1: a C1
    control stands for itself), or -1."""
    code = ord(char)
    if code < 0x100:
        return code
    try:
        return char.encode("windows-1252")[0]
    except UnicodeError:
        return -1


def _sequence_size(byte: int) -> int:
    """How many bytes the UTF-8 sequence that ``byte`` leads has (0: no lead byte)."""
    if 0xC2 <= byte <= 0xDF:
        return 2
    if 0xE0 <= byte <= 0xEF:
        return 3
    if 0xF0 <= byte <= 0xF4:
        return 4
    return 0


def _redecode_pieces(run: str) -> str:
    """Each mis-decoded character of ``run`` decoded again, the others kept as they are."""
    codes = [_byte(char) for char in run]
    out: list[str] = []
    i = 0
    n = len(run)
    while i < n:
        size = _sequence_size(codes[i])
        if size and i + size <= n and all(0x80 <= codes[k] <= 0xBF for k in range(i + 1, i + size)):
            try:
                out.append(bytes(codes[i : i + size]).decode("utf-8"))
                i += size
                continue
            except UnicodeError:
                pass
        out.append(run[i])
        i += 1
    return "".join(out)


# The characters that lead the mis-decoded forms of no-break spaces and of Latin-1
# letters ("Â", "Ã") and of punctuation and symbols ("â"): no English prose has them.
_REMNANT_MARKS: Final = ("\u00c2", "\u00c3", "\u00e2")


def _drop_remnants(text: str) -> str:
    """Remove what is left of characters whose bytes were lost: a mark of
    :data:`_REMNANT_MARKS` and the continuation bytes after it ("â" + "€" of a quote
    whose last byte is gone; "Â" of a no-break space that became a blank). Which
    character it was cannot be known; what it leaves in a value is noise."""
    out: list[str] = []
    skip = 0
    for char in text:
        if skip and char != "\u00a0" and 0x80 <= _byte(char) <= 0xBF:
            skip -= 1
            continue
        skip = 0
        if char in _REMNANT_MARKS:
            skip = _sequence_size(_byte(char)) - 1
            continue
        out.append(char)
    return "".join(out)


def find_mojibake(text: str) -> int:
    """Offset of the first sure sign of mojibake in ``text``, or -1.

    >>> find_mojibake("FlexerilÂ® 10mg"), find_mojibake("Flexeril® 10mg")
    (8, -1)
    """
    if is_ascii(text):
        return -1
    # (Each sign starts with one of these: finding them costs less than a search that
    # tries every position.)
    if not ("\u00c3" in text or "\u00c2" in text or "\u00e2" in text or "\u00ef" in text):
        return -1
    match = _MOJIBAKE.search(text)
    return match.start() if match else -1


def has_control_space(text: str) -> bool:
    """Whether ``text`` holds ASCII white space other than the blank and ``\\n``.

    Written out: a generator over the eight characters costs twice as much.
    """
    return (
        "\t" in text
        or "\r" in text
        or "\x0c" in text
        or "\x0b" in text
        or "\x1c" in text
        or "\x1d" in text
        or "\x1e" in text
        or "\x1f" in text
    )


def normalize_space(text: str) -> str:
    """Fold every run of white space (tabs, no-break spaces, form feeds) to one space.

    Stray control characters are expected to be blanked already (:func:`blank_controls`).

    >>> normalize_space("  pain.\u00a0 The\\tpatient ")
    'pain. The patient'
    """
    if is_ascii(text):
        return _normalize_ascii(text)
    # (Text with characters beyond ASCII, most of it written with blanks alone: split()
    # and join() make an object of every word, where the blanks are folded in place.)
    if "\n" in text or has_control_space(text) or _has_other_space(text):
        return " ".join(text.split())
    return _fold_blanks(text)


# The white space beyond ASCII, as str.split() reads it (tests/test_core.py checks the
# list against str.isspace(); written out, as finding them costs half a millisecond of
# the import).
_OTHER_SPACE: Final = (
    "\x85", "\xa0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
    "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f",
    "\u3000",
)  # fmt: skip


def _has_other_space(text: str) -> bool:
    """Whether ``text`` holds white space beyond ASCII (a no-break space, an em space...)."""
    # (An ``in`` test of a character wider than any of the text's returns at once.)
    return any(space in text for space in _OTHER_SPACE)


def _normalize_ascii(text: str, spaces: bool = True) -> str:
    """:func:`normalize_space` for ASCII text (``spaces=False``: it holds no white space
    but blanks and line ends, see :func:`clean_lines`)."""
    if "\n" in text or (spaces and has_control_space(text)):
        return " ".join(text.split())
    return _fold_blanks(text)


def _fold_blanks(text: str) -> str:
    """:func:`normalize_space` for text whose only white space is the blank."""
    # str.replace runs in C without making a list of every word (what split() and
    # join() cost on a page of prose).
    if text and (ord(text[0]) == 32 or ord(text[-1]) == 32):  # (told natively: most have none)
        text = text.strip(" ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def clean_lines(lines: Iterable[str], headers: bool = True, spaces: bool = True) -> str:
    """Clean the lines of one value: join wrapped lines, repair characters, fold spaces.

    The scanner already strips page artifacts from each line while it classifies
    it; one that a wrap split over two lines is caught here, on the joined text.
    ``headers=False`` says that the letter holds none (:attr:`Scan.headers
    <imrparse.scanner.Scan.headers>`), so that no value is searched for one;
    ``spaces=False`` that it holds no white space but blanks and line ends
    (:attr:`Scan.spaces <imrparse.scanner.Scan.spaces>`), so that no value is searched
    for tabs, form feeds and the like.

    >>> clean_lines(["Decision based on Non-", "MTUS Citation,  ", "", " ODG"])
    'Decision based on Non-MTUS Citation, ODG'
    """
    text = join_lines(lines)
    if headers and may_hold_page_header(text):
        text = _ARTIFACT.sub(" ", text)  # a header that a wrap had split over two lines
    if is_ascii(text):  # (nothing to repair: asked once)
        return _normalize_ascii(text, spaces)
    text, _ = repair_characters(text)
    return normalize_space(text)


def find_control(text: str) -> int:
    """Offset of the first stray control character in ``text``, or -1."""
    for char in _CONTROL_TUPLE:
        if char in text:  # (``in`` skips the argument parsing that costs find() more)
            return min(i for i in (text.find(c) for c in _CONTROL_TUPLE) if i >= 0)
    return -1


def blank_controls(text: str) -> str:
    """Replace stray control characters by spaces; offsets and line ends stay put."""
    return _CONTROL.sub(" ", text)
