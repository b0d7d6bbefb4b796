"""The lossless line tokenizer.

:func:`tokenize` gives every line of a text as a :class:`~imrparse.Token`: its kind,
as the scanner (:mod:`imrparse.scanner`) classified it for the grammar, and its exact
text. Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` and nowhere else (unlike
``str.splitlines``, form feeds and other separators stay inside their line). Each
token's ``text`` is the line *with* its line ending, so joining the texts of all
tokens gives the input back exactly.

>>> [(t.kind.value, t.text) for t in tokenize("CLINICAL CASE SUMMARY\\r\\n \\nSoma #60: Upheld")]
[('heading', 'CLINICAL CASE SUMMARY\\r\\n'), ('break', ' \\n'), ('determination', 'Soma #60: Upheld')]
"""

from __future__ import annotations

from collections.abc import Iterator

from .records import Token, TokenKind
from .scanner import scan, split_lines

__all__ = ["tokenize"]


def tokenize(text: str) -> Iterator[Token]:
    r"""Yield one :class:`~imrparse.Token` per line of ``text``, in order.

    The tokens are lossless: ``"".join(t.text for t in tokenize(s)) == s`` for
    every string ``s``. Kinds are the stable values of :class:`~imrparse.TokenKind`.

    >>> import imrparse
    >>> text = "Soma #60: Upheld\n\nDecision rationale: Not recommended.\n"
    >>> [t.kind.value for t in imrparse.tokenize(text)]
    ['determination', 'blank', 'part']
    >>> "".join(t.text for t in imrparse.tokenize(text)) == text
    True

    :raises TypeError: when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() needs a str, not {type(text).__name__}")
    kinds: dict[int, TokenKind] = {}
    for line in scan(text):
        # (a line that a form feed cut in two takes its first piece's kind unless that
        # is prose: "... below:\fSoma #60: Upheld" is a treatment header's line)
        if kinds.get(line.number, TokenKind.TEXT) is TokenKind.TEXT:
            kinds[line.number] = line.kind
    bodies, endings = split_lines(text)
    last = len(bodies) - 1
    start = 0
    for index, body in enumerate(bodies):
        if index == last and not body:
            break  # the text ended with a line ending: there is no further line
        ending = "" if index == last else ("\n" if endings is None else endings[index])
        end = start + len(body) + len(ending)
        yield Token(
            kind=kinds.get(index + 1, TokenKind.BLANK),
            text=text[start:end],
            start=start,
            end=end,
            line=index + 1,
        )
        start = end
