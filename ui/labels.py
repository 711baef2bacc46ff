"""Translated names of the core's vocabularies (relationships, review statuses, strategies …).

The core keeps the codes (``source-broader``); the UI shows words, through Qt's translation system.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "Labels"

RELATIONSHIP_LABELS: dict[str, Any] = {
    "equivalent": QT_TRANSLATE_NOOP("Labels", "equivalent"),
    "source-broader": QT_TRANSLATE_NOOP("Labels", "source broader than target"),
    "source-narrower": QT_TRANSLATE_NOOP("Labels", "source narrower than target"),
    "related": QT_TRANSLATE_NOOP("Labels", "related"),
    "no-map": QT_TRANSLATE_NOOP("Labels", "not mapped"),
}
STATUS_LABELS: dict[str, Any] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "draft"),
    "in-review": QT_TRANSLATE_NOOP("Labels", "in review"),
    "approved": QT_TRANSLATE_NOOP("Labels", "approved"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "rejected"),
}
STRATEGY_LABELS: dict[str, Any] = {
    "original": QT_TRANSLATE_NOOP("Labels", "Old table"),
    "simplified": QT_TRANSLATE_NOOP("Labels", "Simplified table"),
    "cura": QT_TRANSLATE_NOOP("Labels", "Cura rule"),
    "nexus": QT_TRANSLATE_NOOP("Labels", "Nexus rule"),
}
STATE_STATUS_LABELS: dict[str, Any] = {
    "retained": QT_TRANSLATE_NOOP("Labels", "retained"),
    "new": QT_TRANSLATE_NOOP("Labels", "new"),
    "outgoing": QT_TRANSLATE_NOOP("Labels", "outgoing"),
    "unknown": QT_TRANSLATE_NOOP("Labels", "unknown"),
}
EVIDENCE_LABELS: dict[str, Any] = {
    "verified": QT_TRANSLATE_NOOP("Labels", "verified"),
    "assumed": QT_TRANSLATE_NOOP("Labels", "assumed"),
}
GROUP_LABELS: dict[str, Any] = {
    "funktionsevne": QT_TRANSLATE_NOOP("Labels", "function state"),
    "helbred": QT_TRANSLATE_NOOP("Labels", "health state"),
}
TABLE_LABELS: dict[str, Any] = {slot: STRATEGY_LABELS[slot] for slot in ("original", "simplified")}
SEVERITY_LABELS: dict[str, Any] = {
    "error": QT_TRANSLATE_NOOP("Labels", "error"),
    "warning": QT_TRANSLATE_NOOP("Labels", "warning"),
}


def label(table: dict[str, Any], code: str | None) -> str:
    """The translated word for ``code`` in one of the dictionaries above (the code if unknown)."""
    if code is None:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(_CTX, str(source)) if source else code
