"""Shared fixtures.

Data: golden tests read the frozen copy in ``tests/data`` (see ``frozen.py``); the few tests whose
purpose is the shipped data read ``mapping_tables`` through ``shipped_ws`` / ``shipped_dir()``.
Each workspace is parsed once per session; a test that may change it gets a deep copy (≈20 ms
instead of ≈100 ms for a parse), so no test sees another's edits.

GUI: ``window`` is a main window over a writable copy of the frozen data, with settings in a
temporary INI file (the user's real settings and the repository's files stay untouched).
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from frozen import CITIZENS, DATA, check_config, fsiii
from guiwindows import close_quietly

from fsiii_mapper import texts
from fsiii_mapper import workspace as workspace_module
from fsiii_mapper.workspace import Workspace

SHARED = Path(__file__).resolve().parents[2] / "shared"
# The model cache of this test run, never the user's (subprocesses inherit it).
os.environ["FSIII_CACHE_DIR"] = tempfile.mkdtemp(prefix="fsiii-test-cache-")

CliRun = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def danish_by_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests see the default language (Danish) whatever the developer's FSIII_LANG says, and a
    language one test fixes for the process (the GUI, ``--lang``) does not leak into the next."""
    monkeypatch.delenv("FSIII_LANG", raising=False)
    texts.set_language(None)
    yield
    texts.set_language(None)


# --- workspaces ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def shipped_ws() -> Workspace:
    """The shipped workspace (``mapping_tables``), loaded once; for tests of the shipped data
    only. Do not mutate it."""
    return Workspace.load()


@pytest.fixture(scope="session")
def frozen_ws() -> Workspace:
    """The frozen workspace (``tests/data``), loaded once. Do not mutate it; use ``ws``."""
    return Workspace.load(DATA)


@pytest.fixture
def ws(frozen_ws: Workspace) -> Workspace:
    """A private copy of the frozen workspace that a test may change (never save it: its paths
    are the frozen files; use ``data_copy`` for files a test writes)."""
    return copy.deepcopy(frozen_ws)


def rebased(ws: Workspace, folder: Path) -> Workspace:
    """A copy of ``ws`` whose files are those of ``folder`` (a copy of its data folder)."""
    new = copy.deepcopy(ws)
    new.base = folder
    for doc in new.tables.values():
        if doc.path is not None:
            doc.path = folder / doc.path.name
    return new


@pytest.fixture(scope="session")
def frozen_checkers(frozen_ws: Workspace) -> Callable[[str], Any]:
    """``frozen_checkers("original")``: the vendor-file checker of a strategy over the frozen data
    and demo citizens, built once per session (it holds every citizen's expected report). Do not
    change it; a test that needs other tables builds its own."""
    from fsiii_mapper.conformance.batch import Checker

    built: dict[str, Checker] = {}

    def get(strategy: str) -> Checker:
        if strategy not in built:
            built[strategy] = Checker(check_config(strategy))
        return built[strategy]

    return get


# --- folders ---------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the frozen data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("README.md"))
    return target


@pytest.fixture
def frozen_demos(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Demo citizens (by id, and the default citizens folder) come from the frozen copy."""
    monkeypatch.setattr(workspace_module, "citizens_dir", lambda: CITIZENS)
    return CITIZENS


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "reference").is_dir():
        pytest.skip("the KL reference files are not beside the checkout")
    return SHARED


# --- the command line ------------------------------------------------------------------------


@pytest.fixture
def frozen_cli(monkeypatch: pytest.MonkeyPatch, frozen_ws: Workspace, frozen_demos: Path) -> None:
    """Commands run with ``--data tests/data`` (``frozen.fsiii``) see the frozen demo citizens,
    and the frozen folder is not parsed again for every command (each gets its own copy)."""
    load = Workspace.load.__func__  # type: ignore[attr-defined]

    def cached_load(cls: type[Workspace], folder: Any = None) -> Workspace:
        if folder is not None and Path(folder) == DATA:
            return copy.deepcopy(frozen_ws)
        return load(cls, folder)  # type: ignore[no-any-return]

    monkeypatch.setattr(Workspace, "load", classmethod(cached_load))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], frozen_cli: None) -> CliRun:
    """``cli("validate", "original")`` runs ``fsiii-mapper --data tests/data validate original``
    in-process on the frozen data and returns ``(exit code, stdout, stderr)``."""

    def run(*args: str) -> tuple[int, str, str]:
        rc = fsiii(*args)
        out, err = capsys.readouterr()
        return rc, out, err

    return run


# --- the GUI ---------------------------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings

    from ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def gui_ws(frozen_ws: Workspace, data_copy: Path, frozen_demos: Path) -> Workspace:
    """A workspace for a GUI test: the frozen data, saved to ``data_copy``."""
    return rebased(frozen_ws, data_copy)


@pytest.fixture
def session(qtbot: Any, gui_ws: Workspace) -> Any:
    """The GUI's session (table models, undo stacks, validation) without any window: for tests
    of the Qt models alone."""
    from ui.session import Session

    return Session(gui_ws, "da", lambda: "Test Analytiker")


@pytest.fixture
def window(qtbot: Any, gui_ws: Workspace, settings: Any) -> Iterator[Any]:
    from ui import settings as S
    from ui.main_window import MainWindow

    settings.set(S.AUTHOR, "Test Analytiker")
    w = MainWindow(gui_ws, settings=settings, lang="da")
    # (not qtbot.addWidget: pytest-qt closes those before fixture teardown, and the close would ask)
    w.show()
    yield w
    close_quietly(w)  # nothing may ask a question when the test ends
