"""Write new descriptions: a commented scaffold with the handbook's guidance, or a new cycle of an
existing description; and change keys of a description without losing its comments.

Files are written atomically and never overwritten unless asked; then the old file is kept as
``PATH.bak``.
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iwp_cli.codes import READ_CODES
from iwp_cli.data_files import load_data
from iwp_cli.framework import builtin_framework
from iwp_cli.i18n import Said
from iwp_cli.model.parts import CODE_PATTERN
from iwp_cli.templating import file_environment


class ScaffoldError(Exception):
    """A scaffold cannot be written as asked; the message says why."""


#: The codes of problems met while reading YAML (not those of a description's shape).
READING_CODES = frozenset(READ_CODES.values()) - {"IWP002", "IWP004", "IWP005"}


@dataclass(frozen=True, slots=True)
class Group:
    """A participant group for the scaffold."""

    code: str
    name: str
    level: str | None = None
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answers:
    """What the user told `iwp new` (or its defaults)."""

    name: str
    lang: str = "nl"
    partners: tuple[str, ...] = ()
    groups: tuple[Group, ...] = field(default_factory=tuple)


def guidance(lang: str, *, markdown: bool = False) -> dict[str, Any]:
    """The guidance texts of ``data/guidance.yaml`` in ``lang``; for the Markdown form with
    those of ``data/guidance_md.yaml``, in the handbook's notation, in their place."""
    texts: dict[str, Any] = load_data("guidance.yaml")[lang]
    return {**texts, **load_data("guidance_md.yaml")[lang]} if markdown else texts


def default_groups(lang: str) -> tuple[Group, ...]:
    """J and S as the handbook has them."""
    g = guidance(lang)
    return (
        Group("J", g["junior"], "junior", tuple(g["junior_roles"])),
        Group("S", g["senior"], "senior", tuple(g["senior_roles"])),
    )


def parse_groups(text: str) -> tuple[Group, ...]:
    """``"J=Studenten; S=Docenten; OG=Opdrachtgevers"`` as groups; raises ValueError with the bad
    part."""
    groups: list[Group] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        code, sep, name = part.partition("=")
        code, name = code.strip(), name.strip()
        if not sep or not name:
            raise ValueError(f"{part!r} is not CODE=name")
        if not re.fullmatch(CODE_PATTERN, code):
            raise ValueError(f"{code!r} is not a participant code (1-10 letters or digits)")
        if any(g.code == code for g in groups):
            raise ValueError(f"code {code!r} is given twice")
        level = {"J": "junior", "S": "senior"}.get(code)
        groups.append(Group(code, name, level))
    if not groups:
        raise ValueError("give at least one group")
    return tuple(groups)


def slug(name: str) -> str:
    """A file name for ``name``: ``Zorglab Noord`` gives ``zorglab-noord``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "iwp"


def render_scaffold(
    answers: Answers,
    *,
    today: datetime.date,
    file_name: str,
    schema: str | None = None,
    markdown: bool = False,
) -> str:
    """The text of a new, commented description; with ``schema`` (a path or URL), first a
    modeline that points yaml-language-server at the JSON Schema. With ``markdown``, its
    placeholders are those of the Markdown form (`iwp_cli.scaffold_md` writes it in that
    form)."""
    g = guidance(answers.lang, markdown=markdown)
    groups = answers.groups or default_groups(answers.lang)
    principles = [
        {
            "id": info.id,
            "number": info.number,
            "title": info.title[answers.lang],
            "definition": info.definition[answers.lang],
        }
        for info in builtin_framework().principles
    ]
    template = file_environment().get_template("scaffold/description.yaml.j2")
    return template.render(
        g=g,
        file=file_name,
        schema=schema,
        name=answers.name or g["placeholder_name"],
        date=today.isoformat(),
        lang=answers.lang,
        partners=list(answers.partners) or [g["placeholder_partner"]],
        groups=groups,
        first_code=groups[0].code,
        principles=principles,
    )


def _round_trip() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _load_round_trip(yaml: Any, text: str, what: str) -> Any:
    """``text`` read by the round-trip loader, which keeps comments. Only a text that iwp's own
    reader accepts is given to it (`reading_problem`); what it still refuses (a date that does
    not exist, say) is a ScaffoldError, never a traceback."""
    from ruamel.yaml.error import YAMLError

    try:
        return yaml.load(text)
    except (YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ScaffoldError(Said("set-not-yaml", what=what, reason=reason)) from None


def reading_problem(text: str, what: str, lang: str = "en") -> None:
    """Raise ScaffoldError with the first problem `iwp check` would report while reading
    ``text`` (broken YAML, a duplicate key, a tab, a second document, deep nesting …)."""
    from iwp_cli.loader import load_text

    for finding in load_text(text, shown=what, lang=lang).findings:
        if finding.code in READING_CODES:
            where = f"{what}:{finding.line}:{finding.column}" if finding.line else what
            raise ScaffoldError(f"{where}: {finding.code} {finding.message}")


def read_description(path: Path, lang: str = "en") -> str:
    """The text of the description at ``path``, read within the limits of `iwp check`; a file
    that `iwp check` could not read raises ScaffoldError with its first reading finding."""
    from iwp_cli.loader import load_path

    loaded = load_path(path, shown=str(path), lang=lang)
    if loaded.text is None:
        first = loaded.findings[0]
        raise ScaffoldError(f"{path}: {first.code} {first.message}")
    return loaded.text


def new_cycle(text: str, *, today: datetime.date, what: str = "<text>", lang: str = "en") -> str:
    """A copy of ``text`` with ``date`` set to ``today``; comments and layout kept; a reading
    problem is said in ``lang``."""
    reading_problem(text, what, lang)
    yaml = _round_trip()
    data = _load_round_trip(yaml, text, what)
    if not hasattr(data, "get") or "iwp" not in data:
        raise ScaffoldError(Said("cycle-not-a-description"))
    data["date"] = today
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def set_values(text: str, assignments: list[str]) -> str:
    """Apply ``KEY=VALUE`` assignments (dotted keys, ``[i]`` for list items; VALUE is read as
    YAML, so ``tags=[zorg, ict]`` gives a list) to ``text``, keeping its comments."""
    yaml = _round_trip()
    data = _load_round_trip(yaml, text, "<scaffold>")
    for assignment in assignments:
        key, sep, raw = assignment.partition("=")
        if not sep or not key:
            raise ScaffoldError(Said("set-not-key-value", assignment=assignment))
        steps: list[str | int] = [
            m.group(1) if m.group(1) is not None else int(m.group(2)) for m in _STEP.finditer(key)
        ]
        value = _load_round_trip(yaml, raw, f"--set {assignment!r}") if raw.strip() else ""
        target = data
        try:
            for step in steps[:-1]:
                target = target[step]
            last = steps[-1]
            if isinstance(last, int) and last >= len(target):
                raise IndexError(last)
            target[last] = value
        except (KeyError, IndexError, TypeError):
            raise ScaffoldError(Said("set-no-such-key", assignment=assignment, key=key)) from None
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write_new(
    path: Path, text: str, *, force: bool = False, within: Path | None = None
) -> Path | None:
    """Write ``text`` to ``path`` atomically (`iwp_cli.atomic`). Anything at ``path``, a dangling
    link included, raises FileExistsError unless ``force``; then the old file is kept as
    ``PATH.bak``, whose path is returned. With ``within``, a linked folder on the way raises
    `iwp_cli.atomic.LinkedFolder`."""
    from iwp_cli.atomic import write_file

    return write_file(path, text, mode="backup" if force else "new", within=within, durable=True)
