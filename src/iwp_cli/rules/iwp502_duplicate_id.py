"""An item `id` is used twice in the file.

Outcomes and processes can carry an `id`, so that features (`supports`) and processes
(`yields`) can point at them: the arrows of the conjecture map behind the handbook's
Ontwikkelingsmodel. Outcomes and processes share one set of ids, so an id must be unique in the
whole file; a link to an id used twice points at two items at once.

How to fix: give one of the two items another id, and check which of them each link meant.

Bad::

    outcomes:
      products:
        - {id: advies, text: Adviezen over zorgtechnologie}
    processes:
      - {id: advies, text: Studenten adviseren zorginstellingen}

Good::

    outcomes:
      products:
        - {id: advies, text: Adviezen over zorgtechnologie}
    processes:
      - {id: adviseren, text: Studenten adviseren zorginstellingen, yields: [advies]}
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext

CODE = "IWP502"
NAME = "duplicate-id"
SEVERITY = Severity.ERROR


def check(context: RuleContext) -> Iterator[Hit]:
    ids = [
        (context.document.position((*path, "id")), (*path, "id"), item.id)
        for path, item in (*context.outcomes(), *context.processes())
        if item.id is not None
    ]
    first: dict[str, int] = {}
    for (line, _), path, item_id in sorted(ids, key=lambda entry: entry[0]):  # file order
        if item_id in first:
            yield Hit(path, {"id": item_id, "line": first[item_id]})
        else:
            first[item_id] = line
