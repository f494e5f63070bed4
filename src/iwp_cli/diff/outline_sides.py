"""What a side-by-side report shows: both sides, a table of the principles each addresses, each
principle with both lists of features, then the parts, groups and partners of each."""

from __future__ import annotations

from iwp_cli.diff.labels import Labels
from iwp_cli.diff.layout import (
    Block,
    Bullet,
    Heading,
    Inline,
    Line,
    Span,
    Table,
    code,
    label,
    strong,
    text,
)
from iwp_cli.diff.model import Coverage
from iwp_cli.diff.outline import principle_title, side_line
from iwp_cli.diff.sidebyside import SideBySide, Sketch


def outline_sides(sides: SideBySide, lang: str) -> list[Block]:
    """The blocks of a side-by-side report."""
    t = Labels(lang)
    blocks: list[Block] = [
        Heading(
            1,
            (label(t("side-by-side") + ": "), text(sides.a.name), label(" | "), text(sides.b.name)),
        ),
        side_line("A", sides.a, language=True),
        side_line("B", sides.b, language=True),
        Heading(2, (label(t("summary")),)),
    ]
    rows: list[tuple[Inline, ...]] = []
    for entry in sides.principles:
        rows.append(
            (
                (label(str(entry.principle.number or "")),),
                (text(entry.principle.title),),
                *_cells(entry.a_coverage),
                *_cells(entry.b_coverage),
            )
        )
    header = (
        "#",
        t("principle"),
        "A: " + t("features"),
        "A: " + t("open-points"),
        "B: " + t("features"),
        "B: " + t("open-points"),
    )
    blocks.append(
        Table(
            tuple((label(h),) for h in header), tuple(rows), (True, False, True, True, True, True)
        )
    )
    addressed = [
        sum(getattr(p, f"{side}_coverage").features > 0 for p in sides.principles) for side in "ab"
    ]
    total = len(sides.principles)
    blocks.append(Line((label(t("addressed", a=addressed[0], b=addressed[1], total=total)),)))
    blocks.append(Line((label(t("legend-sides")),)))
    blocks.append(Heading(2, (label(t("principles")),)))
    for entry in sides.principles:
        blocks.append(Heading(3, principle_title(entry.principle)))
        for side, name, sketches in (("A", sides.a.name, entry.a), ("B", sides.b.name, entry.b)):
            blocks.append(
                Bullet(0, "*", (label(f"{side} "), text(f"({name})"), label(f": {len(sketches)}")))
            )
            blocks += [Bullet(1, "*", _sketch(s, t)) for s in sketches]
    blocks.append(Heading(2, (label(t("parts")),)))
    part_rows = tuple(
        ((label(t(part)),), (label(str(a)),), (label(str(b)),)) for part, a, b in sides.parts
    )
    blocks.append(
        Table(((label(""),), (label("A"),), (label("B"),)), part_rows, (False, True, True))
    )
    for key, a_items, b_items in (
        ("participants", sides.a_groups, sides.b_groups),
        ("partners", sides.a_partners, sides.b_partners),
    ):
        blocks.append(Heading(2, (label(t(key)),)))
        for side, items in (("A", a_items), ("B", b_items)):
            blocks.append(Bullet(0, "*", (label(f"{side}: {len(items)}"),)))
            blocks += [Bullet(1, "*", (text(item),)) for item in items]
    return blocks


def _cells(cov: Coverage) -> tuple[Inline, Inline]:
    features = str(cov.features) if cov.features else "—"
    if cov.also:
        features += f" (+{cov.also})"
    points = f"{cov.to_improve}/{cov.no_consensus}" if cov.features else "—"
    return (label(features),), (label(points),)


def _sketch(feature: Sketch, t: Labels) -> Inline:
    details = []
    if feature.who:
        details.append(f"{t('who')}: {', '.join(feature.who)}")
    details.append(f"{t('effects')}: {feature.effects}")
    if feature.preconditions is None:
        preconditions = t("not-considered")
    else:
        preconditions = str(feature.preconditions) if feature.preconditions else t("none-needed")
    details.append(f"{t('preconditions')}: {preconditions}")
    spans: list[Span] = [strong(feature.name), label(" — " + "; ".join(details))]
    if feature.aspect:
        spans += [label(f"; {t('aspect')}: "), code(feature.aspect)]
    if feature.also:
        spans += [label(f"; {t('also')}: "), code(", ".join(feature.also))]
    if feature.open_points:
        spans.append(label(f"; {t('open')}: " + ", ".join(t(s) for s in feature.open_points)))
    return tuple(spans)
