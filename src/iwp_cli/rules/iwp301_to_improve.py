"""An open point to improve ("nog verbeteren").

The handbook marks what a team wants to improve in its next cycle with "(nog verbeteren)" or
"nog niet duidelijk hoe dit te realiseren". iwp lists each `status: to-improve` as information, so
that a team sees at a glance what its next semester should work on. It is not a problem to fix
now; it is the agenda of the next evaluation.

How to act: work on it in the next cycle, then remove the status. To keep the list out of CI
output, lower or ignore IWP301 in the configuration.

Listed::

    preconditions:
      - {text: Respecteren en naleven van regels en waarden, status: to-improve}
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.model import Status
from iwp_cli.rules.base import Hit, RuleContext

CODE = "IWP301"
NAME = "to-improve"
SEVERITY = Severity.INFO

STATUS = Status.TO_IMPROVE


def check(context: RuleContext) -> Iterator[Hit]:
    for path, status, text in context.open_points():
        if status is STATUS:
            yield Hit(path, {"text": text})
