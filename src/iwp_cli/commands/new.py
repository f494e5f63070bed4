"""`iwp new`: scaffold a description with the handbook's guidance, or start a new cycle."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Annotated

import typer

from iwp_cli.commands.common import EXIT_OK, Lang, fail, form_named, language, say
from iwp_cli.commands.convert_cmd import Form

EPILOG = (
    "Examples:\n\n"
    '  iwp new "Zorglab Noord"                      asks a few questions on a terminal\n\n'
    '  iwp new "Zorglab Noord" --lang nl --no-input -o descriptions/\n\n'
    '  iwp new "Zorglab Noord" --format yaml   YAML: zorglab-noord.yaml\n\n'
    "  iwp new Zorglab --no-input -o zorglab.yaml   the form follows -o's suffix\n\n"
    # A backslash keeps rich from reading "[zorg,ict]" as markup (and leaving it out).
    "  iwp new Zorglab --no-input --set tags=\\[zorg,ict] "
    "--set partners[0].name=Hanzehogeschool\n\n"
    "  iwp new --from descriptions/zorglab.md   a new cycle: a copy dated today\n\n"
    "  iwp new --from zorglab.yaml -o zorglab-2027.md   a new cycle in Markdown\n\n"
    "The form is Markdown (the handbook's tables) unless --format yaml or -o names a file that is "
    "not *.md or *.markdown; --from keeps the form of its file. "
    "An existing file is never overwritten (exit 2), unless --force, which keeps it as FILE.bak."
)

_SUFFIX = {"md": ".md", "yaml": ".yaml"}


def new(  # noqa: PLR0917 - typer maps each parameter to an option
    name: Annotated[
        str | None, typer.Argument(help="Name of the IWP; the file is named after it.")
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write, or a folder to write it in (a trailing / means a folder).",
        ),
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of the description and its guidance.")
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Ask nothing; use NAME, --lang and defaults.")
    ] = False,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="KEY=VALUE to fill in, such as starting_points.context=...; "
            "VALUE is read as YAML. Repeatable.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing file, keeping it as FILE.bak.")
    ] = False,
    source: Annotated[
        Path | None,
        typer.Option("--from", help="Start a new cycle: copy this description with today's date."),
    ] = None,
    form: Annotated[
        Form | None,
        typer.Option(
            "--format",
            help="md (Markdown, the handbook's tables) or yaml. Default: -o's suffix, the form "
            "of --from's file, else md.",
        ),
    ] = None,
) -> None:
    """Write a new description: every part of the appendix form, with guidance as comments, in
    Markdown or YAML."""
    from iwp_cli.i18n import message
    from iwp_cli.loader import MARKDOWN, YAML, form_of
    from iwp_cli.scaffold import Answers, ScaffoldError, render_scaffold, set_values, slug
    from iwp_cli.scaffold_md import converted, markdown_scaffold
    from iwp_cli.schema import schema_reference

    today = datetime.date.today()
    language_ = language(lang)
    to = _form(form, output, source, language_)
    try:
        if source is not None:
            text, default_name = _new_cycle(source, today, to, sets or [], language_)
            made = form_of(source.name)
        else:
            if name is None and no_input:
                raise fail(message("new-needs-name", language_), language_)
            answers = Answers(name=name or "", lang=lang.value if lang else "nl")
            if not no_input and sys.stdin.isatty():
                from iwp_cli.commands.questions import ask

                answers = ask(answers, ui_lang=language_)
            default_name = f"{slug(answers.name)}{_SUFFIX[to]}"
            planned = _target(output, default_name)
            schema = schema_reference(planned.parent) if to == YAML else None
            text = render_scaffold(
                answers, today=today, file_name=planned.name, schema=schema, markdown=to == MARKDOWN
            )
            text = set_values(text, sets) if sets else text
            made = YAML
        target = _target(output, default_name)
        _must_be_valid(text, made, target, language_)
        if to != made and source is None:
            text = markdown_scaffold(text, lang=answers.lang, file_name=target.name)
        elif to != made:
            text = converted(text, source=str(source), source_form=made, to=to)
        _must_be_valid(text, to, target, language_)
    except ScaffoldError as error:
        raise fail(error, language_) from None
    backup = _write(target, text, force=force, lang=language_)
    if backup:
        say("wrote-backup", language_, path=target, backup=backup)
    else:
        say("wrote", language_, path=target)
    if source is not None and to != made:
        shown = "Markdown" if to == MARKDOWN else "YAML"
        say("new-comments-lost", language_, source=source, form=shown)
    if source is not None:  # one IWP, one file: a cycle is a commit (iwp cycle)
        say("new-hint-cycle", language_, source=source)
    else:
        say("next-todo", language_, path=target)
    raise typer.Exit(EXIT_OK)


def _write(target: Path, text: str, *, force: bool, lang: str) -> Path | None:
    """Write ``target``, never over an existing file unless ``force``; returns the backup."""
    from iwp_cli.i18n import message
    from iwp_cli.scaffold import write_new

    try:
        backup = write_new(target, text, force=force)
    except FileExistsError:
        backup_name = f"{target.name}.bak"
        exists = message("exists-choose-backup", lang, path=target, backup=backup_name)
        raise fail(exists, lang) from None
    except OSError as error:  # a WriteError names the file and the reason
        raise fail(error, lang) from None
    return backup


def _form(form: Form | None, output: str | None, source: Path | None, lang: str) -> str:
    """The form to write: ``--format``, else what ``-o`` names, else that of ``--from``'s file,
    else Markdown. A ``--format`` that ``-o``'s name contradicts is a usage error: `iwp check`
    reads a file by its name."""
    from iwp_cli.i18n import message
    from iwp_cli.loader import MARKDOWN, form_of

    named = form_named(output)
    if form is not None and named is not None and form.value != named:
        key = "new-format-md" if named == MARKDOWN else "new-format-yaml"
        suggestion = Path(output or "").with_suffix(_SUFFIX[form.value]).name
        said = message(key, lang, form=form.value, output=output, suggestion=suggestion)
        raise fail(said, lang)
    if form is not None:
        return form.value
    if named is not None:
        return named
    return form_of(source.name) if source is not None else MARKDOWN


def _must_be_valid(text: str, form: str, target: Path, lang: str) -> None:
    """Refuse (exit 2) a text that would not be a valid description."""
    from iwp_cli.i18n import message
    from iwp_cli.loader import load_text

    loaded = load_text(text, shown=str(target), form=form, lang=lang)
    shape_errors = [f for f in loaded.findings if f.code.startswith("IWP0")]
    if shape_errors:
        first = shape_errors[0]
        where = {"code": first.code, "message": first.message, "path": first.yaml_path}
        raise fail(message("new-not-valid", lang, **where), lang)


def _target(output: str | None, default_name: str) -> Path:
    from iwp_cli.atomic import destination

    if output is None:
        return Path(default_name)  # a new cycle stands next to its source
    return destination(output, Path(default_name).name)  # in -o's folder, not below it


def _new_cycle(
    source: Path, today: datetime.date, to: str, sets: list[str], lang: str
) -> tuple[str, str]:
    """The new cycle's text in the form of ``source``, with ``sets`` applied, and its default
    file name: the source's, dated today, with the suffix of the form ``to``."""
    from iwp_cli.loader import MARKDOWN, form_of
    from iwp_cli.scaffold import new_cycle, read_description, set_values
    from iwp_cli.scaffold_md import new_markdown_cycle, set_front_matter

    old = read_description(source, lang)
    stem = source.stem
    dated = len(stem) > 11 and stem[-11] == "-" and _is_date(stem[-10:])
    base = stem[:-11] if dated else stem
    made = form_of(source.name)
    if made == MARKDOWN:
        text = new_markdown_cycle(old, today=today, what=str(source), lang=lang)
        text = set_front_matter(text, sets, what=str(source)) if sets else text
    else:
        text = new_cycle(old, today=today, what=str(source), lang=lang)
        text = set_values(text, sets) if sets else text
    suffix = source.suffix if to == made else _SUFFIX[to]
    return text, str(source.with_name(f"{base}-{today.isoformat()}{suffix}"))


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
