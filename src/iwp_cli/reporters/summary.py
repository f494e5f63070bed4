"""The one-line summary of a run and the counts per code, shared by the reporters."""

from __future__ import annotations

from collections import Counter

from iwp_cli.checker import CheckRun
from iwp_cli.findings import Severity
from iwp_cli.i18n import message, severity_counts


def summary_line(run: CheckRun, lang: str) -> str:
    """Such as ``2 files checked, 1 other YAML file skipped: 3 errors, 0 warnings, 1 info``."""
    files, skipped = len(run.results), len(run.skipped)
    head = message(
        "summary-files",
        lang,
        files=files,
        files_word=message("file-one" if files == 1 else "file-many", lang),
        skipped=skipped,
        skipped_word=message("file-one" if skipped == 1 else "file-many", lang),
    )
    counts = run.counts()
    if not counts:
        return f"{head}: {message('all-good', lang)}"
    errors, warnings, infos = (counts[severity] for severity in _ORDER)
    tail = severity_counts(errors, warnings, infos, lang)
    return f"{head}: {tail}"


_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def severity_word(severity: Severity, lang: str) -> str:
    """The severity as the reports name it: "fout", "waarschuwing", "info"; "error" …"""
    return message(f"severity-{severity.value}", lang)


def per_code(run: CheckRun) -> dict[str, int]:
    """How many findings of each code, sorted by code."""
    counts = Counter(finding.code for finding in run.findings)
    return dict(sorted(counts.items()))


def statistics_lines(run: CheckRun, lang: str) -> list[str]:
    """``--statistics``: one line per code, such as ``    3  IWP301  info``."""
    severities = {finding.code: severity_word(finding.severity, lang) for finding in run.findings}
    return [f"{count:5}  {code}  {severities[code]}" for code, count in per_code(run).items()]
