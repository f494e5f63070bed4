"""Read a .docx body into paragraphs and tables (`iwp_cli.importer.blocks`).

The XML is parsed with python-docx's parser (no entities resolved) and walked directly, so that
what Word users do to a form is seen for what it is: a cell merged across columns or rows is one
cell (python-docx's ``Table.cell`` repeats it at every grid position), content controls
(``w:sdt``) are opened and a prompt they still show is skipped, tracked insertions are kept and
deletions dropped (both noticed), a text box's paragraphs follow the paragraph they are anchored
in (once: Word writes each box twice, for new and for old readers), comments are noticed with
the place they are on, and pictures are never read (the package's list of media names them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

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
from iwp_cli.importer.docx_xml import children, comments, is_on, number, span
from iwp_cli.importer.limits import MAX_PARAGRAPHS, MAX_TABLES
from iwp_cli.importer.styles import Styles, read_styles

Element = Any
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Containers whose children are read as if they stood in their place.
_OPEN = {
    f"{_W}{n}"
    for n in (
        "ins",
        "moveTo",
        "hyperlink",
        "smartTag",
        "customXml",
        "fldSimple",
        "sdtContent",
        "dir",
        "bdo",
    )
}
_SKIP = {
    f"{_W}{n}"
    for n in (
        "pPr",
        "rPr",
        "sdtPr",
        "sdtEndPr",
        "instrText",
        "delInstrText",
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
    )
}


def read_docx(archive: Archive) -> Document:
    """The body of the document in ``archive`` with what was noticed on the way."""
    from docx.oxml.parser import parse_xml

    def parse(name: str) -> Element | None:
        data = archive.part(name)
        if data is None:
            return None
        try:
            return parse_xml(data)
        except Exception as error:  # lxml's XMLSyntaxError and its relatives
            raise Refused("import-bad-xml", part=name, reason=str(error)[:200]) from None

    root = parse("word/document.xml")
    body = root.find(f"{_W}body") if root is not None else None
    if body is None:
        raise Refused("import-not-word")
    walker = _Walker(read_styles(parse("word/styles.xml")), comments(parse("word/comments.xml")))
    out = walker.blocks(body, ())
    return Document(out, walker.notices)


@dataclass(slots=True)
class _Line:
    """A paragraph's text while it is read."""

    pieces: list[str] = field(default_factory=list)
    plain: bool = False  # some text was not bold
    boxes: list[Element] = field(default_factory=list)


class _Walker:
    def __init__(self, styles: Styles, comments: dict[str, tuple[str, str]]) -> None:
        self.styles, self.comments = styles, comments
        self.notices: list[Notice] = []
        self.paragraphs = self.tables = self.boxes = 0
        self.numbered = 0  # paragraphs outside tables and text boxes, as places count them
        self.seen_comments: set[str] = set()

    def blocks(self, container: Element, place: Place) -> list[Para | Table]:
        out: list[Para | Table] = []
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                out.extend(self.paragraph(child, place))
            elif tag == f"{_W}tbl":
                out.append(self.table(child))
            elif tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"):
                content = child.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else child
                if content is not None and not self._prompt(child):
                    out.extend(self.blocks(content, place))
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self._deleted(child, place)
        return out

    def _prompt(self, sdt: Element) -> bool:
        """Whether a content control still shows its prompt ("Klik of tik om tekst in te
        voeren"): then its text is the form's, not the team's."""
        properties = sdt.find(f"{_W}sdtPr")
        if sdt.tag != f"{_W}sdt" or properties is None:
            return False
        if properties.find(f"{_W}showingPlcHdr") is None:
            return False
        text = "".join(t.text or "" for t in sdt.iter(f"{_W}t")).strip()
        if text:
            self.notices.append(Notice("placeholder", self._here(), text))
        return True

    def _here(self) -> Place:
        return ((PARAGRAPH, self.numbered),) if self.numbered else ()

    def _deleted(self, element: Element, place: Place) -> None:
        text = "".join(t.text or "" for t in element.iter(f"{_W}delText", f"{_W}t"))
        if text.strip():
            author = element.get(f"{_W}author", "")
            self.notices.append(Notice("deleted", place or self._here(), text.strip(), author))

    # Paragraphs ----------------------------------------------------------------------------

    def paragraph(self, p: Element, place: Place) -> list[Para | Table]:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise Refused("import-too-many-paragraphs", limit=MAX_PARAGRAPHS)
        if not place:
            self.numbered += 1
        here: Place = place or ((PARAGRAPH, self.numbered),)
        style = self.styles.of_paragraph(p)
        line = _Line()
        self._inline(p, line, here, style.bold)
        text = re.sub(r"[ \t\u00a0]+", " ", "".join(line.pieces))
        text = "\n".join(part.strip() for part in text.split("\n")).strip("\n ")
        para = Para(
            text, here, style.heading, bool(text) and not line.plain, style.listed, style.date
        )
        out: list[Para | Table] = [para]
        for box in line.boxes:
            self.boxes += 1
            out.extend(self.blocks(box, ((TEXT_BOX, self.boxes),)))
        return out

    def _inline(self, element: Element, line: _Line, place: Place, bold: bool) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == f"{_W}r":
                self._run(child, line, place, bold)
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self._deleted(child, place)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None and not self._prompt(child):
                    self._inline(content, line, place, bold)
            elif tag in _OPEN:
                if tag in (f"{_W}ins", f"{_W}moveTo"):
                    self._inserted(child, place)
                self._inline(child, line, place, bold)
            elif tag in (f"{_W}commentRangeStart", f"{_W}commentReference"):
                self._comment(child.get(f"{_W}id", ""), place)
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")
                if choice is not None:
                    self._inline(choice, line, place, bold)

    def _run(self, run: Element, line: _Line, place: Place, bold: bool) -> None:
        bold = self.styles.run_bold(run, bold)
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                text = child.text or ""
                line.pieces.append(text)
                line.plain = line.plain or (bool(text.strip()) and not bold)
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                line.pieces.append(" ")
            elif tag in (f"{_W}br", f"{_W}cr"):
                line.pieces.append(" " if child.get(f"{_W}type") == "page" else "\n")
            elif tag == f"{_W}noBreakHyphen":
                line.pieces.append("-")
            elif tag == f"{_W}commentReference":
                self._comment(child.get(f"{_W}id", ""), place)
            elif tag in (f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_MC}AlternateContent"):
                self._drawing(child, line)

    def _drawing(self, element: Element, line: _Line) -> None:
        if element.tag == f"{_MC}AlternateContent":
            element = element.find(f"{_MC}Choice")
            if element is None:
                return
        boxes = list(element.iter(f"{_W}txbxContent"))
        if boxes:  # a picture is noticed from the package's media, with its size
            line.boxes.append(boxes[0])

    def _inserted(self, element: Element, place: Place) -> None:
        text = "".join(t.text or "" for t in element.iter(f"{_W}t"))
        if text.strip():
            author = element.get(f"{_W}author", "")
            self.notices.append(Notice("inserted", place, text.strip(), author))

    def _comment(self, ident: str, place: Place) -> None:
        if ident in self.seen_comments or ident not in self.comments:
            return
        self.seen_comments.add(ident)
        author, text = self.comments[ident]
        self.notices.append(Notice("comment", place, text, author))

    # Tables --------------------------------------------------------------------------------

    def table(self, tbl: Element) -> Table:
        self.tables += 1
        if self.tables > MAX_TABLES:
            raise Refused("import-too-many-tables", limit=MAX_TABLES)
        place: Place = ((TABLE, self.tables),)
        rows: list[Row] = []
        for tr in children(tbl, "tr"):
            properties = tr.find(f"{_W}trPr")
            if properties is not None and properties.find(f"{_W}del") is not None:
                self._deleted(tr, (*place, (ROW, len(rows) + 1)))
                continue
            rows.append(self.row(tr, properties, (*place, (ROW, len(rows) + 1))))
        return Table(rows, place)

    def row(self, tr: Element, properties: Element | None, place: Place) -> Row:
        header = properties is not None and is_on(properties.find(f"{_W}tblHeader"))
        column = 0
        if properties is not None and (before := properties.find(f"{_W}gridBefore")) is not None:
            column = number(before.get(f"{_W}val"), 0)
        cells: list[Cell] = []
        for tc in children(tr, "tc"):
            cell_place: Place = (*place, (COLUMN, column + 1))
            width, merged = span(tc)
            cell = Cell(column, cell_place)
            if not merged:  # a cell merged with the one above is that one: counted once
                cell.content = self.blocks(tc, cell_place)
                cells.append(cell)
            column += width
        return Row(cells, place, header)
