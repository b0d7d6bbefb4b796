"""Which kind of install this is: the parsing modules compiled by mypyc, or pure Python.

A wheel built from the source compiles the pipeline's modules (see ``hatch_build.py``
in the repository); an editable install, or a wheel built with ``IMRPARSE_COMPILE=0``,
runs them as Python. Both give the same results.
"""

from __future__ import annotations

from . import scanner


def compiled() -> bool:
    """Whether the parsing modules run as mypyc-compiled extension modules."""
    return not (scanner.__file__ or "").endswith(".py")


def describe() -> str:
    """``"compiled"`` or ``"pure Python"``, for version strings and benchmark reports."""
    return "compiled" if compiled() else "pure Python"
