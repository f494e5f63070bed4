"""`iwp import` on what real Word documents hold: merged cells, repeated header rows, empty rows,
line breaks and bullets in cells, content controls, nested tables and a body inside one table,
tracked changes, comments and text boxes. The documents are built here with python-docx, with
raw WordprocessingML where it cannot write the thing."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import word_forms
from iwp_cli.framework import builtin_framework
from iwp_cli.importer import ImportResult, import_file
from iwp_cli.model import Description
from word_forms import W, paragraph_xml, run

TODAY = datetime.date(2026, 12, 1)


def _import(doc: Any, tmp_path: Path) -> tuple[Description, ImportResult]:
    path = word_forms.save(doc, tmp_path)
    result = import_file(path, builtin_framework(), today=TODAY)
    return Description.model_validate(result.data), result


def _principle(doc: Any) -> Any:
    doc.add_heading("D. Ontwerpprincipes en vormgeving van de IWP", 1)
    doc.add_heading("4. Integreer leren en werken", 2)
    return doc


def test_merged_cells_count_once(tmp_path: Path) -> None:
    doc = _principle(word_forms.new())
    table = word_forms.table(
        doc,
        [
            ("Breed", "Over twee kolommen (J)", ""),
            ("Hoog", "Eerste effect (S)", "-"),
            ("", "Tweede effect (J)", "Een coach"),
        ],
    )
    table.cell(1, 1).merge(table.cell(1, 2))
    table.cell(2, 0).merge(table.cell(3, 0))
    description, _ = _import(doc, tmp_path)
    wide, tall = description.principles["learning-and-working"].features
    assert [e.text for e in wide.effects] == ["Over twee kolommen"] and wide.preconditions is None
    assert tall.name == "Hoog"
    assert [(e.text, e.who) for e in tall.effects] == [
        ("Eerste effect", ["S"]),
        ("Tweede effect", ["J"]),
    ]
    assert [p.text for p in tall.preconditions or []] == ["Een coach"]


def test_repeated_header_rows_and_empty_rows_are_skipped(tmp_path: Path) -> None:
    doc = _principle(word_forms.new())
    table = word_forms.table(
        doc,
        [("Een", "Effect (J)", "-"), ("", "", ""), word_forms.HEADER, ("Twee", "Effect (S)", "-")],
    )
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(word_forms.parse_xml(f'<w:tblHeader {W} w:val="true"/>'))
    description, result = _import(doc, tmp_path)
    features = description.principles["learning-and-working"].features
    assert [f.name for f in features] == ["Een", "Twee"]
    assert not result.unplaced


def test_paragraphs_bullets_and_line_breaks_in_cells(tmp_path: Path) -> None:
    doc = _principle(word_forms.new())
    table = word_forms.table(
        doc, [("Kenmerk", "Motiverend (J)\nLeerzaam", "Tijd\nRuimte (nog verbeteren)")]
    )
    effects = table.cell(1, 1)
    effects.paragraphs[1].style = doc.styles["List Bullet"]
    effects.paragraphs[1].add_run(" (S)")
    table.cell(1, 0).paragraphs[0].add_run().add_break()
    table.cell(1, 0).paragraphs[0].add_run("met een tweede regel")
    description, _ = _import(doc, tmp_path)
    (feature,) = description.principles["learning-and-working"].features
    assert feature.name == "Kenmerk\nmet een tweede regel"
    assert [(e.text, e.who) for e in feature.effects] == [
        ("Motiverend", ["J"]),
        ("Leerzaam", ["S"]),
    ]
    assert [(p.text, p.status) for p in feature.preconditions or []] == [
        ("Tijd", None),
        ("Ruimte", feature.preconditions[1].status),
    ]
    assert feature.preconditions and str(feature.preconditions[1].status).endswith("TO_IMPROVE")


SDT = (
    '<w:sdt {W}><w:sdtPr><w:alias w:val="Naam"/></w:sdtPr><w:sdtContent>'
    "<w:p>{inner}</w:p></w:sdtContent></w:sdt>"
)
PROMPT = (
    "<w:sdt {W}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p>"
    "<w:r><w:t>Klik of tik om tekst in te voeren.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
)


def test_content_controls(tmp_path: Path) -> None:
    doc = word_forms.new()
    word_forms.raw(
        doc,
        SDT.format(
            W=W,
            inner=run("NAAM IWP: ")
            + f"<w:sdt><w:sdtContent>{run('Zorglab Zuid')}</w:sdtContent></w:sdt>",
        ),
    )
    doc.add_heading("C. Processen", 1)
    word_forms.raw(doc, SDT.format(W=W, inner=run("Samen prototypes testen")))
    word_forms.raw(doc, PROMPT.format(W=W))
    _principle(doc)
    table = word_forms.table(doc, [("In een veld", "Effect (J)", "-")])
    row = table.rows[1]._tr
    wrapper = word_forms.parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    row.addprevious(wrapper)
    wrapper[1].append(row)
    description, result = _import(doc, tmp_path)
    assert description.name == "Zorglab Zuid"
    assert [p.text for p in description.processes] == ["Samen prototypes testen"]
    assert [f.name for f in description.principles["learning-and-working"].features] == [
        "In een veld"
    ]
    assert [(n.kind, n.text) for n in result.notices] == [
        ("placeholder", "Klik of tik om tekst in te voeren.")
    ]


def test_a_body_inside_one_outer_table_with_a_nested_table(tmp_path: Path) -> None:
    doc = word_forms.new()
    outer = doc.add_table(rows=2, cols=1)
    top = outer.cell(0, 0)
    top.text = "NAAM IWP:"
    top.add_paragraph("Zorglab Oost")
    top.add_paragraph().add_run("C. Processen").bold = True
    top.add_paragraph("Co-creatie met zorgmedewerkers")
    cell = outer.cell(1, 0)
    cell.text = "5. Faciliteer reflectie"
    cell.paragraphs[0].runs[0].bold = True
    inner = cell.add_table(rows=2, cols=3)
    for column, text in enumerate(word_forms.HEADER):
        inner.cell(0, column).text = text
    for column, text in enumerate(("Intervisie", "Leren van elkaar (J,S)", "-")):
        inner.cell(1, column).text = text
    description, result = _import(doc, tmp_path)
    assert description.name == "Zorglab Oost"
    assert [p.text for p in description.processes] == ["Co-creatie met zorgmedewerkers"]
    (feature,) = description.principles["reflection"].features
    assert feature.effects[0].who == ["J", "S"] and feature.preconditions == []
    assert result.placed["principles.reflection.features"] == [(("table", 2),)]


def test_tracked_changes_keep_insertions_and_drop_deletions(tmp_path: Path) -> None:
    doc = word_forms.new()
    doc.add_heading("C. Processen", 1)
    word_forms.raw(
        doc,
        paragraph_xml(
            run("Studenten testen ")
            + f'<w:ins w:id="1" w:author="Anna">{run("samen met zorgmedewerkers ")}</w:ins>'
            + '<w:del w:id="2" w:author="Piet"><w:r><w:delText>alleen </w:delText></w:r></w:del>'
            + run("prototypes")
        ),
    )
    description, result = _import(doc, tmp_path)
    assert [p.text for p in description.processes] == [
        "Studenten testen samen met zorgmedewerkers prototypes"
    ]
    assert [(n.kind, n.text, n.author) for n in result.notices] == [
        ("inserted", "samen met zorgmedewerkers", "Anna"),
        ("deleted", "alleen", "Piet"),
    ]


def test_comments_are_reported_with_their_place(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    doc = word_forms.form()
    paragraph = doc.add_paragraph("Extra proces")
    doc.add_comment(paragraph.runs, text="Klopt dit nog?", author="Anna")
    path = word_forms.save(doc, tmp_path)
    result = iwp("import", path, "--lang", "nl")
    assert 'alinea 20: opmerking van Anna, niet geïmporteerd: "Klopt dit nog?"' in result.stdout


TEXT_BOX = (
    '<w:p {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
    "<w:txbxContent><w:p>{run}</w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p>{run}</w:p></w:txbxContent>"
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


def test_a_text_box_is_read_once(tmp_path: Path) -> None:
    doc = word_forms.new()
    doc.add_heading("C. Processen", 1)
    word_forms.raw(doc, TEXT_BOX.format(W=W, run=run("Reflectie in teams")))
    description, _ = _import(doc, tmp_path)
    assert [p.text for p in description.processes] == ["Reflectie in teams"]


def test_the_forms_principle_pages_with_their_label_rows(tmp_path: Path) -> None:
    doc = word_forms.new()
    doc.add_heading("A. UITGANGSPUNTEN Zorglab West", 1)
    for number, title in ((1, "Creëer een authentieke werkomgeving"), (5, "Faciliteer reflectie")):
        head = doc.add_table(rows=2, cols=3)
        for column, text in enumerate(("ONTWERPPRINCIPE", "NAAM IWP:", "DATUM:")):
            head.cell(0, column).text = text
        for column, text in enumerate((f"{number}. {title}", "Zorglab West", "12-3-2026")):
            head.cell(1, column).text = text
        doc.add_paragraph().add_run("VORMGEVING VAN DE IWP").bold = True
        doc.add_paragraph().add_run("Kenmerken van de deelnemers").bold = True
        doc.add_paragraph(f"Over {title}.")
        doc.add_paragraph().add_run("Inrichting").bold = True
        word_forms.table(doc, [(f"Kenmerk bij {number}", "Goed (J)", "-")])
    description, result = _import(doc, tmp_path)
    assert description.name == "Zorglab West"
    assert description.date == datetime.date(2026, 3, 12)
    assert description.principles["reflection"].notes == (
        "**Kenmerken van de deelnemers**\n\nOver Faciliteer reflectie."
    )
    assert [f.name for f in description.principles["authentic-work-environment"].features] == [
        "Kenmerk bij 1"
    ]
    assert not result.unplaced
    assert [s.reason for s in result.skipped].count("field-repeated") == 3
    assert [s.text for s in result.skipped].count("Inrichting") == 2  # nothing under it


def test_marks_the_model_refuses_become_notes(tmp_path: Path) -> None:
    doc = _principle(word_forms.new())
    word_forms.table(doc, [("Werkruimte (aspect: inrichting)", "Rust (J)\n(S)", "-"),
                           ("(nog verbeteren)", "Onduidelijk (S)", "-")])  # fmt: skip
    doc.add_heading("C. Processen", 1)
    doc.add_paragraph("(soort: advies)")
    description, result = _import(doc, tmp_path)
    room, unnamed = description.principles["learning-and-working"].features
    assert room.name == "Werkruimte" and room.aspect is None
    assert [e.text for e in room.effects] == ["Rust"]
    assert unnamed.name == "(nog verbeteren)"
    assert [p.text for p in description.processes] == ["(soort: advies)"]
    assert "NOG PLAATSEN (iwp import, in het bestand): Werkruimte: (aspect: inrichting)" in (
        description.principles["learning-and-working"].notes or ""
    )
    assert [(u.text, u.target) for u in result.unplaced] == [
        ("(soort: advies): (kind: advice)", "principles.embedding.notes"),
        ("(who: S)", "principles.learning-and-working.notes"),
        ("Werkruimte: (aspect: inrichting)", "principles.learning-and-working.notes"),
    ]


def test_fields_in_a_table_label_beside_value(tmp_path: Path) -> None:
    doc = word_forms.new()
    fields = doc.add_table(rows=2, cols=2)
    for row, (label, value) in enumerate((("NAAM IWP:", "Zorglab Zuid"), ("DATUM:", "1-2-2026"))):
        fields.cell(row, 0).text = label
        fields.cell(row, 1).text = value
    doc.add_heading("C. Processen", 1)
    doc.add_paragraph("Samen testen")
    description, result = _import(doc, tmp_path)
    assert (description.name, description.date) == ("Zorglab Zuid", datetime.date(2026, 2, 1))
    assert not result.unplaced and not result.defaults


def test_a_principle_worded_otherwise_is_found_by_its_number_under_d(tmp_path: Path) -> None:
    doc = word_forms.new()
    doc.add_heading("1. Inleiding", 2)
    doc.add_paragraph("Dit format is ingevuld door het team.")
    doc.add_heading("D. Ontwerpprincipes", 1)
    doc.add_heading("3. Diversiteit benutten", 2)
    word_forms.table(doc, [("Gemengde teams", "Leren van elkaar (J)", "-")])
    description, result = _import(doc, tmp_path)
    assert [f.name for f in description.principles["diversity"].features] == ["Gemengde teams"]
    assert [u.text for u in result.unplaced] == [
        "1. Inleiding",
        "Dit format is ingevuld door het team.",
    ]
