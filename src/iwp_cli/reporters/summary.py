"""The one-line summary of a run and the counts per code, shared by the reporters."""

from __future__ import annotations

from collections import Counter

from iwp_cli.checker import CheckRun
from iwp_cli.findings import Severity
from iwp_cli.i18n import message


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
    tail = message(
        "summary-counts",
        lang,
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
    )
    return f"{head}: {tail}"


def per_code(run: CheckRun) -> dict[str, int]:
    """How many findings of each code, sorted by code."""
    counts = Counter(finding.code for finding in run.findings)
    return dict(sorted(counts.items()))


def statistics_lines(run: CheckRun) -> list[str]:
    """``--statistics``: one line per code, such as ``    3  IWP301  info``."""
    severities = {finding.code: finding.severity.value for finding in run.findings}
    return [f"{count:5}  {code}  {severities[code]}" for code, count in per_code(run).items()]
