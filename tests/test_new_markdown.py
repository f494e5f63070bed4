"""`iwp new` in the Markdown form (issue 9): the default form, chosen by --format or -o's
suffix; the scaffold's guidance as comments and its placeholders at their Markdown lines; never
overwriting; --set; --from in and between the forms; and the pre-commit hooks on `.md` files."""

from __future__ import annotations

import datetime
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, VITV
from iwp_cli.framework import builtin_framework
from iwp_cli.loader import load_path, load_text
from iwp_cli.scaffold import Answers, render_scaffold
from iwp_cli.yamlreader import read_yaml

TODAY = datetime.date.today()
BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent
VITV_MD = EXAMPLES / "value-in-the-valley.md"

GOOD_MD = """\
---
iwp: 1
date: 2026-09-01
language: nl
---

# Zorglab Noord

## A. Uitgangspunten

### Aanleiding & maatschappelijke urgentie, doelen & ambitie

Personeelstekort in de zorg.

### Context, randvoorwaarden, mensen en middelen

Een hbo, een mbo en twee zorginstellingen.

## B. Opbrengsten

### (Kennis)producten

- Adviezen

### Ontwikkeling

- Teamontwikkeling

### Verduurzaming

- Duurzaam leren in de zorg

## C. Processen

- Samen prototypes testen

## D. Ontwerpprincipes en vormgeving van de IWP

### 1. Creëer een authentieke werkomgeving

| Kenmerk | Effect(en) | Randvoorwaarde(n) |
| --- | --- | --- |
| Echte vragen | Motiverend (J) | - |
"""
#: An error in the Markdown structure: a heading that names no principle (IWP032), line 39.
BAD_MD = GOOD_MD.replace("### 1. Creëer een authentieke werkomgeving", "### 9. Geen principe")


def findings(iwp: Any, path: Path) -> list[dict[str, Any]]:
    result = iwp("check", path, "--format", "json")
    found: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return found


def placeholders(text: str) -> set[tuple[int, int]]:
    """Where each ``TODO:`` value stands (line, column; a quoted one at its quote), outside
    comments."""
    at: set[tuple[int, int]] = set()
    in_comment = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("<!--"):
            in_comment = True
        if not in_comment and not line.lstrip().startswith("#"):
            at |= {(number, m.start() + 1) for m in re.finditer(r"['\"]?TODO:", line)}
        if line.rstrip().endswith("-->"):
            in_comment = False
    return at


def without_date(path: Path) -> dict[str, Any]:
    description = load_path(path).description
    assert description is not None, path
    dumped = description.model_dump(mode="json")
    dumped.pop("date")
    return dumped


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_is_the_default_and_fails_only_on_its_placeholders(iwp, tmp_path, lang):
    result = iwp("new", "Zorglab Noord", "--no-input", "--lang", lang, "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "zorglab-noord.md"
    assert result.stdout.splitlines() == [
        f"wrote {path}",
        f"next: fill in every TODO, then run: iwp check {path}",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zorglab-noord.md"]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# ") and "yaml-language-server" not in text
    loaded = load_path(path)
    assert loaded.findings == [] and loaded.description is not None
    assert loaded.description.name == "Zorglab Noord"
    assert loaded.description.date == TODAY
    assert loaded.description.language.value == lang

    assert iwp("check", path).exit_code == 1
    found = findings(iwp, path)
    assert {f["code"] for f in found} == {"IWP404"}
    # Each at the Markdown line and column of its placeholder: 7 parts and 3 cells per principle.
    assert len(found) == 7 + 3 * len(builtin_framework().principles)
    assert {(f["line"], f["column"]) for f in found} == placeholders(text)

    path.write_text(text.replace("TODO: ", "Ingevuld: "), encoding="utf-8")
    assert findings(iwp, path) == []
    assert iwp("check", path).exit_code == 0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_markdown_scaffold_carries_the_handbooks_guidance_in_its_notation(iwp, tmp_path, lang):
    iwp("new", "Zorglab", "--no-input", "--lang", lang, "-o", tmp_path / "a.md")
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    html = " ".join(" ".join(block.split()) for block in re.findall(r"<!--(.*?)-->", text, re.S))
    front = " ".join(
        line.lstrip("# ") for line in text.split("\n---\n", 1)[0].splitlines() if line[:1] == "#"
    )
    for info in builtin_framework().principles:
        assert f"### {info.number}. {info.title[lang]}" in text
        assert " ".join(info.definition[lang].split()) in html
    words = {
        "nl": ["NAAM IWP", "Aanleiding & maatschappelijke urgentie", "Context, randvoorwaarden",
               "(J), (S) of (J,S)", "(nog verbeteren)", "– geen consensus", "Een - alleen",
               "een lege cel", "(ook principe 2)", "(aspect: cultuur)", "(ondersteunt:",
               "(soort: advies; id: adviezen)", "levert op:", "\\|", "iwp check a.md"],
        "en": ["NAAM IWP", "Occasion and urgency", "Context, conditions", "(J), (S) or (J,S)",
               "(to improve)", "– no consensus", "A - alone", "an empty cell",
               "(also principle 2)", "(aspect: culture)", "(supports:", "(kind: advice;",
               "yields:", "\\|", "iwp check a.md"],
    }[lang]  # fmt: skip
    for word in words:
        assert word in html, word
    for word in ("`iwp: 1`", "DATUM", "type: mbo", "J (junior"):
        assert word in front, word
    assert "-->" not in html and "who:" not in html  # no YAML keys in the Markdown guidance
    headings = [line for line in text.splitlines() if line.startswith("#") and " " in line]
    assert [h for h in headings if h.startswith("## ")] == [
        h for h in headings if re.match(r"## [ABCD]\. ", h)
    ]
    assert text.count("| --- | --- | --- |") == len(builtin_framework().principles)


def test_the_guidance_reads_back_as_nothing(iwp, tmp_path):
    """The comments are not part of the description: the Markdown scaffold is the model of
    the YAML scaffold (with the Markdown form's placeholders)."""
    iwp("new", "Zorglab", "--no-input", "-o", tmp_path / "a.md")
    yaml_text = render_scaffold(
        Answers(name="Zorglab"), today=TODAY, file_name="a.md", markdown=True
    )
    assert load_path(tmp_path / "a.md").description == load_text(yaml_text).description


@pytest.mark.parametrize(
    ("args", "written", "form"),
    [
        ([], "zorglab.md", "md"),
        (["--format", "md"], "zorglab.md", "md"),
        (["--format", "yaml"], "zorglab.yaml", "yaml"),
        (["-o", "a.md"], "a.md", "md"),
        (["-o", "a.markdown"], "a.markdown", "md"),
        (["-o", "a.yaml"], "a.yaml", "yaml"),
        (["-o", "a.yml"], "a.yml", "yaml"),
        (["-o", "a.txt"], "a.txt", "yaml"),
        (["--format", "yaml", "-o", "a.yml"], "a.yml", "yaml"),
        (["--format", "md", "-o", "sub/"], "sub/zorglab.md", "md"),
    ],
)
def test_the_form_follows_format_else_the_suffix_else_markdown(iwp, tmp_path, args, written, form):
    args = [f"{tmp_path}/{a}" if a.startswith(("a.", "sub")) else a for a in args]
    if "-o" not in args:
        args += ["-o", f"{tmp_path}/"]
    result = iwp("new", "Zorglab", "--no-input", *args)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / written
    assert f"wrote {path}" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n") == (form == "md")
    assert load_text(text, shown=path.name, form=form).findings == []


@pytest.mark.parametrize(
    ("form", "name", "suggested"),
    [("yaml", "x.md", "x.yaml"), ("yaml", "x.markdown", "x.yaml"), ("md", "x.yaml", "x.md"),
     ("md", "x", "x.md"), ("md", "x.txt", "x.md")],
)  # fmt: skip
def test_a_format_that_the_output_name_contradicts_is_a_usage_error(
    iwp, tmp_path, form, name, suggested
):
    result = iwp("new", "Z", "--no-input", "--format", form, "-o", tmp_path / name)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"iwp: --format {form} does not fit -o ")
    assert f"name it {suggested}" in line
    assert list(tmp_path.iterdir()) == []


def test_an_existing_markdown_file_is_never_overwritten_without_force(iwp, tmp_path):
    target = tmp_path / "a.md"
    assert iwp("new", "Eerste", "--no-input", "-o", target).exit_code == 0
    before = target.read_bytes()
    result = iwp("new", "Tweede", "--no-input", "-o", target)
    assert result.exit_code == 2
    assert f"{target} exists" in result.stderr and "--force" in result.stderr
    assert target.read_bytes() == before
    forced = iwp("new", "Tweede", "--no-input", "-o", target, "--force")
    assert forced.exit_code == 0 and "a.md.bak" in forced.stdout
    assert (tmp_path / "a.md.bak").read_bytes() == before
    assert "\n# Tweede\n" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "a.md.bak"]


def test_set_fills_in_the_markdown_scaffold(iwp, tmp_path):
    target = tmp_path / "a.md"
    result = iwp(
        "new", "Zorglab", "--no-input", "-o", target,
        "--set", "tags=[zorg, ict]",
        "--set", "partners[0].name=Hanzehogeschool",
        "--set", "starting_points.context=Een hbo, een mbo en twee zorginstellingen.",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    description = load_path(target).description
    assert description is not None
    assert description.tags == ["zorg", "ict"]
    assert description.partners[0].name == "Hanzehogeschool"
    assert description.starting_points.context == "Een hbo, een mbo en twee zorginstellingen."
    text = target.read_text(encoding="utf-8")
    assert "# Vrije labels" in text and "<!--" in text  # the guidance is kept
    bad = iwp("new", "X", "--no-input", "-o", tmp_path / "b.md", "--set", "language=fr")
    assert bad.exit_code == 2 and "IWP023" in bad.stderr
    assert not (tmp_path / "b.md").exists()


def test_from_yaml_to_markdown_converts_the_new_cycle(iwp, tmp_path):
    source = tmp_path / "vitv.yaml"
    shutil.copy(VITV, source)
    target = tmp_path / "vitv.md"
    result = iwp("new", "--from", source, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"wrote {target}",
        f"note: the comments of {source} are not carried over to the Markdown form",
        f"next: fill in every TODO, then run: iwp check {target}",
    ]
    assert load_path(target).findings == []
    assert load_path(target).description.date == TODAY  # type: ignore[union-attr]
    assert without_date(target) == without_date(source)
    codes = sorted(f["code"] for f in findings(iwp, target))
    old = sorted(f["code"] for f in findings(iwp, source))
    assert "IWP406" in old  # dated 2010: stale; the new cycle, dated today, is not
    assert codes == [code for code in old if code != "IWP406"]


def test_from_markdown_keeps_the_file_and_changes_only_the_date(iwp, tmp_path):
    source = tmp_path / "vitv.md"
    shutil.copy(VITV_MD, source)
    result = iwp("new", "--from", source)
    assert result.exit_code == 0, result.stderr
    target = tmp_path / f"vitv-{TODAY.isoformat()}.md"
    assert f"wrote {target}" in result.stdout and "note:" not in result.stdout
    old, new = source.read_text(encoding="utf-8"), target.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=True) if a != b]
    assert changed == [("date: 2010-07-01", f"date: {TODAY.isoformat()}")]
    assert iwp("new", "--from", source).exit_code == 2  # the dated copy exists already

    as_yaml = iwp("new", "--from", source, "--format", "yaml")
    assert as_yaml.exit_code == 0, as_yaml.stderr
    converted = tmp_path / f"vitv-{TODAY.isoformat()}.yaml"
    assert "not carried over to the YAML form" in as_yaml.stdout
    assert without_date(converted) == without_date(source)


def test_from_markdown_with_set_changes_only_the_front_matter(iwp, tmp_path):
    source = tmp_path / "vitv.md"
    shutil.copy(VITV_MD, source)
    done = iwp("new", "--from", source, "-o", tmp_path / "next.md", "--set", "tags=[nieuw]")
    assert done.exit_code == 0, done.stderr
    assert load_path(tmp_path / "next.md").description.tags == ["nieuw"]  # type: ignore[union-attr]
    body = iwp("new", "--from", source, "-o", tmp_path / "x.md", "--set", "name=Anders")
    assert body.exit_code == 2
    (line,) = body.stderr.strip().splitlines()
    assert "front matter" in line and "body" in line
    conflict = iwp("new", "--from", source, "--format", "yaml", "-o", tmp_path / "y.md")
    assert conflict.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["next.md", "vitv.md"]


def test_from_a_markdown_file_that_is_no_description_is_a_usage_error(iwp, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Lees mij\n", encoding="utf-8")
    result = iwp("new", "--from", readme)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]


def test_markdown_has_no_modeline_in_a_repository_with_a_schema(iwp, tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert iwp("init", tmp_path, "--ci", "none").exit_code == 0
    target = tmp_path / "descriptions" / "zorglab.md"
    assert iwp("new", "Zorglab", "--no-input", "-o", target).exit_code == 0
    assert "yaml-language-server" not in target.read_text(encoding="utf-8")
    assert {f["code"] for f in findings(iwp, target)} == {"IWP404"}


# The pre-commit hooks: the project's own, and the one `iwp init` writes.


def hook_runs(
    hook: dict[str, Any], folder: Path, files: list[str]
) -> subprocess.CompletedProcess[str]:
    """Run ``hook``'s entry as pre-commit does: on the files its ``files`` pattern selects."""
    chosen = [name for name in files if re.search(hook["files"], name)]
    assert chosen == files, "the hook's pattern leaves out a description"
    command = shlex.split(hook["entry"])
    executable = shutil.which(command[0], path=str(BIN))
    assert executable is not None
    return subprocess.run(
        [executable, *command[1:], *chosen], cwd=folder, capture_output=True, text=True, check=False
    )


def project_hook() -> dict[str, Any]:
    document = read_yaml((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")).document
    assert document is not None
    (hook,) = document.data
    assert isinstance(hook, dict)
    return hook


def init_hook(iwp: Any, folder: Path) -> dict[str, Any]:
    assert iwp("init", folder, "--ci", "none").exit_code == 0
    text = (folder / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    document = read_yaml(text).document
    assert document is not None
    (hook,) = document.data["repos"][0]["hooks"]
    assert isinstance(hook, dict)
    return hook


@pytest.mark.parametrize("which", ["project", "init"])
def test_the_hooks_check_markdown_descriptions_and_skip_a_readme(iwp, tmp_path, which):
    hook = project_hook() if which == "project" else init_hook(iwp, tmp_path)
    for name in ("a.md", "a.markdown", "a.yaml", "a.yml", "descriptions/README.md"):
        assert re.search(hook["files"], name), name
    assert not re.search(hook["files"], "a.txt")
    (tmp_path / "README.md").write_text("# Onze IWP's\n\nZie | de map descriptions.\n")
    (tmp_path / "good.md").write_text(GOOD_MD, encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD_MD, encoding="utf-8")

    readme = hook_runs(hook, tmp_path, ["README.md"])
    assert readme.returncode == 0, readme.stdout + readme.stderr
    good = hook_runs(hook, tmp_path, ["README.md", "good.md"])
    assert good.returncode == 0, good.stdout + good.stderr
    bad = hook_runs(hook, tmp_path, ["README.md", "good.md", "bad.md"])
    assert bad.returncode == 1
    assert "bad.md:39:5: IWP032 error" in bad.stdout
    assert "README.md" not in bad.stdout


def test_the_generated_pre_commit_config_checks_markdown_under_pre_commit(iwp, tmp_path):
    from test_init import git_repo, pre_commit

    env = git_repo(tmp_path, {"good.md": GOOD_MD, "bad.md": BAD_MD, "README.md": "# Lees mij\n"})
    iwp("init", tmp_path, "--ci", "none")
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)
    done = pre_commit(["run", "--all-files"], tmp_path, env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "descriptions/bad.md:39:5: IWP032 error" in done.stdout
    (tmp_path / "descriptions" / "bad.md").unlink()
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)
    done = pre_commit(["run", "--all-files"], tmp_path, env)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_help_shows_the_format_option_and_examples_of_both_forms(iwp):
    result = iwp("new", "--help", env={"COLUMNS": "200", "TERM": "dumb"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for shown in (
        "--format",
        "md (Markdown, the handbook's tables) or yaml",
        'iwp new "Zorglab Noord" --format yaml',
        "iwp new --from zorglab.yaml -o zorglab-2027.md",
        "--set tags=[zorg,ict]",
        "The form is Markdown",
    ):
        assert shown in text, shown


def test_what_the_guidance_says_to_write_means_what_it_says(iwp, tmp_path):
    """Fill in the Dutch scaffold with the very examples its comments give."""
    path = tmp_path / "a.md"
    iwp("new", "Zorglab", "--no-input", "--lang", "nl", "-o", path)
    lines = path.read_text(encoding="utf-8").replace("TODO: ", "Ingevuld: ").splitlines()
    rows = {
        "- Ingevuld: een (kennis)product":
            "- Adviezen aan zorginstellingen (soort: advies; id: adviezen)",
        "- Ingevuld: een proces van kennisproductie":
            "- Samen prototypes testen (soort: co-creatie; id: samen-testen; levert op: adviezen)",
        "| Ingevuld: een kenmerk (Creëer een authentieke werkomgeving)":
            "| Echte vragen | Motiverend (J); serieus genomen worden (S) "
            "| Een vaste contactpersoon (nog verbeteren) |",
        "| Ingevuld: een kenmerk (Vorm een lerende gemeenschap)":
            "| Wekelijkse intervisie | Van elkaar leren (J,S) – geen consensus | |",
        "| Ingevuld: een kenmerk (Organisatie ondersteunt":
            "| Alle deelnemers werken in één ruimte (ook principe 2) (aspect: cultuur) "
            "(ondersteunt: samen-testen) | Snel contact (J,S) | - |",
    }  # fmt: skip
    for index, line in enumerate(lines):
        for start, row in rows.items():
            if line.startswith(start):
                lines[index] = row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = findings(iwp, path)
    # The open points and the empty cell are reported as such (IWP301, IWP302, IWP202); once
    # there are ids, the links are checked (IWP503, IWP505); no errors.
    assert {f["code"] for f in found} == {"IWP202", "IWP301", "IWP302", "IWP503", "IWP505"}
    assert iwp("check", path).exit_code == 0
    description = load_path(path).description
    assert description is not None
    data = description.model_dump(mode="json", exclude_none=True)
    assert data["outcomes"]["products"][0] == {
        "text": "Adviezen aan zorginstellingen", "kind": "advice", "id": "adviezen"
    }  # fmt: skip
    assert data["processes"][0] == {
        "text": "Samen prototypes testen", "kind": "co-create", "id": "samen-testen",
        "yields": ["adviezen"],
    }  # fmt: skip
    principles = data["principles"]
    (authentic,) = principles["authentic-work-environment"]["features"]
    assert [(e["text"], e["who"]) for e in authentic["effects"]] == [
        ("Motiverend", ["J"]),
        ("serieus genomen worden", ["S"]),
    ]
    assert authentic["preconditions"] == [
        {"text": "Een vaste contactpersoon", "status": "to-improve"}
    ]
    (community,) = principles["learning-community"]["features"]
    assert community["effects"][0]["who"] == ["J", "S"]
    assert community["effects"][0]["status"] == "no-consensus"
    assert "preconditions" not in community  # an empty cell: not considered yet
    (room,) = principles["supportive-organisation"]["features"]
    assert room["name"] == "Alle deelnemers werken in één ruimte"
    assert (room["also"], room["aspect"], room["supports"]) == (
        ["learning-community"],
        "culture",
        ["samen-testen"],
    )
    assert room["preconditions"] == []  # "-": none needed
