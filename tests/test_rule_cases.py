"""Every rule's cases, as data: one YAML file per rule under tests/rules/ (sqlfluff's pattern).

A case file has the rule's ``code`` and a list of ``cases``, each with a ``name``, a complete
``description`` (YAML text), optionally ``today`` (the date to check against, default 2026-11-28)
and ``stale_after``, and ``expect``: the findings of that code only, as ``{line, column}`` with an
optional ``message`` fragment (English). Run one rule with ``pytest -k IWP201``.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from iwp_cli.catalogue import list_codes
from iwp_cli.config import FileSettings, Settings
from iwp_cli.findings import Finding
from iwp_cli.framework import builtin_framework
from iwp_cli.lint import lint
from iwp_cli.loader import load_text
from iwp_cli.rules import RULES
from iwp_cli.yamlreader import read_yaml

CASES_DIR = Path(__file__).parent / "rules"
DEFAULT_TODAY = datetime.date(2026, 11, 28)


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("IWP*.yaml")):
        document = read_yaml(path.read_text(encoding="utf-8")).document
        assert document is not None, path
        code = document.data["code"]
        assert path.stem == code, f"{path.name} holds cases of {code}"
        for case in document.data["cases"]:
            params.append(pytest.param(code, case, id=f"{code}_{case['name']}"))
    return params


def run_rule(code: str, case: dict[str, Any], lang: str = "en") -> list[Finding]:
    loaded = load_text(case["description"], shown=case.get("shown", "case.yaml"), lang=lang)
    assert loaded.description is not None and loaded.document is not None, loaded.findings
    today = case.get("today", DEFAULT_TODAY)
    if isinstance(today, str):
        today = datetime.date.fromisoformat(today)
    settings = FileSettings(stale_after=case.get("stale_after", Settings().base.stale_after))
    findings = lint(
        loaded.description,
        loaded.document,
        file="case.yaml",
        framework=builtin_framework(),
        known_frameworks=("cremers-2016",),
        settings=settings,
        today=today,
        lang=lang,
    )
    return [finding for finding in findings if finding.code == code]


@pytest.mark.parametrize(("code", "case"), _load_cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    findings = run_rule(code, case)
    expected = case.get("expect") or []
    assert [(f.line, f.column) for f in findings] == [(e["line"], e["column"]) for e in expected]
    for finding, wanted in zip(findings, expected, strict=True):
        assert finding.severity is RULES[code].severity
        if "message" in wanted:
            assert wanted["message"] in finding.message
    dutch = run_rule(code, case, lang="nl")
    assert [(f.line, f.column) for f in dutch] == [(f.line, f.column) for f in findings]


def test_every_rule_has_cases_that_pass_and_fail() -> None:
    by_code: dict[str, list[dict[str, Any]]] = {}
    for param in _load_cases():
        code, case = param.values
        by_code.setdefault(code, []).append(case)
    assert sorted(by_code) == sorted(RULES)
    for code, cases in by_code.items():
        assert any(not c.get("expect") for c in cases), f"{code} has no passing case"
        assert any(c.get("expect") for c in cases), f"{code} has no failing case"


def test_every_rule_is_documented() -> None:
    for code, info in RULES.items():
        doc = info.doc
        assert len(doc.splitlines()) >= 5, code
        assert "Bad" in doc or "Listed" in doc, f"{code} shows no example"


@pytest.mark.parametrize(("code", "case"), _load_cases())
def test_rule_case_in_the_markdown_form(code: str, case: dict[str, Any]) -> None:
    """The same case converted to Markdown gets the same findings, on the lines where the
    converted text stands."""
    from iwp_cli.convert import convert

    yaml_findings = run_rule(code, case)
    markdown = convert(load_text(case["description"], shown="case.yaml"), "md")
    loaded = load_text(markdown, shown="case.md")
    assert loaded.description is not None and loaded.document is not None, loaded.findings
    found = run_rule(code, {**case, "description": markdown, "shown": "case.md"})
    # The codes are the same; a rule that reports the second of two things may point at the
    # other one, since the Markdown form always writes B before C.
    assert [f.code for f in found] == [f.code for f in yaml_findings]
    for finding in found:
        assert finding.line == loaded.document.position(_path_of(finding.yaml_path))[0]


def _path_of(text: str) -> tuple[str | int, ...]:
    """``principles.x.features[2].name`` as a path tuple."""
    path: list[str | int] = []
    for part in text.replace("[", ".[").split("."):
        if part.startswith("["):
            path.append(int(part[1:-1]))
        elif part:
            path.append(part)
    return tuple(path)


def test_every_code_is_documented_in_both_languages() -> None:
    english, dutch = list_codes("en"), list_codes("nl")
    for en, nl in zip(english, dutch, strict=True):
        assert en.doc and nl.doc and en.doc != nl.doc, en.code
        assert ("Bad" in en.doc) == ("Fout" in nl.doc), en.code
        assert ("Listed" in en.doc) == ("Gemeld" in nl.doc), en.code
        assert en.doc.count("::") == nl.doc.count("::"), f"{en.code}: not the same examples"
