"""Rules of the mapping-table validation (``FM…``); their checks are in ``rules.table_rules``.

Ids are stable across releases (tools and CI filter on them); a new rule gets the next free id.
"""

from __future__ import annotations

from fsiii_mapper.rules.rule import Rule
from fsiii_mapper.texts import N_

TABLE_RULES: tuple[Rule, ...] = (
    Rule(
        "FM001",
        "unknown-source",
        "error",
        N_("The source code is in no catalog"),
        N_(
            "Every row's source must be a state of an FSIII catalog, written as its UUID or its "
            "legacy key. A code that no catalog knows is usually a typo or a display name, and "
            "the row can never fill a report field."
        ),
        N_("use the legacy key (e.g. J1.1) or the UUID"),
    ),
    Rule(
        "FM002",
        "other-catalog",
        "error",
        N_("The source code belongs to the other catalog"),
        N_(
            "The old table maps states of the original catalog, the simplified table states of "
            "the simplified catalog. A state of the other catalog is never looked up in this "
            "table, so the row has no effect."
        ),
        N_("map it in the other table, or use its successor in this catalog"),
    ),
    Rule(
        "FM003",
        "unknown-target",
        "error",
        N_("The target is not a field of the report"),
        N_(
            "A row's target must be a field of the report layout: a function item (FA…) or a "
            "nursing problem area (I1–I12). A target the layout does not have is never filled."
        ),
        N_("choose a function item (FA…) or a problem area (I1–I12) of the report layout"),
    ),
    Rule(
        "FM004",
        "duplicate-row",
        "error",
        N_("The same source → target row appears twice"),
        N_(
            "Two rows with the same source and target, or two no-map rows for the same state, "
            "make the table ambiguous: it is unclear which comment and review status count."
        ),
        N_("delete one of the two rows"),
    ),
    Rule(
        "FM005",
        "unmapped-state",
        "error",
        N_("A catalog state is neither mapped nor marked not mapped"),
        N_(
            "Every state of the table's catalog needs a row: mapped to a report field, or "
            "explicitly no-map. Only then can a forgotten state be told from a decision not to "
            "report it."
        ),
        N_("add a row: map it, or mark it no-map so the decision is recorded"),
    ),
    Rule(
        "FM006",
        "no-map-with-target",
        "error",
        N_("A not-mapped row also names a target"),
        N_(
            "A no-map row records that a state is deliberately not reported. A target "
            "contradicts that, and a reader cannot tell which of the two was meant."
        ),
        N_("remove the target or choose another relationship"),
    ),
    Rule(
        "FM007",
        "mapped-without-target",
        "error",
        N_("A mapping row has no target"),
        N_(
            "A row whose relationship is not no-map says that the state fills a report field, "
            "but it names none, so the state would silently not be reported."
        ),
        N_("name a report field or use no-map"),
    ),
    Rule(
        "FM008",
        "level-state-to-area",
        "warning",
        N_("A function state (with a level) is mapped to a problem area, not as related"),
        N_(
            "A function state carries a level, which becomes the score word of a function item "
            "(FA…). The seed also speaks of function states that map to nursing problem areas: "
            "as a row with relationship related, the state is listed in the area with its level "
            "written as text. With any other relationship the row claims more than a problem "
            "area can hold, so it is a warning."
        ),
        N_("set the relationship to related, or map it to a function item (FA…)"),
    ),
    Rule(
        "FM009",
        "health-state-to-function-item",
        "error",
        N_("A health state is mapped to a function item"),
        N_(
            "A health state has no level, so it cannot give a function item its score word. It "
            "belongs to its nursing problem area."
        ),
        N_("map it to its own problem area"),
    ),
    Rule(
        "FM010",
        "malformed-metadata",
        "error",
        N_("The table's metadata is missing or invalid"),
        N_(
            "The table section names the catalog, the report layout, the status and the dates "
            "of validity. Without a known catalog the rows cannot be checked; a wrong layout or "
            "reversed dates make the table unusable for vendors."
        ),
        N_("correct the value the finding names in the table section"),
    ),
    Rule(
        "FM011",
        "malformed-row",
        "error",
        N_("A row is missing a field or has an invalid value"),
        N_(
            "Every row needs a source, a relationship and a review status with one of the "
            "allowed values. The table cannot be loaded until every row is valid."
        ),
        N_("correct the field the finding names at its line"),
    ),
    Rule(
        "FM012",
        "yaml-syntax",
        "error",
        N_("The file is not valid YAML"),
        N_(
            "A mapping table is a YAML file. A syntax error, such as wrong indentation or a "
            "missing colon or quote, stops the file from being read at all."
        ),
        N_("fix the syntax at the line and column given"),
    ),
    Rule(
        "FM013",
        "mapped-and-no-map",
        "error",
        N_("A state is both mapped and marked not mapped"),
        N_(
            "A state with both a mapping row and a no-map row contradicts itself: the table says "
            "both that the state is reported and that it is not."
        ),
        N_("delete the no-map row or the mapping rows"),
    ),
    Rule(
        "FM014",
        "other-problem-area",
        "warning",
        N_("A health state is mapped to another problem area than its own"),
        N_(
            "A health state belongs to one nursing problem area. Mapping it to another one may "
            "be deliberate, so this is a warning: check that the hospital will look for it there."
        ),
        N_("map it to its own problem area, or explain the choice in the row's comment"),
    ),
    Rule(
        "FM015",
        "unapproved-row-in-published-table",
        "warning",
        N_("A published table has rows that are not approved"),
        N_(
            "Vendors implement the published table, so every row in it should be decided. Rows "
            "in draft, in review or rejected are a warning, and an export needs explicit consent "
            "while they remain."
        ),
        N_("approve the row, or set the table back to draft"),
    ),
)
