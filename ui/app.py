"""Entry point of the desktop application: ``fsiii-mapper-gui`` / ``fsiii-mapper gui``."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fsiii_mapper import texts


@dataclass
class Options:
    screenshot: str | None = None
    citizen: str | None = None
    lang: str | None = None


def parse(argv: Sequence[str] | None) -> Options:
    import argparse

    p = argparse.ArgumentParser(
        prog="fsiii-mapper-gui", description="fsiii-mapper desktop application"
    )
    p.add_argument(
        "--screenshot",
        metavar="PATH",
        help="render the main window (preview tab) to a PNG and exit",
    )
    p.add_argument("--citizen", metavar="FILE", help="citizen file or demo id to show")
    p.add_argument("--lang", choices=("da", "en"), help="UI language (default: the setting, da)")
    ns = p.parse_args(list(argv) if argv is not None else None)
    return Options(ns.screenshot, ns.citizen, ns.lang)


def run(opts: Options) -> int:
    from ui import settings as S
    from ui.i18n import install_translators
    from ui.main_window import MainWindow, app_icon

    if QApplication.instance() is None:
        from ui.platform_check import problem

        if opts.screenshot and not os.environ.get("DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
        texts.set_language(opts.lang)
        trouble = problem()
        if trouble:
            print(f"fsiii-mapper: {trouble}", file=sys.stderr)
            return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(S.ORGANISATION)
    app.setApplicationName(S.APPLICATION)
    app.setApplicationDisplayName("fsiii-mapper")
    settings = S.Settings()
    lang = opts.lang or str(settings.get(S.LANGUAGE)) or "da"
    translators = install_translators(app, lang)
    app.setWindowIcon(app_icon())
    if opts.screenshot:
        from fsiii_mapper.errors import InputError

        window = MainWindow(settings=settings, lang=lang)
        window._translators = translators  # type: ignore[attr-defined]  # keep them alive
        try:
            window.show_citizen(opts.citizen)
        except InputError as exc:
            print(f"fsiii-mapper: error: {exc}", file=sys.stderr)
            return 2
        return screenshot(app, window, opts.screenshot)
    # Show the window at once, then load the workspace and build the views (start-up time).
    window = MainWindow(settings=settings, lang=lang, defer=True)
    window._translators = translators  # type: ignore[attr-defined]
    window.show()
    failed: list[int] = []

    def load() -> None:
        from fsiii_mapper.errors import InputError

        try:
            window.load()
            if opts.citizen:
                window.show_citizen(opts.citizen)
            # What the start built (tables, catalogs, views) lives as long as the window: kept
            # out of the collector's full passes, which walked all of it (≈ 17 ms) in the middle
            # of an edit every few dozen edits.
            gc.freeze()
        except InputError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(window, "fsiii-mapper", str(exc))
            print(f"fsiii-mapper: error: {exc}", file=sys.stderr)
            failed.append(2)
            if not window.ready:
                app.quit()

    QTimer.singleShot(0, load)
    code = int(app.exec())
    return failed[0] if failed and not window.ready else code


def screenshot(app: QApplication, window: object, path: str) -> int:
    from ui.export import save_png
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.resize(1500, 940)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.preview.view.resizeRowsToContents()
    app.processEvents()
    try:
        save_png(window.grab(), path)
    except OSError as exc:
        print(f"fsiii-mapper: error: {exc}", file=sys.stderr)
        return 2
    print(path)
    window.setWindowModified(False)
    window.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from fsiii_mapper.errors import InputError

    try:
        return run(parse(argv))
    except InputError as exc:
        print(f"fsiii-mapper: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
