"""Configuration in iwp.toml or [tool.iwp], found upwards; overrides; `iwp config`; `iwp rules`."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import MINIMAL

# MINIMAL addresses one principle of seven: six IWP101 warnings, no errors.
WITH_TYPO = MINIMAL.replace("name: Zorglab Noord", "name: Zorglab Noord\nnmae: typo")


def codes(stdout: str) -> list[str]:
    return [finding["code"] for finding in json.loads(stdout)["findings"]]


def make_repo(tmp_path: Path, config: str, *, name: str = "iwp.toml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    folder = tmp_path / "descriptions"
    folder.mkdir()
    (folder / "zorglab.yaml").write_text(MINIMAL, encoding="utf-8")
    return folder


def test_defaults_without_configuration(iwp, tmp_path):
    folder = make_repo(tmp_path, "")
    result = iwp("check", folder, "-f", "json")
    assert result.exit_code == 0
    assert codes(result.stdout) == ["IWP101"] * 6


def test_iwp_toml_found_upwards_ignores_and_sets_severity(iwp, tmp_path):
    folder = make_repo(tmp_path, '[rules]\nignore = ["IWP1"]\n')
    assert codes(iwp("check", folder, "-f", "json").stdout) == []
    (tmp_path / "iwp.toml").write_text('[rules]\nseverity = { IWP101 = "error" }\n')
    result = iwp("check", folder / "zorglab.yaml", "-f", "json")
    assert result.exit_code == 1
    assert {f["severity"] for f in json.loads(result.stdout)["findings"]} == {"error"}


def test_pyproject_tool_iwp(iwp, tmp_path):
    folder = make_repo(
        tmp_path,
        '[project]\nname = "x"\n\n[tool.iwp]\nfail-on = "warning"\n',
        name="pyproject.toml",
    )
    result = iwp("check", folder)
    assert result.exit_code == 1  # the six warnings now fail the run


def test_pyproject_without_tool_iwp_is_not_a_configuration(iwp, tmp_path):
    folder = make_repo(tmp_path, '[project]\nname = "x"\n', name="pyproject.toml")
    assert iwp("check", folder).exit_code == 0


def test_select_narrows_and_the_more_specific_prefix_wins(iwp, tmp_path):
    folder = make_repo(tmp_path, '[rules]\nselect = ["IWP0"]\n')
    assert codes(iwp("check", folder, "-f", "json").stdout) == []
    (tmp_path / "iwp.toml").write_text('[rules]\nignore = ["IWP1"]\nselect = ["IWP101"]\n')
    assert codes(iwp("check", folder, "-f", "json").stdout) == ["IWP101"] * 6


def test_fail_on_option_beats_configuration(iwp, tmp_path):
    folder = make_repo(tmp_path, 'fail-on = "warning"\n')
    assert iwp("check", folder).exit_code == 1
    assert iwp("check", folder, "--fail-on", "error").exit_code == 0
    assert iwp("check", folder, "--fail-on", "info").exit_code == 1


def test_overrides_apply_per_path(iwp, tmp_path):
    folder = make_repo(
        tmp_path,
        '[[overrides]]\npaths = ["descriptions/archief/*"]\nrules = { ignore = ["IWP101"] }\n',
    )
    (folder / "archief").mkdir()
    (folder / "archief" / "oud.yaml").write_text(MINIMAL, encoding="utf-8")
    report = json.loads(iwp("check", folder, "-f", "json").stdout)
    files = {Path(f["file"]).name for f in report["findings"]}
    assert files == {"zorglab.yaml"}


def test_language_from_configuration_and_option(iwp, tmp_path):
    folder = make_repo(tmp_path, 'lang = "nl"\n')
    (folder / "zorglab.yaml").write_text(WITH_TYPO, encoding="utf-8")
    dutch = iwp("check", folder, env={"LANG": "en_GB.UTF-8"})
    assert "onbekende sleutel `nmae`" in dutch.stdout
    english = iwp("check", folder, "--lang", "en")
    assert "unknown key `nmae`" in english.stdout


def test_invalid_configuration_is_a_usage_error(iwp, tmp_path):
    cases = {
        'fail-on = "sometimes"\n': "fail-on",
        '[rules]\nignore = ["IWP999"]\n': "unknown rule code or prefix 'IWP999'",
        "stale-after = 0\n": "stale-after",
        "colour = true\n": "colour",
        "[rules\n": "not valid TOML",
        'framework = "nowhere.yaml"\n': "framework file 'nowhere.yaml' does not exist",
    }
    for config, words in cases.items():
        folder = tmp_path / f"repo{len(words)}{len(config)}"
        folder.mkdir()
        described = make_repo(folder, config)
        result = iwp("check", described)
        assert result.exit_code == 2, config
        assert "iwp.toml" in result.stderr and words in result.stderr, (config, result.stderr)


def test_explicit_config_option(iwp, tmp_path):
    folder = make_repo(tmp_path, "")
    other = tmp_path / "strict.toml"
    other.write_text('fail-on = "warning"\n')
    assert iwp("check", folder, "--config", other).exit_code == 1
    assert iwp("check", folder, "--config", tmp_path / "missing.toml").exit_code == 2


def test_custom_framework_extends_the_seven(iwp, tmp_path):
    (tmp_path / "ours.yaml").write_text(
        "id: ours\nextends: cremers-2016\nprinciples:\n"
        "  - id: open-data\n    title: {nl: Deel open data, en: Share open data}\n"
        "    definition: {nl: Resultaten zijn openbaar., en: Results are public.}\n",
        encoding="utf-8",
    )
    folder = make_repo(tmp_path, 'framework = "ours.yaml"\n')
    report = json.loads(iwp("check", folder, "-f", "json", "--lang", "en").stdout)
    messages = [f["message"] for f in report["findings"] if f["code"] == "IWP101"]
    assert len(messages) == 7
    assert "principle 8 `open-data` has no features" in messages[-1]
    named = MINIMAL.replace("iwp: 1", "iwp: 1\nframework: elsewhere")
    (folder / "zorglab.yaml").write_text(named, encoding="utf-8")
    result = iwp("check", folder, "-f", "json")
    assert "IWP105" in codes(result.stdout)
    assert result.exit_code == 1


def test_invalid_framework_file_is_a_usage_error(iwp, tmp_path):
    (tmp_path / "ours.yaml").write_text("id: ours\nprinciples: [{id: Not An Id}]\n")
    folder = make_repo(tmp_path, 'framework = "ours.yaml"\n')
    result = iwp("check", folder)
    assert result.exit_code == 2
    assert "ours.yaml: invalid framework" in result.stderr


def test_iwp_config_shows_values_and_origins(iwp, tmp_path):
    folder = make_repo(
        tmp_path,
        'lang = "nl"\n[rules]\nignore = ["IWP203"]\n'
        '[[overrides]]\npaths = ["descriptions/*"]\nstale-after = 12\n',
    )
    result = iwp("config", folder / "zorglab.yaml", "--lang", "en")
    assert result.exit_code == 0
    config_path = str(tmp_path / "iwp.toml")
    assert f"configuration: {config_path}" in result.stdout
    assert f"lang            nl  [{config_path}]" in result.stdout
    assert "fail-on         error  [default]" in result.stdout
    assert "rules.ignore    IWP203" in result.stdout
    assert "overrides[1]    paths descriptions/*; stale-after 12" in result.stdout
    assert "stale-after 12 months" in result.stdout.splitlines()[-1]


def test_iwp_rules_lists_and_documents(iwp):
    listing = iwp("rules", "--lang", "en")
    assert listing.exit_code == 0
    assert "IWP101  warning  principle-not-addressed" in listing.stdout
    assert "IWP020  error    unknown-key" in listing.stdout
    one = iwp("rules", "iwp101", "--lang", "nl")
    assert one.stdout.startswith(
        "IWP101 principle-not-addressed (waarschuwing): principe niet uitgewerkt"
    )
    assert "Fout" in one.stdout and "Goed" in one.stdout
    assert "kenmerken" in one.stdout and "features:" in one.stdout  # Dutch text, same YAML
    english = iwp("rules", "IWP101", "--lang", "en")
    assert "Bad" in english.stdout and "Good" in english.stdout
    assert iwp("rules", "IWP999").exit_code == 2
