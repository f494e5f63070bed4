"""Start a new cycle of an IWP in its own file: one IWP, one file; a cycle is a commit.

The handbook evaluates an IWP every cycle (a semester) and adjusts its design. `start_cycle`
changes exactly two things in the description's text and leaves every other byte as it was
(comments, layout, key order, the Markdown body):

- ``date`` becomes the new cycle's date, which must come after the current one;
- ``x-cycle`` (an extension key, which the format leaves free and `iwp diff` ignores) holds the
  previous date and what to evaluate: the open points carried over (every ``to-improve`` and
  ``no-consensus`` stays where it is, as the agenda of this cycle) and the principles that
  have no features yet. A note of an earlier cycle is replaced.

In YAML the two top-level keys are edited in place; in Markdown, in the front matter. A top level
that is not in block style (``{iwp: 1, ...}``) is rewritten by ruamel.yaml's round trip, which
keeps comments. Either way the result is read back and must hold the same description but for
its date, or nothing is written (`CycleError`).
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from typing import Any

from iwp_cli.framework import Framework
from iwp_cli.loader import load_text
from iwp_cli.model import Description
from iwp_cli.render.labels import labels
from iwp_cli.yamlwriter import dump_yaml

#: The extension key of the cycle's note.
NOTE_KEY = "x-cycle"

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*|\"[^\"]*\"|'[^']*')\s*:(\s|$)")
_DATE_LINE = re.compile(r"^(date\s*:\s*)(\S+)(.*)$")


class CycleError(Exception):
    """The new cycle cannot be started: ``key`` names the message (``data/messages.yaml``),
    ``args`` fill it in."""

    def __init__(self, key: str, **args: str) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True, slots=True)
class NewCycle:
    """The description's text for the new cycle, and what changed."""

    text: str
    previous: datetime.date
    date: datetime.date
    evaluate: tuple[str, ...]
    open_points: int


def evaluate_list(description: Description, framework: Framework) -> tuple[list[str], int]:
    """What the new cycle evaluates, in the description's language; and how many open points
    it carries over."""
    lang = description.language.value
    t = labels(lang)
    items = [t["cycle_general"]]
    points = 0
    numbers = {pid: n for n, pid in enumerate(framework.ids, start=1)}
    for pid, entry in description.principles.items():
        number = numbers.get(pid, pid)
        for feature in entry.features:
            found = [("feature", feature.status, feature.name)]
            found += [("effect", e.status, e.text) for e in feature.effects]
            found += [("precondition", p.status, p.text) for p in feature.preconditions or ()]
            for on, status, text in found:
                if status is None:
                    continue
                points += 1
                mark = t["status"][status.value]
                key = "cycle_point_feature" if on == "feature" else "cycle_point"
                items.append(
                    t[key].format(
                        number=number, feature=feature.name, on=t["on"][on], text=text, mark=mark
                    )
                )
    for principle in framework.principles:
        given = description.principles.get(principle.id)
        if given is None or not given.features:
            title = principle.title.get(lang) or next(iter(principle.title.values()), principle.id)
            items.append(t["cycle_no_features"].format(number=numbers[principle.id], title=title))
    return items, points


def start_cycle(
    text: str, description: Description, framework: Framework, *, form: str, date: datetime.date
) -> NewCycle:
    """The text of ``description`` (read from ``text``, in ``form`` ``yaml`` or ``md``) for a
    new cycle dated ``date``. Raises CycleError."""
    if date <= description.date:
        key = "cycle-same-date" if date == description.date else "cycle-earlier-date"
        raise CycleError(key, date=date.isoformat(), current=description.date.isoformat())
    evaluate, points = evaluate_list(description, framework)
    note = {"previous": description.date, "evaluate": evaluate}
    new = _in_front_matter(text, date, note) if form == "md" else _edit_yaml(text, date, note)
    _same_but_date(new, description, form, date)
    return NewCycle(new, description.date, date, tuple(evaluate), points)


def _edit_yaml(text: str, date: datetime.date, note: dict[str, Any]) -> str:
    edited = _edit_block(text, date, note)
    return edited if edited is not None else _round_trip(text, date, note)


def _edit_block(text: str, date: datetime.date, note: dict[str, Any]) -> str | None:
    """``text`` with its top-level ``date`` line changed and the note after it; None when the
    top level is not a block mapping with a plain ``date:`` line."""
    lines = text.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if _DATE_LINE.match(line.rstrip("\r\n"))), None)
    if at is None:
        return None
    ending = lines[at][len(lines[at].rstrip("\r\n")) :] or "\n"
    match = _DATE_LINE.match(lines[at].rstrip("\r\n"))
    assert match is not None
    rest = match.group(3)
    if rest.strip() and not rest.lstrip().startswith("#"):
        return None
    lines[at] = f"{match.group(1)}{date.isoformat()}{rest}{ending}"
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{NOTE_KEY}:")), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and not _TOP_KEY.match(lines[end]) and lines[end][:3] != "---":
            end += 1
        while end > start + 1 and lines[end - 1].startswith("#"):  # comments of the next key
            end -= 1
        del lines[start:end]
        if start < at:
            at -= end - start
    block = dump_yaml({NOTE_KEY: note}).replace("\n", ending)
    lines.insert(at + 1, block)
    return "".join(lines)


def _round_trip(text: str, date: datetime.date, note: dict[str, Any]) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    try:
        data = yaml.load(text)
    except (YAMLError, ValueError, TypeError, OverflowError, RecursionError) as error:
        raise CycleError("cycle-cannot-edit", reason=" ".join(str(error).split())) from None
    data["date"] = date
    if NOTE_KEY in data:
        del data[NOTE_KEY]
    keys = list(data)
    data.insert(keys.index("date") + 1 if "date" in keys else len(keys), NOTE_KEY, note)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _in_front_matter(text: str, date: datetime.date, note: dict[str, Any]) -> str:
    from iwp_cli.mdform.reader import front_matter_end

    lines = text.splitlines(keepends=True)
    end = front_matter_end([line.rstrip("\r\n") for line in lines])
    if end is None:
        raise CycleError("cycle-cannot-edit", reason="no front matter")
    front = "".join(lines[1:end])
    edited = _edit_block(front, date, note)
    if edited is None:
        raise CycleError("cycle-cannot-edit", reason="no `date:` line in the front matter")
    return lines[0] + edited + "".join(lines[end:])


def _same_but_date(text: str, old: Description, form: str, date: datetime.date) -> None:
    back = load_text(text, shown=f"new-cycle.{form}", form=form).description
    if back is None or back.model_copy(update={"date": old.date}) != old:
        raise CycleError("cycle-cannot-edit", reason="the result would not read back the same")
