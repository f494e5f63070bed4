"""Where the file draws a conjecture map, an outcome is yielded by no process.

In the handbook's Ontwikkelingsmodel every outcome (opbrengst) comes about through processes of
knowledge production. A file that links features to processes (`supports`) and processes to
outcomes (`yields`) draws that map; in it, an outcome that no process yields has no account of
how it comes about. An outcome written as plain text has no `id`, so no process can yield it:
it is reported too. Files without any links are not checked.

How to fix: add the outcome's id to the `yields` of the process that brings it about (give the
outcome an `id` first if it has none), or describe that process.

Bad::

    outcomes:
      products:
        - {id: advies, text: Adviezen over zorgtechnologie}
      development: [Studenten ontwikkelen zich als innovatieprofessional]
    processes:
      - {id: cocreatie, text: Samen prototypes testen, yields: [advies]}

Good::

    outcomes:
      products:
        - {id: advies, text: Adviezen over zorgtechnologie}
      development:
        - {id: groei, text: Studenten ontwikkelen zich als innovatieprofessional}
    processes:
      - {id: cocreatie, text: Samen prototypes testen, yields: [advies, groei]}
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, Variant, shorten

CODE = "IWP505"
NAME = "outcome-not-yielded"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    if not context.uses_links:
        return
    yielded = {target for _, process in context.processes() for target in process.yields}
    for path, item in context.outcomes():
        if item.id is None:
            yield Hit(path, {"outcome": f'"{shorten(item.text)}"', "how": Variant(1)})
        elif item.id not in yielded:
            yield Hit(path, {"outcome": f"`{item.id}`", "how": Variant(0)})
