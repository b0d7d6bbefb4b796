"""The header table's tokens and labels: lines cut into tokens, and the labels of the
caller's table found among them, whole or split over lines (pass 1 of
:func:`~imrparse.extractors.header.read_header_table`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..cleaning import is_ascii
from ..layout_words import ocr_key
from ..wordlists import match_key
from .header_shapes import fits_shape

__all__ = [
    "LABEL",
    "OTHER",
    "VALUE",
    "Label",
    "Labels",
    "Token",
    "join_hyphen_wraps",
    "match_label",
    "may_slip",
    "open_prefix",
    "tokenize",
]

# Token roles.
OTHER: Final = 0
LABEL: Final = 1  # a word (or the colon) of a label, either half of a split one included
VALUE: Final = 2  # a value paired with a label


class Token:
    """One whitespace-free token of a line (a plain class: cheap to make when compiled)."""

    def __init__(
        self, text: str, offset: int, wide: bool, stem: str, word: bool, colon: int
    ) -> None:
        self.text = text
        self.offset = offset  # 0-based, in the stripped content of its line
        self.wide = wide  # a run of two or more blanks (or a tab, or the line start) before it
        # Where its first colon is, -1 for none (``text.find(":")``, which the tokenizer
        # has made: labels are told by their colons, and an attribute costs no search).
        self.colon = colon
        # The folded word without the colons it ends with (:func:`_stem`): the key a label
        # is matched on.
        self.stem = stem
        # Whether it is a word of some label (the stem is among the table's first_words),
        # looked up once (the key of a label is looked up with the hash kept from here)
        self.word = word
        self.role = OTHER  # set as labels and their values are read
        # Its cell (pass 2): the index in its line of the run of unread tokens, between
        # labels and runs of blanks, that it stands in; -1 for a label's token
        self.cell = -1
        self.claimed = False  # (pass 2) its cell holds the value of the label before it


def _stem(text: str, ascii: bool, colon: int) -> str:
    """A token's folded word without the colons it ends with (``colon``: where its first
    colon is, -1 for none; ``ascii``: whether it is ASCII, or its line is).

    (Labels are matched on the folded words of tokens without a colon but for a run's
    last: the stem is such a token's folded word, and no other copy is kept.)
    """
    # (compiled, lower() runs natively and folds ASCII text as casefold() does)
    folded = text.lower() if ascii else text.casefold()
    # (":" folds to itself, and no other character folds to a colon: ``folded`` holds
    # colons where ``text`` does.)
    if colon < 0:
        return folded
    if colon == len(text) - 1:
        # (a slice where its only colon ends it, which costs less than rstrip(); kept, so
        # that a label's key is neither cut again nor hashed again when it is looked up)
        return folded[:-1]
    return folded.rstrip(":") if folded[-1] == ":" else folded


def _token(text: str, offset: int, wide: bool, words: set[str], ascii: bool, colon: int) -> Token:
    """A token of ``text``, its stem folded and looked up among ``words``."""
    stem = _stem(text, ascii, colon)
    return Token(text, offset, wide, stem, stem in words, colon)


class Labels:
    """The caller's label table, folded, with every way a label can be split."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.full: dict[str, str] = {}
        self.prefixes: set[str] = set()
        # suffix key -> (prefix key, field) for every split of every label
        self.suffixes: dict[str, list[tuple[str, str]]] = {}
        self.last_words: set[str] = set()
        # Every word of every label: the words any label, or its rest, may start with.
        self.first_words: set[str] = set()
        self.max_words = 1
        # ocr_key of a whole label -> its key: a label OCR slipped in (``DateAssigned:``,
        # ``Case Nurnber:``) is still that label where no other label slips the same way.
        self.slips: dict[str, str] = {}
        # Token text -> its stem and colon, for the texts whose stem is a word of a label
        # (see tokenize).
        self.spelled: dict[str, tuple[str, int]] = {}
        clashes: set[str] = set()
        for printed, field in labels.items():
            words = match_key(printed.rstrip().rstrip(":")).casefold().split(" ")
            if not words or not words[0]:
                raise ValueError(f"empty label for field {field!r}")
            key = " ".join(words)
            self.full[key] = field
            slip = ocr_key(key.upper())
            if slip in self.slips and self.slips[slip] != key:
                clashes.add(slip)
            self.slips[slip] = key
            self.last_words.add(words[-1])
            self.first_words.update(words)
            self.max_words = max(self.max_words, len(words))
            for cut in range(1, len(words)):
                head = " ".join(words[:cut])
                tail = " ".join(words[cut:])
                self.prefixes.add(head)
                self.suffixes.setdefault(tail, []).append((head, field))
        for slip in clashes:
            del self.slips[slip]


class Label:
    """One label found in the lines (a split one included)."""

    def __init__(self, field: str, start_line: int, start_tok: int, end_line: int, end_tok: int):
        self.field = field
        self.start_line = start_line  # index into lines of its first word
        self.start_tok = start_tok
        self.end_line = end_line  # index into lines of its colon
        self.end_tok = end_tok  # index of the first token after its colon
        self.value_line = -1
        self.value_tok = -1
        self.bare = False


# How many token texts a label table remembers the stems of (the words of its labels, as
# printed: a few dozen; more, and it forgets them all), and how long one may be (a label's
# word and its colon: a longer text, "Date::::...", is read each time, not kept).
_SPELLED: Final = 256
_SPELLED_LENGTH: Final = 40


def tokenize(content: str, table: Labels) -> list[Token]:
    """Whitespace-free tokens; ``Number:CM16-1`` is cut after a label's last word and colon."""
    tokens: list[Token] = []
    words = table.first_words
    spelled = table.spelled
    ascii = is_ascii(content)  # (once a line: its tokens are folded by lower() then)
    end = 0  # where the token before ends
    # (A loop over every character, compiled, costs more than split() and a walk over
    # the few blanks before each token.)
    for text in content.split():
        # (only white space before it: the token starts at its first character; compiled,
        # comparing code points costs less than a find())
        first = ord(text[0])
        start = end
        while ord(content[start]) != first:
            start += 1
        # (one blank or tab between two tokens, or none before the first)
        wide = not tokens or start - end >= 2 or content[end] == "\t"
        end = start + len(text)
        # The words of the labels come back in every letter: a text whose stem is one is
        # remembered, with where its colon is, and is neither searched, folded nor looked
        # up again. (Exact: the stem, the colon and whether the text is cut depend on the
        # text and the table alone; ASCII text folds alike by lower() and casefold().)
        # A text that begins with a digit (a value: a date) is not remembered, nor asked for.
        digit = 48 <= first <= 57  # (0-9)
        known = None if digit else spelled.get(text)
        if known is not None:
            stem, colon = known
            tokens.append(Token(text, start, wide, stem, True, colon))
            continue
        colon = text.find(":")
        if 0 < colon < len(text) - 1 and text[:colon].casefold() in table.last_words:
            tokens.append(_token(text[: colon + 1], start, wide, words, ascii, colon))
            rest = text[colon + 1 :]
            tokens.append(_token(rest, start + colon + 1, False, words, ascii, rest.find(":")))
            continue
        token = _token(text, start, wide, words, ascii, colon)
        if token.word and not digit and len(text) <= _SPELLED_LENGTH:
            if len(spelled) >= _SPELLED:
                spelled.clear()
            spelled[text] = (token.stem, colon)
        tokens.append(token)
    return tokens


def _is_letter(char: str) -> bool:
    """``char.isalpha()`` for one character (compiled, an ASCII one is told natively)."""
    code = ord(char)
    if code < 0x80:
        return 97 <= code | 0x20 <= 122
    return char.isalpha()


def may_slip(token: str) -> bool:
    """Whether a token that begins no label as printed may begin one OCR slipped: it ends
    a label or joins words (``DateAssigned:``, ``URDenial``), or is a word that holds a
    character OCR reads for a letter (``Decisi0n``, ``Nurnber``; not a date)."""
    n = len(token)
    # (compiled, a code point read by index costs less than endswith(); a loop over the
    # token's pairs of them, more than the ``in`` search)
    if (n and ord(token[n - 1]) == 58) or "rn" in token:  # (58: ":")
        return True
    if not n or not _is_letter(token[0]):  # (a value: both tests below need a letter first)
        return False
    if (len(token) == 1 or _is_letter(token[1])) and (
        "0" in token or "1" in token or "5" in token or "|" in token or "8" in token
    ):
        return True
    # (a title first: the usual word)
    return not (token.istitle() or token.isupper() or token.islower())


def match_label(tokens: list[Token], start: int, table: Labels) -> tuple[str, int, str, int]:
    """The labels that may begin at token ``start``: the longest run of words ending with a
    colon whose key is a whole label of ``table`` (or whose OCR key is one: see
    :class:`Labels`), and the longest such run of at most ``max_words - 1`` words whose key
    is the rest of a split label (a key of ``table.suffixes``).

    Returns the whole label's key and the index of the first token after its colon, then
    the rest's key and index; ``("", -1)`` for either not found.
    """
    n = len(tokens)
    # Runs of 1..limit words are eligible: unread tokens, a colon only in the last one.
    limit = 0
    for k in range(start, min(n, start + table.max_words)):
        if tokens[k].role != OTHER:
            break
        limit += 1
        if tokens[k].colon >= 0:
            break
    key = ""
    end = -1
    tail = ""
    tail_end = -1
    # (Only the run's last token may hold a colon: a shorter run than ``limit`` less one
    # neither ends with one nor stands before a lone one. The tokens before the last hold
    # none: each one's stem is its folded word.)
    for count in range(limit, max(limit - 2, 0), -1):
        last = tokens[start + count - 1]
        stop = start + count
        text = last.text
        if len(text) > 1 and last.colon == len(text) - 1:
            run = last.stem  # (its only colon ends it: the stem is the word before it)
            if count > 1:
                words = [tokens[k].stem for k in range(start, stop - 1)]
                words.append(run)
                run = " ".join(words)
        elif (
            last.colon < 0 and stop < n and tokens[stop].text == ":" and tokens[stop].role == OTHER
        ):
            run = " ".join([tokens[k].stem for k in range(start, stop)])
            stop += 1
        else:
            continue
        if end < 0:
            if run in table.full:
                key, end = run, stop
            elif table.slips:
                slipped = table.slips.get(ocr_key(run.upper()))
                if slipped is not None:
                    key, end = slipped, stop
        if tail_end < 0 and count < table.max_words and run in table.suffixes:
            tail, tail_end = run, stop
        if end >= 0 and tail_end >= 0:
            break
    return key, end, tail, tail_end


def join_hyphen_wraps(
    all_tokens: list[list[Token]], shapes: list[str], words: set[str]
) -> list[int]:
    """Values wrapped after a hyphen (``CM16-`` / ``0224814``), joined on their first line.

    A line's last token that ends in a hyphen after a letter or digit takes the next line's
    first token when that makes a value of some shape the table has and the token alone is
    none. Returns the lines left with no token (read with the line they went up to).
    """
    emptied: list[int] = []
    for li in range(len(all_tokens) - 1):
        tokens, following = all_tokens[li], all_tokens[li + 1]
        if not tokens or not following:
            continue
        last = tokens[-1]
        text = last.text
        if len(text) < 2 or text[-1] != "-" or not text[-2].isalnum():
            continue
        joined = text + following[0].text
        if any(fits_shape(joined, shape) for shape in shapes) and not any(
            fits_shape(text, shape) for shape in shapes
        ):
            tokens[-1] = _token(joined, last.offset, last.wide, words, False, joined.find(":"))
            del following[0]
            if not following:
                emptied.append(li + 1)
    return emptied


def open_prefix(
    candidates: list[tuple[int, int, int]] | None,
    all_tokens: list[list[Token]],
    line: int,
    window: int,
) -> tuple[int, int, int] | None:
    """The latest still unread label beginning on an earlier line, within ``window`` lines."""
    if not candidates:
        return None
    while candidates:
        p_line, p_tok, p_count = candidates[-1]
        tokens = all_tokens[p_line]
        if all(tokens[k].role == OTHER for k in range(p_tok, p_tok + p_count)):
            break
        candidates.pop()
    if not candidates:
        return None
    found = candidates[-1]
    return found if 0 < line - found[0] <= window else None
