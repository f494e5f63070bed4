"""Reporters turn a check run into text.

Each reporter is a module with ``report(run, options) -> str``. The dict below is the registry and
the list of ``--format`` choices; it names modules instead of importing them, so that the command
line starts without loading every reporter.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iwp_cli.checker import CheckRun

#: ``--format`` name to the module that implements it.
REPORTERS: dict[str, str] = {
    "text": "iwp_cli.reporters.text",
    "concise": "iwp_cli.reporters.concise",
    "json": "iwp_cli.reporters.json_report",
    "sarif": "iwp_cli.reporters.sarif",
    "github": "iwp_cli.reporters.github",
    "gitlab": "iwp_cli.reporters.gitlab",
    "junit": "iwp_cli.reporters.junit",
}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to report.

    Attributes:
        lang: Language of labels and the summary.
        color: Whether to colour the text output (a terminal that wants colour).
        width: Width of the text output.
        statistics: Add the number of findings per code (text and concise formats).
        fail_on: The lowest severity that fails the run (``error``, ``warning`` or ``info``), for
            formats that mark files as failed (JUnit).
    """

    lang: str = "en"
    color: bool = False
    width: int = 100
    statistics: bool = False
    fail_on: str = "error"


def get_reporter(name: str) -> Callable[[CheckRun, ReportOptions], str]:
    """The ``report`` function of the format ``name`` (one of `REPORTERS`)."""
    module = importlib.import_module(REPORTERS[name])
    report: Callable[[CheckRun, ReportOptions], str] = module.report
    return report
