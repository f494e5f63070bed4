"""What a document's reader gives the importer: paragraphs and tables with their places.

Every front end (.docx, .odt) turns its XML into these values; the recogniser
(`iwp_cli.importer.recognise`) never asks which one it came from. A *place* is the path to a
paragraph or cell in words a user finds back in Word: "table 3, row 2, column 1".
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The kinds of step in a place; `iwp_cli.importer.report` words them in nl and en.
PARAGRAPH, TABLE, ROW, COLUMN, TEXT_BOX = "paragraph", "table", "row", "column", "text-box"

Place = tuple[tuple[str, int], ...]


@dataclass(slots=True)
class Para:
    """A paragraph: its text (line breaks as ``\\n``) and what its look says.

    Attributes:
        heading: The heading level of its style or outline level (1-9), 0 when it has none; a
            Title style counts as 1.
        bold: Every character of its text is bold (forms mark their questions so).
        listed: It is a list item (bullets or numbering).
        date: Its style is Date (pandoc writes a document's date so).
    """

    text: str
    place: Place
    heading: int = 0
    bold: bool = False
    listed: bool = False
    date: bool = False


@dataclass(slots=True)
class Cell:
    """One cell, counted once however many grid columns or rows it spans."""

    column: int
    place: Place
    content: list[Para | Table] = field(default_factory=list)

    @property
    def paras(self) -> list[Para]:
        return [item for item in self.content if isinstance(item, Para)]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    place: Place
    header: bool = False


@dataclass(slots=True)
class Table:
    rows: list[Row]
    place: Place


@dataclass(slots=True)
class Notice:
    """Something the reader met that the description does not hold as such.

    ``kind``: ``inserted`` and ``deleted`` (tracked changes), ``comment``, ``image``,
    ``placeholder`` (a content control still showing its prompt).
    """

    kind: str
    place: Place
    text: str
    author: str = ""


@dataclass(slots=True)
class Document:
    body: list[Para | Table]
    notices: list[Notice] = field(default_factory=list)
