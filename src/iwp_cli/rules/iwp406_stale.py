"""The description is older than one evaluation cycle.

The handbook evaluates an IWP every cycle: "de ervaringen van de deelnemers en de leeruitkomsten
van de IWP [worden] elke cyclus (semester) geëvalueerd en ontwerp en inrichting worden
bijgesteld". Each cycle gets a new description with a new `date`. A description whose date is
further back than one cycle no longer shows the IWP as it is.

The exact rule, with N the configured `stale-after` (6 months by default): the description is
stale when today is after its date plus N calendar months. Adding months keeps the day of the
month, or takes the last day of the month when that day does not exist in it. So a description
dated 2026-03-15 is stale from 2026-09-16 on, and one dated 2026-08-31 from 2027-03-01 on (due
2027-02-28). The message gives the age in full months: how many months can be added to the date
without passing today.

How to fix: start a new cycle: evaluate, then write a new description with a new date (keep the
old file for comparison). For an IWP with a longer cycle, set `stale-after` in iwp.toml.

Bad (checked in November 2026)::

    date: 2025-09-01

Good::

    date: 2026-09-01
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext

CODE = "IWP406"
NAME = "stale"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    date = context.description.date
    if context.today > add_months(date, context.stale_after):
        yield Hit(
            ("date",),
            {
                "date": date.isoformat(),
                "months": age_in_months(date, context.today),
                "limit": context.stale_after,
            },
        )


def add_months(date: datetime.date, months: int) -> datetime.date:
    """``date`` plus ``months`` calendar months; a day the month lacks becomes its last day.
    Past the year 9999, the last day Python knows (so a date in 9999 is never stale)."""
    years, month_index = divmod(date.month - 1 + months, 12)
    year, month = date.year + years, month_index + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    day = min(date.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def age_in_months(date: datetime.date, today: datetime.date) -> int:
    """The full months from ``date`` to ``today``: the most that can be added without passing it."""
    months = (today.year - date.year) * 12 + today.month - date.month
    if add_months(date, months) > today:
        months -= 1
    return months
