"""The validation panel: findings of both tables, updated after every edit. Activating a finding
selects the offending row in its table.

Rule titles, help and hints come from the rule registry (``fsiii_mapper.rules``), in the session's
language, so the panel says what the CLI and the rule documentation say.
"""

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

from fsiii_mapper.rules.findings import counts, counts_text
from fsiii_mapper.rules.registry import RULES
from fsiii_mapper.rules.rule import severity_label
from fsiii_mapper.rules.table_rules import TableFinding
from fsiii_mapper.texts import N_, nt, t
from fsiii_mapper.texts.labels import TABLE_LABELS, label
from ui.session import SLOTS, Session

Index = QModelIndex | QPersistentModelIndex


HEADERS = (N_("Severity"), N_("Table"), N_("Rule"), N_("Row"), N_("Problem"), N_("Details"))


class FindingsModel(QAbstractTableModel):
    COLUMNS = len(HEADERS)

    def __init__(self, parent: Any = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.items: list[tuple[str, TableFinding]] = []

    def set_findings(self, items: list[tuple[str, TableFinding]]) -> None:
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
        return t(HEADERS[section], self.lang) if 0 <= section < len(HEADERS) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        slot, f = self.items[index.row()]
        col = index.column()
        rule = RULES.get(f.rule)
        title = rule.title_text(self.lang) if rule is not None else f.rule
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                severity_label(f.severity, self.lang),
                label(TABLE_LABELS, slot),
                f.rule,
                "" if f.row is None else str(f.row + 1),
                title,
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
            parts = [f"{f.rule} {title}", f.message, f.location()]
            if f.hint:
                parts.append(f.hint)
            if rule is not None:
                parts += ["", rule.help_text(self.lang)]
            return "\n".join(parts)
        return None


class ValidationPanel(QWidget):
    rowRequested = Signal(str, int)  # slot, 0-based row

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = FindingsModel(self, session.lang)
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
        lang = self.session.lang
        if not items:
            self.summary.setText(t("✔ No findings in either table", lang))
        else:
            rows = len({(slot, f.row) for slot, f in items if f.row is not None})
            text = counts_text(*counts(f for _, f in items), lang)
            if rows:
                text += " · " + nt("{n} row with problems", "{n} rows with problems", rows, lang)
            self.summary.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        slot, f = self.model.items[index.row()]
        if f.row is not None:
            self.rowRequested.emit(slot, f.row)
