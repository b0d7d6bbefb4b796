"""Letter layouts: one declared module per layout, a registry, and ``detect``.

DWC's letters changed over the years. Each layout the library knows is one module of
this package that *declares* it as a :class:`Layout`: its headings and the role of each
section, its labelled fields and header table, its part labels, how its outcomes are
written, its boilerplate, which reader runs on which section, and what it knowingly
leaves unread. The pipeline itself is generic:

    text -> lines (the scanner, with the words of every registered layout)
         -> sections (the grammar) -> detect() picks the layout from what the scan found
         -> the layout's readers, section by section -> values -> records

Every module of this package that defines a ``LAYOUT`` is registered when the package is
imported, in the order of the modules' names (which settles ties in :func:`detect`):
adding a layout is adding one module (see the docs page *Layouts, and adding one*).
Outside the package, :func:`register` adds one at run time.

>>> import imrparse
>>> [layout.name for layout in imrparse.layouts.registered()]
['fdl-2013', 'fdl-2014', 'fdl-2016', 'fdl-documents', 'mpr']
>>> imrparse.layouts.get("fdl-2016").header_table["DECISION DATE"]
'decision-date'
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable, Mapping
from typing import TypeVar, cast

import attrs

from ..layout_words import Vocabulary
from ..readers import get_reader, registered_readers
from ..wordlists import match_key

__all__ = [
    "Layout",
    "detect",
    "get",
    "register",
    "registered",
    "unregister",
    "vocabulary",
]

V = TypeVar("V")


def _keys(table: Mapping[str, V]) -> dict[str, V]:
    return {match_key(k): v for k, v in table.items()}


def _weights(table: Mapping[str, int]) -> dict[str, int]:
    # (a heading is a mark whether or not it is written with its colon)
    return {match_key(k).rstrip(":").rstrip(): weight for k, weight in table.items()}


def _labels(table: Mapping[str, str]) -> dict[str, str]:
    return _keys(table)


def _table(table: Mapping[str, str]) -> dict[str, str]:
    return dict(table)


def _names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(names)


def _pattern(source: str | re.Pattern[str]) -> re.Pattern[str]:
    # (idempotent, so that attrs.evolve() of a layout converts its patterns again safely)
    return source if isinstance(source, re.Pattern) else re.compile(source, re.IGNORECASE)


def _patterns(
    table: Mapping[str, tuple[str | re.Pattern[str], ...]],
) -> dict[str, tuple[re.Pattern[str], ...]]:
    return {role: tuple(map(_pattern, sources)) for role, sources in table.items()}


def _pattern_tuple(sources: tuple[str | re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(map(_pattern, sources))


@attrs.frozen(kw_only=True)
class Layout:
    """The declaration of one letter layout: what identifies it and how it is read.

    Keys of headings and labels are written as the letter prints them; they are
    matched case-insensitively with white space folded. A heading written with a
    trailing colon (``"CASE SUMMARY:"``) is recognised only with its colon.

    >>> from imrparse.layouts import Layout
    >>> toy = Layout(name="toy", description="A toy layout.",
    ...              headings={"TOY DECISIONS": "decisions"}, marks={"TOY DECISIONS": 5},
    ...              readers={"decisions": "decisions"})
    >>> toy.sections, toy.outcomes
    (('decisions',), 'header')
    """

    name: str = attrs.field()
    """The value of :attr:`~imrparse.Letter.layout` for letters of this layout."""
    description: str
    """One sentence: which letters use it."""
    headings: Mapping[str, str] = attrs.field(converter=_table)
    """Section headings as printed -> the section's role (``"how"``, ``"summary"``, ...)."""
    marks: Mapping[str, int] = attrs.field(converter=_weights, factory=dict)
    """What identifies the layout: some of its headings (as printed, with or without their
    colon) -> weight. :func:`detect` sums the weights of the headings a letter has and
    picks the layout with the highest sum."""
    header_marks: Mapping[str, int] = attrs.field(factory=dict)
    """Fields (by name) that identify the layout when they stand before the first section
    heading -> weight (a header table's ``"date-assigned"``, a cover page's fields)."""
    readers: Mapping[str, str] = attrs.field(converter=_table)
    """Section role -> the name of the reader that reads it: one of
    :func:`imrparse.readers.registered_readers` (``"reviewer"``, ``"summary"``,
    ``"decisions"``, ``"fields"``, or one a layout module registered)."""
    sections: tuple[str, ...] = attrs.field(converter=_names)
    """The roles of the sections in their usual order (default: the roles of ``readers``)."""
    required: tuple[str, ...] = attrs.field(converter=_names, factory=tuple)
    """Roles a letter of this layout must have; a missing one is ``missing-section``."""
    fields: Mapping[str, str] = attrs.field(converter=_table, factory=dict)
    """Labelled fields (``Label: value``, in any section) as printed -> the field's name."""
    header_table: Mapping[str, str] = attrs.field(converter=_labels, factory=dict)
    """The header table's labels as printed -> field name; empty when the layout has none."""
    parts: Mapping[str, str] = attrs.field(converter=_table, factory=dict)
    """Labels opening a determination's parts -> ``"claims"``, ``"reviewer"``, ``"rationale"``."""
    outcome_words: Mapping[str, str] = attrs.field(
        converter=_table, factory=lambda: {"UPHELD": "upheld", "OVERTURNED": "overturned"}
    )
    """The words of a treatment header's outcome -> the outcome's value."""
    boilerplate: Mapping[str, tuple[re.Pattern[str], ...]] = attrs.field(
        converter=_patterns, factory=dict
    )
    """Role -> patterns (regex sources) of fixed sentences that open the section and say
    nothing of the case; they are dropped before the section is read."""
    partial_authorizations: tuple[re.Pattern[str], ...] = attrs.field(
        converter=_pattern_tuple, factory=tuple
    )
    """Patterns (regex sources) of treatment headers that are sentences stating a partial
    authorization, each matching the whole header text (without its outcome) with the
    groups ``original``, ``authorized`` and ``remaining`` (the disputed treatment)."""
    partial_cue: str = "original request"
    """Words (lower case) that every partial-authorization header holds."""
    partial_openings: tuple[str, ...] = ("was the original request", "were the original request")
    """Words (lower case) that the first sentence of a partial-authorization header ends
    with, one of them: while a header read so far holds :attr:`partial_cue` but none of
    these, its beginning is sought on the lines before it, across sentence ends."""
    canonical: Mapping[str, str] = attrs.field(converter=_table, factory=dict)
    """The fixed sentences a clean letter of this layout prints, for
    :func:`~imrparse.render` to write one: ``"how"`` (``{article}`` and ``{who}``, the
    reviewer's title), ``"credentials"`` (``{who}``), ``"summary"`` and ``"decisions"``
    (the sections' opening sentences), ``"partial"`` (a partial authorization's header:
    ``{original}``, ``{authorized}``, ``{remaining}``) and ``"header:<field>"`` (a header
    table's label as printed). Empty for a layout that is not written."""
    not_extracted: Mapping[str, str] = attrs.field(converter=_table, factory=dict)
    """Roles of sections the layout knowingly leaves unread -> why. Their text is kept in
    :attr:`~imrparse.Letter.unclaimed` with a ``not-extracted`` info diagnostic."""

    outcomes: str = attrs.field(init=False, repr=False, eq=False)
    """How outcomes are written, as the reader of its decisions says (``"header"`` for a
    treatment header ``<item>: Upheld``, ``"sentences"``), or ``"none"`` when no reader
    of this layout reads outcomes (derived from :attr:`readers`)."""

    part_titles: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)
    """Each part's role -> its label as first declared in :attr:`parts`, for messages
    (derived)."""

    roles: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)
    """The roles of the layout's headings by their matching keys, without a trailing colon
    (derived from :attr:`headings`)."""

    ranks: Mapping[str, int] = attrs.field(init=False, repr=False, eq=False)
    """The position of each role in :attr:`sections` (derived)."""

    @outcomes.default
    def _outcomes(self) -> str:
        known = registered_readers()
        for name in self.readers.values():
            if name in known and get_reader(name).decides:  # (an unknown one: the check says)
                return get_reader(name).outcomes
        return "none"

    @part_titles.default
    def _part_titles(self) -> dict[str, str]:
        titles: dict[str, str] = {}
        for printed, role in self.parts.items():
            titles.setdefault(role, printed)
        return titles

    @ranks.default
    def _ranks(self) -> dict[str, int]:
        return {role: n for n, role in enumerate(self.sections)}

    @sections.default
    def _sections(self) -> tuple[str, ...]:
        return tuple(self.readers)

    @roles.default
    def _roles(self) -> dict[str, str]:
        return {match_key(k).rstrip(":").rstrip(): role for k, role in self.headings.items()}

    def label(self, name: str) -> str:
        """The label of the field called ``name`` as first declared in :attr:`fields`."""
        return next((printed for printed, field in self.fields.items() if field == name), name)

    def title(self, role: str) -> str:
        """The heading of the section of ``role`` as printed (without a trailing colon), or
        the role itself when the layout prints none (``"preamble"``)."""
        for printed, name in self.headings.items():
            if name == role:
                return printed.rstrip(":")
        return role

    @name.validator
    def _check_name(self, _: object, value: str) -> None:
        if not value or value == "unknown":
            raise ValueError(f"a layout needs a name other than {value!r}")

    @readers.validator
    def _check_readers(self, _: object, value: Mapping[str, str]) -> None:
        known = registered_readers()
        unknown = sorted(set(value.values()) - set(known))
        if unknown:
            raise ValueError(
                f"layout {self.name!r}: unknown readers {unknown}; register them first "
                f"(imrparse.readers.register_reader) or use one of {sorted(known)}"
            )

    @marks.validator
    def _check_marks(self, _: object, value: Mapping[str, int]) -> None:
        headings = {match_key(k).rstrip(":").rstrip() for k in self.headings}
        stray = sorted(set(value) - headings)
        if stray:
            raise ValueError(f"layout {self.name!r}: marks {stray} are none of its headings")


_REGISTRY: dict[str, Layout] = {}
_VOCABULARY: list[Vocabulary] = []  # the cached union of the registered layouts' words


def register(layout: Layout) -> Layout:
    """Add ``layout`` to the registry (or replace the one of the same name) and return it.

    A heading or label that another registered layout gives another role is refused with
    ``ValueError``: the scanner reads every letter with the words of all layouts at once.
    """
    if not isinstance(layout, Layout):
        raise TypeError(f"register() needs a Layout, not {type(layout).__name__}")
    others = [other for other in _REGISTRY.values() if other.name != layout.name]
    for table in ("headings", "fields", "parts", "outcome_words"):
        _check_consistent(layout, others, table)
    _check_fields(layout, others)
    _REGISTRY[layout.name] = layout
    _VOCABULARY.clear()
    return layout


def _check_consistent(layout: Layout, others: list[Layout], table: str) -> None:
    mine = _keys(getattr(layout, table))
    for other in others:
        for key, role in _keys(getattr(other, table)).items():
            if key in mine and mine[key] != role:
                raise ValueError(
                    f"layout {layout.name!r} gives {key!r} the role {mine[key]!r}, "
                    f"layout {other.name!r} the role {role!r}"
                )


def _check_fields(layout: Layout, others: list[Layout]) -> None:
    # Labelled fields and header-table labels are read by one table: a label must name
    # the same field in every layout, wherever it is declared.
    mine = {**_keys(layout.fields), **layout.header_table}
    for other in others:
        for key, name in {**_keys(other.fields), **other.header_table}.items():
            if key in mine and mine[key] != name:
                raise ValueError(
                    f"layout {layout.name!r} gives the label {key!r} the field {mine[key]!r}, "
                    f"layout {other.name!r} the field {name!r}"
                )


def unregister(name: str) -> None:
    """Remove the layout called ``name`` from the registry (``KeyError`` if there is none)."""
    del _REGISTRY[name]
    _VOCABULARY.clear()


def registered() -> tuple[Layout, ...]:
    """The registered layouts, in the order they were registered."""
    return tuple(_REGISTRY.values())


def get(name: str) -> Layout:
    """The registered layout called ``name`` (``KeyError`` if there is none)."""
    return _REGISTRY[name]


def vocabulary() -> Vocabulary:
    """The union of the registered layouts' headings and labels, as the scanner reads it,
    with the index of their marks that :func:`detect` scores."""
    if not _VOCABULARY:
        headings: dict[str, str] = {}
        colon_headings: dict[str, str] = {}
        parts: dict[str, str] = {}
        fields: dict[str, str] = {}
        outcomes: dict[str, str] = {}
        for layout in _REGISTRY.values():
            for printed in layout.headings:
                key = match_key(printed)
                if key.endswith(":"):
                    colon_headings[key[:-1].rstrip()] = key[:-1].rstrip()
                else:
                    headings[key] = key
            parts.update(_keys(layout.parts))
            fields.update(_keys(layout.fields))
            fields.update(layout.header_table)
            outcomes.update(_keys(layout.outcome_words))
        layouts = tuple(_REGISTRY.values())
        marks: dict[str, list[tuple[int, int]]] = {}
        for n, layout in enumerate(layouts):
            for key, weight in layout.marks.items():
                marks.setdefault(key, []).append((n, weight))
            for name, weight in layout.header_marks.items():
                marks.setdefault("field:" + name, []).append((n, weight))
        # A letter opens with its layout's first section; what stands before it (a header
        # table, a cover page's case number) belongs to it too (see imrparse.splitting).
        openings = frozenset(
            key
            for layout in layouts
            for key, role in layout.roles.items()
            if role == layout.sections[0]
        )
        preamble = frozenset(
            {"case-number"}.union(
                *(layout.header_table.values() for layout in layouts),
                *(layout.header_marks for layout in layouts),
            )
        )
        _VOCABULARY.append(
            Vocabulary(
                headings,
                colon_headings,
                parts,
                fields,
                outcomes,
                layouts,
                marks,
                openings,
                preamble,
            )
        )
    return _VOCABULARY[0]


def detect(headings: Iterable[str], header_fields: Iterable[str]) -> Layout | None:
    """The registered layout that fits a letter best, or ``None`` when none fits at all.

    ``headings`` are the matching keys of the letter's heading lines, ``header_fields``
    the names of the labelled fields before its first heading: what the one scan of the
    letter found. Ties go to the layout registered first.

    >>> from imrparse.layouts import detect
    >>> detect({"CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES"}, ()).name
    'fdl-2014'
    >>> detect({"CLINICAL CASE SUMMARY"}, {"case-number", "date-assigned"}).name
    'fdl-2016'
    >>> detect(set(), ()) is None
    True
    """
    words = vocabulary()
    best = words.best(list(headings), list(header_fields))
    return None if best < 0 else cast(Layout, words.layouts[best])


def _register_builtins() -> None:
    """Register every layout module of this package (a module that defines ``LAYOUT``),
    in the order of the modules' names: adding a layout is adding its module."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        layout = getattr(module, "LAYOUT", None)
        if isinstance(layout, Layout):
            register(layout)


_register_builtins()
