"""What a YAML file the user opens is — a mapping table, a citizen or a catalog — told by its
top-level keys, so that a broken file gets the error of what it is meant to be."""

from __future__ import annotations

import re
from pathlib import Path

TABLE, CITIZEN, CATALOG = "table", "citizen", "catalog"
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)
_HEAD_BYTES = 200_000  # the top-level keys of every kind come early


def file_kind(path: str | Path) -> str | None:
    """``table``, ``citizen``, ``catalog``, or None when the keys do not tell."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    keys = set(_TOP_KEY.findall(head))
    if keys & {"table", "rows"}:
        return TABLE
    if keys & {"code_system", "states"}:
        return CATALOG
    if keys & {"conditions", "identifier", "area_notes"}:
        return CITIZEN
    return None
