"""Kept so that imports of ``imrparse.lexicons`` go on working: the treatment lexicons and
their loader are :mod:`imrparse.classifier.lexicons` now."""

from __future__ import annotations

from .classifier.lexicons import (
    DATA_FILES,
    Lexicons,
    ProcedureRule,
    default_lexicons,
    load_lexicons,
)

__all__ = ["DATA_FILES", "Lexicons", "ProcedureRule", "default_lexicons", "load_lexicons"]
