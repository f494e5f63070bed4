"""`who` names a participant code that is not defined.

An effect's `who` says for which participant groups it holds, as the handbook's "(J)", "(S)"
and "(J,S)" do. The codes are those of `participants`; when a description has no
`participants`, the handbook's two groups exist: `J` (junior: students) and `S` (senior:
teachers, educational advisers and people from the professional field). A code outside these
is a typo or a group that was never described.

How to fix: use a defined code (the message lists them), or describe the group under
`participants` with its code, name and roles.

Bad (no `participants`, so only J and S exist)::

    effects:
      - {text: Resultaten die direct bruikbaar zijn, who: [OG]}

Good::

    participants:
      - {code: J, name: Studenten, level: junior}
      - {code: S, name: Docenten, level: senior}
      - {code: OG, name: Opdrachtgevers, level: senior}
"""

from __future__ import annotations

from collections.abc import Iterator

from iwp_cli.findings import Severity
from iwp_cli.rules.base import Hit, RuleContext, Variant, did_you_mean, feature_path

CODE = "IWP204"
NAME = "undefined-participant"
SEVERITY = Severity.ERROR


def check(context: RuleContext) -> Iterator[Hit]:
    codes = [group.code for group in context.description.groups]
    defaults = Variant(1 if context.description.participants is None else 0)
    for principle_id, index, feature in context.features():
        for position, effect in enumerate(feature.effects):
            for entry, code in enumerate(effect.who or ()):
                if code not in codes:
                    yield Hit(
                        feature_path(principle_id, index, "effects", position, "who", entry),
                        {
                            "code": code,
                            "suggestion": did_you_mean(code, codes),
                            "defined": ", ".join(codes),
                            "defaults": defaults,
                        },
                    )
