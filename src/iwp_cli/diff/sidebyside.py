"""Two different IWPs side by side: which principles each addresses, and how.

Not a list of changes (two workplaces have nothing to change into each other) but, per
principle, each one's features with whom they affect, their effects and preconditions, their
aspect and open points; then the size of A-C, the groups and the partners of each.
"""

from __future__ import annotations

from dataclasses import dataclass

from iwp_cli.diff.census import coverage, open_points, principle_order
from iwp_cli.diff.model import Coverage, Principle, SideInfo
from iwp_cli.framework import Framework
from iwp_cli.model import Description, Feature

#: The parts counted for each side, in the order of the appendix form.
PARTS = ("products", "development", "sustainability", "processes", "links")


@dataclass(frozen=True, slots=True)
class Sketch:
    """One feature in brief.

    Attributes:
        name: The feature's name.
        who: The participant codes its effects name, in order of first mention.
        effects: How many effects.
        preconditions: How many preconditions; None when not yet considered.
        aspect: Its ``aspect``, if any.
        also: The other principles it serves.
        open_points: The statuses in it (``to-improve``, ``no-consensus``), in file order.
    """

    name: str
    who: tuple[str, ...]
    effects: int
    preconditions: int | None
    aspect: str | None
    also: tuple[str, ...]
    open_points: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrincipleSides:
    """One principle in both descriptions."""

    principle: Principle
    a: tuple[Sketch, ...]
    b: tuple[Sketch, ...]
    a_coverage: Coverage
    b_coverage: Coverage


@dataclass(frozen=True, slots=True)
class SideBySide:
    """Two IWPs side by side.

    Attributes:
        a, b: The sides.
        principles: Every principle, in the framework's order.
        parts: ``(part, count in a, count in b)`` for outcomes per category, processes and links.
        a_groups, b_groups: Participant groups as ``CODE: name``.
        a_partners, b_partners: Partner names.
    """

    a: SideInfo
    b: SideInfo
    principles: tuple[PrincipleSides, ...]
    parts: tuple[tuple[str, int, int], ...]
    a_groups: tuple[str, ...]
    b_groups: tuple[str, ...]
    a_partners: tuple[str, ...]
    b_partners: tuple[str, ...]


def side_by_side(
    a: Description,
    b: Description,
    *,
    a_side: SideInfo,
    b_side: SideInfo,
    framework: Framework,
    lang: str,
) -> SideBySide:
    """``a`` and ``b`` per principle, in ``framework``'s order, titles in ``lang``."""
    a_cov, b_cov = coverage(a), coverage(b)
    principles = tuple(
        PrincipleSides(
            principle,
            _sketches(a, principle.id),
            _sketches(b, principle.id),
            a_cov.get(principle.id, Coverage()),
            b_cov.get(principle.id, Coverage()),
        )
        for principle in principle_order(framework, lang, a, b)
    )
    a_parts, b_parts = _parts(a), _parts(b)
    return SideBySide(
        a=a_side,
        b=b_side,
        principles=principles,
        parts=tuple((part, a_parts[part], b_parts[part]) for part in PARTS),
        a_groups=tuple(f"{g.code}: {g.name}" for g in a.groups),
        b_groups=tuple(f"{g.code}: {g.name}" for g in b.groups),
        a_partners=tuple(p.name for p in a.partners),
        b_partners=tuple(p.name for p in b.partners),
    )


def _sketches(description: Description, principle_id: str) -> tuple[Sketch, ...]:
    entry = description.principles.get(principle_id)
    return tuple(sketch(feature) for feature in (entry.features if entry else ()))


def sketch(feature: Feature) -> Sketch:
    """``feature`` in brief."""
    who = dict.fromkeys(code for effect in feature.effects for code in effect.who or ())
    return Sketch(
        name=feature.name,
        who=tuple(who),
        effects=len(feature.effects),
        preconditions=None if feature.preconditions is None else len(feature.preconditions),
        aspect=feature.aspect.value if feature.aspect else None,
        also=tuple(feature.also),
        open_points=tuple(status.value for _, status, _ in open_points(feature)),
    )


def _parts(description: Description) -> dict[str, int]:
    outcomes = description.outcomes
    features = [f for entry in description.principles.values() for f in entry.features]
    links = sum(len(f.supports) for f in features) + sum(
        len(p.yields) for p in description.processes
    )
    return {
        "products": len(outcomes.products),
        "development": len(outcomes.development),
        "sustainability": len(outcomes.sustainability),
        "processes": len(description.processes),
        "links": links,
    }
