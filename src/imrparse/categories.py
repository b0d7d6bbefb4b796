"""Kept so that imports of ``imrparse.categories`` go on working: the treatment classifier
is :mod:`imrparse.classifier` now, and ``classify`` is
:func:`~imrparse.classifier.reclassify_treatment` there.
"""

from __future__ import annotations

from .classifier import Reading, read_treatment, reclassify, reclassify_treatment, unknown_code

classify = reclassify_treatment  # the old name of the treatment classifier's reclassify_treatment

__all__ = ["Reading", "classify", "read_treatment", "reclassify", "unknown_code"]
