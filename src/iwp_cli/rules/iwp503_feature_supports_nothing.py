"""Where the file draws a conjecture map, a feature supports no process.

The handbook's Ontwikkelingsmodel rests on conjecture mapping (Sandoval 2014): the IWP is
shaped "zodanig ... dat de gewenste processen kunnen plaatsvinden". A file that links features
to processes (`supports`) and processes to outcomes (`yields`) draws that map. In such a file a
feature without `supports` is a loose end: it is unclear which process it is meant to bring
about. Files without any links are not checked.

How to fix: list the ids of the processes the feature is meant to bring about in `supports`,
or, if it supports none, reconsider the feature.

Bad::

    - name: Wekelijkse lablunch
      effects: [{text: Studenten en planners leren elkaar kennen, who: [J, S]}]

Good::

    - name: Wekelijkse lablunch
      supports: [netwerk-opbouwen]
      effects: [{text: Studenten en planners leren elkaar kennen, who: [J, S]}]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, feature_path

CODE = "IWP503"
NAME = "feature-supports-nothing"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    if not context.uses_links:
        return
    for principle_id, index, feature in context.features():
        if not feature.supports:
            yield Hit(feature_path(principle_id, index), {"feature": feature.name})
