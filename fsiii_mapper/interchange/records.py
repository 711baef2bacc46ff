"""Flat records shared by the tabular formats (CSV, XLSX): one mapping row ↔ one dict of strings,
table metadata ↔ key/value pairs, and what an import reports for the rows it could not take."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fsiii_mapper import __version__
from fsiii_mapper.io.schema_errors import location_text, problem_text, quoted
from fsiii_mapper.io.validation import Invalid, checked
from fsiii_mapper.model import Catalog, MappingRow, MappingTable, TableMeta
from fsiii_mapper.model.table import RELATIONSHIPS, REVIEW_STATUSES, ROW_EVIDENCE, ROW_FIELDS
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import Workspace

# Column order of the tabular formats: the row fields, with readable labels beside the codes.
# ``source_display`` and ``target_label`` are for people; an import ignores them.
ROW_COLUMNS: tuple[str, ...] = (
    "source",
    "source_display",
    "target",
    "target_label",
    "relationship",
    "review_status",
    "evidence",
    "comment",
    "author",
    "date",
)
READ_ONLY_COLUMNS = frozenset({"source_display", "target_label"})

# Table identity carried by every export (CSV repeats it on each row, the others once).
IDENTITY_KEYS: tuple[str, ...] = (
    "table_id",
    "table_version",
    "table_status",
    "catalog",
    "catalog_version",
    "exported_at",
)

# Full metadata (XLSX metadata sheet, ConceptMap): identity plus the rest of TableMeta.
META_KEYS: tuple[str, ...] = (
    "table_id",
    "title",
    "table_version",
    "table_status",
    "catalog",
    "catalog_version",
    "code_system",
    "report_layout",
    "valid_from",
    "valid_to",
    "publisher",
    "description",
    "exported_at",
    "exported_by",
)


@dataclass(frozen=True)
class ExportInfo:
    """What every export says about where it came from."""

    meta: TableMeta
    catalog: Catalog | None
    layout_id: str
    exported_at: dt.datetime

    @property
    def exported_at_text(self) -> str:
        return self.exported_at.isoformat(timespec="seconds").replace("+00:00", "Z")

    def record(self) -> dict[str, str]:
        m = self.meta
        return {
            "table_id": m.id,
            "title": m.title,
            "table_version": m.version,
            "table_status": m.status,
            "catalog": m.catalog,
            "catalog_version": self.catalog.code_system_version if self.catalog else "",
            "code_system": self.catalog.code_system if self.catalog else "",
            "report_layout": m.report_layout,
            "valid_from": m.valid_from.isoformat() if m.valid_from else "",
            "valid_to": m.valid_to.isoformat() if m.valid_to else "",
            "publisher": m.publisher,
            "description": m.description,
            "exported_at": self.exported_at_text,
            "exported_by": f"fsiii-mapper {__version__}",
        }


def export_info(table: MappingTable, ws: Workspace, now: dt.datetime | None = None) -> ExportInfo:
    when = now or dt.datetime.now(dt.UTC)
    return ExportInfo(
        table.table, ws.catalogs.get(table.table.catalog), ws.layout.id, when.replace(microsecond=0)
    )


@dataclass
class Skipped:
    """A row an import could not take, and where it was (``where`` is e.g. "linje 7")."""

    where: str
    message: str
    line: int | None = None


@dataclass
class ImportResult:
    table: MappingTable
    format: str
    skipped: list[Skipped] = field(default_factory=list)
    encoding: str | None = None  # how a text file was read, in words ("Windows-1252 (cp1252)")


class RowRejected(ValueError):
    """One record cannot become a mapping row; the message says why."""


def row_record(row: MappingRow, ws: Workspace, catalog: Catalog | None) -> dict[str, str]:
    st = catalog.resolve(row.source) if catalog else None
    return {
        "source": row.source,
        "source_display": st.display if st else "",
        "target": row.target or "",
        "target_label": ws.layout.label_of(row.target) if row.target else "",
        "relationship": row.relationship,
        "review_status": row.review_status,
        "evidence": row.evidence or "",
        "comment": row.comment,
        "author": row.author,
        "date": row.date.isoformat() if row.date else "",
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_DANISH_DATE = re.compile(r"(\d{1,2})[-.](\d{1,2})[-.](\d{4})")


def parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        danish = _DANISH_DATE.fullmatch(text)
        if danish:  # what Danish Excel writes: dd-mm-yyyy (or with dots)
            day, month, year = (int(g) for g in danish.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        raise RowRejected(
            t("the date {value} is not a date (YYYY-MM-DD or DD-MM-YYYY)", value=quoted(text))
        ) from None


def review_status_rejected(value: object) -> str:
    return t(
        "the review status (review_status) {value} is not one of: {choices}",
        value=quoted(value),
        choices=", ".join(REVIEW_STATUSES),
    )


def evidence_rejected(value: object) -> str:
    return t(
        "the grundlag (evidence) {value} is not one of: {choices}",
        value=quoted(value),
        choices=", ".join(ROW_EVIDENCE),
    )


def record_row(rec: Mapping[str, Any]) -> MappingRow:
    """A mapping row from a flat record; ``RowRejected`` names the first problem."""
    source = _text(rec.get("source")).strip()
    if not source:
        raise RowRejected(t("source is empty"))
    relationship = _text(rec.get("relationship")).strip()
    if relationship not in RELATIONSHIPS:
        raise RowRejected(
            t(
                "the relationship {value} is not one of: {choices}",
                value=quoted(relationship),
                choices=", ".join(RELATIONSHIPS),
            )
        )
    review = _text(rec.get("review_status")).strip() or "draft"
    if review not in REVIEW_STATUSES:
        raise RowRejected(review_status_rejected(review))
    evidence = _text(rec.get("evidence")).strip() or None
    if evidence is not None and evidence not in ROW_EVIDENCE:
        raise RowRejected(evidence_rejected(evidence))
    target = _text(rec.get("target")).strip() or None
    try:
        return checked(
            MappingRow(
                source=source,
                target=target,
                relationship=relationship,
                review_status=review,
                evidence=evidence,
                comment=_text(rec.get("comment")),
                author=_text(rec.get("author")),
                date=parse_date(rec.get("date")),
            )
        )
    except Invalid as exc:
        error = exc.errors[0]
        raise RowRejected(f"{location_text(error['loc'])}: {problem_text(error)}") from None


def infer_catalog(rows: list[MappingRow], ws: Workspace) -> str:
    """The catalog whose states the rows name most often (``original`` when undecided)."""
    best, best_hits = "original", -1
    for cid, cat in ws.catalogs.items():
        hits = sum(1 for r in rows if cat.resolve(r.source) is not None)
        if hits > best_hits:
            best, best_hits = cid, hits
    return best


def table_meta(
    rec: Mapping[str, Any], rows: list[MappingRow], ws: Workspace, fallback_id: str
) -> TableMeta:
    """Table metadata from a key/value record; missing keys get sensible defaults."""

    def get(key: str) -> str:
        return _text(rec.get(key)).strip()

    status = get("table_status")
    if status not in ("draft", "in-review", "published", "retired"):
        status = "draft"
    catalog = get("catalog") or infer_catalog(rows, ws)
    tid = get("table_id") or fallback_id
    try:
        valid_from = parse_date(get("valid_from"))
        valid_to = parse_date(get("valid_to"))
    except RowRejected:
        valid_from = valid_to = None
    meta = TableMeta(
        id=tid,
        title=get("title") or tid,
        version=get("table_version") or "0.0.0",
        status=status,  # type: ignore[arg-type]
        catalog=catalog,
        report_layout=get("report_layout") or ws.layout.id,
        valid_from=valid_from,
        valid_to=valid_to,
        publisher=_text(rec.get("publisher")),
        description=_text(rec.get("description")),
    )
    return checked(meta)


__all__ = [
    "IDENTITY_KEYS",
    "META_KEYS",
    "READ_ONLY_COLUMNS",
    "ROW_COLUMNS",
    "ROW_FIELDS",
    "ExportInfo",
    "ImportResult",
    "RowRejected",
    "Skipped",
    "evidence_rejected",
    "export_info",
    "infer_catalog",
    "record_row",
    "review_status_rejected",
    "row_record",
    "table_meta",
]
