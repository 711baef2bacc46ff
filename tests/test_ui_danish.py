"""The Danish UI speaks Danish: no raw enum values (``equivalent``, ``no-map``, ``published`` …),
no English pydantic phrases and no Python reprs in any tab, view, menu or main dialog."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
)

RAW_CODES = (
    "equivalent|source-broader|source-narrower|related|no-map|draft|in-review|approved|"
    "rejected|published|retired|original|simplified|outgoing|retained|sibling|verified|assumed|"
    "function_item|problem_area|review_status"
)
RAW = re.compile(rf"(?<![\w./-])({RAW_CODES})(?![\w/-]|\.yaml)")
ENGLISH = re.compile(
    r"Input should be|Field required|and \d+ more|Extra inputs are not permitted|"
    r"validation error|Traceback|datetime\.date\(|\bNone\b|\bTrue\b|\bFalse\b|<[a-z_.]+ object at"
)


def _model_texts(model: QAbstractItemModel, limit: int = 400) -> list[str]:
    out = []
    for c in range(model.columnCount()):
        out.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
    for r in range(min(model.rowCount(), limit)):
        for c in range(model.columnCount()):
            value = model.data(model.index(r, c, QModelIndex()))
            if isinstance(value, str):
                out.append(value)
    return out


def texts_of(root: Any) -> list[str]:
    """Every text a user can read in ``root`` and its children."""
    out: list[str] = []
    for w in [root, *root.findChildren(QLabel)]:
        if isinstance(w, QLabel):
            out.append(w.text())
    for b in root.findChildren(QAbstractButton):
        out.append(b.text())
    for box in root.findChildren(QComboBox):
        out += [box.itemText(i) for i in range(box.count())]
    for edit in root.findChildren(QLineEdit):
        out.append(edit.placeholderText())
    for tabs in root.findChildren(QTabWidget):
        out += [tabs.tabText(i) for i in range(tabs.count())]
    for view in root.findChildren(QAbstractItemView):
        if view.model() is not None:
            out += _model_texts(view.model())
    for browser in root.findChildren(QTextBrowser):
        out.append(browser.toPlainText())
    for action in root.findChildren(QAction):
        out += [action.text(), action.toolTip(), action.statusTip()]
    return [s for s in out if s]


def offending(texts: list[str]) -> list[str]:
    return [s for s in texts if RAW.search(s) or ENGLISH.search(s)]


def test_every_tab_of_the_danish_window_shows_labels_not_codes(window, qtbot):
    window.preview.select_citizen_by_id("demo-03")
    found: list[str] = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)  # builds the vendor tab
        qtbot.wait(10)
        found += offending(texts_of(window.tabs.widget(i)))
    found += offending(texts_of(window.menuBar()))
    found += offending(texts_of(window.validation_dock))
    found += offending([window.status_label.text(), window.windowTitle()])
    assert found == []


def test_the_main_dialogs_speak_danish(window, tmp_path: Path, monkeypatch):
    shown: list[str] = []

    def capture(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        shown.extend(str(a) for a in args[1:] if isinstance(a, str))
        return QMessageBox.StandardButton.No

    for name in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, capture)
    citizen = tmp_path / "borger.yaml"
    citizen.write_text(
        "id: x\nname: Test\nconditions:\n  - code: J1.1\n    status: aktv\n    level: to\n",
        encoding="utf-8",
    )
    window.open_path(str(citizen))  # a citizen file with typos
    table = tmp_path / "tabel.yaml"
    table.write_text("table:\n  id: t\nrows:\n  - source: J1.1\n    relationship: maybe\n")
    window.open_path(str(table))  # a table of the wrong shape
    window.about()
    window.session.models["original"].edit_rows([0], {"comment": "x"}, "edit")
    window.save("original")  # the version question
    assert len(shown) >= 4
    assert offending(shown) == [], shown
    assert any("borger.yaml:5:" in s for s in shown)  # the real error, with its line
    assert any("Gammel tabel: table_original.yaml (version" in s for s in shown)  # about
    window.show_shortcuts()
    assert offending(texts_of(window.shortcuts)) == []


@pytest.mark.parametrize("kind", ["relationship", "review_status"])
def test_table_editor_cells_show_labels(window, kind):
    model = window.session.models["simplified"]
    assert offending(_model_texts(model)) == []
