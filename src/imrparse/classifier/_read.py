"""One treatment text read: dates of service and quantity off, the request wording peeled
(``_wording``), then a medication, else a procedure rule, else (with a strength) an
unknown medication, else an unknown service. :func:`reading_of` remembers what it read."""

from __future__ import annotations

from typing import Final

import attrs

from ..cleaning import normalize_space
from ..record_builders import builder
from ..records import Category
from ._engine import Engine, engine_for
from ._medications import medication
from ._names import request_stripped, tidy
from ._patterns import DOS_HINTS, cut_out, date_marks, has_digit, holds
from ._procedures import procedure, procedure_name
from ._wording import peel
from .lexicons import Lexicons
from .reading import Reading

LABS: Final = ("Diagnostic Testing", "Lab & Pathology")
# (every call passes all but the generic and the brand, which a medication's reading
# alone has: see _medications)
_READING: Final = builder(Reading, "name", "category", "subcategory", "sessions", "quantity")
_CATEGORIES: Final = {category.value: category for category in Category}  # Category(value): ~1 us
MEMO_MOST: Final = 20000  # the readings a lexicons' cache holds before it is cleared


def reading_of(text: str, lex: Lexicons) -> Reading:
    """The :class:`~.reading.Reading` of ``text`` with ``lex``, named (by the text itself,
    its white space folded, where the reader found no name), remembered in ``lex.cache``.

    The work of :func:`~imrparse.classifier.read_treatment`, which checks the arguments;
    the parser calls it itself (compiled, it calls no interpreted code on a text it read).
    """
    key = "text:" + text
    cache = lex.cache
    cached = cache.get(key)
    if isinstance(cached, Reading):
        return cached
    reading = read(text, engine_for(lex))
    if not reading.name:
        reading = attrs.evolve(reading, name=" ".join(text.split()) or text)
    if len(cache) > MEMO_MOST:
        cache.clear()
    cache[key] = reading
    return reading


def read(text: str, engine: Engine) -> Reading:
    """The :class:`~.reading.Reading` of one treatment text (its name maybe empty)."""
    work = text
    # dos's and date's every match holds a date written in digits: two marks ("/" twice
    # for date's), and a digit. (Most texts hold no mark, which three "in" tell sooner
    # than three counts.)
    if ("/" in work or "." in work or "-" in work) and date_marks(work) >= 2 and has_digit(work):
        lowered = work.lower()
        if holds(work, lowered, DOS_HINTS):
            work = engine.p.dos.sub(" ", work, lowered)
        if work.count("/") >= 2:
            work = engine.p.date.sub(" ", work)
    quantity = None
    qty = engine.p.qty.search(work, work.lower()) if "q" in work or "Q" in work else None
    if qty is not None:
        quantity = int(qty.group(1))
        work = cut_out(work, qty)
    core, low, labs = request_off(normalize_space(work), engine)
    # leading_count's every match opens with "\d", a decimal digit as str.isdecimal()
    # says (re's Unicode "\d" is Py_UNICODE_ISDECIMAL), which case does not change:
    # has_digit of the first character asks that (by code point where ASCII, not by a
    # method call).
    count = engine.p.leading_count.match(core, low) if has_digit(core[:1]) else None
    if count is not None:
        quantity = quantity if quantity is not None else int(count.group(1))
        core, low = request_stripped(core[count.end() :], None, engine)
    if labs:  # "Labs to include: ...": what follows are labs, whatever they name
        name, sessions = procedure_name(core, low, None, engine)
        return _READING(name, _CATEGORIES[LABS[0]], LABS[1], sessions, quantity)
    words = engine.p.words(low)
    tokens = words  # (a text without a hyphen has no word that holds one)
    if "-" in low:
        tokens = []
        for token in words:
            if "-" in token and token not in engine.drugs:
                tokens += [part for part in token.split("-") if part]  # "cyclobenzaprine-tramadol"
            else:
                tokens.append(token)
    drug = medication(core, low, tokens, engine, quantity)
    if drug is not None:
        return drug
    rule_hit = procedure(low, engine)
    if rule_hit is None:
        strength = engine.p.strength_at.search(core)
        if strength is not None and len(engine.p.word.blind.findall(core[: strength.start()])) <= 3:
            name = tidy(core[: strength.start()], engine) or tidy(core, engine)
            return _READING(name, Category.PHARMACEUTICALS, None, None, quantity)
        name, sessions = procedure_name(core, low, None, engine, words)
        return _READING(name, None, None, sessions, quantity)
    rule = rule_hit[0]
    name, sessions = procedure_name(core, low, rule_hit, engine, words)
    return _READING(name, _CATEGORIES[rule.category], rule.subcategory, sessions, quantity)


def request_off(text: str, engine: Engine) -> tuple[str, str, bool]:
    """``text`` without its request wording, the grammar's (``_wording``) and the lexicon's
    (``words.tsv``) in turn, it lower-cased, and whether it introduces labs."""
    labs = False
    low = ""  # (its first round, which always runs, sets it)
    for _ in range(4):
        peeled = peel(text)
        labs = labs or peeled.labs
        stripped, low = request_stripped(peeled.text, peeled.low, engine)
        if stripped == text:
            break
        text = stripped
        if peeled.settled and stripped == peeled.text:
            break  # peeled and stripped again, it would stay as it is
    return text, low, labs
