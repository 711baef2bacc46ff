"""Files in the GUI: save keeps comments, closing with unsaved work asks, open and drop files."""

from __future__ import annotations

import shutil
from pathlib import Path

from frozen import demo_path
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox


def test_save_keeps_yaml_comments_after_a_gui_edit(window, data_copy: Path, monkeypatch):
    asked = []  # the version bump a save of an edited table offers: declined here
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
    )
    path = data_copy / "table_simplified.yaml"
    before = path.read_text(encoding="utf-8")
    assert window.session.doc("simplified").path == path
    model = window.session.models["simplified"]
    row = next(i for i, r in enumerate(model.rows) if r.source == "Personlig_pleje")
    model.edit_rows([row], {"comment": "Ændret i GUI"}, "comment")
    window.tabs.setCurrentWidget(window.editors["simplified"])
    assert window.save()
    after = path.read_text(encoding="utf-8")
    assert "comment: Ændret i GUI" in after
    head = [ln for ln in before.splitlines() if ln.startswith("#")]
    assert head and all(ln in after for ln in head)
    assert "- source: Personlig_pleje  # Personlig pleje" in after
    assert "- source: Spise_og_drikke  # Spise og drikke" in after
    assert not window.isWindowModified()
    assert len(asked) == 1


def test_close_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.session.models["original"].edit_rows([0], {"comment": "x"}, "edit")
    assert not window.close()
    assert asked and window.isVisible()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_close_without_changes_does_not_ask(window, monkeypatch):
    def fail(*a, **k):
        raise AssertionError("asked although nothing changed")

    monkeypatch.setattr(QMessageBox, "question", fail)
    assert window.close()


def test_revert_restores_the_saved_table(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    model = window.session.models["original"]
    n = model.rowCount()
    model.delete_rows([0, 1])
    window.tabs.setCurrentWidget(window.editors["original"])
    window.revert()
    assert model.rowCount() == n
    assert not window.isWindowModified()


def test_dropping_a_table_and_a_citizen_opens_them(window, tmp_path: Path, data_copy: Path):
    table = tmp_path / "min_tabel.yaml"
    shutil.copy(data_copy / "table_original.yaml", table)
    citizen = tmp_path / "borger.yaml"
    shutil.copy(demo_path("demo-05"), citizen)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(table)), QUrl.fromLocalFile(str(citizen))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.session.doc("original").path == table
    assert window.preview.citizens[-1][0] == str(citizen.resolve())
    assert window.preview.current_citizen().id.startswith("demo-05")
    recent = window.settings.get(__import__("ui.settings").settings.RECENT_FILES)
    assert recent[:2] == [str(citizen.resolve()), str(table.resolve())]


def test_opening_a_broken_file_shows_an_error_not_a_crash(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rows: [\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a))
    assert not window.open_path(str(bad))
    assert shown


def test_save_as_writes_the_new_file_and_remembers_it(window, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "kopi.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.tabs.setCurrentWidget(window.editors["original"])
    window.session.models["original"].edit_rows([0], {"comment": "gemt som kopi"}, "edit")
    assert window.save_as()
    assert "gemt som kopi" in target.read_text(encoding="utf-8")
    assert window.session.doc("original").path == target
    assert not window.isWindowModified()
    assert window.recent_menu.actions()[0].toolTip() == str(target.resolve())


def test_diff_view_shows_an_edit_against_the_last_saved_version(window):
    diff = window.diff
    diff.a.setCurrentIndex(diff.a.findData("saved:simplified"))
    diff.b.setCurrentIndex(diff.b.findData("open:simplified"))
    assert diff.model.rowCount() == 0
    model = window.session.models["simplified"]
    model.edit_rows([2], {"review_status": "in-review"}, "edit")
    diff.refresh()
    fields = [line[3] for line in diff.model.lines]
    assert "review_status" in fields
    assert all(line[0] == "changed" for line in diff.model.lines)


def test_copy_as_image_puts_the_whole_report_sheet_on_the_clipboard(window):
    # The whole sheet (all 19 fields), never a grab of the visible part of the screen.
    from PySide6.QtWidgets import QApplication

    from ui.sheet_output import image

    window.copy_image()
    copied = QApplication.clipboard().image()
    assert not copied.isNull()
    assert copied.size() == image(window.preview.sheet_fragments()).size()
    assert copied.size() != window.preview.sheet.grab().size()
