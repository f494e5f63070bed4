"""Build the view of one report from a valid description and its findings."""

from __future__ import annotations

from collections import Counter
from typing import Any

from iwp_cli.findings import Finding
from iwp_cli.framework import Framework
from iwp_cli.model import Description
from iwp_cli.model.enums import (
    Aspect,
    DevelopmentKind,
    ProcessKind,
    ProductKind,
    SustainabilityKind,
)
from iwp_cli.render.charts import CoverageRow, Node, conjecture_figure, coverage_figure
from iwp_cli.render.labels import labels
from iwp_cli.render.sections import (
    check_view,
    items_view,
    open_points,
    principles_view,
)
from iwp_cli.render.svg import Figure, ModelContent, Row, model_figure
from iwp_cli.render.view import (
    AspectGroup,
    GroupView,
    ItemView,
    OutcomeGroup,
    Party,
    PrincipleView,
    Ref,
    ReportView,
)

OUTCOME_KINDS = {
    "products": ProductKind,
    "development": DevelopmentKind,
    "sustainability": SustainabilityKind,
}


def build_report(
    description: Description,
    findings: list[Finding],
    *,
    framework: Framework,
    lang: str,
    file: str,
    version: str,
    stamp: str | None = None,
    index_href: str | None = None,
    audience: str = "team",
) -> ReportView:
    """The view of ``description``'s report in ``lang``."""
    t = labels(lang)
    principles = principles_view(description, framework, t, lang)
    groups = _groups(description, principles, t)
    outcomes = tuple(
        OutcomeGroup(key, t[key], items_view(getattr(description.outcomes, key), t))
        for key in OUTCOME_KINDS
    )
    processes = items_view(description.processes, t, processes=True)
    texts = {item.id: item.text for group in outcomes for item in group.items if item.id}
    for process in processes:
        process.yielded = tuple(texts.get(o, o) for o in process.yields)
    points = open_points(principles, t)
    coverage = _coverage(principles, groups, t)
    conjecture, unlinked = _conjecture(principles, processes, outcomes, t)
    name = description.name
    return ReportView(
        t=t,
        lang=lang,
        file=file,
        name=name,
        date=description.date.isoformat(),
        framework=framework.title.get(lang) or framework.id,
        tags=tuple(description.tags),
        partners=tuple(
            Party(p.name, t["partner_types"][p.type.value] if p.type else None, p.role)
            for p in description.partners
        ),
        contacts=tuple(Party(c.name, c.email, c.role) for c in description.contacts),
        groups=groups,
        groups_default=description.participants is None,
        occasion=description.starting_points.occasion,
        context=description.starting_points.context,
        outcomes=outcomes,
        processes=processes,
        principles=principles,
        aspects=_aspects(principles, t),
        to_improve=tuple(p for p in points if p.status == "to-improve"),
        no_consensus=tuple(p for p in points if p.status == "no-consensus"),
        check=check_view(findings, t, lang),
        model=_model(
            description,
            t,
            principles=principles,
            groups=groups,
            processes=processes,
            outcomes=outcomes,
        ),
        coverage=coverage[0],
        coverage_rows=coverage[1],
        conjecture=conjecture,
        unlinked=unlinked,
        made_with=made_with(t, version, stamp),
        index_href=index_href,
        audience=audience,
    )


def made_with(t: dict[str, Any], version: str, stamp: str | None) -> str:
    """The footer line: the iwp version, and the time only when asked for (``--stamp``)."""
    text = t["made_with"].format(version=version)
    return f"{text} {t['made_on'].format(stamp=stamp)}" if stamp else text


def _groups(
    description: Description, principles: tuple[PrincipleView, ...], t: dict[str, Any]
) -> tuple[GroupView, ...]:
    counts = Counter(
        code for p in principles for f in p.features for e in f.effects for code in set(e.who)
    )
    default = description.participants is None
    names = t["default_group_names"]
    return tuple(
        GroupView(
            g.code,
            names.get(g.code, g.name) if default else g.name,
            g.level.value if g.level else None,
            t["levels"][g.level.value] if g.level else "",
            tuple(g.roles),
            g.characteristics or None,
            counts[g.code],
        )
        for g in description.groups
    )


def _aspects(principles: tuple[PrincipleView, ...], t: dict[str, Any]) -> tuple[AspectGroup, ...]:
    found: dict[str, list[Ref]] = {}
    for p in principles:
        for f in p.features:
            found.setdefault(f.aspect or "none", []).append(
                Ref(p.number, p.title, f.anchor, f.name)
            )
    keys = [a.value for a in Aspect] + ["none"]
    return tuple(AspectGroup(k, t["aspects"][k], tuple(found.get(k, ()))) for k in keys)


def _kind_rows(items: tuple[ItemView, ...], kinds: Any, t: dict[str, Any]) -> tuple[Row, ...]:
    counts = Counter(item.kind or "other" for item in items)
    rows = [(t["kinds"][kind.value], counts[kind.value]) for kind in kinds]
    if counts["other"]:
        rows.append((t["kinds"]["other"], counts["other"]))
    return tuple(rows)


def _short(principle: PrincipleView, t: dict[str, Any]) -> str:
    return f"{principle.number} {t['short_titles'].get(principle.id, principle.title)}"


def _model(
    description: Description,
    t: dict[str, Any],
    *,
    principles: tuple[PrincipleView, ...],
    groups: tuple[GroupView, ...],
    processes: tuple[ItemView, ...],
    outcomes: tuple[OutcomeGroup, ...],
) -> Figure:
    """The Ontwikkelingsmodel with this IWP's names and counts."""
    name = description.name
    features = sum(len(p.features) for p in principles)
    aspects = Counter(f.aspect or "none" for p in principles for f in p.features)
    boxes = t["model_boxes"]
    arrangement = [(t["aspects"][a.value], aspects[a.value]) for a in Aspect][1:]
    if aspects["none"]:
        arrangement.append((t["aspects"]["none"], aspects["none"]))
    participants = [(f"{g.code}: {g.name}", g.effects) for g in groups]
    participants.append((t["model_aspect_features"], aspects[Aspect.PARTICIPANTS.value]))
    notes = t["model_notes"]
    starting = description.starting_points
    content = ModelContent(
        name=name,
        columns=tuple(t["model_columns"]),
        principles=(
            (boxes["principles"], features, notes["principles"]),
            tuple((_short(p, t), len(p.features)) for p in principles),
        ),
        participants=(
            (boxes["participants"], len(groups), notes["participants"]),
            tuple(participants),
        ),
        arrangement=(
            (boxes["arrangement"], sum(n for _, n in arrangement), notes["arrangement"]),
            tuple(arrangement),
        ),
        processes=(
            (boxes["processes"], len(processes), notes["processes"]),
            _kind_rows(processes, ProcessKind, t),
        ),
        outcomes=tuple(
            (
                (boxes[g.key], len(g.items), notes["outcomes"]),
                _kind_rows(g.items, OUTCOME_KINDS[g.key], t),
            )
            for g in outcomes
        ),
        bands=((t["model_context"], starting.context), (t["model_occasion"], starting.occasion)),
        title=f"{t['model']}: {name}",
        desc=t["model_desc"].format(
            name=name,
            features=features,
            processes=len(processes),
            outcomes=sum(len(g.items) for g in outcomes),
        ),
    )
    return model_figure(content)


def _coverage(
    principles: tuple[PrincipleView, ...], groups: tuple[GroupView, ...], t: dict[str, Any]
) -> tuple[Figure, tuple[tuple[PrincipleView, CoverageRow], ...]]:
    """Per principle its features and the effects for every participant group."""
    codes = [g.code for g in groups]
    rows = []
    for p in principles:
        effects = [set(e.who) for f in p.features for e in f.effects]
        per_group = tuple(sum(1 for who in effects if code in who) for code in codes)
        rows.append((p, CoverageRow(_short(p, t), len(p.features), len(p.also_here), per_group)))
    legend = [t["legend_features"], t["legend_also"]]
    legend += [t["legend_group"].format(code=g.code, name=g.name) for g in groups]
    figure = coverage_figure([row for _, row in rows], legend, t["coverage"], t["coverage_desc"])
    return figure, tuple(rows)


def _conjecture(
    principles: tuple[PrincipleView, ...],
    processes: tuple[ItemView, ...],
    outcomes: tuple[OutcomeGroup, ...],
    t: dict[str, Any],
) -> tuple[Figure | None, int]:
    """The conjecture map, when the description draws links; and how many features have none."""
    features = [f for p in principles for f in p.features]
    if not any(f.supports for f in features) and not any(p.yields for p in processes):
        return None, len(features)
    order = {p.id: i for i, p in enumerate(processes) if p.id}
    linked = sorted(
        (f for f in features if any(s in order for s in f.supports)),
        key=lambda f: min(order[s] for s in f.supports if s in order),
    )
    items = [item for group in outcomes for item in group.items if item.id]
    made: dict[str, int] = {}
    for index, process in enumerate(processes):
        for target in process.yields:
            made.setdefault(target, index)
    items.sort(key=lambda item: made.get(item.id or "", len(processes)))
    edges = [(f"f:{f.anchor}", f"p:{s}") for f in linked for s in f.supports if s in order]
    keys = [f"p:{p.id}" if p.id else f"p#{i}" for i, p in enumerate(processes)]
    edges += [(key, f"o:{o}") for key, p in zip(keys, processes, strict=True) for o in p.yields]
    columns = (
        [Node(f"f:{f.anchor}", f.name) for f in linked],
        [Node(key, p.text) for key, p in zip(keys, processes, strict=True)],
        [Node(f"o:{item.id}", item.text) for item in items],
    )
    desc = t["conjecture_desc"].format(
        features=len(linked), processes=len(processes), outcomes=len(items)
    )
    figure = conjecture_figure(columns, edges, t["conjecture_columns"], t["conjecture"], desc)
    return figure, len(features) - len(linked)
