"""`iwp import` as a user runs it: a filled-in appendix form from Word becomes a description in
the Markdown form (or YAML), with a report of what went where, then checked as `iwp check`."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

import word_forms
from iwp_cli.i18n import catalogue
from iwp_cli.importer.words import parse_date
from iwp_cli.loader import load_path


def _model(path: Path):  # type: ignore[no-untyped-def]
    loaded = load_path(path)
    assert loaded.description is not None, loaded.findings
    return loaded.description


def test_a_form_becomes_a_markdown_description(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = word_forms.save(word_forms.form(), tmp_path)
    result = iwp("import", path, "--lang", "nl")
    assert result.exit_code == 0, result.stdout + result.stderr
    written = tmp_path / "form.md"
    description = _model(written)
    assert description.name == "Zorglab Noord"
    assert description.date == datetime.date(2026, 9, 1)
    assert description.starting_points.context == "Een hbo, een mbo en twee zorginstellingen."
    assert [i.text for i in description.outcomes.development] == [
        "Studenten ontwikkelen zich als innovatieprofessional"
    ]
    first, second = description.principles["authentic-work-environment"].features
    assert first.effects[0].text == "Erg nuttig" and first.effects[0].who == ["J"]
    assert first.preconditions is not None and first.preconditions[0].status is not None
    assert first.preconditions[0].status.value == "to-improve"
    assert second.preconditions == [] and second.effects[0].who == ["J", "S"]
    (community,) = description.principles["learning-community"].features
    assert community.preconditions is None
    assert community.effects[0].status is not None
    assert "Import van " in result.stdout and "Wat waar terechtkwam" in result.stdout
    assert (
        "Principe 1. Creëer een authentieke werkomgeving › Kenmerken: 2 kenmerken uit tabel 1"
        in (result.stdout)
    )
    assert "alles is geplaatst" in result.stdout
    assert "form.md geschreven; de controle volgt" in result.stdout
    assert "1 bestand gecontroleerd" in result.stdout


def test_yaml_and_a_report_file_in_english(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = word_forms.save(word_forms.form(), tmp_path)
    out, report = tmp_path / "zorglab.yaml", tmp_path / "import.md"
    result = iwp("import", path, "-o", out, "--report", report, "--lang", "en")
    assert result.exit_code == 0, result.stdout
    assert out.read_text(encoding="utf-8").startswith("iwp: 1\n")
    assert _model(out).principles["authentic-work-environment"].features[0].effects[0].who == ["J"]
    text = report.read_text(encoding="utf-8")
    assert text.startswith(
        f"# Import of {path} -> {out}\n\n## What went where\n\n- Name of the IWP"
    )
    assert "- Principle 2. Form a learning community › Features: 1 feature from table 2" in text
    assert "wrote the import report to" in result.stdout


def test_never_overwrites_without_force(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = word_forms.save(word_forms.form(), tmp_path)
    (tmp_path / "form.md").write_text("mine\n", encoding="utf-8")
    result = iwp("import", path, "--lang", "en")
    assert result.exit_code == 2
    assert "form.md exists; choose another -o, or --force to replace it" in result.stderr
    assert (tmp_path / "form.md").read_text(encoding="utf-8") == "mine\n"
    assert iwp("import", path, "--force").exit_code == 0
    assert (tmp_path / "form.md.bak").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2016-01-01", datetime.date(2016, 1, 1)),
        ("1-1-2016", datetime.date(2016, 1, 1)),
        ("01/02/2016", datetime.date(2016, 2, 1)),
        ("1 januari 2016", datetime.date(2016, 1, 1)),
        ("15 okt. 2016", datetime.date(2016, 10, 15)),
        ("3 March 2016", datetime.date(2016, 3, 3)),
        ("30-02-2016", None),
        ("voorjaar 2016", None),
    ],
)
def test_dates_as_dutch_teams_write_them(text: str, date: datetime.date | None) -> None:
    assert parse_date(text) == date


def test_an_english_form_with_bold_lines_for_headings(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    doc = word_forms.new()
    for text in (
        "Name of the IWP: Harbour Lab",
        "Date: 2026-03-01",
        "A. Starting points",
        "Occasion and urgency",
        "Context",
        "B. Outcomes",
        "Products",
    ):
        doc.add_paragraph().add_run(text).bold = True
        doc.add_paragraph(f"Text under {text}.")
    doc.add_paragraph().add_run("D. Design principles").bold = True
    doc.add_paragraph().add_run("Make use of diversity").bold = True
    word_forms.table(
        doc,
        [("Mixed teams", "Learning from others (J)", "-")],
        header=("Feature", "Effect(s)", "Precondition(s)"),
    )
    path = word_forms.save(doc, tmp_path)
    result = iwp("import", path, "--lang", "en")
    description = _model(tmp_path / "form.md")
    assert description.language.value == "en" and description.name == "Harbour Lab"
    assert description.starting_points.occasion == (
        "Text under Occasion and urgency.\n\n"
        "TO PLACE (iwp import, paragraph 6): Text under A. Starting points."
    )
    assert (
        'paragraph 6: "Text under A. Starting points." -> note in A. Starting points › '
        "Occasion & societal urgency, goals & ambition"
    ) in result.stdout
    assert [i.text for i in description.outcomes.products] == [
        "Text under Products.",
        "TO PLACE (iwp import, paragraph 12): Text under B. Outcomes.",
    ]
    (feature,) = description.principles["diversity"].features
    assert feature.effects[0].who == ["J"] and feature.preconditions == []
    assert "Not found, written empty\n  C. Processes" in result.stdout


def test_unplaced_text_is_quoted_and_kept_as_a_marked_note(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    doc = word_forms.new()
    doc.add_paragraph("Ingevuld door het kernteam, versie 3.")
    word_forms.form(doc)
    word_forms.table(doc, [("Los kenmerk", "Effect (S)", "-")])  # under principle 2 again: kept
    doc.add_paragraph("Zie ook de bijlage met foto's.")
    wide = word_forms.table(
        doc, [("Brede tabel", "Leuk (J)", "-", "€ 200")], header=(*word_forms.HEADER, "Kosten")
    )
    assert wide is not None
    path = word_forms.save(doc, tmp_path)
    result = iwp("import", path, "--lang", "nl")
    assert result.exit_code == 1, result.stdout
    assert 'alinea 1: "Ingevuld door het kernteam, versie 3." -> notitie in Principe 7.' in (
        result.stdout
    )
    assert (
        'tabel 4, rij 2, kolom 4: "€ 200" -> notitie in Principe 2. Vorm een lerende gemeenschap'
        in (result.stdout)
    )
    description = _model(tmp_path / "form.md")
    notes = description.principles["embedding"].notes or ""
    assert "NOG PLAATSEN (iwp import, alinea 1): Ingevuld door het kernteam, versie 3." in notes
    features = description.principles["learning-community"].features
    assert [f.name for f in features] == ["Wekelijkse intervisie", "Los kenmerk", "Brede tabel"]
    assert result.stdout.count("IWP407 fout") == 2


def test_the_extra_is_named_when_python_docx_is_missing(tmp_path: Path) -> None:
    path = word_forms.save(word_forms.form(), tmp_path)
    code = (
        "import sys; sys.modules['docx'] = None\n"
        "from iwp_cli.entry import main\n"
        f"sys.argv = ['iwp', 'import', {str(path)!r}, '--lang', 'en']\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "iwp: reading Word files needs python-docx, which iwp installs as an extra: "
        "pip install 'iwp-cli[import]'\n"
    )
    assert not (tmp_path / "form.md").exists()


def test_every_import_message_has_both_languages() -> None:
    keys = [key for key in catalogue() if key.startswith("import-")]
    assert len(keys) > 30
    for key in keys:
        assert set(catalogue()[key]) == {"nl", "en"}, key


def test_the_help_names_the_extra(iwp) -> None:  # type: ignore[no-untyped-def]
    result = iwp("import", "--help")
    assert "pip install 'iwp-cli[import]'" in result.stdout


def test_sentences_that_start_like_a_heading_stay_text(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    doc = word_forms.form()
    doc.paragraphs[4].text = "Aanleiding was de krimp in de regio."
    doc.paragraphs[15].text = "C. Processen worden elk semester herzien, met de partners."
    path = word_forms.save(doc, tmp_path)
    assert iwp("import", path).exit_code == 0
    description = _model(tmp_path / "form.md")
    assert description.starting_points.occasion == "Aanleiding was de krimp in de regio."
    assert [p.text for p in description.processes] == [
        "C. Processen worden elk semester herzien, met de partners."
    ]


def test_check_points_a_word_file_to_iwp_import(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = word_forms.save(word_forms.form(), tmp_path)
    result = iwp("check", path, "--lang", "nl")
    assert result.exit_code == 1
    assert (
        "IWP006 fout: een Word- of OpenDocument-bestand, geen tekst; `iwp import BESTAND` maakt "
        "van een ingevuld format uit de bijlage een beschrijving"
    ) in result.stdout


def test_o_with_a_trailing_slash_is_a_folder(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = word_forms.save(word_forms.form(), tmp_path)
    folder = tmp_path / "beschrijvingen"
    result = iwp("import", path, "-o", f"{folder}/", "--lang", "nl")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert [p.name for p in folder.iterdir()] == ["form.md"]
    assert _model(folder / "form.md").name == "Zorglab Noord"
