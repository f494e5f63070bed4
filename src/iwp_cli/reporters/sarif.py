"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run: the tool with every code iwp has as a rule (title, documentation in the run's language,
default level), and one result per finding. Each result carries its own
``primaryLocationLineHash``: GitHub code scanning merges results of one rule whose line hashes
agree, and several findings can share a line (every principle missing is reported at
``principles:``), so the hash is iwp's fingerprint of the finding rather than of the line.

Paths stay as the user gave them, as URI references: relative paths (what CI passes) stay
relative to the directory iwp ran in, which GitHub reads as the repository root.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from iwp_cli import HOMEPAGE, __version__
from iwp_cli.catalogue import CodeEntry, list_codes
from iwp_cli.checker import CheckRun
from iwp_cli.findings import Finding
from iwp_cli.reporters import ReportOptions
from iwp_cli.reporters.fingerprint import fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The key of our partial fingerprint; bump the version when the hash changes.
FINGERPRINT_KEY = "iwpFindingHash/v1"
#: The partial fingerprint GitHub code scanning matches alerts by. upload-sarif keeps a value it
#: finds (and logs that it differs from the hash it would compute from the line).
LINE_HASH_KEY = "primaryLocationLineHash"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def report(run: CheckRun, options: ReportOptions) -> str:
    rules = list_codes(options.lang)
    index = {entry.code: number for number, entry in enumerate(rules)}
    findings = run.findings
    results = [
        _result(finding, index.get(finding.code), fingerprint)
        for finding, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "iwp",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": [_rule(entry) for entry in rules],
                    }
                },
                "language": options.lang,
                # Our columns count characters, not the UTF-16 code units SARIF assumes.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _rule(entry: CodeEntry) -> dict[str, Any]:
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.title},
        # The opening paragraph, unwrapped: GitHub shows it under the title.
        "fullDescription": {"text": " ".join(entry.doc.split("\n\n", 1)[0].split())},
        "help": {"text": entry.doc, "markdown": _markdown(entry.doc)},
        "defaultConfiguration": {"level": _LEVEL[entry.severity]},
    }


def _markdown(doc: str) -> str:
    """The documentation as Markdown: it is already, except for reStructuredText's ``::`` before
    an indented example (which Markdown shows as code as it is)."""
    return "\n".join(_literal_marker(line) for line in doc.splitlines())


def _literal_marker(line: str) -> str:
    if not line.endswith("::"):
        return line
    text = line[:-2].rstrip()
    return f"{text}:" if text else ""


def _result(finding: Finding, rule_index: int | None, fingerprint: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.file)}}
    if finding.line > 0:
        region = {"startLine": finding.line}
        if finding.column > 0:
            region["startColumn"] = finding.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.yaml_path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.yaml_path}]
    result: dict[str, Any] = {"ruleId": finding.code}
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    result.update(
        level=_LEVEL[finding.severity.value],
        message={"text": finding.message},
        locations=[location],
        partialFingerprints={FINGERPRINT_KEY: fingerprint, LINE_HASH_KEY: fingerprint},
    )
    return result


def artifact_uri(path: str) -> str:
    """``path`` as a URI reference: forward slashes, percent-encoded; ``file:`` when absolute.

    >>> artifact_uri("descriptions/zorg lab.yaml")
    'descriptions/zorg%20lab.yaml'
    """
    given = Path(path)
    if given.is_absolute():
        return given.as_uri()
    # quote() also encodes ':', which in a first segment would read as a scheme.
    return quote(given.as_posix(), safe="/", errors="surrogateescape")
