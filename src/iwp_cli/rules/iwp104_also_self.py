"""`also` names the feature's own principle.

`also` lists the *other* design principles a feature rests on ("Eén kenmerk van de IWP kan op
meerdere ontwerpprincipes zijn gebaseerd"). The principle the feature is written under is its
own already; naming it again in `also` adds nothing and often hides a slip: the principle that
was meant is missing.

How to fix: remove the feature's own principle from `also`, or replace it with the other
principle that was meant.

Bad (under `supportive-organisation`)::

    supportive-organisation:
      features:
        - name: Alle deelnemers werken in één ruimte
          also: [supportive-organisation]

Good::

    supportive-organisation:
      features:
        - name: Alle deelnemers werken in één ruimte
          also: [learning-community]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, feature_path

CODE = "IWP104"
NAME = "also-self"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    for principle_id, index, feature in context.features():
        for position, other in enumerate(feature.also):
            if other == principle_id:
                yield Hit(
                    feature_path(principle_id, index, "also", position),
                    {"principle": principle_id},
                )
