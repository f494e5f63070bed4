"""``--format github``: GitHub Actions workflow commands, which show each finding as an annotation
on the pull request, such as ``::error file=a.yaml,line=3,col=1,title=IWP020::unknown key``.
"""

from __future__ import annotations

from iwp_cli.checker import CheckRun
from iwp_cli.findings import Finding, Severity
from iwp_cli.reporters import ReportOptions
from iwp_cli.reporters.summary import summary_line

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report(run: CheckRun, options: ReportOptions) -> str:
    lines = [_command(finding) for finding in run.findings]
    lines.append(summary_line(run, options.lang))
    return "\n".join(lines) + "\n"


def _command(finding: Finding) -> str:
    properties = [("file", finding.file)]
    if finding.line > 0:
        properties.append(("line", str(finding.line)))
        if finding.column > 0:
            properties.append(("col", str(finding.column)))
    properties.append(("title", finding.code))
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{_COMMAND[finding.severity]} {listed}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    """A command's message, escaped as the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, and also ``:`` and ``,``, which end a value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
