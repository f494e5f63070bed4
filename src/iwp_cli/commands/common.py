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


def fail(what: object, lang: str) -> typer.Exit:
    """Print ``iwp: `` and ``what`` (a `Said`, an error or text) in ``lang`` on standard error;
    the caller raises the returned exit (code 2)."""
    from iwp_cli.i18n import localized

    typer.echo(f"iwp: {localized(what, lang)}", err=True)
    return typer.Exit(EXIT_USAGE)


def say(key: str, lang: str, /, *, err: bool = False, **values: object) -> None:
    """Print the message ``key`` in ``lang`` (a status line of a command)."""
    from iwp_cli.i18n import message

    typer.echo(message(key, lang, **values), err=err)
