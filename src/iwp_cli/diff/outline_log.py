"""What `iwp log` shows: one row per commit with its date, the cycle the description describes,
its features per principle and its open points; then the principles' numbers and the revisions
that were not valid descriptions."""

from __future__ import annotations

from iwp_cli.diff.history import Cycle, History
from iwp_cli.diff.labels import Labels
from iwp_cli.diff.layout import Block, Bullet, Heading, Inline, Line, Table, code, label, text
from iwp_cli.diff.model import total


def outline_log(log: History, lang: str) -> list[Block]:
    """The blocks of an `iwp log` report."""
    t = Labels(lang)
    numbers = [str(p.number) if p.number is not None else p.id for p in log.principles]
    header = (
        t("commit"),
        t("commit-date"),
        t("cycle"),
        *numbers,
        t("features"),
        t("col-to-improve"),
        t("col-no-consensus"),
        t("message"),
    )
    rows = tuple(_row(cycle, log, t) for cycle in log.cycles)
    numeric = (False, False, False, *(True for _ in numbers), True, True, True, False)
    blocks: list[Block] = [
        Heading(1, (label(t("history") + ": "), code(log.path))),
        Table(tuple((label(h),) for h in header), rows, numeric),
        Line((label(t("legend-log")),)),
    ]
    blocks += [
        Bullet(
            0, "*", (label(f"{number}: "), text(p.title) if p.number is not None else code(p.id))
        )
        for number, p in zip(numbers, log.principles, strict=True)
    ]
    broken = [c for c in log.cycles if c.state == "invalid"]
    if broken:
        blocks.append(Heading(2, (label(t("invalid-revisions")),)))
        blocks += [
            Bullet(0, "!", (code(f"{c.commit[:7]}:{c.path}"), label(": "), text(c.problem or "")))
            for c in broken
        ]
    return blocks


def _row(cycle: Cycle, log: History, t: Labels) -> tuple[Inline, ...]:
    first: tuple[Inline, ...] = ((code(cycle.commit[:7]),), (label(cycle.date[:10]),))
    if cycle.state != "valid":
        blank = tuple((label("—"),) for _ in range(len(log.principles) + 3))
        return (*first, (label(t(cycle.state)),), *blank, (text(cycle.subject),))
    counts = [cycle.of(p.id) for p in log.principles]
    whole = total(counts)
    return (
        *first,
        (label(cycle.described or ""),),
        *((label(str(c.features)),) for c in counts),
        (label(str(whole.features)),),
        (label(str(whole.to_improve)),),
        (label(str(whole.no_consensus)),),
        (text(cycle.subject),),
    )
