"""What a paragraph of a form is: a part's heading (A-D), a subsection of A or B, a principle, a
field (NAAM IWP, DATUM), the form's own text, or content. The words are data
(``data/import_form.yaml``, and the Markdown form's in ``data/notation.yaml``)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from iwp_cli.data_files import load_data
from iwp_cli.framework import Framework
from iwp_cli.importer.blocks import Para
from iwp_cli.mdform.sections import SUBSECTIONS
from iwp_cli.notation import fold, vocabulary

_LETTER = re.compile(r"\s*([A-Da-d])\s*[.):]\s*(.*)\Z", re.DOTALL)
_PRINCIPLE = re.compile(
    r"\s*(?:(?:ontwerp)?(?:principe|principle)\s*)?(\d+)\s*[.):]?\s*(.*)\Z",
    re.IGNORECASE | re.DOTALL,
)
_FIELD = re.compile(r"\s*([^:：]{2,24}?)\s*[:：]\s*(.*)\Z", re.DOTALL)
_HEADING_LENGTH = 150


@cache
def form_words() -> dict[str, Any]:
    data: dict[str, Any] = load_data("import_form.yaml")
    return data


@dataclass(frozen=True, slots=True)
class Kind:
    """What a paragraph is: ``what`` is section, sub, principle, field, form or None (content)."""

    what: str | None
    key: str = ""
    rest: str = ""
    lang: str = ""


CONTENT = Kind(None)


def heading_like(para: Para) -> bool:
    return (para.heading > 0 or para.bold) and len(para.text) <= _HEADING_LENGTH


def short_line(para: Para) -> bool:
    """A plain paragraph that could be a form's label: a few words, not a sentence."""
    text = para.text.strip()
    return len(text.split()) <= 10 and not text.endswith((".", "!", "?", ";", ","))


def section_of(para: Para) -> Kind:
    """A part's heading: "A. Uitgangspunten", "C. PROCESSEN", "Design principles"."""
    match = _LETTER.match(para.text)
    if not (heading_like(para) or short_line(para)):
        return CONTENT
    text = match.group(2) if match else para.text
    folded = fold(text)
    for letter, spellings in form_words()["sections"].items():
        for lang, words in spellings.items():
            for word in words:
                if not folded.startswith(word):
                    continue
                rest = text[len(word) :].strip(" :–-")
                if match is None and (rest or not heading_like(para)):
                    continue  # "Opbrengsten – ontwikkeling" is B's subsection, not B
                if match is None or match.group(1).upper() == letter:
                    return Kind("section", letter, rest, lang)
    if match and para.heading > 0 and len(para.text) <= _HEADING_LENGTH:
        return Kind("section", match.group(1).upper(), "", "")
    return CONTENT


def sub_of(para: Para, section: str) -> Kind:
    """A subsection of A (by its first word) or B (by any word), in a heading-like or short
    paragraph."""
    if section not in SUBSECTIONS or para.listed:
        return CONTENT
    if not (heading_like(para) or short_line(para)):
        return CONTENT
    words = [w.strip(",&:") for w in re.split(r"[\s–—-]+", fold(para.text)) if w]
    names = vocabulary()["subsections"]
    for key in SUBSECTIONS[section]:
        spelled = {fold(word) for word in names[key]["read"]}
        if section == "A" and words[:1] and words[0] in spelled:
            return Kind("sub", key)
        if section == "B" and spelled & {*words, *(w.strip("()") for w in words)}:
            return Kind("sub", key)
    return CONTENT


def principle_of(para: Para, framework: Framework, *, in_d: bool = False) -> Kind:
    """A principle's heading: "1. Creëer een authentieke werkomgeving", "PRINCIPE 1: …", or its
    title alone; by its number alone (the title worded otherwise) only in a heading-like
    paragraph under D, or when nothing follows the number."""
    if para.listed and not heading_like(para):
        return CONTENT
    text = para.text.strip()
    number = _PRINCIPLE.match(text)
    title = number.group(2) if number else text
    folded = fold(title).rstrip(" .:")
    for principle in framework.principles:
        titles = {lang: fold(t) for lang, t in principle.title.items()}
        for lang, spelled in titles.items():
            if folded == spelled or (heading_like(para) and folded.startswith(spelled)):
                return Kind("principle", principle.id, "", lang)
    if number is not None and heading_like(para) and len(text) <= _HEADING_LENGTH:
        index = int(number.group(1)) - 1
        if 0 <= index < len(framework.principles) and (in_d or not folded):
            return Kind("principle", framework.principles[index].id)
    return CONTENT


def field_of(para: Para) -> Kind:
    """A field of the form: "NAAM IWP: Zorglab Noord", "DATUM:" (the value in what follows)."""
    match = _FIELD.match(para.text)
    if match is None:
        return CONTENT
    label = fold(match.group(1))
    for key, labels in form_words()["fields"].items():
        if label in labels:
            return Kind("field", key, match.group(2).strip())
    return CONTENT


def is_form_text(text: str, framework: Framework) -> bool:
    """The form's own words (its title, instructions, labels, a principle's definition)."""
    folded = fold(text).strip(" :")
    if not folded:
        return False
    words = form_words()
    if folded in words["form_text"] or folded.startswith(tuple(words["form_instructions"])):
        return True
    definitions = {fold(d) for p in framework.principles for d in p.definition.values()}
    return folded in definitions


def is_label(text: str) -> bool:
    """A label of the form's Vormgeving ("Kenmerken van de deelnemers", "Inrichting"): kept in
    the principle's notes above the team's text under it."""
    return fold(text).strip(" :") in form_words()["labels"]


def is_placeholder(value: str) -> bool:
    """A field left as the form has it: "[NAAM IWP]", "…", "___"."""
    stripped = value.strip()
    return not stripped.strip("._…-– ") or (stripped.startswith("[") and stripped.endswith("]"))


_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\Z")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_WORDS = re.compile(r"(\d{1,2})\s+([^\W\d]+)\.?\s+(\d{4})\Z")


def parse_date(text: str) -> datetime.date | None:
    """A date as Dutch teams write it: ``2016-01-01``, ``1-1-2016``, ``1/1/2016``,
    ``1 januari 2016``; None when it is none of these or no calendar date."""
    value = fold(text).strip(" .")
    try:
        if (iso := _ISO.fullmatch(value)) is not None:
            return datetime.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if (numeric := _NUMERIC.fullmatch(value)) is not None:
            return datetime.date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
        if (words := _WORDS.fullmatch(value)) is not None:
            month = next(
                (int(n) for n, names in form_words()["months"].items() if words[2] in names), None
            )
            return datetime.date(int(words[3]), month, int(words[1])) if month else None
    except ValueError:
        return None
    return None
