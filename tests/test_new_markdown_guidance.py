"""The guidance in the Markdown scaffold of `iwp new`: the handbook's texts in its notation,
as comments that read back as nothing, and examples that mean what they say; and the help."""

from __future__ import annotations

import datetime
import re

import pytest

from iwp_cli.data_files import load_data
from iwp_cli.framework import builtin_framework
from iwp_cli.loader import load_path, load_text
from iwp_cli.scaffold import Answers, render_scaffold
from test_new_markdown import findings

TODAY = datetime.date.today()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_markdown_scaffold_carries_the_handbooks_guidance_in_its_notation(iwp, tmp_path, lang):
    iwp("new", "Zorglab", "--no-input", "--lang", lang, "-o", tmp_path / "a.md")
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    html = " ".join(" ".join(block.split()) for block in re.findall(r"<!--(.*?)-->", text, re.S))
    front = " ".join(
        line.lstrip("# ") for line in text.split("\n---\n", 1)[0].splitlines() if line[:1] == "#"
    )
    for info in builtin_framework().principles:
        assert f"### {info.number}. {info.title[lang]}" in text
        assert " ".join(info.definition[lang].split()) in html
    words = {
        "nl": ["NAAM IWP", "Aanleiding & maatschappelijke urgentie", "Context, randvoorwaarden",
               "(J), (S) of (J,S)", "(nog verbeteren)", "– geen consensus", "Een - alleen",
               "een lege cel", "(ook principe 2)", "(aspect: cultuur)", "(ondersteunt:",
               "(soort: advies; id: adviezen)", "levert op:", "\\|", "iwp check a.md"],
        "en": ["NAAM IWP", "Occasion and urgency", "Context, conditions", "(J), (S) or (J,S)",
               "(to improve)", "– no consensus", "A - alone", "an empty cell",
               "(also principle 2)", "(aspect: culture)", "(supports:", "(kind: advice;",
               "yields:", "\\|", "iwp check a.md"],
    }[lang]  # fmt: skip
    for word in words:
        assert word in html, word
    for word in ("`iwp: 1`", "DATUM", "type: mbo", "J (junior"):
        assert word in front, word
    assert "-->" not in html and "who:" not in html  # no YAML keys in the Markdown guidance
    headings = [line for line in text.splitlines() if line.startswith("#") and " " in line]
    assert [h for h in headings if h.startswith("## ")] == [
        h for h in headings if re.match(r"## [ABCD]\. ", h)
    ]
    assert text.count("| --- | --- | --- |") == len(builtin_framework().principles)


def test_the_guidance_reads_back_as_nothing(iwp, tmp_path):
    """The comments are not part of the description: the Markdown scaffold is the model of
    the YAML scaffold (with the Markdown form's placeholders)."""
    iwp("new", "Zorglab", "--no-input", "-o", tmp_path / "a.md")
    yaml_text = render_scaffold(
        Answers(name="Zorglab"), today=TODAY, file_name="a.md", markdown=True
    )
    assert load_path(tmp_path / "a.md").description == load_text(yaml_text).description


def test_what_the_guidance_says_to_write_means_what_it_says(iwp, tmp_path):
    """Fill in the Dutch scaffold with the very examples its comments give."""
    path = tmp_path / "a.md"
    iwp("new", "Zorglab", "--no-input", "--lang", "nl", "-o", path)
    lines = path.read_text(encoding="utf-8").replace("TODO: ", "Ingevuld: ").splitlines()
    rows = {
        "- Ingevuld: een (kennis)product":
            "- Adviezen aan zorginstellingen (soort: advies; id: adviezen)",
        "- Ingevuld: een proces van kennisproductie":
            "- Samen prototypes testen (soort: co-creatie; id: samen-testen; levert op: adviezen)",
        "| Ingevuld: een kenmerk (Creëer een authentieke werkomgeving)":
            "| Echte vragen | Motiverend (J); serieus genomen worden (S) "
            "| Een vaste contactpersoon (nog verbeteren) |",
        "| Ingevuld: een kenmerk (Vorm een lerende gemeenschap)":
            "| Wekelijkse intervisie | Van elkaar leren (J,S) – geen consensus | |",
        "| Ingevuld: een kenmerk (Organisatie ondersteunt":
            "| Alle deelnemers werken in één ruimte (ook principe 2) (aspect: cultuur) "
            "(ondersteunt: samen-testen) | Snel contact (J,S) | - |",
    }  # fmt: skip
    for index, line in enumerate(lines):
        for start, row in rows.items():
            if line.startswith(start):
                lines[index] = row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = findings(iwp, path)
    # The open points and the empty cell are reported as such (IWP301, IWP302, IWP202); once
    # there are ids, the links are checked (IWP503, IWP505); no errors.
    assert {f["code"] for f in found} == {"IWP202", "IWP301", "IWP302", "IWP503", "IWP505"}
    assert iwp("check", path).exit_code == 0
    description = load_path(path).description
    assert description is not None
    data = description.model_dump(mode="json", exclude_none=True)
    assert data["outcomes"]["products"][0] == {
        "text": "Adviezen aan zorginstellingen", "kind": "advice", "id": "adviezen"
    }  # fmt: skip
    assert data["processes"][0] == {
        "text": "Samen prototypes testen", "kind": "co-create", "id": "samen-testen",
        "yields": ["adviezen"],
    }  # fmt: skip
    principles = data["principles"]
    (authentic,) = principles["authentic-work-environment"]["features"]
    assert [(e["text"], e["who"]) for e in authentic["effects"]] == [
        ("Motiverend", ["J"]),
        ("serieus genomen worden", ["S"]),
    ]
    assert authentic["preconditions"] == [
        {"text": "Een vaste contactpersoon", "status": "to-improve"}
    ]
    (community,) = principles["learning-community"]["features"]
    assert community["effects"][0]["who"] == ["J", "S"]
    assert community["effects"][0]["status"] == "no-consensus"
    assert "preconditions" not in community  # an empty cell: not considered yet
    (room,) = principles["supportive-organisation"]["features"]
    assert room["name"] == "Alle deelnemers werken in één ruimte"
    assert (room["also"], room["aspect"], room["supports"]) == (
        ["learning-community"],
        "culture",
        ["samen-testen"],
    )
    assert room["preconditions"] == []  # "-": none needed


def test_the_help_shows_the_format_option_and_examples_of_both_forms(iwp):
    result = iwp("new", "--help", env={"COLUMNS": "200", "TERM": "dumb"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for shown in (
        "--format",
        "md (Markdown, the handbook's tables) or yaml",
        'iwp new "Zorglab Noord" --format yaml',
        "iwp new --from zorglab.yaml -o zorglab-2027.md",
        "--set tags=[zorg,ict]",
        "The form is Markdown",
    ):
        assert shown in text, shown


def test_the_markdown_guidance_has_both_languages_and_cannot_close_a_comment():
    texts = load_data("guidance_md.yaml")
    yaml_texts = load_data("guidance.yaml")
    assert set(texts) == {"nl", "en"}
    assert set(texts["nl"]) == set(texts["en"])
    # Each replaces a text of the YAML form's guidance, or is the Markdown form's own.
    assert set(texts["nl"]) - set(yaml_texts["nl"]) == {"iwp"}
    for lang in ("nl", "en"):
        for key, text in texts[lang].items():
            assert text.strip() and "-->" not in text, (lang, key)
