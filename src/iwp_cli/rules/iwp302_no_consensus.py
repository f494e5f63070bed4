"""An open point without consensus ("geen consensus").

The handbook marks effects on which the participants disagree with "geen consensus", for
example two effects that contradict each other ("IWP wordt ervaren als een bedrijf" and "IWP
wordt ervaren als school"). iwp lists each `status: no-consensus` as information, so that a
team sees which points its next evaluation should talk through. It is not a problem to fix now;
it is the agenda of the next cycle.

How to act: discuss it in the next evaluation, then remove the status or rewrite the effects.
To keep the list out of CI output, lower or ignore IWP302 in the configuration.

Listed::

    - name: Integratie van school- en werkcultuur
      status: no-consensus
      effects:
        - {text: IWP wordt ervaren als een bedrijf, who: [J, S]}
        - {text: IWP wordt ervaren als school, who: [J, S]}
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.model import Status
from iwp_cli.rules.base import Hit, RuleContext

CODE = "IWP302"
NAME = "no-consensus"
SEVERITY = Severity.INFO

STATUS = Status.NO_CONSENSUS


def check(context: RuleContext) -> Iterator[Hit]:
    for path, status, text in context.open_points():
        if status is STATUS:
            yield Hit(path, {"text": text})
