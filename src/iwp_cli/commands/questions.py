"""The questions `iwp new` asks on a terminal, each answer checked as it is given.

The questions, and what they say about a wrong answer, are in the language of the run
(`data/messages.yaml`, keys ``q-…``); a wrong answer is asked again.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape
from rich.prompt import Prompt

from iwp_cli.i18n import Said, localized, message
from iwp_cli.model.parts import CODE_PATTERN
from iwp_cli.scaffold import Answers, Group, default_groups

#: Where a new group starts: a comma or semicolon followed by ``CODE=`` (a name may hold commas).
_NEXT_GROUP = re.compile(r"\s*[,;]\s*(?=[^=,;]{1,20}=)")
_LANGUAGES = {"nl": "nl", "nederlands": "nl", "dutch": "nl", "en": "en", "engels": "en"}
_LANGUAGES["english"] = "en"


def ask(answers: Answers, *, ui_lang: str, console: Console | None = None) -> Answers:
    """Ask for what ``answers`` lacks: the name (unless given), language, partners and
    participant groups; defaults from ``answers``."""
    console = console or Console()

    def q(key: str) -> str:
        return escape(message(f"q-{key}", ui_lang))

    name = answers.name.strip()
    while not name:
        name = Prompt.ask(q("name"), console=console).strip()
        if not name:
            console.print(q("name-empty"))
    lang = None
    while lang is None:
        said = Prompt.ask(q("lang"), default=answers.lang, console=console)
        lang = _LANGUAGES.get(said.strip().lower())
        if lang is None:
            console.print(escape(message("q-lang-invalid", ui_lang, value=said)))
    raw = Prompt.ask(q("partners"), default="", show_default=False, console=console)
    partners = tuple(p.strip() for p in raw.split(",") if p.strip())
    defaults = default_groups(lang)
    shown = ", ".join(f"{g.code}={g.name}" for g in defaults)
    while True:
        text = Prompt.ask(q("groups"), default=shown, console=console)
        try:
            groups = read_groups(text)
        except ValueError as error:
            console.print(f"[red]{escape(localized(error, ui_lang))}[/red]")
            continue
        break
    by_code = {g.code: g for g in defaults}
    groups = tuple(
        by_code[g.code] if g.code in by_code and g.name == by_code[g.code].name else g
        for g in groups
    )
    return Answers(name=name, lang=lang, partners=partners, groups=groups)


def read_groups(text: str) -> tuple[Group, ...]:
    """``J=Studenten, S=Docenten; OG=Opdrachtgevers`` as groups (commas or semicolons between
    them; a name may hold commas). Raises ValueError with a `Said` that shows the bad part and
    what is expected."""
    groups: list[Group] = []
    for part in (p.strip() for p in _NEXT_GROUP.split(text.strip())):
        if not part:
            continue
        code, sep, name = part.partition("=")
        code, name = code.strip(), name.strip()
        if not sep or not name:
            raise ValueError(Said("q-groups-form", part=part))
        if not re.fullmatch(CODE_PATTERN, code):
            raise ValueError(Said("q-groups-code", code=code))
        if any(g.code == code for g in groups):
            raise ValueError(Said("q-groups-twice", code=code))
        groups.append(Group(code, name, {"J": "junior", "S": "senior"}.get(code)))
    if not groups:
        raise ValueError(Said("q-groups-none"))
    return tuple(groups)
