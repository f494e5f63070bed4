"""Dutch first: every text exists in both languages, and a Dutch run speaks no English.

`english_words` is the detector: after codes, key names, ids, paths, option names, quoted and
backticked spans are stripped, a line that still holds an English function word ("the", "and",
"with", "no such" …) is English. Words Dutch shares with English ("is", "in", "of", "info",
"help", "had") are not on the list.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import typer

from conftest import MINIMAL, write_files
from iwp_cli.cli import app
from iwp_cli.codes import all_codes
from iwp_cli.data_files import load_data

ENGLISH = frozenset(
    {
        "the",
        "and",
        "to",
        "with",
        "without",
        "file",
        "files",
        "write",
        "wrote",
        "written",
        "no",
        "not",
        "this",
        "that",
        "these",
        "for",
        "from",
        "an",
        "are",
        "be",
        "been",
        "on",
        "it",
        "its",
        "by",
        "which",
        "when",
        "then",
        "than",
        "has",
        "have",
        "does",
        "did",
        "you",
        "your",
        "please",
        "select",
        "available",
        "options",
        "option",
        "usage",
        "try",
        "examples",
        "example",
        "exit",
        "missing",
        "found",
        "checked",
        "skipped",
        "created",
        "next",
        "fill",
        "every",
        "show",
        "shows",
        "use",
        "used",
        "given",
        "cannot",
        "could",
        "must",
        "should",
        "would",
        "there",
        "their",
        "here",
        "what",
        "where",
        "how",
        "why",
        "only",
        "also",
        "into",
        "about",
        "such",
        "bad",
        "good",
    }
)

_STRIP = [
    re.compile(r"`[^`]*`"),  # code spans
    re.compile(r"'[^']*'"),  # quoted values
    re.compile(r'"[^"]*"'),
    re.compile(r"https?://\S+"),
    re.compile(r"\S*[/\\]\S*"),  # paths and REV:PATH
    re.compile(r"\S+\.(?:ya?ml|md|toml|json|html|sarif|bak|j2|txt|xml)\b"),
    re.compile(r"\b\w+(?:[-_.]\w+)+\b"),  # key names and ids: starting_points, to-improve
    re.compile(r"--?[\w-]+"),  # options
    re.compile(r"\bIWP\d+\b"),
    re.compile(r"\b[A-Z][A-Z0-9_=]+\b"),  # placeholders: FILE, KEY=VALUE
    re.compile(r"^\s*[\w-]+:"),  # a YAML key starting a line
    re.compile(r"\b\w+="),  # XML attributes, KEY=VALUE
    re.compile(r"^\s*#?\s*[\w-]+\s*="),  # a TOML key
]


def english_words(text: str) -> list[tuple[str, list[str]]]:
    """The lines of ``text`` that still hold English words, with those words."""
    found = []
    for line in text.splitlines():
        stripped = line
        for pattern in _STRIP:
            stripped = pattern.sub(" ", stripped)
        words = [w for w in re.findall(r"\w+", stripped.lower()) if w in ENGLISH]
        if words:
            found.append((line, words))
    return found


def test_the_detector_finds_english_and_spares_dutch():
    assert english_words("iwp: nope.yaml: no such file or directory")
    assert english_words("wrote zorglab.yaml")
    assert english_words("Error: Please select one of the available options")
    assert not english_words("iwp: nope.yaml: bestand of map bestaat niet")
    assert not english_words("zorglab.yaml:3:1: IWP020 fout: onbekende sleutel `nmae`")
    assert not english_words("  --fail-on [error|warning|info]  Laagste ernst")


# --- every text in both languages ---------------------------------------------------------


def _pairs(data: Any, where: str) -> list[tuple[str, dict[str, Any]]]:
    """Every mapping in ``data`` that holds a language key, with its place."""
    found = []
    if isinstance(data, dict):
        if "nl" in data or "en" in data:
            found.append((where, data))
        for key, value in data.items():
            if key not in ("nl", "en"):
                found.extend(_pairs(value, f"{where}.{key}"))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_pairs(value, f"{where}[{index}]"))
    return found


@pytest.mark.parametrize("name", ["messages.yaml", "rules.yaml", "help.yaml", "guidance.yaml"])
def test_every_text_is_in_both_languages(name):
    from iwp_cli.rules import RULES

    def complete(where: str, texts: dict[str, Any]) -> bool:
        code = where.split(".")[-2] if where.endswith(".doc") else ""
        if code in RULES:  # a lint rule's English documentation is its module docstring
            return bool(texts.get("nl")) and bool(RULES[code].doc.strip())
        return bool(texts.get("nl")) and bool(texts.get("en"))

    missing = [
        where for where, texts in _pairs(load_data(name), name) if not complete(where, texts)
    ]
    assert not missing, f"a text without one of its languages: {missing[:10]}"


def test_the_labels_have_the_same_keys_in_both_languages():
    labels = load_data("labels.yaml")

    def keys(data: Any, where: str = "") -> set[str]:
        if not isinstance(data, dict):
            return {where}
        return {k for key, value in data.items() for k in keys(value, f"{where}.{key}")}

    assert keys(labels["nl"]) == keys(labels["en"])


def test_every_command_and_option_has_help_in_both_languages():
    commands = load_data("help.yaml")["commands"]
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    missing = []
    for name, command in {"iwp": group, **group.commands}.items():
        entry = commands.get(name, {})
        for part in ("help", "epilog"):
            if set(entry.get(part, {})) != {"nl", "en"}:
                missing.append(f"{name}: {part}")
        for param in command.params:
            texts = entry.get("params", {}).get(param.name, {})
            if not (texts.get("nl") and texts.get("en")):
                missing.append(f"{name} {param.name}")
            flag = getattr(param, "is_flag", False)
            choice = param.type_descriptor.is_choice  # type: ignore[attr-defined]
            if not flag and not choice and set(texts.get("metavar", {})) != {"nl", "en"}:
                missing.append(f"{name} {param.name}: metavar")
    assert not missing, f"help.yaml lacks: {missing}"


def test_every_code_has_its_documentation_in_dutch(iwp):
    english = {}
    for code in all_codes():
        result = iwp("rules", code, "--lang", "nl")
        assert result.exit_code == 0
        if english_words(result.stdout):
            english[code] = english_words(result.stdout)
    assert not english, english


# --- no English in a Dutch run ------------------------------------------------------------

#: A Dutch description with an error, warnings and an open point.
DUTCH = MINIMAL.replace("name: Zorglab Noord", "name: Zorglab Noord\nnmae: tikfout").replace(
    "preconditions: []",
    "preconditions:\n          - {text: Roosters afstemmen, status: to-improve}",
)

C_LOCALE = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return sorted(group.commands)


@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_is_dutch_under_lang_nl(iwp, command):
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    has_lang = command and any(p.name == "lang" for p in group.commands[command].params)
    args = [command, "--help"] if command else ["--help"]
    # Without a --lang of its own, the locale decides.
    env = C_LOCALE if has_lang else {**C_LOCALE, "LANG": "nl_NL.UTF-8"}
    result = iwp(*args, *(["--lang", "nl"] if has_lang else []), env=env)
    assert result.exit_code == 0
    assert not english_words(result.stdout), english_words(result.stdout)


@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_keeps_brackets_and_fits_80_columns(iwp, command):
    args = [command, "--help"] if command else ["--help"]
    result = iwp(*args, env={**C_LOCALE, "COLUMNS": "80"})
    assert "<bool>" not in result.stdout and "<str>" not in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines()), [
        line for line in result.stdout.splitlines() if len(line) > 80
    ]
    if command == "check":
        assert "[tool.iwp]" in result.stdout
    if command == "new":
        assert "tags=[zorg,ict]" in result.stdout


def _sarif_texts(text: str) -> str:
    run = json.loads(text)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    parts = [r["shortDescription"]["text"] for r in rules]
    parts += [r["fullDescription"]["text"] for r in rules] + [r["help"]["text"] for r in rules]
    parts += [r["message"]["text"] for r in run["results"]]
    return "\n".join(parts)


def test_a_dutch_run_of_every_command_speaks_dutch(iwp, tmp_path):
    folder = write_files(tmp_path, {"zorglab.yaml": DUTCH, "ander.yaml": MINIMAL})
    zorglab = folder / "zorglab.yaml"
    runs: dict[str, str] = {}

    def run(*args: str | Path, code: int | None = None) -> str:
        result = iwp(*args, "--lang", "nl", env=C_LOCALE)
        if code is not None:
            assert result.exit_code == code, (args, result.stdout, result.stderr)
        out = result.stdout + result.stderr
        runs[" ".join(str(a) for a in args)] = out
        return out

    run("check", zorglab, code=1)
    run("check", zorglab, "-f", "concise", "--statistics")
    run("check", zorglab, "-f", "github")
    run("check", zorglab, "-f", "junit")
    gitlab = json.loads(run("check", zorglab, "-f", "gitlab"))
    runs["gitlab descriptions"] = "\n".join(issue["description"] for issue in gitlab)
    runs["sarif"] = _sarif_texts(run("check", zorglab, "-f", "sarif"))
    del runs[f"check {zorglab} -f gitlab"], runs[f"check {zorglab} -f sarif"]
    run("check", folder / "nope.yaml", code=2)
    run("check", code=2)
    run("check", zorglab, "--format", "x", code=2)
    run("check", zorglab, "--formaat", "text", code=2)
    run("chek", code=2)
    run("rules")
    run("rules", "IWP999", code=2)
    run("principles")
    run("config", folder)
    run("init", folder / "repo", code=0)
    run("init", folder / "repo", code=0)
    run("new", "Zorglab Zuid", "--no-input", "-o", f"{folder}/", code=0)
    run("new", "Zorglab Zuid", "--no-input", "-o", f"{folder}/", code=2)
    run("new", "--no-input", code=2)
    run("render", folder / "ander.yaml", "-o", folder / "ander.md", code=0)
    run("render", folder / "nope.yaml", code=2)
    run("render", folder / "ander.yaml", "--audience", "partners", "-o", folder / "p.html", code=0)
    run("render", folder, "--format", "pdf", "-o", folder / "p.pdf", code=2)
    run("convert", folder / "ander.yaml", "-o", folder / "ander2.md", code=0)
    run("convert", folder / "nope.yaml", code=2)
    run("diff", folder / "ander.yaml", zorglab)
    (folder / "geen-word.docx").write_text("iwp: 1\n", encoding="utf-8")
    run("import", folder / "geen-word.docx", code=2)
    run("import", folder / "nope.docx", code=2)
    run("cycle", folder / "nope.yaml", code=2)
    run("cycle", folder / "ander.yaml", "--date", "morgen", code=2)
    run("cycle", folder / "ander.yaml", "--date", "2027-02-01", code=0)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    run("log", folder / "ander.yaml", code=2)
    english = [
        f"iwp {args}: {line}  {words}"
        for args, out in runs.items()
        for line, words in english_words(out)
    ]
    assert not english, "English in a Dutch run:\n" + "\n".join(english)


# --- iwp init leaves the language to each user's locale ---------------------------------------


def test_init_under_a_c_locale_writes_no_lang(iwp, tmp_path):
    from iwp_cli.config import load_settings

    result = iwp("init", tmp_path, env=C_LOCALE)
    assert result.exit_code == 0
    toml = (tmp_path / "iwp.toml").read_text(encoding="utf-8")
    assert not any(line.startswith("lang") for line in toml.splitlines())
    assert '# lang = "en"' in toml
    assert load_settings(tmp_path / "iwp.toml").lang is None
    # so a Dutch colleague's locale decides
    dutch = iwp("check", tmp_path, env={**C_LOCALE, "LANG": "nl_NL.UTF-8"})
    assert "geen beschrijvingen" in dutch.stderr


def test_init_in_a_dutch_locale_writes_dutch_files_without_lang(iwp, tmp_path):
    result = iwp("init", tmp_path, env={**C_LOCALE, "LANG": "nl_NL.UTF-8"})
    assert result.stdout.count("aangemaakt: ") == 5
    toml = (tmp_path / "iwp.toml").read_text(encoding="utf-8")
    assert toml.startswith("# Configuratie van `iwp check`")
    assert not any(line.startswith("lang") for line in toml.splitlines())
    workflow = (tmp_path / ".github/workflows/iwp.yml").read_text(encoding="utf-8")
    assert workflow.startswith("# Controleert de IWP-beschrijvingen")
    assert not english_words(toml), english_words(toml)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_init_with_lang_writes_it(iwp, tmp_path, lang):
    from iwp_cli.config import load_settings

    assert iwp("init", tmp_path, "--lang", lang, env=C_LOCALE).exit_code == 0
    assert load_settings(tmp_path / "iwp.toml").lang == lang


# --- which language the help speaks -------------------------------------------------------------


def test_help_follows_lang_then_the_configuration_then_the_locale(iwp, tmp_path, monkeypatch):
    (tmp_path / "iwp.toml").write_text('lang = "nl"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "Gebruik: iwp check" in iwp("check", "--help", env=C_LOCALE).stdout
    assert "Usage: iwp check" in iwp("check", "--help", "--lang", "en", env=C_LOCALE).stdout
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    (elsewhere / ".git").mkdir()  # the search stops at the repository's root
    assert "Usage: iwp check" in iwp("check", "--help", env=C_LOCALE).stdout
    dutch = {**C_LOCALE, "LANG": "nl_NL.UTF-8"}
    assert "Gebruik: iwp check" in iwp("check", "--help", env=dutch).stdout
    # a usage error speaks the same language
    result = iwp("check", "--formaat", "x", env=dutch)
    assert result.exit_code == 2
    assert "Fout: onbekende optie: --formaat" in result.stderr


@pytest.mark.parametrize("form", ["md", "yaml"])
def test_the_files_iwp_new_writes_in_dutch_are_dutch(iwp, tmp_path, form):
    path = tmp_path / f"zorglab.{form}"
    result = iwp("new", "Zorglab", "--no-input", "--lang", "nl", "-o", path, env=C_LOCALE)
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert "TODO" in text
    assert not english_words(text), english_words(text)
