"""One treatment text read: dates of service and quantity off, then a medication, else a
procedure rule, else (with a strength) an unknown medication, else an unknown service."""

from __future__ import annotations

import attrs

from ..records import Category
from ._engine import Engine
from ._medications import medication
from ._names import strip_request, tidy
from ._procedures import procedure, procedure_name
from .reading import Reading


def read(text: str, engine: Engine) -> Reading:
    """The :class:`~.reading.Reading` of one treatment text (its name maybe empty)."""
    work = text
    if "/" in work or "." in work or "-" in work:
        work = engine.p.date.sub(" ", engine.p.dos.sub(" ", work))
    quantity = None
    qty = engine.p.qty.search(work) if "q" in work or "Q" in work else None
    if qty is not None:
        quantity = int(qty.group(1))
        work = work[: qty.start()] + " " + work[qty.end() :]
    work = " ".join(work.split())
    core = strip_request(work, engine)
    count = engine.p.leading_count.match(core)
    if count is not None:
        quantity = quantity if quantity is not None else int(count.group(1))
        core = strip_request(core[count.end() :], engine)
    low = core.lower()
    tokens = []
    for token in engine.p.word.findall(low):
        if "-" in token and token not in engine.drugs:
            tokens += [part for part in token.split("-") if part]  # "cyclobenzaprine-tramadol"
        else:
            tokens.append(token)
    drug = medication(core, low, tokens, engine)
    if drug is not None:
        return attrs.evolve(drug, quantity=quantity)
    rule_hit = procedure(low, engine)
    if rule_hit is None:
        strength = engine.p.strength_at.search(core)
        if strength is not None and len(engine.p.word.findall(core[: strength.start()])) <= 3:
            name = tidy(core[: strength.start()], engine) or tidy(core, engine)
            return Reading(
                name=name,
                category=Category.PHARMACEUTICALS,
                quantity=quantity,
            )
        name, sessions = procedure_name(core, None, engine)
        return Reading(name=name, sessions=sessions, quantity=quantity)
    rule, _match = rule_hit
    name, sessions = procedure_name(core, rule, engine)
    return Reading(
        name=name,
        category=Category(rule.category),
        subcategory=rule.subcategory,
        sessions=sessions,
        quantity=quantity,
    )
