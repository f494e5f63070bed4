"""``--format gitlab``: a GitLab Code Quality report, for ``artifacts:reports:codequality``.

A JSON array with one issue per finding. GitLab matches issues across pipelines by their
fingerprint, so the fingerprint leaves the line out: text moved up or down keeps its issue. Paths
are relative to the repository root (`iwp_cli.reporters.paths`), from which GitLab builds its
links, however the user named the files.
"""

from __future__ import annotations

import json

from iwp_cli.checker import CheckRun
from iwp_cli.findings import Severity
from iwp_cli.reporters import ReportOptions
from iwp_cli.reporters.fingerprint import fingerprints
from iwp_cli.reporters.paths import from_root, repository_root

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report(run: CheckRun, options: ReportOptions) -> str:
    findings = run.findings
    root = repository_root()
    issues = [
        {
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[f.severity],
            "location": {"path": from_root(f.file, root), "lines": {"begin": max(f.line, 1)}},
        }
        for f, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
