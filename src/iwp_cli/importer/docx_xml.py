"""Small readers of WordprocessingML for `iwp_cli.importer.docx_reader`: comments, the rows and
cells inside content controls, a cell's span and vertical merge, on/off and number values."""

from __future__ import annotations

from typing import Any

Element = Any
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W = W
_OFF = ("0", "false", "off", "none")


def comments(root: Element | None) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for comment in root.iter(f"{_W}comment") if root is not None else ():
        paragraphs = [
            "".join(t.text or "" for t in p.iter(f"{_W}t")) for p in comment.iter(f"{_W}p")
        ]
        found[comment.get(f"{_W}id", "")] = (
            comment.get(f"{_W}author", ""),
            "\n".join(paragraphs).strip(),
        )
    return found


def children(element: Element, name: str) -> list[Element]:
    """The children named ``name``, content controls and custom XML around them opened."""
    found: list[Element] = []
    for child in element:
        if child.tag == f"{_W}{name}":
            found.append(child)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            inner = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if inner is not None:
                found.extend(children(inner, name))
    return found


def span(tc: Element) -> tuple[int, bool]:
    properties = tc.find(f"{_W}tcPr")
    if properties is None:
        return 1, False
    span = properties.find(f"{_W}gridSpan")
    width = max(1, number(span.get(f"{_W}val") if span is not None else None, 1))
    vmerge = properties.find(f"{_W}vMerge")
    merged = vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue"
    return width, merged


def is_on(element: Element | None) -> bool:
    return element is not None and element.get(f"{_W}val", "true").lower() not in _OFF


def number(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
