"""The CI reports against the schemas of the tools that read them: Jenkins' xunit XSD for JUnit,
GitLab's own parser schema for Code Quality, and the OASIS schema for SARIF.

The schemas are third-party files kept next to the project (`conftest.VALIDATORS`); a missing
one fails the test rather than skipping it.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import MINIMAL, VALIDATORS

#: MINIMAL with findings of every severity: an error (a duplicate key), six warnings at one
#: place (`principles:`) and information (a precondition still to improve).
MIXED = MINIMAL.replace("date: 2026-09-01", "date: 2026-09-01\nname: Tweede naam").replace(
    "preconditions: []", "preconditions: [{text: Een coach, status: to-improve}]"
)


def validator(name: str) -> Path:
    path = VALIDATORS / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: the tests read iwp's reports with it")
    return path


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A folder with a mixed description, as the current folder (CI runs from the root)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "descriptions").mkdir()
    (tmp_path / "descriptions" / "mixed.yaml").write_text(MIXED, encoding="utf-8")
    (tmp_path / "descriptions" / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


# JUnit


def junit_errors(xml: str) -> list[str]:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(validator("junit-10.xsd"))))
    schema.validate(etree.fromstring(xml.encode("utf-8")))
    return [f"{error.line}: {error.message}" for error in schema.error_log]


@pytest.mark.parametrize("fail_on", ["error", "warning"])
def test_junit_is_valid_for_jenkins_xunit(iwp, workdir, fail_on):
    result = iwp("check", "descriptions", "--format", "junit", "--fail-on", fail_on)
    assert result.exit_code == 1
    assert junit_errors(result.stdout) == []


# GitLab Code Quality


def gitlab_issues(iwp, *args: str | Path) -> list[dict[str, object]]:
    import jsonschema

    schema = json.loads(validator("gitlab-codequality.schema.json").read_text(encoding="utf-8"))
    result = iwp("check", *args, "--format", "gitlab")
    assert result.exit_code == 1, result.stderr
    issues = json.loads(result.stdout)
    assert isinstance(issues, list) and issues
    for issue in issues:
        jsonschema.validate(issue, schema)
    return issues


def paths_of(issues: list[dict[str, object]]) -> set[object]:
    return {issue["location"]["path"] for issue in issues}  # type: ignore[index]


def test_gitlab_paths_are_relative_to_the_repository_root(iwp, workdir, monkeypatch):
    subprocess.run(["git", "init", "-q", str(workdir)], check=True)
    expected = {"descriptions/mixed.yaml"}
    both = {"descriptions/good.yaml", "descriptions/mixed.yaml"}
    assert paths_of(gitlab_issues(iwp, "descriptions")) == both
    assert paths_of(gitlab_issues(iwp, workdir / "descriptions" / "mixed.yaml")) == expected
    monkeypatch.chdir(workdir / "descriptions")
    assert paths_of(gitlab_issues(iwp, "mixed.yaml")) == expected
    assert paths_of(gitlab_issues(iwp, workdir / "descriptions")) == both


def test_gitlab_paths_outside_a_repository_are_relative_to_the_current_folder(iwp, workdir):
    assert not any((folder / ".git").exists() for folder in [workdir, *workdir.parents])
    expected = {"descriptions/mixed.yaml"}
    assert paths_of(gitlab_issues(iwp, workdir / "descriptions" / "mixed.yaml")) == expected
    assert paths_of(gitlab_issues(iwp, "./descriptions/mixed.yaml")) == expected
