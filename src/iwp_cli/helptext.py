"""The command line in the run's language: help, usage lines and usage errors.

Typer builds the click commands from the code; `IwpGroup.main` then, before parsing, picks the
language as the messages do (``--lang`` anywhere on the command line, else ``lang`` in the
nearest iwp.toml or ``[tool.iwp]``, else the locale) and sets every help text, placeholder and
epilog from `data/help.yaml`, keyed by command and parameter name. A command or option added
in the code needs only an entry there. Help is printed as plain text (no rich markup), so
``[tool.iwp]`` and ``[zorg,ict]`` show as written, and examples are never rewrapped.

A run that shows no help screen and no usage error does not read help.yaml at all (about 70 ms
saved); outside ``--lang`` it costs one look for a configuration file. The heavy modules stay
unimported (see README, "Start-up").
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

import typer
import typer._click as click
from typer.core import TyperArgument, TyperGroup

from iwp_cli.i18n import LANGUAGES, detect_language


def help_data() -> dict[str, Any]:
    """The contents of `data/help.yaml`."""
    from iwp_cli.data_files import load_data

    data: dict[str, Any] = load_data("help.yaml")
    return data


def word(key: str, lang: str, /, **args: str) -> str:
    """A word of the help screens (`ui` in help.yaml), such as ``usage``."""
    text: str = help_data()["ui"][key][lang]
    return text.format(**args) if args else text


def run_language(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """``--lang`` anywhere in ``argv``, else the configured language, else the locale's."""
    for index, token in enumerate(argv):
        value = None
        if token == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif token.startswith("--lang="):
            value = token.partition("=")[2]
        if value in LANGUAGES:
            return value
    try:
        start = next((Path(a) for a in argv if not a.startswith("-") and Path(a).exists()), Path())
        configured = configured_language(start)
    except (OSError, ValueError):  # the command reports what it cannot read
        configured = None
    return configured or detect_language(environ)


def configured_language(start: Path) -> str | None:
    """``lang`` of the nearest iwp.toml (or pyproject.toml with ``[tool.iwp]``) from ``start``
    upwards to the repository's root, read without the full configuration's modules."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

    folder = start.absolute()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in ("iwp.toml", "pyproject.toml"):
            path = candidate / name
            try:
                if not path.is_file() or path.stat().st_size > 1_000_000:
                    continue
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, RecursionError):  # the command says what is wrong
                if name == "iwp.toml" and path.is_file():
                    return None
                continue
            if name == "pyproject.toml":
                tool = data.get("tool")
                data = tool.get("iwp") if isinstance(tool, dict) else None
                if not isinstance(data, dict):
                    continue
            lang = data.get("lang")
            return lang if lang in LANGUAGES else None
        if (candidate / ".git").exists():
            break
    return None


def localize(group: TyperGroup, lang: str) -> None:
    """Set the help of ``group`` and its commands from help.yaml, in ``lang``."""
    commands = help_data()["commands"]
    group.subcommand_metavar = word("command-metavar", lang)
    _localize_command(group, commands.get("iwp", {}), lang)
    for name, command in group.commands.items():
        _localize_command(command, commands.get(name, {}), lang)


def _localize_command(command: click.Command, entry: dict[str, Any], lang: str) -> None:
    if "help" in entry:
        command.help = command.short_help = entry["help"][lang]
    if "epilog" in entry:
        command.epilog = keep_examples(entry["epilog"][lang])
    command.options_metavar = word("options-metavar", lang)
    command.context_class = _context_class(lang)
    params = entry.get("params", {})
    for param in command.params:
        if type(param) is TyperArgument:
            param.__class__ = _Argument
        texts = params.get(param.name, {})
        if lang in texts and hasattr(param, "help"):
            param.help = texts[lang]
        if "metavar" in texts:
            param.metavar = texts["metavar"][lang]
        else:
            choices = _choices(param)
            if choices:
                param.metavar = "[" + "|".join(choices) + "]"
    help_option = command.get_help_option(click.Context(command))
    if help_option is not None:
        help_option.help = word("help-option", lang)


def _choices(param: click.Parameter) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not descriptor.is_choice:
        return []
    return [str(getattr(choice, "value", choice)) for choice in descriptor.choices or ()]


def keep_examples(text: str) -> str:
    """``text`` with each paragraph of indented example lines marked so click never rewraps it."""
    paragraphs = text.strip("\n").split("\n\n")
    return "\n\n".join(f"\b\n{p}" if p.startswith("  ") else p for p in paragraphs)


class _Argument(TyperArgument):
    """An argument shown as its placeholder alone (``PATHS...``, ``[NAME]``), not ``{paths}``
    with its Python type; `localize` gives typer's arguments this class."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 and not name.endswith("...") else "")

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        return None if self.hidden else (self._usage_display_name(), self.help or "")


@cache
def _context_class(lang: str) -> type[click.Context]:
    class Formatter(click.HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, prefix=f"{word('usage', lang)} ")

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            default, required = word("default", lang), word("required", lang)
            rows = [
                (term, text.replace("[default: ", f"[{default}: ").replace("[required]", required))
                for term, text in rows
            ]
            super().write_dl(rows, *args, **kwargs)

        def section(self, name: str) -> Any:
            return super().section(_section_name(name, lang))

    class Context(click.Context):
        formatter_class = Formatter

    return Context


def _section_name(name: str, lang: str) -> str:
    words = help_data()["ui"]
    return str(words[name][lang]) if name in words else name


def usage_error(message: str, lang: str) -> str:
    """Click's English ``message`` in ``lang``, by the patterns of help.yaml (else unchanged)."""
    if lang == "en":
        return message
    for pattern in help_data()["errors"]:
        match = re.match(pattern["en"], message)
        if match:
            values = {k: v or "" for k, v in match.groupdict().items()}
            return str(pattern[lang]).format(**values)
    return message


def show_usage_error(error: click.ClickException, lang: str) -> NoReturn:
    """Print ``error`` as click does (usage, a hint, the error), in ``lang``; exit with its code."""
    ctx: click.Context | None = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError":
        error.show()
        sys.exit(error.exit_code)
    lines = []
    if ctx is not None:
        root = ctx.find_root().command
        if isinstance(root, TyperGroup):
            localize(root, lang)  # the usage line and the hint in the run's language
        ctx.formatter_class = _context_class(lang).formatter_class
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            command, option = ctx.command_path, ctx.help_option_names[0]
            lines.append(word("try-help", lang, command=command, option=option))
        lines.append("")
    lines.append(word("error", lang, message=usage_error(error.format_message(), lang)))
    sys.stderr.write("\n".join(lines) + "\n")
    sys.exit(error.exit_code)


class IwpGroup(TyperGroup):
    """The `iwp` group: localizes itself before parsing, and reports usage errors the same way."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        lang = run_language(argv)
        if not argv or "--help" in argv:  # the texts are read only when a help screen needs them
            localize(self, lang)
        try:
            result = super().main(
                args=argv,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except click.exceptions.ClickException as error:
            if not standalone_mode:
                raise
            show_usage_error(error, lang)
        except typer.Abort:
            if not standalone_mode:
                raise
            sys.stderr.write(word("aborted", lang) + "\n")
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)
