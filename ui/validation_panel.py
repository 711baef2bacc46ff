"""The validation panel: findings of both tables, updated after every edit. Activating a finding
selects the offending row in its table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fsiii_mapper.rules.table_rules import Finding, counts
from ui.labels import RULE_LABELS, SEVERITY_LABELS, TABLE_LABELS, label
from ui.session import SLOTS, Session

Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractTableModel):
    COLUMNS = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, Finding]] = []

    def set_findings(self, items: list[tuple[str, Finding]]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            self.tr("Severity"),
            self.tr("Table"),
            self.tr("Rule"),
            self.tr("Row"),
            self.tr("Problem"),
            self.tr("Details"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        slot, f = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                label(SEVERITY_LABELS, f.severity),
                label(TABLE_LABELS, slot),
                f.rule,
                "" if f.row is None else str(f.row + 1),
                label(RULE_LABELS, f.rule),
                f.message,
            ][col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            style = QApplication.style()
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if f.severity == "error"
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return style.standardIcon(icon) if style is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{f.rule} {label(RULE_LABELS, f.rule)}", f.message, f.location()]
            if f.hint:
                parts.append(f.hint)
            return "\n".join(parts)
        return None


class ValidationPanel(QWidget):
    rowRequested = Signal(str, int)  # slot, 0-based row

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = FindingsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.summary)
        lay.addWidget(self.view)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        session.findingsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        items = [(slot, f) for slot in SLOTS for f in self.session.findings.get(slot, [])]
        self.model.set_findings(items)
        errors, warnings = counts([f for _, f in items])
        if not items:
            self.summary.setText(self.tr("✔ No findings in either table"))
        else:
            self.summary.setText(
                self.tr("%1 errors, %2 warnings")
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
            )

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        slot, f = self.model.items[index.row()]
        if f.row is not None:
            self.rowRequested.emit(slot, f.row)
