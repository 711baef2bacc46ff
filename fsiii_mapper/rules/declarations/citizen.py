"""Rules of the citizen-file validation (``FC…``); their checks are in ``rules.citizen_rules``.

Ids are stable across releases; a new rule gets the next free id.
"""

from __future__ import annotations

from fsiii_mapper.rules.rule import Rule
from fsiii_mapper.texts import N_

CITIZEN_RULES: tuple[Rule, ...] = (
    Rule(
        "FC001",
        "unknown-area",
        "error",
        N_("An area note names an area that is no FSIII area"),
        N_(
            "Area documentation (områdedokumentation) belongs to one FSIII area: a funktionsevne "
            "area (J1–J5) or a sygeplejefagligt problemområde (I1–I12). A note for an area that no "
            "catalog knows reaches no field of the report and never decides which table a "
            "vendor rule uses; usually the area is mistyped."
        ),
        N_("write the area's key as the catalog has it (e.g. I9)"),
    ),
)
