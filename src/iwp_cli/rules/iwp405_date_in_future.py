"""The description's date lies in the future.

`date` is the DATUM of the handbook's form: the day the description was written or evaluated.
Each cycle (semester) of the IWP gets a new, dated description, so the date says which cycle a
description belongs to. A date after today is usually a typo in the year or month, and it makes
the description look current longer than it is (IWP406 measures age from it).

How to fix: write the date of the description itself (YYYY-MM-DD).

Bad (checked in November 2026)::

    date: 2027-09-01

Good::

    date: 2026-09-01
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext

CODE = "IWP405"
NAME = "date-in-future"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    date = context.description.date
    if date > context.today:
        yield Hit(("date",), {"date": date.isoformat()})
