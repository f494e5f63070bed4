"""`iwp init`: prepare a shared repository for descriptions, without overwriting anything."""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import Annotated

import typer

from iwp_cli import __version__
from iwp_cli.commands.common import Lang, fail, language, say

EPILOG = (
    "Examples:\n\n"
    "  iwp init                       GitHub workflow, pre-commit, iwp.toml, descriptions/,\n"
    "                                 schemas/ for editors\n\n"
    "  iwp init repo --ci gitlab --lang nl\n\n"
    "Existing files are never overwritten; each one skipped is reported."
)

FOLDER = "descriptions"


class CI(str, enum.Enum):
    github = "github"
    gitlab = "gitlab"
    none = "none"


#: Written from `iwp_cli.schema` rather than a template: the JSON Schema for editors.
SCHEMA = "schema"


def plan(ci: CI) -> list[tuple[str, str]]:
    """The files to write: (path relative to the repository, template or `SCHEMA`)."""
    from iwp_cli.schema import SCHEMA_FILE

    files = [
        ("iwp.toml", "init/iwp.toml.j2"),
        (".pre-commit-config.yaml", "init/pre-commit-config.yaml.j2"),
        (f"{FOLDER}/README.md", "init/descriptions-README.md.j2"),
        (SCHEMA_FILE, SCHEMA),
    ]
    if ci is CI.github:
        files.insert(1, (".github/workflows/iwp.yml", "init/github-workflow.yml.j2"))
    elif ci is CI.gitlab:
        files.insert(1, (".gitlab-ci.yml", "init/gitlab-ci.yml.j2"))
    return files


def init(
    directory: Annotated[Path, typer.Argument(help="The repository to prepare.")] = Path(),
    ci: Annotated[CI, typer.Option("--ci", help="Which CI to set up.")] = CI.github,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of the configuration and README.")
    ] = None,
) -> None:
    """Set up a shared repository: iwp.toml, a CI workflow, pre-commit, descriptions/ and the
    JSON Schema for editors (schemas/iwp-1.schema.json)."""
    from iwp_cli.atomic import LinkedFolder
    from iwp_cli.i18n import localized, message
    from iwp_cli.scaffold import write_new
    from iwp_cli.schema import schema_text
    from iwp_cli.templating import file_environment

    language_ = language(lang)
    if directory.exists() and not directory.is_dir():
        raise fail(message("not-a-folder", language_, path=directory), language_)
    environment = file_environment()
    # The files speak the run's language; `lang` goes into iwp.toml only when asked for, so that
    # otherwise each user's locale decides.
    team_lang = lang.value if lang is not None else None
    values = {"lang": language_, "team_lang": team_lang, "version": __version__, "folder": FOLDER}
    for relative, template in plan(ci):
        target = directory / relative
        if os.path.lexists(target):  # a link to nothing exists too: never replaced
            say("skipped-exists", language_, path=target)
            continue
        if template == SCHEMA:
            text = schema_text()
        else:
            text = environment.get_template(template).render(**values)
        try:
            write_new(target, text, within=directory)
        except FileExistsError:
            say("skipped-exists", language_, path=target)
            continue
        except LinkedFolder as error:
            reason = localized(error, language_)
            say("skipped-linked", language_, path=target, reason=reason)
            continue
        except OSError as error:
            raise fail(error, language_) from None
        say("created", language_, path=target)
