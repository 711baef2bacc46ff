"""Validation of a citizen file: findings with a rule id (``FC…``), file, line and column.

The rules are declared in ``fsiii_mapper.rules.declarations.citizen``. Findings have the shape of
a table's (``TableFinding``: a position and a hint), so every output that shows table findings
shows these too. A file that cannot be read at all raises ``InputError`` as every loader does.
"""

from __future__ import annotations

import difflib
import os
from typing import Any

from fsiii_mapper.io.documents import load_citizen
from fsiii_mapper.io.schema_errors import quoted
from fsiii_mapper.io.textfile import read_text
from fsiii_mapper.io.yamltree import parse_yaml_text, position
from fsiii_mapper.model import CatalogState
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
    states = [s for catalog in ws.catalogs.values() for s in catalog.states]

    def finding(rule_id: str, message: str, loc: tuple[Any, ...], hint: str = "") -> TableFinding:
        r = rule(rule_id)
        line, column = position(tree, loc)
        return TableFinding(
            r.id, r.severity, message, str(path), line, column, None, hint or r.hint_text(lang)
        )

    findings = []
    for i, cond in enumerate(citizen.conditions):
        where = t("condition {n}", lang, n=i + 1)
        state = _resolve(ws, cond.code)
        if state is None:
            guess = _suggestion(cond.code, states)
            hint = t("did you mean {code}?", lang, code=guess) if guess else ""
            message = t(
                "{where}: the code {code} is in no catalog",
                lang,
                where=where,
                code=quoted(cond.code),
            )
            findings.append(finding("FC002", message, ("conditions", i, "code"), hint))
        elif cond.level is not None and not state.carries_level:
            message = t(
                "{where}: {display} ({key}) is a helbredstilstand and has no level",
                lang,
                where=where,
                display=state.display,
                key=state.key,
            )
            findings.append(finding("FC003", message, ("conditions", i, "level")))
    known = {a.key for catalog in ws.catalogs.values() for a in catalog.areas}
    for i, note in enumerate(citizen.area_notes):
        if note.area in known:
            continue
        message = t(
            "area note {n}: the area {area} is no FSIII area", lang, n=i + 1, area=quoted(note.area)
        )
        findings.append(finding("FC001", message, ("area_notes", i, "area")))
    return sorted(findings, key=lambda f: (f.line or 0, f.column or 0))


def _resolve(ws: Workspace, code: str) -> CatalogState | None:
    for catalog in ws.catalogs.values():
        state = catalog.resolve(code)
        if state is not None:
            return state
    return None


def _suggestion(code: str, states: list[CatalogState]) -> str | None:
    """The key of the state ``code`` was most likely meant to be: a close key, or the key of a
    state whose display name was written instead of its key."""
    by_display = {s.display.casefold(): s.key for s in states}
    if code.casefold() in by_display:
        return by_display[code.casefold()]
    keys = sorted({s.key for s in states})
    lookalike = code.replace(",", ".").replace("l", "1").replace("O", "0").replace("o", "0")
    if lookalike in keys:  # J2.l, J2,1, I1O.1: a key typed with a look-alike character
        return lookalike
    close = difflib.get_close_matches(code, keys, n=1, cutoff=0.6)
    if close:
        return close[0]
    near = difflib.get_close_matches(code.casefold(), list(by_display), n=1, cutoff=0.75)
    return by_display[near[0]] if near else None
