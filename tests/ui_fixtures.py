"""Fixtures for the GUI tests: a main window over a writable copy of the shipped data, with
settings in a temporary INI file (the user's real settings and the shipped files stay untouched).

Import them in a test module with ``from tests.ui_fixtures import *``-free explicit names, e.g.
``from ui_fixtures import window, settings  # noqa: F401``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from fsiii_mapper.workspace import Workspace, shipped_dir


@pytest.fixture
def ui_data(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder (tables, catalogs, layout)."""
    target = tmp_path / "data"
    shutil.copytree(shipped_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, ui_data: Path, settings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from ui import settings as S
    from ui.main_window import MainWindow

    settings.set(S.AUTHOR, "Test Analytiker")
    w = MainWindow(Workspace.load(ui_data), settings=settings, lang="da")
    # (not qtbot.addWidget: pytest-qt closes those before fixture teardown, and the close would ask)
    w.show()
    yield w
    # Nothing may ask a question when the test ends (a modal dialog would block the suite).
    w._ask_save = lambda slots: True  # type: ignore[method-assign]
    for stack in w.session.stacks.values():
        stack.setClean()
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
