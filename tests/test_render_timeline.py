"""The site's timeline and feature library, from a real git repository (`cycles_repo`).

The IWP is listed once, with its three cycles (the typo commit is no cycle): features per
principle, the open point resolved in the third, and a page with the difference of each cycle
from the one before. A dated copy with the same name is the same IWP: one row, one timeline.
The feature library holds every kenmerk with its effects. Outside git there is no timeline.
"""

from __future__ import annotations

import re
import shutil

from conftest import MINIMAL, VITV
from cycles_repo import git, three_cycles


def test_an_iwp_in_three_cycles_is_listed_once_with_its_timeline(iwp, tmp_path):
    folder = three_cycles(tmp_path / "repo")
    site = tmp_path / "site"
    result = iwp("render", folder, "-o", site)
    assert result.exit_code == 0, result.stderr
    index = (site / "index.html").read_text(encoding="utf-8")
    assert (
        index.count('<a href="zorglab.html">Zorglab Noord</a>') == 3
    )  # list, comparison, timeline
    assert re.findall(r'<li data-cycle="([\d-]+)">', index) == [
        "2026-02-01",
        "2026-09-01",
        "2027-02-01",
    ]
    assert "<code>descriptions/zorglab.yaml</code>" in index  # relative to the repository
    assert str(tmp_path) not in index
    assert "Opgelost: Echte vragen: Een vaste contactpersoon" in index
    assert '<a href="zorglab--2026-09-01.html">verschil 2026-02-01 → 2026-09-01</a>' in index
    assert '<a href="zorglab--2027-02-01.html">verschil 2026-09-01 → 2027-02-01</a>' in index
    second = (site / "zorglab--2026-09-01.html").read_text(encoding="utf-8")
    assert "Studenten lopen mee op de afdeling" in second
    assert "default-src 'none'" in second and "<script" not in second
    third = (site / "zorglab--2027-02-01.html").read_text(encoding="utf-8")
    assert "opgelost" in third and "Een vaste contactpersoon" in third


def test_a_dated_copy_with_the_same_name_is_the_same_iwp(iwp, tmp_path):
    repo = tmp_path / "repo"
    folder = three_cycles(repo)
    (folder / "zorglab-noord-2025-09-01.yaml").write_text(
        MINIMAL.replace("date: 2026-09-01", "date: 2025-09-01"), encoding="utf-8"
    )
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Een oude kopie", date="2027-03-01T09:00:00")
    site = tmp_path / "site"
    assert iwp("render", folder, "-o", site).exit_code == 0
    index = (site / "index.html").read_text(encoding="utf-8")
    listed = index.split('id="list"')[1].split("</table>")[0]
    assert listed.count('<tr><th scope="row">') == 1
    assert "<code>descriptions/zorglab-noord-2025-09-01.yaml</code>" in listed
    assert len(re.findall(r'<li data-cycle="', index)) == 4


def test_the_library_has_every_feature_with_its_effects(iwp, tmp_path):
    folder = three_cycles(tmp_path / "repo")
    shutil.copy(VITV, folder / "vitv.yaml")
    site = tmp_path / "site"
    assert iwp("render", folder, "-o", site).exit_code == 0
    library = (site / "library.html").read_text(encoding="utf-8")
    assert library.count('<tr data-iwp="') == 42 + 2
    assert "Zien hoe de zorg werkt op de werkvloer" in library
    assert 'data-iwp="value in the valley"' in library
    assert 'data-tags="|duurzaamheid|advies|mbo-hbo|noord-nederland|"' in library
    assert re.search(r"script-src 'sha256-[^']+';", library)
    assert '<a href="library.html">' in (site / "index.html").read_text(encoding="utf-8")


def test_outside_git_there_is_no_timeline(iwp, tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "z.yaml").write_text(MINIMAL, encoding="utf-8")
    site = tmp_path / "site"
    assert iwp("render", folder, "-o", site).exit_code == 0
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="timelines"' not in index and "data-cycle" not in index
    assert "<code>z.yaml</code>" in index


def test_the_timeline_is_what_git_holds_not_the_working_copy(iwp, tmp_path):
    repo = tmp_path / "repo"
    folder = repo / "d"
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "b.yaml").write_text(MINIMAL.replace("Zorglab Noord", "Ander lab"), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Eerste cyclus", date="2026-09-01T09:00:00")
    changed = MINIMAL.replace("Zorglab Noord", "Ander lab") + (
        "      - name: Nog niet gecommit\n        effects: [{text: X, who: [J]}]\n"
        "        preconditions: []\n"
    )
    (folder / "b.yaml").write_text(changed, encoding="utf-8")
    site = tmp_path / "site"
    assert iwp("render", folder, "-o", site).exit_code == 0
    index = (site / "index.html").read_text(encoding="utf-8")
    totals = re.findall(r"\((?:totaal|total) (\d+)\)", index)
    assert sorted(totals) == ["1", "1"]  # b's page has 2 features; its committed cycle has 1


def test_a_file_committed_as_it_is_is_not_read_again(iwp, tmp_path, monkeypatch):
    from iwp_cli.render import timeline

    repo = tmp_path / "repo"
    (repo / "d").mkdir(parents=True)
    (repo / "d" / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Eerste cyclus", date="2026-09-01T09:00:00")
    read: list[object] = []
    monkeypatch.setattr(timeline, "load_revision", lambda *args: read.append(args))
    monkeypatch.chdir(repo)  # a relative folder, as users name it
    assert iwp("render", "d", "-o", tmp_path / "site").exit_code == 0
    assert read == []
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<li data-cycle="([\d-]+)">', index) == ["2026-09-01"]


def test_the_library_without_the_reports_tables(iwp, tmp_path):
    """A user's template without the principles' tables: the library renders its own rows."""
    templates = tmp_path / "templates" / "html"
    templates.mkdir(parents=True)
    (templates / "principles.html.j2").write_text('<section id="d"></section>\n', encoding="utf-8")
    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copy(VITV, folder / "vitv.yaml")
    site = tmp_path / "site"
    result = iwp("render", folder, "-o", site, "--template-dir", templates.parent)
    assert result.exit_code == 0, result.stderr
    library = (site / "library.html").read_text(encoding="utf-8")
    assert library.count('<tr data-iwp="') == 42
    assert "Uitdagend, motiverend" in library
