"""Print, export to PDF, and copy as image of a widget (the side-by-side preview).

PySide6-Essentials ships QtPrintSupport, so printing uses QPrinter and
QPrintDialog; PDF export uses QPdfWriter from QtGui, written to a temporary file in the target
folder and moved into place, so a failed export leaves no partial file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPixmap,
)
from PySide6.QtWidgets import QWidget


def _temp_beside(target: Path, suffix: str) -> str:
    """A temporary file in the target's folder, with the permissions a new file normally gets."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
    return tmp


def render_to(device: QPagedPaintDevice, widget: QWidget) -> None:
    """Paint ``widget`` scaled to fit one landscape page of ``device``."""
    painter = QPainter(device)
    try:
        page = painter.viewport()
        size = widget.size()
        scale = min(page.width() / max(1, size.width()), page.height() / max(1, size.height()))
        painter.scale(scale, scale)
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()


def export_pdf(widget: QWidget, path: str | os.PathLike[str], title: str = "") -> Path:
    target = Path(path)
    tmp = _temp_beside(target, ".tmp")
    try:
        writer = QPdfWriter(tmp)
        writer.setTitle(title)
        writer.setCreator("fsiii-mapper")
        writer.setResolution(150)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(10, 10, 10, 10),
            )
        )
        render_to(writer, widget)
        del writer  # flushes and closes the file
        if os.path.getsize(tmp) == 0:
            raise OSError("the PDF writer produced an empty file")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def widget_image(widget: QWidget) -> QPixmap:
    return widget.grab()


def copy_image(widget: QWidget) -> QPixmap:
    pixmap = widget_image(widget)
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setPixmap(pixmap)
    return pixmap


def save_png(pixmap: QPixmap, path: str | os.PathLike[str]) -> Path:
    """Write a PNG atomically (temp file in the same folder, then ``os.replace``)."""
    target = Path(path)
    tmp = _temp_beside(target, ".png")
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


def print_widget(widget: QWidget, parent: QWidget | None = None) -> bool:
    """Show the print dialog and print ``widget``; False if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    render_to(printer, widget)
    return True
