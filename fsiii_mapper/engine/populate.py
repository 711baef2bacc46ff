"""The preview engine: how a citizen's FSIII documentation fills the Indlæggelsesrapport.

``Engine.populate(citizen, strategy)`` returns a ``Report`` (``report.py``): for every function
item and problem area of the report layout, the contributions that fill it, or the code of why it
is empty; the states that reach no field, with a code each; the strategy's reason as a code. The
strategies themselves are modules under ``strategies/``. The engine says no words: those come from
``fsiii_mapper.texts.reasons``.

One engine per workspace (``engine_for``): it caches the tables' indexes, and an edit drops only
the caches of the table slot it touched (``invalidate(slot)``). ``inaktiv`` states never
contribute.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from fsiii_mapper.engine.report import (
    AREA_NOTE_SOURCE,
    AreaEntry,
    FieldResult,
    FunctionValue,
    Reason,
    Report,
    Unused,
)
from fsiii_mapper.engine.routing import Lookup, Planner, Resolve, Route
from fsiii_mapper.engine.strategies import PLANNERS, STRATEGIES
from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.model import (
    Catalog,
    CatalogState,
    Citizen,
    CitizenCondition,
    ReportLayout,
    RuleSettings,
)
from fsiii_mapper.workspace import Workspace

__all__ = ["STRATEGIES", "Engine", "engine_for", "populate"]


@dataclass
class _Prepared:
    """A table indexed for lookups: state identity → (target, relationship) rows."""

    slot: str
    doc: TableDocument
    catalog: Catalog
    rows: dict[str, list[tuple[str | None, str]]]
    targets: dict[str, list[str]]  # field → source keys of rows that target it

    @property
    def id(self) -> str:
        return self.doc.table.id


@dataclass
class _Pass:
    prepared: _Prepared
    conditions: list[tuple[CitizenCondition, CatalogState]]
    note_statuses: frozenset[str]


class Engine:
    """Populates reports from a workspace; table indexes are cached until ``invalidate``."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace
        self._prepared: dict[str, _Prepared] = {}
        self._empty: dict[tuple[str, tuple[str, ...]], Reason] = {}
        self._successors: dict[str, list[str]] | None = None
        self._codes: dict[str, Resolve] = {}
        self._lookup: Lookup | None = None
        self._kinds_of: tuple[ReportLayout, dict[str, str]] | None = None

    def invalidate(self, slot: str | None = None) -> None:
        """Forget what was derived from the table in ``slot`` (after an edit of it); with None,
        everything derived from the tables, catalogs and crosswalk."""
        if slot is None:
            self._prepared.clear()
            self._empty.clear()
            self._codes.clear()
            self._lookup = None
            self._successors = None
            return
        self._prepared.pop(slot, None)
        for key in [k for k in self._empty if slot in k[1]]:
            del self._empty[key]

    # --- indexes --------------------------------------------------------------------------------

    def _resolver(self, catalog_id: str) -> Resolve:
        """A plain-dict lookup by key or UUID (the hot path; same rules as Catalog.resolve)."""
        resolve = self._codes.get(catalog_id)
        if resolve is None:
            index: dict[str, CatalogState] = {}
            for st in self.ws.catalogs[catalog_id].states:
                index[st.key] = st
                if st.uuid:
                    index[st.uuid.lower()] = st
            get = index.get

            def resolve(code: str) -> CatalogState | None:
                return get(code) or get(code.lower())

            self._codes[catalog_id] = resolve
        return resolve

    def _find(self) -> Lookup:
        if self._lookup is None:
            self._lookup = Lookup(self._resolver("original"), self._resolver("simplified"))
        return self._lookup

    def _prepare(self, slot: str) -> _Prepared:
        cached = self._prepared.get(slot)
        doc = self.ws.tables[slot]
        if cached is not None:
            if cached.doc is doc:
                return cached
            self.invalidate(slot)  # the slot holds another document now
        catalog = self.ws.catalogs[doc.table.table.catalog]
        rows: dict[str, list[tuple[str | None, str]]] = {}
        targets: dict[str, list[str]] = {}
        for row in doc.table.rows:
            st = catalog.resolve(row.source)
            ident = st.ident if st is not None else row.source
            rows.setdefault(ident, []).append((row.target, row.relationship))
            if row.maps and row.target:
                targets.setdefault(row.target, []).append(st.key if st else row.source)
        prepared = _Prepared(slot, doc, catalog, rows, targets)
        self._prepared[slot] = prepared
        return prepared

    def sources(self, slot: str) -> dict[str, list[str]]:
        """Report field → the source keys of the rows in ``slot``'s table that fill it."""
        return self._prepare(slot).targets

    # --- routing ------------------------------------------------------------------------------

    def _live(self, citizen: Citizen, unused: list[Unused]) -> list[CitizenCondition]:
        find = self._find()
        live = []
        for cond in citizen.conditions:
            if cond.status == "inaktiv":
                unused.append(Unused(cond.code, cond.status, _INAKTIV))
            elif find.simplified(cond.code) is None and find.original(cond.code) is None:
                unused.append(Unused(cond.code, cond.status, _UNKNOWN))
            else:
                live.append(cond)
        return live

    def _take(self, route: Route, unused: list[Unused]) -> _Pass:
        prep = self._prepare(route.slot)
        resolve = self._resolver(prep.catalog.id)
        statuses = route.statuses
        picked = []
        for cond in route.conditions:
            if cond.status not in statuses:
                unused.append(
                    Unused(cond.code, cond.status, Reason("status", {"status": cond.status}))
                )
                continue
            st = resolve(cond.code)
            if st is None:
                reason = Reason("not-in-catalog", {"table": route.slot})
                unused.append(Unused(cond.code, cond.status, reason))
                continue
            picked.append((cond, st))
        return _Pass(prep, picked, statuses)

    # --- populate -------------------------------------------------------------------------------

    def populate(self, citizen: Citizen, strategy: str) -> Report:
        planner = _planner(strategy)
        layout = self.ws.layout
        unused: list[Unused] = []
        fields: dict[str, FieldResult] = {}
        for f in layout.function_items:
            fields[f.id] = FieldResult(f.id, f.label, "function_item")
        for a in layout.problem_areas:
            fields[a.id] = FieldResult(a.id, a.label, "problem_area")
        areas = {a.id for a in layout.problem_areas}
        notes = [n for n in citizen.area_notes if n.area in areas]
        plan = planner(citizen, self._live(citizen, unused), self._find(), notes)
        for cond, reason in plan.left_out:
            unused.append(Unused(cond.code, cond.status, reason))
        passes = [self._take(route, unused) for route in plan.routes]

        not_relevant: dict[str, str] = {}  # field → the level-9 state left out of it
        for p in passes:
            tid = p.prepared.id
            on_table = {"table": p.prepared.doc.table.table.catalog}
            for cond, st in p.conditions:
                rows = p.prepared.rows.get(st.ident)
                if not rows:
                    unused.append(Unused(cond.code, cond.status, Reason("no-row", on_table)))
                    continue
                contributed = False
                for target, rel in rows:
                    if rel == "no-map" or target is None or target not in fields:
                        continue
                    fr = fields[target]
                    contributed = True
                    if fr.kind == "function_item":
                        level = cond.level if st.carries_level else None
                        if level == 9 and layout.level_9 == "omit":
                            not_relevant.setdefault(target, st.key)
                            unused.append(Unused(cond.code, cond.status, _LEVEL_9))
                            continue
                        fr.contributions.append(
                            FunctionValue(
                                level=level,
                                score=layout.score_for(level),
                                source=st.key,
                                uuid=st.uuid,
                                display=st.display,
                                table=tid,
                                status=cond.status,
                                note=cond.note,
                            )
                        )
                    else:
                        entry = AreaEntry(st.key, st.uuid, st.display, cond.note, tid, cond.status)
                        if st.carries_level:  # a function state as a related area entry
                            entry.carries_level = True
                            entry.level = cond.level
                            entry.score = layout.score_for(cond.level)
                        fr.contributions.append(entry)
                if not contributed:
                    unused.append(Unused(cond.code, cond.status, Reason("no-map", on_table)))
        self._area_notes(citizen, strategy, passes, fields, unused)
        used_tables = [p.prepared for p in passes]
        tables_key = tuple(t.slot for t in used_tables)
        rule = self.ws.vendor_rules.settings(strategy)
        for fr in fields.values():
            self._finish(fr, used_tables, tables_key, rule)
            if fr.is_empty and fr.code in not_relevant:
                fr.empty_reason = Reason("level-9", {"source": not_relevant[fr.code]})
        return Report(
            citizen_id=citizen.id,
            citizen_name=citizen.name,
            strategy=strategy,
            tables_used=[p.id for p in used_tables],
            strategy_reason=plan.reason,
            function_items=[fields[f.id] for f in layout.function_items],
            problem_areas=[fields[a.id] for a in layout.problem_areas],
            unused=_dedupe(unused),
        )

    def filled(self, citizen: Citizen, strategy: str) -> frozenset[str]:
        """``populate(citizen, strategy).filled()`` without building the report: the same plan
        and the same table rows, but no values, reasons or unused states — what a population
        count needs per citizen (tests/test_engine_filled.py holds the two equal)."""
        planner = _planner(strategy)
        kinds = self._kinds()
        find = self._find()
        in_original, in_simplified = find.original, find.simplified
        live = [
            c
            for c in citizen.conditions
            if c.status != "inaktiv"
            and (in_simplified(c.code) is not None or in_original(c.code) is not None)
        ]
        notes = [n for n in citizen.area_notes if kinds.get(n.area) == "problem_area"]
        plan = planner(citizen, live, find, notes)
        out: set[str] = set()
        note_statuses: frozenset[str] | None = None
        for route in plan.routes:
            prep = self._prepare(route.slot)
            resolve = self._resolver(prep.catalog.id)
            statuses = route.statuses
            if route.slot == "simplified" and note_statuses is None:
                note_statuses = statuses
            for cond in route.conditions:
                if cond.status not in statuses:
                    continue
                st = resolve(cond.code)
                if st is None:
                    continue
                for target, rel in prep.rows.get(st.ident, ()):
                    if rel == "no-map" or target is None:
                        continue
                    kind = kinds.get(target)
                    # a function item at level 9 (ikke relevant) has no value, omitted or written
                    not_relevant = st.carries_level and cond.level == 9
                    if kind == "problem_area" or (kind == "function_item" and not not_relevant):
                        out.add(target)
        if note_statuses is not None and (
            self.ws.vendor_rules.settings(strategy).area_notes == "send"
        ):
            for note in notes:
                if note.status != "inaktiv" and note.status in note_statuses:
                    out.add(note.area)
        return frozenset(out)

    def _kinds(self) -> dict[str, str]:
        """Report field id → ``function_item`` or ``problem_area``, for the layout in use."""
        layout = self.ws.layout
        if self._kinds_of is None or self._kinds_of[0] is not layout:
            kinds = {f.id: "function_item" for f in layout.function_items}
            kinds.update({a.id: "problem_area" for a in layout.problem_areas})
            self._kinds_of = (layout, kinds)
        return self._kinds_of[1]

    def _area_notes(
        self,
        citizen: Citizen,
        strategy: str,
        passes: list[_Pass],
        fields: dict[str, FieldResult],
        unused: list[Unused],
    ) -> None:
        """Each area note goes into its problem area once, in the simplified pass, when the
        rule sends area notes (``vendor_rules.yaml``); every other note is listed with why."""
        send = self.ws.vendor_rules.settings(strategy).area_notes == "send"
        simplified = next((p for p in passes if p.prepared.slot == "simplified"), None)
        for note in citizen.area_notes:
            field = fields.get(note.area)
            if field is None or field.kind != "problem_area":
                unused.append(Unused(note.area, note.status, self._no_area(note.area)))
            elif note.status == "inaktiv":
                unused.append(Unused(note.area, note.status, _INAKTIV))
            elif simplified is None:
                unused.append(Unused(note.area, note.status, _NOTES_OLD_TABLE))
            elif note.status not in simplified.note_statuses:
                reason = Reason("status", {"status": note.status})
                unused.append(Unused(note.area, note.status, reason))
            elif not send:
                reason = Reason("area-notes-off", {"rule": strategy})
                unused.append(Unused(note.area, note.status, reason))
            else:
                field.contributions.append(
                    AreaEntry(
                        AREA_NOTE_SOURCE, None, "", note.text, simplified.prepared.id, note.status
                    )
                )

    def _no_area(self, area: str) -> Reason:
        """Why a note's area is not in the report: an FSIII area without a report field (the
        funktionsevne areas J1–J5), or an area no catalog knows."""
        known = any(c.area(area) is not None for c in self.ws.catalogs.values())
        return Reason("area-no-field" if known else "unknown-area", {"area": area})

    def _finish(
        self,
        fr: FieldResult,
        tables: list[_Prepared],
        tables_key: tuple[str, ...],
        rule: RuleSettings,
    ) -> None:
        if not fr.contributions:
            key = (fr.code, tables_key)
            cached = self._empty.get(key)
            if cached is None:
                cached = self._empty[key] = _empty_reason(fr.code, tables)
            fr.empty_reason = cached
            return
        if fr.kind == "function_item":
            values: list[FunctionValue] = fr.contributions
            fr.allowed = rule.allowed([v.status for v in values])
            if len(values) > 1:
                fr.flags.append("duplicate")
                if len({v.level for v in values}) > 1:
                    fr.flags.append("conflict")
                if len(fr.allowed) < len(values):
                    fr.flags.append("collapse-status")
                if len({(values[i].level, values[i].note) for i in fr.allowed}) > 1:
                    fr.flags.append("collapse-choice")
            if any(v.level is None for v in values):
                fr.flags.append("missing-level")
            elif any(v.score is None for v in values):
                fr.flags.append("no-score-word")
        else:
            entries: list[AreaEntry] = fr.contributions
            keys = [e.source for e in entries if e.uuid is not None]
            if self._successors is None:
                self._successors = {e.source: e.successors for e in self.ws.crosswalk.entries}
            successors = {s for k in keys for s in self._successors.get(k, ())}
            if len(keys) != len(set(keys)) or successors & set(keys):
                fr.flags.append("same-need-twice")


def _planner(strategy: str) -> Planner:
    planner = PLANNERS.get(strategy)
    if planner is None:
        raise ValueError(f"unknown strategy {strategy!r}; choose one of {', '.join(STRATEGIES)}")
    return planner


_INAKTIV = Reason("inaktiv")
_NOTES_OLD_TABLE = Reason("area-notes-old-table")
_LEVEL_9 = Reason("level-9")
_UNKNOWN = Reason("unknown-code")


def _empty_reason(code: str, tables: list[_Prepared]) -> Reason:
    sources = [s for t in tables for s in t.targets.get(code, [])]
    if not sources:
        names = tuple(t.doc.table.table.catalog for t in tables)
        return Reason("no-row", {"tables": names, "field": code})
    return Reason("no-data", {"sources": tuple(dict.fromkeys(sources))})


def _dedupe(items: list[Unused]) -> list[Unused]:
    seen = set()
    out = []
    for u in items:
        key = (u.code, u.status, u.reason.code)
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out


_engines: dict[int, Engine] = {}


def engine_for(workspace: Workspace) -> Engine:
    """The one engine of ``workspace`` (made on first use, dropped with the workspace)."""
    key = id(workspace)
    engine = _engines.get(key)
    if engine is None or engine.ws is not workspace:
        engine = _engines[key] = Engine(workspace)
        weakref.finalize(workspace, _engines.pop, key, None)
    return engine


def populate(citizen: Citizen, strategy: str, workspace: Workspace | None = None) -> Report:
    """Convenience wrapper: one report from the shipped (or given) workspace."""
    return engine_for(workspace or Workspace.load()).populate(citizen, strategy)
