"""No processes (C. Processen) are described.

In the handbook's Ontwikkelingsmodel the outcomes come about through processes of knowledge
production (kennisproductie): kennis verwerven en onderzoeken, kennis toepassen, nieuwe
combinaties zoeken, kennis co-creatie, sociaal kapitaal opbouwen, reflectie en zelfsturing. The
IWP is shaped "zodanig ... dat de gewenste processen kunnen plaatsvinden". Without processes
the description does not say how its features lead to its outcomes.

How to fix: describe the processes that take place in the IWP, each as an item of `processes`.

Bad::

    processes: []

Good::

    processes:
      - {text: Studenten en zorgmedewerkers testen samen prototypes, kind: co-create}
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext

CODE = "IWP403"
NAME = "no-processes"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    if not context.description.processes:
        yield Hit(("processes",), on_key=True)
