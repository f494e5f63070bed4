"""Reference commands: `iwp schema`, `iwp principles` and `iwp rules`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from iwp_cli.commands.common import LangOption, fail, language


def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the schema to this file.")
    ] = None,
) -> None:
    """Print the JSON Schema of the description format (for editors and other validators)."""
    from iwp_cli.i18n import detect_language
    from iwp_cli.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    from iwp_cli.atomic import WriteError, write_file

    try:
        write_file(output, text)
    except WriteError as error:
        raise fail(error, detect_language()) from None


def principles(lang: LangOption = None) -> None:
    """Show the seven design principles of the built-in framework, with their definitions."""
    from iwp_cli.framework import builtin_framework

    language_ = language(lang)
    framework = builtin_framework()
    lines = [f"{framework.title[language_]} ({framework.id})", ""]
    for info in framework.principles:
        lines.append(f"{info.number}. {info.title[language_]}  [{info.id}]")
        lines.append(f"   {info.definition[language_]}")
        lines.append("")
    lines.extend(framework.notes.get(language_, []))
    typer.echo("\n".join(lines))


def rules(
    code: Annotated[
        str | None, typer.Argument(help="A code, such as IWP201, to show its documentation.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """List every check with its code, default severity and title, or document one."""
    from iwp_cli.catalogue import describe_code, list_codes
    from iwp_cli.i18n import message

    language_ = language(lang)
    if code is None:
        words = {s: message(f"severity-{s}", language_) for s in ("error", "warning", "info")}
        width = max(len(word) for word in words.values())
        for entry in list_codes(language_):
            severity = words[entry.severity]
            typer.echo(f"{entry.code}  {severity:<{width}}  {entry.name:<28}  {entry.title}")
        return
    text = describe_code(code.upper(), language_)
    if text is None:
        raise fail(message("unknown-code", language_, code=code), language_)
    typer.echo(text)
