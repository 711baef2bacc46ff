"""Helpers for tests that open main windows."""

from __future__ import annotations

from typing import Any


def close_quietly(w: Any) -> None:
    """Close a main window without any question (a modal dialog would block the suite): its
    edits are dropped, the window deleted at once."""
    from PySide6.QtCore import QCoreApplication, QEvent

    w._ask_save = lambda slots: True
    for stack in w.session.stacks.values():
        stack.setClean()
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
