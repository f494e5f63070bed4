"""Write a description in the Markdown form, in the handbook's notation, losing nothing.

Every part that the body can hold is written there: the name as ``#``, A–D as ``##``, the
principles' tables with ``(J)``, ``(nog verbeteren)``, ``-`` and the keyword marks. The writer
reads its own output back; a part that would not read back the same (a text whose lines would
turn into headings, ``x-`` keys inside a part) goes into the front matter as YAML instead, which
the format allows. Guidance (`iwp new`) is written as comments, which the reader leaves out:
HTML comments under the headings, YAML comments in the front matter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iwp_cli.framework import Framework
from iwp_cli.mdform.comments import front_matter, html_comment
from iwp_cli.model import Description
from iwp_cli.notation import (
    EFFECT,
    FEATURE,
    ITEM,
    PRECONDITION,
    Context,
    breaks,
    parse_effects,
    parse_part,
    split_parts,
    vocabulary,
)

BODY_KEYS = ("name", "starting_points", "outcomes", "processes", "principles")
_SPLIT_KINDS = (EFFECT, PRECONDITION)


def to_markdown(
    description: Description,
    raw: dict[str, Any],
    framework: Framework,
    comments: Mapping[str, str] | None = None,
) -> str:
    """The Markdown form of ``description``; ``raw`` holds the values as read (for the front
    matter, which keeps extension keys). ``comments`` are texts to write as comments: by a
    top-level key (above it in the front matter, under its heading in the body), by
    ``header`` (above the name), by a subsection's key (``occasion``, ``products`` …) or by
    ``principles.ID`` (under a principle's heading); a blank line in one starts a paragraph."""
    from iwp_cli.loader import load_text

    dumped = description.model_dump(mode="json", exclude_unset=True)
    in_front = {key for key in BODY_KEYS if key in raw and has_extensions(raw[key])}
    for _ in range(len(BODY_KEYS) + 1):
        text = _write(description, dumped, raw, framework, in_front, comments=comments or {})
        back = load_text(text, shown="converted.md", form="md")
        if back.description is None:
            wrong = set(BODY_KEYS) - in_front
        else:
            wrong = {key for key in BODY_KEYS if key not in in_front
                     and getattr(back.description, key) != getattr(description, key)}  # fmt: skip
        if not wrong:
            return text
        in_front |= wrong
    return text


def has_extensions(value: Any) -> bool:
    """Whether ``value`` holds an ``x-`` key at any depth."""
    if isinstance(value, dict):
        return any(str(k).startswith("x-") or has_extensions(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_extensions(item) for item in value)
    return False


def _write(
    description: Description,
    dumped: dict[str, Any],
    raw: dict[str, Any],
    framework: Framework,
    in_front: set[str],
    *,
    comments: Mapping[str, str],
) -> str:
    lang = description.language.value
    words = _Words(lang, Context(frozenset(g.code for g in description.groups)), framework)
    front = {key: value for key, value in raw.items() if key not in BODY_KEYS or key in in_front}
    out = ["---", *front_matter(front, comments), "---", ""]

    def heading(line: str, key: str) -> None:
        out.extend([line, "", *html_comment(comments.get(key))])

    out += html_comment(comments.get("header"))
    if "name" not in in_front:
        heading(f"# {description.name}", "name")
    sections = vocabulary()["sections"]
    if "starting_points" not in in_front:
        heading(f"## A. {sections['A']['write'][lang]}", "starting_points")
        for key in ("occasion", "context"):
            heading(f"### {words.subsection(key)}", key)
            text = dumped["starting_points"].get(key, "")
            out += [text, ""] if text else []
    if "outcomes" not in in_front:
        heading(f"## B. {sections['B']['write'][lang]}", "outcomes")
        for key in ("products", "development", "sustainability"):
            heading(f"### {words.subsection(key)}", key)
            out += words.items(dumped["outcomes"][key])
    if "processes" not in in_front:
        heading(f"## C. {sections['C']['write'][lang]}", "processes")
        out += words.items(dumped["processes"])
    if "principles" not in in_front:
        heading(f"## D. {sections['D']['write'][lang]}", "principles")
        for principle_id, entry in dumped["principles"].items():
            written = words.principle(principle_id, entry, framework)
            guidance = html_comment(comments.get(f"principles.{principle_id}"))
            out += [*written[:2], *guidance, *written[2:]]
    return "\n".join(out).rstrip("\n") + "\n"


class _Words:
    """The notation's words in one language, and the writing of each part."""

    def __init__(self, lang: str, context: Context, framework: Framework) -> None:
        self.lang, self.context, self.framework = lang, context, framework
        self.data = vocabulary()
        self.level = 0

    def subsection(self, key: str) -> str:
        return str(self.data["subsections"][key]["write"][self.lang])

    def keyword(self, key: str) -> str:
        return str(self.data["keywords"][key]["write"][self.lang])

    def status(self, status: str) -> str:
        return str(self.data["status"][status]["write"][self.lang])

    def value(self, key: str, value: str) -> str:
        spec = self.data["values"][key].get(value)
        return str(spec["write"][self.lang]) if spec else value

    def items(self, items: list[Any]) -> list[str]:
        lines = []
        for item in items:
            entry = item if isinstance(item, dict) else {"text": item}
            marks = []
            for key in ("kind", "id", "yields"):
                if key in entry and entry[key] not in (None, []):
                    value = entry[key]
                    shown = ", ".join(value) if isinstance(value, list) else str(value)
                    if key == "kind":
                        shown = self.value("kind", shown)
                    marks.append(f"{self.keyword(key)}: {shown}")
            suffix = f" ({'; '.join(marks)})" if marks else ""
            text = self.fit(entry["text"], ITEM, suffix, entry)
            lines.append("- " + text.replace("\n", "\n  "))
        return [*lines, ""] if lines else []

    def fit(
        self, text: str, kind: str, suffix: str, target: dict[str, Any], *, first: str | None = None
    ) -> str:
        """``text`` escaped as little as it needs, so that it reads back as ``target``;
        ``first`` is a suffix to try before ``suffix`` with the text as it is."""
        spellings = _escapes(text, kind)
        tries = [(spellings[self.level], first)] if first is not None else []
        tries += [(candidate, suffix) for candidate in spellings[self.level :]]
        for candidate, end in tries:
            written = candidate + end
            parsed = parse_part(written, kind, self.context)
            read = parsed.text if kind == ITEM else breaks(parsed.text)
            if _same(read, parsed.values, target, kind):
                return written
        return spellings[-1] + suffix

    def principle(
        self, principle_id: str, entry: dict[str, Any], framework: Framework
    ) -> list[str]:
        info = next((p for p in framework.principles if p.id == principle_id), None)
        heading = (
            f"{info.number}. {info.title.get(self.lang, info.id)}" if info else f"`{principle_id}`"
        )
        out = [f"### {heading}", ""]
        if entry.get("notes"):
            out += [entry["notes"], ""]
        if "features" in entry:
            titles = self.data["column_titles"][self.lang]
            out += [f"| {' | '.join(titles)} |", "| --- | --- | --- |"]
            out += [self.row(feature) for feature in entry["features"]]
            out.append("")
        return out

    def row(self, feature: dict[str, Any]) -> str:
        effects, dash = self.effects(feature)
        marks = []
        if feature.get("also"):
            numbers = {p.id: str(p.number) for p in self.framework.principles}
            also = [numbers.get(ref, ref) for ref in feature["also"]]
            word = self.data["principle_words"][1 if len(also) > 1 else 0]
            if self.lang == "en":
                word = self.data["principle_words"][3 if len(also) > 1 else 2]
            marks.append(f"({self.keyword('also')} {word} {', '.join(also)})")
        if feature.get("aspect"):
            marks.append(f"({self.keyword('aspect')}: {self.value('aspect', feature['aspect'])})")
        if feature.get("supports"):
            marks.append(f"({self.keyword('supports')}: {', '.join(feature['supports'])})")
        target = {k: feature.get(k) for k in ("also", "aspect", "supports", "note")}
        target["status"] = None if dash else feature.get("status")
        suffix = "".join(f" {m}" for m in marks) + self.open_point(target["status"], target["note"])
        name = self.fit(feature["name"], FEATURE, suffix, {"text": feature["name"], **target})
        pre = feature.get("preconditions")
        cell = "" if pre is None else "-" if not pre else self.cell(pre, PRECONDITION)
        return f"| {name} | {effects} | {cell} |"

    def cell(self, entries: list[Any], kind: str) -> str:
        """The entries of one cell, joined by ``;``; escaped further when the cell would not
        split back into the same parts (an unbalanced parenthesis, say)."""
        for level in range(3):
            self.level = level
            parts = []
            for index, entry in enumerate(entries):
                later = any(isinstance(e, dict) and e.get("who") is not None
                            for e in entries[index + 1 :])  # fmt: skip
                parts.append(self.entry(entry, kind, unattributed=later))
            cell = "; ".join(parts)
            if len(split_parts(cell)) == len(entries):
                break
        self.level = 0
        return cell

    def open_point(self, status: str | None, note: str | None) -> str:
        if status:
            return f" ({self.status(status)})" + (f" {note}" if note else "")
        return f" ({self.keyword('note')}: {note})" if note else ""

    def effects(self, feature: dict[str, Any]) -> tuple[str, bool]:
        effects = [e if isinstance(e, dict) else {"text": e} for e in feature.get("effects", [])]
        if "effects" in feature and not effects:
            return "-", False
        cell = self.cell(effects, EFFECT)
        status = feature.get("status")
        last = effects[-1] if effects else {}
        if status and len(effects) > 1 and not feature.get("note") and not last.get("status"):
            dashed = f"{cell} – {self.status(status)}"
            parsed, found = parse_effects(dashed, self.context)
            if found == status and len(parsed) == len(effects):
                return dashed, True
        return cell, False

    def entry(self, entry: Any, kind: str, *, unattributed: bool = False) -> str:
        target = entry if isinstance(entry, dict) else {"text": entry}
        suffix = ""
        point = self.open_point(target.get("status"), target.get("note"))
        if kind == EFFECT:
            who = target.get("who")
            if who is None and unattributed:
                suffix = " (?)"
            elif who is not None:
                suffix = f" ({', '.join(who)})" if who else " (-)"
        # An effect whose text carries its own marks (the handbook's "experts (J) en … (S)")
        # is written as it is when that reads back right.
        first = point if kind == EFFECT and target.get("who") else None
        return self.fit(target["text"], kind, suffix + point, target, first=first)


def _same(text: str, values: dict[str, Any], target: dict[str, Any], kind: str) -> bool:
    if text != target["text"]:
        return False
    keys = {
        EFFECT: ("who", "status", "note"),
        PRECONDITION: ("status", "note"),
        FEATURE: ("also", "aspect", "supports", "status", "note"),
        ITEM: ("kind", "id", "yields"),
    }[kind]
    empty: tuple[Any, ...] = (None, [])
    return all(values.get(k) == target.get(k) or (values.get(k) in empty and target.get(k) in empty
               and k not in ("who",)) for k in keys)  # fmt: skip


def _escapes(text: str, kind: str) -> list[str]:
    """Ever more escaped spellings of ``text``."""
    base = text.replace("\\", "\\\\").replace("|", "\\|")
    if kind != ITEM:
        base = base.replace("<br", "\\<br").replace("\n", "<br>")
    if kind in _SPLIT_KINDS:
        base = base.replace(";", "\\;")
    if base in ("-", "–", "—"):
        base = "\\" + base
    parens = base.replace("(", "\\(").replace(")", "\\)")
    dashes = parens
    for dash in "-–—":
        dashes = dashes.replace(f" {dash}", f" \\{dash}")
    return [base, parens, dashes]
