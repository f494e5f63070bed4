"""Issue 11 in the real Chromium (the fixtures of test_render_browser): the report for partners,
the site's timeline of an IWP in three cycles from a real git repository, and the feature
library's search and filters.

Screenshots are kept in the test's folder and in ``bench/out/`` (partners-report.png,
site-timeline.png, feature-library.png).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from conftest import HARBOUR, ROOT, VITV
from cycles_repo import three_cycles
from test_render_browser import browser, visit  # noqa: F401 - the fixture is used by name
from test_render_partners import write_repository


def _keep(page: Any, tmp_path: Path, name: str) -> None:
    shot = tmp_path / name
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    keep = ROOT / "bench" / "out"
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, keep / name)


def test_partners_report_in_chromium(browser, iwp, tmp_path):  # noqa: F811
    target = write_repository(tmp_path / "repo")
    report = tmp_path / "partners.html"
    assert iwp("render", target, "--audience", "partners", "-o", report).exit_code == 0
    seen = visit(browser, report)
    page = seen.page
    assert seen.errors == [] and seen.dialogs == []
    assert seen.foreign_requests == []  # the logo is a data: URI
    text = page.inner_text("body")
    assert str(tmp_path) not in text and "zorglab.yaml" not in text
    assert page.locator("#check").count() == 0
    assert page.locator("#summary").is_visible()
    first = page.evaluate("document.querySelector('main > section').id")
    assert first == "summary"
    logo = page.locator("img.logo")
    assert logo.is_visible()
    assert page.evaluate("document.querySelector('img.logo').naturalWidth") == 1
    groups = page.locator("#summary ul.groups > li > strong").all_inner_texts()
    assert groups == ["J: Studenten", "S: Docenten", "OG: Opdrachtgevers uit de zorg"]
    heads = page.locator("table.coverage thead th").all_inner_texts()
    assert heads[-3:] == ["Effecten J", "Effecten S", "Effecten OG"]
    assert page.locator("svg.figure text", has_text="Effecten OG").count() == 1
    assert page.locator("#c .yields a").all_inner_texts() == [
        "Adviezen over zorgtechnologie",
        "Een regionaal netwerk van zorgtechnologen",
    ]
    assert page.locator("footer.colophon").inner_text().count("Hanzehogeschool Groningen") == 1
    _keep(page, tmp_path, "partners-report.png")
    page.close()


def test_site_shows_the_iwp_once_with_its_timeline(browser, iwp, tmp_path):  # noqa: F811
    folder = three_cycles(tmp_path / "repo")
    site = tmp_path / "site"
    assert iwp("render", folder, "-o", site).exit_code == 0
    seen = visit(browser, site / "index.html")
    page = seen.page
    assert seen.errors == [] and seen.dialogs == []
    assert page.locator("#list tbody tr").count() == 1
    assert page.locator("#list tbody tr th a").first.inner_text() == "Zorglab Noord"
    cycles = page.locator("ol.timeline > li time").all_inner_texts()
    assert cycles == ["2026-02-01", "2026-09-01", "2027-02-01"]
    assert page.locator("ol.timeline > li").nth(2).inner_text().count("Opgelost") == 1
    page.locator("#list tbody tr a", has_text="Cycli: 3").click()
    assert page.evaluate("location.hash").startswith("#t-")
    _keep(page, tmp_path, "site-timeline.png")
    page.locator("ol.timeline > li").nth(1).locator("a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/zorglab--2026-09-01.html")
    assert "Studenten lopen mee op de afdeling" in page.inner_text("main")
    assert all(url.startswith(site.resolve().as_uri() + "/") for url in seen.requests)
    page.close()


def test_the_library_finds_a_kenmerk_by_a_word_of_its_effect(browser, iwp, tmp_path):  # noqa: F811
    folder = three_cycles(tmp_path / "repo")
    shutil.copy(VITV, folder / "vitv.yaml")
    shutil.copy(HARBOUR, folder / "harbour.yaml")
    site = tmp_path / "site"
    assert iwp("render", folder, "-o", site).exit_code == 0
    seen = visit(browser, site / "library.html")
    page = seen.page
    assert seen.errors == [] and seen.dialogs == []
    rows = page.locator("table.library tbody tr:not([hidden])")
    total = rows.count()
    assert total == 42 + 7 + 2
    assert page.locator("#lib-count").inner_text() == f"{total} van {total} kenmerken"
    page.locator("#lib-search").fill("werkvloer")  # a word of an effect, not of the name
    assert rows.count() == 1
    assert rows.first.locator(".feature-name").inner_text() == "Studenten lopen mee op de afdeling"
    assert page.locator("#lib-count").inner_text() == f"1 van {total} kenmerken"
    page.locator("#lib-search").fill("")
    page.locator("#lib-iwp").select_option(label="Harbour Lab")
    assert rows.count() == 7
    page.locator("#lib-iwp").select_option(value="")
    page.locator("#lib-tag").select_option("duurzaamheid")
    assert rows.count() == 42
    page.locator("#lib-tag").select_option("")
    page.locator("#lib-group").select_option("P")  # Harbour Lab's planners
    assert 0 < rows.count() < total
    for index in range(rows.count()):
        assert "P" in rows.nth(index).get_attribute("data-groups").split("|")
    page.locator("#lib-group").select_option("")
    page.locator("#lib-search").fill("motiverend")
    _keep(page, tmp_path, "feature-library.png")
    assert seen.foreign_requests == []
    page.close()
