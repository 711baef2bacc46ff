"""Opening files in the GUI: Filer → Åbn tells a citizen, a table and a catalog apart by content
and shows the real error of a broken file; the preview's »Borgerfil …« button opens a citizen;
the tables' summary stays in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fsiii_mapper.workspace import demo_citizen_paths


def _citizen_file(folder: Path, ident: str, status: str = "aktiv") -> Path:
    demo = next(p for p in demo_citizen_paths() if p.name.startswith("demo-03"))
    text = demo.read_text(encoding="utf-8").replace("id: demo-03", f"id: {ident}", 1)
    path = folder / f"{ident}.yaml"
    path.write_text(text.replace("status: aktiv\n", f"status: {status}\n", 1), encoding="utf-8")
    return path


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text, *a: shown.append(text))
    return shown


def test_a_broken_citizen_file_shows_its_real_error_in_danish(window, tmp_path, warnings):
    # Regression: a citizen file with a typo was reported as "not a valid mapping table".
    path = _citizen_file(tmp_path, "demo-typo", status="aktivv")
    assert not window.open_path(str(path))
    assert len(warnings) == 1
    text = warnings[0]
    assert f"{path}:" in text and "ikke en gyldig borgerfil" in text and "»aktivv«" in text
    assert "mapningstabel" not in text and "mapping table" not in text


def test_a_citizen_file_opens_in_the_preview(window, tmp_path, warnings):
    path = _citizen_file(tmp_path, "demo-new")
    assert window.open_path(str(path))
    assert window.tabs.currentWidget() is window.preview
    assert window.preview.current_citizen().id == "demo-new"
    assert not warnings


def test_a_catalog_is_recognised_not_opened_as_a_table(window, gui_ws, monkeypatch, warnings):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    catalog = Path(gui_ws.base) / "catalog_original.yaml"
    assert window.open_path(str(catalog))
    assert told and "katalog" in told[0] and not warnings


def test_the_citizen_file_button_opens_a_citizen(window, tmp_path, monkeypatch, qtbot):
    # Regression: the »Borgerfil …« button had no connection.
    path = _citizen_file(tmp_path, "demo-button")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.tabs.setCurrentWidget(window.preview)
    window.preview.open_button.click()
    assert window.preview.current_citizen().id == "demo-button"


def test_the_citizen_file_button_shows_a_broken_files_error(
    window, tmp_path, monkeypatch, warnings
):
    path = _citizen_file(tmp_path, "demo-bad", status="aktivv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.preview.open_button.click()
    assert len(warnings) == 1 and "»aktivv«" in warnings[0]


def test_the_status_bar_summary_survives_hovering_a_toolbar_button(window: Any) -> None:
    # Regression: the summary vanished for good after the first status tip.
    summary = window.status_label.text()
    assert "Gammel tabel" in summary and "række" in summary
    window.statusBar().showMessage(window.save_action.statusTip())
    window.statusBar().clearMessage()
    assert window.status_label.isVisible() and window.status_label.text() == summary
