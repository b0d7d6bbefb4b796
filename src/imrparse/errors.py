"""The one exception the parser raises on bad letters."""

from __future__ import annotations

__all__ = ["ParseError"]


class ParseError(ValueError):
    """A letter could not be parsed in strict mode, or a file type is unsupported.

    The message has a stable form: ``"line L, column C: <message> [<code>]"``.

    >>> err = ParseError("no section recognised", line=3, column=1, code="no-letter")
    >>> str(err)
    'line 3, column 1: no section recognised [no-letter]'
    >>> err.line, err.column, err.code
    (3, 1, 'no-letter')
    """

    def __init__(self, message: str, *, line: int = 1, column: int = 1, code: str = "") -> None:
        self.msg = message
        self.line = line
        self.column = column
        self.code = code
        suffix = f" [{code}]" if code else ""
        super().__init__(f"line {line}, column {column}: {message}{suffix}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.msg, self.line, self.column, self.code))


def _rebuild(message: str, line: int, column: int, code: str) -> ParseError:
    return ParseError(message, line=line, column=column, code=code)
