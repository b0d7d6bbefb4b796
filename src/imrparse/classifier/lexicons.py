"""The knowledge behind treatment categories, as data: the lexicons and their loader.

Four tab-separated files ship in the package's ``data`` folder (see the Lexicons page
of the documentation for their format and sources):

``brands.tsv``
    brand or trade name -> active ingredient(s), and for a few products the class
    (curated; it comes before ``brands-public.tsv``, a larger table of brands derived
    from public vocabularies, read as part of it);
``drug-classes.tsv``
    active ingredient -> DWC drug class, with flags;
``procedures.tsv``
    words of a requested service -> DWC category and subcategory, tried in order;
``words.tsv``
    request wording, salts, dose forms, body sites and acronyms.

:func:`load_lexicons` reads them, and extends them with a user's own files or
mappings without editing the package:

>>> lex = load_lexicons(brands={"Zipflex": "cyclobenzaprine"})
>>> lex.brands["zipflex"]
('cyclobenzaprine',)
>>> lex.drug_classes["cyclobenzaprine"]
'Muscle Relaxant'
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:  # (pathlib is imported where a folder is read: see examples/__init__.py)
    from pathlib import Path

__all__ = ["Lexicons", "ProcedureRule", "default_lexicons", "load_lexicons"]

DATA_FILES: Final = ("brands.tsv", "drug-classes.tsv", "procedures.tsv", "words.tsv")
"""The lexicon files, as they are named in the package and in a user's folder."""
EXTRA_FILES: Final = {"brands.tsv": ("brands-public.tsv",)}
"""Shipped files read after a lexicon file of the package, as its continuation (a
user's file of that name replaces them too, with ``replace=True``)."""


@attrs.frozen(kw_only=True)
class ProcedureRule:
    """One line of ``procedures.tsv``: a pattern and the category it gives."""

    pattern: str
    category: str
    subcategory: str | None
    name: str | None = None


@attrs.frozen(kw_only=True)
class Lexicons:
    """Everything the treatment reader knows, loaded from the lexicon files.

    Build one with :func:`load_lexicons`; :func:`default_lexicons` is the shipped one.
    """

    taxonomy: Mapping[str, tuple[str, ...]]
    """DWC's categories and, for each, its subcategories."""
    brands: Mapping[str, tuple[str, ...]]
    """Lower-case brand or trade name -> its active ingredients, in order."""
    brand_classes: Mapping[str, str]
    """Lower-case brand -> the class the product itself decides (kits, medical foods)."""
    drug_classes: Mapping[str, str]
    """Lower-case active ingredient -> DWC drug class."""
    drug_flags: Mapping[str, frozenset[str]]
    """Lower-case active ingredient -> its flags (``companion``, ``topical``, ...)."""
    procedures: tuple[ProcedureRule, ...]
    """The procedure rules, in the order they are tried."""
    words: Mapping[str, tuple[str, ...]]
    """The word lists of ``words.tsv`` by kind (``request``, ``salt``, ``form``, ...)."""
    cache: dict[str, object] = attrs.field(factory=dict, eq=False, repr=False, hash=False)
    """What the reader has worked out from these lexicons (compiled patterns, results)."""

    def check(self) -> None:
        """Raise ``ValueError`` if a class or category is not in DWC's taxonomy.

        >>> default_lexicons().check()
        """
        drugs = set(self.taxonomy.get("Pharmaceuticals", ()))
        for where, values in (
            ("drug-classes", self.drug_classes.values()),
            ("brands", self.brand_classes.values()),
        ):
            for value in values:
                if value not in drugs:
                    raise ValueError(f"{where}: {value!r} is not a DWC drug class")
        for rule in self.procedures:
            subs = self.taxonomy.get(rule.category)
            if subs is None or (rule.subcategory is not None and rule.subcategory not in subs):
                raise ValueError(
                    f"procedures: {rule.category!r} / {rule.subcategory!r} is not in the taxonomy"
                )
            re.compile(rule.pattern)


def load_lexicons(
    path: str | Path | None = None,
    *,
    brands: Mapping[str, str] | None = None,
    drug_classes: Mapping[str, str] | None = None,
    procedures: Iterable[tuple[str, str, str | None] | tuple[str, str, str | None, str]]
    | None = None,
    replace: bool = False,
) -> Lexicons:
    """The shipped lexicons, extended (or replaced) by a user's own.

    ``path`` is a folder holding any of ``brands.tsv``, ``drug-classes.tsv``,
    ``procedures.tsv`` and ``words.tsv`` in the shipped format. Their lines are added to
    the shipped ones (a brand or ingredient given again takes the user's value; a user's
    procedure rules are tried *before* the shipped ones), unless ``replace`` is true, in
    which case a file given replaces the shipped file of that name. ``brands`` (name ->
    ``"ingredient/ingredient"``), ``drug_classes`` (ingredient -> class) and
    ``procedures`` (``(pattern, category, subcategory[, name])``) add entries the same
    way, after the folder's.

    >>> lex = load_lexicons(procedures=[("hippotherapy", "Rehabilitation", "Other Therapies")])
    >>> lex.procedures[0].subcategory
    'Other Therapies'

    Raises ``ValueError`` when an entry names a class or category outside DWC's taxonomy,
    and ``OSError`` when ``path`` cannot be read.
    """
    texts = {name: _shipped_all(name) for name in DATA_FILES}
    if path is not None:
        from pathlib import Path

        folder = Path(path)
        if not folder.is_dir():
            raise NotADirectoryError(f"{folder}: not a folder of lexicon files")
        for name in DATA_FILES:
            file = folder / name
            if file.exists():
                own = file.read_text(encoding="utf-8")
                texts[name] = [own] if replace else [own, *texts[name]]
    extra_brands = [(k, v) for k, v in (brands or {}).items()]
    extra_classes = [(k, v) for k, v in (drug_classes or {}).items()]
    extra_rules: list[tuple[object, ...]] = [tuple(r) for r in (procedures or ())]
    lex = _build(texts, extra_brands, extra_classes, extra_rules)
    lex.check()
    return lex


_DEFAULT: list[Lexicons] = []


def default_lexicons() -> Lexicons:
    """The shipped lexicons, read once on first use.

    >>> default_lexicons().brands["norco"]
    ('hydrocodone', 'acetaminophen')
    """
    if not _DEFAULT:
        _DEFAULT.append(_build({name: _shipped_all(name) for name in DATA_FILES}, [], [], []))
    return _DEFAULT[0]


def _shipped(name: str) -> str:
    from importlib import resources

    return resources.files("imrparse").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _shipped_all(name: str) -> list[str]:
    """A shipped lexicon file and the files that continue it, in the order they are read."""
    return [_shipped(name), *(_shipped(extra) for extra in EXTRA_FILES.get(name, ()))]


def _rows(text: str) -> list[list[str]]:
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row and row[0].strip() and not row[0].startswith("#"):
            rows.append([cell.strip() for cell in row])
    return rows


def _build(
    texts: Mapping[str, list[str]],
    extra_brands: list[tuple[str, str]],
    extra_classes: list[tuple[str, str]],
    extra_rules: list[tuple[object, ...]],
) -> Lexicons:
    taxonomy: dict[str, list[str]] = {}
    for row in _rows(_shipped("taxonomy.tsv")):
        taxonomy.setdefault(row[0], []).append(row[1])
    brands: dict[str, tuple[str, ...]] = {}
    brand_classes: dict[str, str] = {}
    # later texts are the shipped ones: a user's entry, read first, wins
    for text in texts["brands.tsv"]:
        for row in _rows(text):
            key = " ".join(row[0].lower().split())
            if key in brands:
                continue
            brands[key] = _ingredients(row[1] if len(row) > 1 else "-")
            if len(row) > 2 and row[2]:
                brand_classes[key] = row[2]
    for key, value in extra_brands:
        key = " ".join(key.lower().split())
        brands[key] = _ingredients(value)
    classes: dict[str, str] = {}
    flags: dict[str, frozenset[str]] = {}
    for text in texts["drug-classes.tsv"]:
        for row in _rows(text):
            key = " ".join(row[0].lower().split())
            if key in classes:
                continue
            classes[key] = row[1]
            flags[key] = (
                frozenset(f.strip() for f in row[2].split(",")) if len(row) > 2 else frozenset()
            )
    for key, value in extra_classes:
        key = " ".join(key.lower().split())
        classes[key] = value
        flags.setdefault(key, frozenset())
    rules: list[ProcedureRule] = [_rule(r) for r in extra_rules]
    for text in texts["procedures.tsv"]:
        rules += [_rule(tuple(row)) for row in _rows(text)]
    words: dict[str, list[str]] = {}
    for text in texts["words.tsv"]:
        for row in _rows(text):
            words.setdefault(row[0], []).append(row[1])
    return Lexicons(
        taxonomy={k: tuple(v) for k, v in taxonomy.items()},
        brands=brands,
        brand_classes=brand_classes,
        drug_classes=classes,
        drug_flags=flags,
        procedures=tuple(rules),
        words={k: tuple(v) for k, v in words.items()},
    )


def _ingredients(value: str) -> tuple[str, ...]:
    value = value.strip().lower()
    if value in ("", "-"):
        return ()
    return tuple(" ".join(part.split()) for part in value.split("/"))


def _rule(row: tuple[object, ...]) -> ProcedureRule:
    cells = [str(c) if c is not None else "" for c in row]
    if len(cells) < 2:
        raise ValueError(f"procedures: a rule needs a pattern and a category: {row!r}")
    return ProcedureRule(
        pattern=cells[0],
        category=cells[1],
        subcategory=cells[2] or None if len(cells) > 2 else None,
        name=cells[3] or None if len(cells) > 3 else None,
    )
