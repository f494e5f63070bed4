"""`iwp init` sets up a shared repository without overwriting; the hooks run under real
pre-commit in real git repositories."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from iwp_cli.config import load_settings
from iwp_cli.schema import schema_text
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
        "schemas/iwp-1.schema.json",
    ]
    assert result.stdout.count("aangemaakt: ") == 5
    assert (tmp_path / "schemas/iwp-1.schema.json").read_text(encoding="utf-8") == schema_text()
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
    assert again.stdout.count("skipped ") == 5 and "created" not in again.stdout


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


def git_repo(path: Path, descriptions: dict[str, str] | None = None) -> dict[str, str]:
    """A new git repository at ``path`` with ``descriptions`` (default: a good and a bad one)
    and a CI file that is not a description, all staged; returns the environment to use."""
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
    if descriptions is None:
        descriptions = {"good.yaml": GOOD, "bad.yaml": BAD}
    for name, text in descriptions.items():
        (path / "descriptions" / name).write_text(text)
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


# The generated CI, run as CI runs it: every command of the job, from the repository root.

NOTHING_TO_CHECK = {"en": "nothing to check", "nl": "niets te controleren"}


def ci_commands(repo: Path, ci: str) -> tuple[list[str], str]:
    """The shell commands of the generated job (without installing iwp, which is installed
    here), and the report it hands on: the SARIF upload's file, or the Code Quality artifact."""
    if ci == "github":
        workflow = read_yaml((repo / ".github/workflows/iwp.yml").read_text()).document
        assert workflow is not None
        steps = workflow.data["jobs"]["check"]["steps"]
        commands = [step["run"] for step in steps if "run" in step]
        (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/")]
        report = upload["with"]["sarif_file"]
    else:
        job = read_yaml((repo / ".gitlab-ci.yml").read_text()).document
        assert job is not None
        # GitLab runs the script's lines in one shell that stops at the first failing line.
        commands = ["\n".join(job.data["iwp"]["script"])]
        report = job.data["iwp"]["artifacts"]["reports"]["codequality"]
    kept = [
        "\n".join(line for line in c.splitlines() if not line.startswith("pip install"))
        for c in commands
    ]
    return [c for c in kept if c.strip()], report


def run_job(repo: Path, ci: str, env: dict[str, str]) -> tuple[str, Path]:
    commands, report = ci_commands(repo, ci)
    assert commands and all("iwp check" in c for c in commands)
    stderr = ""
    for command in commands:
        done = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", command],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"
        stderr += done.stderr
    return stderr, repo / report


def read_report(ci: str, path: Path) -> list[dict[str, object]]:
    from test_report_schemas import gitlab_errors, sarif_errors

    assert path.is_file(), f"the job wrote no {path.name}"
    document = json.loads(path.read_text(encoding="utf-8"))
    if ci == "github":
        assert sarif_errors(document) == []
        results: list[dict[str, object]] = document["runs"][0]["results"]
        return results
    assert gitlab_errors(document) == []
    return list(document)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_a_new_repository_passes_its_own_ci(iwp, tmp_path, ci, lang):
    env = git_repo(tmp_path, descriptions={})
    assert iwp("init", tmp_path, "--ci", ci, "--lang", lang).exit_code == 0
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)

    stderr, report = run_job(tmp_path, ci, env)
    assert NOTHING_TO_CHECK[lang] in stderr
    assert read_report(ci, report) == []

    report.unlink()
    (tmp_path / "descriptions" / "zorglab.yaml").write_text(GOOD)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)
    stderr, report = run_job(tmp_path, ci, env)
    assert NOTHING_TO_CHECK[lang] not in stderr
    found = read_report(ci, report)
    assert found, "the description's warnings are in the report"
    if ci == "gitlab":
        assert {issue["location"]["path"] for issue in found} == {"descriptions/zorglab.yaml"}
