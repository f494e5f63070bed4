"""The HTML reports in a real browser: Debian's Chromium, driven by playwright.

Every page is opened from a file with no network: it must make no request but for itself, log
no error, run none of a description's text as code, show every feature of Value in the Valley,
be accessible (lang, one h1 and no skipped heading level, titled SVG, text contrast of at least
4.5:1) and print to PDF. The catalogue's tables must sort and filter. A screenshot of the Value
in the Valley report is kept in the test's folder and as ``bench/out/vitv-report.png``.

`.ci/run` installs Chromium when ``/usr/bin/chromium`` is missing; elsewhere these tests are
skipped without it (and fail in CI, or wherever IWP_REQUIRE_BROWSER is set: `.ci/run` sets it).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import HARBOUR, ROOT, VITV
from iwp_cli.loader import load_path
from test_render import write_hostile

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Chromium with a fresh profile."""
    missing = _missing()
    if missing:
        if os.environ.get("CI") or os.environ.get("IWP_REQUIRE_BROWSER"):
            pytest.fail(missing)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


@dataclass
class Visit:
    """A page opened from a file, with what it did."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url and not url.startswith("data:")]


def visit(browser: Any, path: Path) -> Visit:
    page = browser.new_page()
    seen = Visit(page, path.resolve().as_uri())
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on(
        "console",
        lambda message: seen.errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def dismiss(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(seen.url)
    page.wait_for_load_state("load")
    return seen


HEADINGS = """() => Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))
    .filter(h => h.getClientRects().length).map(h => Number(h.tagName[1]))"""

#: Text of every element that holds text directly, with its contrast against what is behind.
CONTRAST = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') || !el.getClientRects().length) continue;
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const a = lum(rgb(style.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    out.push({text: el.textContent.trim().slice(0, 40), ratio, need: large ? 3 : 4.5});
  }
  return out;
}"""


def test_value_in_the_valley_in_chromium(browser, iwp, tmp_path):
    report = tmp_path / "vitv.html"
    assert iwp("render", VITV, "-o", report).exit_code == 0
    seen = visit(browser, report)
    page = seen.page
    description = load_path(VITV).description
    assert description is not None
    names = [f.name for entry in description.principles.values() for f in entry.features]
    assert len(names) == 42
    shown = page.locator("table.features .feature-name")
    assert shown.count() == 42
    assert shown.all_inner_texts() == names
    for index in range(42):
        assert shown.nth(index).is_visible()
    assert seen.errors == [] and seen.dialogs == []
    assert seen.foreign_requests == []
    assert seen.requests == [seen.url]
    # Accessible: language, one h1, no skipped heading level, titled figures, contrast.
    assert page.evaluate("document.documentElement.lang") == "nl"
    levels = page.evaluate(HEADINGS)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    for svg in page.locator("svg.figure").all():
        assert svg.get_attribute("role") == "img"
        labelled = svg.get_attribute("aria-labelledby").split()
        titles = [page.locator(f"#{name}").text_content() or "" for name in labelled]
        assert all(title.strip() for title in titles)
    texts = page.evaluate(CONTRAST)
    assert len(texts) > 300
    assert [t for t in texts if t["ratio"] < t["need"]] == []
    shot = tmp_path / "vitv-report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    keep = ROOT / "bench" / "out"
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, keep / "vitv-report.png")
    # Printing: every feature still there, and a PDF of several pages.
    page.emulate_media(media="print")
    assert all(shown.nth(index).is_visible() for index in range(42))
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 4
    page.close()


def test_hostile_text_runs_nothing(browser, iwp, tmp_path):
    report = tmp_path / "hostile.html"
    assert iwp("render", write_hostile(tmp_path), "-o", report).exit_code == 0
    seen = visit(browser, report)
    page = seen.page
    page.locator("a").first.hover()
    page.mouse.move(300, 300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen.dialogs == [] and seen.errors == []
    assert seen.foreign_requests == []
    assert page.locator("script, img, iframe, object, embed").count() == 0
    assert page.locator("text=<script>window.__pwned = 1</script>").count() >= 1
    page.close()


def test_the_catalogue_sorts_and_filters(browser, iwp, tmp_path):
    folder = tmp_path / "descriptions"
    folder.mkdir()
    shutil.copy(VITV, folder / "a-vitv.yaml")
    shutil.copy(HARBOUR, folder / "b-harbour.yaml")
    write_hostile(folder, "c-hostile.yaml")
    site = tmp_path / "site"
    assert iwp("render", folder, "-o", site, "--lang", "en").exit_code == 0
    seen = visit(browser, site / "index.html")
    page = seen.page
    rows = page.locator("#list tbody tr")

    def dates() -> list[str]:
        cells = page.locator("#list tbody tr:not([hidden]) td:nth-child(2)")
        return [str(text) for text in cells.all_inner_texts()]

    assert dates() == ["2010-07-01", "2026-09-01", "2026-09-01"]
    heading = page.locator("#list thead th").nth(1)
    heading.locator("button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    heading.locator("button").click()
    assert heading.get_attribute("aria-sort") == "descending"
    assert dates() == ["2026-09-01", "2026-09-01", "2010-07-01"]
    page.locator("#filter-list").fill("valley")
    assert dates() == ["2010-07-01"]
    assert page.locator("[data-count=list]").inner_text() == "1 of 3 shown"
    page.locator("#filter-list").fill("")
    assert rows.count() == 3 and dates() == ["2026-09-01", "2026-09-01", "2010-07-01"]
    total = page.locator("#compare thead th").last
    total.locator("button").click()
    totals = page.locator("#compare tbody td:last-child").all_inner_texts()
    assert [int(n) for n in totals] == sorted(int(n) for n in totals)
    page.locator("#compare tbody a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(site.resolve().as_uri())
    assert seen.errors == [] and seen.dialogs == []
    assert all(url.startswith(site.resolve().as_uri() + "/") for url in seen.requests)
    assert len(seen.requests) == 2  # the index, then the page it links to
    page.close()
