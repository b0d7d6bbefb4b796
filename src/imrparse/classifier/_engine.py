"""The lexicons made ready for reading: word sets, the drug table, the procedure rules.

:func:`engine_for` builds an :class:`Engine` once per :class:`~.lexicons.Lexicons` and
keeps it in the lexicons' cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ._patterns import FLAGS, Patterns
from .lexicons import Lexicons, ProcedureRule

# The characters trimmed from a name's edges, and with quotes and brackets from a word's.
EDGE: Final = " \t,;:-/.&"
BARE: Final = EDGE + "()'\""
TRIM_WORDS: Final = frozenset(
    {"of", "the", "for", "to", "on", "in", "at", "with", "and", "or", "a", "an"}
)

# Site words that are no body part of their own ("left", "region").
_NOT_BODY: Final = frozenset(
    {
        "left",
        "right",
        "bilateral",
        "bilaterally",
        "both",
        "lower",
        "upper",
        "low",
        "mid",
        "side",
        "region",
        "area",
    }
)


class Engine:
    """What the reader needs from one set of lexicons, in the shapes it reads fastest."""

    def __init__(
        self,
        request: re.Pattern[str],
        salts: frozenset[str],
        forms: frozenset[str],
        topical: frozenset[str],
        sites: frozenset[str],
        body: frozenset[str],
        acronyms: frozenset[str],
        drugs: dict[str, tuple[tuple[str, ...], str | None]],
        longest: int,
        rules: tuple[tuple[re.Pattern[str], ProcedureRule, tuple[str, ...]], ...],
        classes: dict[str, str],
        flags: dict[str, frozenset[str]],
        patterns: dict[ProcedureRule, re.Pattern[str]],
        p: Patterns,
    ) -> None:
        self.request = request  # request wording at the start ("Retrospective", "One container of")
        self.salts = salts
        self.forms = forms  # dose forms, the topical ones included
        self.topical = topical
        self.sites = sites
        self.body = body  # the sites that are a body part
        self.acronyms = acronyms
        self.drugs = drugs  # brand or ingredient name -> (ingredients, the product's class)
        self.longest = longest  # words in the longest drug name
        self.rules = rules  # (pattern, rule, anchors) in the order the rules are tried
        self.classes = classes  # ingredient -> drug class
        self.flags = flags  # ingredient -> flags
        self.patterns = patterns  # rule -> its pattern
        self.p = p


def split(values: Iterable[str]) -> list[str]:
    """The ``|``-separated words of a word list's values, stripped, empty ones left out."""
    return [w.strip() for value in values for w in value.split("|") if w.strip()]


def engine_for(lex: Lexicons) -> Engine:
    """The :class:`Engine` of ``lex``, built on first use and kept in ``lex.cache``."""
    found = lex.cache.get("engine")
    if isinstance(found, Engine):
        return found
    words = lex.words
    request = re.compile(
        r"^(?:"
        + "|".join(f"(?:{p})" for p in words.get("request", ()))
        + r")(?:\b|(?<=\W))[\s,:;-]*",
        FLAGS,
    )
    forms: list[str] = []
    topical: list[str] = []
    for value in words.get("form", ()):
        if value.startswith("topical:"):
            topical += split([value[len("topical:") :]])
        else:
            forms += split([value])
    sites = frozenset(split(words.get("site", ())))
    drugs: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for generic in lex.drug_classes:
        drugs[generic] = ((generic,), None)
    for brand, ingredients in lex.brands.items():
        drugs[brand] = (ingredients, lex.brand_classes.get(brand))
    acronyms = set(split(words.get("acronym", ())))
    for rule in lex.procedures:
        if rule.name and rule.name.isupper():
            acronyms.add(rule.name.lower())
    patterns = {r: re.compile(rf"\b(?:{r.pattern})\b") for r in lex.procedures}
    engine = Engine(
        request=request,
        salts=frozenset(split(words.get("salt", ()))),
        forms=frozenset(forms) | frozenset(topical),
        topical=frozenset(topical),
        sites=sites,
        body=sites - TRIM_WORDS - _NOT_BODY,
        acronyms=frozenset(acronyms),
        drugs=drugs,
        longest=max((len(name.split()) for name in drugs), default=1),
        rules=tuple((patterns[r], r, anchors(r.pattern)) for r in lex.procedures),
        classes=dict(lex.drug_classes),
        flags=dict(lex.drug_flags),
        patterns=patterns,
        p=Patterns(),
    )
    lex.cache["engine"] = engine
    return engine


def anchors(pattern: str) -> tuple[str, ...]:
    """Literal text one of which every match of ``pattern`` holds, or ``()`` if unknown.

    Each top-level alternative contributes its leading literal (``"physical therap"``
    for ``physical therap\\w*``); an alternative that starts with no literal (a group, a
    class) makes the rule one that is always searched.
    """
    alternatives: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    alternatives.append(pattern[start:])
    found = []
    for alternative in alternatives:
        end = 0
        while end < len(alternative) and alternative[end] not in "\\()[]{}.*+?^$|":
            end += 1
        literal = alternative[:end]
        if end < len(alternative) and alternative[end] in "?*{":
            literal = literal[:-1]
        if not literal:
            return ()
        found.append(literal)
    return tuple(found)
