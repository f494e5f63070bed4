"""``--format text`` (the default): each finding with its place, code, message and source line.

Text from a description is escaped (`iwp_cli.terminal.printable`), and a long source line is cut
to a window around the column, so that a 1 MB line with a thousand findings stays a small report.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from iwp_cli.checker import CheckRun
from iwp_cli.findings import FileResult, Finding, Severity
from iwp_cli.reporters import ReportOptions
from iwp_cli.reporters.summary import severity_word, statistics_lines, summary_line
from iwp_cli.terminal import printable, window

#: Most characters of a source line shown under a finding.
WINDOW = 120

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def report(run: CheckRun, options: ReportOptions) -> str:
    color, width = options.color, options.width
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=width,
        highlight=False,
        emoji=False,
    )
    for result in run.results:
        for finding in result.findings:
            console.print(_finding(finding, options.lang), soft_wrap=True)
            source = _source(result, finding)
            if source is not None:
                console.print(source, soft_wrap=True)
    if options.statistics:
        for line in statistics_lines(run, options.lang):
            console.print(Text(line), soft_wrap=True)
    worst = run.worst()
    style = _STYLE[worst] if worst is not None else "green"
    console.print(Text(summary_line(run, options.lang), style=style), soft_wrap=True)
    return buffer.getvalue()


def _finding(finding: Finding, lang: str) -> Text:
    return Text.assemble(
        (f"{printable(finding.file)}:{finding.line}:{finding.column}", "bold"),
        ": ",
        (finding.code, _STYLE[finding.severity]),
        " ",
        (severity_word(finding.severity, lang), _STYLE[finding.severity]),
        ": ",
        printable(finding.message),
        (f"  [{printable(finding.yaml_path)}]" if finding.yaml_path else "", "dim"),
    )


def _source(result: FileResult, finding: Finding) -> Text | None:
    """The line itself with a caret under the column, as a compiler shows it; a line longer
    than `WINDOW` is shown as a window of that many characters around the column."""
    line = result.lines.get(finding.line)
    if line is None:
        return None
    gutter = f"{finding.line:>5} | "
    shown, offset = window(line.replace("\t", " "), finding.column, WINDOW)
    caret = " " * (len(gutter) - 2) + "| " + " " * offset + "^"
    return Text.assemble((gutter, "dim"), shown, "\n", (caret, _STYLE[finding.severity]))
