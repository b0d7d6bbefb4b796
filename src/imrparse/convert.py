"""One ``cattrs`` converter for every (un)structuring of the records.

Dates become ISO strings, enums their values, tuples JSON arrays.
"""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.v

from .records import Letter, Outcome, Priority, Severity, Sex, TokenKind

__all__ = ["converter", "from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")


def _enum_value(member: enum.Enum) -> Any:
    return member.value


converter = cattrs.Converter(forbid_extra_keys=True)
"""The converter behind :func:`to_dict` and :func:`from_dict`."""

converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
# The enums subclass str, which cattrs would pass through as enum members; write values.
for _enum in (Outcome, Priority, Sex, Severity, TokenKind):
    converter.register_unstructure_hook(_enum, _enum_value)
converter.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))

_SPANS: Any = tuple[tuple[str, int, int, int, int, int], ...]
"""The type of :attr:`Letter.spans`, written as a mapping: path -> ``[start, end, line,
column, page]`` (``page`` ``null`` for a text without pages)."""


def _spans_out(rows: Any) -> dict[str, list[int | None]]:
    return {
        path: [start, end, line, column, page or None]
        for path, start, end, line, column, page in rows
    }


def _spans_in(data: Any, _: Any) -> tuple[tuple[str, int, int, int, int, int], ...]:
    if not isinstance(data, dict):
        raise ValueError("spans must be a mapping of paths to [start, end, line, column, page]")
    rows = []
    for path, row in data.items():
        if not (isinstance(row, list | tuple) and len(row) == 5):
            raise ValueError(f"the span of {path!r} must be [start, end, line, column, page]")
        start, end, line, column, page = row
        rows.append((str(path), int(start), int(end), int(line), int(column), int(page or 0)))
    return tuple(rows)


converter.register_unstructure_hook_func(lambda t: t == _SPANS, _spans_out)
converter.register_structure_hook_func(lambda t: t == _SPANS, _spans_in)


def to_dict(obj: Any) -> Any:
    """Turn a record (or a tuple of records) into plain JSON-safe data.

    >>> import imrparse
    >>> d = imrparse.to_dict(imrparse.Treatment(text="Soma #60", name="Soma", quantity=60))
    >>> d["name"], d["quantity"], d["strength"]
    ('Soma', 60, None)
    """
    return converter.unstructure(obj)


def from_dict(data: Any, cls: type[T] = Letter) -> T:  # type: ignore[assignment]
    """Build a record of type ``cls`` (a :class:`~imrparse.Letter` by default) from plain data.

    Errors name the path of the bad value, for example ``$.determinations[1].outcome``.

    >>> import imrparse
    >>> t = imrparse.Treatment(text="Soma #60", name="Soma", quantity=60)
    >>> imrparse.from_dict(imrparse.to_dict(t), imrparse.Treatment) == t
    True
    """
    if attrs.has(cls) and not isinstance(data, Mapping):
        raise ValueError(f"{_not_a_mapping(cls, type(data))} @ $")
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        raise ValueError("; ".join(cattrs.transform_error(exc, format_exception=_why))) from exc


def _why(exc: BaseException, wanted: type | None) -> str:
    """cattrs' words for a bad value, but for a record given what is not a mapping, which
    cattrs reports as an AttributeError of ``keys`` ("unknown error")."""
    if isinstance(exc, AttributeError) and exc.name == "keys" and wanted is not None:
        return _not_a_mapping(wanted, type(exc.obj))
    return cattrs.v.format_exception(exc, wanted)


def _not_a_mapping(wanted: type, given: type) -> str:
    return (
        f"a {wanted.__name__} is read from a mapping (a JSON object), not from a {given.__name__}"
    )


def to_json(letter: Letter, *, indent: int | None = None) -> str:
    """Write a :class:`~imrparse.Letter` as JSON text.

    >>> import imrparse
    >>> text = imrparse.to_json(imrparse.Letter(case_number="CM13-0000004"))
    >>> text[:48]
    '{"layout": "unknown", "case_number": "CM13-00000'
    """
    if not attrs.has(type(letter)):
        raise TypeError(
            f"to_json() writes a Letter (or another record), not {type(letter).__name__}"
        )
    return json.dumps(to_dict(letter), indent=indent, ensure_ascii=False)


def from_json(text: str) -> Letter:
    """Read a :class:`~imrparse.Letter` back from the JSON that :func:`to_json` wrote.

    >>> import imrparse
    >>> letter = imrparse.parse(imrparse.examples.read_text("multi"))
    >>> imrparse.from_json(imrparse.to_json(letter)) == letter
    True
    """
    return from_dict(json.loads(text), Letter)
