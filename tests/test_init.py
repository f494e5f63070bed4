"""`iwp init` sets up a shared repository without overwriting; the hooks run under real
pre-commit in real git repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from iwp_cli.config import load_settings
from iwp_cli.yamlreader import read_yaml

BIN = Path(sys.executable).parent
GOOD = MINIMAL
BAD = MINIMAL.replace("name: Zorglab Noord", "name: Zorglab Noord\nnmae: typo")


def test_init_in_an_empty_repository(iwp, tmp_path):
    result = iwp("init", tmp_path, "--lang", "nl")
    assert result.exit_code == 0
    created = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert created == [
        ".github/workflows/iwp.yml",
        ".pre-commit-config.yaml",
        "descriptions/README.md",
        "iwp.toml",
    ]
    assert result.stdout.count("created ") == 4
    settings = load_settings(tmp_path / "iwp.toml")
    assert settings.lang == "nl"
    workflow = read_yaml((tmp_path / ".github/workflows/iwp.yml").read_text()).document
    assert workflow is not None
    steps = workflow.data["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "iwp check descriptions --format github" in runs
    assert any("--format sarif --output iwp.sarif" in run for run in runs)
    assert any(
        step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps
    )
    readme = (tmp_path / "descriptions/README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Beschrijvingen van innovatiewerkplaatsen")


def test_init_in_a_half_set_up_repository_skips_what_exists(iwp, tmp_path):
    (tmp_path / "iwp.toml").write_text('lang = "en"\n# ours\n')
    workflow = tmp_path / ".github/workflows/iwp.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("name: ours\n")
    before = {p: p.read_bytes() for p in (tmp_path / "iwp.toml", workflow)}
    result = iwp("init", tmp_path)
    assert result.exit_code == 0
    assert f"skipped {tmp_path / 'iwp.toml'} (exists)" in result.stdout
    assert f"skipped {workflow} (exists)" in result.stdout
    assert f"created {tmp_path / '.pre-commit-config.yaml'}" in result.stdout
    assert all(path.read_bytes() == data for path, data in before.items())
    again = iwp("init", tmp_path)
    assert again.stdout.count("skipped ") == 4 and "created" not in again.stdout


@pytest.mark.parametrize(("ci", "expected"), [("gitlab", ".gitlab-ci.yml"), ("none", None)])
def test_init_other_ci(iwp, tmp_path, ci, expected):
    assert iwp("init", tmp_path, "--ci", ci).exit_code == 0
    assert not (tmp_path / ".github").exists()
    if expected is None:
        assert not (tmp_path / ".gitlab-ci.yml").exists()
        return
    job = read_yaml((tmp_path / expected).read_text()).document
    assert job is not None
    assert job.data["iwp"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert any("--format gitlab" in line for line in job.data["iwp"]["script"])


def git_repo(path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "init", "-q", str(path)], check=True, env=env)
    (path / "descriptions").mkdir(exist_ok=True)
    (path / "descriptions" / "good.yaml").write_text(GOOD)
    (path / "descriptions" / "bad.yaml").write_text(BAD)
    (path / "ci.yml").write_text("jobs: {test: {runs-on: ubuntu-latest}}\n")
    subprocess.run(["git", "add", "-A"], cwd=path, check=True, env=env)
    return env


def pre_commit(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("pre-commit", path=str(BIN))
    if executable is None:
        pytest.fail("pre-commit is not installed (pip install -e '.[test]')")
    return subprocess.run(
        [executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_the_generated_pre_commit_config_runs(iwp, tmp_path):
    env = git_repo(tmp_path)
    iwp("init", tmp_path, "--ci", "none")
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)
    done = pre_commit(["run", "--all-files"], tmp_path, env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "bad.yaml:3:1: IWP020 error" in done.stdout
    assert "ci.yml" not in done.stdout
    (tmp_path / "descriptions" / "bad.yaml").unlink()
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)
    done = pre_commit(["run", "--all-files"], tmp_path, env)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_projects_hook_under_pre_commit_try_repo(tmp_path):
    """pre-commit installs iwp from this repository into its own environment and runs the hook."""
    env = git_repo(tmp_path / "repo")
    env["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    done = pre_commit(["try-repo", str(ROOT), "iwp-check", "--all-files"], tmp_path / "repo", env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "descriptions/bad.yaml:3:1: IWP020 error" in done.stdout
    assert "ci.yml" not in done.stdout
    (tmp_path / "repo" / "descriptions" / "bad.yaml").unlink()
    subprocess.run(["git", "add", "-A"], cwd=tmp_path / "repo", check=True, env=env)
    done = pre_commit(["try-repo", str(ROOT), "iwp-check", "--all-files"], tmp_path / "repo", env)
    assert done.returncode == 0, done.stdout + done.stderr
