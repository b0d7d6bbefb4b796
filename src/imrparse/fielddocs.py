"""The records' field docstrings in their classes' ``__doc__``, so that ``help()`` shows them.

A field's docstring (the string literal under it, which Sphinx reads from the source) is
not kept by Python at run time, so ``help(imrparse.Letter)`` would list the fields
without their meaning. :func:`add_field_docs` reads them from the module's source once,
at import, and appends a *Fields* section to each class's docstring. The documentation
site shows the field docstrings themselves and drops this section (``docs/conf.py``).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from types import ModuleType

__all__ = ["MARKER", "add_field_docs"]

MARKER = "Fields (each with its type and meaning):"
"""The line that opens the appended section."""


def add_field_docs(module: ModuleType, classes: list[type]) -> None:
    """Append to each class's ``__doc__`` its fields, their types and docstrings, as the
    source of ``module`` states them; do nothing when the source cannot be read."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError, SyntaxError):
        return
    wanted = {cls.__name__: cls for cls in classes}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in wanted:
            fields = _fields(node)
            cls = wanted[node.name]
            if fields:
                cls.__doc__ = (
                    inspect.cleandoc(cls.__doc__ or "") + "\n\n" + MARKER + "\n\n" + fields
                )


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
