"""The table files behind the editors: the package's tables are read-only (saves go to your copy,
which is used from then on), edits imply review and status changes, files changed by someone
else are noticed (on save and while open), and a broken file always shows a Danish message."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from guiwindows import close_quietly
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fsiii_mapper.workspace import shipped_dir
from ui import settings as S
from ui import table_files
from ui.table_files import OnDisk
from ui.table_model import Col

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def started(qtbot: Any, settings: Any) -> Iterator[Any]:
    """Start the window as the application does: on the shipped data (and your own tables)."""
    from ui.main_window import MainWindow

    settings.set(S.AUTHOR, "Test Analytiker")
    windows: list[Any] = []

    def start() -> Any:
        w = MainWindow(settings=settings, lang="da")
        w.show()
        windows.append(w)
        return w

    yield start
    for w in windows:
        close_quietly(w)


def test_saving_a_shipped_table_goes_to_your_workspace_and_the_package_file_is_untouched(
    started, settings, tmp_path: Path, monkeypatch
):
    package_file = shipped_dir() / "table_simplified.yaml"
    before = (package_file.read_bytes(), package_file.stat().st_mtime_ns)
    folder = tmp_path / "mit arbejde"
    settings.set(S.WORKSPACE_DIR, str(folder))
    offered: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: offered.append(a[2]) or YES)
    asked: list[str] = []

    def choose(parent, title, start, *rest):
        asked.append(start)
        return str(folder / "min_forenklede.yaml"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    w = started()
    assert w.session.doc("simplified").path == package_file
    model = w.session.models["simplified"]
    model.edit_rows([0], {"comment": "min rettelse"}, "edit")
    w.tabs.setCurrentWidget(w.editors["simplified"])
    assert w.save()

    assert (package_file.read_bytes(), package_file.stat().st_mtime_ns) == before
    assert asked == [str(folder / "table_simplified.yaml")]  # proposed in your workspace folder
    copy = folder / "min_forenklede.yaml"
    text = copy.read_text(encoding="utf-8")
    assert "min rettelse" in text and "status: draft" in text
    assert offered and "1.0.0" in offered[0] and "1.0.1" in offered[0]  # the version bump
    assert "version: 1.0.1" in text
    assert w.session.doc("simplified").path == copy
    assert settings.get(S.WORKSPACE_DIR) == str(folder)

    # From then on the copy is the table: saved again without asking, and opened at the next start.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: pytest.fail("asked again"))
    model.edit_rows([0], {"comment": "anden rettelse"}, "edit")
    assert w.save()
    assert "anden rettelse" in copy.read_text(encoding="utf-8")
    assert len(offered) == 1  # the version was raised once since the table was opened
    w.close()
    again = started()
    assert again.session.doc("simplified").path == copy.resolve()
    assert again.session.doc("simplified").table.rows[0].comment == "anden rettelse"
    assert again.session.doc("original").path == shipped_dir() / "table_original.yaml"


def test_a_copy_cannot_be_saved_into_the_package_folder(started, settings, tmp_path, monkeypatch):
    package_file = shipped_dir() / "table_original.yaml"
    before = package_file.read_bytes()
    answers = iter([str(package_file), ""])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (next(answers), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: NO)
    settings.set(S.WORKSPACE_DIR, str(tmp_path))
    w = started()
    w.session.models["original"].edit_rows([0], {"comment": "x"}, "edit")
    assert not w.save("original")
    assert package_file.read_bytes() == before
    assert warned and "skrivebeskyttede" in warned[0]


def test_a_missing_copy_of_yours_falls_back_to_the_shipped_table(
    started, settings, tmp_path, qtbot, monkeypatch
):
    gone = tmp_path / "væk.yaml"
    settings.set(S.OPEN_TABLES, [f"original={gone}"])
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    w = started()
    assert w.session.doc("original").path == shipped_dir() / "table_original.yaml"
    qtbot.waitUntil(lambda: bool(warned))  # said once the window is up
    assert str(gone) in warned[0] and "findes ikke" in warned[0]


def test_gui_edits_of_an_approved_row_and_of_a_no_map_row_are_one_undo_step_each(window):
    model = window.session.models["simplified"]
    stack = window.session.stacks["simplified"]
    rows = window.session.doc("simplified").table.rows
    approved = next(i for i, r in enumerate(rows) if r.relationship == "equivalent")
    model.edit_rows([approved], {"review_status": "approved"}, "godkend")
    model.edit_rows([approved], {"comment": "ny tekst"}, "ret")
    assert rows[approved].review_status == "in-review"
    stack.undo()
    assert rows[approved].review_status == "approved"

    no_map = next(i for i, r in enumerate(rows) if r.relationship == "no-map")
    target = model.index(no_map, Col.TARGET)
    assert model.setData(target, "FA420")
    assert (rows[no_map].target, rows[no_map].relationship) == ("FA420", "equivalent")
    stack.undo()
    assert (rows[no_map].target, rows[no_map].relationship) == (None, "no-map")
    assert window.session.doc("simplified").table.table.status == "draft"


# --- files changed by someone else -----------------------------------------------------------


def _colleague_edits(path: Path) -> None:
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "comment: 1:1 som", "comment: kollegaens 1:1 som", 1
        ),
        encoding="utf-8",
    )


@pytest.fixture
def edited(window, data_copy: Path, monkeypatch) -> Path:
    """The old table edited in the window, and then changed on disk by a colleague."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: NO)  # no version bump
    path = data_copy / "table_original.yaml"
    window.session.models["original"].edit_rows([0], {"comment": "min"}, "edit")
    _colleague_edits(path)
    return path


def _answer(monkeypatch, choice: OnDisk) -> list[Path]:
    asked: list[Path] = []
    monkeypatch.setattr(
        table_files, "ask_changed_on_disk", lambda parent, path: asked.append(path) or choice
    )
    return asked


def test_saving_over_a_file_changed_on_disk_asks_and_cancel_keeps_both(window, edited, monkeypatch):
    asked = _answer(monkeypatch, OnDisk.CANCEL)
    assert not window.save("original")
    assert asked == [edited]
    assert "kollegaens" in edited.read_text(encoding="utf-8")
    assert window.session.doc("original").table.rows[0].comment == "min"


def test_overwrite_writes_your_version(window, edited, monkeypatch):
    _answer(monkeypatch, OnDisk.OVERWRITE)
    assert window.save("original")
    text = edited.read_text(encoding="utf-8")
    assert "comment: min" in text and "kollegaens" not in text


def test_reload_takes_the_colleagues_version(window, edited, monkeypatch):
    _answer(monkeypatch, OnDisk.RELOAD)
    assert not window.save("original")
    assert "kollegaens" in edited.read_text(encoding="utf-8")
    assert any(
        r.comment.startswith("kollegaens") for r in window.session.doc("original").table.rows
    )
    assert window.session.stacks["original"].isClean()


def test_save_as_keeps_the_colleagues_file(window, edited, tmp_path, monkeypatch):
    _answer(monkeypatch, OnDisk.SAVE_AS)
    mine = tmp_path / "min_version.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(mine), ""))
    assert window.save("original")
    assert "kollegaens" in edited.read_text(encoding="utf-8")
    assert "comment: min" in mine.read_text(encoding="utf-8")


def test_an_unchanged_file_saves_without_asking(window, data_copy, monkeypatch):
    _answer(monkeypatch, OnDisk.CANCEL)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: NO)
    path = data_copy / "table_original.yaml"
    path.touch()  # a new time stamp, the same content
    window.session.models["original"].edit_rows([0], {"comment": "min"}, "edit")
    assert window.save("original")
    assert "comment: min" in path.read_text(encoding="utf-8")


def test_a_watched_file_changed_on_disk_offers_a_reload(window, data_copy, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or YES)
    path = data_copy / "table_original.yaml"
    _colleague_edits(path)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "table_original.yaml" in asked[0]
    assert any(
        r.comment.startswith("kollegaens") for r in window.session.doc("original").table.rows
    )


def test_a_changed_file_with_unsaved_edits_is_not_reloaded(window, data_copy, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or YES)
    window.session.models["original"].edit_rows([0], {"comment": "min"}, "edit")
    path = data_copy / "table_original.yaml"
    _colleague_edits(path)
    qtbot.waitUntil(lambda: "ændret på disken" in window.statusBar().currentMessage(), timeout=5000)
    assert not asked
    assert window.session.doc("original").table.rows[0].comment == "min"


def test_our_own_save_is_not_taken_for_someone_elses_change(window, data_copy, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or NO)
    window.session.models["original"].edit_rows([0], {"comment": "min"}, "edit")
    assert window.save("original")
    assert len(asked) == 1  # the version bump only
    qtbot.wait(800)
    assert len(asked) == 1


# --- broken files ------------------------------------------------------------------------------


def _broken(kind: str, folder: Path, data_copy: Path) -> Path:
    path = folder / f"{kind}.yaml"
    if kind == "umulig-dato":
        text = (data_copy / "table_original.yaml").read_text(encoding="utf-8")
        path.write_text(text.replace("date: 2026", "date: 2026-02-30 #", 1), encoding="utf-8")
    else:
        path.write_text("table: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    return path


def _says_where_and_what(message: str) -> bool:
    """The file's line and column, and in Danish what is wrong with it there."""
    return bool(re.search(r"\.yaml:\d+:\d+: ", message)) and (
        "ikke en dato, der findes" in message or "indlejret i mere end" in message
    )


@pytest.mark.parametrize("kind", ["umulig-dato", "dyb-nesting"])
def test_opening_a_broken_yaml_file_shows_a_danish_message(
    window, kind, tmp_path, data_copy, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    path = _broken(kind, tmp_path, data_copy)
    assert not window.open_path(str(path))
    assert len(shown) == 1
    assert str(path) in shown[0]
    assert "out of range" not in shown[0] and "recursion" not in shown[0]
    assert _says_where_and_what(shown[0])


def test_reverting_to_a_broken_file_shows_a_danish_message(window, data_copy, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: YES)
    model = window.session.models["original"]
    model.edit_rows([0], {"comment": "min"}, "edit")
    broken = _broken("umulig-dato", data_copy, data_copy)
    shutil.move(broken, data_copy / "table_original.yaml")
    window.tabs.setCurrentWidget(window.editors["original"])
    window.revert()
    assert len(shown) == 1 and _says_where_and_what(shown[0])
    assert window.session.doc("original").table.rows[0].comment == "min"  # nothing lost


# --- the vendor tab's tables, help ------------------------------------------------------------


def test_the_vendor_tab_says_which_tables_it_checks_against(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: NO)
    index = next(
        i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "Leverandørtjek"
    )
    window.tabs.setCurrentIndex(index)
    text = window.vendor_tab.tables_label.text()
    version = window.session.doc("simplified").table.table.version
    assert "table_original.yaml" in text and "table_simplified.yaml" in text
    assert f"version {version}, publiceret" in text and "ikke-gemte" not in text
    window.session.models["simplified"].edit_rows([0], {"comment": "min"}, "edit")
    text = window.vendor_tab.tables_label.text()
    assert f"Forenklet tabel: table_simplified.yaml (version {version}, kladde)" in text
    assert "ikke-gemte ændringer" in text
    assert window.save("simplified")
    assert "ikke-gemte" not in window.vendor_tab.tables_label.text()


def test_help_shows_the_user_guide_and_the_keyboard_shortcuts(window):
    window.show_guide()
    # the guide in the UI's language (Danish here): the Danish guide, not the English one
    text = window.guide.browser.toPlainText()
    assert "Nulstil layout" in text and "Hvad en ændring medfører" in text
    assert "What an edit implies" not in text
    window.guide.close()
    window.show_shortcuts()
    rows = {
        window.shortcuts.table.item(r, 0).text(): window.shortcuts.table.item(r, 1).text()
        for r in range(window.shortcuts.table.rowCount())
    }
    window.shortcuts.close()
    assert rows["Gem"] == "Ctrl+S"
    assert "F5" in rows["Præsentationstilstand"]
    assert any(keys == "Esc" for keys in rows.values())


def test_a_citizen_file_with_an_impossible_date_shows_a_danish_message(
    window, tmp_path, monkeypatch
):
    from frozen import demo_path

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    path = tmp_path / "borger.yaml"
    path.write_text(
        demo_path("demo-03").read_text(encoding="utf-8") + "born: 1940-02-30\n", encoding="utf-8"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = len(window.preview.citizens)
    window.preview.choose_citizen_file()  # the »Borgerfil …« button
    assert len(shown) == 1 and str(path) in shown[0] and _says_where_and_what(shown[0])
    assert len(window.preview.citizens) == before


def test_the_user_guide_follows_the_language():
    from ui.help_dialogs import guide_path

    da, en = guide_path("da"), guide_path("en")
    assert da is not None and da.name == "GUI.da.md"
    assert en is not None and en.name == "GUI.md"
    # both guides name every keyboard shortcut of the other (they describe the same window)
    import re

    def keys(p):
        return set(re.findall(r"`(Ctrl\+[^`]+|F\d+)`", p.read_text(encoding="utf-8")))

    assert keys(da) == keys(en)
