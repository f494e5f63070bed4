"""The `iwp` command line: thin commands that parse options, call the core and choose exit codes.

Heavy modules (pydantic models, rich) are imported inside the commands that need them, so that
``iwp --version`` and ``iwp --help`` stay fast in CI.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from iwp_cli import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

app = typer.Typer(
    name="iwp",
    help="Describe, check, compare and report on innovatiewerkplaatsen (IWP) in YAML.",
    epilog="Examples:\n\n"
    "  iwp check examples/value-in-the-valley.yaml    check a description (or a directory)\n\n"
    "  iwp schema --output schemas/iwp-1.schema.json  write the JSON Schema for editors\n\n"
    "  iwp principles --lang en                       show the seven design principles",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Lang(str, enum.Enum):
    nl = "nl"
    en = "en"


class CheckFormat(str, enum.Enum):
    text = "text"
    json = "json"


LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", help="Language of messages: nl or en. Default: from the locale (LANG)."),
]


def _language(lang: Lang | None) -> str:
    if lang is not None:
        return lang.value
    from iwp_cli.i18n import detect_language

    return detect_language()


def _fail(text: str) -> typer.Exit:
    typer.echo(f"iwp: {text}", err=True)
    return typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iwp {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Describe, check, compare and report on innovatiewerkplaatsen (IWP) in YAML."""


@app.command(
    epilog="Examples:\n\n"
    "  iwp check examples/value-in-the-valley.yaml\n\n"
    "  iwp check descriptions/ --format json --output report.json\n\n"
    "Exit codes: 0 no errors, 1 findings at error level, 2 usage or I/O errors."
)
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories. Under a directory, every *.yaml/*.yml file "
            "whose top level has the key `iwp` is checked.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CheckFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check descriptions against format version 1."""
    from iwp_cli.checker import check_targets
    from iwp_cli.discovery import InputError, discover
    from iwp_cli.findings import Severity
    from iwp_cli.reporters import REPORTERS, ReportOptions

    language = _language(lang)
    try:
        run = check_targets(discover(paths), lang=language)
    except InputError as error:
        raise _fail(str(error)) from None
    if not run.results and not run.skipped:
        raise _fail(f"no YAML files in {', '.join(paths)}")
    color = output is None and output_format is CheckFormat.text and sys.stdout.isatty()
    options = ReportOptions(lang=language, color=color)
    report = REPORTERS[output_format.value](run, options)
    if output is None:
        sys.stdout.write(report)
    else:
        try:
            output.write_text(report, encoding="utf-8")
        except OSError as error:
            raise _fail(f"{output}: cannot write ({error.strerror})") from None
    worst = run.worst()
    raise typer.Exit(EXIT_FINDINGS if worst is Severity.ERROR else EXIT_OK)


@app.command(epilog="Examples:\n\n  iwp schema\n\n  iwp schema --output schemas/iwp-1.schema.json")
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the schema to this file.")
    ] = None,
) -> None:
    """Print the JSON Schema of the description format (for editors and other validators)."""
    from iwp_cli.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise _fail(f"{output}: cannot write ({error.strerror})") from None


@app.command(epilog="Examples:\n\n  iwp principles\n\n  iwp principles --lang en")
def principles(lang: LangOption = None) -> None:
    """Show the seven design principles of the built-in framework, with their definitions."""
    from iwp_cli.framework import builtin_framework

    language = _language(lang)
    framework = builtin_framework()
    lines = [f"{framework.title[language]} ({framework.id})", ""]
    for info in framework.principles:
        lines.append(f"{info.number}. {info.title[language]}  [{info.id}]")
        lines.append(f"   {info.definition[language]}")
        lines.append("")
    lines.extend(framework.notes.get(language, []))
    typer.echo("\n".join(lines))
