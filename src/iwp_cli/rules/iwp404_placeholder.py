"""Text left as a scaffold placeholder ("TODO ...").

A placeholder is a text value whose text, without leading and trailing spaces, starts with
`TODO` (in capitals, as a scaffold writes it), such as `"TODO: beschrijf de aanleiding"`. Every
text value of the description is looked at: the name, the starting points, outcomes and
processes, feature names, effects, preconditions, notes, participant roles, tags and the rest.
Keys are not values, and values under `x-` keys (local extensions, ignored by iwp) are left
alone.

A scaffold fills every field it cannot know with such a placeholder, so that the file is valid
from the start. A placeholder that is left in is a question of the handbook's form that has not
been answered, and it would show up in every report as if it were the answer.

How to fix: replace the placeholder with the IWP's own text, or remove the entry.

Bad::

    starting_points:
      occasion: "TODO: beschrijf de aanleiding en de maatschappelijke urgentie"

Good::

    starting_points:
      occasion: Personeelstekort in de ouderenzorg vraagt om slimme technologie.
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, shorten, texts_in

CODE = "IWP404"
NAME = "placeholder"
SEVERITY = Severity.ERROR

MARK = "TODO"


def check(context: RuleContext) -> Iterator[Hit]:
    data = context.document.data
    if MARK not in repr(data):  # one C-level pass; most files have no placeholder left
        return
    for path, text in texts_in(data):
        if text.strip().startswith(MARK):
            yield Hit(path, {"text": shorten(text)})
