"""What the commands share: exit codes, the language option, and failing with a message."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from iwp_cli.config import Settings
    from iwp_cli.framework import Framework

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


def file_settings(
    path: Path, config: Path | None, lang: Lang | None
) -> tuple[Settings, Framework | None, str]:
    """For a command on one description: the settings and the repository's framework that
    apply to ``path``, and the language to speak. Exit 2 with a message when ``path`` is no
    file or the configuration is broken (said in ``--lang`` or the locale, as it was not read).
    """
    from iwp_cli.config import ConfigError
    from iwp_cli.framework import FrameworkError
    from iwp_cli.i18n import Said
    from iwp_cli.settings import resolve_settings

    ui = language(lang)
    if not path.is_file():
        raise fail(Said("no-such-file", path=path), ui)
    try:
        settings, framework = resolve_settings(str(path), config)
    except (ConfigError, FrameworkError) as error:
        raise fail(error, ui) from None
    return settings, framework, language(lang, settings.lang)


def names_a_file(given: str | None) -> bool:
    """Whether ``-o GIVEN`` names a file: not a folder that exists, and no trailing slash."""
    import os

    return given is not None and not given.endswith(("/", os.sep)) and not Path(given).is_dir()


def form_named(given: str | None) -> str | None:
    """The form ``-o GIVEN``'s file name says (as `iwp check` reads it); None without -o, or
    when it names a folder."""
    from iwp_cli.loader import form_of

    return form_of(given) if given is not None and names_a_file(given) else None


def output_file(given: str | None, default_name: str) -> Path | None:
    """The file ``-o GIVEN`` writes: GIVEN itself, or ``default_name`` in the folder it names
    (typer would drop the trailing slash of a ``Path`` option, so -o is read as text)."""
    from iwp_cli.atomic import destination

    return None if given is None else destination(given, default_name)
