"""Editors for the table cells: combo boxes offering only valid choices, plain text for comments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from fsiii_mapper.model.table import RELATIONSHIPS, REVIEW_STATUSES
from fsiii_mapper.texts import t
from fsiii_mapper.texts.labels import RELATIONSHIP_LABELS, STATUS_LABELS, label
from ui.table_model import Col, MappingTableModel

if TYPE_CHECKING:  # (only annotated: its Python enums are built when an editor opens)
    from PySide6.QtWidgets import QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex


def _source(index: Index) -> tuple[MappingTableModel, int]:
    model: Any = index.model()
    row = index.row()
    while not isinstance(model, MappingTableModel):
        index = model.mapToSource(index)
        model = index.model()
        row = index.row()
    return model, row


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for source, target, relationship and review status (codes stored as data)."""

    def choices(self, model: MappingTableModel, row: int, col: Col) -> list[tuple[str, str]]:
        """(code, shown text) pairs valid for this cell."""
        if col == Col.RELATIONSHIP:
            return [(r, label(RELATIONSHIP_LABELS, r)) for r in RELATIONSHIPS]
        if col == Col.STATUS:
            return [(s, label(STATUS_LABELS, s)) for s in REVIEW_STATUSES]
        layout = model.ws.layout
        if col == Col.TARGET:
            st = model.state(row)
            items: list[tuple[str, str]] = [("", t("(no target)"))]
            if st is None or st.group == "funktionsevne":
                items += [(f.id, f"{f.id} {f.label}") for f in layout.function_items]
            if st is None or st.group == "helbred":
                items += [(a.id, f"{a.id} {a.label}") for a in layout.problem_areas]
            return items
        if col == Col.SOURCE:
            cat = model.ws.catalog_for(model.doc)
            states = cat.states if cat is not None else []
            return [(s.key, f"{s.key} – {s.display}") for s in states]
        return []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        col = Col(index.column())
        if col in (Col.SOURCE, Col.TARGET, Col.RELATIONSHIP, Col.STATUS):
            combo = QComboBox(parent)
            model, row = _source(index)
            for code, text in self.choices(model, row, col):
                combo.addItem(text, code)
            if col == Col.SOURCE:
                combo.setEditable(True)  # a UUID or an unknown code may be typed; validation says
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole) or ""
            i = editor.findData(value)
            if i >= 0:
                editor.setCurrentIndex(i)
            elif editor.isEditable():
                editor.setEditText(str(value))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            if editor.isEditable():
                text = editor.currentText()
                i = editor.findText(text)
                value = editor.itemData(i) if i >= 0 else text.split(" – ")[0].strip()
            else:
                value = editor.currentData()
            model.setData(index, value, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
