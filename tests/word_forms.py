"""Word documents for the tests of `iwp import`, built with python-docx, plus raw WordprocessingML
for what python-docx cannot write (content controls, tracked changes, text boxes).

(Not named ``docx``: that is python-docx's own package.)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import parse_xml

__all__ = ["parse_xml"]
from docx.oxml.ns import nsdecls, qn

HEADER = ("Kenmerk", "Effect(en)", "Randvoorwaarde(n)")
W = nsdecls("w")


def new() -> Any:
    return Document()


def table(doc: Any, rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER) -> Any:
    """A principle's table: the header row and ``rows``; a cell's "\\n" starts a new paragraph."""
    out = doc.add_table(rows=1 + len(rows), cols=len(header))
    for column, text in enumerate(header):
        out.rows[0].cells[column].text = text
    for index, row in enumerate(rows, start=1):
        for column, text in enumerate(row):
            cell = out.rows[index].cells[column]
            first, *more = text.split("\n")
            cell.text = first
            for line in more:
                cell.add_paragraph(line)
    return out


def raw(doc: Any, xml: str) -> None:
    """Append raw body XML (``w:`` prefix declared) before the section properties."""
    element = parse_xml(xml.replace("<w:ROOT>", "").replace("</w:ROOT>", ""))
    doc.element.body.find(qn("w:sectPr")).addprevious(element)


def paragraph_xml(inner: str) -> str:
    """A paragraph element with ``inner`` as its content."""
    return f"<w:p {W}>{inner}</w:p>"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def form(doc: Any | None = None, *, name: str = "Zorglab Noord") -> Any:
    """A small filled-in appendix form in Dutch, with headings as Word's heading styles."""
    doc = doc or new()
    doc.add_paragraph(f"NAAM IWP: {name}")
    doc.add_paragraph("DATUM: 1 september 2026")
    doc.add_heading("A. Uitgangspunten", 1)
    doc.add_heading("Aanleiding & maatschappelijke urgentie, doelen & ambitie", 2)
    doc.add_paragraph("Personeelstekort in de ouderenzorg vraagt om slimme technologie.")
    doc.add_heading("Context, randvoorwaarden, mensen en middelen", 2)
    doc.add_paragraph("Een hbo, een mbo en twee zorginstellingen.")
    doc.add_heading("B. Opbrengsten", 1)
    doc.add_heading("Opbrengsten – (kennis)producten", 2)
    doc.add_paragraph("Adviezen over zorgtechnologie", style="List Bullet")
    doc.add_heading("Opbrengsten – ontwikkeling", 2)
    doc.add_paragraph("Studenten ontwikkelen zich als innovatieprofessional", style="List Bullet")
    doc.add_heading("Opbrengsten – verduurzaming", 2)
    doc.add_paragraph("Duurzaam leren in de zorg", style="List Bullet")
    doc.add_heading("C. Processen", 1)
    doc.add_paragraph("Studenten en zorgmedewerkers testen samen prototypes")
    doc.add_heading("D. Ontwerpprincipes en vormgeving van de IWP", 1)
    doc.add_heading("1. Creëer een authentieke werkomgeving", 2)
    table(
        doc,
        [
            (
                "Echte vragen van zorginstellingen",
                "Erg nuttig (J)",
                "Een vaste contactpersoon (nog verbeteren)",
            ),
            ("Alle deelnemers in één ruimte", "Snel contact (J,S)", "-"),
        ],
    )
    doc.add_heading("2. Vorm een lerende gemeenschap", 2)
    table(doc, [("Wekelijkse intervisie", "Van elkaar leren (J+S) – geen consensus", "")])
    return doc


def save(doc: Any, folder: Path, name: str = "form.docx") -> Path:
    path = folder / name
    doc.save(str(path))
    return path
