"""The body's sections: the name, A–D, their subsections and the principles under D."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from iwp_cli.framework import Framework
from iwp_cli.mdform.blocks import COMMENT, HEADING, LIST, TABLE, Block, item_lines
from iwp_cli.mdform.table import Placed, read_table
from iwp_cli.notation import ITEM, Context, fold, parse_part, unescape, vocabulary
from iwp_cli.suggest import closest
from iwp_cli.yamlreader import Path, Position, Problem

KEYS = {"A": "starting_points", "B": "outcomes", "C": "processes", "D": "principles"}
SUBSECTIONS = {"A": ("occasion", "context"), "B": ("products", "development", "sustainability")}
_LETTER = re.compile(r"\s*([A-Da-d])\s*(?:[.):]\s*|\s+|\Z)")
_NUMBER = re.compile(r"\s*(?:(?:principe|principle)\s+)?(\d+)\s*[.):]?\s*(.*)\Z", re.IGNORECASE)
_UNKNOWN = "?"


def principle_by_heading(title: str, framework: Framework) -> str | None:
    """The id of the principle a heading names: by number (``1. …``), by its title in Dutch or
    English, or by its id (in backticks or not); None when it names none."""
    text = title.strip()
    if len(text) > 2 and text.startswith("`") and text.endswith("`"):
        return text.strip("`").strip()
    number = _NUMBER.match(text)
    if number is not None:
        index = int(number.group(1)) - 1
        return framework.principles[index].id if 0 <= index < len(framework.principles) else None
    folded = fold(text)
    for principle in framework.principles:
        if folded == principle.id or folded in (fold(t) for t in principle.title.values()):
            return principle.id
    return None


class Sections:
    """Walks the blocks of the body once and collects each part of the description."""

    def __init__(
        self,
        lines: list[str],
        where: Callable[[int, int], Position],
        framework: Framework,
        context: Context,
        placed: Placed,
    ) -> None:
        self.lines, self.where, self.framework = lines, where, framework
        self.context, self.placed = context, placed
        self.section: str | None = None
        self.sub: str | None = None
        self.name: tuple[str, Position] | None = None
        self.heads: dict[str, Position] = {}
        self.subs: dict[tuple[str, str], Position] = {}
        self.content: dict[tuple[str, str], list[Block]] = {}
        self.explained: set[Path] = set()

    def _problem(self, kind: str, at: Position, path: Path = (), **detail: str) -> None:
        self.placed.problems.append(Problem(kind, *at, path, dict(detail)))

    def _heading_at(self, block: Block) -> Position:
        line = self.lines[block.start]
        column = line.find(block.title) if block.title else -1
        if column < 0:
            column = len(line) - len(line.lstrip(" #"))
        return self.where(block.start, column)

    def read(self, found: list[Block]) -> dict[str, tuple[Any, Position]]:
        """Every top-level key the body gives, with its value and the heading's position."""
        for block in found:
            if block.kind == HEADING and block.level <= 3:
                self._heading(block)
            elif block.kind != COMMENT:
                self._content(block)
        return self._values()

    def _heading(self, block: Block) -> None:
        at = self._heading_at(block)
        if block.level == 1:
            if self.name is None:
                self.name = (unescape(block.title).strip(), at)
            else:
                self._problem("md-second-name", at, ("name",), first=str(self.name[1][0]))
            return
        if block.level == 2:
            self.sub = None
            letter_match = _LETTER.match(block.title)
            letter = letter_match.group(1).upper() if letter_match else None
            if letter is None:
                self.section = _UNKNOWN
                self._problem("md-section-unknown", at, (), heading=block.title)
            elif letter in self.heads:
                self.section = _UNKNOWN
                self._problem("md-section-repeated", at, (KEYS[letter],), letter=letter,
                              first=str(self.heads[letter][0]))  # fmt: skip
            else:
                self.section = letter
                self.heads[letter] = at
            return
        self._subheading(block, at)

    def _subheading(self, block: Block, at: Position) -> None:
        section = self.section
        if section is None or section == _UNKNOWN:
            if section is None:
                self._problem("md-outside", at, ())
            self.sub = _UNKNOWN
            return
        if section == "C":
            self._problem("md-subsection-in-c", at, ("processes",), heading=block.title)
            self.sub = _UNKNOWN
            return
        key = self._subsection_key(section, block.title, at)
        if key is None:
            self.sub = _UNKNOWN
            return
        if (section, key) in self.subs:
            path: Path = (KEYS[section], key)
            self._problem("md-subsection-repeated", at, path, heading=block.title,
                          first=str(self.subs[(section, key)][0]))  # fmt: skip
            self.sub = _UNKNOWN
            return
        self.subs[(section, key)] = at
        self.sub = key

    def _subsection_key(self, section: str, title: str, at: Position) -> str | None:
        if section == "D":
            found = principle_by_heading(title, self.framework)
            if found is None:
                titles = [f"{p.number}. {p.title.get('nl', p.id)}" for p in
                          self.framework.principles]  # fmt: skip
                match = closest(title.strip(), titles)
                self._problem("md-unknown-principle", at, ("principles",),
                              heading=title, suggestion=match or "")  # fmt: skip
            return found
        words = [w.strip(",&:") for w in fold(unescape(title)).replace("–", " ").split()]
        names = vocabulary()["subsections"]
        for key in SUBSECTIONS[section]:
            spelled = {fold(word) for word in names[key]["read"]}
            if section == "A" and words[:1] and words[0] in spelled:
                return key
            if section == "B" and spelled & {*words, *(w.strip("()") for w in words)}:
                return key
        expected = ", ".join(names[key]["write"]["nl"] for key in SUBSECTIONS[section])
        self._problem("md-subsection-unknown", at, (KEYS[section],), heading=title,
                      section=section, expected=expected)  # fmt: skip
        return None

    def _content(self, block: Block) -> None:
        section, sub = self.section, self.sub
        at = self.where(block.start, 0)
        if _UNKNOWN in (section, sub):
            return
        if section is None or (section in ("A", "B", "D") and sub is None):
            self._problem("md-outside", at, (KEYS[section],) if section else ())
            return
        if section in ("B", "C") and block.kind != LIST:
            self._problem("md-not-a-bullet", at, (KEYS[section],))
            return
        self.content.setdefault((section, sub or ""), []).append(block)

    def missing(self) -> list[tuple[str, Position]]:
        """The sections A–D the body lacks, with where to say so."""
        at = self.name[1] if self.name else self.where(0, 0)
        return [(KEYS[letter], at) for letter in KEYS if letter not in self.heads]

    def missing_detail(self, key: str) -> dict[str, str]:
        letter = next(letter for letter, name in KEYS.items() if name == key)
        heading = vocabulary()["sections"][letter]["write"]
        return {"letter": letter, "heading": heading["nl"], "heading_en": heading["en"]}

    # Building the values -------------------------------------------------------------------

    def _values(self) -> dict[str, tuple[Any, Position]]:
        out: dict[str, tuple[Any, Position]] = {}
        if self.name is not None:
            out["name"] = self.name
            self.placed.put(("name",), self.name[1])
        for letter, at in self.heads.items():
            key = KEYS[letter]
            self.placed.put((key,), at)
            out[key] = (getattr(self, f"_section_{letter.lower()}")(key, at), at)
        return out

    def _sub_missing(self, letter: str, key: str, at: Position) -> None:
        for sub in SUBSECTIONS[letter]:
            if (letter, sub) not in self.subs:
                self.explained.add((key, sub))
                name = vocabulary()["subsections"][sub]["write"]
                self._problem("md-subsection-missing", at, (key, sub), section=letter,
                              heading=name["nl"], heading_en=name["en"])  # fmt: skip

    def _section_a(self, key: str, at: Position) -> dict[str, Any]:
        self._sub_missing("A", key, at)
        value: dict[str, Any] = {}
        for sub in SUBSECTIONS["A"]:
            if ("A", sub) in self.subs:
                heading = self.subs[("A", sub)]
                value[sub], first = self._text(self.content.get(("A", sub), []), heading)
                self.placed.put((key, sub), first, key=heading)
        return value

    def _section_b(self, key: str, at: Position) -> dict[str, Any]:
        self._sub_missing("B", key, at)
        value: dict[str, Any] = {}
        for sub in SUBSECTIONS["B"]:
            if ("B", sub) in self.subs:
                self.placed.put((key, sub), self.subs[("B", sub)])
                value[sub] = self._items(self.content.get(("B", sub), []), (key, sub))
        return value

    def _section_c(self, key: str, at: Position) -> list[Any]:
        return self._items(self.content.get(("C", ""), []), (key,))

    def _section_d(self, key: str, at: Position) -> dict[str, Any]:
        value: dict[str, Any] = {}
        for (letter, principle), heading in self.subs.items():
            if letter != "D":
                continue
            path: Path = (key, principle)
            self.placed.put(path, heading)
            entry: dict[str, Any] = {}
            notes: list[Block] = []
            for block in self.content.get(("D", principle), []):
                if block.kind == TABLE and "features" not in entry:
                    rows = range(block.start, block.end)
                    features = read_table(
                        self.lines, rows, (*path, "features"), where=self.where,
                        context=self.context, placed=self.placed,
                    )  # fmt: skip
                    self.placed.put((*path, "features"), self.where(block.start, 0))
                    entry["features"] = features or []
                elif "features" in entry and self.lines[block.start].lstrip().startswith("|"):
                    self._problem("md-table-broken", self.where(block.start, 0),
                                  (*path, "features"))  # fmt: skip
                else:
                    notes.append(block)
            if notes:
                entry["notes"], first = self._text(notes, heading)
                self.placed.put((*path, "notes"), first)
            value[principle] = entry
        return value

    def _text(self, found: list[Block], heading: Position) -> tuple[str, Position]:
        """The Markdown text of ``found`` as written, comments left out."""
        kept = [block for block in found if block.kind != COMMENT]
        if not kept:
            return "", heading
        skip = {
            n for block in found if block.kind == COMMENT for n in range(block.start, block.end)
        }
        lines = [self.lines[n] for n in range(kept[0].start, kept[-1].end) if n not in skip]
        first = self.where(kept[0].start, len(lines[0]) - len(lines[0].lstrip()))
        return "\n".join(lines).strip(), first

    def _items(self, found: list[Block], base: Path) -> list[Any]:
        items: list[Any] = []
        for block in found:
            for start, end in block.items:
                kept = item_lines(self.lines, start, end)
                source = "\n".join(text for _, _, text in kept)
                parsed = parse_part(source, ITEM, self.context)
                path = (*base, len(items))

                def at(offset: int, kept: list[tuple[int, int, str]] = kept) -> Position:
                    for number, column, text in kept:
                        if offset <= len(text):
                            return self.where(number, column + offset)
                        offset -= len(text) + 1
                    return self.where(kept[-1][0], kept[-1][1])

                self.placed.put(path, at(parsed.offset))
                self.placed.put((*path, "text"), at(parsed.offset))
                item: dict[str, Any] = {"text": parsed.text}
                for mark, value in parsed.values.items():
                    item[mark] = value
                    self.placed.put((*path, mark), at(parsed.offsets[mark]))
                    if isinstance(value, list):
                        for index in range(len(value)):
                            self.placed.put((*path, mark, index), at(parsed.offsets[mark]))
                items.append(item if len(item) > 1 else item["text"])
        return items
