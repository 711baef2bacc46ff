"""Names of the data's vocabularies (relationships, approval statuses, strategies, evidence …).

The data keeps the codes (``source-broader``); every place that shows one to a user — the GUI,
the CLI, the guide, the vendor report — takes its word from here, through the text catalogue.
"""

from __future__ import annotations

from typing import Any

from fsiii_mapper.texts import N_, t

RELATIONSHIP_LABELS: dict[str, str] = {
    "equivalent": N_("equivalent"),
    "source-broader": N_("source broader than target"),
    "source-narrower": N_("source narrower than target"),
    "related": N_("related"),
    "no-map": N_("not mapped"),
}
STATUS_LABELS: dict[str, str] = {
    "draft": N_("draft"),
    "in-review": N_("in review"),
    "approved": N_("approved"),
    "rejected": N_("rejected"),
}
TABLE_STATUS_LABELS: dict[str, str] = {
    "draft": N_("draft"),
    "in-review": N_("in review"),
    "published": N_("published"),
    "retired": N_("retired"),
}
STRATEGY_LABELS: dict[str, str] = {
    "original": N_("Old table"),
    "simplified": N_("Simplified table"),
    "cura": N_("Cura rule"),
    "nexus": N_("Nexus rule"),
}
STATE_STATUS_LABELS: dict[str, str] = {
    "retained": N_("retained"),
    "new": N_("new"),
    "outgoing": N_("outgoing"),
    "unknown": N_("unknown"),
}
EVIDENCE_LABELS: dict[str, str] = {
    "verified": N_("verified"),
    "sibling": N_("sibling evidence"),
    "assumed": N_("assumed"),
}
GROUP_LABELS: dict[str, str] = {
    "funktionsevne": N_("function state"),
    "helbred": N_("health state"),
}
TABLE_LABELS: dict[str, str] = {slot: STRATEGY_LABELS[slot] for slot in ("original", "simplified")}
CATALOG_LABELS: dict[str, str] = {
    "original": N_("old catalog"),
    "simplified": N_("simplified catalog"),
}
FIELD_LABELS: dict[str, str] = {
    "source": N_("Source"),
    "target": N_("Target field"),
    "relationship": N_("Relationship"),
    "review_status": N_("Approval status"),
    "evidence": N_("Evidence"),
    "comment": N_("Comment"),
    "author": N_("Author"),
    "date": N_("Date"),
}
VALUE_LABELS: dict[str, dict[str, str]] = {
    "relationship": RELATIONSHIP_LABELS,
    "review_status": STATUS_LABELS,
    "evidence": EVIDENCE_LABELS,
}
SEVERITY_LABELS: dict[str, str] = {
    "error": N_("error"),
    "warning": N_("warning"),
}


def label(table: dict[str, str], code: str | None, lang: str | None = None) -> str:
    """The translated word for ``code`` in one of the dictionaries above (the code if unknown)."""
    if code is None:
        return ""
    source = table.get(code)
    return t(source, lang) if source else code


def value_label(field: str, value: Any) -> str:
    """A row field's value as the UI shows it: a label for a code, ``–`` for nothing, a date
    as ISO text."""
    if value is None or value == "":
        return "–"
    if field in VALUE_LABELS:
        return label(VALUE_LABELS[field], str(value))
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
