"""The lexicons made ready for reading: word sets, the drug table, the procedure rules.

:func:`engine_for` builds an :class:`Engine` once per :class:`~.lexicons.Lexicons` and
keeps it in the lexicons' cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ._firsts import alternatives, firsts, item_end
from ._patterns import Patterns, Twin, case_blind, twinnable
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
        request: Twin,
        request_firsts: frozenset[str] | None,
        salts: frozenset[str],
        forms: frozenset[str],
        topical: frozenset[str],
        sites: frozenset[str],
        body: frozenset[str],
        acronyms: frozenset[str],
        drugs: dict[str, tuple[tuple[str, ...], str | None]],
        rules: tuple[tuple[re.Pattern[str], ProcedureRule, tuple[str, ...], bool], ...],
        classes: dict[str, str],
        flags: dict[str, frozenset[str]],
        p: Patterns,
    ) -> None:
        all_anchors = [a for _, _, found, _ in rules for a in found]
        self.request = request  # request wording at the start ("Retrospective", "One container of")
        # the first two characters its match may begin with (see _firsts), None: any
        self.request_firsts = request_firsts
        self.salts = salts
        self.forms = forms  # dose forms, the topical ones included
        self.topical = topical
        self.sites = sites
        self.body = body  # the sites that are a body part
        self.acronyms = acronyms
        # the longest acronym: a word longer, lower-cased, is longer still (lower() makes no
        # character shorter), so it is none
        self.acronym_most = max((len(a) for a in acronyms), default=0)
        self.drugs = drugs  # brand or ingredient name -> (ingredients, the product's class)
        # A drug name's first word -> the most words of a name that begins with it. A
        # name read from the text's words (which hold no white space) begins with the
        # word it is read from, and has as many words as were joined for it.
        self.drug_words: dict[str, int] = {}
        for name in drugs:
            words = name.split(" ")
            self.drug_words[words[0]] = max(len(words), self.drug_words.get(words[0], 0))
        # (pattern, rule, anchors, whether every match begins with an anchor: leads()) in
        # the order the rules are tried
        self.rules = rules
        self.classes = classes  # ingredient -> drug class
        self.flags = flags  # ingredient -> flags
        self.p = p
        unique = list(dict.fromkeys(all_anchors))
        self.short = tuple(a for a in unique if len(a) < 3)  # looked for on their own
        # The other anchors by the trigram() of their first three characters: a place
        # whose three characters' entry is None begins no anchor (see found_anchors()).
        # A few starts share an entry, so an entry's anchors are each compared with the
        # text there; each with the code point of its fourth character (-1: none), which
        # the text's is compared with first ("the" opens five anchors, and most texts).
        starts: list[tuple[tuple[str, int], ...] | None] = [None] * _STARTS
        for a in unique:
            if len(a) >= 3:
                code = trigram(ord(a[0]), ord(a[1]), ord(a[2]))
                starts[code] = (starts[code] or ()) + ((a, ord(a[3]) if len(a) > 3 else -1),)
        self.starts = tuple(starts)
        # The rules (by their place in ``rules``) that hold each anchor, and those that have
        # none and are always searched: see candidates().
        self.holding: dict[str, list[int]] = {}
        # The same as bits (bit i: rule i), which candidates() joins with "|" and reads in
        # order, with no list, set or sort made.
        self.holding_bits: dict[str, int] = {}
        self.unanchored_bits = 0
        for i, (_, _, found, _) in enumerate(rules):
            for a in found:
                self.holding.setdefault(a, []).append(i)
                self.holding_bits[a] = self.holding_bits.get(a, 0) | 1 << i
            if not found:
                self.unanchored_bits |= 1 << i


_STARTS: Final = 1 << 14  # entries of Engine.starts: a few of the starts share one
_MASK: Final = _STARTS - 1


def trigram(a: int, b: int, c: int) -> int:
    """The entry of ``Engine.starts`` for three characters (their code points): each
    shifted by five bits more than the one after it, so that the entry of the next place
    is this one shifted by five and the next character joined (the character before
    ``a``, shifted by fifteen, is past the fourteen bits kept)."""
    return ((a << 10) ^ (b << 5) ^ c) & _MASK


def found_anchors(low: str, engine: Engine) -> set[str]:
    """The rules' anchors (see :func:`anchors`) that ``low`` holds.

    One walk over the text: at each place, the anchors of the entry of the three
    characters there (``engine.starts``, by their code points: cheaper than cutting out
    and hashing the three characters) are compared with what follows. An anchor of one
    or two characters is looked for on its own.
    """
    found = {a for a in engine.short if a in low}
    if len(low) < 3:
        return found
    starts = engine.starts
    # The trigram() of the three characters that end at ``end``, carried from one place to
    # the next (written out: a call at every place cost as much as the rest of the step):
    # each character is read once, and joined by one shift and one "^".
    key = (ord(low[0]) << 5) ^ ord(low[1])
    for end in range(2, len(low)):
        key = ((key << 5) ^ ord(low[end])) & _MASK
        entry = starts[key]
        if entry is None:
            continue
        at = end - 2
        # the fourth character's code point (-1: the text ends), read only here
        fourth = ord(low[end + 1]) if end + 1 < len(low) else -1
        for a, its_fourth in entry:
            if (its_fourth < 0 or its_fourth == fourth) and low[at : at + len(a)] == a:
                found.add(a)
    return found


def candidates(found: set[str], engine: Engine) -> list[int]:
    """The rules (their places in ``engine.rules``, in order) that may match a text whose
    anchors are ``found`` (:func:`found_anchors`): those that hold an anchor found, and
    those that have none. Any other rule cannot match, as every match of a rule holds one
    of its anchors; asking the few anchors found for their rules is cheaper than asking
    every rule whether it holds one."""
    bits = engine.unanchored_bits
    for a in found:
        bits |= engine.holding_bits[a]
    places: list[int] = []
    while bits:
        # one step a rule that may match (the lowest bit set, its place, the bits without
        # it), not one a rule of some forty, most of which hold no anchor found
        lowest = bits & -bits
        places.append(lowest.bit_length() - 1)
        bits ^= lowest
    return places


def split(values: Iterable[str]) -> list[str]:
    """The ``|``-separated words of a word list's values, stripped, empty ones left out."""
    return [w.strip() for value in values for w in value.split("|") if w.strip()]


def engine_for(lex: Lexicons) -> Engine:
    """The :class:`Engine` of ``lex``, built on first use and kept in ``lex.cache``."""
    found = lex.cache.get("engine")
    if isinstance(found, Engine):
        return found
    words = lex.words
    # A user's words may not be twinnable (an upper-case letter, an escape): then the
    # request wording is matched case-blind only.
    source = (
        r"^(?:"
        + "|".join(f"(?:{p})" for p in words.get("request", ()))
        + r")(?:\b|(?<=\W))[\s,:;-]*"
    )
    request = case_blind(source)
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
        request_firsts=firsts(source) if twinnable(source) else None,
        salts=frozenset(split(words.get("salt", ()))),
        forms=frozenset(forms) | frozenset(topical),
        topical=frozenset(topical),
        sites=sites,
        body=sites - TRIM_WORDS - _NOT_BODY,
        acronyms=frozenset(acronyms),
        drugs=drugs,
        rules=tuple((patterns[r], r, anchors(r.pattern), leads(r.pattern)) for r in lex.procedures),
        classes=dict(lex.drug_classes),
        flags=dict(lex.drug_flags),
        p=Patterns(),
    )
    lex.cache["engine"] = engine
    return engine


def anchors(pattern: str) -> tuple[str, ...]:
    """Literal text one of which every match of ``pattern`` holds, or ``()`` if unknown.

    Each top-level alternative contributes its leading literal (``"physical therap"``
    for ``physical therap\\w*``; ``"x-ray"`` and ``"xray"`` for ``x-?rays?``, the optional
    character taken and left out). An alternative that opens with a group contributes the
    group's own anchors (``(?:cold|ice)\\s+packs?``: ``"cold"``, ``"ice"``), or those of
    what follows the group when it may be left out (``(?:\\w+\\s+)?wraps?``: ``"wrap"``).
    An alternative of which nothing is known (one that opens with a class, an escape or a
    lookaround) makes the rule one that is always searched. An anchor that begins with
    another of the same rule is left out: wherever it begins, the shorter begins.
    """
    unique = list(dict.fromkeys(_anchors(pattern)[0]))
    return tuple(a for a in unique if not any(b != a and a.startswith(b) for b in unique))


def leads(pattern: str) -> bool:
    """Whether every match of ``pattern`` begins with one of its :func:`anchors` (``False``
    when it has none): each alternative opens with its anchors, no item before them that
    a match may leave out. A match of such a pattern is looked for only where one of its
    anchors begins (see ``_procedures.first_rule``)."""
    found, leading = _anchors(pattern)
    return leading and bool(found)


def _anchors(pattern: str) -> tuple[list[str], bool]:
    """The anchors of every alternative of ``pattern`` (see :func:`anchors`), or ``[]``,
    and whether each alternative opens with its own (see :func:`_leading`)."""
    parts = alternatives(pattern)
    if parts is None:
        return [], False
    found: list[str] = []
    leading = True
    for alternative in parts:
        got, first = _leading(alternative)
        if not got:
            return [], False
        found += got
        leading = leading and first
    return found, leading


def _leading(alternative: str) -> tuple[list[str], bool]:
    """Anchors one of which every match of ``alternative`` holds, or ``[]``, and whether
    every match begins with one of them."""
    if not alternative or alternative[0] in "*+?{|)]}":
        return [], False
    if alternative[0] not in "\\([.^$":
        end = _literal_end(alternative)
        literal = alternative[:end]
        if alternative[end : end + 1] == "?":
            # "e-?stim": the character before "?" may be left out, so a match begins
            # with "e-stim" or "estim", with the literal text that follows
            rest = alternative[end + 1 :]
            tail = _literal_run(rest[1:] if rest[:1] in ("?", "+") else rest)
            if literal[:-1] + tail:
                return [literal + tail, literal[:-1] + tail], True
        if end < len(alternative) and alternative[end] in "?*{":
            literal = literal[:-1]
        if literal:
            return [literal], True
        if end < len(alternative):
            return _leading(alternative[end:])[0], False
        return [], False
    # An item that is no literal: a group, a class, an escape, "." or an anchor ("^").
    group = alternative[0] == "("
    if group and alternative.startswith("(?") and not alternative.startswith("(?:"):
        return [], False  # a lookaround, flags, a named group: not read
    end = item_end(alternative)
    if end < 0:
        return [], False
    after = alternative[end:]
    optional = after[:1] in ("?", "*", "{")
    if after[:1] in ("?", "*", "+"):
        after = after[1:]
    elif after[:1] == "{":
        close = after.find("}")
        after = after[close + 1 :] if close >= 0 else ""
    if after[:1] in ("?", "+"):  # a lazy or possessive quantifier
        after = after[1:]
    if group and not optional:
        found, leading = _anchors(alternative[3 if alternative.startswith("(?:") else 1 : end - 1])
        if found:
            return found, leading
    # What follows the item is in every match too, though not at its start.
    return _leading(after)[0], False


def _literal_end(text: str) -> int:
    """Where the literal characters that open ``text`` end (before its first
    metacharacter)."""
    end = 0
    while end < len(text) and text[end] not in "\\()[]{}.*+?^$|":
        end += 1
    return end


def _literal_run(text: str) -> str:
    """The literal text that opens ``text`` and is in every match of it (``"ray"`` for
    ``rays?``), maybe empty."""
    end = _literal_end(text)
    return text[: end - 1] if end and text[end : end + 1] in ("?", "*", "{") else text[:end]
