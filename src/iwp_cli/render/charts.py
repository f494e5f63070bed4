"""The principle-coverage chart and the conjecture map, as figure geometry (see `svg`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from iwp_cli.render.svg import Canvas, Figure, r, wrap

WIDTH = 1000


# Not frozen, as the view's many small values (see `iwp_cli.render.view`).
@dataclass(slots=True)
class CoverageRow:
    """One principle in the coverage chart: its features, those of other principles that name
    it in ``also``, and the effects for each participant group, in the groups' order."""

    label: str
    own: int
    also: int
    groups: tuple[int, ...]


#: Colours of the groups' bars (CSS classes ``bar-g0`` ...), used in turn.
GROUP_COLOURS = 6


def coverage_figure(
    rows: Sequence[CoverageRow], legend: Sequence[str], title: str, desc: str
) -> Figure:
    """Per principle a bar of its features (own, then those that serve it through ``also``)
    and one bar per participant group with its effects. ``legend`` names the features, the
    ``also`` features and then each group."""
    canvas = Canvas()
    classes = ["bar-own", "bar-also"]
    classes += [f"bar-g{i % GROUP_COLOURS}" for i in range(len(legend) - 2)]
    x, y = 8, 8
    for text, cls in zip(legend, classes, strict=True):
        width = 40 + len(text) * 7
        if x + width > WIDTH and x > 8:
            x, y = 8, y + 20
        canvas.rect((x, y, 14, 14), cls)
        canvas.text(x + 20, y + 12, text, "legend")
        x += width
    left, span = 300, 600
    most = max([1] + [max(row.own + row.also, *row.groups, 0) for row in rows])
    scale = span / most
    y += 28
    for row in rows:
        bars: list[tuple[tuple[int, str], ...]] = [((row.own, "bar-own"), (row.also, "bar-also"))]
        bars += [((n, classes[2 + i]),) for i, n in enumerate(row.groups)]
        lines = max(3, len(bars))
        for number, part in enumerate(wrap(row.label, left - 20, 3)):
            canvas.text(8, y + 13 + number * 15, part, "row")
        for index, parts in enumerate(bars):
            top = y + 2 + index * 15
            end: float = left
            for value, cls in parts:
                if value:
                    canvas.rect((r(end), top, r(value * scale), 11), cls)
                    end += value * scale
            shown = "+".join(str(v) for v, _ in parts if v) or "0"
            canvas.text(r(end + 6), top + 10, shown, "value")
        y += 15 * lines + 14
        canvas.path(f"M8,{y - 7} H{WIDTH - 8}", "rule", arrow=False)
    return canvas.figure("coverage", WIDTH, y, title, desc)


@dataclass(slots=True)
class Node:
    """A feature, process or outcome in the conjecture map."""

    key: str
    text: str


def conjecture_figure(
    columns: tuple[Sequence[Node], Sequence[Node], Sequence[Node]],
    edges: Sequence[tuple[str, str]],
    headings: Sequence[str],
    title: str,
    desc: str,
) -> Figure:
    """Three columns of nodes (features, processes, outcomes) with arrows for the links."""
    canvas = Canvas()
    width, gap = 268, 90
    places: dict[str, tuple[int, int, int]] = {}
    bottom = 0
    for column, (nodes, heading) in enumerate(zip(columns, headings, strict=True)):
        x = 8 + column * (width + gap)
        canvas.text(x + width // 2, 20, heading, "column", "middle")
        y = 34
        kind = ("feature", "process", "outcome")[column]
        for node in nodes:
            lines = wrap(node.text, width - 16, 3)
            height = 10 + len(lines) * 15
            cut = lines[-1].endswith("…")
            canvas.rect((x, y, width, height), f"node {kind}", node.text if cut else "")
            for number, part in enumerate(lines):
                canvas.text(x + 8, y + 18 + number * 15, part, "row")
            places[node.key] = (x, y + height // 2, x + width)
            y += height + 10
        bottom = max(bottom, y)
    for source, target in edges:
        if source in places and target in places:
            _, y1, x1 = places[source]
            x2, y2, _ = places[target]
            middle = (x1 + x2) // 2
            canvas.path(f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2 - 2},{y2}", "link")
    return canvas.figure("conjecture", WIDTH, bottom, title, desc)
