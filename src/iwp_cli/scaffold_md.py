"""`iwp new` in the Markdown form: the scaffold with the handbook's guidance as comments, a new
cycle of a Markdown description, and the other form when the new file's is not the source's.

The scaffold is the YAML scaffold (`iwp_cli.scaffold.render_scaffold`, with the placeholders of
the Markdown form and any ``--set`` applied) written by the converter's writer
(`iwp_cli.mdform.writer.to_markdown`), with the guidance of ``data/guidance.yaml`` and
``data/guidance_md.yaml`` as comments: HTML comments under the headings, YAML comments in the
front matter. Comments are not part of a description, so the file reads back to the same model.
"""

from __future__ import annotations

import datetime
from typing import Any

from iwp_cli.framework import builtin_framework
from iwp_cli.i18n import Said
from iwp_cli.loader import YAML, load_text
from iwp_cli.scaffold import ScaffoldError, guidance, new_cycle, reading_problem, set_values
from iwp_cli.yamlreader import read_yaml

#: Parts whose guidance stands above their key (front matter) or under their heading (body).
_GUIDED = (
    "iwp",
    "name",
    "date",
    "language",
    "tags",
    "partners",
    "participants",
    "starting_points",
    "occasion",
    "context",
    "outcomes",
    "products",
    "development",
    "sustainability",
    "processes",
)

#: The body's parts, which ``--set`` cannot change in a Markdown file that exists.
_BODY = frozenset(("name", "starting_points", "outcomes", "processes", "principles"))


def scaffold_comments(lang: str, file_name: str) -> dict[str, str]:
    """The guidance of the Markdown scaffold, by the part it stands at (see `to_markdown`)."""
    g = guidance(lang, markdown=True)
    comments = {key: str(g[key]) for key in _GUIDED}
    comments["header"] = str(g["header"]).replace("{file}", file_name)
    comments["principles"] = f"{g['principles']}\n\n{g['feature']}"
    for info in builtin_framework().principles:
        comments[f"principles.{info.id}"] = info.definition[lang]
    return comments


def markdown_scaffold(yaml_text: str, *, lang: str, file_name: str) -> str:
    """``yaml_text``, a scaffold of `render_scaffold` (``markdown=True``), in the Markdown form
    with the guidance in ``lang`` as comments."""
    from iwp_cli.mdform.writer import to_markdown

    loaded = load_text(yaml_text, shown="<scaffold>", form=YAML)
    if loaded.description is None or loaded.document is None:
        raise ScaffoldError(_first_problem(loaded.findings, "<scaffold>"))
    comments = scaffold_comments(lang, file_name)
    return to_markdown(loaded.description, loaded.document.data, builtin_framework(), comments)


def converted(text: str, *, source: str, source_form: str, to: str) -> str:
    """``text`` (a description in ``source_form``, read from ``source``) in the form ``to``;
    ScaffoldError when it is not a valid description."""
    from iwp_cli.convert import ConvertError, convert

    loaded = load_text(text, shown=source, form=source_form)
    try:
        return convert(loaded, to)
    except ConvertError:
        raise ScaffoldError(_first_problem(loaded.findings, source)) from None


def new_markdown_cycle(text: str, *, today: datetime.date, what: str, lang: str = "en") -> str:
    """A copy of the Markdown description ``text`` with ``date`` set to ``today`` in its front
    matter; the rest of the file, comments and layout, kept as it is."""
    reading_problem(text, what, lang)
    first, front, rest = _split(text, what)
    eol = "\r\n" if first.endswith("\r\n") else "\n"
    dated = new_cycle(front, today=today, what=f"{what} (front matter)", lang=lang)
    return first + dated.replace("\n", eol) + rest


def set_front_matter(text: str, assignments: list[str], *, what: str) -> str:
    """`set_values` on the front matter of the Markdown description ``text``. A key of the body
    is a ScaffoldError that says to write it in the body."""
    first, front, rest = _split(text, what)
    document = read_yaml(front).document
    present = (
        set(document.data) if document is not None and isinstance(document.data, dict) else set()
    )
    for assignment in assignments:
        key = assignment.partition("=")[0].split(".", 1)[0].split("[", 1)[0]
        if key in _BODY and key not in present:
            raise ScaffoldError(Said("set-in-body", assignment=assignment, key=key, what=what))
    eol = "\r\n" if first.endswith("\r\n") else "\n"
    return first + set_values(front, assignments).replace("\n", eol) + rest


def _split(text: str, what: str) -> tuple[str, str, str]:
    """``text`` as its opening ``---`` line, the front matter, and the rest from the closing
    line on."""
    from iwp_cli.mdform.reader import front_matter_end

    lines = text.splitlines(keepends=True)
    close = front_matter_end([line.rstrip("\r\n") for line in lines])
    if close is None:
        raise ScaffoldError(Said("cycle-no-front-matter", what=what))
    return lines[0], "".join(lines[1:close]), "".join(lines[close:])


def _first_problem(findings: list[Any], what: str) -> str:
    """The first finding that keeps a file from being a valid description, as one line."""
    for finding in findings:
        if finding.code.startswith("IWP0"):
            where = f"{what}:{finding.line}:{finding.column}" if finding.line else what
            return f"{where}: {finding.code} {finding.message}"
    return f"{what}: not a valid description (run: iwp check {what})"
