"""Validation of a citizen file: findings with a rule id (``FC…``), file, line and column.

The rules are declared in ``fsiii_mapper.rules.declarations.citizen``. Findings have the shape of
a table's (``TableFinding``: a position and a hint), so every output that shows table findings
shows these too. A file that cannot be read at all raises ``InputError`` as every loader does.
"""

from __future__ import annotations

import os

from fsiii_mapper.io.documents import load_citizen
from fsiii_mapper.io.yamltree import parse_yaml_text, position, read_text
from fsiii_mapper.rules.registry import rule
from fsiii_mapper.rules.table_rules import TableFinding
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import Workspace


def validate_citizen_path(
    path: str | os.PathLike[str], ws: Workspace, lang: str | None = None
) -> list[TableFinding]:
    """Every finding for the citizen file at ``path``, in file order; messages in ``lang``."""
    citizen = load_citizen(path)
    text, p = read_text(path)
    tree = parse_yaml_text(text, p)
    known = {a.key for catalog in ws.catalogs.values() for a in catalog.areas}
    findings = []
    for i, note in enumerate(citizen.area_notes):
        if note.area in known:
            continue
        line, column = position(tree, ("area_notes", i, "area"))
        fc = rule("FC001")
        message = t("area note {n}: area {area!r} is no FSIII area", lang, n=i + 1, area=note.area)
        findings.append(
            TableFinding(
                fc.id, fc.severity, message, str(path), line, column, None, fc.hint_text(lang)
            )
        )
    return findings
