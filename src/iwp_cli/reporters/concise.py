"""``--format concise``: one line per finding, ``path:line:col: CODE message``, for editors and
grep."""

from __future__ import annotations

from iwp_cli.checker import CheckRun
from iwp_cli.reporters import ReportOptions
from iwp_cli.reporters.summary import statistics_lines, summary_line
from iwp_cli.terminal import printable


def report(run: CheckRun, options: ReportOptions) -> str:
    lines = [
        f"{printable(f.file)}:{f.line}:{f.column}: {f.code} {printable(f.message)}"
        for f in run.findings
    ]
    if options.statistics:
        lines.extend(statistics_lines(run, options.lang))
    lines.append(summary_line(run, options.lang))
    return "\n".join(lines) + "\n"
