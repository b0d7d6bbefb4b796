"""What a disputed treatment is: DWC category, drug class, generic name, a name that groups.

:func:`read_treatment` reads one treatment text with a :class:`~imrparse.lexicons.Lexicons`
(the shipped one by default). A medication is found by its brand or ingredient names
(``brands.tsv``, ``drug-classes.tsv``); anything else by the first matching rule of
``procedures.tsv``. What no lexicon knows gets no category: never a guess.

>>> r = read_treatment("Retrospective Flexeril 7.5mg #60 DOS: 11/14/16")
>>> r.name, r.category.value, r.subcategory, r.generic
('Cyclobenzaprine', 'Pharmaceuticals', 'Muscle Relaxant', 'cyclobenzaprine')
>>> r = read_treatment("Physical therapy 2 times a week for 6 weeks for the lumbar spine")
>>> r.name, r.subcategory, r.sessions
('Physical therapy of the lumbar spine', 'Physical Therapy/Occupational Therapy (PT/OT)', 12)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from .lexicon import NUMBER_WORDS
from .lexicons import Lexicons, ProcedureRule, default_lexicons
from .records import Category, Determination, Letter, Treatment

__all__ = ["Reading", "classify", "read_treatment", "reclassify", "unknown_code"]

UNKNOWN_TREATMENT: Final = "unknown-treatment"
UNKNOWN_MEDICATION: Final = "unknown-medication"


@attrs.frozen(kw_only=True)
class Reading:
    """What :func:`read_treatment` found in one treatment text."""

    name: str
    category: Category | None = None
    subcategory: str | None = None
    generic: str | None = None
    sessions: int | None = None
    quantity: int | None = None

    def treatment(self, text: str, strength: str | None, quantity: int | None) -> Treatment:
        """The :class:`~imrparse.Treatment` of ``text`` with what this reading found; the
        ``quantity`` the header states (``#60``) comes before the one read here."""
        return Treatment(
            text=text,
            name=self.name or text,
            strength=strength,
            quantity=quantity if quantity is not None else self.quantity,
            category=self.category,
            subcategory=self.subcategory,
            generic=self.generic,
            sessions=self.sessions,
        )

    @property
    def unknown(self) -> str | None:
        """``"unknown-treatment"`` or ``"unknown-medication"`` when a lexicon lacked it."""
        return unknown_code(self.category, self.subcategory)


def unknown_code(category: Category | None, subcategory: str | None) -> str | None:
    """The diagnostic code of a treatment that the lexicons do not (fully) know: no
    category at all, or a medication without a drug class; ``None`` when it is known.

    >>> unknown_code(Category.PHARMACEUTICALS, None)
    'unknown-medication'
    """
    if category is None:
        return UNKNOWN_TREATMENT
    if category is Category.PHARMACEUTICALS and subcategory is None:
        return UNKNOWN_MEDICATION
    return None


_NUM_WORDS = dict(NUMBER_WORDS)
_NUM_WORDS.update({"once": 1, "twice": 2, "thrice": 3, "a": 1, "an": 1})
_N = (
    r"(\d{1,3}|"
    + "|".join(sorted((w for w in _NUM_WORDS if w not in ("a", "an")), key=len, reverse=True))
    + r")"
)
_NA = r"(\d{1,3}|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
_FLAGS = re.IGNORECASE

_COUNTING = (frozenset(_NUM_WORDS) - {"a", "an"}) | {
    "weekly",
    "daily",
    "monthly",
    "per",
    "additional",
    "times",
    "x",
}


@attrs.frozen
class _Patterns:
    """The reader's own patterns, compiled on first use (not at import)."""

    dos: re.Pattern[str]
    date: re.Pattern[str]
    qty: re.Pattern[str]
    parens: re.Pattern[str]
    frequency: re.Pattern[str]
    product: re.Pattern[str]
    times: re.Pattern[str]
    sessions: re.Pattern[str]
    leading_count: re.Pattern[str]
    other_counts: re.Pattern[str]
    hash: re.Pattern[str]
    strength_at: re.Pattern[str]
    word: re.Pattern[str]
    contrast: re.Pattern[str]
    lead_filler: re.Pattern[str]


def _compile() -> _Patterns:
    return _Patterns(
        dos=re.compile(
            r"[(\[]?\b(?:DOS|dates?\s+of\s+service|date\s+of\s+services?|dated?|on)\b[:\s]*"
            r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*(?:-|to|through)\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?[)\]]?",
            _FLAGS,
        ),
        date=re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
        qty=re.compile(r"\b(?:qty|quantity)\b\s*[:#]?\s*(\d{1,5})", _FLAGS),
        parens=re.compile(r"\s*[(\[][^()\[\]]*[)\]]"),
        frequency=re.compile(
            _NA + r"(?:\s*(?:-|to)\s*" + _N + r")?\s*(?:times?|x|visits?|sessions?)?\s*"
            r"(?:a|per|each|/|every)\s*week(?:ly)?\s*,?\s*(?:for|x|times|over)\s*"
            + _N
            + r"\s*weeks?"
            r"(?:\s*\(\s*(\d{1,3})\s*\))?",
            _FLAGS,
        ),
        product=re.compile(
            r"\b" + _N + r"\s*(?:x|times)\s*" + _N + r"\b(?!\s*(?:mg|%|days?|hours?))", _FLAGS
        ),
        times=re.compile(
            r"\b(?:times|x)\s*" + _N + r"\b(?!\s*(?:mg|%|days?|hours?|weeks?|months?))", _FLAGS
        ),
        sessions=re.compile(
            r"\b"
            + _N
            + r"\s+((?:[a-z/-]+\s+){0,3}?)(?:sessions?|visits?|treatments?)\b(?:\s+of\b)?"
            r"|\b(?:sessions?|visits?)\s*[,:]?\s*(?:#\s*)?(\d{1,3})\b(?!\s*(?:times|x|per|a\s+week))",
            _FLAGS,
        ),
        leading_count=re.compile(
            r"^(\d{1,3})\s+(?=[a-z])(?!(?:mg|mcg|ml|g|cc|units?|times|x|sessions?|visits?)\b)",
            _FLAGS,
        ),
        other_counts=re.compile(
            r"(?:\bfor\s+)?\b"
            + _N
            + r"(?:\s*(?:-|to)\s*"
            + _N
            + r")?\s*(?:times?\s*)?(?:a|per)\s+(?:day|week|month)\b"
            r"|(?:\b(?:for|x)\s*)?\b"
            + _N
            + r"(?:\s*(?:-|to)\s*"
            + _N
            + r")?[\s-]*(?:days?|weeks?|months?|hours?)(?:[\s-]+use)?\b"
            r"(?:\s+(?:per|a)\s+(?:day|week))?"
            r"|\b" + _N + r"\s*times?\s*(?:weekly|daily|monthly)\b"
            r"|\bweekly\b|\bdaily\b|\bmonthly\b|\bper\s+(?:day|week)\b|\badditional\b"
            r"|,\s*\d{1,3}\s*$|\(\s*\d{1,3}\s*\)",
            _FLAGS,
        ),
        hash=re.compile(r"#\s*\d+"),
        strength_at=re.compile(
            r"(?<![\d./-])\d+(?:\.\d+)?(?:\s?[-/]\s?\d+(?:\.\d+)?){0,3}\s?"
            r"(?:mg|mcg|\u00b5g|gm|g|ml|meq|iu|%)(?![a-z])",
            _FLAGS,
        ),
        word=re.compile(r"[a-z][a-z'-]*|#\d+", _FLAGS),
        contrast=re.compile(
            r"\b(?:without|w/o|no)\s+(?:iv\s+)?contrast\b|\bnon-?contrast\b", _FLAGS
        ),
        lead_filler=re.compile(r"^(?:(?:of|the|for|to|on|in|at|with)\b[\s,;:]*)+", _FLAGS),
    )


_EDGE = " \t,;:-/.&"
_BARE = _EDGE + "()'\""
_DIGIT = re.compile(r"\d")
_TRIM_WORDS = frozenset(
    {"of", "the", "for", "to", "on", "in", "at", "with", "and", "or", "a", "an"}
)
_TRIM_END = _TRIM_WORDS | {""}
_TRIM_START = (_TRIM_WORDS - {"a"}) | {""}


@attrs.frozen
class _Engine:
    request: re.Pattern[str]
    salts: frozenset[str]
    forms: frozenset[str]
    topical: frozenset[str]
    sites: frozenset[str]
    body: frozenset[str]
    acronyms: frozenset[str]
    drugs: dict[str, tuple[tuple[str, ...], str | None]]
    longest: int
    rules: tuple[tuple[re.Pattern[str], ProcedureRule, tuple[str, ...]], ...]
    classes: dict[str, str]
    flags: dict[str, frozenset[str]]
    patterns: dict[ProcedureRule, re.Pattern[str]]
    p: _Patterns


def _split(values: Iterable[str]) -> list[str]:
    return [w.strip() for value in values for w in value.split("|") if w.strip()]


def _engine(lex: Lexicons) -> _Engine:
    found = lex.cache.get("engine")
    if isinstance(found, _Engine):
        return found
    words = lex.words
    request = re.compile(
        r"^(?:"
        + "|".join(f"(?:{p})" for p in words.get("request", ()))
        + r")(?:\b|(?<=\W))[\s,:;-]*",
        _FLAGS,
    )
    forms: list[str] = []
    topical: list[str] = []
    for value in words.get("form", ()):
        if value.startswith("topical:"):
            topical += _split([value[len("topical:") :]])
        else:
            forms += _split([value])
    sites = frozenset(_split(words.get("site", ())))
    drugs: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for generic in lex.drug_classes:
        drugs[generic] = ((generic,), None)
    for brand, ingredients in lex.brands.items():
        drugs[brand] = (ingredients, lex.brand_classes.get(brand))
    acronyms = set(_split(words.get("acronym", ())))
    for rule in lex.procedures:
        if rule.name and rule.name.isupper():
            acronyms.add(rule.name.lower())
    patterns = {r: re.compile(rf"\b(?:{r.pattern})\b") for r in lex.procedures}
    engine = _Engine(
        request=request,
        salts=frozenset(_split(words.get("salt", ()))),
        forms=frozenset(forms) | frozenset(topical),
        topical=frozenset(topical),
        sites=sites,
        body=sites
        - _TRIM_WORDS
        - {
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
        },
        acronyms=frozenset(acronyms),
        drugs=drugs,
        longest=max((len(name.split()) for name in drugs), default=1),
        rules=tuple((patterns[r], r, _anchors(r.pattern)) for r in lex.procedures),
        patterns=patterns,
        p=_compile(),
        classes=dict(lex.drug_classes),
        flags=dict(lex.drug_flags),
    )
    lex.cache["engine"] = engine
    return engine


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return _NUM_WORDS.get(word.lower())


def read_treatment(text: str, lexicons: Lexicons | None = None) -> Reading:
    """Read what a treatment text names: its DWC category, class, generic and sessions.

    ``text`` is the treatment as the letter's header states it. The result's ``name``
    is the treatment without request wording ("Retrospective", "One container of"),
    dates of service, strength, quantity and frequency, with brands read as their
    generic names, so that the same treatment gets the same name across letters.

    >>> read_treatment("Ultram (tramadol) 50mg #90").generic
    'tramadol'
    >>> r = read_treatment("Cervical spine MRI without contrast")
    >>> r.name, r.category.value, r.subcategory
    ('MRI of the cervical spine', 'Diagnostic Testing', 'Imaging/Radiology')
    >>> read_treatment("Zorblatt 10mg #30").unknown
    'unknown-medication'
    """
    lex = lexicons if lexicons is not None else default_lexicons()
    key = "text:" + text
    cached = lex.cache.get(key)
    if isinstance(cached, Reading):
        return cached
    reading = _read(text, _engine(lex))
    if not reading.name:
        reading = attrs.evolve(reading, name=" ".join(text.split()) or text)
    if len(lex.cache) > 20000:
        lex.cache.clear()
    lex.cache[key] = reading
    return reading


def _strip_request(text: str, engine: _Engine) -> str:
    text = text.strip(_EDGE + " ")
    for _ in range(6):
        match = engine.request.match(text)
        if match is None or not match.group():
            break
        text = text[match.end() :].strip(_EDGE + " ")
    return text


def _read(text: str, engine: _Engine) -> Reading:
    work = text
    if "/" in work or "." in work or "-" in work:
        work = engine.p.date.sub(" ", engine.p.dos.sub(" ", work))
    quantity = None
    qty = engine.p.qty.search(work) if "q" in work or "Q" in work else None
    if qty is not None:
        quantity = int(qty.group(1))
        work = work[: qty.start()] + " " + work[qty.end() :]
    work = " ".join(work.split())
    core = _strip_request(work, engine)
    count = engine.p.leading_count.match(core)
    if count is not None:
        quantity = quantity if quantity is not None else int(count.group(1))
        core = _strip_request(core[count.end() :], engine)
    low = core.lower()
    tokens = []
    for token in engine.p.word.findall(low):
        if "-" in token and token not in engine.drugs:
            tokens += [part for part in token.split("-") if part]  # "cyclobenzaprine-tramadol"
        else:
            tokens.append(token)
    drug = _medication(core, low, tokens, engine)
    if drug is not None:
        return attrs.evolve(drug, quantity=quantity)
    rule_hit = _procedure(low, engine)
    if rule_hit is None:
        strength = engine.p.strength_at.search(core)
        if strength is not None and len(engine.p.word.findall(core[: strength.start()])) <= 3:
            name = _tidy(core[: strength.start()], engine) or _tidy(core, engine)
            return Reading(
                name=name,
                category=Category.PHARMACEUTICALS,
                quantity=quantity,
            )
        name, sessions = _procedure_name(core, None, engine)
        return Reading(name=name, sessions=sessions, quantity=quantity)
    rule, _match = rule_hit
    name, sessions = _procedure_name(core, rule, engine)
    return Reading(
        name=name,
        category=Category(rule.category),
        subcategory=rule.subcategory,
        sessions=sessions,
        quantity=quantity,
    )


def _anchors(pattern: str) -> tuple[str, ...]:
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
    anchors = []
    for alternative in alternatives:
        end = 0
        while end < len(alternative) and alternative[end] not in "\\()[]{}.*+?^$|":
            end += 1
        literal = alternative[:end]
        if end < len(alternative) and alternative[end] in "?*{":
            literal = literal[:-1]
        if not literal:
            return ()
        anchors.append(literal)
    return tuple(anchors)


def _procedure(low: str, engine: _Engine) -> tuple[ProcedureRule, re.Match[str]] | None:
    for pattern, rule, anchors in engine.rules:
        if anchors and not any(map(low.__contains__, anchors)):
            continue  # none of the rule's literal words is there: it cannot match
        match = pattern.search(low)
        if match is not None:
            return rule, match
    return None


def _find_drug(tokens: Sequence[str], at: int, engine: _Engine) -> tuple[int, str] | None:
    for size in range(min(engine.longest, len(tokens) - at), 0, -1):
        name = " ".join(tokens[at : at + size])
        if name in engine.drugs:
            return size, name
    return None


def _medication(core: str, low: str, tokens: list[str], engine: _Engine) -> Reading | None:
    at = 0
    while at < len(tokens) and (tokens[at] in engine.forms or tokens[at] == "of"):
        at += 1
    first = _find_drug(tokens, at, engine)
    if first is None:
        return None
    names: list[str] = []
    ingredients: list[str] = []
    product_class: str | None = None
    position = at
    while position < len(tokens):
        if position > at and tokens[position] in engine.salts:  # "atorvastatin calcium"
            position += 1
            continue
        hit = _find_drug(tokens, position, engine)
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
        position += size
    form_words = {t for t in tokens if t in engine.forms}
    injected = bool(form_words & {"injection", "injectable", "im", "iv"}) or "inject" in low
    by_injection = any("injected" in _flags(engine, i) for i in ingredients)
    if injected and by_injection:
        injected = False  # hyaluronic acid, insulin: injected by nature, class kept
    elif injected and product_class is None and any(t in engine.body for t in tokens):
        return None  # a drug injected into a site is an injection procedure
    lex_classes = engine.classes
    actives = [i for i in ingredients if "supplement" not in _flags(engine, i)] or ingredients
    topical = bool(form_words & engine.topical) or "%" in core or "percent" in low
    subcategory: str | None
    if product_class is not None:
        subcategory = product_class
    elif injected:
        subcategory = "Injection"
    elif topical and len(actives) >= 2:
        subcategory = "Topical Compounds"
    elif topical and actives and "transdermal" in _flags(engine, actives[0]):
        subcategory = lex_classes.get(actives[0])
    elif topical and actives and "topical" not in _flags(engine, actives[0]):
        subcategory = "Topical Compounds"
    elif topical and actives:
        subcategory = "Topical Analgesics"
    else:
        subcategory = _defining_class(actives, engine)
    generic = "/".join(actives) if actives else None
    if generic is not None:
        name = generic[0].upper() + generic[1:]
    else:
        name = _tidy(" ".join(names[:1]) or core, engine)
        name = name[0].upper() + name[1:] if name else core
    return Reading(
        name=name,
        category=Category.PHARMACEUTICALS,
        subcategory=subcategory,
        generic=generic,
    )


def _flags(engine: _Engine, ingredient: str) -> frozenset[str]:
    return engine.flags.get(ingredient, frozenset())


def _defining_class(actives: Sequence[str], engine: _Engine) -> str | None:
    classes = engine.classes
    known = [i for i in actives if i in classes]
    for ingredient in known:
        if "companion" not in _flags(engine, ingredient):
            return classes[ingredient]
    return classes[known[0]] if known else None


def _procedure_name(
    core: str, rule: ProcedureRule | None, engine: _Engine
) -> tuple[str, int | None]:
    text = engine.p.parens.sub(" ", core) if "(" in core or "[" in core else core
    sessions: int | None = None
    product: int | None = None
    low = text.lower()
    if _DIGIT.search(text) is None and _COUNTING.isdisjoint(engine.p.word.findall(low)):
        # nothing counted: no frequency, sessions or durations to take out
        name = _tidy(engine.p.contrast.sub(" ", text) if "contrast" in low else text, engine)
        name = name or _tidy(core, engine)
        return (_canonical(name, rule, engine) if rule is not None else name), None
    frequency = engine.p.frequency.search(text)
    if frequency is not None:
        if frequency.group(4):
            product = int(frequency.group(4))
        elif frequency.group(2) is None:
            a, b = _number(frequency.group(1)), _number(frequency.group(3))
            product = a * b if a is not None and b is not None else None
        text = text[: frequency.start()] + " " + text[frequency.end() :]
    else:
        pair = engine.p.product.search(text)
        if pair is not None:
            a, b = _number(pair.group(1)), _number(pair.group(2))
            product = a * b if a is not None and b is not None else None
            text = text[: pair.start()] + " " + text[pair.end() :]
    explicit = engine.p.sessions.search(text)
    if explicit is not None:
        sessions = _number(explicit.group(1) or explicit.group(3))
        middle = explicit.group(2) or ""
        text = text[: explicit.start()] + " " + middle + " " + text[explicit.end() :]
    times = engine.p.times.search(text)
    if times is not None:
        if sessions is None and product is None:
            product = _number(times.group(1))
        text = text[: times.start()] + " " + text[times.end() :]
    if sessions is None:
        sessions = product
    text = engine.p.other_counts.sub(" ", text)
    text = engine.p.hash.sub(" ", text)
    if "contrast" in low:
        text = engine.p.contrast.sub(" ", text)
    text = _strip_request(" ".join(text.split()), engine)
    text = re.sub(r"\s+([,;/])", r"\1", text)
    name = _tidy(text, engine) or _tidy(core, engine)
    if rule is not None:
        name = _canonical(name, rule, engine)
    return name, sessions


def _canonical(name: str, rule: ProcedureRule, engine: _Engine) -> str:
    """``<procedure> of the <site>`` when the name is a procedure and a body site."""
    match = engine.patterns[rule].search(name.lower())
    if match is None:
        return name
    if rule.name is None and match.start() > 0:
        return name
    display = rule.name or name[match.start() : match.end()]
    rest = (name[: match.start()] + " " + name[match.end() :]).strip(_EDGE)
    words = [w for w in re.split(r"[\s,;:]+", rest.lower()) if w]
    while words and words[0] in _TRIM_WORDS:
        words.pop(0)
    while words and words[-1] in _TRIM_WORDS:
        words.pop()
    if any(w not in engine.sites for w in words):
        if rule.name is None:
            return name
        before, after = name[: match.start()], name[match.end() :]
        return _capital(before + display + after)
    display = _capital(display)
    if not words:
        return display
    site = engine.p.lead_filler.sub("", rest.strip(_EDGE))
    return f"{display} of the {site.strip(_EDGE).lower()}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _tidy(text: str, engine: _Engine) -> str:
    """Trim edges, fold letter case so that case never splits a name."""
    words = text.split()
    while words and words[-1].lower().strip(_EDGE) in _TRIM_END:
        words.pop()
    while words and words[0].lower().strip(_EDGE) in _TRIM_START:
        words.pop(0)
    text = " ".join(words).strip(_EDGE)
    if not text:
        return ""
    shouting = text.upper() == text
    out = []
    for word in text.split(" "):
        bare = word.strip(_BARE).lower()
        if bare in engine.acronyms or (shouting and _DIGIT.search(word) is not None):
            out.append(word.upper() if shouting else word)
        elif shouting:
            out.append(word.lower())
        elif "-" in word:
            out.append(
                "-".join(
                    part.lower() if part[:1].isupper() and part[1:].islower() else part
                    for part in word.split("-")
                )
            )
        else:
            out.append(word.lower() if word[:1].isupper() and word[1:].islower() else word)
    return _capital(" ".join(out))


def classify(treatment: Treatment, lexicons: Lexicons | None = None) -> Treatment:
    """``treatment`` with its name, category, subcategory, generic and sessions read again.

    >>> from imrparse import Treatment
    >>> classify(Treatment(text="Flexeril 10mg", name="Flexeril")).generic
    'cyclobenzaprine'
    """
    reading = read_treatment(treatment.text, lexicons)
    return reading.treatment(treatment.text, treatment.strength, treatment.quantity)


def reclassify(letter: Letter, lexicons: Lexicons) -> Letter:
    """``letter`` with every treatment read again with ``lexicons`` (e.g. a user's own).

    The ``unknown-treatment`` and ``unknown-medication`` diagnostics of treatments that
    the new lexicons know are dropped; the other diagnostics are kept as they were.

    >>> import imrparse
    >>> from imrparse.lexicons import load_lexicons
    >>> letter = imrparse.parse(imrparse.examples.read_text("multi"))
    >>> lex = load_lexicons(procedures=[("radiofrequency", "Surgery", "Spine")])
    >>> reclassify(letter, lex).determinations[2].treatment.category
    <Category.SURGERY: 'Surgery'>
    """
    determinations: list[Determination] = [
        attrs.evolve(d, treatment=classify(d.treatment, lexicons)) for d in letter.determinations
    ]
    known = {
        repr(d.treatment.text)
        for d in determinations
        if unknown_code(d.treatment.category, d.treatment.subcategory) is None
    }
    diagnostics = tuple(
        item
        for item in letter.diagnostics
        if item.code not in (UNKNOWN_TREATMENT, UNKNOWN_MEDICATION)
        or not any(text in item.message for text in known)
    )
    return attrs.evolve(letter, determinations=tuple(determinations), diagnostics=diagnostics)
