"""The mapping guide's content, for the table pair: built once, rendered as HTML or PDF.

Per report field: which states fill it in each table; which fields go empty after the
simplification (``compare.structural_gaps``); the crosswalk old → new (``Workspace.crosswalk``),
with what each old state and its successors fill. The wording is here too (one function per
text, translated through ``fsiii_mapper.texts``); the HTML and PDF renderers only lay it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fsiii_mapper import __version__
from fsiii_mapper.analysis.fill import structural_gaps
from fsiii_mapper.model import Catalog
from fsiii_mapper.texts import N_, t
from fsiii_mapper.texts.labels import TABLE_LABELS, label
from fsiii_mapper.texts.reasons import group_name
from fsiii_mapper.workspace import Workspace

SLOTS = ("original", "simplified")

# Texts chosen by a code of the data (a table slot, a row's relationship): msgids, translated
# where they are shown.
RELATIONSHIP_WORDS: dict[str, str] = {
    "equivalent": N_("equivalent"),
    "source-broader": N_("source broader"),
    "source-narrower": N_("source narrower"),
    "related": N_("related"),
    "no-map": N_("no-map"),
}
TABLE_COLUMNS: tuple[str, ...] = (
    N_("Table"),
    N_("Id"),
    N_("Version"),
    N_("Status"),
    N_("Catalog (version)"),
    N_("Valid"),
)
CROSSWALK_COLUMNS: tuple[str, ...] = (
    N_("Old state"),
    N_("Fills (old)"),
    N_("New state"),
    N_("Fills (simplified)"),
)
FIELD_COLUMNS: tuple[str, ...] = (
    N_("Field"),
    N_("Filled by (old table)"),
    N_("Filled by (simplified table)"),
)


def title(lang: str | None = None) -> str:
    return t("Mapping guide: FSIII → Admission report (XDIS16)", lang)


def generated(guide: Guide, lang: str | None = None) -> str:
    when = guide.generated_at.isoformat(timespec="seconds").replace("+00:00", "Z")
    return t("Generated {when} by fsiii-mapper {version}", lang, when=when, version=guide.tool)


def intro(lang: str | None = None) -> str:
    return t(
        "This guide shows how a citizen's FSIII documentation fills the fields of the "
        "admission report under the old and the simplified mapping table, which fields go "
        "empty after the simplification, and which new states replace the old ones.",
        lang,
    )


def empty_fields_head(lang: str | None = None) -> str:
    return t("Fields that go empty after the simplification", lang)


def empty_fields_lead(lang: str | None = None) -> str:
    return t(
        "These fields are filled by the old table but by no row of the simplified table. "
        "The hospital sees them empty for citizens documented in the simplified states:",
        lang,
    )


def no_empty_fields(lang: str | None = None) -> str:
    return t("None: every field the old table fills is filled by the simplified table too.", lang)


def function_fields_head(lang: str | None = None) -> str:
    return t("Function ability (scored fields)", lang)


def function_fields_lead(lang: str | None = None) -> str:
    return t("Filled by {group}.", lang, group=group_name("funktionsevne", lang))


def area_fields_head(lang: str | None = None) -> str:
    return t("Nursing problem areas", lang)


def area_fields_lead(lang: str | None = None) -> str:
    return t("Filled by {group}.", lang, group=group_name("helbred", lang))


def nothing(lang: str | None = None) -> str:
    return t("— nothing (the field stays empty)", lang)


def lost_flag(lang: str | None = None) -> str:
    return t("EMPTY AFTER THE SIMPLIFICATION", lang)


def crosswalk_head(lang: str | None = None) -> str:
    return t("From old to new state", lang)


def crosswalk_lead(lang: str | None = None) -> str:
    return t(
        "Which simplified state replaces each old state, and which field each fills. The "
        "correspondence is our reading of KL's rewritten definitions (assumed), not a list "
        "published by KL.",
        lang,
    )


def retained(lang: str | None = None) -> str:
    return t("(retained)", lang)


def no_successor(line: CrosswalkLine, lang: str | None = None) -> str:
    """An old state without successor: the crosswalk's reason, or that nobody decided."""
    if line.decision:
        return t("— no successor: {reason}", lang, reason=line.decision)
    return t("— no successor (not decided in the crosswalk)", lang)


def footer(guide: Guide, lang: str | None = None) -> str:
    return t("Fields and codes follow the report layout {layout}.", lang, layout=guide.layout)


def relationship_word(relationship: str, lang: str | None = None) -> str:
    msgid = RELATIONSHIP_WORDS.get(relationship)
    return t(msgid, lang) if msgid else relationship


def slot_name(slot: str, lang: str | None = None) -> str:
    return label(TABLE_LABELS, slot, lang)


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
    decision: str = ""  # why there is no successor (the crosswalk's rationale of ``[]``)


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
        decided = ws.crosswalk.no_successor(st.key)
        crosswalk.append(
            CrosswalkLine(
                st.key,
                st.display,
                old_fills.get(st.ident, []),
                succ,
                retained,
                decided.rationale.strip() if decided else "",
            )
        )
    return Guide(when, ws.layout.id, tables, fields, crosswalk)
