"""A treatment's grouping name: request wording off, edges trimmed, letter case folded,
a procedure and its body site as ``<procedure> of the <site>``."""

from __future__ import annotations

import re
from typing import Final

from ..cleaning import is_ascii
from ._engine import BARE, EDGE, TRIM_WORDS, Engine
from ._firsts import may_open
from ._patterns import FILLER_LETTERS, has_digit, opens_upper
from .lexicons import ProcedureRule

_TRIM_END: Final = TRIM_WORDS | {""}
_TRIM_START: Final = (TRIM_WORDS - {"a"}) | {""}


def strip_request(text: str, engine: Engine) -> str:
    """``text`` without the request wording it starts with (:func:`request_stripped`'s
    text alone)."""
    return request_stripped(text, None, engine)[0]


def request_stripped(text: str, low: str | None, engine: Engine) -> tuple[str, str]:
    """``text`` without the request wording it starts with ("Retrospective request for"),
    and what is left lower-cased; ``low``: ``text`` lower-cased, where the caller has it
    (the text is not lower-cased again)."""
    stripped = text.strip(EDGE + " ")
    if low is None or len(stripped) != len(text):
        low = stripped.lower()
    text = stripped
    for _ in range(6):
        if not may_open(engine.request_firsts, text, low):
            break  # no match but an empty one, which takes nothing off
        match = engine.request.match(text, low)
        if match is None:
            break
        end = match.end()
        if end == 0:  # (a match at the start is empty where it ends there)
            break
        text = text[end:].strip(EDGE + " ")
        low = text.lower()
    return text, low


def canonical(name: str, rule: ProcedureRule, pattern: re.Pattern[str], engine: Engine) -> str:
    """``<procedure> of the <site>`` when the name is a procedure and a body site
    (``pattern``: the rule's, as the engine compiled it)."""
    low = name.lower()
    if len(low) != len(name):  # ("İ" lower-cases to two characters: offsets would slip)
        low = "".join([char.lower()[0] for char in name])
    match = pattern.search(low)
    if match is None:
        return name
    start, end = match.span()  # (one call: each of start() and end() is one)
    rule_name = rule.name  # (read once: an attrs rule's attribute is looked up by name)
    if rule_name is None and start > 0:
        return name
    display = rule_name or name[start:end]
    rest = (name[:start] + " " + name[end:]).strip(EDGE)
    # Its words between white space, commas, semicolons and colons: str.split's white
    # space is a pattern's "\s" (both are Py_UNICODE_ISSPACE), and split() gives no empty
    # word, where a pattern's split did at the edges.
    words = rest.lower().replace(",", " ").replace(";", " ").replace(":", " ").split()
    while words and words[0] in TRIM_WORDS:
        words.pop(0)
    while words and words[-1] in TRIM_WORDS:
        words.pop()
    if any(w not in engine.sites for w in words):
        if rule_name is None:
            return name
        before, after = name[:start], name[end:]
        return capital(before + display + after)
    display = capital(display)
    if not words:
        return display
    # lead_filler opens with "^" and takes a word or more: sub() would take off only the
    # match at the start, which is all match() asks for. It is asked only where a filler's
    # first letter opens the site (case-blind, on ASCII: any case of it; a text beyond
    # ASCII is asked, as a case-blind letter may match one that lower() does not give).
    site = rest  # (stripped of EDGE already)
    if site[:1].lower() in FILLER_LETTERS or not is_ascii(site):
        filler = engine.p.lead_filler.match(site)
        if filler is not None:
            site = site[filler.end() :]
    return f"{display} of the {site.strip(EDGE).lower()}"


def capital(text: str) -> str:
    """``text`` with its first character upper case."""
    if not text:
        return text
    code = ord(text[0])
    if code < 128 and not 97 <= code <= 122:
        # (of ASCII, upper() changes a-z alone: a rule's name, "MRI", is not made again)
        return text
    return text[:1].upper() + text[1:]


def tidy(text: str, engine: Engine) -> str:
    """Trim edges, fold letter case so that case never splits a name."""
    words = text.split()
    while words and words[-1].lower().strip(EDGE) in _TRIM_END:
        words.pop()
    while words and words[0].lower().strip(EDGE) in _TRIM_START:
        words.pop(0)
    joined = " ".join(words)
    text = joined.strip(EDGE)
    if not text:
        return ""
    shouting = text.upper() == text
    out = []
    # The text's words: ``words`` themselves when strip() took nothing off (none of them
    # is empty or holds white space, so the joined text splits back into them).
    for word in words if len(text) == len(joined) else text.split(" "):
        bare = word.strip(BARE)
        acronym = len(bare) <= engine.acronym_most and bare.lower() in engine.acronyms
        if acronym or (shouting and has_digit(word)):
            out.append(word.upper() if shouting else word)
        elif shouting:
            out.append(word.lower())
        elif "-" in word:
            out.append(
                "-".join(
                    part.lower() if opens_upper(part) and part[1:].islower() else part
                    for part in word.split("-")
                )
            )
        else:
            out.append(word.lower() if opens_upper(word) and word[1:].islower() else word)
    return capital(" ".join(out))
