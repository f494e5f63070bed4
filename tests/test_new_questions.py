"""The questions of `iwp new` in Dutch on a real terminal: each answer is checked, a wrong one
is asked again in Dutch, and a name given on the command line is not asked."""

from __future__ import annotations

import os

import pytest

from iwp_cli.commands.questions import read_groups
from iwp_cli.i18n import localized
from iwp_cli.loader import load_path
from test_new import _read_until, start_on_terminal


def _answer(tmp_path, args: list[str], answers: list[tuple[str, str]]) -> str:
    process, main = start_on_terminal(tmp_path, args, "nl_NL.UTF-8")
    screen, cursor = [""], 0
    try:
        for prompt, answer in answers:
            cursor = _read_until(main, prompt, screen, cursor)
            if answer is not None:
                os.write(main, answer.encode() + b"\r")
        assert process.wait(timeout=60) == 0
        _read_until(main, "volgende stap", screen, cursor)
    finally:
        process.kill()
        os.close(main)
    return screen[0]


def test_questions_in_dutch(tmp_path):
    screen = _answer(
        tmp_path,
        ["-o", "lab.yaml"],
        [
            ("Naam van de IWP", ""),
            ("Geef een naam.", None),
            ("Naam van de IWP", "Zorglab Noord"),
            ("Taal van de beschrijving", "Frans"),
            ("typ nl (Nederlands) of en (Engels)", None),
            ("Taal van de beschrijving", "NL"),
            ("Partnerorganisaties", "Hanzehogeschool, Noorderpoort"),
            ("Deelnemersgroepen", "J=Studenten, X Y=fout"),
            ("'X Y' is geen deelnemerscode", None),
            ("Deelnemersgroepen", "J=Studenten, S=Docenten, C=Opdrachtgevers"),
        ],
    )
    assert "Please" not in screen and "select" not in screen
    assert "geschreven: lab.yaml" in screen
    description = load_path(tmp_path / "lab.yaml").description
    assert description is not None
    assert description.name == "Zorglab Noord"
    assert description.language.value == "nl"
    assert [p.name for p in description.partners] == ["Hanzehogeschool", "Noorderpoort"]
    assert [(g.code, g.name) for g in description.groups] == [
        ("J", "Studenten"),
        ("S", "Docenten"),
        ("C", "Opdrachtgevers"),
    ]


def test_a_name_on_the_command_line_is_not_asked(tmp_path):
    screen = _answer(
        tmp_path,
        ["Zorglab Zuid", "-o", "zuid.yaml"],
        [
            ("Taal van de beschrijving", "nl"),
            ("Partnerorganisaties", ""),
            ("Deelnemersgroepen", ""),
        ],
    )
    assert "Naam van de IWP" not in screen
    description = load_path(tmp_path / "zuid.yaml").description
    assert description is not None and description.name == "Zorglab Zuid"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("J, S", "'J, S' is geen CODE=naam; schrijf bijvoorbeeld: J=Studenten, S=Docenten"),
        ("J=a; J=b", "de code J staat er twee keer in"),
        ("", "geef minstens één groep, zoals J=Studenten"),
    ],
)
def test_the_groups_answer_says_what_it_expects(text, said):
    with pytest.raises(ValueError) as raised:
        read_groups(text)
    assert said in localized(raised.value, "nl")


def test_a_name_with_commas_stays_one_group():
    groups = read_groups("J=Junioren: studenten; S=Senioren: docenten, adviseurs en praktijk")
    assert [g.name for g in groups] == [
        "Junioren: studenten",
        "Senioren: docenten, adviseurs en praktijk",
    ]
