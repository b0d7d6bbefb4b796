"""The classifier's shortcuts on a text it has not seen: the procedure rules' anchors found
in one walk over the text, and the patterns searched only when their hints are there.
Each must find exactly what a plain search finds."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import imrparse
from imrparse.classifier._engine import anchors, candidates, engine_for, found_anchors, trigram
from imrparse.classifier._firsts import firsts, may_open
from imrparse.classifier._medications import find_drug
from imrparse.classifier._names import capital, tidy
from imrparse.classifier._patterns import (
    COUNTING,
    DOS_HINTS,
    FILLER_LETTERS,
    OTHER_COUNT_HINTS,
    OTHER_COUNT_MARKS,
    SESSION_HINTS,
    TIMES_HINTS,
    WEEK_HINTS,
    Patterns,
    counted,
    date_marks,
    has_digit,
)
from imrparse.classifier._procedures import first_rule
from imrparse.classifier._wording import DATED, grammar, may_hold_date
from imrparse.cleaning import normalize_space

REAL = Path(__file__).parent.parent.parent / "shared" / "realworld"


def _texts() -> list[str]:
    texts = [
        "physical therapy 2 times a week for 6 weeks",
        "therapeutic exercise",
        "cold pack and ice packs",
        "appendectomy",
        "",
        "x",
        "mri of the cervical spine without contrast",
    ]
    for path in sorted((REAL / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [d["treatment_text"] for d in data.get("determinations", ())]
    return [t.lower() for t in texts if t is not None]


def test_found_anchors_are_the_anchors_a_plain_search_finds() -> None:
    engine = engine_for(imrparse.load_lexicons())
    every = {a for _, _, found, _ in engine.rules for a in found}
    odd = ["\u017fmri", "mri\U0001f600ct", "\u212aknee pt", "x-ray\u0131 ot", "\xe9eg ekg"]
    for text in [*_texts(), *odd, "pt and pt/ot, ptt"]:
        assert found_anchors(text, engine) == {a for a in every if a in text}, text


def test_the_candidate_rules_are_those_with_an_anchor_found_or_none() -> None:
    lex = imrparse.load_lexicons(
        procedures=[(r"(?=q)qx", "Surgery", None)]
    )  # a lookaround: no anchors
    engine = engine_for(lex)
    assert engine.rules[0][2] == ()
    for text in [*_texts(), "mri and physical therapy", "ct of the knee"]:
        expected = [
            i
            for i, (_, _, found, _) in enumerate(engine.rules)
            if not found or any(a in text for a in found)
        ]
        assert candidates(found_anchors(text, engine), engine) == expected, text


def test_the_first_rule_is_the_first_whose_search_finds_a_match() -> None:
    # a rule that leads() is matched only where its anchors begin
    lex = imrparse.load_lexicons(procedures=[(r"\w+scopy|cold\s+pack", "Surgery", None)])
    engine = engine_for(lex)
    assert any(leading for *_, leading in engine.rules)
    assert not engine.rules[0][3]
    odd = ["xpt", "pt/ot", "the ptt", "ice  packs, cold pack", "arthroscopy", "cold packs"]
    for text in [*_texts(), *odd]:
        plain = next((r for p, r, _, _ in engine.rules if p.search(text)), None)
        hit = first_rule(text, engine)
        assert (hit[0] if hit is not None else None) is plain, text


def test_overlapping_anchors_are_all_found() -> None:
    # anchors that begin one another, end one another and overlap, of one to six characters
    lex = imrparse.load_lexicons(
        procedures=[
            (p, "Surgery", None) for p in ("a", "ab", "abc", "bc|cab", "ca", "abcab|bca c", "cc")
        ]
    )
    engine = engine_for(lex)
    every = {a for _, _, found, _ in engine.rules for a in found}
    for n in range(8):
        for letters in itertools.product("abc ", repeat=n):
            text = "".join(letters)
            assert found_anchors(text, engine) == {a for a in every if a in text}, text


def _lines() -> set[str]:
    here = Path(__file__).parent
    files = [*here.rglob("*.txt"), *(REAL / "text").rglob("*.txt")]
    return {
        line
        for path in files
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    }


def test_every_match_of_a_hinted_pattern_holds_a_hint() -> None:
    p = Patterns()
    hinted = [
        (p.frequency.blind, WEEK_HINTS),
        (p.product.blind, TIMES_HINTS),
        (p.times.blind, TIMES_HINTS),
        (p.sessions.blind, SESSION_HINTS),
    ]
    matches = 0
    for line in _lines() | set(_texts()):
        for pattern, hints in hinted:
            for match in pattern.finditer(line):
                matches += 1
                assert any(h in match.group().lower() for h in hints), (match, hints)
    marked = 0
    for line in _lines() | set(_texts()) | {"NCV of the lower extremities, 2", "EMG (12)"}:
        for match in p.other_counts.blind.finditer(line):
            matches += 1
            found = match.group().lower()
            if not any(h in found for h in OTHER_COUNT_HINTS):
                marked += 1
                assert any(m in found for m in OTHER_COUNT_MARKS), match
                assert re.search(r"\d", found), match
    assert matches > 1000
    assert marked > 1


def test_a_count_matches_as_the_plain_alternation_does() -> None:
    words = ["one", "two", "twelve", "a", "an", "once"]
    plain = re.compile(
        r"\b(\d{1,3}|" + "|".join(sorted(words, key=len, reverse=True)) + r")\b", re.I
    )
    ahead = re.compile(r"\b" + counted(words) + r"\b", re.I)
    for text in ["Twelve visits", "once", "a 2 an", "ONE\u017f", "x12 two", "tw o", "anonce"]:
        assert [m.span(1) for m in ahead.finditer(text)] == [
            m.span(1) for m in plain.finditer(text)
        ]


def test_every_match_of_a_request_rule_holds_its_hints() -> None:
    g = grammar()
    dos = Patterns().dos.blind
    matches = 0
    dates = {
        "DOS \u017fep 2, 2016 MRI",  # the long s matches "s" case-blind
        "Dated JAN 3rd, 2017",
        "on 2016-01-02 and 1.2.16",
        "(date of service: Nov 30 2015) EMG",
        "date of services 7/8/15 thru 7/9/15",
    }
    date = Patterns().date
    dated = 0
    for line in _lines() | set(_texts()) | dates:
        for name, pattern, hints in g.anywhere:
            for match in pattern.blind.finditer(line):
                matches += 1
                found = match.group().lower()
                assert all(any(h in found for h in group) for group in hints), (match, hints)
                if name in DATED:
                    dated += 1
                    assert may_hold_date(found), match
        for match in dos.finditer(line):
            assert any(h in match.group().lower() for h in DOS_HINTS), match
            assert date_marks(match.group()) >= 2, match
        for match in date.finditer(line):
            assert match.group().count("/") >= 2, match
    assert matches > 100 and dated > 5


def test_an_optional_character_gives_both_spellings_as_anchors() -> None:
    assert anchors(r"e-?stim\w*|tens") == ("e-stim", "estim", "tens")
    assert anchors(r"x-?rays?|xrays?") == ("x-ray", "xray")
    assert anchors(r"ab??c") == ("abc", "ac")
    assert anchors(r"s?t") == ("st", "t")  # "st" holds "t", but does not begin with it
    assert anchors(r"ts?") == ("t",)  # "ts" begins with "t"
    assert anchors(r"a?") == ()
    for pattern, text in [(r"\be-?stim\w*\b", "an estimulator"), (r"\bx-?rays?\b", "x-rays")]:
        match = re.search(pattern, text)
        assert match is not None
        assert any(a in match.group() for a in anchors(pattern[2:-2]))


def test_a_sites_words_split_as_the_separators_pattern_split_them() -> None:
    # canonical() splits a site's words with str ops: str.split's white space must be a
    # pattern's "\s", every character of it, and the other separators ",;:" replaced.
    spaces = [chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(0x110000) if chr(c).isspace()]
    text = "of the, left;;knee: " + "x".join(spaces) + " :,lumbar spine,"
    pattern_words = [w for w in re.split(r"[\s,;:]+", text) if w]
    assert text.replace(",", " ").replace(";", " ").replace(":", " ").split() == pattern_words


def test_a_drug_name_is_found_as_joining_every_number_of_words_finds_it() -> None:
    lex = imrparse.classifier.load_lexicons(
        brands={"Zip Flex Forte Max": "cyclobenzaprine", "Zip": "ibuprofen", "flex": "naproxen"}
    )
    engine = engine_for(lex)
    most = max(len(name.split(" ")) for name in engine.drugs)
    assert most >= 4

    def plain(tokens: list[str], at: int) -> tuple[int, str] | None:
        for size in range(min(most, len(tokens) - at), 0, -1):
            if " ".join(tokens[at : at + size]) in engine.drugs:
                return size, " ".join(tokens[at : at + size])
        return None

    texts = ["zip flex forte max 10mg", "zip flex forte", "zip flex", "flex zip", "norco 10/325"]
    for text in [*texts, *(t.lower() for t in _texts())]:
        tokens = engine.p.word.findall(text, text)
        for at in range(len(tokens) + 1):
            assert find_drug(tokens, at, engine) == plain(tokens, at), (text, at)


def test_no_counting_word_holds_a_hyphen() -> None:
    # procedure_name trusts read's words, split at hyphens, to hold every counting word
    # of the text's own words
    assert not [w for w in COUNTING if "-" in w]


def test_a_leading_count_opens_with_a_decimal_digit() -> None:
    # read() asks leading_count only of a text whose first character isdecimal()
    assert [c for c in range(0x110000) if re.fullmatch(r"\d", chr(c))] == [
        c for c in range(0x110000) if chr(c).isdecimal()
    ]
    pattern = Patterns().leading_count.blind
    matches = 0
    for line in _lines() | set(_texts()) | {"12 sessions", "\u0663 visits", "x 3 days"}:
        for start in range(len(line)):
            match = pattern.match(line[start:])
            if match is not None:
                matches += 1
                assert line[start].isdecimal(), line[start:]
    assert matches > 100


def test_anchors_whose_starts_share_an_entry_are_each_compared() -> None:
    by_code: dict[int, str] = {}
    pair: tuple[str, str] | None = None
    for chars in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=3):
        start = "".join(chars)
        code = trigram(*map(ord, start))
        if code in by_code:
            pair = (by_code[code], start)
            break
        by_code[code] = start
    assert pair is not None
    one, two = pair[0] + "zq", pair[1]
    lex = imrparse.classifier.load_lexicons(
        procedures=[(one, "Rehabilitation", "Other Therapies"), (two, "Rehabilitation", None)]
    )
    engine = engine_for(lex)
    for text in (f"a {one} b", f"{two}", f"{two} {one}", pair[0], f"x{two}x{pair[0]}z"):
        assert found_anchors(text, engine) & {one, two} == {a for a in (one, two) if a in text}


def test_a_name_is_tidied_from_its_words_as_from_its_text_split_again() -> None:
    engine = engine_for(imrparse.classifier.default_lexicons())
    cases = {
        "Physical Therapy of the Knee": "Physical therapy of the knee",
        "- MRI of the KNEE -": "MRI of the KNEE",  # strip() takes a whole word off
        "for: Acupuncture,  lumbar.": "Acupuncture, lumbar",
        "TENS UNIT X 2": "TENS unit x 2",
        "/ Cold-Pack  ": "Cold-pack",
    }
    for text, name in cases.items():
        assert tidy(text, engine) == name, text


_ODD = [
    "",
    " ",
    "\u0663 visits",
    "x\u00b2",
    "\u017fix \u212a",
    "a\u00a0b",
    "#12 #x 5mg",
    "'s -x x- a--b",
]


def test_a_digit_is_found_as_a_search_of_a_digit_finds_it() -> None:
    digit = re.compile(r"\d")
    for text in [*_texts(), *_ODD, *sorted(_lines())[:3000]]:
        assert has_digit(text) == (digit.search(text) is not None), text


def test_the_words_are_those_a_search_of_the_word_pattern_finds() -> None:
    p = Patterns()
    for text in [*_texts(), *_ODD, *sorted(_lines())[:3000]]:
        low = text.lower()
        assert p.words(low) == p.word.findall(low, low), text


@given(st.text(alphabet="abkz'-#059 .,/()&+:;\"\tX", max_size=40))
def test_the_words_of_any_ascii_text_are_those_findall_finds(text: str) -> None:
    # words() reads a part by hand where the word pattern's characters allow: any
    # change to the pattern that those hand readings do not follow shows here.
    p = Patterns()
    low = text.lower()
    assert p.words(low) == p.word.findall(low, low)


def test_lead_filler_matches_only_where_a_fillers_first_letter_opens_the_text() -> None:
    pattern = Patterns().lead_filler
    for text in [*_texts(), *_ODD, *_lines()]:
        for start in range(min(len(text), 40)):
            site = text[start:]
            if site.isascii() and pattern.match(site) is not None:
                assert site[:1].lower() in FILLER_LETTERS, site


def test_the_first_characters_of_a_pattern() -> None:
    space = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
    cases: dict[str, set[str] | None] = {
        "abc|de": {"ab", "de"},
        "a?b": {"ab", "b"},
        "(?:a|b*)c": {"ac", "bb", "bc", "c"},
        "[(\\[]?\\s*x": {"(x", "[x", "x"}
        | {o + c for o in "([" for c in space}
        | {c + d for c in space for d in space + "x"},
        "(?=[qz])\\d{1,3}|\\bq": {a + b for a in "0123456789" for b in "0123456789"}
        | set("0123456789q"),
        "x{2,3}y|(?P<n>z)": {"xx", "z"},
        "x{0}y": {"y"},
        "[a-c'-]": set("abc'-"),
        "^(?:re|\\-)": {"re", "-"},
        "\\w+": None,
        ".a": None,
        "[^a]": None,
        "(?i)a": None,
        "(a)\\1": None,  # a back reference is not read
        "(ab)\\1": {"ab"},  # (what follows two characters is not read)
        "a{}b": None,  # "{}" is no quantifier to re, but the two characters
        "a{,2}b": {"aa", "ab", "b"},  # "{,2}" is one: 0 to 2
    }
    for source, expected in cases.items():
        if expected is not None:  # a match of one character, with each ASCII one after it
            expected |= {p + chr(code) for p in expected if len(p) == 1 for code in range(128)}
        assert firsts(source) == (None if expected is None else frozenset(expected)), source
    openings = firsts("a|bc")
    for text, opens in {
        "a": True,
        "az": True,
        "bc": True,
        "bcd": True,
        "bd": False,
        "b": False,
    }.items():
        assert may_open(openings, text, text) == opens, text
    assert may_open(openings, "", "") is False and may_open(openings, "\u017f", "\u017f")


def test_no_match_at_the_start_begins_with_characters_firsts_leaves_out() -> None:
    engine = engine_for(imrparse.classifier.default_lexicons())
    g = grammar()
    gates = [(g.prefix, g.prefix_firsts), (engine.request, engine.request_firsts)]
    assert all(chars is not None for _, chars in gates)
    found = 0
    for line in sorted(_lines() | set(_texts()) | set(_ODD)):
        for start in range(min(len(line), 40)):  # the text from each of its first places
            text = line[start:]
            low = text.lower()
            for twin, chars in gates:
                match = twin.match(text, low)
                if match is not None and match.end() > 0:
                    found += 1
                    assert may_open(chars, text, low), (text, match)
    assert found > 500


def test_no_character_is_shorter_lower_cased(tmp_path: Path) -> None:
    # tidy() asks the acronyms only of a word no longer than the longest
    assert all(len(chr(c).lower()) >= 1 for c in range(0x110000))
    (tmp_path / "words.tsv").write_text("acronym\tabcdefgh\n", encoding="utf-8")
    lex = imrparse.classifier.load_lexicons(tmp_path)
    engine = engine_for(lex)
    assert engine.acronym_most >= 8
    assert tidy("Abcdefgh knee", engine) == "Abcdefgh knee"
    assert tidy("ABCDEFGH KNEE", engine) == "ABCDEFGH knee"


def test_a_spaced_text_is_its_words_joined_by_spaces() -> None:
    # read() folds a treatment text's white space with cleaning's normalize_space, which
    # must be its words joined by spaces, as the classifier read them before
    for text in [*_texts(), *_ODD, "a  b", " a", "a ", "a\tb", "a\u2003b", "a\u0085b", "\n"]:
        assert normalize_space(text) == " ".join(text.split()), text


@given(st.text(alphabet=" \t\n\xa0\u2003,;/:.ab1", max_size=30))
def test_the_space_before_a_mark_goes_as_with_the_mark_put_back(text: str) -> None:
    # (space_before looks ahead at the mark: replaced by "", no group's text put back)
    old = re.compile(r"\s+([,;/])").sub(r"\1", text)
    assert Patterns().space_before.sub("", text) == old


@given(st.text(max_size=4) | st.text(alphabet="aZ 1.\u00e9\u01c6\u0149\u00df", max_size=4))
def test_a_capital_is_the_first_character_upper_cased(text: str) -> None:
    assert capital(text) == text[:1].upper() + text[1:]


def test_every_ascii_character_but_a_to_z_is_its_own_upper_case() -> None:
    assert [chr(c) for c in range(128) if chr(c).upper() != chr(c)] == list(
        "abcdefghijklmnopqrstuvwxyz"
    )
