"""Files Qt makes (pictures, PDFs) written atomically: Qt writes into memory, and the core's
atomic save (``fsiii_mapper.io.atomic``) puts the bytes in place, so a failed write leaves the old
file as it was and a save follows links and keeps owners as every other save does (the window
screenshot; the report sheet's PDF and PNG in ``ui.sheet_output``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPixmap

from fsiii_mapper.io.atomic import atomic_write_bytes
from fsiii_mapper.texts import t


def write_through_memory(path: str | os.PathLike[str], fill: Callable[[QBuffer], object]) -> Path:
    """Let ``fill`` write into a buffer (``False`` for failure), then save the bytes atomically;
    ``OSError`` if Qt wrote nothing or the save fails."""
    target = Path(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = fill(buffer)
    buffer.close()
    data = bytes(buffer.data().data())
    if ok is False or not data:
        raise OSError(t("could not write {path}", path=str(target)))
    atomic_write_bytes(target, data)
    return target


def save_png(pixmap: QPixmap, path: str | os.PathLike[str]) -> Path:
    """Write a PNG atomically."""
    return write_through_memory(path, lambda buffer: pixmap.save(buffer, "PNG"))
