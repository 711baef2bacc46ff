"""Reading a text file the way every data file is read: UTF-8, errors in the user's words."""

from __future__ import annotations

import os
from pathlib import Path

from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import t


def read_text(path: str | os.PathLike[str]) -> tuple[str, Path]:
    """The file's text and its path; ``InputError`` (with the line of a bad byte) if it cannot
    be read or is not UTF-8."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(t("file not found"), p) from None
    except OSError as exc:
        raise InputError(t("cannot read the file: {reason}", reason=exc.strerror), p) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            t("the file is not valid UTF-8"), p, line, None, t("save the file as UTF-8")
        ) from None
    return text, p
