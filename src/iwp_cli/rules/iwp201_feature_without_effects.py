"""A feature has no effects.

In the handbook's tables every feature (Kenmerk) comes with its Effect(en): what it brings about
in the participants' experience, marked "(J)", "(S)" or "(J,S)" for whom. A feature without
effects says how the IWP is shaped, but not why that matters; it cannot be evaluated in the
next cycle.

How to fix: describe at least one effect, and for whom it holds (`who`).

Bad::

    - name: Gemeenschappelijke werkruimte
      preconditions: [Junior en senior medewerkers werken in één ruimte]

Good::

    - name: Gemeenschappelijke werkruimte
      effects:
        - {text: Makkelijk contact tussen junioren en senioren, who: [J, S]}
      preconditions: [Junior en senior medewerkers werken in één ruimte]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, feature_path

CODE = "IWP201"
NAME = "feature-without-effects"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    for principle_id, index, feature in context.features():
        if not feature.effects:
            yield Hit(feature_path(principle_id, index), {"feature": feature.name})
