"""``--format gitlab``: a GitLab Code Quality report, for ``artifacts:reports:codequality``.

A JSON array with one issue per finding. GitLab matches issues across pipelines by their
fingerprint, so the fingerprint leaves the line out: text moved up or down keeps its issue.
"""

from __future__ import annotations

import json

from iwp_cli.checker import CheckRun
from iwp_cli.findings import Severity
from iwp_cli.reporters import ReportOptions
from iwp_cli.reporters.fingerprint import fingerprints

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report(run: CheckRun, options: ReportOptions) -> str:
    findings = run.findings
    issues = [
        {
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[f.severity],
            "location": {"path": f.file, "lines": {"begin": max(f.line, 1)}},
        }
        for f, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
