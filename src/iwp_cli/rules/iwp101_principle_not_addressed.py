"""A principle of the framework is not addressed: it has no features.

The handbook's appendix asks, for each of the seven design principles, which features
(kenmerken) give it shape in practice. A principle without features is a blank in the form:
either the IWP has not yet thought about it, or what it does is not written down.

How to fix: describe at least one feature under the principle, or, when the IWP deliberately
leaves it aside, suppress the finding with a reason.

Bad (no features for `reflection`)::

    principles:
      reflection: {features: []}

Good::

    principles:
      reflection:
        features:
          - name: Beoordelen om van te leren
            effects: [{text: Nadenken over het geleerde, who: [J]}]
            preconditions: [Doelen stellen en reflecteren met een coach]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext

CODE = "IWP101"
NAME = "principle-not-addressed"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    principles = context.description.principles
    for info in context.framework.principles:
        entry = principles.get(info.id)
        if entry is None:
            yield Hit(("principles",), {"principle": info.id, "number": info.number}, on_key=True)
        elif not entry.features:
            yield Hit(
                ("principles", info.id), {"principle": info.id, "number": info.number}, on_key=True
            )
