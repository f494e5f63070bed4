"""Reporters turn a check run into text. Each is one function; the dict below is the registry
and also the list of choices for ``--format``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from iwp_cli.checker import CheckRun
from iwp_cli.reporters.json_report import report_json
from iwp_cli.reporters.text import report_text


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to report.

    Attributes:
        lang: Language of labels and the summary.
        color: Whether to colour the text output (a terminal that wants colour).
        width: Width of the text output, for wrapping the source lines shown.
    """

    lang: str = "en"
    color: bool = False
    width: int = 100


Reporter = Callable[[CheckRun, ReportOptions], str]

REPORTERS: dict[str, Reporter] = {
    "text": lambda run, options: report_text(
        run, lang=options.lang, color=options.color, width=options.width
    ),
    "json": lambda run, options: report_json(run, lang=options.lang),
}
