"""The pre-commit hooks check Markdown descriptions and skip a README (issue 9): the project's
own hook (`.pre-commit-hooks.yaml`) and the one `iwp init` writes, run as pre-commit runs them."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from iwp_cli.yamlreader import read_yaml

BIN = Path(sys.executable).parent

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
