"""Turn what the recogniser found into the values of a description (the loader's shape), with
text that fits nowhere written in as notes marked for the team (`NOTE_KEY`, found by IWP407)."""

from __future__ import annotations

import datetime
from typing import Any

from iwp_cli.i18n import message
from iwp_cli.importer.blocks import Place
from iwp_cli.importer.recognise import END, Recogniser
from iwp_cli.importer.repair import take_out_refused_marks
from iwp_cli.importer.result import ImportResult, Unplaced
from iwp_cli.rules.iwp407_unplaced_import import NOTE_KEY


def place_text(place: Place, lang: str) -> str:
    """ "table 3, row 2, column 1" in ``lang``."""
    if not place:
        return message("import-place-start", lang)
    return ", ".join(message(f"import-place-{kind}", lang, n=n) for kind, n in place)


def build(found: Recogniser, *, stem: str, today: datetime.date) -> ImportResult:
    """The description's values; ``stem`` names it and ``today`` dates it when the document
    does not (the report says so)."""
    report = found.report
    lang = "en" if found.langs["en"] > found.langs["nl"] else "nl"
    data: dict[str, Any] = {"iwp": 1, "name": found.name, "date": found.date}
    if found.name is None:
        data["name"] = report.defaults["name"] = stem
    if found.date is None:
        data["date"] = today
        report.defaults["date"] = today.isoformat()
    data["date"] = data["date"].isoformat()
    if lang == "en":
        data["language"] = "en"
    _assemble(found, data)
    for path, text in take_out_refused_marks(data):
        target = f"principles.{path[1]}.notes" if path[0] == "principles" else END
        report.unplaced.append(Unplaced((), text, target))
    for unplaced in report.unplaced:
        note = message(NOTE_KEY, lang, place=place_text(unplaced.place, lang), text=unplaced.text)
        target = unplaced.target
        if target == END:
            target = f"principles.{found.framework.principles[-1].id}.notes"
        if target.startswith("outcomes."):
            found.items.setdefault(target, []).append(note)
        else:
            found.texts.setdefault(target, []).append((note, False))
        unplaced.target = target
    _assemble(found, data)
    report.data = data
    return report


def _assemble(found: Recogniser, data: dict[str, Any]) -> None:
    """The parts A-D of ``data`` from what ``found`` collected."""
    data["starting_points"] = {
        key: _text(found.texts.get(f"starting_points.{key}", [])) for key in ("occasion", "context")
    }
    data["outcomes"] = {
        key: found.items.get(f"outcomes.{key}", [])
        for key in ("products", "development", "sustainability")
    }
    data["processes"] = found.items.get("processes", [])
    principles: dict[str, Any] = {}
    for principle in found.framework.principles:
        entry: dict[str, Any] = {"features": found.features.get(principle.id, [])}
        notes = found.texts.get(f"principles.{principle.id}.notes")
        if notes:
            entry["notes"] = _text(notes)
        if entry["features"] or notes:
            principles[principle.id] = entry
    data["principles"] = principles


def _text(paragraphs: list[tuple[str, bool]]) -> str:
    """Paragraphs as Markdown text: a blank line between paragraphs, bullets as a list."""
    out: list[str] = []
    previous = False
    for text, listed in paragraphs:
        if out:
            out.append("\n" if listed and previous else "\n\n")
        out.append(f"- {text}" if listed else text)
        previous = listed
    return "".join(out)
