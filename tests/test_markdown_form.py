"""The Markdown form: the shipped example, positions, structure problems, discovery,
suppressions, conversion and `REV:path` diffs, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, VITV, write_files
from iwp_cli.loader import load_path, load_text
from test_diff_sources import GitRepo

VITV_MD = EXAMPLES / "value-in-the-valley.md"

SMALL = """\
---
iwp: 1
date: 2026-09-01
---

# Zorglab Noord

## A. Uitgangspunten

### Aanleiding & maatschappelijke urgentie, doelen & ambitie

Personeelstekort in de ouderenzorg.

### Context, randvoorwaarden, mensen en middelen

Een hbo, een mbo en twee zorginstellingen.

## B. Opbrengsten

### (Kennis)producten

- Adviezen over zorgtechnologie

### Ontwikkeling

- Studenten ontwikkelen zich

### Verduurzaming

- Duurzaam leren in de zorg

## C. Processen

- Studenten en zorgmedewerkers testen samen prototypes

## D. Ontwerpprincipes en vormgeving van de IWP

### 1. Creëer een authentieke werkomgeving

| Kenmerk | Effect(en) | Randvoorwaarde(n) |
| --- | --- | --- |
| Echte vragen | Motiverend (J) | - |
"""


def _codes(result_json: str) -> list[tuple[str, int, int]]:
    found = json.loads(result_json)["findings"]
    return [(f["code"], f["line"], f["column"]) for f in found]


def test_the_markdown_example_is_the_yaml_example(iwp):
    markdown, yaml = load_path(VITV_MD), load_path(VITV)
    assert markdown.findings == [] and markdown.description is not None
    assert markdown.description == yaml.description
    features = [f for p in markdown.description.principles.values() for f in p.features]
    assert len(features) == 42
    md_run = iwp("check", VITV_MD, "--format", "json")
    yaml_run = iwp("check", VITV, "--format", "json")
    assert md_run.exit_code == yaml_run.exit_code == 0
    assert sorted(c for c, _, _ in _codes(md_run.stdout)) == sorted(
        c for c, _, _ in _codes(yaml_run.stdout)
    )


def test_converting_the_markdown_example_gives_the_explicit_yaml(iwp, tmp_path):
    out = tmp_path / "vitv.yaml"
    result = iwp("convert", VITV_MD, "--to", "yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "who: [J, S]" in text and "status: no-consensus" in text
    assert "note: nog niet duidelijk hoe dit te realiseren" in text
    assert load_path(out).description == load_path(VITV).description
    again = iwp("convert", VITV_MD, "--to", "yaml", "-o", out)
    assert again.exit_code == 2 and "exists" in again.stderr
    assert out.read_text(encoding="utf-8") == text


def test_findings_point_at_the_cell_and_the_mark(iwp, tmp_path):
    text = SMALL.replace("| Echte vragen | Motiverend (J) | - |",
                         "| Echte vragen | Motiverend (J,X) |  |")  # fmt: skip
    path = write_files(tmp_path, {"zorglab.md": text}) / "zorglab.md"
    result = iwp("check", path, "--format", "json")
    found = _codes(result.stdout)
    row = text.splitlines().index("| Echte vragen | Motiverend (J,X) |  |") + 1
    assert ("IWP204", row, text.splitlines()[row - 1].index("(J,X)") + 1) in found
    assert ("IWP202", row, 3) in found
    shown = iwp("check", path)
    assert f"{row} | | Echte vragen | Motiverend (J,X) |  |" in shown.stdout


STRUCTURE = [
    ("extra cells", ("| Echte vragen | Motiverend (J) | - |", "| Echte vragen | A | B (J|S) | - |"), "IWP030"),  # noqa: E501 - a table of cases
    ("code span pipe", ("| Echte vragen | Motiverend (J) | - |", "| Echte vragen | `a|b` (J) | - |"), "IWP030"),  # noqa: E501 - a table of cases
    ("two columns", ("| Kenmerk | Effect(en) | Randvoorwaarde(n) |\n| --- | --- | --- |", "| Kenmerk | Effect(en) |\n| --- | --- |"), "IWP031"),  # noqa: E501 - a table of cases
    ("unknown principle", ("### 1. Creëer een authentieke werkomgeving", "### Creeer een autentieke werkomgeving"), "IWP032"),  # noqa: E501 - a table of cases
    ("missing section", ("## C. Processen\n\n- Studenten en zorgmedewerkers testen samen prototypes\n", ""), "IWP033"),  # noqa: E501 - a table of cases
    ("repeated section", ("## C. Processen", "## B. Nog eens\n\n## C. Processen"), "IWP033"),
    ("name twice", ("---\n\n# Zorglab", "name: Ander lab\n---\n\n# Zorglab"), "IWP034"),
    ("text outside", ("## A. Uitgangspunten\n", "## A. Uitgangspunten\n\nLosse tekst.\n"), "IWP035"),  # noqa: E501 - a table of cases
    ("paragraph under C", ("- Studenten en zorgmedewerkers", "Geen opsomming.\n\n- Studenten en zorgmedewerkers"), "IWP035"),  # noqa: E501 - a table of cases
]  # fmt: skip


@pytest.mark.parametrize(("change", "code"), [pytest.param(c, k, id=n) for n, c, k in STRUCTURE])
def test_structure_problems_have_their_own_codes(iwp, tmp_path, change, code):
    old, new = change
    assert old in SMALL
    text = SMALL.replace(old, new, 1)
    path = write_files(tmp_path, {"x.md": text}) / "x.md"
    result = iwp("check", path, "--format", "json")
    assert result.exit_code == 1
    found = [(c, line) for c, line, _ in _codes(result.stdout) if c == code]
    assert found, _codes(result.stdout)
    line = found[0][1]
    assert 0 < line <= len(text.splitlines())
    assert "Traceback" not in result.stdout + result.stderr


def test_unknown_principle_suggests_the_closest_title(iwp, tmp_path):
    text = SMALL.replace(
        "### 1. Creëer een authentieke werkomgeving", "### Vorm een lerende gemenschap"
    )
    path = write_files(tmp_path, {"x.md": text}) / "x.md"
    result = iwp("check", path, "--lang", "nl")
    assert "IWP032" in result.stdout and "2. Vorm een lerende gemeenschap" in result.stdout


BAD = {
    "unclosed front matter": "---\niwp: 1\n# Zorglab\n",
    "tab in front matter": "---\niwp: 1\n\tdate: 2026-09-01\n---\n# X\n",
    "front matter list": "---\n- iwp\n---\n# X\n",
    "no front matter": "# Zorglab\n\nTekst.\n",
    "html block": SMALL.replace("## C. Processen", "<div>\n<script>alert(1)</script>\n</div>\n\n## C. Processen"),  # noqa: E501 - a table of cases
    "crlf and bom": "\ufeff" + SMALL.replace("\n", "\r\n"),
    "long cell": SMALL.replace("Motiverend (J)", "Motiverend " * 20000 + "(J)"),
    "many rows": SMALL + "| Rij | Effect (J) | - |\n" * 10000,
    "pipes and backslashes": SMALL.replace("Motiverend (J)", "a \\| b \\\\ c \\(J) (S)"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(BAD))
def test_bad_markdown_gets_findings_not_a_traceback(iwp, tmp_path, name):
    path = tmp_path / "x.md"
    path.write_bytes(BAD[name].encode("utf-8"))
    result = iwp("check", path, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    document = json.loads(result.stdout)
    for finding in document["findings"]:
        assert finding["line"] >= 0 and finding["column"] >= 0


def test_the_many_rows_file_keeps_every_row():
    loaded = load_text(BAD["many rows"], shown="x.md")
    assert loaded.description is not None
    assert len(loaded.description.principles["authentic-work-environment"].features) == 10001


def test_a_folder_checks_markdown_descriptions_and_skips_other_markdown(iwp, tmp_path):
    write_files(tmp_path, {"README.md": "# Onze beschrijvingen\n\niwp: wordt hier uitgelegd\n",
                           "zorglab.md": SMALL, "haven.yaml": MINIMAL,
                           "notes/plan.md": "---\ntitle: plan\n---\n# Plan\n"})  # fmt: skip
    result = iwp("check", tmp_path, "--format", "json")
    document = json.loads(result.stdout)
    names = sorted(Path(name).name for name in document["files"])
    assert names == ["haven.yaml", "zorglab.md"]
    assert sorted(Path(name).name for name in document["skipped"]) == ["README.md", "plan.md"]


def test_an_html_comment_suppresses_a_finding(iwp, tmp_path):
    text = SMALL.replace(
        "| Echte vragen | Motiverend (J) | - |",
        "| Echte vragen | Motiverend | - | <!-- iwp: ignore[IWP203] eerst meten -->",
    )
    text = text.replace("### Verduurzaming\n\n- Duurzaam leren in de zorg\n",
                        "<!-- iwp: ignore[IWP402] volgt later -->\n### Verduurzaming\n")  # fmt: skip  # noqa: E501 - a table of cases
    path = write_files(tmp_path, {"x.md": text}) / "x.md"
    codes = [c for c, _, _ in _codes(iwp("check", path, "--format", "json").stdout)]
    assert "IWP203" not in codes and "IWP402" not in codes and "IWP090" not in codes
    stale = text.replace("ignore[IWP203]", "ignore[IWP205]")
    path.write_text(stale, encoding="utf-8")
    codes = [c for c, _, _ in _codes(iwp("check", path, "--format", "json").stdout)]
    assert "IWP203" in codes and "IWP090" in codes


def test_convert_round_trips_every_example(iwp, tmp_path):
    for example in sorted(EXAMPLES.iterdir()):
        original = load_path(example)
        other = tmp_path / (example.stem + (".yaml" if example.suffix == ".md" else ".md"))
        assert iwp("convert", example, "-o", other).exit_code == 0
        back = tmp_path / ("back" + example.suffix)
        assert iwp("convert", other, "-o", back, "--force").exit_code == 0
        assert load_path(other).description == original.description, example
        assert load_path(back).description == original.description, example


def test_diff_reads_markdown_at_a_revision(iwp, tmp_path, monkeypatch):
    repo = GitRepo(tmp_path / "repo", monkeypatch)
    repo.write("zorglab.md", SMALL)
    repo.commit("first cycle", "2026-09-01T12:00:00")
    repo.write("zorglab.md", SMALL.replace("Motiverend (J)", "Motiverend (J, S)"))
    result = iwp("diff", "HEAD:zorglab.md", "zorglab.md", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "S" in result.stdout and "who" in result.stdout
    repo.write("zorglab.yaml", iwp("convert", "zorglab.md").stdout)
    same = iwp("diff", "zorglab.yaml", "zorglab.md", "--exit-code")
    assert same.exit_code == 0, same.stdout
    log = iwp("log", "zorglab.md", "--format", "json")
    assert log.exit_code == 0, log.stderr
    assert "2026-09-01" in log.stdout


def test_convert_of_a_broken_file_prints_its_findings_and_writes_nothing(iwp, tmp_path):
    path = write_files(tmp_path, {"x.md": "---\niwp: 1\n---\n# X\n## Q\n"}) / "x.md"
    result = iwp("convert", path, "-o", tmp_path / "x.yaml")
    assert result.exit_code == 1
    assert "IWP033" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_convert_into_a_folder_named_with_a_trailing_slash(iwp, tmp_path):
    folder = tmp_path / "md"
    result = iwp("convert", VITV, "-o", f"{folder}/")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in folder.iterdir()] == ["value-in-the-valley.md"]
    assert not (tmp_path / "md.yaml").exists()
