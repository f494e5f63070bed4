"""The same feature is described twice, within one principle or under two.

The handbook's appendix: "Eén kenmerk van de IWP kan op meerdere ontwerpprincipes zijn
gebaseerd"; its example is "alle deelnemers werken in één ruimte", a feature of the
organisation (principle 6) that also fosters the sense of community (principle 2). Such a
feature is described once, under its main principle, and names the others in `also`. Two
copies drift apart: effects and preconditions get updated in one and not in the other.

Names are compared ignoring case and repeated spaces. The finding points at every copy after
the first and says where the first one is.

How to fix: keep one, merge the effects and preconditions into it, and list the other
principles in its `also`.

Bad::

    learning-community:
      features:
        - name: Alle deelnemers werken in één ruimte
    supportive-organisation:
      features:
        - name: Alle deelnemers werken in één ruimte

Good::

    supportive-organisation:
      features:
        - name: Alle deelnemers werken in één ruimte
          also: [learning-community]
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, feature_path
from iwp_cli.yamlreader import Path

CODE = "IWP205"
NAME = "duplicate-feature"
SEVERITY = Severity.WARNING


def check(context: RuleContext) -> Iterator[Hit]:
    first: dict[str, tuple[str, Path]] = {}
    for principle_id, index, feature in context.features():
        key = " ".join(feature.name.split()).casefold()
        path = feature_path(principle_id, index, "name")
        if key not in first:
            first[key] = (principle_id, path)
            continue
        where, first_path = first[key]
        line, _ = context.document.position(first_path)
        yield Hit(path, {"feature": feature.name, "principle": where, "line": line})
