"""Load one description: bytes, text, YAML or Markdown, then the model, with every problem as
a finding.

The form follows the file name: ``*.md`` is the Markdown form (`iwp_cli.mdform.reader`), anything
else YAML (`iwp_cli.yamlreader`, then the handbook's notation in plain-text effects,
`iwp_cli.shorthand`). Both give the same positioned values; from there on nothing asks which form
a description came from. The loader never raises for bad content: a file that cannot be read as
a description yields findings (IWP0xx) instead, and so does a file that cannot be read: gone
since it was found, not a regular file (a FIFO, a device), a loop of symbolic links (IWP010).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from iwp_cli.codes import READ_CODES
from iwp_cli.findings import Finding, Severity
from iwp_cli.framework import Framework
from iwp_cli.i18n import message, os_reason
from iwp_cli.model import FORMAT_VERSION, Description
from iwp_cli.source import DEFAULT_MAX_BYTES, Source, decode, read_source
from iwp_cli.validation import findings_from_error, yaml_path
from iwp_cli.yamlreader import Document, Problem
from iwp_cli.yamlreader import Path as YamlPath

YAML = "yaml"
MARKDOWN = "md"
#: File name endings of the Markdown form.
MARKDOWN_SUFFIXES = (".md", ".markdown")


def form_of(name: str) -> str:
    """The form of a description by its file name: ``md`` or ``yaml``."""
    return MARKDOWN if name.lower().endswith(MARKDOWN_SUFFIXES) else YAML


@dataclass(slots=True)
class Loaded:
    """A file after loading.

    Attributes:
        file: The path as shown to the user.
        findings: Problems met while reading and validating, in file order.
        description: The validated model; None when the file is not a valid description.
        document: The YAML values with positions; None when the YAML could not be read.
        text: The decoded text; None when the bytes are not UTF-8 text.
        is_description: Whether the file is meant as an IWP description (top-level key ``iwp``,
            or, when it cannot be parsed, a line starting with ``iwp:``).
        form: ``yaml`` or ``md``.
        repaired: The model of the text after `yamlhelp` repaired its syntax mistakes, when
            only those stood in the way: the lint rules still run on it, nothing else does.
    """

    file: str
    findings: list[Finding] = field(default_factory=list)
    description: Description | None = None
    document: Document | None = None
    text: str | None = None
    is_description: bool = False
    form: str = YAML
    repaired: Description | None = None


def load_path(
    path: Path,
    *,
    shown: str | None = None,
    lang: str = "en",
    max_bytes: int = DEFAULT_MAX_BYTES,
    framework: Framework | None = None,
) -> Loaded:
    """Load the file at ``path``; a file that cannot be read gives the finding IWP010.

    ``framework`` is the repository's own, when the configuration names one: the Markdown form
    names principles by their number or title in it.
    """
    try:
        source = read_source(path, max_bytes=max_bytes)
    except OSError as error:
        reason = {"reason": os_reason(error, lang)}
        finding = _read_finding("unreadable", shown or str(path), lang, at=(0, 0), detail=reason)
        return Loaded(shown or str(path), [finding], is_description=True)
    return _load(source, shown or str(path), lang, form_of(path.name), framework)


def load_text(
    text: str | bytes,
    *,
    shown: str = "<text>",
    lang: str = "en",
    form: str | None = None,
    framework: Framework | None = None,
) -> Loaded:
    """Load a description from memory (bytes are decoded as the file reader would); the form
    follows ``shown``'s name unless given."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return _load(decode(raw), shown, lang, form or form_of(shown), framework)


def _load(source: Source, shown: str, lang: str, form: str, framework: Framework | None) -> Loaded:
    loaded = Loaded(shown, text=source.text, is_description=source.mentions_iwp, form=form)
    if form == MARKDOWN:
        loaded.is_description = source.mentions_iwp and (source.text or "").startswith("---")
    if source.problem is not None:
        problem = source.problem
        at = (problem.line, problem.column)
        loaded.findings.append(
            _read_finding(problem.kind, shown, lang, at=at, detail=problem.detail)
        )
        return loaded
    assert source.text is not None
    if form == MARKDOWN:
        document, problems, explained = _read_markdown(source.text, framework)
        if document is None and not problems:
            loaded.is_description = False
            loaded.findings.append(_read_finding("md-not-a-description", shown, lang))
            return loaded
    else:
        from iwp_cli.yamlhelp import read_explained

        result = read_explained(source.text)
        document, problems, explained = result.document, result.problems, set()
    for found in problems:
        detail = found.detail
        at = (found.line, found.column)
        loaded.findings.append(
            _read_finding(found.kind, shown, lang, at=at, path=found.path, detail=detail)
        )
    if document is None:
        if not problems:
            loaded.findings.append(_read_finding("empty", shown, lang))
        return _sorted(loaded)
    loaded.document = document
    data = document.data
    if not isinstance(data, dict):
        kind = "empty" if data is None else "not-a-mapping"
        loaded.findings.append(
            _read_finding(kind, shown, lang, detail={"found": _shape(data, lang)})
        )
        return _sorted(loaded)
    loaded.is_description = "iwp" in data
    if "iwp" not in data:
        kind = "md-not-a-description" if form == MARKDOWN else "not-a-description"
        loaded.findings.append(_read_finding(kind, shown, lang))
        return _sorted(loaded)
    version = data["iwp"]
    if type(version) is not int or version != FORMAT_VERSION:
        at = document.position(("iwp",))
        detail = {"found": _shape(version, lang)}
        loaded.findings.append(
            _read_finding("unknown-version", shown, lang, at=at, path=("iwp",), detail=detail)
        )
        return _sorted(loaded)
    if form == YAML:
        from iwp_cli.shorthand import apply_shorthand

        apply_shorthand(document, source.text)
    repaired = any(p.kind == "syntax" for p in problems)
    _validate(loaded, document, source.text, explained, lang=lang, repaired=repaired)
    return _sorted(loaded)


def _validate(
    loaded: Loaded,
    document: Document,
    text: str,
    explained: set[YamlPath],
    *,
    lang: str,
    repaired: bool,
) -> None:
    """Validate the document into ``loaded``: its model, or the findings of its shape. The model
    of a text that `yamlhelp` repaired is only for the lint rules."""
    try:
        description = Description.model_validate(document.data)
    except ValidationError as error:
        lines = text.split("\n")
        found = findings_from_error(error, document, file=loaded.file, lang=lang, lines=lines)
        skip = {yaml_path(path) for path in explained}
        loaded.findings.extend(f for f in found if not (f.code == "IWP021" and f.yaml_path in skip))
        return
    if repaired:
        loaded.repaired = description
    else:
        loaded.description = description


def _read_markdown(
    text: str, framework: Framework | None
) -> tuple[Document | None, list[Problem], set[YamlPath]]:
    from iwp_cli.framework import framework_named
    from iwp_cli.mdform.reader import read_markdown

    read = read_markdown(text, framework_for=lambda name: framework_named(name, framework))
    return read.document, read.problems, read.explained


def _sorted(loaded: Loaded) -> Loaded:
    loaded.findings.sort(key=lambda finding: finding.sort_key)
    return loaded


def _read_finding(
    kind: str,
    file: str,
    lang: str,
    *,
    at: tuple[int, int] = (1, 1),
    path: tuple[str | int, ...] = (),
    detail: dict[str, str] | None = None,
) -> Finding:
    """A finding for a problem met while reading (codes IWP001-IWP009)."""
    detail = dict(detail or {})
    key = "syntax-tab" if kind == "syntax" and "tab" in detail else kind
    key = detail.get("explain", key)
    if "suggestion" in detail:
        match = detail["suggestion"]
        detail["suggestion"] = message("did-you-mean", lang, match=match) if match else ""
    text = message(key, lang, **detail)
    return Finding(READ_CODES[kind], Severity.ERROR, file, at[0], at[1], text, yaml_path(path))


def _shape(data: Any, lang: str) -> str:
    if isinstance(data, list):
        return message("type-list", lang)
    if isinstance(data, str):
        return f"{message('type-text', lang)} {data!r}"
    if isinstance(data, bool):
        return "true" if data else "false"
    return repr(data)
