"""The CI reports against the schemas of the tools that read them: Jenkins' xunit XSD for JUnit,
GitLab's own parser schema for Code Quality, and the OASIS schema for SARIF.

The schemas are third-party files kept next to the project (`conftest.VALIDATORS`); a missing
one fails the test rather than skipping it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, MINIMAL, ROOT, VALIDATORS, node_package
from iwp_cli.reporters import REPORTERS

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


def gitlab_errors(issues: object) -> list[str]:
    """What GitLab's parser schema says of each issue of a Code Quality report."""
    import jsonschema

    schema = json.loads(validator("gitlab-codequality.schema.json").read_text(encoding="utf-8"))
    if not isinstance(issues, list):
        return ["the report is not a JSON array"]
    checker = jsonschema.Draft7Validator(schema)
    return [
        f"[{n}] {e.message}" for n, issue in enumerate(issues) for e in checker.iter_errors(issue)
    ]


def gitlab_issues(iwp, *args: str | Path) -> list[dict[str, object]]:
    result = iwp("check", *args, "--format", "gitlab")
    assert result.exit_code == 1, result.stderr
    issues = json.loads(result.stdout)
    assert issues and gitlab_errors(issues) == []
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


# SARIF


def sarif_errors(document: object) -> list[str]:
    import jsonschema

    schema = json.loads(validator("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in checker.iter_errors(document)]


def sarif(iwp, *args: str | Path, lang: str = "en") -> dict[str, Any]:
    result = iwp("check", *args, "--format", "sarif", "--lang", lang)
    assert result.exit_code in {0, 1}, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    assert sarif_errors(document) == []
    return document


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_sarif_is_valid_against_the_oasis_schema(iwp, workdir, lang):
    sarif(iwp, "descriptions", lang=lang)
    sarif(iwp, EXAMPLES, lang=lang)


def test_sarif_findings_at_one_spot_have_distinct_line_hashes(iwp, workdir):
    (run,) = sarif(iwp, "descriptions")["runs"]
    results = run["results"]
    missing = [
        r
        for r in results
        if r["ruleId"] == "IWP101"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("mixed.yaml")
    ]
    spots = {
        (
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in missing
    }
    assert len(missing) == 6 and len(spots) == 1, "six principles missing, all at `principles:`"
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]
    assert len(set(hashes)) == len(hashes)
    again = sarif(iwp, "descriptions")["runs"][0]["results"]
    assert [r["partialFingerprints"]["primaryLocationLineHash"] for r in again] == hashes


def test_sarif_names_where_to_learn_about_iwp(iwp, workdir):
    driver = sarif(iwp, "descriptions")["runs"][0]["tool"]["driver"]
    assert re.fullmatch(r"https://\S+", driver["informationUri"])
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert driver["informationUri"] == project["urls"]["Homepage"]


def test_sarif_rule_documentation_follows_the_language(iwp, workdir):
    english = sarif(iwp, "descriptions", lang="en")["runs"][0]["tool"]["driver"]["rules"]
    dutch = sarif(iwp, "descriptions", lang="nl")["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in dutch] == [rule["id"] for rule in english]
    for nl, en in zip(dutch, english, strict=True):
        for part in ("fullDescription", "help"):
            assert nl[part]["text"] and nl[part]["text"] != en[part]["text"], (nl["id"], part)
        assert nl["help"]["markdown"] != en["help"]["markdown"]
    by_id = {rule["id"]: rule for rule in dutch}
    assert "kenmerk" in by_id["IWP101"]["fullDescription"]["text"]
    assert "feature" not in by_id["IWP101"]["fullDescription"]["text"]
    assert "nog verbeteren" in by_id["IWP301"]["help"]["text"]


def multitool_problems(path: Path) -> list[str]:
    """What the SARIF Multitool's `validate --rule-kind "Sarif;Gh"` (the SARIF rules and GitHub
    code scanning's upload rules) reports on ``path``: its warnings and errors."""
    package = node_package("@microsoft/sarif-multitool")
    # The package's bin.js runs the tool through a shell, which would split "Sarif;Gh" at the
    # semicolon; its main module names the platform's executable.
    resolved = subprocess.run(
        ["node", "-p", f"require({json.dumps(str(package))})"],
        capture_output=True,
        text=True,
        check=True,
    )
    executable = resolved.stdout.strip()
    log = path.with_suffix(".validation.sarif")
    done = subprocess.run(
        [executable, "validate", "--rule-kind", "Sarif;Gh", str(path), "--output", str(log)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "1 files scanned" in output, output
    return re.findall(r"^.*: (?:error|warning) \S+: .*$", output, flags=re.MULTILINE)


def test_sarif_passes_the_multitool_with_githubs_rules(iwp, workdir):
    for name, args in [("mixed.sarif", ["descriptions"]), ("examples.sarif", [EXAMPLES])]:
        result = iwp("check", *args, "--format", "sarif", "--output", name, "--lang", "nl")
        assert result.exit_code in {0, 1}, result.stderr
        assert multitool_problems(workdir / name) == [], name


# No descriptions yet (a new repository): every format writes its empty report.


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_writes_an_empty_report_when_there_is_nothing_to_check(
    iwp, tmp_path, monkeypatch, name
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "descriptions").mkdir()
    (tmp_path / "descriptions" / "README.md").write_text("# Beschrijvingen\n", encoding="utf-8")
    result = iwp("check", "descriptions", "--format", name, "--output", "report", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "iwp: no descriptions in descriptions: nothing to check" in result.stderr
    text = (tmp_path / "report").read_text(encoding="utf-8")
    if name == "sarif":
        document = json.loads(text)
        assert sarif_errors(document) == []
        assert document["runs"][0]["results"] == []
    elif name == "gitlab":
        assert json.loads(text) == []
    elif name == "junit":
        assert junit_errors(text) == []
        assert 'tests="0"' in text
    elif name == "json":
        assert json.loads(text)["files"] == []
    else:
        assert text.splitlines()[-1].startswith("0 files checked")
