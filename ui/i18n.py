"""Qt Linguist translations of the UI. Source strings are English; Danish is the default language.

The language applies at start-up (the choice is stored in the settings; changing it in the menu
takes effect on the next start). Texts produced by the core (empty-field reasons, strategy
explanations) come from ``fsiii_mapper.texts.catalog`` in the same language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fsiii_mapper import texts

LANGUAGES: dict[str, str] = {"da": "Dansk", "en": "English"}
I18N_DIR = Path(__file__).resolve().parent / "i18n"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the application's and Qt's own translator for ``lang``; returns them (keep refs)."""
    texts.set_language(lang)
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"fsiii_mapper_{lang}", str(I18N_DIR)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(lang), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(QLocale(lang))
    return installed
