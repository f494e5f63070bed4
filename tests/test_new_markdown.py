"""`iwp new` in the Markdown form (issue 9): the default form, chosen by --format or -o's
suffix; the scaffold's placeholders at their Markdown lines; never overwriting; --set; and
--from in and between the forms. The guidance: test_new_markdown_guidance.py."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, VITV
from iwp_cli.framework import builtin_framework
from iwp_cli.loader import load_path, load_text

TODAY = datetime.date.today()
VITV_MD = EXAMPLES / "value-in-the-valley.md"


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
    assert result.stdout.splitlines() == (
        [
            f"geschreven: {path}",
            f"volgende stap: vul elke TODO in en voer dan uit: iwp check {path}",
        ]
        if lang == "nl"
        else [f"wrote {path}", f"next: fill in every TODO, then run: iwp check {path}"]
    )
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
        f"hint: to start a new cycle of the same IWP, prefer: iwp cycle {source}",
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


BROKEN_MD = {
    "no-description": ("# Lees mij\n", None),
    "unclosed": ("---\niwp: 1\ndate: 2026-09-01\n", "1:1: IWP001"),
    "tab": ("---\niwp: 1\n\tdate: 2026-09-01\n---\n# X\n", "3:1: IWP001"),
    "duplicate-key": ("---\niwp: 1\niwp: 1\n---\n# X\n", "3:1: IWP003"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_MD))
def test_from_a_broken_markdown_file_is_a_one_line_usage_error(iwp, tmp_path, case):
    text, where = BROKEN_MD[case]
    source = tmp_path / "old.md"
    source.write_text(text, encoding="utf-8")
    result = iwp("new", "--from", source)
    assert result.exit_code == 2, result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert str(source) in line
    if where is not None:
        assert f"{source}:{where}" in line  # the line in the Markdown file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.md"]


def test_markdown_has_no_modeline_in_a_repository_with_a_schema(iwp, tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert iwp("init", tmp_path, "--ci", "none").exit_code == 0
    target = tmp_path / "descriptions" / "zorglab.md"
    assert iwp("new", "Zorglab", "--no-input", "-o", target).exit_code == 0
    assert "yaml-language-server" not in target.read_text(encoding="utf-8")
    assert {f["code"] for f in findings(iwp, target)} == {"IWP404"}
