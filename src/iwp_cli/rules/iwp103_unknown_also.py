"""`also` names a principle that the framework does not have.

The handbook's appendix: "Eén kenmerk van de IWP kan op meerdere ontwerpprincipes zijn
gebaseerd" (one feature can rest on more than one design principle). A feature lists those
other principles in `also`, by id. An id that is not a principle of the framework is usually
a typo, and the link it was meant to make is lost.

How to fix: write the id of an existing principle (the message suggests the closest and lists
them all; `iwp principles` shows them with their definitions).

Bad::

    - name: Alle deelnemers werken in één ruimte
      also: [community]

Good::

    - name: Alle deelnemers werken in één ruimte
      also: [learning-community]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, did_you_mean, feature_path

CODE = "IWP103"
NAME = "unknown-also"
SEVERITY = Severity.ERROR


def check(context: RuleContext) -> Iterator[Hit]:
    ids = context.framework.ids
    for principle_id, index, feature in context.features():
        for position, other in enumerate(feature.also):
            if other not in ids:
                yield Hit(
                    feature_path(principle_id, index, "also", position),
                    {
                        "principle": other,
                        "suggestion": did_you_mean(other, ids),
                        "allowed": ", ".join(ids),
                    },
                )
