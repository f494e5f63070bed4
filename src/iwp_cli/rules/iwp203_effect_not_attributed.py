"""An effect is not attributed to any participant group (no `who`).

The handbook marks every effect with the participants it holds for: "(J)" for the junior
participants (students), "(S)" for the senior ones (teachers, educational advisers, people
from the professional field), "(J,S)" for both. Without that mark it is unclear whose
experience the effect describes, and the IWP cannot see whether every group learns ("Iedere
deelnemer leert, ieder op zijn eigen niveau").

How to fix: add `who` with the codes of the groups the effect holds for.

Bad::

    effects:
      - Nadenken over het geleerde

Good::

    effects:
      - {text: Nadenken over het geleerde, who: [J]}
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, feature_path

CODE = "IWP203"
NAME = "effect-not-attributed"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    for principle_id, index, feature in context.features():
        for position, effect in enumerate(feature.effects):
            if not effect.who:
                yield Hit(feature_path(principle_id, index, "effects", position))
