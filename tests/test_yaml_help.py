"""A newcomer's YAML mistakes get plain words, the line, a caret and the corrected line, in
Dutch and English, and one run reports them all."""

from __future__ import annotations

import pytest

from conftest import MINIMAL

#: The six mistakes of issue 10, one or more per line.
SIX = """\
iwp: 1
name: Zorglab Noord
date: 2026-09-01
starting_points:
  occasion: Doel: minder uitval in de zorg
   context: Een hbo, een mbo en twee zorginstellingen.
outcomes:
  products: [Adviezen]
  development: [Teamontwikkeling]
  sustainability: [Duurzaam leren in de zorg]
processes:
  - {text: Samen prototypes testen, kind: onderzoek doen}
principles:
  authentic-work-environment:
    features:
      - name: Echte vragen
        effects: [{text: Motiverend, who: J+S}]
        preconditions:
          - {text: Roosters afstemmen, overleg, status: nog verbeteren}
          - {text: Ruimte {lokaal} reserveren}
          -Een vaste begeleider
  reflection:
    features:
      - name: Terugkijken
\teffects: [{text: Leren van fouten, who: [J]}]
"""

#: (line, code, words in Dutch, words in English): every one in the same run.
EXPECTED = [
    (5, "IWP001", "tussen aanhalingstekens: `occasion: \"Doel: minder uitval in de zorg\"`",
     "put the text in quotes: `occasion: \"Doel: minder uitval in de zorg\"`"),
    (6, "IWP001", "laat hem met 2 spaties beginnen", "indent it by 2 spaces"),
    (12, "IWP023", "(bedoelde u `acquire`?)", "(did you mean `acquire`?)"),
    (17, "IWP022", "`who: [J, S]`", "`who: [J, S]`"),
    (19, "IWP020", '`- {text: "Roosters afstemmen, overleg", status: nog verbeteren}`',
     '`- {text: "Roosters afstemmen, overleg", status: nog verbeteren}`'),
    (19, "IWP023", "(bedoelde u `to-improve`?)", "(did you mean `to-improve`?)"),
    (20, "IWP001", '`- {text: "Ruimte {lokaal} reserveren"}`',
     '`- {text: "Ruimte {lokaal} reserveren"}`'),
    (21, "IWP001", "hoort een spatie: `- Een vaste begeleider`",
     "needs a space after it: `- Een vaste begeleider`"),
    (25, "IWP001", "een tab; YAML springt alleen in met spaties: begin hem met 8 spaties",
     "indented with a tab; YAML indents with spaces only: begin it with 8 spaces"),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_six_mistakes_in_one_run(iwp, tmp_path, lang):
    path = tmp_path / "zes.yaml"
    path.write_text(SIX, encoding="utf-8")
    result = iwp("check", path, "--lang", lang)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    findings = [line for line in lines if line.startswith(str(path))]
    assert len(findings) == len(EXPECTED), result.stdout
    for (line, code, dutch, english), finding in zip(EXPECTED, findings, strict=True):
        assert finding.startswith(f"{path}:{line}:"), finding
        assert f" {code} " in finding
        assert (dutch if lang == "nl" else english) in finding
    assert "mapping values are not allowed" not in result.stdout
    caret = lines.index(findings[0]) + 2
    assert lines[caret] == "      |                 ^"
    summary = "9 fouten, 0 waarschuwingen, 0 info" if lang == "nl" else "9 errors, 0 warnings"
    assert summary in result.stdout


def test_lint_findings_come_with_a_repaired_syntax_error(iwp, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        MINIMAL.replace("occasion: Personeelstekort in de zorg.", "occasion: Doel: minder uitval"),
        encoding="utf-8",
    )
    result = iwp("check", path, "--lang", "nl")
    assert result.exit_code == 1
    assert f"{path}:5:" in result.stdout and "IWP001 fout" in result.stdout
    assert result.stdout.count("IWP101 waarschuwing") == 6  # six principles without features


def test_a_repaired_file_is_still_not_rendered(iwp, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.replace("Personeelstekort in de zorg.", "Doel: x"), encoding="utf-8")
    result = iwp("render", path, "--lang", "nl")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "geen geldige beschrijving; er is niets geschreven" in result.stderr


@pytest.mark.parametrize(
    ("value", "word", "meant"),
    [
        ("status: geen consensus", "status", "no-consensus"),
        ("status: (nog verbeteren)", "status", "to-improve"),
        ("kind: onderzoek doen", "kind", "acquire"),
        ("kind: kennis toepassen", "kind", "apply"),
        ("kind: Co-creatie", "kind", "co-create"),
    ],
)
def test_did_you_mean_knows_the_dutch_words(iwp, tmp_path, value, word, meant):
    if word == "status":
        text = MINIMAL.replace("preconditions: []", f"preconditions: [{{text: Roosters, {value}}}]")
    else:
        text = MINIMAL.replace(
            "processes: [Samen prototypes testen]", f"processes: [{{text: Samen, {value}}}]"
        )
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    result = iwp("check", path, "--lang", "nl")
    assert f"(bedoelde u `{meant}`?)" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("value", "fixed"), [("J,S", "[J, S]"), ("J en S", "[J, S]"), ("J", "[J]")]
)
def test_a_list_written_as_text(iwp, tmp_path, value, fixed):
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.replace("who: [J]", f"who: {value}"), encoding="utf-8")
    result = iwp("check", path, "--lang", "nl")
    assert f"`who: {fixed}`" in result.stdout, result.stdout


def test_the_front_matter_of_a_markdown_description_is_explained_too(iwp, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\niwp: 1\nname: Zorglab: Noord\ndate: 2026-09-01\n---\n", encoding="utf-8")
    result = iwp("check", path, "--lang", "nl")
    assert f"{path}:3:14: IWP001 fout: in gewone tekst leest YAML `: `" in result.stdout
    assert '`name: "Zorglab: Noord"`' in result.stdout
    assert iwp("convert", path, "--lang", "nl").exit_code == 1  # still not converted
