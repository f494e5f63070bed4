"""The questions `iwp new` asks on a terminal, each answer checked as it is given."""

from __future__ import annotations

from rich.console import Console
from rich.prompt import Prompt

from iwp_cli.scaffold import Answers, default_groups, parse_groups

_QUESTIONS = {
    "nl": {
        "name": "Naam van de IWP",
        "lang": "Taal van de beschrijving",
        "partners": "Partnerorganisaties, gescheiden door komma's (leeg: later invullen)",
        "groups": "Deelnemersgroepen als CODE=naam, gescheiden door ;",
        "empty": "Geef een naam.",
    },
    "en": {
        "name": "Name of the IWP",
        "lang": "Language of the description",
        "partners": "Partner organisations, separated by commas (empty: fill in later)",
        "groups": "Participant groups as CODE=name, separated by ;",
        "empty": "Give a name.",
    },
}


def ask(answers: Answers, *, ui_lang: str, console: Console | None = None) -> Answers:
    """Ask for name, language, partners and participant groups; defaults from ``answers``."""
    console = console or Console()
    q = _QUESTIONS[ui_lang]
    name = answers.name
    while True:
        name = (
            Prompt.ask(q["name"], default=name, console=console)
            if name
            else Prompt.ask(q["name"], console=console)
        )
        if name.strip():
            break
        console.print(q["empty"])
    lang = Prompt.ask(q["lang"], choices=["nl", "en"], default=answers.lang, console=console)
    raw = Prompt.ask(q["partners"], default="", show_default=False, console=console)
    partners = tuple(p.strip() for p in raw.split(",") if p.strip())
    default = "; ".join(f"{g.code}={g.name}" for g in default_groups(lang))
    while True:
        text = Prompt.ask(q["groups"], default=default, console=console)
        try:
            groups = parse_groups(text)
        except ValueError as error:
            console.print(f"[red]{error}[/red]")
            continue
        break
    defaults = {g.code: g for g in default_groups(lang)}
    groups = tuple(
        defaults[g.code] if g.code in defaults and g.name == defaults[g.code].name else g
        for g in groups
    )
    return Answers(name=name.strip(), lang=lang, partners=partners, groups=groups)
