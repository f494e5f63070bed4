"""The parts of a report's view: principles with their features, items, open points, the check."""

from __future__ import annotations

from collections import Counter
from typing import Any

from iwp_cli.findings import Finding, Severity
from iwp_cli.framework import Framework
from iwp_cli.i18n import message, severity_counts
from iwp_cli.model import Description, Feature
from iwp_cli.model.enums import Level
from iwp_cli.render.view import (
    CheckView,
    Entry,
    FeatureView,
    FindingView,
    GroupView,
    ItemView,
    OpenPoint,
    PrincipleView,
    Ref,
)


def _entries(items: Any, t: dict[str, Any], *, effects: bool) -> tuple[Entry, ...]:
    """Effects or (not ``effects``) preconditions; ``codes`` is the handbook's mark without
    brackets ("J,S"). Preconditions have no ``who``: asking a pydantic model for a field it does
    not have costs its ``__getattr__`` and an exception, for every precondition."""
    marks = t["status"]
    entries = []
    for item in items:
        who = tuple(item.who or ()) if effects else ()
        status = item.status.value if item.status else None
        mark = marks[status] if status else ""
        entries.append(Entry(item.text, who, ",".join(who), status, mark, item.note or None))
    return tuple(entries)


def principles_view(
    description: Description, framework: Framework, t: dict[str, Any], lang: str
) -> tuple[PrincipleView, ...]:
    """The framework's principles in order, then ids the framework does not know."""
    infos = {p.id: p for p in framework.principles}
    ids = list(framework.ids) + [i for i in description.principles if i not in infos]
    numbers = {pid: n for n, pid in enumerate(ids, start=1)}
    titles = {
        pid: (infos[pid].title.get(lang) or next(iter(infos[pid].title.values())))
        if pid in infos
        else pid
        for pid in ids
    }

    def ref(pid: str) -> Ref:
        return Ref(
            numbers.get(pid), titles.get(pid, pid), f"p{numbers[pid]}" if pid in numbers else ""
        )

    also_here: dict[str, list[Ref]] = {}
    for pid, entry in description.principles.items():
        for index, feature in enumerate(entry.features):
            for other in feature.also:
                if other != pid:
                    anchor = f"f{numbers[pid]}-{index + 1}"
                    also_here.setdefault(other, []).append(
                        Ref(numbers[pid], titles[pid], anchor, feature.name)
                    )
    views = []
    for pid in ids:
        found = description.principles.get(pid)
        features = found.features if found else []
        number = numbers[pid]
        info = infos.get(pid)
        views.append(
            PrincipleView(
                pid,
                number,
                titles[pid],
                (info.definition.get(lang, "") if info else ""),
                f"p{number}",
                info is not None,
                tuple(_feature(f, number, i, ref, t) for i, f in enumerate(features)),
                tuple(also_here.get(pid, ())),
                found.notes if found and found.notes else None,
            )
        )
    return tuple(views)


def _feature(feature: Feature, number: int, index: int, ref: Any, t: dict[str, Any]) -> FeatureView:
    status = feature.status.value if feature.status else None
    aspect = feature.aspect.value if feature.aspect else None
    preconditions = feature.preconditions
    return FeatureView(
        f"f{number}-{index + 1}",
        feature.name,
        _entries(feature.effects, t, effects=True),
        None if preconditions is None else _entries(preconditions, t, effects=False),
        tuple(ref(other) for other in feature.also),
        aspect,
        t["aspects"][aspect or "none"],
        tuple(feature.supports),
        status,
        t["status"][status] if status else "",
        feature.note or None,
    )


def items_view(items: Any, t: dict[str, Any], *, processes: bool = False) -> tuple[ItemView, ...]:
    """Outcomes, or ``processes`` with the outcomes each ``yields`` (outcomes have no
    ``yields``; see `_entries`)."""
    kinds = t["kinds"]
    return tuple(
        ItemView(
            item.text,
            item.id,
            item.kind.value if item.kind else None,
            kinds[item.kind.value] if item.kind else "",
            tuple(item.yields) if processes else (),
        )
        for item in items
    )


def open_points(principles: tuple[PrincipleView, ...], t: dict[str, Any]) -> list[OpenPoint]:
    points = []
    for principle in principles:
        for feature in principle.features:
            found = [("feature", feature.status, feature.name)]
            found += [("effect", e.status, e.text) for e in feature.effects]
            found += [("precondition", p.status, p.text) for p in feature.preconditions or ()]
            for on, status, text in found:
                if status is not None:
                    points.append(
                        OpenPoint(
                            status,
                            on,
                            t["on"][on],
                            principle.number,
                            feature.name,
                            feature.anchor,
                            text,
                        )
                    )
    return points


def check_view(findings: list[Finding], t: dict[str, Any], lang: str) -> CheckView:
    """Counts and findings of the description's own check."""
    counts = Counter(finding.severity for finding in findings)
    worst = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
    errors, warnings, infos = (counts[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    summary = (
        severity_counts(errors, warnings, infos, lang) if findings else message("all-good", lang)
    )
    return CheckView(
        errors,
        warnings,
        infos,
        worst.value if worst is not None else "ok",
        summary,
        tuple(
            FindingView(
                f.code,
                f.severity.value,
                t["severity"][f.severity.value],
                f.line,
                f.yaml_path,
                f.message,
            )
            for f in findings
        ),
    )


def level_codes(groups: tuple[GroupView, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The codes of junior and of senior groups (J and S when no group has a level)."""
    junior = frozenset(g.code for g in groups if g.level == Level.JUNIOR.value)
    senior = frozenset(g.code for g in groups if g.level == Level.SENIOR.value)
    return junior or frozenset({"J"}), senior or frozenset({"S"})
