"""The CI reports against the schemas of the tools that read them: Jenkins' xunit XSD for JUnit,
GitLab's own parser schema for Code Quality, and the OASIS schema for SARIF.

The schemas are third-party files kept next to the project (`conftest.VALIDATORS`); a missing
one fails the test rather than skipping it.
"""

from __future__ import annotations

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
