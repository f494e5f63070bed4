"""``--format junit``: JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure).

Each checked description is a test case named after its file. It fails when it has findings at or
above the ``--fail-on`` level; the failure lists them, and findings below that level go to the
case's ``system-out``. YAML files skipped as not descriptions are not test cases. The document is
valid against the JUnit schema of Jenkins' xunit plugin (``junit-10.xsd``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from iwp_cli.checker import CheckRun
from iwp_cli.findings import FileResult, Finding, Severity
from iwp_cli.i18n import counted
from iwp_cli.reporters import ReportOptions
from iwp_cli.reporters.summary import severity_word

SUITE = "iwp check"

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def report(run: CheckRun, options: ReportOptions) -> str:
    threshold = Severity(options.fail_on)
    cases = [_case(result, threshold, options.lang) for result in run.results]
    failures = sum(1 for case in cases if case.find("failure") is not None)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0"}
    # Jenkins' xunit schema allows `skipped` on a testsuite but not on testsuites.
    root = ET.Element("testsuites", {"name": "iwp", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts, "skipped": "0"})
    suite.extend(cases)
    ET.indent(root)
    # Bytes, so that the declaration names UTF-8 whatever the locale.
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data.decode("utf-8") + "\n"


def _case(result: FileResult, threshold: Severity, lang: str) -> ET.Element:
    case = ET.Element("testcase", {"classname": "iwp", "name": _xml(result.path)})
    failing = [f for f in result.findings if f.severity.rank >= threshold.rank]
    passing = [f for f in result.findings if f.severity.rank < threshold.rank]
    if failing:
        count = counted(len(failing), "finding", lang)
        failure = ET.SubElement(case, "failure", {"message": count, "type": "iwp"})
        failure.text = _lines(failing, lang)
    if passing:
        ET.SubElement(case, "system-out").text = _lines(passing, lang)
    return case


def _lines(findings: list[Finding], lang: str) -> str:
    return _xml(
        "\n".join(
            f"{f.file}:{f.line}:{f.column}: {f.code} {severity_word(f.severity, lang)}: {f.message}"
            for f in findings
        )
    )


def _xml(text: str) -> str:
    """``text`` without the characters XML cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("\ufffd", text)
