"""The table files behind the editors: the package's tables are read-only, your copies live in
your workspace folder; files changed by someone else since they were read are noticed (on save,
and while they are open through ``QFileSystemWatcher``)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QFileSystemWatcher, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QWidget

from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import shipped_dir

T = TypeVar("T")


def read_or_input_error(read: Callable[[], T], path: str | Path) -> T:
    """``read()``, with anything a broken file can raise on its way through the YAML parser
    (an impossible date, nesting too deep, a number too long, an unreadable file) turned into
    an ``InputError`` in words, so the window always shows a message."""
    try:
        return read()
    except InputError:
        raise
    except RecursionError:
        reason = t("the file is nested too deeply to be read")
    except MemoryError:
        reason = t("the file is too large to be read")
    except OSError as exc:
        reason = t("cannot read the file: {reason}", reason=exc.strerror or "")
    except (ValueError, ArithmeticError, TypeError):
        reason = t(
            "the file contains a value that cannot be read, e.g. an impossible date such as "
            "2026-02-30 or a number with thousands of digits"
        )
    raise InputError(reason, path, hint=t("correct the file in a text editor and open it again"))


def is_shipped(path: Path | None) -> bool:
    """A file of the package's own data folder (read-only in place: saved as your copy)."""
    if path is None:
        return False
    try:
        return path.resolve().is_relative_to(shipped_dir().resolve())
    except OSError:
        return False


def default_workspace_dir() -> Path:
    """Where your copies of the tables go unless you chose another folder."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "fsiii-mapper"


class OnDisk(Enum):
    """What to do with a table whose file someone else changed while it had unsaved edits."""

    RELOAD = "reload"
    OVERWRITE = "overwrite"
    SAVE_AS = "save-as"
    CANCEL = "cancel"


def ask_changed_on_disk(parent: QWidget, path: Path) -> OnDisk:
    """Reload (drop your edits), overwrite (drop theirs), save yours under another name, or
    cancel."""
    from PySide6.QtWidgets import QMessageBox  # (a dialog: not built at start)

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(t("File changed on disk"))
    box.setText(
        t(
            "{file} has been changed by someone else since you opened it. Saving now would "
            "overwrite their changes.",
            file=path.name,
        )
    )
    box.setInformativeText(str(path))
    R = QMessageBox.ButtonRole
    buttons = [
        (box.addButton(t("Reload (discard my edits)"), R.DestructiveRole), OnDisk.RELOAD),
        (box.addButton(t("Overwrite"), R.AcceptRole), OnDisk.OVERWRITE),
        (box.addButton(t("Save as …"), R.ActionRole), OnDisk.SAVE_AS),
    ]
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((choice for button, choice in buttons if button is clicked), OnDisk.CANCEL)


class FileWatcher(QObject):
    """Watches the open tables' files; ``changed`` (a path) once a file's content differs from
    what was read — a little after the last write, since editors and atomic saves write in
    steps (and a rename makes the watcher lose the file, so it is watched again)."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._touched)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._settled)

    def watch(self, paths: list[Path]) -> None:
        """Watch exactly ``paths`` (those that exist)."""
        wanted = {str(p) for p in paths if p.exists()}
        current = set(self._watcher.files())
        if current - wanted:
            self._watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self._watcher.addPaths(sorted(wanted - current))

    def _touched(self, path: str) -> None:
        self._pending.add(path)
        self._timer.start()

    def _settled(self) -> None:
        pending, self._pending = sorted(self._pending), set()
        for path in pending:
            if Path(path).exists() and path not in self._watcher.files():
                self._watcher.addPath(path)  # replaced by a rename: watch the new file
            self.changed.emit(path)
