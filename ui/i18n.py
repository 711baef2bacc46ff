"""The UI's language. Our texts come from the gettext catalogue (``fsiii_mapper.texts``), fixed for
the process at start-up; Qt's own dialogs and buttons (file dialogs, Ja/Nej) come from the Danish
translation that Qt ships. Danish is the default; the choice is stored in the settings and takes
effect on the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fsiii_mapper import texts

# Each language named in itself (endonyms: not translations of each other)
LANGUAGES: tuple[tuple[str, str], ...] = (("da", "Dansk"), ("en", "English"))


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Fix ``lang`` for our texts and install Qt's own translator; returns it (keep a reference)."""
    texts.set_language(lang)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in ("qtbase", "qt"):
        qt = QTranslator(app)
        if qt.load(QLocale(lang), catalogue, "_", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
            break
    QLocale.setDefault(QLocale(lang))
    return installed
