"""The records' field docstrings in their classes' ``__doc__``, so that ``help()`` shows them.

A field's docstring (the string literal under it, which Sphinx reads from the source) is
not kept by Python at run time, so ``help(imrparse.Letter)`` would list the fields
without their meaning. :func:`add_field_docs` makes each class's docstring one that
reads them from the module's source when it is first asked for (not at import: parsing
the source takes milliseconds that ``import imrparse`` need not spend), and appends a
*Fields* section to it. The documentation
site shows the field docstrings themselves and drops this section (``docs/conf.py``).
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
import textwrap
from types import ModuleType

__all__ = ["MARKER", "add_field_docs"]

MARKER = "Fields (each with its type and meaning):"
"""The line that opens the appended section."""


def add_field_docs(module: ModuleType, classes: list[type]) -> None:
    """Append to each class's ``__doc__`` its fields, their types and docstrings, as the
    source of ``module`` states them, when the docstring is first read; leave the
    docstring as it is when the source cannot be read."""
    for cls in classes:
        cls.__doc__ = _DocWithFields(module.__name__, cls.__name__, cls.__doc__)  # type: ignore[assignment]


class _DocWithFields:
    """A class's ``__doc__`` that adds the *Fields* section when first read (``type``
    calls the ``__get__`` of what its ``__doc__`` holds)."""

    def __init__(self, module: str, name: str, doc: str | None) -> None:
        self._module = module
        self._name = name
        self._doc = doc
        self._text: str | None = None

    def __get__(self, instance: object, owner: type | None = None) -> str | None:
        if self._text is None:
            fields = _fields_of(self._module).get(self._name)
            if not fields:
                return self._doc
            self._text = inspect.cleandoc(self._doc or "") + "\n\n" + MARKER + "\n\n" + fields
        return self._text


@functools.cache
def _fields_of(module: str) -> dict[str, str]:
    """The *Fields* section of each class of ``module``, by class name, from its source."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[module]))
    except (OSError, TypeError, SyntaxError, KeyError):
        return {}
    return {node.name: _fields(node) for node in tree.body if isinstance(node, ast.ClassDef)}


def _fields(node: ast.ClassDef) -> str:
    lines: list[str] = []
    body = node.body
    for n, statement in enumerate(body):
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            continue
        following = body[n + 1] if n + 1 < len(body) else None
        doc = ""
        if (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            doc = " ".join(inspect.cleandoc(following.value.value).split())
        lines.append(f"{statement.target.id}: {ast.unparse(statement.annotation)}")
        if doc:
            lines += textwrap.wrap(doc, 80, initial_indent="    ", subsequent_indent="    ")
    return "\n".join(lines)
