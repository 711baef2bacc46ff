"""Every setting of the application, declared once: key, type, default, title, schema version.

Stored through ``QSettings`` (organisation "fsiii-mapper"). ``SCHEMA_VERSION`` is written with the
settings so that a later release can migrate what an older one stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from fsiii_mapper.texts import N_, t

SCHEMA_VERSION = 1
ORGANISATION = "fsiii-mapper"
APPLICATION = "fsiii-mapper"
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    title: Any  # a msgid marked with N_; translated when shown

    def display_title(self) -> str:
        return t(str(self.title))


def default_author() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return ""


LANGUAGE = Setting("ui/language", str, "da", N_("Language"))
AUTHOR = Setting(
    "edit/author",
    str,
    "",
    N_("Author of edits (empty: the operating system user)"),
)
RECENT_FILES = Setting("files/recent", list, [], N_("Recent files"))
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), N_("Window geometry"))
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), N_("Window layout"))
DOCKS_SHOWN = Setting(
    "window/docks", str, "history,validation", N_("Panels shown beside the table editors")
)
WORKSPACE_DIR = Setting(
    "files/workspace", str, "", N_("Your folder for copies of the shipped tables")
)
OPEN_TABLES = Setting(
    "files/tables", list, [], N_("Your tables opened at start (slot=path, one per table slot)")
)
VENDOR_RULE = Setting("preview/vendor", str, "cura", N_("Vendor rule in the preview"))

ALL: tuple[Setting, ...] = (
    LANGUAGE,
    AUTHOR,
    RECENT_FILES,
    GEOMETRY,
    WINDOW_STATE,
    DOCKS_SHOWN,
    WORKSPACE_DIR,
    OPEN_TABLES,
    VENDOR_RULE,
)


class Settings:
    """Typed access to the declared settings over one ``QSettings`` store."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION, APPLICATION)
        self._migrate()

    def _migrate(self) -> None:
        stored = self.store.value("schema_version", 0)
        try:
            version = int(str(stored))
        except (TypeError, ValueError):
            version = 0
        # Version 0 → 1: nothing to convert (first release); later migrations go here.
        if version != SCHEMA_VERSION:
            self.store.setValue("schema_version", SCHEMA_VERSION)

    def get(self, s: Setting) -> Any:
        value = self.store.value(s.key, s.default)
        if value is None:
            return s.default
        if s.type is list:
            if isinstance(value, str):
                return [value] if value else []
            return [str(v) for v in value] if isinstance(value, list | tuple) else []
        if s.type is str:
            return str(value)
        if s.type is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        return value

    def set(self, s: Setting, value: Any) -> None:
        self.store.setValue(s.key, value)

    def author(self) -> str:
        return str(self.get(AUTHOR)) or default_author()

    def add_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get(RECENT_FILES) if p != path]
        recent.insert(0, path)
        recent = recent[:MAX_RECENT]
        self.set(RECENT_FILES, recent)
        return recent
