"""An outcome category (B. Opbrengsten) is empty.

The handbook names three kinds of outcomes (opbrengsten) an IWP brings about: (kennis)producten
(`outcomes.products`), ontwikkeling of individuals, teams, organisations and networks
(`outcomes.development`), and verduurzaming, the lasting impact through innovation, transition
and sustainable learning (`outcomes.sustainability`). The appendix asks for each. An empty list
is allowed by the format (a new IWP may not know yet), but it is a blank in the form.

How to fix: name at least one outcome in the category, or suppress the finding with a reason
when the IWP deliberately aims at none.

Bad::

    outcomes:
      products: [Adviezen over zorgtechnologie aan instellingen]
      development: [Studenten ontwikkelen zich als innovatieprofessional]
      sustainability: []

Good::

    outcomes:
      products: [Adviezen over zorgtechnologie aan instellingen]
      development: [Studenten ontwikkelen zich als innovatieprofessional]
      sustainability: [Zorginstellingen nemen de werkwijze over]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import OUTCOME_CATEGORIES, Hit, RuleContext

CODE = "IWP402"
NAME = "empty-outcomes"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    outcomes = context.description.outcomes
    for category in OUTCOME_CATEGORIES:
        if not getattr(outcomes, category):
            yield Hit(("outcomes", category), {"category": category}, on_key=True)
