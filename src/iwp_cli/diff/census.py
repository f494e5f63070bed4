"""Counting one description: its principles in order, and per principle the features and open
points. `iwp diff` (the summary, side by side) and `iwp log` share these counts."""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.diff.model import Carrier, Coverage, Principle, SideInfo
from iwp_cli.framework import Framework
from iwp_cli.model import Description, Feature, Status


def principle_order(framework: Framework, lang: str, *descriptions: Description) -> list[Principle]:
    """The framework's principles in its order, then ids it does not know, as the descriptions
    list them (the first description first)."""
    order = [
        Principle(p.id, p.number, p.title.get(lang) or p.title.get("en") or p.id)
        for p in framework.principles
    ]
    known = {p.id for p in order}
    for description in descriptions:
        for principle_id in description.principles:
            if principle_id not in known:
                known.add(principle_id)
                order.append(Principle(principle_id, None, principle_id))
    return order


def coverage(description: Description) -> dict[str, Coverage]:
    """Per principle id (those the description lists or names in ``also``), its coverage."""
    also: dict[str, int] = {}
    for entry in description.principles.values():
        for feature in entry.features:
            for other in dict.fromkeys(feature.also):
                also[other] = also.get(other, 0) + 1
    result: dict[str, Coverage] = {}
    for principle_id in dict.fromkeys([*description.principles, *also]):
        listed = description.principles.get(principle_id)
        features = listed.features if listed is not None else []
        statuses = [status for feature in features for _, status, _ in open_points(feature)]
        result[principle_id] = Coverage(
            features=len(features),
            also=also.get(principle_id, 0),
            to_improve=statuses.count(Status.TO_IMPROVE),
            no_consensus=statuses.count(Status.NO_CONSENSUS),
        )
    return result


def open_points(feature: Feature) -> Iterator[tuple[Carrier, Status, str]]:
    """The open points of one feature, in file order: what carries it (``feature``, ``effect``,
    ``precondition``), the status, and the name or text. The same points, in the same order,
    as `RuleContext.open_points` gives for the whole file."""
    if feature.status is not None:
        yield "feature", feature.status, feature.name
    for effect in feature.effects:
        if effect.status is not None:
            yield "effect", effect.status, effect.text
    for precondition in feature.preconditions or ():
        if precondition.status is not None:
            yield "precondition", precondition.status, precondition.text


def side_info(description: Description, *, spec: str, path: str, commit: str | None) -> SideInfo:
    """What reports show about one side."""
    return SideInfo(
        spec=spec,
        path=path,
        commit=commit,
        name=description.name,
        date=description.date.isoformat(),
        language=description.language.value,
    )
