"""Text from `iwp import` that the team has not placed yet ("NOG PLAATSEN (iwp import, …)").

`iwp import` reads a filled-in appendix form from Word. A paragraph, cell or table that fits in
no part of the form (text above part A, a fourth column in a principle's table, a table under
no principle) is not dropped: it is written into the description as a note that starts with
`NOG PLAATSEN (iwp import, <place>):` (in an English description `TO PLACE (iwp import,
<place>):`), where it belongs or at the end (the notes of the last principle), and the import
report quotes it. Every line of a text value that starts so is reported, until the team has
moved the text to where it belongs, or deleted it.

How to fix: move the text to its part of the form (an effect, a precondition, an outcome …),
drop the marker, or delete the note.

Bad::

    principles:
      embedding:
        features: []
        notes: "NOG PLAATSEN (iwp import, alinea 3): Contactpersoon: Jan de Vries"

Good::

    contacts:
      - name: Jan de Vries
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.i18n import catalogue
from iwp_cli.rules.base import Hit, RuleContext, shorten, texts_in

CODE = "IWP407"
NAME = "unplaced-import"
SEVERITY = Severity.ERROR

#: The message `iwp import` words such a note with; its text before the first ``{`` is the mark.
NOTE_KEY = "import-note"


def markers() -> tuple[str, ...]:
    """How a marked note starts, in every language."""
    return tuple(template.split("{")[0] for template in catalogue()[NOTE_KEY].values())


def check(context: RuleContext) -> Iterator[Hit]:
    data = context.document.data
    if "(iwp import" not in repr(data):  # one C-level pass; most files were never imported
        return
    starts = markers()
    for path, text in texts_in(data):
        for line in text.splitlines():
            if line.lstrip().startswith(starts):
                yield Hit(path, {"text": shorten(line.strip(), 100)})
