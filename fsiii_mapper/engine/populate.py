"""The preview engine: how a citizen's FSIII documentation fills the Indlæggelsesrapport.

``populate(citizen, strategy)`` returns, for every function item and problem area of the report
layout, the contributions that fill it — or why it is empty. Strategies:

- ``original``: the old table over the citizen's ``aktiv`` states;
- ``simplified``: the simplified table over ``aktiv`` states;
- ``cura``: the simplified table if the citizen has an ``aktiv`` state whose code exists only in the
  simplified catalog, or an ``aktiv`` area note; otherwise the old table;
- ``nexus``: simplified-catalog states in ``kladde`` or ``aktiv`` through the simplified table, plus
  original-catalog states in ``aktiv`` through the old table. Each documented state is routed once:
  a state found in both catalogs (retained, e.g. ``J3.5``) goes through the simplified table, so one
  record is never counted twice. Every contribution is kept; duplicates and conflicting levels are
  flagged, never merged away.

``inaktiv`` states never contribute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.model import Catalog, CatalogState, Citizen, CitizenCondition
from fsiii_mapper.texts.catalog import default_lang, tr
from fsiii_mapper.workspace import Workspace

Strategy = Literal["original", "simplified", "cura", "nexus"]
STRATEGIES: tuple[Strategy, ...] = ("original", "simplified", "cura", "nexus")


@dataclass
class FunctionValue:
    level: int | None
    score: str | None
    source: str
    uuid: str | None
    display: str
    table: str
    status: str
    note: str


@dataclass
class AreaEntry:
    source: str
    uuid: str | None
    display: str
    note: str
    table: str
    status: str


@dataclass
class FieldResult:
    code: str
    label: str
    kind: str
    contributions: list[Any] = field(default_factory=list)
    empty_reason: str | None = None
    empty_message: str = ""
    flags: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.contributions


@dataclass
class Unused:
    code: str
    status: str
    reason: str
    message: str


@dataclass
class Report:
    citizen_id: str
    citizen_name: str
    strategy: str
    tables_used: list[str]
    strategy_reason: str
    function_items: list[FieldResult]
    problem_areas: list[FieldResult]
    unused: list[Unused]
    _by_code: dict[str, FieldResult] | None = field(default=None, repr=False, compare=False)

    def field(self, code: str) -> FieldResult:
        """The result for one report field (KeyError for a code the layout does not have)."""
        if self._by_code is None:
            self._by_code = {f.code: f for f in (*self.function_items, *self.problem_areas)}
        return self._by_code[code]

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        def fi(f: FieldResult) -> dict[str, Any]:
            return {
                "code": f.code,
                "label": f.label,
                "values": [asdict(v) for v in f.contributions],
                "empty_reason": f.empty_reason,
                "empty_message": f.empty_message,
                "flags": [{"code": c, "message": tr("flag." + c, lang)} for c in f.flags],
            }

        def pa(f: FieldResult) -> dict[str, Any]:
            d = fi(f)
            d["entries"] = d.pop("values")
            return {
                k: d[k]
                for k in ("code", "label", "entries", "empty_reason", "empty_message", "flags")
            }

        return {
            "citizen": {"id": self.citizen_id, "name": self.citizen_name},
            "strategy": self.strategy,
            "tables_used": self.tables_used,
            "strategy_reason": self.strategy_reason,
            "function_items": [fi(f) for f in self.function_items],
            "problem_areas": [pa(f) for f in self.problem_areas],
            "unused": [asdict(u) for u in self.unused],
        }


@dataclass
class _Prepared:
    """A table indexed for lookups: state identity → (target, relationship) rows."""

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
    area_notes: bool
    note_statuses: frozenset[str]


class Engine:
    """Populates reports from a workspace; table indexes are cached until ``invalidate``."""

    def __init__(self, workspace: Workspace, lang: str | None = None) -> None:
        self.ws = workspace
        self.lang = lang or default_lang()
        self._prepared: dict[str, _Prepared] = {}
        self._empty: dict[tuple[str, tuple[int, ...]], tuple[str, str]] = {}
        self._successors: dict[str, list[str]] | None = None
        self._codes: dict[str, dict[str, CatalogState]] = {}

    def invalidate(self) -> None:
        """Forget everything derived from the tables and catalogs (call after an edit)."""
        self._prepared.clear()
        self._empty.clear()
        self._codes.clear()
        self._successors = None

    def _resolver(self, catalog_id: str) -> Callable[[str], CatalogState | None]:
        """A plain-dict lookup by key or UUID (the hot path; same rules as Catalog.resolve)."""
        index = self._codes.get(catalog_id)
        if index is None:
            index = {}
            for st in self.ws.catalogs[catalog_id].states:
                index[st.key] = st
                if st.uuid:
                    index[st.uuid.lower()] = st
            self._codes[catalog_id] = index
        get = index.get

        def resolve(code: str) -> CatalogState | None:
            return get(code) or get(code.lower())

        return resolve

    def _prepare(self, slot: str) -> _Prepared:
        cached = self._prepared.get(slot)
        doc = self.ws.tables[slot]
        if cached is not None and cached.doc is doc:
            return cached
        catalog = self.ws.catalogs[doc.table.table.catalog]
        rows: dict[str, list[tuple[str | None, str]]] = {}
        targets: dict[str, list[str]] = {}
        for row in doc.table.rows:
            st = catalog.resolve(row.source)
            ident = st.ident if st is not None else row.source
            rows.setdefault(ident, []).append((row.target, row.relationship))
            if row.maps and row.target:
                targets.setdefault(row.target, []).append(st.key if st else row.source)
        prepared = _Prepared(doc, catalog, rows, targets)
        self._prepared[slot] = prepared
        return prepared

    # --- routing ------------------------------------------------------------------------------

    def _passes(
        self, citizen: Citizen, strategy: str, unused: list[Unused]
    ) -> tuple[list[_Pass], str]:
        in_orig = self._resolver("original")
        in_simp = self._resolver("simplified")
        lang = self.lang

        def resolve_any(cond: CitizenCondition) -> CatalogState | None:
            return in_simp(cond.code) or in_orig(cond.code)

        live = []
        for cond in citizen.conditions:
            if cond.status == "inaktiv":
                unused.append(Unused(cond.code, cond.status, "inaktiv", tr("unused.inaktiv", lang)))
                continue
            if resolve_any(cond) is None:
                unused.append(
                    Unused(cond.code, cond.status, "unknown-code", tr("unused.unknown-code", lang))
                )
                continue
            live.append(cond)

        def take(slot: str, statuses: set[str], conds: Iterable[CitizenCondition]) -> _Pass:
            prep = self._prepare(slot)
            resolve = self._resolver(prep.catalog.id)
            picked = []
            for cond in conds:
                if cond.status not in statuses:
                    unused.append(
                        Unused(
                            cond.code,
                            cond.status,
                            "status",
                            tr("unused.status", lang, status=cond.status),
                        )
                    )
                    continue
                st = resolve(cond.code)
                if st is None:
                    unused.append(
                        Unused(
                            cond.code,
                            cond.status,
                            "not-in-catalog",
                            tr("unused.not-in-catalog", lang, table=tr("table." + slot, lang)),
                        )
                    )
                    continue
                picked.append((cond, st))
            return _Pass(prep, picked, prep.doc.table.table.include_area_notes, frozenset(statuses))

        if strategy == "original":
            return [take("original", {"aktiv"}, live)], tr("strategy.original", lang)
        if strategy == "simplified":
            return [take("simplified", {"aktiv"}, live)], tr("strategy.simplified", lang)
        if strategy == "cura":
            for cond in live:
                if cond.status != "aktiv":
                    continue
                st = in_simp(cond.code)
                if st is not None and in_orig(cond.code) is None:
                    reason = tr(
                        "strategy.cura.simplified-state", lang, code=st.key, display=st.display
                    )
                    return [take("simplified", {"aktiv"}, live)], reason
            for note in citizen.area_notes:
                if note.status == "aktiv":
                    reason = tr("strategy.cura.area-note", lang, area=note.area)
                    return [take("simplified", {"aktiv"}, live)], reason
            return [take("original", {"aktiv"}, live)], tr("strategy.cura.old-only", lang)
        if strategy == "nexus":
            new_side = [c for c in live if in_simp(c.code) is not None]
            old_side = [c for c in live if in_simp(c.code) is None]
            return (
                [
                    take("simplified", {"kladde", "aktiv"}, new_side),
                    take("original", {"aktiv"}, old_side),
                ],
                tr("strategy.nexus", lang),
            )
        raise ValueError(f"unknown strategy {strategy!r}; choose one of {', '.join(STRATEGIES)}")

    # --- populate -------------------------------------------------------------------------------

    def populate(self, citizen: Citizen, strategy: str) -> Report:
        lang = self.lang
        layout = self.ws.layout
        unused: list[Unused] = []
        passes, reason = self._passes(citizen, strategy, unused)
        fields: dict[str, FieldResult] = {}
        for f in layout.function_items:
            fields[f.code] = FieldResult(f.code, f.label, "function_item")
        for a in layout.problem_areas:
            fields[a.code] = FieldResult(a.code, a.label, "problem_area")

        for p in passes:
            tid = p.prepared.id
            tname = tr("table." + p.prepared.doc.table.table.catalog, lang)
            for cond, st in p.conditions:
                rows = p.prepared.rows.get(st.ident)
                if not rows:
                    unused.append(
                        Unused(
                            cond.code, cond.status, "no-row", tr("unused.no-row", lang, table=tname)
                        )
                    )
                    continue
                contributed = False
                for target, rel in rows:
                    if rel == "no-map" or target is None or target not in fields:
                        continue
                    fr = fields[target]
                    contributed = True
                    if fr.kind == "function_item":
                        level = cond.level if st.carries_level else None
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
                        fr.contributions.append(
                            AreaEntry(st.key, st.uuid, st.display, cond.note, tid, cond.status)
                        )
                if not contributed:
                    unused.append(
                        Unused(
                            cond.code, cond.status, "no-map", tr("unused.no-map", lang, table=tname)
                        )
                    )
            for note in citizen.area_notes:
                if note.status not in p.note_statuses or note.area not in fields:
                    continue
                if not p.area_notes:
                    unused.append(
                        Unused(
                            note.area,
                            note.status,
                            "area-notes-off",
                            tr("unused.area-notes-off", lang, table=tname),
                        )
                    )
                    continue
                fields[note.area].contributions.append(
                    AreaEntry(
                        "områdedokumentation",
                        None,
                        tr("area-note", lang),
                        note.text,
                        tid,
                        note.status,
                    )
                )

        used_tables = [p.prepared for p in passes]
        tables_key = tuple(id(t) for t in used_tables)
        for fr in fields.values():
            self._finish(fr, used_tables, tables_key)
        return Report(
            citizen_id=citizen.id,
            citizen_name=citizen.name,
            strategy=strategy,
            tables_used=[p.id for p in used_tables],
            strategy_reason=reason,
            function_items=[fields[f.code] for f in layout.function_items],
            problem_areas=[fields[a.code] for a in layout.problem_areas],
            unused=_dedupe(unused),
        )

    def _finish(
        self, fr: FieldResult, tables: list[_Prepared], tables_key: tuple[int, ...]
    ) -> None:
        if not fr.contributions:
            key = (fr.code, tables_key)
            cached = self._empty.get(key)
            if cached is None:
                cached = self._empty[key] = self._empty_reason(fr.code, tables)
            fr.empty_reason, fr.empty_message = cached
            return
        if fr.kind == "function_item":
            values: list[FunctionValue] = fr.contributions
            if len(values) > 1:
                fr.flags.append("duplicate")
                if len({v.level for v in values}) > 1:
                    fr.flags.append("conflict")
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

    def _empty_reason(self, code: str, tables: list[_Prepared]) -> tuple[str, str]:
        lang = self.lang
        sources = [s for t in tables for s in t.targets.get(code, [])]
        if not sources:
            names = " / ".join(tr("table." + t.doc.table.table.catalog, lang) for t in tables)
            return "no-row", tr("empty.no-row", lang, tables=names, field=code)
        return "no-data", tr("empty.no-data", lang, sources=_short_list(sources))


def _short_list(codes: list[str], most: int = 4) -> str:
    unique = list(dict.fromkeys(codes))
    if len(unique) <= most:
        return ", ".join(unique)
    return ", ".join(unique[:most]) + f", … (+{len(unique) - most})"


def _dedupe(items: list[Unused]) -> list[Unused]:
    seen = set()
    out = []
    for u in items:
        key = (u.code, u.status, u.reason)
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out


def populate(
    citizen: Citizen, strategy: str, workspace: Workspace | None = None, lang: str | None = None
) -> Report:
    """Convenience wrapper: one report from the shipped (or given) workspace."""
    return Engine(workspace or Workspace.load(), lang).populate(citizen, strategy)
