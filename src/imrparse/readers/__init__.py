"""Section readers, one a module, registered in one table that layouts name.

=================  ===================================================================
reader             reads
=================  ===================================================================
``"reviewer"``     the reviewer's credentials from prose and labelled fields
                   (``imrparse.readers.reviewer``)
``"summary"``      the case facts from the summary's prose (``imrparse.readers.summary``)
``"decisions"``    one determination per treatment header ``<item>: Upheld``, with its
                   labelled parts (``imrparse.readers.decisions``)
``"fields"``       a section of labelled fields only (``imrparse.readers.fields``)
=================  ===================================================================

A layout module may register a reader of its own (:func:`register_reader`): the 2013
notice's module registers ``"notice"``, which reads outcomes written as sentences, and
``"decision-dates"``, which reads the dates its decisions section states in prose. What
stands before the first heading is read by ``imrparse.readers.preamble``, and a section
that no reader reads by ``imrparse.readers.unread``. Each reader returns a
:class:`Reading`; ``imrparse.merge`` is where the readings meet.

>>> import imrparse
>>> imrparse.readers.registered_readers()
('reviewer', 'summary', 'decisions', 'fields', 'notice', 'decision-dates')
>>> imrparse.readers.get_reader("decisions").outcomes
'header'
"""

from __future__ import annotations

from .base import (
    Context,
    Reader,
    ReaderSpec,
    Reading,
    Stated,
    get_reader,
    register_reader,
    registered_readers,
    unregister_reader,
)
from .decisions import NONE_FOUND, read_decisions
from .fields import read_fields
from .reviewer import read_reviewer
from .summary import read_summary

__all__ = [
    "Context",
    "Reader",
    "ReaderSpec",
    "Reading",
    "Stated",
    "get_reader",
    "register_reader",
    "registered_readers",
    "unregister_reader",
]

register_reader("reviewer", read_reviewer)
register_reader("summary", read_summary)
register_reader("decisions", read_decisions, outcomes="header", none_found=NONE_FOUND)
register_reader("fields", read_fields, states_facts=True)
