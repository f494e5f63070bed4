"""The configuration search stops at the repository's root (issue 13, item 19).

A file above the repository is one nobody in the team sees in review: an `ignore = ["IWP"]` there
would silently pass everything.
"""

from __future__ import annotations

import subprocess

from conftest import MINIMAL, write_files


def git_init(folder):
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


BROKEN = MINIMAL.replace("name: Zorglab Noord", "name: Zorglab Noord\nnmae: typo")


def test_an_iwp_toml_above_the_repository_root_does_not_apply(iwp, tmp_path):
    write_files(tmp_path, {"iwp.toml": 'lang = "nl"\n[rules]\nignore = ["IWP"]\n'})
    repo = git_init(tmp_path / "repo")
    write_files(repo, {"descriptions/a.yaml": BROKEN})
    result = iwp("check", repo / "descriptions", "--lang", "en")
    assert result.exit_code == 1, result.stdout
    assert "IWP020" in result.stdout

    shown = iwp("config", repo / "descriptions")
    assert shown.exit_code == 0
    assert "configuration: none found, defaults apply" in shown.stdout
    assert f"searched: {repo / 'descriptions'} up to {repo} (the repository's root)" in shown.stdout


def test_the_repository_roots_own_configuration_still_applies(iwp, tmp_path):
    repo = git_init(tmp_path / "repo")
    write_files(repo, {"iwp.toml": '[rules]\nignore = ["IWP020"]\n', "d/a.yaml": BROKEN})
    result = iwp("check", repo / "d")
    assert result.exit_code == 0, result.stdout
    shown = iwp("config", repo / "d")
    assert f"configuration: {repo / 'iwp.toml'}" in shown.stdout
    assert f"[{repo / 'iwp.toml'}]" in shown.stdout  # where each setting came from
