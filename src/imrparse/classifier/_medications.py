"""A medication: its drug names found in the text's words, its ingredients and DWC class."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ..record_builders import builder
from ..records import Category
from ._engine import Engine
from ._names import tidy
from .reading import Reading

_READING: Final = builder(
    Reading, "name", "category", "subcategory", "generic", "brand", "quantity"
)
# A word directly before a percentage: "bupivacaine 5%", "camphor 2.5 %".
_PERCENT_AFTER_WORD: Final = re.compile(r"\b([a-z][a-z-]{3,})\s?\d{1,3}(?:\.\d{1,3})?\s?%")


def find_drug(tokens: Sequence[str], at: int, engine: Engine) -> tuple[int, str] | None:
    """The longest drug name that starts at word ``at``: (its words, the name), or ``None``.
    Only as many words are joined as a name that begins with the word has
    (``engine.drug_words``): none when no name begins with it."""
    if at >= len(tokens):
        return None
    most = engine.drug_words.get(tokens[at], 0)
    for size in range(min(most, len(tokens) - at), 0, -1):
        name = " ".join(tokens[at : at + size])
        if name in engine.drugs:
            return size, name
    return None


def medication(
    core: str, low: str, tokens: list[str], engine: Engine, quantity: int | None
) -> Reading | None:
    """The reading of a medication with ``quantity``, or ``None`` when the text names none
    (or a drug injected into a body site, which is an injection procedure)."""
    at = 0
    while at < len(tokens) and (
        tokens[at] in engine.forms or tokens[at] in engine.sites or tokens[at] == "of"
    ):
        at += 1  # "Topical ...", "Right knee Synvisc injection": the drug comes after
    first = find_drug(tokens, at, engine)
    if first is None and not is_compound(low, tokens, at, engine):
        return None
    names: list[str] = []
    ingredients: list[str] = []
    found_at: list[int] = []  # the word at which each ingredient was found
    product_class: str | None = None
    position = at
    while position < len(tokens):
        if position > at and tokens[position] in engine.salts:  # "atorvastatin calcium"
            position += 1
            continue
        hit = find_drug(tokens, position, engine)
        if hit is None:
            position += 1
            continue
        size, name = hit
        names.append(name)
        parts, klass = engine.drugs[name]
        if klass is not None and product_class is None:
            product_class = klass
        for part in parts:
            if part not in ingredients:
                ingredients.append(part)
                found_at.append(position)
        position += size
    form_words = {t for t in tokens if t in engine.forms}
    injected = bool(form_words & {"injection", "injectable", "im", "iv"}) or "inject" in low
    by_injection = any("injected" in flags(engine, i) for i in ingredients)
    if injected and by_injection:
        injected = False  # hyaluronic acid, insulin: injected by nature, class kept
    elif injected and product_class is None and any(t in engine.body for t in tokens):
        return None  # a drug injected into a site is an injection procedure
    if product_class is None and "%" in core:
        ingredients = with_unnamed_ingredients(low, tokens, ingredients, found_at, engine)
    lex_classes = engine.classes
    actives = [i for i in ingredients if "supplement" not in flags(engine, i)] or ingredients
    topical = bool(form_words & engine.topical) or "%" in core or "percent" in low
    subcategory: str | None
    if product_class is not None:
        subcategory = product_class
    elif injected:
        subcategory = "Injection"
    elif topical and len(actives) >= 2:
        subcategory = "Topical Compounds"
    elif topical and actives and "transdermal" in flags(engine, actives[0]):
        subcategory = lex_classes.get(actives[0])
    elif topical and actives and "topical" not in flags(engine, actives[0]):
        subcategory = "Topical Compounds"
    elif topical and actives:
        subcategory = "Topical Analgesics"
    else:
        subcategory = defining_class(actives, engine)
    generic = "/".join(actives) if actives else None
    if generic is not None:
        name = generic[0].upper() + generic[1:]
    else:
        name = tidy(" ".join(names[:1]) or core, engine)
        name = name[0].upper() + name[1:] if name else core
    return _READING(
        name,
        Category.PHARMACEUTICALS,
        subcategory,
        generic,
        brand_as_written(core, low, names, engine),
        quantity,
    )


def brand_as_written(core: str, low: str, names: Sequence[str], engine: Engine) -> str | None:
    """The first brand among the drug names found, as ``core`` writes it (``"Norco"``);
    ``None`` when every name is an active ingredient's."""
    for name in names:
        if name in engine.classes or name.split(" ")[0] in engine.classes:
            continue  # an ingredient's own name ("lidocaine patch"): no brand
        at = low.find(name) if len(low) == len(core) else -1
        while at >= 0:
            end = at + len(name)
            before = low[at - 1] if at > 0 else " "
            after = low[end] if end < len(low) else " "
            if not before.isalnum() and not after.isalnum():
                return core[at:end]
            at = low.find(name, at + 1)
        return name[:1].upper() + name[1:]
    return None


def is_compound(low: str, tokens: Sequence[str], at: int, engine: Engine) -> bool:
    """Whether the text is a compound of two or more ``<word> <n>%`` that names a known
    drug somewhere, though its first ingredient is one no lexicon names ("Ketamine 10%,
    Ketoprofen 10%, ...")."""
    if "%" not in low or len(_PERCENT_AFTER_WORD.findall(low)) < 2:
        return False
    return any(find_drug(tokens, i, engine) is not None for i in range(at, len(tokens)))


# Words that stand before a percentage in a compound but name no ingredient of their own.
_NOT_INGREDIENT: Final = frozenset(
    {"acid", "base", "oil", "extract", "alcohol", "water", "total", "solution", "strength"}
)


def with_unnamed_ingredients(
    low: str, tokens: Sequence[str], ingredients: list[str], found_at: list[int], engine: Engine
) -> list[str]:
    """``ingredients`` with the compound's ingredients that no lexicon names, in the
    text's order: in a compound every ``<word> <n>%`` is an ingredient ("Bupivacaine 5%
    in cream base" keeps bupivacaine also when it is written last and unknown)."""
    unnamed: list[tuple[int, str]] = []
    for match in _PERCENT_AFTER_WORD.finditer(low):
        word = match.group(1)
        if (
            word in engine.drugs
            or word in engine.forms
            or word in engine.salts
            or word in engine.sites
            or word in _NOT_INGREDIENT
            or word in ingredients
        ):
            continue
        if word in tokens:
            unnamed.append((tokens.index(word), word))
    if not unnamed:
        return ingredients
    named = [(found_at[i], ingredients[i]) for i in range(len(ingredients))]
    merged = sorted(named + unnamed, key=lambda pair: pair[0])
    out: list[str] = []
    for _, name in merged:
        if name not in out:
            out.append(name)
    return out


def flags(engine: Engine, ingredient: str) -> frozenset[str]:
    """The lexicon's flags of an ingredient (``companion``, ``topical``, ...)."""
    return engine.flags.get(ingredient, frozenset())


def defining_class(actives: Sequence[str], engine: Engine) -> str | None:
    """The class of a combination: its first ingredient's that is no companion drug."""
    classes = engine.classes
    known = [i for i in actives if i in classes]
    for ingredient in known:
        if "companion" not in flags(engine, ingredient):
            return classes[ingredient]
    return classes[known[0]] if known else None
