"""The lossless line tokenizer.

A letter is a sequence of lines, and nearly every construct of the grammar is
decided by one line: a heading, a labelled field, a treatment header, the label
that opens a part, prose. :func:`tokenize` classifies each line once; the
grammar then works on line numbers and kinds.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` and nowhere else (unlike
``str.splitlines``, form feeds and other separators stay inside their line).
Each token's ``text`` is the line *with* its line ending, so joining the texts
of all tokens gives the input back exactly.

>>> [(t.kind.value, t.text) for t in tokenize("CLINICAL CASE SUMMARY\\r\\n \\nSoma #60: Upheld")]
[('heading', 'CLINICAL CASE SUMMARY\\r\\n'), ('break', ' \\n'), ('determination', 'Soma #60: Upheld')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .cleaning import strip_artifacts
from .lexicon import FIELD_LABELS, HEADINGS, OUTCOME_WORDS, PART_LABELS
from .records import Token, TokenKind

__all__ = ["Line", "classify", "scan", "tokenize"]

# One line and its ending. The first branch needs an ending; the second takes a
# last line without one. Neither can backtrack more than once per line.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")

_HEADING, _FIELD, _DETERMINATION, _PART, _TEXT = (
    TokenKind.HEADING,
    TokenKind.FIELD,
    TokenKind.DETERMINATION,
    TokenKind.PART,
    TokenKind.TEXT,
)


class Line(NamedTuple):
    """A classified line, as the grammar sees it (cheaper than a :class:`Token`)."""

    kind: TokenKind
    number: int
    """1-based line number."""
    start: int
    """Offset of the line's first character in the input."""
    end: int
    """Offset just past the line's ending."""
    content: str
    """The line without its ending, page artifacts or surrounding white space."""
    column: int
    """1-based column where ``content`` starts (1 for an empty line)."""
    artifacts: int
    """How many page headers or footers were removed from this line."""


def _fold(text: str) -> str:
    return " ".join(text.split()).upper()


def classify(content: str) -> TokenKind:
    """Classify one stripped, non-empty line by its form alone.

    >>> classify("MAXIMUS guideline: Decision based on MTUS")
    <TokenKind.PART: 'part'>
    >>> classify("TRIGGER POINT INJECTION: Overturned")
    <TokenKind.DETERMINATION: 'determination'>
    """
    colon = content.find(":")
    if colon > 0:
        label = _fold(content[:colon])
        if label in PART_LABELS:
            return _PART
        last = content.rfind(":")
        if _fold(content[last + 1 :]) in OUTCOME_WORDS and content[:last].strip():
            return _DETERMINATION
        if label in FIELD_LABELS:
            return _FIELD
        if colon == len(content) - 1 and label in HEADINGS:
            return _HEADING
    elif len(content) < 80 and _fold(content) in HEADINGS:
        return _HEADING
    return _TEXT


def scan(text: str) -> list[Line]:
    """Split ``text`` into classified :class:`Line` records (the grammar's input)."""
    lines: list[Line] = []
    append = lines.append
    number = 0
    for match in _LINE.finditer(text):
        number += 1
        start, end = match.span()
        raw = match.group()
        body = raw.rstrip("\r\n")
        body, artifacts = strip_artifacts(body)
        content = body.strip()
        if content:
            column = len(body) - len(body.lstrip()) + 1
            kind = classify(content)
        else:
            column = 1
            if artifacts:
                kind = TokenKind.ARTIFACT
            elif not body:
                kind = TokenKind.BLANK
            elif "\f" in body:
                kind = TokenKind.PAGE_BREAK
            else:
                kind = TokenKind.BREAK
        append(Line(kind, number, start, end, content, column, artifacts))
    return lines


def tokenize(text: str) -> Iterator[Token]:
    """Yield one :class:`~imrparse.Token` per line of ``text``, in order.

    The tokens are lossless: ``"".join(t.text for t in tokenize(s)) == s`` for
    every string ``s``. Kinds are the stable values of :class:`~imrparse.TokenKind`.

    >>> import imrparse
    >>> text = "Soma #60: Upheld\\n\\nDecision rationale: Not recommended.\\n"
    >>> [t.kind.value for t in imrparse.tokenize(text)]
    ['determination', 'blank', 'part']
    >>> "".join(t.text for t in imrparse.tokenize(text)) == text
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() needs a str, not {type(text).__name__}")
    for line in scan(text):
        yield Token(
            kind=line.kind,
            text=text[line.start : line.end],
            start=line.start,
            end=line.end,
            line=line.number,
        )
