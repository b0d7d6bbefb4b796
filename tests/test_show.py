"""``imrparse show``: a letter's text with each value marked where it was read, in the
terminal and as one self-contained HTML page, on a text and on a PDF; the page rendered
in headless Chromium, each highlight's text checked against its span."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import imrparse
from imrparse.view import html_page, marks, terminal
from pdf_files import letter_pdf

MULTI = imrparse.examples.read_text("multi")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "imrparse", "show", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def letter_txt(tmp_path: Path) -> Path:
    path = tmp_path / "CM16-0000000.txt"
    path.write_text(MULTI, encoding="utf-8")
    return path


def test_show_marks_each_value_in_the_terminal(letter_txt: Path) -> None:
    result = run(letter_txt)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b[" not in out  # (no colour into a pipe)
    assert "[62]<summary.age>" in out
    assert "[Norco 10/325mg #90]<d1.treatment>: [Upheld]<d1.outcome>" in out
    assert re.search(r"^ *8 \| State\(s\) of Licensure: \[Oregon\]<reviewer.state0>", out, re.M)
    # every line of the letter, numbered, the diagnostics under theirs
    assert out.count(" | ") >= MULTI.count("\n")


def test_show_colours_on_request(letter_txt: Path) -> None:
    out = run(letter_txt, "--color").stdout
    assert "\x1b[7m[62]\x1b[27m" in out


def test_the_terminal_view_shows_the_diagnostics_at_their_lines() -> None:
    text = MULTI.replace("Decision rationale:", "Rationale follows:", 1)
    letter = imrparse.parse(text)
    problem = next(d for d in letter.diagnostics if d.code == "missing-part")
    lines = terminal(letter, text).splitlines()
    at = next(n for n, line in enumerate(lines) if line.lstrip().startswith(f"{problem.line} |"))
    assert "[missing-part]" in lines[at + 1] and lines[at + 1].lstrip().startswith("!")


def test_show_writes_one_self_contained_page(letter_txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "letter.html"
    result = run(letter_txt, "--html", out)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")
    assert re.search(r"<link|@import|url\(|src=", page) is None
    assert '<mark id="v' in page and 'data-path="summary.age"' in page
    letter = imrparse.parse(MULTI)
    for path, _, _ in marks(letter):
        assert f'data-path="{path}"' in page


def test_show_refuses_what_it_cannot_show(tmp_path: Path) -> None:
    missing = run(tmp_path / "nothing.txt")
    assert missing.returncode == 1 and "no such file" in missing.stderr
    folder = run(tmp_path / "x.txt", "--html", tmp_path / "no" / "page.html")
    assert folder.returncode == 2 and "no such folder" in folder.stderr
    other = tmp_path / "letter.doc"
    other.write_text("x", encoding="utf-8")
    wrong = run(other)
    assert wrong.returncode == 1 and "unsupported file type" in wrong.stderr


def test_show_reads_a_pdf(tmp_path: Path) -> None:
    pdf = letter_pdf(MULTI, tmp_path / "letter.pdf", encrypt=True)
    result = run(pdf)
    assert result.returncode == 0, result.stderr
    assert "[62]<summary.age>" in result.stdout
    out = tmp_path / "letter.html"
    assert run(pdf, "--html", out).returncode == 0
    assert 'title="determinations.2.outcome">Overturned</mark>' in out.read_text("utf-8")


# --------------------------------------------------------------------------- in a browser

_CHROMIUM = os.environ.get("IMRPARSE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_MARKS = """els => els.map(e => {
  const r = e.getBoundingClientRect();
  return [e.dataset.path, e.textContent, r.width, r.height, r.top, r.left];
})"""


def _normal(text: str) -> str:
    """Text as a page's DOM holds it (line ends as ``\\n``)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["text", "pdf"])
def test_the_page_renders_with_each_highlight_where_its_span_is(kind: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the browser test needs playwright"
    )
    if not os.path.exists(_CHROMIUM):
        pytest.skip("the browser test needs Chromium (apt-get install chromium)")
    if kind == "pdf":
        letter = imrparse.parse_file(letter_pdf(MULTI, tmp_path / "l.pdf"), keep_text=True)
    else:
        (tmp_path / "l.txt").write_text(MULTI.replace("\n", "\r\n"), encoding="utf-8")
        letter = imrparse.parse_file(tmp_path / "l.txt", keep_text=True)
    text = letter.text
    assert text is not None
    page_file = tmp_path / "page.html"
    page_file.write_text(html_page(letter, text, title="the letter"), encoding="utf-8")
    shot = Path(os.environ.get("IMRPARSE_SCREENSHOT_DIR", tmp_path)) / f"show-{kind}.png"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_CHROMIUM, args=_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(page_file.as_uri())
            assert page.title() == "the letter"
            found = page.eval_on_selector_all("mark[data-path]", _MARKS)
            rows = page.eval_on_selector_all("#values tr", "els => els.length")
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert requests == [page_file.as_uri()]  # (nothing fetched but the page)
    expected = marks(letter)
    assert [path for path, *_ in found] == [path for path, _, _ in expected]
    assert len(found) >= 30
    for path, shown, width, height, top, left in found:
        span = letter.span(path)
        assert span is not None
        assert shown == _normal(text[span.start : span.end]), path
        assert width > 0 and height > 0 and top >= 0 and left >= 0, path
    assert rows == 1 + len(list(imrparse.view.values(letter)))
    assert shot.stat().st_size > 10_000
