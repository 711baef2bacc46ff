"""Pictures and files written atomically: a temporary file in the target folder, moved into
place, so a failed write leaves no partial file (the window screenshot; the report sheet's PDF
and PNG in ``ui.sheet_output``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtGui import (
    QPixmap,
)


def temp_beside(target: Path, suffix: str) -> str:
    """A temporary file in the target's folder, with the permissions a new file normally gets."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
    return tmp


def save_png(pixmap: QPixmap, path: str | os.PathLike[str]) -> Path:
    """Write a PNG atomically (temp file in the same folder, then ``os.replace``)."""
    target = Path(path)
    tmp = temp_beside(target, ".png")
    try:
        if not pixmap.save(tmp, "PNG"):
            raise OSError(f"could not write {target}")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
