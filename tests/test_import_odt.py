"""`iwp import` of an OpenDocument text (.odt), written here as LibreOffice writes one: headings
with outline levels, lists, a table with header rows, a cell spanning two columns and the cell
it covers, tracked changes, a comment and a text box."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

from iwp_cli.framework import builtin_framework
from iwp_cli.importer import import_file
from iwp_cli.model import Description

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
CELL = "<table:table-cell{attrs}><text:p>{text}</text:p></table:table-cell>"
BODY = """
<text:tracked-changes>
  <text:changed-region text:id="c1"><text:insertion><office:change-info>
    <dc:creator>Anna</dc:creator></office:change-info></text:insertion></text:changed-region>
  <text:changed-region text:id="c2"><text:deletion><office:change-info>
    <dc:creator>Piet</dc:creator></office:change-info><text:p>alleen</text:p></text:deletion>
  </text:changed-region>
</text:tracked-changes>
<text:p text:style-name="P1">NAAM IWP:</text:p>
<text:p>Zorglab Odt</text:p>
<text:p text:style-name="Date">1 februari 2026</text:p>
<text:h text:outline-level="1">C. Processen</text:h>
<text:list><text:list-item><text:p>Testen <text:change-start text:change-id="c1"/>met
  zorgmedewerkers<text:change-end text:change-id="c1"/><text:change text:change-id="c2"/> samen
  <office:annotation><dc:creator>Anna</dc:creator><text:p>Klopt dit?</text:p></office:annotation>
  </text:p></text:list-item></text:list>
<text:p><draw:frame><draw:text-box>
  <text:p>Reflectie in teams</text:p></draw:text-box></draw:frame></text:p>
<text:p text:style-name="P1">3. Maak gebruik van diversiteit</text:p>
<table:table>
  <table:table-column table:number-columns-repeated="3"/>
  <table:table-header-rows><table:table-row>{header}</table:table-row></table:table-header-rows>
  <table:table-row>{wide}<table:covered-table-cell/></table:table-row>
  <table:table-row>{row}</table:table-row>
</table:table>
"""


def _odt(path: Path) -> Path:
    cells = lambda *texts: "".join(CELL.format(attrs="", text=t) for t in texts)  # noqa: E731
    body = BODY.format(
        header=cells("Kenmerk", "Effect(en)", "Randvoorwaarde(n)"),
        wide=cells("Breed")
        + CELL.format(attrs=' table:number-columns-spanned="2"', text="Over twee kolommen (S)"),
        row=cells("Gemengde teams", "Leren van elkaar (J)", "-"),
    )
    styles = (
        '<office:automatic-styles><style:style style:name="P1" style:family="paragraph">'
        '<style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>'
    )
    content = f"<office:document-content {NS}>{styles}<office:body><office:text>{body}"
    content += "</office:text></office:body></office:document-content>"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return path


def test_an_odt_form(tmp_path: Path) -> None:
    path = _odt(tmp_path / "form.odt")
    result = import_file(path, builtin_framework(), today=datetime.date(2026, 12, 1))
    description = Description.model_validate(result.data)
    assert description.name == "Zorglab Odt"
    assert description.date == datetime.date(2026, 2, 1)
    assert [p.text for p in description.processes] == [
        "Testen met zorgmedewerkers samen",
        "Reflectie in teams",
    ]
    wide, mixed = description.principles["diversity"].features
    assert wide.effects[0].who == ["S"] and wide.preconditions is None
    assert mixed.effects[0].who == ["J"] and mixed.preconditions == []
    assert [(n.kind, n.text, n.author) for n in result.notices] == [
        ("deleted", "alleen", "Piet"),
        ("inserted", "met zorgmedewerkers", "Anna"),
        ("comment", "Klopt dit?", "Anna"),
    ]


def test_counts_in_an_odt_are_bounded(tmp_path: Path) -> None:
    content = (
        f"<office:document-content {NS}><office:body><office:text>"
        '<text:h text:outline-level="x">C. Processen</text:h>'
        '<text:p>Veel<text:s text:c="1000000000"/>ruimte</text:p>'
        "<table:table><table:table-row>"
        '<table:table-cell table:number-columns-repeated="99999999999"/>'
        "</table:table-row></table:table>"
        "</office:text></office:body></office:document-content>"
    )
    path = tmp_path / "counts.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    result = import_file(path, builtin_framework(), today=datetime.date(2026, 12, 1))
    assert result.data["processes"] == ["Veel ruimte"]
