"""One mapping table in a tab: filter bar, the table view with delegates, bulk actions."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fsiii_mapper.model.table import RELATIONSHIPS, REVIEW_STATUSES
from fsiii_mapper.texts import nt, t
from fsiii_mapper.texts.labels import RELATIONSHIP_LABELS, STATUS_LABELS, label
from ui.delegates import ChoiceDelegate
from ui.table_model import Col, MappingTableModel, TableFilterProxy


class TableEditor(QWidget):
    def __init__(self, model: MappingTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = TableFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(t("Search source, state, target, comment …"))
        self.search.setClearButtonEnabled(True)
        self.area = QComboBox(self)
        self.relationship = QComboBox(self)
        self.status = QComboBox(self)
        self.only_problems = QCheckBox(t("Only problems"), self)
        self._fill_filter_combos()

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = {
            Col.SOURCE: 150,
            Col.DISPLAY: 220,
            Col.AREA: 50,
            Col.TARGET: 200,
            Col.RELATIONSHIP: 170,
            Col.STATUS: 100,
            Col.COMMENT: 320,
            Col.AUTHOR: 150,
            Col.DATE: 90,
        }
        for col, width in widths.items():
            self.view.setColumnWidth(col, width)
        # The table's own order until a column header is clicked: with no sort column chosen
        # first, enabling sorting sorts nothing (it used to sort by the first column and back).
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)

        self.bulk = QToolButton(self)
        self.bulk.setText(t("Selected rows"))
        self.bulk.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk.setMenu(self._bulk_menu())
        self.count = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for text, w in (
            (t("Area"), self.area),
            (t("Relationship"), self.relationship),
            (t("Status"), self.status),
        ):
            lab = QLabel(text, self)
            lab.setBuddy(w)
            bar.addWidget(lab)
            bar.addWidget(w, 1)
        bar.addWidget(self.only_problems)
        bar.addWidget(self.bulk)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count)

        self.search.textChanged.connect(lambda t: self._filter(text=t))
        self.area.currentIndexChanged.connect(lambda _: self._filter(area=self.area.currentData()))
        self.relationship.currentIndexChanged.connect(
            lambda _: self._filter(relationship=self.relationship.currentData())
        )
        self.status.currentIndexChanged.connect(
            lambda _: self._filter(status=self.status.currentData())
        )
        self.only_problems.toggled.connect(lambda on: self._filter(only_problems=on))
        model.modelReset.connect(self._fill_filter_combos)
        model.changed.connect(self._update_count)
        self._update_count()

    # --- filters --------------------------------------------------------------------------------

    def _fill_filter_combos(self) -> None:
        every = t("(all)")
        for combo, items in (
            (self.area, [(a, a) for a in self._areas()]),
            (self.relationship, [(r, label(RELATIONSHIP_LABELS, r)) for r in RELATIONSHIPS]),
            (self.status, [(s, label(STATUS_LABELS, s)) for s in REVIEW_STATUSES]),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(every, "")
            for code, text in items:
                combo.addItem(text, code)
            combo.blockSignals(False)

    def _areas(self) -> list[str]:
        cat = self.model.ws.catalog_for(self.model.doc)
        if cat is None:
            return []
        return list(dict.fromkeys(a.key for a in cat.areas)) or sorted({s.area for s in cat.states})

    def _filter(self, **kw: Any) -> None:
        self.proxy.set_filters(**kw)
        self._update_count()

    def clear_filters(self) -> None:
        for w in (self.search, self.area, self.relationship, self.status, self.only_problems):
            w.blockSignals(True)
        self.search.clear()
        self.area.setCurrentIndex(0)
        self.relationship.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.only_problems.setChecked(False)
        for w in (self.search, self.area, self.relationship, self.status, self.only_problems):
            w.blockSignals(False)
        self.proxy.clear_filters()
        self._update_count()

    def refilter(self) -> None:
        """Problems changed: 'only problems' must look again."""
        if self.proxy.is_filtering:
            self.proxy.set_filters()
        self._update_count()

    def _update_count(self) -> None:
        QTimer.singleShot(0, self._write_count)

    def _write_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        problems = sum(1 for r in range(total) if self.model.problems(r))
        self.count.setText(
            nt(
                "{shown} of {n} row shown",
                "{shown} of {n} rows shown",
                total,
                shown=shown,
            )
            + " · "
            + nt("{n} row with problems", "{n} rows with problems", problems)
        )

    # --- selection ------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """The table's rows whose every column is selected (as ``selectedRows``), else the
        current row. Read from the selection's ranges: ``selectedRows`` asks every cell of
        every selected row for its flags, through the filter, 657 cells for 73 rows."""
        columns = self.proxy.columnCount()
        covered: dict[int, set[int]] = {}
        full: set[int] = set()
        selection = self.view.selectionModel().selection()
        for span in (selection.at(i) for i in range(selection.size())):
            left, right = span.left(), span.right()
            for r in range(span.top(), span.bottom() + 1):
                if left == 0 and right == columns - 1:
                    full.add(r)
                else:
                    cols = covered.setdefault(r, set())
                    cols.update(range(left, right + 1))
                    if len(cols) == columns:
                        full.add(r)
        rows = {self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in full}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.proxy.mapToSource(self.view.currentIndex()).row()}
        return sorted(rows)

    def select_row(self, source_row: int) -> None:
        """Select (and show) a row of the table, clearing filters that hide it."""
        if not (0 <= source_row < self.model.rowCount()):
            return
        idx = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not idx.isValid():
            self.clear_filters()
            idx = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.view.selectionModel().setCurrentIndex(
            idx,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus()

    # --- actions --------------------------------------------------------------------------------

    def _bulk_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(t("Approve"), self.approve_selected)
        menu.addAction(t("Un-approve (back to draft)"), self.unapprove_selected)
        status = menu.addMenu(t("Set approval status"))
        for s in REVIEW_STATUSES:
            status.addAction(
                label(STATUS_LABELS, s), partial(self.set_selected, "review_status", s)
            )
        rel = menu.addMenu(t("Set relationship"))
        for r in RELATIONSHIPS:
            rel.addAction(
                label(RELATIONSHIP_LABELS, r), partial(self.set_selected, "relationship", r)
            )
        return menu

    def set_selected(self, field: str, value: str) -> None:
        rows = self.selected_rows()
        words = {
            "review_status": label(STATUS_LABELS, value),
            "relationship": label(RELATIONSHIP_LABELS, value),
        }
        text = nt(
            "Set {value} on {n} row",
            "Set {value} on {n} rows",
            len(rows),
            value=words.get(field, value),
        )
        self.model.edit_rows(rows, {field: value}, text)

    def approve_selected(self) -> None:
        rows = self.selected_rows()
        self.model.edit_rows(
            rows,
            {"review_status": "approved"},
            nt("Approve {n} row", "Approve {n} rows", len(rows)),
        )

    def unapprove_selected(self) -> None:
        rows = self.selected_rows()
        self.model.edit_rows(
            rows,
            {"review_status": "draft"},
            nt("Un-approve {n} row", "Un-approve {n} rows", len(rows)),
        )

    def add_row(self) -> None:
        rows = self.selected_rows()
        pos = rows[-1] + 1 if rows else self.model.rowCount()
        self.model.add_row(pos)
        self.select_row(pos)

    def duplicate_selected(self) -> None:
        rows = self.selected_rows()
        self.model.duplicate_rows(rows)
        if rows:
            self.select_row(rows[0] + 1)

    def delete_selected(self) -> None:
        self.model.delete_rows(self.selected_rows())
