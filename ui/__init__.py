"""fsiii-mapper desktop application (PySide6). Adapts the Qt-free core in ``fsiii_mapper``.

Modules: ``app`` (entry point), ``main_window``, ``table_model`` / ``commands`` / ``delegates`` /
``table_editor`` (the table editor with undo), ``validation_panel``, ``preview`` (side-by-side
report), ``diff_view``, ``catalog_browser``, ``fill_chart``, ``export`` (print / PDF / image),
``settings`` (declared once over QSettings), ``i18n`` (the language: our catalogue, Qt's own
translations).
"""
