"""Errors every layer shows to the user."""

from __future__ import annotations

import os

from fsiii_mapper.texts import t


class InputError(Exception):
    """Bad user input: names the file and, where known, line and column (1-based)."""

    def __init__(
        self,
        message: str,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str = "",
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(self.location_text() + message + (f" — {hint}" if hint else ""))

    def location_text(self) -> str:
        if self.path is None:
            return ""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where + ": "


def read_problem(exc: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read, in words (the system's reason, never a Python repr)."""
    if isinstance(exc, UnicodeDecodeError):
        return t("the file is not valid UTF-8")
    return exc.strerror or t("the system gives no reason")
