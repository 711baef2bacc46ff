"""SSSOM/TSV (mapping-commons): a ``#``-commented YAML metadata block, then one TSV line per row.

Predicates (SKOS, read subject → object, like R5): equivalent → skos:exactMatch,
source-broader → skos:narrowMatch (the object is narrower than the subject), source-narrower →
skos:broadMatch, related → skos:relatedMatch; a no-map row has object ``sssom:NoTermFound`` with
predicate skos:exactMatch ("no exact match was found"). Every row is a manual curation
(``semapv:ManualMappingCuration``); the author is a name, so it goes to ``author_label``.

What sssom-py (the reference implementation) needs to keep every row: every identifier is a
CURIE whose prefix ``curie_map`` declares (also ``subject_source`` and ``object_source``), and
``mapping_provider`` is a URI (the table's canonical URL, as in the ConceptMap). SSSOM 1.0 has no
slot for a review status, and sssom-py drops extension columns; so the review status travels in
the standard ``other`` slot as ``review_status=approved`` (SSSOM's "key=value pairs for
properties not part of the SSSOM spec"). Text cells that a spreadsheet would run as a formula are
written with a leading apostrophe (``cells.neutralise``).
"""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from fsiii_mapper.interchange.cells import neutralise
from fsiii_mapper.interchange.conceptmap import (
    BASE,
    FSIII_SYSTEM,
    REPORT_FIELD_SYSTEM,
    canonical_url,
)
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
    # the two vocabularies themselves, for subject_source / object_source
    "oid": "urn:oid:",
    "fsiiicodesystem": f"{BASE}/CodeSystem/",
}
SUBJECT_SOURCE = "oid:" + FSIII_SYSTEM.removeprefix("urn:oid:")
OBJECT_SOURCE = "fsiiicodesystem:" + REPORT_FIELD_SYSTEM.rsplit("/", 1)[1]
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
    "other",
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
        "mapping_set_id": f"{BASE}/sssom/{quote(m.id, safe='')}/{quote(m.version, safe='')}",
        "mapping_set_version": m.version,
        "mapping_set_title": m.title,
        "mapping_set_description": m.description or m.title,
        "license": "https://w3id.org/sssom/license/unspecified",
        "creator_label": [m.publisher] if m.publisher else [],
        "subject_source": SUBJECT_SOURCE,
        "subject_source_version": rec["catalog_version"],
        "object_source": OBJECT_SOURCE,
        "object_source_version": info.layout_id,
        "mapping_provider": canonical_url(m.id),
        "mapping_tool": "fsiii-mapper",
        "mapping_tool_version": rec["exported_by"].rsplit(" ", 1)[-1],
        "publication_date": info.exported_at.date().isoformat(),
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
        cells = [
            f"FSIII:{r.source}",
            st.display if st else "",
            PREDICATE[r.relationship],
            _object(r),
            ws.layout.label_of(r.target) if r.maps and r.target else "",
            "semapv:ManualMappingCuration",
            r.author,
            r.date.isoformat() if r.date else "",
            cards[i],
            f"review_status={r.review_status}",
            r.comment,
        ]
        w.writerow([neutralise(c) for c in cells])
    return header + buf.getvalue()
