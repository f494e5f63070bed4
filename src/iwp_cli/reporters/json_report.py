"""``--format json``: a stable document for scripts (its shape is documented in the README)."""

from __future__ import annotations

import json

from iwp_cli.checker import CheckRun
from iwp_cli.findings import Severity
from iwp_cli.reporters import ReportOptions
from iwp_cli.reporters.summary import per_code, summary_line

JSON_REPORT_VERSION = 1


def report(run: CheckRun, options: ReportOptions) -> str:
    counts = run.counts()
    document = {
        "version": JSON_REPORT_VERSION,
        "files": [result.path for result in run.results],
        "skipped": run.skipped,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "path": f.yaml_path,
                "message": f.message,
            }
            for f in run.findings
        ],
        "summary": {
            "files": len(run.results),
            "skipped": len(run.skipped),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "by_code": per_code(run),
            "text": summary_line(run, options.lang),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
