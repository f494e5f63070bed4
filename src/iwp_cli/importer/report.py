"""The import report: what went where, what was not placed (quoted, with its place), what was
left out and what else the document holds. One value (`sections`), two renderings: the
terminal's text and the Markdown of ``--report FILE``. Same input, same bytes."""

from __future__ import annotations

from typing import Any

from iwp_cli.data_files import load_data
from iwp_cli.framework import Framework
from iwp_cli.i18n import message
from iwp_cli.importer.blocks import PARAGRAPH, Place
from iwp_cli.importer.build import place_text
from iwp_cli.importer.result import ImportResult
from iwp_cli.mdform.sections import KEYS
from iwp_cli.notation import vocabulary

Section = tuple[str, list[str]]
_MAX_PLACES = 8


def sections(result: ImportResult, lang: str, framework: Framework) -> list[Section]:
    """The report's sections, each a title and its lines, in ``lang``."""
    out: list[Section] = []
    went = [
        _went(target, places, result.counts[target], lang, framework)
        for target, places in result.placed.items()
    ]
    went += [
        message(f"import-default-{key}", lang, value=value)
        for key, value in result.defaults.items()
    ]
    out.append((message("import-went-title", lang), went))
    unplaced = [
        message(
            "import-unplaced",
            lang,
            place=place_text(u.place, lang),
            text=_flat(u.text),
            target=_label(u.target, lang, framework),
        )
        for u in result.unplaced
    ]
    intro = message("import-unplaced-intro", lang) if unplaced else None
    out.append(
        (
            message("import-unplaced-title", lang),
            [intro, *unplaced] if intro else [message("import-nothing-unplaced", lang)],
        )
    )
    if result.skipped:
        out.append(
            (
                message("import-skipped-title", lang),
                [
                    message(
                        f"import-skipped-{s.reason}",
                        lang,
                        place=place_text(s.place, lang),
                        text=_flat(s.text),
                    )
                    for s in result.skipped
                ],
            )
        )
    if result.notices:
        out.append(
            (
                message("import-notices-title", lang),
                [
                    message(
                        f"import-notice-{n.kind}",
                        lang,
                        place=place_text(n.place, lang),
                        text=_flat(n.text),
                        by=message("import-by", lang, author=n.author) if n.author else "",
                    )
                    for n in result.notices
                ],
            )
        )
    if result.missing:
        headings = vocabulary()["sections"]
        out.append(
            (
                message("import-missing-title", lang),
                [
                    message(
                        "import-missing-part",
                        lang,
                        letter=letter,
                        heading=headings[letter]["write"][lang],
                    )
                    for letter in result.missing
                ],
            )
        )
    return out


def as_text(title: str, found: list[Section]) -> str:
    lines = [title]
    for heading, items in found:
        lines += ["", heading, *(f"  {item}" for item in items)]
    return "\n".join(lines) + "\n"


def as_markdown(title: str, found: list[Section]) -> str:
    lines = [f"# {title}"]
    for heading, items in found:
        lines += ["", f"## {heading}", "", *(f"- {item}" for item in items)]
    return "\n".join(lines) + "\n"


def _flat(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def _went(target: str, places: list[Place], count: int, lang: str, framework: Framework) -> str:
    if target in ("name", "date"):
        amount = message("import-count-field", lang)
    else:
        kind = (
            "features"
            if target.endswith(".features")
            else "items"
            if target.startswith(("outcomes", "processes"))
            else "paragraphs"
        )
        amount = message(f"import-count-{kind}-{'one' if count == 1 else 'many'}", lang, n=count)
    label = _label(target, lang, framework)
    return message("import-went", lang, target=label, count=amount, places=_places(places, lang))


def _label(target: str, lang: str, framework: Framework) -> str:
    """The form's own words for a target path."""
    labels: dict[str, Any] = load_data("labels.yaml")[lang]
    parts = target.split(".")
    if parts[0] in ("name", "date"):
        return str(labels[parts[0]])
    letter = next(letter for letter, key in KEYS.items() if key == parts[0])
    section = str(labels[f"section_{letter.lower()}"])
    if letter == "C":
        return section
    if letter == "A":
        return f"{section} › {labels[parts[1]]}"
    if letter == "B":
        return str(labels[parts[1]])
    principle = next(p for p in framework.principles if p.id == parts[1])
    lang_title = principle.title.get(lang, principle.id)
    tail = labels["notes"] if parts[-1] == "notes" else message("import-features", lang)
    return f"{labels['principle']} {principle.number}. {lang_title} › {tail}"


def _places(places: list[Place], lang: str) -> str:
    """Places, consecutive paragraphs as a range: "paragraph 5-7, table 2"."""
    runs: list[tuple[Place, Place]] = []
    for place in places:
        if runs and _next(runs[-1][1], place):
            runs[-1] = (runs[-1][0], place)
        elif not runs or runs[-1][1] != place:
            runs.append((place, place))
    shown = [place_text(a, lang) + (f"-{b[0][1]}" if a != b else "") for a, b in runs]
    if len(shown) > _MAX_PLACES:
        shown = [*shown[:_MAX_PLACES], "…"]
    return ", ".join(shown)


def _next(before: Place, place: Place) -> bool:
    return (
        len(before) == len(place) == 1
        and before[0][0] == place[0][0] == PARAGRAPH
        and place[0][1] == before[0][1] + 1
    )
