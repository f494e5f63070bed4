"""The registry of lint rules: a plain dict from code to rule, built from explicit imports.

Codes are public and never reused: users put them in their configuration and suppressions.
"""

from __future__ import annotations

from iwp_cli.rules import (
    iwp101_principle_not_addressed,
    iwp102_unknown_principle,
    iwp103_unknown_also,
    iwp104_also_self,
    iwp105_unknown_framework,
    iwp201_feature_without_effects,
    iwp202_preconditions_not_considered,
    iwp203_effect_not_attributed,
    iwp204_undefined_participant,
    iwp205_duplicate_feature,
    iwp301_to_improve,
    iwp302_no_consensus,
    iwp401_empty_starting_point,
    iwp402_empty_outcomes,
    iwp403_no_processes,
    iwp404_placeholder,
    iwp405_date_in_future,
    iwp406_stale,
    iwp407_unplaced_import,
    iwp501_unknown_link,
    iwp502_duplicate_id,
    iwp503_feature_supports_nothing,
    iwp504_process_yields_nothing,
    iwp505_outcome_not_yielded,
)
from iwp_cli.rules.base import Hit, RuleContext, RuleInfo

RULES: dict[str, RuleInfo] = {
    info.code: info
    for info in map(
        RuleInfo.from_module,
        (
            iwp101_principle_not_addressed,
            iwp102_unknown_principle,
            iwp103_unknown_also,
            iwp104_also_self,
            iwp105_unknown_framework,
            iwp201_feature_without_effects,
            iwp202_preconditions_not_considered,
            iwp203_effect_not_attributed,
            iwp204_undefined_participant,
            iwp205_duplicate_feature,
            iwp301_to_improve,
            iwp302_no_consensus,
            iwp401_empty_starting_point,
            iwp402_empty_outcomes,
            iwp403_no_processes,
            iwp404_placeholder,
            iwp405_date_in_future,
            iwp406_stale,
            iwp407_unplaced_import,
            iwp501_unknown_link,
            iwp502_duplicate_id,
            iwp503_feature_supports_nothing,
            iwp504_process_yields_nothing,
            iwp505_outcome_not_yielded,
        ),
    )
}

__all__ = ["RULES", "Hit", "RuleContext", "RuleInfo"]
