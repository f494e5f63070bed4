"""What a report of two cycles shows, in order: the sides, a summary of the principles before and
after, each changed principle with its features, then A-C, the groups, partners, contacts, the
links of the conjecture map and the general fields."""

from __future__ import annotations

from collections.abc import Sequence

from iwp_cli.diff.labels import Labels
from iwp_cli.diff.layout import (
    Block,
    Bullet,
    Diff,
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
from iwp_cli.diff.model import (
    Changes,
    Coverage,
    EntryChange,
    FeatureChange,
    FieldChange,
    OpenPoint,
    Principle,
    PrincipleDiff,
    SideInfo,
)
from iwp_cli.diff.textdiff import Paragraph

#: Fields whose values are ids or codes (shown as code).
CODE_FIELDS = frozenset(
    ("aspect", "also", "id", "kind", "yields", "level", "type", "language", "framework")
)


def outline(changes: Changes, lang: str) -> list[Block]:
    """The blocks of a report on ``changes``."""
    t = Labels(lang)
    blocks: list[Block] = [
        Heading(1, (label(t("changes") + ": "), text(changes.new.name))),
        side_line(t("old"), changes.old),
        side_line(t("new"), changes.new),
    ]
    if changes.equal:
        blocks.append(Line((label(t("no-differences")),)))
        return blocks
    blocks += summary(changes, t)
    titles = {p.principle.id: p.principle for p in changes.principles}
    changed = [p for p in changes.principles if p.changed]
    if changed:
        blocks.append(Heading(2, (label(t("principles")),)))
        for diff in changed:
            blocks.append(Heading(3, principle_title(diff.principle)))
            blocks += _principle(diff, titles, t)
    if changes.starting_points:
        blocks.append(Heading(2, (label(t("starting-points")),)))
        for change in changes.starting_points:
            blocks += [Bullet(0, "~", (label(t(change.field)),)), Diff(0, change.paragraphs)]
    if any(entries for _, entries in changes.outcomes):
        blocks.append(Heading(2, (label(t("outcomes")),)))
        for category, entries in changes.outcomes:
            if entries:
                blocks.append(Bullet(0, "*", (label(t(category)),)))
                blocks += entry_blocks(entries, 1, "", t)
    for key, entries in (
        ("processes", changes.processes),
        ("participants", changes.participants),
        ("partners", changes.partners),
        ("contacts", changes.contacts),
    ):
        if entries:
            blocks.append(Heading(2, (label(t(key)),)))
            blocks += entry_blocks(entries, 0, "", t)
    if changes.links:
        blocks.append(Heading(2, (label(t("links")),)))
        for link in changes.links:
            source = code(link.source) if link.kind == "yields" else text(link.source)
            mark = "+" if link.change == "added" else "-"
            spans = (label(t(link.kind) + ": "), source, label(" → "), code(link.target))
            blocks.append(Bullet(0, mark, spans))
    if changes.general:
        blocks.append(Heading(2, (label(t("general")),)))
        blocks += [Bullet(0, "~", field_spans(f, t)) for f in changes.general]
    return blocks


def side_line(name: str, side: SideInfo, *, language: bool = False) -> Line:
    """``old: `spec` — name (date)``; with ``language``, ``(date, nl)``."""
    detail = f"{side.date}, {side.language}" if language else side.date
    return Line(
        (
            label(f"{name}: "),
            code(side.spec),
            label(" — "),
            text(side.name),
            label(f" ({detail})"),
        )
    )


def principle_title(principle: Principle) -> Inline:
    """``1. Title``, or the id for a principle the framework does not know."""
    if principle.number is None:
        return (code(principle.id),)
    return (label(f"{principle.number}. "), text(principle.title))


def summary(changes: Changes, t: Labels) -> list[Block]:
    """The table of coverage before and after, and the counts of changes."""
    rows: list[tuple[Inline, ...]] = []
    for diff in changes.principles:
        number = str(diff.principle.number or "")
        cells = _coverage_cells(diff.old, diff.new)
        # The titles may come from the repository's own framework file: text, escaped.
        title = text(diff.principle.title)
        rows.append(((label(number),), (title,), *((label(c),) for c in cells)))
    total_old, total_new = changes.totals()
    totals = ("", t("total"), *_coverage_cells(total_old, total_new))
    rows.append(tuple((label(c),) for c in totals))
    header = ("#", t("principle"), t("features"), t("col-to-improve"), t("col-no-consensus"))
    table = Table(tuple((label(h),) for h in header), tuple(rows), (True, False, True, True, True))
    line = t("counts", **changes.counts())
    return [Heading(2, (label(t("summary")),)), table, Line((label(line),))]


def _coverage_cells(old: Coverage, new: Coverage) -> tuple[str, str, str]:
    def cell(before: int, after: int) -> str:
        return str(after) if before == after else f"{before} → {after}"

    return (
        cell(old.features, new.features),
        cell(old.to_improve, new.to_improve),
        cell(old.no_consensus, new.no_consensus),
    )


def _principle(diff: PrincipleDiff, titles: dict[str, Principle], t: Labels) -> list[Block]:
    blocks: list[Block] = []
    if diff.notes is not None:
        blocks += [Bullet(0, "~", (label(t("notes")),)), Diff(0, diff.notes.paragraphs)]
    for feature in diff.features:
        blocks.append(Bullet(0, _mark(feature), _feature_line(feature, titles, t)))
        blocks += entry_blocks(feature.effects, 1, t("effect") + ": ", t)
        blocks += entry_blocks(feature.preconditions, 1, t("precondition") + ": ", t)
        if feature.change == "changed":
            blocks += [Bullet(1, "~", field_spans(f, t)) for f in feature.fields]
        else:
            mark = _mark(feature)
            blocks += [Bullet(1, mark, _field_value(f, t)) for f in feature.fields]
        blocks += [
            Bullet(1, "v" if p.change == "resolved" else "!", _point(p, t))
            for p in feature.open_points
        ]
    for feature in diff.moved_out:
        where = _where(t("moved-to"), titles, feature.principle)
        blocks.append(Bullet(0, ">", (strong(feature.name), label(" — "), *where)))
    return blocks


def _mark(feature: FeatureChange) -> str:
    if feature.change == "added":
        return "+"
    if feature.change == "removed":
        return "-"
    return ">" if feature.old_principle is not None else "~"


def _feature_line(feature: FeatureChange, titles: dict[str, Principle], t: Labels) -> Inline:
    notes: list[Inline] = []
    if feature.change != "changed":
        notes.append((label(t(feature.change)),))
    if feature.old_principle is not None:
        notes.append(_where(t("moved-from"), titles, feature.old_principle))
    if feature.old_name is not None:
        notes.append((label(t("renamed-from") + " "), text(feature.old_name)))
    spans: list[Span] = [strong(feature.name)]
    for index, note in enumerate(notes):
        spans += [label(" — " if index == 0 else "; "), *note]
    if feature.similarity is not None:
        spans.append(label(" " + t("alike", percent=round(feature.similarity * 100))))
    return tuple(spans)


def _where(template: str, titles: dict[str, Principle], principle_id: str) -> Inline:
    """A label such as "moved to {where}" with the principle's number and title in it (the title
    as text: it may come from the repository's own framework file)."""
    before, _, after = template.partition("{where}")
    principle = titles.get(principle_id)
    if principle is None or principle.number is None:
        where: Inline = (code(principle_id),)
    else:
        where = (label(f"{principle.number}. "), text(principle.title))
    return (label(before), *where, label(after))


def _point(point: OpenPoint, t: Labels) -> Inline:
    where = t(point.on) + (", " + t("gone") if point.reason == "removed" else "")
    return (
        label(f"{t(point.change)}: {t(point.status)} ({where}) — "),
        text(point.text),
    )


def entry_blocks(entries: Sequence[EntryChange], depth: int, prefix: str, t: Labels) -> list[Block]:
    """Bullets for added, removed and changed entries, with a word diff for rewording."""
    blocks: list[Block] = []
    for entry in entries:
        mark = {"added": "+", "removed": "-", "changed": "~"}[entry.change]
        spans: list[Span] = [label(prefix)] if prefix else []
        spans.append(text(entry.text))
        if entry.change == "changed":
            for index, change in enumerate(entry.fields):
                spans.append(label(" — " if index == 0 else "; "))
                spans += field_spans(change, t)
        else:
            for index, change in enumerate(entry.fields):
                spans.append(label(" (" if index == 0 else "; "))
                value = change.new if entry.change == "added" else change.old
                spans += [
                    label(t(change.field) + ": "),
                    _value(change.field, t.value(change.field, value)),
                ]
            if entry.fields:
                spans.append(label(")"))
        blocks.append(Bullet(depth, mark, tuple(spans)))
        if entry.old_text is not None:
            paragraph = Paragraph("changed", entry.old_text, entry.text, entry.words)
            blocks.append(Diff(depth, (paragraph,)))
    return blocks


def _field_value(change: FieldChange, t: Labels) -> Inline:
    """``field: value`` of something added (its new value) or removed (its old value)."""
    value = change.new if change.new is not None else change.old
    return (label(t(change.field) + ": "), _value(change.field, t.value(change.field, value)))


def field_spans(change: FieldChange, t: Labels) -> Inline:
    """``field: old → new``."""
    return (
        label(t(change.field) + ": "),
        _value(change.field, t.value(change.field, change.old)),
        label(" → "),
        _value(change.field, t.value(change.field, change.new)),
    )


def _value(field: str, shown: str) -> Span:
    if shown == "—":
        return label(shown)
    return code(shown) if field in CODE_FIELDS else text(shown)
