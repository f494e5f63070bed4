"""The loader: positions of keys and values, YAML 1.2 scalars, messages, and random input."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, VITV
from iwp_cli import yamlreader
from iwp_cli.loader import load_path, load_text
from iwp_cli.yamlreader import read_yaml

POSITIONS_TEXT = """\
iwp: 1
name: Zorglab
principles:
  diversity:
    features:
      - name: Eerste
      - name: Tweede
        effects:
          - Plain effect
          - {text: Flow effect, who: [J, S]}
"""


def test_the_c_parser_is_used():
    assert yamlreader.FAST_PARSER


def test_positions_of_keys_and_values():
    document = read_yaml(POSITIONS_TEXT).document
    assert document is not None
    features = ("principles", "diversity", "features")
    assert document.values[("name",)] == (2, 7)
    assert document.keys[("name",)] == (2, 1)
    assert document.keys[("principles", "diversity")] == (4, 3)
    assert document.values[(*features, 0)] == (6, 9)
    assert document.values[(*features, 1, "name")] == (7, 15)
    assert document.values[(*features, 1, "effects", 0)] == (9, 13)
    assert document.keys[(*features, 1, "effects", 1, "who")] == (10, 33)
    assert document.values[(*features, 1, "effects", 1, "who", 1)] == (10, 42)
    # A path deeper than the file falls back to its nearest ancestor.
    assert document.position((*features, 1, "effects", 0, "text")) == (9, 13)


def test_positions_in_the_example_point_at_each_feature():
    loaded = load_path(VITV)
    assert loaded.document is not None and loaded.description is not None
    lines = VITV.read_text(encoding="utf-8").splitlines()
    for principle_id, entry in loaded.description.principles.items():
        for index, feature in enumerate(entry.features):
            path = ("principles", principle_id, "features", index, "name")
            line, column = loaded.document.values[path]
            assert lines[line - 1][column - 1 :].strip("\"' ").startswith(feature.name[:20])


def test_yaml_12_keeps_no_and_on_as_text():
    text = MINIMAL + "tags: [no, on, yes, off, y, n]\n"
    loaded = load_text(text)
    assert loaded.findings == []
    assert loaded.description is not None
    assert loaded.description.tags == ["no", "on", "yes", "off", "y", "n"]


def test_numbers_where_text_is_expected_are_text():
    loaded = load_text(MINIMAL.replace("name: Zorglab Noord", "name: 2030"))
    assert loaded.findings == []
    assert loaded.description is not None and loaded.description.name == "2030"


def test_x_keys_are_allowed_everywhere_and_ignored():
    text = MINIMAL.replace("name: Zorglab Noord", "name: Zorglab Noord\nx-local: {any: thing}")
    text = text.replace("- name: Echte vragen", "- name: Echte vragen\n        x-id: 7")
    loaded = load_text(text)
    assert loaded.findings == []


def test_messages_in_dutch_and_english():
    text = MINIMAL.replace("language", "x").replace(
        "date: 2026-09-01", "date: 2026-09-01\nlanguage: dutch"
    )
    english = load_text(text, lang="en").findings
    dutch = load_text(text, lang="nl").findings
    assert [f.code for f in english] == [f.code for f in dutch] == ["IWP023"]
    # "dutch" is a word for `nl` (data/words.yaml)
    assert english[0].message == "`dutch` is not allowed here (did you mean `nl`?); allowed: nl, en"
    assert dutch[0].message == (
        "`dutch` is hier niet toegestaan (bedoelde u `nl`?); toegestaan: nl, en"
    )
    assert (english[0].line, english[0].column) == (4, 11)


def test_enum_suggests_the_closest_value():
    text = MINIMAL.replace(
        "effects: [{text: Motiverend, who: [J]}]", "status: to-improv\n        effects: []"
    )
    (finding,) = load_text(text).findings
    assert finding.code == "IWP023"
    assert finding.yaml_path == "principles.authentic-work-environment.features[0].status"
    assert "(did you mean `to-improve`?)" in finding.message
    assert "allowed: to-improve, no-consensus" in finding.message


def test_missing_key_points_at_its_parent():
    text = MINIMAL.replace("  context: Een hbo, een mbo en twee zorginstellingen.\n", "")
    (finding,) = load_text(text).findings
    assert (finding.code, finding.line, finding.column) == ("IWP021", 4, 1)
    assert finding.yaml_path == "starting_points.context"


def test_duplicate_participant_code_points_at_the_second():
    text = MINIMAL + "participants:\n  - {code: J, name: a}\n  - {code: J, name: b}\n"
    (finding,) = load_text(text).findings
    assert (finding.code, finding.line, finding.column) == ("IWP024", 20, 12)
    assert "`J` is defined twice" in finding.message


def test_a_number_is_not_a_date():
    (finding,) = load_text(MINIMAL.replace("date: 2026-09-01", "date: 20260901")).findings
    assert (finding.code, finding.line) == ("IWP022", 3)
    assert "expected a date (YYYY-MM-DD), found 20260901" in finding.message


TOKENS = [
    *string.ascii_letters[:8],
    *" :-[]{},&*!|>'\"#\n\t?%@`~0123456789",
    "iwp: 1\n",
    "  ",
    "\ufeff",
    "\r\n",
    "é",
    "\x00",
    "---\n",
    "!!python/object ",
    "&a ",
    "*a",
    "<<: ",
    "name: ",
    "principles:\n",
    "  - ",
]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_random_yaml_like_text_yields_findings_never_an_exception(text):
    loaded = load_text(text)
    assert loaded.description is not None or loaded.findings or not loaded.is_description
    for finding in loaded.findings:
        assert finding.code.startswith("IWP0")
        assert finding.line >= 0 and finding.column >= 0


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_yield_findings_never_an_exception(raw):
    loaded = load_text(raw)
    assert loaded.findings or loaded.description is not None


def test_standard_tags_are_applied():
    loaded = load_text(
        MINIMAL.replace("iwp: 1", "iwp: !!int 1").replace("name: Zorglab Noord", "name: !!str 2030")
    )
    assert loaded.findings == []
    assert loaded.description is not None and loaded.description.name == "2030"


def test_an_empty_enum_value_says_so():
    (finding,) = load_text(MINIMAL + "language:\n").findings
    assert finding.message.startswith("`nothing (an empty value)` is not allowed here")


#: The reader's cases as data (issue 13, item 23): aliases and anchors on keys, keys as text.
YAML_CASES = read_yaml(
    (Path(__file__).resolve().parent / "loader" / "yaml_cases.yaml").read_text(encoding="utf-8")
).document.data


@pytest.mark.parametrize("name", sorted(YAML_CASES))
def test_yaml_reader_case(name):
    case = YAML_CASES[name]
    result = read_yaml(case["yaml"])
    found = [[p.kind, p.line, p.column] for p in result.problems]
    if "problem" in case:
        assert result.document is None
        assert found == [case["problem"]]
        return
    assert result.document is not None, found
    assert result.document.data == case["data"]
    assert found == case.get("problems", [])
