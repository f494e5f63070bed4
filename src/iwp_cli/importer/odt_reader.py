"""Read an OpenDocument text (.odt, LibreOffice's own format) into paragraphs and tables, with
the standard library only: ``content.xml`` through ElementTree, after `iwp_cli.importer.archive`
has refused any DOCTYPE (so no entity is ever expanded) and bounded the part's size.

The same cases as in Word: a cell spanning columns is one cell and a covered cell is skipped,
repeated header rows and empty rows are left to the recogniser, tracked changes keep their
insertions (the text between the change marks) and drop their deletions (kept apart in
``text:tracked-changes``), both noticed; comments (``office:annotation``) are noticed, a text
box's paragraphs follow the paragraph it stands in, form fields still showing their prompt
(``text:placeholder``) are skipped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from iwp_cli.importer.archive import Archive, Refused
from iwp_cli.importer.blocks import (
    COLUMN,
    PARAGRAPH,
    ROW,
    TABLE,
    TEXT_BOX,
    Cell,
    Document,
    Notice,
    Para,
    Place,
    Row,
    Table,
)
from iwp_cli.importer.limits import MAX_PARAGRAPHS, MAX_TABLES

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
#: Nesting of tables, lists and text boxes the reader follows (ElementTree has no limit).
MAX_DEPTH = 64
_HEADING = re.compile(r"(?:Heading|Kop)_20_([1-9])\Z")


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def read_odt(archive: Archive) -> Document:
    content = _parse(archive, "content.xml")
    if content is None:
        raise Refused("import-not-word")
    styles = _Styles()
    for root in (_parse(archive, "styles.xml"), content):
        if root is not None:
            styles.add(root)
    body = content.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise Refused("import-not-word")
    walker = _Walker(styles)
    walker.changes(body.find(_q("text:tracked-changes")))
    return Document(walker.blocks(body, (), 0), walker.notices)


def _parse(archive: Archive, name: str) -> ET.Element | None:
    data = archive.part(name)
    if data is None:
        return None
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise Refused("import-bad-xml", part=name, reason=str(error)[:200]) from None


class _Styles:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.bold: dict[str, bool] = {}

    def add(self, root: ET.Element) -> None:
        for style in root.iter(_q("style:style")):
            name = style.get(_q("style:name"), "")
            self.parent[name] = style.get(_q("style:parent-style-name"), "")
            props = style.find(_q("style:text-properties"))
            weight = props.get(_q("fo:font-weight")) if props is not None else None
            if weight is not None:
                self.bold[name] = weight in ("bold", "600", "700", "800", "900")

    def chain(self, name: str) -> list[str]:
        out: list[str] = []
        while name and name not in out and len(out) < 20:
            out.append(name)
            name = self.parent.get(name, "")
        return out

    def is_bold(self, name: str, inherited: bool = False) -> bool:
        return next((self.bold[n] for n in self.chain(name) if n in self.bold), inherited)

    def heading(self, name: str) -> int:
        for style in self.chain(name):
            if style == "Title":
                return 1
            if (match := _HEADING.match(style)) is not None:
                return int(match.group(1))
        return 0


@dataclass(slots=True)
class _Line:
    pieces: list[str] = field(default_factory=list)
    plain: bool = False
    boxes: list[ET.Element] = field(default_factory=list)


class _Walker:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.notices: list[Notice] = []
        self.paragraphs = self.numbered = self.tables = self.box_count = 0
        self.inserted: dict[str, str] = {}  # change id -> author, for insertions
        self.active: Notice | None = None

    def changes(self, tracked: ET.Element | None) -> None:
        for region in tracked if tracked is not None else ():
            ident = region.get(_q("text:id"), "")
            for change in region:
                creator = change.find(f".//{_q('dc:creator')}")
                author = "".join(creator.itertext()) if creator is not None else ""
                if change.tag == _q("text:insertion"):
                    self.inserted[ident] = author
                elif change.tag == _q("text:deletion"):
                    text = " ".join("".join(p.itertext()) for p in change.iter(_q("text:p")))
                    if text.strip():
                        self.notices.append(Notice("deleted", (), text.strip(), author))

    def blocks(self, container: ET.Element, place: Place, depth: int) -> list[Para | Table]:
        if depth > MAX_DEPTH:
            raise Refused("import-bad-xml", part="content.xml", reason="nested too deeply")
        out: list[Para | Table] = []
        for child in container:
            if child.tag in (_q("text:p"), _q("text:h")):
                out.extend(self.paragraph(child, place, False, depth))
            elif child.tag == _q("text:list"):
                for item in child.iter(_q("text:list-item")):
                    for inner in item:
                        if inner.tag in (_q("text:p"), _q("text:h")):
                            out.extend(self.paragraph(inner, place, True, depth))
            elif child.tag == _q("table:table"):
                out.append(self.table(child, depth))
            elif child.tag in (_q("text:section"), _q("text:index-body")):
                out.extend(self.blocks(child, place, depth + 1))
        return out

    def paragraph(
        self, p: ET.Element, place: Place, listed: bool, depth: int
    ) -> list[Para | Table]:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise Refused("import-too-many-paragraphs", limit=MAX_PARAGRAPHS)
        if not place:
            self.numbered += 1
        here: Place = place or ((PARAGRAPH, self.numbered),)
        style = p.get(_q("text:style-name"), "")
        heading = self.styles.heading(style)
        if p.tag == _q("text:h"):
            heading = min(_count(p.get(_q("text:outline-level"))), 9)
        line = _Line()
        bold = self.styles.is_bold(style)
        if p.text:
            self._text(p.text, line, bold)
        self._inline(p, line, here, bold)
        text = re.sub(r"[ \t]+", " ", "".join(line.pieces))
        text = "\n".join(part.strip() for part in text.split("\n")).strip("\n ")
        date = "Date" in self.styles.chain(style)
        out: list[Para | Table] = [
            Para(text, here, heading, bool(text) and not line.plain, listed, date)
        ]
        for box in line.boxes:
            self.box_count += 1
            out.extend(self.blocks(box, ((TEXT_BOX, self.box_count),), depth + 1))
        return out

    def _text(self, text: str, line: _Line, bold: bool) -> None:
        collapsed = re.sub(r"\s+", " ", text)
        line.pieces.append(collapsed)
        if self.active is not None:
            self.active.text = (self.active.text + collapsed).lstrip()
        line.plain = line.plain or (bool(text.strip()) and not bold)

    def _inline(self, element: ET.Element, line: _Line, place: Place, bold: bool) -> None:
        for child in element:
            tag = child.tag
            if tag == _q("text:span"):
                self._inline_text(
                    child,
                    line,
                    place,
                    self.styles.is_bold(child.get(_q("text:style-name"), ""), bold),
                )
            elif tag in (_q("text:a"), _q("text:meta"), _q("text:ruby")):
                self._inline_text(child, line, place, bold)
            elif tag == _q("text:s"):
                line.pieces.append(" " * _count(child.get(_q("text:c"))))
            elif tag == _q("text:tab"):
                line.pieces.append(" ")
            elif tag == _q("text:line-break"):
                line.pieces.append("\n")
            elif tag == _q("office:annotation"):
                self._comment(child, place)
            elif tag == _q("text:placeholder"):
                self.notices.append(Notice("placeholder", place, "".join(child.itertext())))
            elif tag == _q("draw:frame"):
                line.boxes.extend(child.iter(_q("draw:text-box")))
            elif tag == _q("text:change-start"):
                self._change(child.get(_q("text:change-id"), ""), place)
            elif tag == _q("text:change-end") and self.active is not None:
                self.active.text = self.active.text.strip()
                self.active = None
            if child.tail:
                self._text(child.tail, line, bold)

    def _inline_text(self, element: ET.Element, line: _Line, place: Place, bold: bool) -> None:
        if element.text:
            self._text(element.text, line, bold)
        self._inline(element, line, place, bold)

    def _change(self, ident: str, place: Place) -> None:
        if ident in self.inserted:
            self.active = Notice("inserted", place, "", self.inserted[ident])
            self.notices.append(self.active)

    def _comment(self, annotation: ET.Element, place: Place) -> None:
        creator = annotation.find(_q("dc:creator"))
        author = "".join(creator.itertext()) if creator is not None else ""
        text = "\n".join("".join(p.itertext()) for p in annotation.iter(_q("text:p")))
        self.notices.append(Notice("comment", place, text.strip(), author))

    def table(self, element: ET.Element, depth: int) -> Table:
        self.tables += 1
        if self.tables > MAX_TABLES:
            raise Refused("import-too-many-tables", limit=MAX_TABLES)
        place: Place = ((TABLE, self.tables),)
        rows: list[Row] = []
        for tr, header in _rows(element):
            rows.append(self.row(tr, (*place, (ROW, len(rows) + 1)), header, depth))
        return Table(rows, place)

    def row(self, tr: ET.Element, place: Place, header: bool, depth: int) -> Row:
        cells: list[Cell] = []
        column = 0
        for tc in tr:
            repeat = _count(tc.get(_q("table:number-columns-repeated")))
            span = _count(tc.get(_q("table:number-columns-spanned")))
            if tc.tag == _q("table:table-cell"):
                cell_place: Place = (*place, (COLUMN, column + 1))
                cells.append(Cell(column, cell_place, self.blocks(tc, cell_place, depth + 1)))
                column += span + repeat - 1
            elif tc.tag == _q("table:covered-table-cell"):
                column += repeat
        return Row(cells, place, header)


_GROUPS = ("table:table-header-rows", "table:table-rows", "table:table-row-group")


def _rows(table: ET.Element, header: bool = False) -> list[tuple[ET.Element, bool]]:
    """The rows of ``table`` itself (not of a table nested in a cell), in order, with whether
    each is a header row."""
    found: list[tuple[ET.Element, bool]] = []
    for child in table:
        if child.tag == _q("table:table-row"):
            found.append((child, header))
        elif child.tag in {_q(group) for group in _GROUPS}:
            found.extend(_rows(child, header or child.tag == _q("table:table-header-rows")))
    return found


def _count(value: str | None) -> int:
    """A count attribute (spaces, repeated or spanned columns), 1 when absent or not a number,
    at most 1,000 (a document that says a billion spaces gets a thousand)."""
    try:
        return min(max(int(value or "1"), 1), 1000)
    except ValueError:
        return 1
