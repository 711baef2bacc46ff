"""SSSOM/TSV (mapping-commons): a ``#``-commented YAML metadata block, then one TSV line per row.

Predicates (SKOS, read subject → object, like R5): equivalent → skos:exactMatch,
source-broader → skos:narrowMatch (the object is narrower than the subject), source-narrower →
skos:broadMatch, related → skos:relatedMatch; a no-map row has object ``sssom:NoTermFound`` with
predicate skos:exactMatch ("no exact match was found"). Every row is a manual curation
(``semapv:ManualMappingCuration``); the author is a name, so it goes to ``author_label``. The
review status has no SSSOM slot: it is declared under ``extension_definitions``.
"""

from __future__ import annotations

import csv
import io

from fsiii_mapper.interchange.conceptmap import BASE, FSIII_SYSTEM, REPORT_FIELD_SYSTEM
from fsiii_mapper.interchange.records import ExportInfo
from fsiii_mapper.io.yamltree import dump_yaml
from fsiii_mapper.model import MappingRow, MappingTable
from fsiii_mapper.workspace import Workspace

PREDICATE = {
    "equivalent": "skos:exactMatch",
    "source-broader": "skos:narrowMatch",
    "source-narrower": "skos:broadMatch",
    "related": "skos:relatedMatch",
    "no-map": "skos:exactMatch",
}
NO_TERM = "sssom:NoTermFound"
CURIE_MAP = {
    "FSIII": f"{FSIII_SYSTEM}#",
    "XDIS16": f"{REPORT_FIELD_SYSTEM}#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "semapv": "https://w3id.org/semapv/vocab/",
    "sssom": "https://w3id.org/sssom/",
    "fsiiimapper": f"{BASE}/sssom/",
}
COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "author_label",
    "mapping_date",
    "mapping_cardinality",
    "review_status",
    "comment",
)


def _cardinality(table: MappingTable) -> dict[int, str]:
    by_source: dict[str, int] = {}
    by_target: dict[str, int] = {}
    for r in table.rows:
        if r.maps and r.target:
            by_source[r.source] = by_source.get(r.source, 0) + 1
            by_target[r.target] = by_target.get(r.target, 0) + 1
    out = {}
    for i, r in enumerate(table.rows):
        if not r.maps or not r.target:
            out[i] = "1:0"
            continue
        left = "n" if by_target[r.target] > 1 else "1"
        right = "n" if by_source[r.source] > 1 else "1"
        out[i] = f"{left}:{right}"
    return out


def _object(row: MappingRow) -> str:
    return f"XDIS16:{row.target}" if row.maps and row.target else NO_TERM


def render_sssom(table: MappingTable, ws: Workspace, info: ExportInfo) -> str:
    m = table.table
    rec = info.record()
    meta = {
        "curie_map": CURIE_MAP,
        "mapping_set_id": f"{BASE}/sssom/{m.id}/{m.version}",
        "mapping_set_version": m.version,
        "mapping_set_title": m.title,
        "mapping_set_description": m.description or m.title,
        "license": "https://w3id.org/sssom/license/unspecified",
        "creator_label": [m.publisher] if m.publisher else [],
        "subject_source": FSIII_SYSTEM,
        "subject_source_version": rec["catalog_version"],
        "object_source": REPORT_FIELD_SYSTEM,
        "object_source_version": info.layout_id,
        "mapping_provider": rec["exported_by"],
        "publication_date": info.exported_at.date().isoformat(),
        "extension_definitions": [
            {
                "slot_name": "review_status",
                "property": "fsiiimapper:review_status",
                "type_hint": "http://www.w3.org/2001/XMLSchema#string",
            },
        ],
        "other": (
            f"table_id={m.id}; table_version={m.version}; table_status={m.status}; "
            f"catalog={m.catalog}; catalog_version={rec['catalog_version']}; "
            f"exported_at={rec['exported_at']}"
        ),
    }
    if not meta["creator_label"]:
        del meta["creator_label"]
    header = "".join(f"#{line}\n" for line in dump_yaml(meta).splitlines())
    cards = _cardinality(table)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(COLUMNS)
    for i, r in enumerate(table.rows):
        st = info.catalog.resolve(r.source) if info.catalog else None
        w.writerow(
            [
                f"FSIII:{r.source}",
                st.display if st else "",
                PREDICATE[r.relationship],
                _object(r),
                ws.layout.label_of(r.target) if r.maps and r.target else "",
                "semapv:ManualMappingCuration",
                r.author,
                r.date.isoformat() if r.date else "",
                cards[i],
                r.review_status,
                r.comment,
            ]
        )
    return header + buf.getvalue()
