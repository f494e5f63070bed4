"""Figures as inline SVG: the Ontwikkelingsmodel here, the coverage chart and the conjecture map
in `iwp_cli.render.charts`.

Python lays the figures out and writes the SVG: a `Canvas` collects rectangles, paths and texts
(boxes first, then lines, then texts on top), escaping every text. SVG has no text wrapping:
`wrap` breaks text into lines by an estimate of the width of 12-pixel sans-serif text. The
templates place a figure with ``{{ fig.markup }}``; an override of a figure's partial can leave
it out or put another in its place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape as _escape

from markupsafe import Markup

_SPECIAL = re.compile(r"[&<>\"']")


def escape(text: str) -> str:
    """``text`` escaped for SVG text and attributes (most text needs nothing)."""
    return text if _SPECIAL.search(text) is None else _escape(text)


#: Average width of a character of 12 px text, in pixels (a little wide, to be safe).
CHAR = 6.6
LINE = 16


@dataclass(frozen=True, slots=True)
class Figure:
    """An SVG figure: its id, size, accessible title and description, and the ``<svg>``."""

    id: str
    width: float
    height: float
    title: str
    desc: str
    markup: Markup


@dataclass
class Canvas:
    """The elements of a figure being laid out, as SVG text."""

    shapes: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def rect(self, area: tuple[float, float, float, float], cls: str, tip: str = "") -> None:
        """A rectangle (x, y, width, height) with class ``cls``; ``tip`` (a shortened text in
        full) is its tooltip."""
        x, y, w, h = area
        title = f"<title>{escape(tip)}</title>" if tip else ""
        self.shapes.append(
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" class="{cls}">{title}</rect>'
        )

    def path(self, d: str, cls: str, arrow: bool = True) -> None:
        """A path, with an arrow head at its end when ``arrow``."""
        end = ' marker-end="url(#@arrow)"' if arrow else ""
        self.lines.append(f'<path d="{d}" class="{cls}"{end}/>')

    def text(self, x: float, y: float, text: str, cls: str = "", anchor: str = "") -> None:
        """A line of text at a baseline; ``anchor`` is ``middle`` or ``end`` (default start)."""
        attrs = (f' class="{cls}"' if cls else "") + (f' text-anchor="{anchor}"' if anchor else "")
        self.texts.append(f'<text x="{x}" y="{y}"{attrs}>{escape(text)}</text>')

    def figure(self, fig_id: str, width: float, height: float, title: str, desc: str) -> Figure:
        """The figure: an ``<svg>`` titled and described for screen readers (``role=img`` with
        ``aria-labelledby``). ``fig_id`` prefixes the ids inside it, which must be unique."""
        i = fig_id
        head = (
            f'<svg class="figure {i}" viewBox="0 0 {width} {r(height)}" role="img" '
            f'aria-labelledby="{i}-title {i}-desc">\n'
            f'<title id="{i}-title">{escape(title)}</title>\n'
            f'<desc id="{i}-desc">{escape(desc)}</desc>\n'
            f'<defs><marker id="{i}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/>'
            f"</marker></defs>\n"
        )
        lines = [line.replace("#@arrow", f"#{i}-arrow") for line in self.lines]
        body = "\n".join([*self.shapes, *lines, *self.texts])
        return Figure(i, width, r(height), title, desc, Markup(f"{head}{body}\n</svg>"))


def r(value: float) -> float:
    """``value`` rounded to one decimal, so that the output is short and stable."""
    return value if type(value) is int else round(value, 1) + 0.0


def wrap(text: str, width_px: float, max_lines: int = 2) -> list[str]:
    """``text`` in lines that fit ``width_px`` (a word longer than a line gets a line of its
    own); the last line ends in "…" when text is cut."""
    chars = max(4, int(width_px / CHAR))
    lines: list[str] = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= chars:
            current += " " + word
        else:
            lines.append(current)
            if len(lines) > max_lines:
                break
            current = word
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: chars - 1].rstrip() if len(last) >= chars else last) + "…"
    return lines


Row = tuple[str, int]
#: A box's title, its total, and a note on what its numbers count.
Heading = tuple[str, int, str]


def box(
    canvas: Canvas, x: float, y: float, w: float, *, heading: Heading, rows: Sequence[Row], cls: str
) -> float:
    """A box with a heading (title, total, a note on what the numbers count) and rows
    ``(label, count)``; returns its height."""
    title, total, note = heading
    lines: list[tuple[list[str], int]] = [(wrap(label, w - 46, 2), count) for label, count in rows]
    top = y + (44 if note else 30)
    height = top - y + sum(len(parts) for parts, _ in lines) * LINE + 6
    canvas.rect((x, y, w, height), f"box {cls}")
    canvas.text(x + 8, y + 19, wrap(title, w - 40, 1)[0], "box-title")
    canvas.text(x + w - 8, y + 19, str(total), "box-title", "end")
    if note:
        canvas.text(x + 8, y + 33, note, "box-note")
    for parts, count in lines:
        muted = " zero" if count == 0 else ""
        for number, part in enumerate(parts):
            canvas.text(x + 10, top + 12 + number * LINE, part, f"row{muted}")
        canvas.text(x + w - 10, top + 12, str(count), f"count{muted}", "end")
        top += len(parts) * LINE
    return height


@dataclass(frozen=True, slots=True)
class ModelContent:
    """What the Ontwikkelingsmodel shows of one IWP: per box a title, a total and its rows."""

    name: str
    columns: tuple[str, str, str, str]
    principles: tuple[Heading, tuple[Row, ...]]
    participants: tuple[Heading, tuple[Row, ...]]
    arrangement: tuple[Heading, tuple[Row, ...]]
    processes: tuple[Heading, tuple[Row, ...]]
    outcomes: tuple[tuple[Heading, tuple[Row, ...]], ...]
    bands: tuple[tuple[str, str], tuple[str, str]]
    title: str
    desc: str


WIDTH = 1000
COLUMN = 222
GAP = 30


def model_figure(content: ModelContent, fig_id: str = "model") -> Figure:
    """The handbook's Ontwikkelingsmodel with this IWP's names and counts in each box:
    Onderbouwing (principles) → Vormgeving (participants, set-up) → Processen → Opbrengsten, on
    two bands for the starting points."""
    canvas = Canvas()
    xs = [8 + i * (COLUMN + GAP) for i in range(4)]
    for x, column in zip(xs, content.columns, strict=True):
        canvas.text(x + COLUMN // 2, 20, column, "column", "middle")
    top = 34
    stacks: list[list[tuple[Heading, tuple[Row, ...], str]]] = [
        [(*content.principles, "principles")],
        [(*content.participants, "participants"), (*content.arrangement, "arrangement")],
        [(*content.processes, "processes")],
        [(*group, "outcomes") for group in content.outcomes],
    ]
    bottoms: list[float] = []
    middles: list[float] = []
    for x, stack in zip(xs, stacks, strict=True):
        y: float = top
        for heading, rows, cls in stack:
            y += box(canvas, x, y, COLUMN, heading=heading, rows=rows, cls=cls) + 10
        bottoms.append(y - 10)
        middles.append((top + y - 10) // 2)
    for i in range(3):
        start, end = xs[i] + COLUMN + 3, xs[i + 1] - 3
        middle = min(middles[i], middles[i + 1])
        canvas.path(f"M{start},{middle} H{end}", "flow")
    y = max(bottoms) + 16
    width = xs[-1] + COLUMN - 8
    for band, excerpt in content.bands:
        canvas.rect((8, y, width, 44), "band")
        canvas.text(16, y + 18, band, "box-title")
        canvas.text(16, y + 36, wrap(excerpt, width - 16, 1)[0] if excerpt else "", "row")
        y += 52
    return canvas.figure(fig_id, WIDTH, y, content.title, content.desc)
