"""The mapping guide's content, for the table pair: built once, rendered as HTML or PDF.

Per report field: which states fill it in each table; which fields go empty after the
simplification (``compare.structural_gaps``); the crosswalk old → new (``Workspace.crosswalk``),
with what each old state and its successors fill. The wording lives in ``GUIDE_TEXT``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fsiii_mapper import __version__
from fsiii_mapper.analysis.fill import structural_gaps
from fsiii_mapper.model import Catalog
from fsiii_mapper.texts.catalog import lookup
from fsiii_mapper.workspace import Workspace

SLOTS = ("original", "simplified")

GUIDE_TEXT: dict[str, dict[str, str]] = {
    "title": {
        "da": "Mapningsvejledning: FSIII → Indlæggelsesrapport (XDIS16)",
        "en": "Mapping guide: FSIII → Admission report (XDIS16)",
    },
    "intro": {
        "da": "Vejledningen viser, hvordan borgerens FSIII-dokumentation udfylder "
        "indlæggelsesrapportens felter efter den gamle og den forenklede mapningstabel, hvilke "
        "felter der står tomme efter forenklingen, og hvilke nye tilstande der afløser de gamle.",
        "en": "This guide shows how a citizen's FSIII documentation fills the fields of the "
        "admission report under the old and the simplified mapping table, which fields go "
        "empty after the simplification, and which new states replace the old ones.",
    },
    "tables": {"da": "Tabeller", "en": "Tables"},
    "slot.original": {"da": "Gammel tabel", "en": "Old table"},
    "slot.simplified": {"da": "Forenklet tabel", "en": "Simplified table"},
    "col.table": {"da": "Tabel", "en": "Table"},
    "col.id": {"da": "Id", "en": "Id"},
    "col.version": {"da": "Version", "en": "Version"},
    "col.status": {"da": "Status", "en": "Status"},
    "col.catalog": {"da": "Katalog (version)", "en": "Catalog (version)"},
    "col.valid": {"da": "Gyldig", "en": "Valid"},
    "generated": {
        "da": "Dannet {when} af fsiii-mapper {version}",
        "en": "Generated {when} by fsiii-mapper {version}",
    },
    "empty.head": {
        "da": "Felter der står tomme efter forenklingen",
        "en": "Fields that go empty after the simplification",
    },
    "empty.none": {
        "da": "Ingen: alle felter, som den gamle tabel udfylder, udfyldes også af den forenklede.",
        "en": "None: every field the old table fills is filled by the simplified table too.",
    },
    "empty.lead": {
        "da": "Disse felter udfyldes af den gamle tabel, men af ingen række i den "
        "forenklede tabel. Hospitalet ser dem tomme for borgere, der er dokumenteret "
        "i de forenklede tilstande:",
        "en": "These fields are filled by the old table "
        "but by no row of the simplified table. The hospital sees them empty for "
        "citizens documented in the simplified states:",
    },
    "fields.function": {
        "da": "Funktionsevne (felter med score)",
        "en": "Function ability (scored fields)",
    },
    "fields.areas": {"da": "Sygeplejefaglige problemområder", "en": "Nursing problem areas"},
    "col.field": {"da": "Felt", "en": "Field"},
    "col.fills.original": {"da": "Udfyldes af (gammel tabel)", "en": "Filled by (old table)"},
    "col.fills.simplified": {
        "da": "Udfyldes af (forenklet tabel)",
        "en": "Filled by (simplified table)",
    },
    "nothing": {"da": "— intet (feltet står tomt)", "en": "— nothing (the field stays empty)"},
    "lost": {"da": "TOMT EFTER FORENKLINGEN", "en": "EMPTY AFTER THE SIMPLIFICATION"},
    "crosswalk.head": {"da": "Fra gammel til ny tilstand", "en": "From old to new state"},
    "crosswalk.lead": {
        "da": "Hvilken forenklet tilstand afløser hver gammel tilstand, og hvilket felt de "
        "udfylder. Sammenhængen er vores læsning af KL's omskrevne definitioner (antaget), "
        "ikke en liste fra KL.",
        "en": "Which simplified state replaces each old state, and which field each fills. "
        "The correspondence is our reading of KL's rewritten definitions (assumed), not a list "
        "published by KL.",
    },
    "col.old": {"da": "Gammel tilstand", "en": "Old state"},
    "col.old-fills": {"da": "Udfylder (gammel)", "en": "Fills (old)"},
    "col.new": {"da": "Ny tilstand", "en": "New state"},
    "col.new-fills": {"da": "Udfylder (forenklet)", "en": "Fills (simplified)"},
    "retained": {"da": "(bevares)", "en": "(retained)"},
    "no-successor": {"da": "— ingen efterfølger", "en": "— no successor"},
    "rel.equivalent": {"da": "svarer til", "en": "equivalent"},
    "rel.source-broader": {"da": "kilden er bredere", "en": "source broader"},
    "rel.source-narrower": {"da": "kilden er snævrere", "en": "source narrower"},
    "rel.related": {"da": "beslægtet", "en": "related"},
    "footer": {
        "da": "Felter og koder følger rapportlayoutet {layout}.",
        "en": "Fields and codes follow the report layout {layout}.",
    },
}


def gtext(key: str, lang: str | None = None, **params: object) -> str:
    return lookup(GUIDE_TEXT, key, lang, **params)


@dataclass
class Source:
    key: str
    display: str
    relationship: str
    comment: str = ""


@dataclass
class GuideField:
    code: str
    label: str
    kind: str
    fills: dict[str, list[Source]]
    lost: bool


@dataclass
class CrosswalkLine:
    old_key: str
    old_display: str
    old_fills: list[str]
    successors: list[tuple[str, str, list[str]]]  # (key, display, fields it fills)
    retained: bool


@dataclass
class TableLine:
    slot: str
    id: str
    title: str
    version: str
    status: str
    catalog: str
    catalog_version: str
    valid_from: str
    valid_to: str


@dataclass
class Guide:
    generated_at: dt.datetime
    layout: str
    tables: list[TableLine]
    fields: list[GuideField]
    crosswalk: list[CrosswalkLine]
    tool: str = field(default=f"{__version__}")

    @property
    def lost(self) -> list[GuideField]:
        return [f for f in self.fields if f.lost]


def _fills(ws: Workspace, slot: str) -> dict[str, list[str]]:
    """State identity → field codes it fills in the table of ``slot``."""
    doc = ws.tables[slot]
    cat = ws.catalogs.get(doc.table.table.catalog)
    out: dict[str, list[str]] = {}
    for r in doc.table.rows:
        if r.maps and r.target:
            st = cat.resolve(r.source) if cat else None
            out.setdefault(st.ident if st else r.source, []).append(r.target)
    return out


def _state(cat: Catalog | None, code: str) -> tuple[str, str, str]:
    st = cat.resolve(code) if cat else None
    return (st.key, st.display, st.ident) if st else (code, "", code)


def build_guide(ws: Workspace, when: dt.datetime | None = None) -> Guide:
    when = (when or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    tables = []
    for slot in SLOTS:
        m = ws.tables[slot].table.table
        cat = ws.catalogs.get(m.catalog)
        tables.append(
            TableLine(
                slot,
                m.id,
                m.title,
                m.version,
                m.status,
                m.catalog,
                cat.code_system_version if cat else "",
                m.valid_from.isoformat() if m.valid_from else "",
                m.valid_to.isoformat() if m.valid_to else "",
            )
        )
    fields = []
    gaps = {g.code: g for g in structural_gaps(ws)}
    for code in ws.layout.field_codes():
        fills: dict[str, list[Source]] = {}
        for slot in SLOTS:
            doc = ws.tables[slot]
            cat = ws.catalogs.get(doc.table.table.catalog)
            fills[slot] = [
                Source(*_state(cat, r.source)[:2], r.relationship, r.comment)
                for r in doc.table.rows
                if r.maps and r.target == code
            ]
        gap = gaps.get(code)
        fields.append(
            GuideField(
                code,
                ws.layout.label_of(code),
                ws.layout.kind_of(code) or "",
                fills,
                bool(gap and gap.lost),
            )
        )
    old_cat, new_cat = ws.catalogs.get("original"), ws.catalogs.get("simplified")
    old_fills, new_fills = _fills(ws, "original"), _fills(ws, "simplified")
    crosswalk = []
    for st in old_cat.states if old_cat else []:
        succ = []
        for key in ws.crosswalk.successors(st.key):
            k, display, ident = _state(new_cat, key)
            succ.append((k, display, new_fills.get(ident, [])))
        retained = bool(new_cat and new_cat.resolve(st.ident) is not None)
        if retained and not succ:
            succ.append((st.key, st.display, new_fills.get(st.ident, [])))
        crosswalk.append(
            CrosswalkLine(st.key, st.display, old_fills.get(st.ident, []), succ, retained)
        )
    return Guide(when, ws.layout.id, tables, fields, crosswalk)
