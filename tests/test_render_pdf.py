"""`iwp render --format pdf`: the report printed by the real Chromium, read back with poppler.

The PDF of Value in the Valley must have page numbers ("Pagina N van M" on every page), all 42
kenmerken in the handbook's order, and no row of a principle's table split across two pages:
each row's name, effects and preconditions stand in their columns on one page. Words are read
with their boxes (``pdftotext -bbox``) and put in the table's columns by the positions of the
column headings that every page repeats. Without a browser the command exits 2 and says so.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import VITV
from iwp_cli.loader import load_path

CHROMIUM = Path("/usr/bin/chromium")
NEEDED = ("pdftotext", "pdfinfo")


@pytest.fixture(autouse=True)
def _tools() -> None:
    """Chromium prints, poppler reads: skipped without them, and failed in CI (or wherever
    IWP_REQUIRE_BROWSER is set: `.ci/run` sets it and installs both)."""
    if CHROMIUM.exists() and all(shutil.which(tool) for tool in NEEDED):
        return
    missing = "needs /usr/bin/chromium and poppler-utils (pdftotext, pdfinfo)"
    if os.environ.get("CI") or os.environ.get("IWP_REQUIRE_BROWSER"):
        pytest.fail(missing)
    pytest.skip(missing)


_NS = "{http://www.w3.org/1999/xhtml}"


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", text).split())


def _flat(text: str) -> str:
    """Text without spaces or Markdown marks: a cell's lines may wrap anywhere."""
    return re.sub(r"[\s*_`]", "", text)


@pytest.fixture(scope="module")
def vitv_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "vitv.pdf"
    done = subprocess.run(
        [_iwp(), "render", str(VITV), "--format", "pdf", "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{CHROMIUM.parent}:{os.environ.get('PATH', '')}"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {out}"
    return out


def _iwp() -> str:
    import sys

    found = Path(sys.executable).with_name("iwp")
    return str(found) if found.exists() else "iwp"


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


def _columns(pdf: Path) -> list[tuple[str, str, str]]:
    """Per page, the text of the three columns of the principles' tables (the words in
    reading order, put in a column by their x position: the tables share their column widths);
    empty texts on pages without such a table."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(xml)
    pages = []
    for page in root.iter(f"{_NS}page"):
        words = [
            (float(w.get("yMin", 0)), float(w.get("xMin", 0)), w.text or "")
            for w in page.iter(f"{_NS}word")
        ]
        heads = {
            text: (x, y) for y, x, text in words if text in ("Effect(en)", "Randvoorwaarde(n)")
        }
        if len(heads) < 2:
            pages.append(("", "", ""))
            continue
        effects_x, preconditions_x = heads["Effect(en)"][0], heads["Randvoorwaarde(n)"][0]
        cols: list[list[str]] = [[], [], []]
        for _, x, text in sorted(words):
            cols[0 if x < effects_x - 2 else 1 if x < preconditions_x - 2 else 2].append(text)
        pages.append((_flat("".join(cols[0])), _flat("".join(cols[1])), _flat("".join(cols[2]))))
    return pages


def test_pdf_has_page_numbers(vitv_pdf: Path) -> None:
    pages = _pages(vitv_pdf)
    assert pages >= 5
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(vitv_pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert f"Pagina {number} van {pages}" in _squash(text)


def test_pdf_has_every_feature_in_order_and_no_row_split(vitv_pdf: Path) -> None:
    description = load_path(VITV).description
    assert description is not None
    columns = _columns(vitv_pdf)
    seen: list[tuple[int, int]] = []
    count = 0
    for entry in description.principles.values():
        for feature in entry.features:
            count += 1
            name = _flat(feature.name)
            found = [
                (page, col[0].find(name, seen[-1][1] + 1 if seen and seen[-1][0] == page else 0))
                for page, col in enumerate(columns)
            ]
            places = [
                (page, at)
                for page, at in found
                if at >= 0 and (page, at) > max(seen, default=(-1, -1))
            ]
            assert places, f"feature {feature.name!r} not found after the previous one"
            page, at = places[0]
            seen.append((page, at))
            for effect in feature.effects:
                assert _flat(effect.text) in columns[page][1], (feature.name, effect.text, page)
            for precondition in feature.preconditions or ():
                assert _flat(precondition.text) in columns[page][2], (feature.name, page)
    assert count == 42
    assert seen == sorted(seen)


def test_pdf_without_a_browser_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    (tmp_path / "iwp.toml").write_text("", encoding="utf-8")
    target = tmp_path / "vitv.yaml"
    shutil.copy(VITV, target)
    done = subprocess.run(
        [_iwp(), "render", str(target), "--format", "pdf", "-o", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(empty)},
        check=False,
    )
    assert done.returncode == 2
    assert "no Chromium-based browser found" in done.stderr
    assert not (tmp_path / "x.pdf").exists()
