"""`iwp render DIR -o SITE/`: a page per description and an index; invalid and other YAML files;
page names that never leave the site's folder; the same bytes with one process or several."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import HARBOUR, MINIMAL, VITV, write_files
from iwp_cli.checker import PARALLEL_FROM, CheckOptions
from iwp_cli.discovery import discover
from iwp_cli.render.environment import RenderError
from iwp_cli.render.output import inside, page_names
from iwp_cli.render.report import RenderOptions
from iwp_cli.render.site import render_site


def folder_of(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_files(tmp_path / "descriptions", files)


def everything_under(path: Path) -> set[str]:
    return {str(p.relative_to(path)) for p in path.rglob("*")}


def test_a_page_each_and_an_index_with_two_tables(iwp, tmp_path):
    folder = folder_of(
        tmp_path,
        {
            "vitv.yaml": VITV.read_text(encoding="utf-8"),
            "team/harbour.yaml": HARBOUR.read_text(encoding="utf-8"),
            "ci.yml": "name: ci\non: push\n",
        },
    )
    site = tmp_path / "site"
    result = iwp("render", folder, "-o", site)
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout
        == f"wrote 2 pages and {site / 'index.html'}; 1 other YAML and Markdown file skipped\n"
    )
    assert everything_under(site) == {
        "index.html",
        "library.html",
        "vitv.html",
        "team-harbour.html",
    }
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<table id="list" class="sortable">' in index
    assert '<table id="compare" class="sortable matrix">' in index
    assert '<a href="vitv.html">Value in the Valley</a>' in index
    assert '<a href="team-harbour.html">Harbour Lab</a>' in index
    vitv_row = re.search(
        r'<tr><th scope="row"><a href="vitv.html">.*?</tr>', index.split('id="compare"')[1]
    ).group(0)
    assert re.findall(r'<td class="c\d">(\d+)</td>', vitv_row) == [
        "7",
        "4",
        "8",
        "10",
        "5",
        "5",
        "3",
    ]
    assert "<td>42</td>" in vitv_row
    assert "Hanzehogeschool, Alfa College" in index  # partners
    assert "duurzaamheid, advies" in index  # tags
    assert 'data-sort="7"' in index  # VitV's open points: 4 to improve, 3 without consensus
    assert "script-src 'sha256-" in index  # the sorting script, allowed by its hash only
    page = (site / "vitv.html").read_text(encoding="utf-8")
    assert '<a href="index.html">← Catalogus</a>' in page


def test_invalid_descriptions_are_listed_not_rendered(iwp, tmp_path):
    folder = folder_of(
        tmp_path,
        {"good.yaml": MINIMAL, "bad.yaml": MINIMAL.replace("iwp: 1", "iwp: 1\nnmae: x")},
    )
    site = tmp_path / "site"
    result = iwp("render", folder, "-o", site, "--lang", "en")
    assert result.exit_code == 1
    assert "IWP020" in result.stderr and "bad.yaml:2:1" in result.stderr
    assert "; 1 not valid, not rendered" in result.stdout
    assert everything_under(site) == {"index.html", "library.html", "good.html"}
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'bad.yaml <span class="muted">(not rendered)</span>' in index
    assert '<span class="status invalid">invalid</span>' in index


def test_page_names_never_leave_the_site(iwp, tmp_path):
    hostile = MINIMAL.replace("name: Zorglab Noord", 'name: "../../outside/evil"')
    folder = folder_of(
        tmp_path,
        {
            "..yaml": MINIMAL,
            "-..-.yaml": hostile,
            "index.yaml": MINIMAL,
            "a/b.yaml": MINIMAL,
            "a-b.yaml": MINIMAL,
            "日本.yaml": MINIMAL,
            "%2e%2e%2fescape.yaml": MINIMAL,
        },
    )
    site = tmp_path / "out" / "site"
    result = iwp("render", folder, "-o", site)
    assert result.exit_code == 0, result.stderr
    assert everything_under(tmp_path / "out") == {"site"} | {
        f"site/{name}"
        for name in (
            "index.html",
            "library.html",
            "iwp.html",
            "a-b.html",
            "a-b-2.html",
            "index-2.html",
            "iwp-2.html",
            "iwp-3.html",
            "2e-2e-2fescape.html",
        )
    }
    assert not (tmp_path / "outside").exists()


@pytest.mark.parametrize("name", ["../x.html", "/etc/x.html", "a/b.html", "..", ".", "", "a\\b"])
def test_unsafe_names_are_refused(tmp_path, name):
    with pytest.raises(RenderError, match="refusing to write"):
        inside(tmp_path, name)


def test_page_names_are_slugs_and_unique(tmp_path):
    paths = [tmp_path / p for p in ("Zorg Lab.yaml", "zorg-lab.yml", "sub/x.yaml", "index.yaml")]
    assert page_names(paths, tmp_path) == ["zorg-lab", "zorg-lab-2", "sub-x", "index-2"]


def test_one_process_or_several_give_the_same_bytes(tmp_path):
    files = {
        f"iwp-{n:03}.yaml": MINIMAL.replace("Zorglab Noord", f"Zorglab {n}").replace(
            "Echte vragen", f"Echte vragen {n}"
        )
        for n in range(PARALLEL_FROM + 4)
    }
    folder = folder_of(tmp_path, files)
    targets = discover([str(folder)])
    sites = []
    for jobs in (1, 2):
        site = tmp_path / f"site-{jobs}"
        options = RenderOptions(check=CheckOptions(jobs=jobs))
        result = render_site(targets, folder, options, site)
        assert len(result.pages) == len(files) and not result.invalid
        sites.append({p.name: p.read_bytes() for p in site.iterdir()})
    assert sites[0] == sites[1]
    assert len(sites[0]) == len(files) + 2  # the index and the feature library


def test_a_markdown_site(iwp, tmp_path):
    folder = tmp_path / "examples"
    shutil.copytree(VITV.parent, folder)
    site = tmp_path / "site"
    result = iwp("render", folder, "-o", site, "-f", "md")
    assert result.exit_code == 0, result.stderr
    assert everything_under(site) == {
        "index.md",
        "value-in-the-valley.md",
        "value-in-the-valley-2.md",
        "harbour-lab.md",
    }
    index = (site / "index.md").read_text(encoding="utf-8")
    assert (
        "| [Value in the Valley](value-in-the-valley-2.md) | 7 | 4 | 8 | 10 | 5 | 5 | 3 | 42 |"
        in index
    )
    # The Markdown and the YAML form of Value in the Valley are one IWP: one row, both files.
    assert index.count("[Value in the Valley]") == 2
    assert "· [2010-07-01](value-in-the-valley.md)" in index
    reader = MarkdownIt("commonmark").enable("table")
    widths = []
    for token in reader.parse(index):
        if token.type == "tr_open":
            widths.append(0)
        elif token.type in {"th_open", "td_open"}:
            widths[-1] += 1
    assert widths == [6, 6, 6, 9, 9, 9]
