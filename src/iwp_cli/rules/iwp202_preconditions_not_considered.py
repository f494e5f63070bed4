"""A feature's preconditions have not been considered yet (`preconditions` is absent).

The third column of the handbook's tables, Randvoorwaarde(n), says what a feature needs to
work. Where nothing is needed the handbook writes "-" in that column. The format keeps the two
apart: `preconditions: []` is that "-" (considered, none needed), while a feature without the
key has not been looked at yet.

How to fix: list what the feature needs, or write `preconditions: []` when it needs nothing.

Bad::

    - name: Senior en junior medewerkers als collega's
      effects: [{text: Elkaar meer serieus nemen, who: [J, S]}]

Good::

    - name: Senior en junior medewerkers als collega's
      effects: [{text: Elkaar meer serieus nemen, who: [J, S]}]
      preconditions: []
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, feature_path

CODE = "IWP202"
NAME = "preconditions-not-considered"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    for principle_id, index, feature in context.features():
        if feature.preconditions is None:
            yield Hit(feature_path(principle_id, index), {"feature": feature.name})
