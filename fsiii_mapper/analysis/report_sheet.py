"""The report sheet: a citizen's Indlæggelsesrapport under chosen columns (strategies), side by
side — all 7 function items and 12 problem areas, every empty field with its reason, a legend.

One renderer for screen, paper and files: HTML that a browser shows, and that the GUI and the
``preview --format pdf|png`` command lay out with Qt's rich text (a conservative subset: tables
with ``bgcolor``/``cellpadding`` attributes, no CSS layout). One page per citizen.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field

from fsiii_mapper.engine.lost import OLD_TABLE, lost_in_report
from fsiii_mapper.engine.populate import STRATEGIES, Engine
from fsiii_mapper.engine.report import AreaEntry, FieldResult, FunctionValue, Report, Unused
from fsiii_mapper.errors import InputError
from fsiii_mapper.model import Citizen
from fsiii_mapper.model.layout import ReportLayout
from fsiii_mapper.texts import reasons as words
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import Workspace

# The state of a cell, its colour and its mark (never colour alone).
FILLED, EMPTY, LOST = "filled", "empty", "lost"
COLOURS = {FILLED: "#e6f4ea", EMPTY: "#fff1c2", LOST: "#f9d3d0"}
MARKS = {FILLED: "✔", EMPTY: "⚠", LOST: "✖"}
HEAD_COLOUR = "#dde3ea"


@dataclass(frozen=True)
class LostState:
    """A citizen's state that filled a field under the old table, and what became of it in the
    simplified FSIII (the crosswalk's successors, and whether the simplified table lets one of
    them fill the field)."""

    display: str
    key: str
    level: int | None
    successors: tuple[str, ...]  # display names in the simplified catalog
    successor_fills: bool


def lost_states(ws: Workspace, old: Report, code: str) -> tuple[LostState, ...]:
    """The states that fill field ``code`` in the old table's report ``old``."""
    catalog = ws.catalogs.get("simplified")
    table = ws.tables.get("simplified")
    out = []
    for v in old.field(code).contributions:
        if not v.display:  # an area note: no state to name
            continue
        keys = ws.crosswalk.successors(v.source)
        states = [catalog.resolve(k) if catalog is not None else None for k in keys]
        names = tuple(s.display if s is not None else k for s, k in zip(states, keys, strict=True))
        idents = {k for k in keys} | {s.uuid or s.key for s in states if s is not None}
        fills = table is not None and any(
            r.maps and r.target == code and r.source in idents for r in table.table.rows
        )
        level = v.level if isinstance(v, FunctionValue) else None
        out.append(LostState(v.display, v.source, level, names, fills))
    return tuple(out)


def unused_state_line(
    ws: Workspace, citizen: Citizen | None, u: Unused, lang: str | None = None
) -> str:
    """A state left out of the report, named as a nurse knows it (display name, key, level) and
    what became of it in the simplified FSIII: the same words in the GUI and the CLI."""
    level = next(
        (c.level for c in (citizen.conditions if citizen else []) if c.code == u.code), None
    )
    state = next(
        (st for cat in ws.catalogs.values() if (st := cat.resolve(u.code)) is not None), None
    )
    if state is None:
        return words.unused_state_text(u.code, u.status, u.reason, [], lang)
    name = words.state_with_level(state.display, u.code, level, lang)
    simplified = ws.catalogs.get("simplified")
    successors = (
        [
            found.display if (found := simplified.resolve(k)) is not None else k
            for k in ws.crosswalk.successors(state.key)
        ]
        if simplified is not None and u.reason.code == "not-in-catalog"
        else []
    )
    return words.unused_state_text(name, u.status, u.reason, successors, lang)


@dataclass(frozen=True)
class SheetPage:
    """One citizen under the chosen columns; ``lost`` per column: fields the old table fills;
    ``lost_states`` per field: the states that filled it under the old table."""

    citizen: Citizen
    columns: tuple[str, ...]
    reports: dict[str, Report]
    lost: dict[str, frozenset[str]]
    lost_states: dict[str, tuple[LostState, ...]] = field(default_factory=dict)

    def state(self, column: str, fr: FieldResult) -> str:
        if not fr.is_empty:
            return FILLED
        return LOST if fr.code in self.lost.get(column, frozenset()) else EMPTY


def column_ids(ws: Workspace) -> list[str]:
    """What a column of the sheet can be: a strategy, or any table of the workspace (under the
    strategy of its catalog, e.g. ``simplified-b`` beside ``simplified`` for readings A and B)."""
    return [*STRATEGIES, *(tid for tid in ws.table_ids() if tid not in STRATEGIES)]


class Columns:
    """Reports per column: a strategy through ``engine``, or a table of the workspace in the slot
    of its catalog (one engine per such table, made when first asked)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._tables: dict[str, tuple[Engine, str]] = {}  # table id → its engine and slot

    def check(self, columns: Sequence[str]) -> None:
        """``InputError`` naming every column that is neither a strategy nor a table."""
        known = column_ids(self.engine.ws)
        unknown = [c for c in columns if c not in known]
        if unknown or not columns:
            raise InputError(
                t("unknown column: {names}", names=", ".join(unknown) or "–"),
                hint=t("choose from {names}", names=", ".join(known)),
            )

    def populate(self, citizen: Citizen, column: str) -> Report:
        if column in STRATEGIES:
            return self.engine.populate(citizen, column)
        if column not in self._tables:
            self.check([column])
            doc = self.engine.ws.open_table(column)
            slot = doc.table.table.catalog
            self._tables[column] = (Engine(self.engine.ws.with_table(doc, slot)), slot)
        engine, slot = self._tables[column]
        return engine.populate(citizen, slot)

    def forget(self) -> None:
        """Drop the tables' engines (after the workspace's tables changed)."""
        self._tables.clear()


def sheet_page(
    engine: Engine, citizen: Citizen, columns: Sequence[str], reports_of: Columns | None = None
) -> SheetPage:
    of = reports_of or Columns(engine)
    reports = {c: of.populate(citizen, c) for c in columns}
    old = reports.get(OLD_TABLE) or engine.populate(citizen, OLD_TABLE)
    lost = {c: lost_in_report(r, old) for c, r in reports.items()}
    states = {code: lost_states(engine.ws, old, code) for code in set().union(*lost.values())}
    return SheetPage(citizen, tuple(columns), reports, lost, states)


# --- cell words (shared with the GUI's preview) --------------------------------------------------


def value_lines(fr: FieldResult, lang: str | None = None) -> list[str]:
    """What a filled field says: score and level, or the state and its note; then its flags."""
    lines = []
    for v in fr.contributions:
        if isinstance(v, FunctionValue):
            word = v.score or words.no_score_word(lang)
            level = "–" if v.level is None else str(v.level)
            lines.append(t("{score} (level {level})", lang, score=word, level=level))
        elif isinstance(v, AreaEntry):
            shown = words.display(v, lang)
            lines.append(f"{shown}: {v.note}" if v.note else shown)
    lines += ["⚠ " + words.flag_text(flag, lang) for flag in fr.flags]
    return lines


def empty_lines(
    fr: FieldResult, lost: bool, lang: str | None = None, states: Sequence[LostState] = ()
) -> tuple[str, str]:
    """(mark, reason) of an empty field: ``TOM – tabt efter forenklingen`` and why — for a lost
    field told from the citizen's states that filled it under the old table."""
    mark = words.empty_mark(fr.empty_reason, lost, lang)
    reason = words.empty_reason(fr.empty_reason, lang) if fr.empty_reason else ""
    if lost and states:
        return mark, " ".join(words.lost_reason(s, fr.code, lang) for s in states)
    if lost:
        reason = (reason + " " if reason else "") + t(
            "Filled under the old table, empty here.", lang
        )
    return mark, reason


def legend(lang: str | None = None) -> str:
    return t(
        "Green ✔ filled · amber ⚠ EMPTY · red ✖ EMPTY – lost after the simplification "
        "(filled under the old table)",
        lang,
    )


# --- HTML --------------------------------------------------------------------------------------


def page_html(page: SheetPage, layout: ReportLayout, lang: str | None = None) -> str:
    """One citizen's sheet as an HTML fragment (a heading, the table, the legend)."""
    e = html.escape
    c = page.citizen
    out = [f"<h2>{e(c.name or c.id)} ({e(c.id)})</h2>"]
    if c.description:
        out.append(f"<p>{e(c.description)}</p>")
    counts = []
    for col in page.columns:
        rep = page.reports[col]
        n = len(rep.fields) - len(rep.filled())
        counts.append(f"{e(words.column_name(col, lang))}: {n}")
    out.append(f"<p><b>{e(t('Empty fields', lang))}</b>: {' · '.join(counts)}</p>")
    width = 100 // (len(page.columns) + 1)
    out.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    out.append(f'<tr bgcolor="{HEAD_COLOUR}"><th align="left" width="{width}%">')
    out.append(e(t("Report field", lang)) + "</th>")
    for col in page.columns:
        out.append(f'<th align="left">{e(words.column_name(col, lang))}</th>')
    out.append("</tr>")
    groups = (
        ("function_item", [f.id for f in layout.function_items]),
        ("problem_area", [a.id for a in layout.problem_areas]),
    )
    span = len(page.columns) + 1
    for kind, codes in groups:
        out.append(
            f'<tr bgcolor="{HEAD_COLOUR}"><td colspan="{span}"><b>'
            f"{e(words.heading(kind, lang))}</b></td></tr>"
        )
        for code in codes:
            out.append(f"<tr><td>{e(code)} {e(layout.label_of(code))}</td>")
            for col in page.columns:
                out.append(_cell(page, col, page.reports[col].field(code), lang))
            out.append("</tr>")
    out.append("</table>")
    out.append("<p>")
    for col in page.columns:
        reason = words.strategy_reason(page.reports[col].strategy_reason, lang)
        out.append(f"<b>{e(words.column_name(col, lang))}</b>: {e(reason)}<br>")
    out.append(f"<small>{e(legend(lang))}</small></p>")
    return "".join(out)


def _cell(page: SheetPage, column: str, fr: FieldResult, lang: str | None) -> str:
    e = html.escape
    state = page.state(column, fr)
    head = f'<td bgcolor="{COLOURS[state]}">{MARKS[state]} '
    if state == FILLED:
        return head + "<br>".join(e(line) for line in value_lines(fr, lang)) + "</td>"
    mark, reason = empty_lines(fr, state == LOST, lang, page.lost_states.get(fr.code, ()))
    return head + f"<b>{e(mark)}</b><br><small>{e(reason)}</small></td>"


def sheet_html(pages: Sequence[SheetPage], layout: ReportLayout, lang: str | None = None) -> str:
    """A whole HTML document: one page per citizen (a page break between them when printed)."""
    title = html.escape(t("Admission report: side by side", lang))
    body = []
    for i, page in enumerate(pages):
        brk = ' style="page-break-before: always"' if i else ""
        body.append(f"<div{brk}>{page_html(page, layout, lang)}</div>")
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang or "da")}"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        "<style>body{font-family:sans-serif;font-size:10pt} td,th{vertical-align:top}</style>"
        f"</head><body>{''.join(body)}</body></html>\n"
    )
