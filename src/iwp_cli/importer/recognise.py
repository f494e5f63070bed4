"""Place a document's paragraphs and tables in the appendix form: A-D, the parts of A and B,
the principles, the fields NAAM IWP and DATUM.

The walk is one pass in document order. A heading (by style, outline level or a bold line)
opens a part, a subsection or a principle; what follows belongs to it: paragraphs to A's texts
and the principles' notes, each paragraph or bullet to one item of B or C, a principle's table
to its features. A table that is no principle's table (a layout table, a form whose whole body
sits in one table) is read cell by cell as if its content stood in the text. Whatever fits
nowhere is kept as `Unplaced`, never dropped.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from iwp_cli.framework import Framework
from iwp_cli.importer.archive import Refused
from iwp_cli.importer.blocks import Document, Para, Place, Row, Table
from iwp_cli.importer.features import read_features
from iwp_cli.importer.result import ImportResult, Skipped, Unplaced
from iwp_cli.importer.words import (
    field_of,
    heading_like,
    is_form_text,
    is_label,
    is_placeholder,
    parse_date,
    principle_of,
    section_of,
    sub_of,
)
from iwp_cli.mdform.sections import KEYS, principle_by_heading
from iwp_cli.notation import ITEM, Context, parse_part

#: Where text that belongs to no part goes: the notes of the last principle, the end of the
#: Markdown form.
END = "end"
#: Where text under a part but before its first subsection goes, as a marked note.
BEFORE_SUB = {"A": "starting_points.occasion", "B": "outcomes.products", "D": END}


class Recogniser:
    """One walk over a document; `result` gives the description's values and the report."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.context = Context(
            frozenset({"J", "S"}), lambda ref: principle_by_heading(ref, framework) or ref
        )
        self.section: str | None = None
        self.sub: str | None = None
        self.pending: tuple[str, Place] | None = None
        self.label: Para | None = None
        self.name: str | None = None
        self.date: datetime.date | None = None
        self.texts: dict[str, list[tuple[str, bool]]] = {}
        self.items: dict[str, list[Any]] = {}
        self.features: dict[str, list[dict[str, Any]]] = {}
        self.seen: set[str] = set()
        self.langs: Counter[str] = Counter()
        self.report = ImportResult({})

    def walk(self, blocks: list[Para | Table]) -> None:
        for block in blocks:
            if isinstance(block, Table):
                self.table(block)
            else:
                self.para(block)

    # Paragraphs ----------------------------------------------------------------------------

    def para(self, p: Para) -> None:
        text = p.text.strip()
        if not text:
            return
        if self.label is not None and (
            is_label(text) or section_of(p).what or principle_of(p, self.framework).what
        ):
            self.drop_label()
        found = field_of(p)
        if found.what == "field":
            self.pending = None
            self.field(found.key, found.rest, p.place)
            return
        if self.pending is not None and not heading_like(p):
            key, _ = self.pending
            self.pending = None
            if key != "date" or parse_date(text) is not None:
                self.field(key, text, p.place)
                return
        self.pending = None
        if p.date and self.date is None and (date := parse_date(text)) is not None:
            self.date = date
            self.report.put("date", p.place)
            return
        if self.heading(p) or self._form_text(p):
            return
        if self.section is None and p.heading == 1 and self.name is None:
            self.name = text
            self.report.put("name", p.place)
            return
        self.content(p)

    def _form_text(self, p: Para) -> bool:
        if is_label(p.text) and self.section == "D" and self.sub is not None:
            self.label = p  # the Vormgeving's labels head the team's text under them
            return True
        if not is_form_text(p.text, self.framework):
            return False
        self.report.skipped.append(Skipped(p.place, p.text, "form-text"))
        return True

    def heading(self, p: Para) -> bool:
        """Open a part, a principle or a subsection when ``p`` is its heading."""
        found = section_of(p)
        if found.what is not None:
            self.section, self.sub = found.key, None
            self.seen.add(found.key)
            self.langs[found.lang] += 1
            rest = found.rest.strip()
            if found.key == "A" and rest and self.name is None and not is_placeholder(rest):
                self.name = rest
                self.report.put("name", p.place)
            return True
        found = principle_of(p, self.framework, in_d=self.section == "D")
        if found.what is not None:
            self.section, self.sub = "D", found.key
            self.seen.add("D")
            self.langs[found.lang] += 1
            return True
        if self.section in ("A", "B"):
            found = sub_of(p, self.section)
            if found.what is not None:
                self.sub = found.key
                return True
        return False

    def field(self, key: str, value: str, place: Place) -> None:
        if not value:
            self.pending = (key, place)
            return
        if is_placeholder(value):
            self.report.skipped.append(Skipped(place, value, "form-text"))
            return
        if key == "date":
            date = parse_date(value)
            if date is None:
                self.unplaced(place, value, END)
            elif self.date is None:
                self.date = date
                self.report.put("date", place)
            else:
                reason = "field-repeated" if date == self.date else "field-differs"
                self.report.skipped.append(Skipped(place, value, reason))
            return
        if self.name is None:
            self.name = value
            self.report.put("name", place)
        else:
            reason = "field-repeated" if value == self.name else "field-differs"
            self.report.skipped.append(Skipped(place, value, reason))

    def content(self, p: Para) -> None:
        section, sub = self.section, self.sub
        if section is None:
            self.unplaced(p.place, p.text, END)
        elif section != "C" and sub is None:
            self.unplaced(p.place, p.text, BEFORE_SUB[section])
        elif section == "A":
            self.text(f"starting_points.{sub}", p)
        elif section == "B":
            self.item(f"outcomes.{sub}", p)
        elif section == "C":
            self.item("processes", p)
        else:
            self.text(f"principles.{sub}.notes", p)

    def drop_label(self) -> None:
        """A Vormgeving label with nothing under it: the form's text, left out."""
        if self.label is not None:
            self.report.skipped.append(Skipped(self.label.place, self.label.text, "form-text"))
            self.label = None

    def text(self, target: str, p: Para) -> None:
        if self.label is not None and target.endswith(".notes"):
            self.texts.setdefault(target, []).append((f"**{self.label.text.strip()}**", False))
            self.label = None
        self.texts.setdefault(target, []).append((p.text, p.listed))
        self.report.put(target, p.place)

    def item(self, target: str, p: Para) -> None:
        parsed = parse_part(p.text.replace("\\", "\\\\"), ITEM, self.context)
        item: dict[str, Any] = {"text": parsed.text or p.text.strip(), **parsed.values}
        self.items.setdefault(target, []).append(item if len(item) > 1 else item["text"])
        self.report.put(target, p.place)

    def unplaced(self, place: Place, text: str, target: str) -> None:
        self.report.unplaced.append(Unplaced(place, text, target))

    # Tables --------------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        found = read_features(table, self.context)
        self.rows(table.rows if found is None else found.above)
        if found is None:
            return
        self.drop_label()
        principle = self.sub if self.section == "D" else None
        if principle is None:
            rows = [" | ".join(cell.text for cell in row.cells) for row in table.rows]
            self.unplaced(table.place, "\n".join(rows), END)
            return
        self.seen.add("D")
        target = f"principles.{principle}.features"
        self.features.setdefault(principle, []).extend(found.features)
        self.report.put(target, table.place, len(found.features))
        for place, text in found.unplaced:
            self.unplaced(place, text, f"principles.{principle}.notes")

    def rows(self, rows: list[Row]) -> None:
        """A table that is no principle's table, cell by cell. A row of labels only ("NAAM
        IWP:", "DATUM:", "ONTWERPPRINCIPE") labels the cells below it, column by column."""
        labels: dict[int, str] = {}
        for row in rows:
            for cell in row.cells:
                if cell.column in labels:
                    self.pending = (labels[cell.column], cell.place)
                self.walk(cell.content)
                if cell.column in labels:
                    self.pending = None
            labels = self._labels(row)

    def _labels(self, row: Row) -> dict[int, str]:
        labels: dict[int, str] = {}
        for cell in row.cells:
            paras = [p for p in cell.paras if p.text.strip()]
            if len(paras) != 1:
                return {}
            found = field_of(paras[0])
            if found.what == "field" and not found.rest:
                labels[cell.column] = found.key
            elif not is_form_text(paras[0].text, self.framework):
                return {}
        return labels


def recognise(document: Document, framework: Framework) -> Recogniser:
    """Walk ``document``; `Refused` when it has no part of the form at all."""
    recogniser = Recogniser(framework)
    recogniser.walk(document.body)
    recogniser.drop_label()
    recogniser.report.notices = document.notices
    if not recogniser.seen:
        raise Refused("import-nothing")
    recogniser.report.missing = [letter for letter in KEYS if letter not in recogniser.seen]
    return recogniser
