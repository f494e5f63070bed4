"""What the commands share: exit codes, the language option, and failing with a message."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class Lang(str, enum.Enum):
    nl = "nl"
    en = "en"


LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of messages: nl or en. Default: the configuration, else the locale (LANG).",
    ),
]


def language(lang: Lang | None, configured: str | None = None) -> str:
    """``--lang``, else the configuration, else the locale, else English."""
    if lang is not None:
        return lang.value
    if configured is not None:
        return configured
    from iwp_cli.i18n import detect_language

    return detect_language()


def fail(text: str) -> typer.Exit:
    """Print ``iwp: text`` on standard error; the caller raises the returned exit (code 2)."""
    typer.echo(f"iwp: {text}", err=True)
    return typer.Exit(EXIT_USAGE)
