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
    Rule(
        "FC002",
        "unknown-code",
        "error",
        N_("A condition's code is in no catalog"),
        N_(
            "A condition is matched to the catalogs by its code: the legacy key (e.g. J2.1) or "
            "the UUID, never its name. A code no catalog knows fills no field of the report "
            "under any table; usually it is mistyped, or a display name was written instead "
            "of the key."
        ),
        N_("write the state's key or UUID as the catalog has it"),
    ),
    Rule(
        "FC003",
        "level-on-health-state",
        "warning",
        N_("A helbredstilstand has a level"),
        N_(
            "Only a funktionsevnetilstand carries a level (0–4, or 9 for not relevant). A "
            "helbredstilstand is documented as present or not; a level on it is never sent to "
            "the hospital, so it probably belongs to another condition."
        ),
        N_("remove the level, or check that the code is the state you meant"),
    ),
)
