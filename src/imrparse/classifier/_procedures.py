"""A procedure or service: the first procedure rule that matches, its name and sessions."""

from __future__ import annotations

import re
from typing import Final

from ._engine import Engine, candidates, found_anchors
from ._names import canonical, strip_request, tidy
from ._patterns import (
    COUNTING,
    OTHER_COUNT_HINTS,
    OTHER_COUNT_MARKS,
    SESSION_HINTS,
    TIMES_HINTS,
    WEEK_HINTS,
    cut_out,
    has_digit,
    holds,
    number,
)
from ._wording import guidance_blanked
from .lexicons import ProcedureRule

# ``_counts_nothing(words)``: no word of ``words`` is one of a count. (Bound once:
# compiled, ``COUNTING.isdisjoint(...)`` looks the method up by its name at each call, a
# generic call of some hundred instructions; the bound method is called directly.)
_counts_nothing: Final = COUNTING.isdisjoint


def procedure(low: str, engine: Engine) -> tuple[ProcedureRule, re.Pattern[str]] | None:
    """The first procedure rule whose pattern the lower-case text matches, and the pattern
    (as the engine compiled it).

    The rules see what is done: how it is guided ("under fluoroscopic guidance") is
    blanked first, and only when nothing else is named does the guidance itself count.
    """
    blanked = guidance_blanked(low)
    if blanked:
        found = first_rule(blanked, engine)
        if found is not None:
            return found
    return first_rule(low, engine)


def first_rule(low: str, engine: Engine) -> tuple[ProcedureRule, re.Pattern[str]] | None:
    """The first procedure rule, in the lexicon's order, that ``low`` matches, and its
    pattern."""
    rules = engine.rules
    found = found_anchors(low, engine)
    for i in candidates(found, engine):  # the others hold none of their anchors
        pattern, rule, _, leads = rules[i]
        if leads:
            # Every match begins where one of the rule's anchors does: a match there is
            # one that a search finds (a match at a place sees what stands before it).
            for a in found:
                if i in engine.holding[a] and matches_at(pattern, low, a):
                    return rule, pattern
        elif pattern.search(low) is not None:
            return rule, pattern
    return None


def matches_at(pattern: re.Pattern[str], low: str, anchor: str) -> bool:
    """Whether ``pattern`` matches ``low`` at a place where ``anchor`` begins."""
    at = low.find(anchor)
    while at >= 0:
        if pattern.match(low, at) is not None:
            return True
        at = low.find(anchor, at + 1)
    return False


def procedure_name(
    core: str,
    core_low: str,
    hit: tuple[ProcedureRule, re.Pattern[str]] | None,
    engine: Engine,
    words: list[str] | None = None,
) -> tuple[str, int | None]:
    """The procedure's name without counts, frequencies and durations, and its sessions;
    ``core_low``: ``core`` lower-cased (as ``read`` has it); ``hit``: the procedure rule
    that matched and its pattern (see :func:`procedure`), which names the procedure in
    the name (no rule's hash is asked for).
    ``words``: the words of ``core`` lower-cased (``Patterns.words``), as ``read`` found
    them, if it did.

    A pattern is searched only when the text, as the patterns before it left it, holds
    one of its hints (``_patterns``): a count taken out often takes the only hint of the
    patterns after it ("3 times a week for 2 weeks" holds the "week" of ``other_counts``).
    """
    bracketed = "(" in core or "[" in core
    text = engine.p.parens.sub(" ", core) if bracketed else core
    sessions: int | None = None
    product: int | None = None
    low = text.lower() if bracketed else core_low
    if not has_digit(text) and (
        # The text's words are core's, the bracketed ones out (a bracket is no word's
        # character, nor the space put for it): when core's words count nothing, the
        # text's count nothing either; without brackets they are core's words.
        _counts_nothing(words)
        if words is not None and not bracketed
        else (
            (words is not None and _counts_nothing(words)) or _counts_nothing(engine.p.words(low))
        )
    ):
        # nothing counted: no frequency, sessions or durations to take out
        name = tidy(engine.p.contrast.sub(" ", text, low) if "contrast" in low else text, engine)
        name = name or tidy(core, engine)
        return (canonical(name, hit[0], hit[1], engine) if hit is not None else name), None
    frequency = engine.p.frequency.search(text, low) if holds(text, low, WEEK_HINTS) else None
    if frequency is not None:
        if frequency.group(4):
            product = int(frequency.group(4))
        elif frequency.group(2) is None:
            a, b = number(frequency.group(1)), number(frequency.group(3))
            product = a * b if a is not None and b is not None else None
        text = cut_out(text, frequency)
        low = text.lower()
    elif holds(text, low, TIMES_HINTS):
        pair = engine.p.product.search(text, low)
        if pair is not None:
            a, b = number(pair.group(1)), number(pair.group(2))
            product = a * b if a is not None and b is not None else None
            text = cut_out(text, pair)
            low = text.lower()
    explicit = engine.p.sessions.search(text, low) if holds(text, low, SESSION_HINTS) else None
    if explicit is not None:
        sessions = number(explicit.group(1) or explicit.group(3))
        # what stood between the count and "sessions", cut from the text for its case
        middle = text[explicit.start(2) : explicit.end(2)] if explicit.group(2) else ""
        start, end = explicit.span()
        text = text[:start] + " " + middle + " " + text[end:]
        low = text.lower()
    times = engine.p.times.search(text, low) if holds(text, low, TIMES_HINTS) else None
    if times is not None:
        if sessions is None and product is None:
            product = number(times.group(1))
        text = cut_out(text, times)
        low = text.lower()
    if sessions is None:
        sessions = product
    if holds(text, low, OTHER_COUNT_HINTS) or (
        holds(text, low, OTHER_COUNT_MARKS) and has_digit(text)
    ):
        text = engine.p.other_counts.sub(" ", text, low)
        low = text.lower()
    if "#" in text:
        text = engine.p.hash.sub(" ", text)
        low = text.lower()
    if "contrast" in low:
        text = engine.p.contrast.sub(" ", text, low)
    text = strip_request(" ".join(text.split()), engine)
    if "," in text or ";" in text or "/" in text:
        text = engine.p.space_before.sub("", text)
    name = tidy(text, engine) or tidy(core, engine)
    if hit is not None:
        name = canonical(name, hit[0], hit[1], engine)
    return name, sessions
