"""Words for the engine's codes: empty-field reasons, unused-state reasons, strategy reasons,
flags, strategy and table names, and the report's headings. The one place they are phrased.

The CLI's text and JSON output, the GUI preview and fill chart, the guide and the conformance
renderer all take their words from here, in the language asked for (``lang=None``: the process
default). The engine hands over codes with parameters (``fsiii_mapper.engine.report.Reason``);
this module knows each code's parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from fsiii_mapper.texts import N_, nt, t
from fsiii_mapper.texts.labels import STRATEGY_LABELS, label

Param = str | tuple[str, ...]


class Coded(Protocol):
    """A reason as the engine gives it: a code and its parameters."""

    @property
    def code(self) -> str: ...
    @property
    def params(self) -> Mapping[str, Param]: ...


class AreaLine(Protocol):
    """A problem-area entry, as far as its text goes."""

    @property
    def note(self) -> str: ...
    @property
    def level(self) -> int | None: ...
    @property
    def score(self) -> str | None: ...
    @property
    def carries_level(self) -> bool: ...


class Shown(Protocol):
    """A contribution to a field, as far as its name goes."""

    @property
    def display(self) -> str: ...
    @property
    def uuid(self) -> str | None: ...


_TABLE_NAMES = {"original": N_("the old table"), "simplified": N_("the simplified table")}
_STRATEGY_REASONS = {
    "original": N_("Old table over active states"),
    "simplified": N_("Simplified table over active states"),
    "cura.simplified-state": N_(
        "Cura: the citizen has the active state {display} ({code}), documented in the simplified "
        "states – the simplified table is used"
    ),
    "cura.area-note": N_(
        "Cura: the citizen has active area documentation ({area}) – the simplified table is used"
    ),
    "cura.old-only": N_("Cura: the citizen only has data in old states – the old table is used"),
    "cura.no-data": N_(
        "Cura: the citizen has no active state and no active area documentation – there is "
        "nothing to send (the old table is shown)"
    ),
    "nexus": N_(
        "Nexus: new states in status draft and active through the simplified table, old states "
        "in status active through the old table"
    ),
}
_EMPTY = {
    "no-row": N_("No row in {tables} targets {field}"),
    "no-data": N_("The citizen has no data for this field's sources ({sources})"),
    "level-9": N_("{source}: level 9 – not relevant, left out"),
}
_EMPTY_SHORT = {
    "no-row": N_("EMPTY – no row fills it"),
    "no-data": N_("EMPTY – no data"),
    "level-9": N_("level 9 – not relevant, left out"),
}
_UNUSED = {
    "inaktiv": N_("inactive never contributes"),
    "unknown-code": N_("the code is in no catalog"),
    "status": N_("status {status} is not used by this rule"),
    "not-in-catalog": N_("the code is not in the catalog of {table}"),
    "no-map": N_("{table} deliberately does not map this state (no-map)"),
    "no-row": N_("{table} has no row for this state"),
    "area-notes-off": N_(
        "{rule}: does not send area documentation (vendor_rules.yaml; assumed until the vendor "
        "says otherwise)"
    ),
    "area-notes-old-table": N_(
        "area documentation belongs to the simplified documentation; the old table never sends it"
    ),
    "area-no-field": N_("area {area} has no field in the report"),
    "unknown-area": N_("area {area} is no FSIII area – check the citizen file"),
    "level-9": N_("level 9 – not relevant, left out (the report layout's level_9: omit)"),
    "nexus.old-draft": N_(
        "a draft in the old states – Nexus sends old states only in status active"
    ),
    "documented-in": N_(
        "documented in the old states – Cura's simplified table maps only data documented in "
        "the simplified states"
    ),
}
_FLAGS = {
    "duplicate": N_("The field is filled more than once"),
    "conflict": N_("Conflicting levels"),
    "collapse-status": N_(
        "The report carries one element: only the values of the status that ranks first are "
        "sent (vendor_rules.yaml: collapse)"
    ),
    "collapse-choice": N_(
        "The report carries one element: any of the values of the status that ranks first is "
        "allowed (vendor_rules.yaml: collapse)"
    ),
    "same-need-twice": N_("The same need appears twice (an old state and its successor)"),
    "no-score-word": N_("The level has no score word in the report layout"),
    "missing-level": N_("The function state has no level"),
}
_GROUP_NAMES = {  # the old name and kl-term 2.x's name of each FSIII group, both shown
    "funktionsevne": N_("function states / municipal care states (kl-term 2.x)"),
    "helbred": N_("health states / municipal nursing states (kl-term 2.x)"),
}
_HEADINGS = {"function_item": N_("Function ability"), "problem_area": N_("Nursing problem areas")}


def _say(table: Mapping[str, str], key: str, lang: str | None, /, **params: object) -> str:
    msgid = table.get(key)
    return t(msgid, lang, **params) if msgid is not None else key


def strategy_name(code: str, lang: str | None = None) -> str:
    """``Old table`` / ``Cura rule`` …: a strategy as a column or choice is labelled."""
    return label(STRATEGY_LABELS, code, lang)


def column_name(column: str, lang: str | None = None) -> str:
    """A column of the side-by-side report: a strategy's name, or »Tabel simplified-b« for a
    table of the workspace shown under its catalog's strategy."""
    if column in STRATEGY_LABELS:
        return strategy_name(column, lang)
    return t("Table {table}", lang, table=column)


def table_name(slot: str, lang: str | None = None) -> str:
    """``the old table`` …: a table slot in running text (the slot itself if unknown)."""
    return _say(_TABLE_NAMES, slot, lang)


def strategy_reason(reason: Coded, lang: str | None = None) -> str:
    """The strategy's reason; where it rests on an assumed place of documentation (DOMAIN.md §5),
    a second sentence names those states, display name first and key second."""
    params = {k: v for k, v in reason.params.items() if not k.startswith("assumed")}
    text = _say(_STRATEGY_REASONS, reason.code, lang, **params)
    keys = _seq(reason.params.get("assumed"))
    if not keys:
        return text
    names = _seq(reason.params.get("assumed_display"))
    states = ", ".join(f"{name} ({key})" for name, key in zip(names, keys, strict=True))
    n = len(keys)
    if reason.code.startswith("cura"):
        rest = nt(
            "Assumed: where {states} was documented is not stated; a state in both catalogs "
            "does not switch Cura's table and, once switched, goes through the simplified "
            "table",
            "Assumed: where {states} were documented is not stated; a state in both catalogs "
            "does not switch Cura's table and, once switched, goes through the simplified "
            "table",
            n,
            lang,
            states=states,
        )
    else:
        rest = nt(
            "Assumed: where {states} was documented is not stated; a state in both catalogs goes "
            "to the simplified table as draft and to the old table as active",
            "Assumed: where {states} were documented is not stated; a state in both catalogs "
            "goes to the simplified table as draft and to the old table as active",
            n,
            lang,
            states=states,
        )
    return f"{text}. {rest}"


def empty_reason(reason: Coded, lang: str | None = None) -> str:
    """Why a field is empty, in full (tooltips, detail pane, CLI text)."""
    p = reason.params
    if reason.code == "no-row":
        tables = " / ".join(table_name(s, lang) for s in _seq(p.get("tables")))
        return _say(_EMPTY, "no-row", lang, tables=tables, field=p.get("field", ""))
    if reason.code == "no-data":
        return _say(_EMPTY, "no-data", lang, sources=short_list(_seq(p.get("sources"))))
    if reason.code == "level-9":
        return _say(_EMPTY, "level-9", lang, source=p.get("source", ""))
    return reason.code


def empty_mark(reason: Coded | None, lost: bool = False, lang: str | None = None) -> str:
    """The short mark of an empty field in a cell: ``EMPTY – no data`` …"""
    if lost:
        return t("EMPTY – lost after the simplification", lang)
    if reason is not None and reason.code in _EMPTY_SHORT:
        return _say(_EMPTY_SHORT, reason.code, lang)
    return empty_word(lang)


def empty_word(lang: str | None = None) -> str:
    return t("EMPTY", lang)


def lost_note(lang: str | None = None) -> str:
    return t("lost after the simplification", lang)


def unused_reason(reason: Coded, lang: str | None = None) -> str:
    """Why a documented state (or area note) does not reach the report."""
    params = dict(reason.params)
    if "table" in params:
        params["table"] = table_name(str(params["table"]), lang)
    if "rule" in params:
        params["rule"] = strategy_name(str(params["rule"]), lang)
    return _say(_UNUSED, reason.code, lang, **params)


def flag_text(code: str, lang: str | None = None) -> str:
    return _say(_FLAGS, code, lang)


def heading(kind: str, lang: str | None = None) -> str:
    """The heading of the function items (``function_item``) or the problem areas."""
    return _say(_HEADINGS, kind, lang)


def unused_heading(lang: str | None = None) -> str:
    return t("Not in the report", lang)


def group_name(group: str, lang: str | None = None) -> str:
    """An FSIII group by both its names: »funktionsevnetilstande / kommunale pleje- og
    omsorgstilstande (kl-term 2.x)«."""
    return _say(_GROUP_NAMES, group, lang)


def no_score_word(lang: str | None = None) -> str:
    return t("(no score word)", lang)


def not_sent(lang: str | None = None) -> str:
    """A function item's contribution the rule's collapse keeps out of the one element."""
    return t("not sent: another status ranks first", lang)


def area_note_label(lang: str | None = None) -> str:
    return t("Area documentation", lang)


def area_level_text(level: int | None, score: str | None, lang: str | None = None) -> str:
    """A function state's level as text in a problem area: »svære begrænsninger (niveau 3)«."""
    if level is None:
        return t("no level", lang)
    if level == 9:
        return t("not relevant (level 9)", lang)
    if not score:
        return t("level {level}", lang, level=level)
    return t("{score} limitations (level {level})", lang, score=score, level=level)


def area_entry_text(entry: AreaLine, lang: str | None = None) -> str:
    """What a problem area says for one entry: the state's level (if it has one), then the note."""
    parts = []
    if entry.carries_level:
        parts.append(area_level_text(entry.level, entry.score, lang))
    if entry.note.strip():
        parts.append(entry.note.strip())
    return " – ".join(parts)


def display(entry: Shown, lang: str | None = None) -> str:
    """The name a contribution is shown with: the state's display, or the area-note label."""
    if entry.uuid is None and not entry.display:  # the engine leaves an area note unnamed
        return area_note_label(lang)
    return entry.display


class LostState(Protocol):
    """A state that filled a field under the old table, and what became of it."""

    @property
    def display(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def level(self) -> int | None: ...
    @property
    def successors(self) -> tuple[str, ...]: ...
    @property
    def successor_fills(self) -> bool: ...


def state_with_level(display: str, key: str, level: int | None, lang: str | None = None) -> str:
    """A citizen's state as a nurse knows it: »Vaske sig (J1.1, niveau 2)«, display name first."""
    if level is None:
        return t("{display} ({key})", lang, display=display, key=key)
    return t("{display} ({key}, level {level})", lang, display=display, key=key, level=level)


def lost_reason(state: LostState, field: str, lang: str | None = None) -> str:
    """Why a field the old table filled is empty now, told from the citizen's state: »Vaske sig
    (J1.1, niveau 2) udfyldte feltet under den gamle tabel. I det forenklede FSIII er den lagt
    sammen i Personlig pleje, som ikke udfylder FA510.«"""
    who = state_with_level(state.display, state.key, state.level, lang)
    first = t("{state} filled the field under the old table.", lang, state=who)
    names = " / ".join(state.successors)
    if not state.successors:
        then = t("It has no successor in the simplified FSIII.", lang)
    elif state.successor_fills:
        then = t(
            "In the simplified FSIII it is {successors}, which fills {field} – but the citizen "
            "is not documented in it.",
            lang,
            successors=names,
            field=field,
        )
    elif len(state.successors) == 1:
        then = t(
            "In the simplified FSIII it is merged into {successor}, which does not fill {field}.",
            lang,
            successor=names,
            field=field,
        )
    else:
        then = t(
            "In the simplified FSIII it is split into {successors}, none of which fills {field}.",
            lang,
            successors=names,
            field=field,
        )
    return f"{first} {then}"


def unused_state_text(
    name: str, status: str, reason: Coded, successors: Sequence[str], lang: str | None = None
) -> str:
    """A documented state that does not reach the report, named first (``name``, e.g. from
    ``state_with_level``): »Vaske sig (J1.1, niveau 2), aktiv: koden findes ikke i den
    forenklede tabels katalog. I det forenklede FSIII: Personlig pleje.«"""
    text = f"{name}, {status}: {unused_reason(reason, lang)}"
    if successors:
        text += ". " + t(
            "In the simplified FSIII: {successors}.", lang, successors=" / ".join(successors)
        )
    return text


def short_list(codes: Sequence[str], most: int = 4) -> str:
    unique = list(dict.fromkeys(codes))
    if len(unique) <= most:
        return ", ".join(unique)
    return ", ".join(unique[:most]) + f", … (+{len(unique) - most})"


def _seq(value: Param | None) -> Sequence[str]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


class ReportWords:
    """The words of one language for ``Report.to_json`` (its ``Messages``)."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    def empty(self, reason: Coded) -> str:
        return empty_reason(reason, self.lang)

    def unused(self, reason: Coded) -> str:
        return unused_reason(reason, self.lang)

    def strategy(self, reason: Coded) -> str:
        return strategy_reason(reason, self.lang)

    def flag(self, code: str) -> str:
        return flag_text(code, self.lang)

    def display(self, entry: Shown) -> str:
        return display(entry, self.lang)
