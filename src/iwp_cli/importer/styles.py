"""What a .docx paragraph's style says: a heading (and its level), a list, bold, a date.

Word names its built-in styles in English whatever the language of the user (a Dutch "Kop 1"
is ``heading 1``), so headings are found by name; a style based on a heading is one too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

Element = Any
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = ("0", "false", "off", "none")
_HEADING = re.compile(r"(?:heading|kop)\s*([1-9])\Z")


@dataclass(frozen=True, slots=True)
class StyleInfo:
    heading: int = 0
    listed: bool = False
    bold: bool = False
    date: bool = False


@dataclass(slots=True)
class _Raw:
    name: str
    based_on: str | None
    outline: int | None
    listed: bool
    bold: bool | None


class Styles:
    """The paragraph and character styles of one document."""

    def __init__(self, raw: dict[str, _Raw]) -> None:
        self.raw = raw
        self.cache: dict[str, StyleInfo] = {}

    def info(self, style_id: str | None) -> StyleInfo:
        if not style_id:
            style_id = next((k for k, v in self.raw.items() if v.name == "normal"), "")
        if style_id not in self.cache:
            self.cache[style_id] = self._resolve(style_id)
        return self.cache[style_id]

    def _resolve(self, style_id: str) -> StyleInfo:
        heading, listed, bold, date = 0, False, None, False
        seen: set[str] = set()
        current: str | None = style_id
        while current and current in self.raw and current not in seen:
            seen.add(current)
            raw = self.raw[current]
            match = _HEADING.match(raw.name)
            if not heading and (match or raw.name == "title" or raw.outline is not None):
                heading = int(match.group(1)) if match else (raw.outline or 0) + 1
            listed = listed or raw.listed or raw.name.startswith("list bullet")
            date = date or raw.name == "date"
            bold = raw.bold if bold is None else bold
            current = raw.based_on
        return StyleInfo(min(heading, 9), listed, bool(bold), date)

    def of_paragraph(self, p: Element) -> StyleInfo:
        properties = p.find(f"{_W}pPr")
        if properties is None:
            return self.info(None)
        style = properties.find(f"{_W}pStyle")
        info = self.info(style.get(f"{_W}val") if style is not None else None)
        outline = properties.find(f"{_W}outlineLvl")
        heading = info.heading
        if outline is not None and (level := _int(outline.get(f"{_W}val"))) is not None:
            heading = level + 1 if level < 9 else 0
        listed = info.listed or _numbered(properties.find(f"{_W}numPr"))
        return StyleInfo(heading, listed, info.bold, info.date)

    def run_bold(self, run: Element, inherited: bool) -> bool:
        properties = run.find(f"{_W}rPr")
        if properties is None:
            return inherited
        bold = inherited
        style = properties.find(f"{_W}rStyle")
        if style is not None and (raw := self.raw.get(style.get(f"{_W}val", ""))) is not None:
            bold = raw.bold if raw.bold is not None else bold
        direct = properties.find(f"{_W}b")
        if direct is not None:
            bold = direct.get(f"{_W}val", "true").lower() not in _OFF
        return bold


def read_styles(root: Element | None) -> Styles:
    raw: dict[str, _Raw] = {}
    for style in root.iter(f"{_W}style") if root is not None else ():
        name = style.find(f"{_W}name")
        based = style.find(f"{_W}basedOn")
        ppr = style.find(f"{_W}pPr")
        rpr = style.find(f"{_W}rPr")
        outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
        level = _int(outline.get(f"{_W}val")) if outline is not None else None
        b = rpr.find(f"{_W}b") if rpr is not None else None
        raw[style.get(f"{_W}styleId", "")] = _Raw(
            (name.get(f"{_W}val", "") if name is not None else "").lower(),
            based.get(f"{_W}val") if based is not None else None,
            level if level is not None and level < 9 else None,
            _numbered(ppr.find(f"{_W}numPr") if ppr is not None else None),
            None if b is None else b.get(f"{_W}val", "true").lower() not in _OFF,
        )
    return Styles(raw)


def _numbered(num: Element | None) -> bool:
    if num is None:
        return False
    ident = num.find(f"{_W}numId")
    return ident is None or ident.get(f"{_W}val", "1") != "0"


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
