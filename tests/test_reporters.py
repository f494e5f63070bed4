"""The CI formats as their consumers read them: SARIF through sarif-tools, JUnit through
junitparser, GitHub workflow commands and GitLab Code Quality as the exact text CI gets.

Most tests run `iwp check` on real files, from the directory that holds them, as CI runs it from
the repository root with relative paths. What the lint rules find is taken from `--format json`,
so that the tests hold while rules are added; the findings named below are the fixed points.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml
from sarif import loader

from conftest import MINIMAL
from iwp_cli import __version__
from iwp_cli.catalogue import list_codes
from iwp_cli.checker import CheckRun
from iwp_cli.findings import FileResult, Finding, Severity
from iwp_cli.reporters import ReportOptions, get_reporter

#: MINIMAL with an error (a duplicate key), warnings (six principles without features) and
#: information (a precondition still to improve).
MIXED = MINIMAL.replace("date: 2026-09-01", "date: 2026-09-01\nname: Tweede naam").replace(
    "preconditions: []", "preconditions: [{text: Een coach, status: to-improve}]"
)
DUPLICATE = (
    "IWP003",
    "error",
    4,
    1,
    "key `name` appears twice in this mapping (first on line 2); keep one",
)
TO_IMPROVE = ("IWP301", "info", 18, 25, "to improve in the next cycle: Een coach")
PRINCIPLES_LINE = 13

FORMATS = ("sarif", "github", "gitlab", "junit")
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """Run from tmp_path, so that `iwp` sees the relative paths CI passes."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def mixed(workdir):
    (workdir / "mixed.yaml").write_text(MIXED, encoding="utf-8")
    return "mixed.yaml"


def findings_of(iwp, *args):
    """The findings as the json format reports them: (code, severity, file, line, column,
    message)."""
    report = json.loads(iwp("check", *args, "--format", "json", "--lang", "en").stdout)
    return [
        (f["code"], f["severity"], f["file"], f["line"], f["column"], f["message"])
        for f in report["findings"]
    ]


def test_the_mixed_file_has_the_findings_these_tests_rely_on(iwp, mixed):
    found = findings_of(iwp, mixed)
    rows = {
        (code, severity, line, column, message)
        for code, severity, _, line, column, message in found
    }
    assert DUPLICATE in rows
    assert TO_IMPROVE in rows
    principles = [f for f in found if f[0] == "IWP101"]
    assert len(principles) == 6
    assert {f[3] for f in principles} == {PRINCIPLES_LINE}


# SARIF


def sarif_document(iwp, *args, lang="en"):
    result = iwp("check", *args, "--format", "sarif", "--lang", lang)
    return json.loads(result.stdout)


def test_sarif_is_read_back_by_sarif_tools(iwp, mixed, workdir):
    result = iwp("check", mixed, "--format", "sarif", "--output", "x.sarif", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (workdir / "x.sarif").is_file()

    sarif_file = loader.load_sarif_file(str(workdir / "x.sarif"))
    expected = findings_of(iwp, mixed)
    assert sarif_file.get_distinct_tool_names() == ["iwp"]
    assert sarif_file.get_result_count() == len(expected)
    issues = sarif_file.get_report()
    for severity, sarif_level in SARIF_LEVEL.items():
        count = sum(1 for f in expected if f[1] == severity)
        assert issues.get_issue_count_for_severity(sarif_level) == count, severity
    records = [
        (r["Code"], r["Severity"], r["Location"], int(r["Line"]), r["Description"])
        for r in sarif_file.get_records()
    ]
    assert records == [(c, SARIF_LEVEL[s], file, line, m) for c, s, file, line, _, m in expected]
    assert ("IWP003", "error", "mixed.yaml", 4, DUPLICATE[4]) in records
    assert ("IWP301", "note", "mixed.yaml", 18, TO_IMPROVE[4]) in records

    run = sarif_file.runs[0]
    rule = run.get_rules_by_id("IWP101")[0]
    assert rule["name"] == "principle-not-addressed"
    assert rule["defaultConfiguration"] == {"level": "warning"}
    assert "How to fix" in rule["help"]["text"]


def test_sarif_structure(iwp, mixed):
    document = sarif_document(iwp, mixed)
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "iwp"
    assert driver["version"] == __version__
    catalogue = list_codes("en")
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == [entry.code for entry in catalogue]
    for rule, entry in zip(rules, catalogue, strict=True):
        assert rule["name"] == entry.name
        assert rule["shortDescription"]["text"] == entry.title
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] == entry.doc
        assert rule["help"]["markdown"]
        assert "::" not in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] == SARIF_LEVEL[entry.severity]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        (location,) = result["locations"]
        assert location["physicalLocation"]["region"]["startLine"] >= 1
        assert location["physicalLocation"]["artifactLocation"]["uri"] == "mixed.yaml"
        assert result["partialFingerprints"]["iwpFindingHash/v1"]
    fingerprints = [r["partialFingerprints"]["iwpFindingHash/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)
    duplicate = next(r for r in run["results"] if r["ruleId"] == "IWP003")
    assert duplicate["locations"][0]["logicalLocations"] == [{"fullyQualifiedName": "name"}]


_TEXT_LINE = re.compile(r"^(\S+):(\d+):(\d+): (IWP\d+) (error|warning|info): ")


def test_sarif_lines_match_the_text_report(iwp, mixed):
    text = iwp("check", mixed, "--lang", "en").stdout
    shown = [m.groups() for m in map(_TEXT_LINE.match, text.splitlines()) if m]
    from_text = [
        (file, int(line), int(col), code, SARIF_LEVEL[sev]) for file, line, col, code, sev in shown
    ]
    results = sarif_document(iwp, mixed)["runs"][0]["results"]
    from_sarif = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["ruleId"],
            r["level"],
        )
        for r in results
    ]
    assert from_sarif == from_text
    assert len(from_sarif) >= 8


def test_sarif_uris_are_percent_encoded_relative_references(iwp, workdir):
    folder = workdir / "werk plaatsen"
    folder.mkdir()
    (folder / "zorg%lab é.yaml").write_text(MIXED, encoding="utf-8")
    (run,) = sarif_document(iwp, "werk plaatsen")["runs"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"werk%20plaatsen/zorg%25lab%20%C3%A9.yaml"}


def test_sarif_absolute_paths_are_file_uris(iwp, workdir):
    path = workdir / "mixed.yaml"
    path.write_text(MIXED, encoding="utf-8")
    (run,) = sarif_document(iwp, path)["runs"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {path.as_uri()}


def test_sarif_rules_follow_the_language(iwp, mixed):
    (run,) = sarif_document(iwp, mixed, lang="nl")["runs"]
    assert run["language"] == "nl"
    titles = {
        rule["id"]: rule["shortDescription"]["text"] for rule in run["tool"]["driver"]["rules"]
    }
    assert titles["IWP001"] == "geen geldige YAML"


# A finding without a place in the file (line 0), in every format.

NOWHERE = CheckRun(
    results=[
        FileResult(
            "big.yaml",
            [Finding("IWP008", Severity.ERROR, "big.yaml", 0, 0, "the file is too large")],
        )
    ]
)


def render(run: CheckRun, name: str, **options: str) -> str:
    return get_reporter(name)(run, ReportOptions(lang="en", **options))


def test_a_finding_on_line_zero_has_no_region():
    (result,) = json.loads(render(NOWHERE, "sarif"))["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "big.yaml"}}
    assert render(NOWHERE, "github").splitlines()[0] == (
        "::error file=big.yaml,title=IWP008::the file is too large"
    )
    (issue,) = json.loads(render(NOWHERE, "gitlab"))
    assert issue["location"] == {"path": "big.yaml", "lines": {"begin": 1}}
    case = next(iter(next(iter(JUnitXml.fromstring(render(NOWHERE, "junit").encode())))))
    assert case.result[0].text == "big.yaml:0:0: IWP008 error: the file is too large"


@pytest.mark.parametrize("name", FORMATS)
def test_same_input_same_bytes(iwp, mixed, name):
    first = iwp("check", mixed, "--format", name, "--lang", "en")
    second = iwp("check", mixed, "--format", name, "--lang", "en")
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout
    assert first.stdout.endswith("\n")


# JUnit

WARNINGS_ONLY = MINIMAL
CI_WORKFLOW = "jobs: {test: {runs-on: ubuntu}}\n"


@pytest.fixture
def suite_dir(workdir):
    """A directory with a failing description, a warning-only one and a workflow file."""
    folder = workdir / "descriptions"
    folder.mkdir()
    (folder / "mixed.yaml").write_text(MIXED, encoding="utf-8")
    (folder / "warnings.yaml").write_text(WARNINGS_ONLY, encoding="utf-8")
    (folder / "ci.yaml").write_text(CI_WORKFLOW, encoding="utf-8")
    return "descriptions"


def junit(iwp, *args):
    result = iwp("check", *args, "--format", "junit", "--output", "report.xml", "--lang", "en")
    xml = JUnitXml.fromfile("report.xml")
    return result, xml, Path("report.xml").read_text(encoding="utf-8")


def test_junit_is_read_back_by_junitparser(iwp, suite_dir):
    expected = findings_of(iwp, suite_dir)
    worst = {f[2]: f[1] for f in expected if f[1] != "info"}
    assert worst["descriptions/warnings.yaml"] == "warning", "warnings.yaml must have no error"

    result, xml, text = junit(iwp, suite_dir)
    assert result.exit_code == 1
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n<testsuites")
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (2, 1, 0, 0)
    (suite,) = list(xml)
    assert suite.name == "iwp check"
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (2, 1, 0, 0)
    cases = {case.name: case for case in suite}
    assert set(cases) == {"descriptions/mixed.yaml", "descriptions/warnings.yaml"}
    assert {case.classname for case in suite} == {"iwp"}

    failing = cases["descriptions/mixed.yaml"]
    assert not failing.is_passed
    (failure,) = failing.result
    assert isinstance(failure, Failure)
    errors = [f for f in expected if f[2] == "descriptions/mixed.yaml" and f[1] == "error"]
    assert failure.message == ("1 finding" if len(errors) == 1 else f"{len(errors)} findings")
    assert failure.type == "iwp"
    code, severity, line, column, message = DUPLICATE
    assert f"descriptions/mixed.yaml:{line}:{column}: {code} {severity}: {message}" in (
        failure.text.splitlines()
    )
    out = failing.system_out.splitlines()
    code, severity, line, column, message = TO_IMPROVE
    assert f"descriptions/mixed.yaml:{line}:{column}: {code} {severity}: {message}" in out
    assert sum(1 for row in out if " IWP101 warning: " in row) == 6
    assert not any(" error: " in row for row in out)

    passing = cases["descriptions/warnings.yaml"]
    assert passing.is_passed
    below = [f for f in expected if f[2] == "descriptions/warnings.yaml"]
    assert len(passing.system_out.splitlines()) == len(below)


def test_junit_fail_on_warning_fails_a_warning_only_file(iwp, workdir):
    (workdir / "warnings.yaml").write_text(WARNINGS_ONLY, encoding="utf-8")
    expected = findings_of(iwp, "warnings.yaml")
    warnings = [f for f in expected if f[1] == "warning"]
    assert warnings
    assert not [f for f in expected if f[1] == "error"]

    result, xml, _ = junit(iwp, "warnings.yaml")
    assert result.exit_code == 0
    assert xml.failures == 0
    (case,) = list(next(iter(xml)))
    assert case.is_passed

    result, xml, _ = junit(iwp, "warnings.yaml", "--fail-on", "warning")
    assert result.exit_code == 1
    assert xml.failures == 1
    (case,) = list(next(iter(xml)))
    (failure,) = case.result
    assert failure.message == f"{len(warnings)} findings"
    lines = failure.text.splitlines()
    assert len(lines) == len(warnings)
    assert all(" warning: " in line for line in lines)
    assert "warnings.yaml:12:1: IWP101 warning: principle 2 `learning-community` has no " in (
        failure.text
    )


def test_junit_without_descriptions_has_no_cases(iwp, workdir):
    (workdir / "ci.yaml").write_text(CI_WORKFLOW, encoding="utf-8")
    result, xml, _ = junit(iwp, ".")
    assert result.exit_code == 0
    assert xml.tests == 0
    assert [list(suite) for suite in xml] == [[]]


# GitHub


def test_github_lines(iwp, mixed):
    result = iwp("check", mixed, "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "::error file=mixed.yaml,line=4,col=1,title=IWP003::"
        "key `name` appears twice in this mapping (first on line 2); keep one"
    ) in lines
    assert (
        "::notice file=mixed.yaml,line=18,col=25,title=IWP301::"
        "to improve in the next cycle: Een coach"
    ) in lines
    assert (
        "::warning file=mixed.yaml,line=13,col=1,title=IWP101::"
        "principle 7 `embedding` has no features; describe how the IWP gives it shape"
    ) in lines
    expected = findings_of(iwp, mixed)
    assert len(lines) == len(expected) + 1
    summary = iwp("check", mixed, "--format", "concise", "--lang", "en").stdout.splitlines()[-1]
    assert lines[-1] == summary
    assert summary.startswith("1 file checked")


def test_github_escaping():
    run = CheckRun(
        results=[
            FileResult(
                "dir,x/a:b%.yaml",
                [
                    Finding(
                        "IWP020",
                        Severity.WARNING,
                        "dir,x/a:b%.yaml",
                        3,
                        5,
                        "100% wrong, see: %0A\r\nsecond line",
                    ),
                    Finding("IWP301", Severity.INFO, "dir,x/a:b%.yaml", 0, 0, "a: b, c"),
                ],
            )
        ]
    )
    lines = render(run, "github").splitlines()
    assert lines[0] == (
        "::warning file=dir%2Cx/a%3Ab%25.yaml,line=3,col=5,title=IWP020::"
        "100%25 wrong, see: %250A%0D%0Asecond line"
    )
    assert lines[1] == "::notice file=dir%2Cx/a%3Ab%25.yaml,title=IWP301::a: b, c"
    assert lines[2].startswith("1 file checked")
    assert len(lines) == 3


# GitLab


def gitlab(iwp, *args):
    result = iwp("check", *args, "--format", "gitlab", "--lang", "en")
    return result, json.loads(result.stdout)


def test_gitlab_code_quality_report(iwp, mixed):
    result, issues = gitlab(iwp, mixed)
    assert result.exit_code == 1
    assert result.stdout == json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
    expected = findings_of(iwp, mixed)
    assert len(issues) == len(expected)
    severity = {"error": "major", "warning": "minor", "info": "info"}
    for issue, (code, sev, file, line, _, message) in zip(issues, expected, strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == code
        assert issue["description"] == f"{code} {message}"
        assert issue["severity"] == severity[sev]
        assert issue["location"] == {"path": file, "lines": {"begin": line}}
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
    by_code = {issue["check_name"]: issue["severity"] for issue in issues}
    assert (by_code["IWP003"], by_code["IWP101"], by_code["IWP301"]) == ("major", "minor", "info")


def test_gitlab_fingerprints_are_unique_and_survive_moved_lines(iwp, mixed, workdir):
    _, first = gitlab(iwp, mixed)
    _, again = gitlab(iwp, mixed)
    fingerprints = [issue["fingerprint"] for issue in first]
    assert len(set(fingerprints)) == len(fingerprints)
    assert [issue["fingerprint"] for issue in again] == fingerprints

    (workdir / mixed).write_text("# Zorglab, herzien\n" + MIXED, encoding="utf-8")
    _, moved = gitlab(iwp, mixed)
    assert [issue["fingerprint"] for issue in moved] == fingerprints
    begins = [issue["location"]["lines"]["begin"] for issue in first]
    assert [issue["location"]["lines"]["begin"] for issue in moved] == [b + 1 for b in begins]


def test_gitlab_identical_findings_get_distinct_stable_fingerprints():
    finding = Finding("IWP205", Severity.WARNING, "a.yaml", 7, 3, "feature twice", "principles")
    once = CheckRun(results=[FileResult("a.yaml", [finding])])
    twice = CheckRun(results=[FileResult("a.yaml", [finding, finding])])
    (single,) = json.loads(render(once, "gitlab"))
    first, second = json.loads(render(twice, "gitlab"))
    assert first["fingerprint"] == single["fingerprint"]
    assert second["fingerprint"] != first["fingerprint"]
    assert json.loads(render(twice, "gitlab")) == [first, second]
