"""FHIR ConceptMap, R4 and R5 (JSON), from a mapping table and back.

Source system: FSIII, ``urn:oid:1.2.208.176.2.21`` (version: the catalog's code_system_version, in
R4 as ``group.sourceVersion``, in R5 as ``group.source`` = ``system|version``);
codes are the table's source codes as written (legacy key or UUID: both are codes of KL's FSIII
CodeSystem). Target system: the report fields of the layout, ``REPORT_FIELD_SYSTEM`` (our own URI,
version: the layout id), codes FA510… and I1…I12.

Direction. R4 ``equivalence`` is read target → source ("the target is wider than the source");
R5 ``relationship`` is read source → target. So:

    table relationship   R4 equivalence   R5 relationship
    equivalent           equivalent       equivalent
    source-broader       narrower         source-is-broader-than-target
    source-narrower      wider            source-is-narrower-than-target
    related              relatedto        related-to
    no-map               unmatched        (element.noMap = true)

Both versions require a comment on R4 ``narrower`` / R5 ``source-is-broader-than-target``; when
a row has none, a standard sentence is written and flagged with the ``comment-generated``
extension, so an import gives the empty comment back.

Review status, author and date: R5 has ``ConceptMap.property`` / ``target.property`` for them;
R4 has no such element, so they travel as extensions (URLs under ``EXTENSION_BASE``). In R5 a
no-map element has no target to carry them, so there they are element extensions too. Table
metadata that ConceptMap has no element for (exact table status, catalog id, report layout)
travels as extensions on the resource.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import Any, Literal

from fsiii_mapper.errors import InputError, read_problem
from fsiii_mapper.interchange.records import (
    ExportInfo,
    ImportResult,
    RowRejected,
    Skipped,
    evidence_rejected,
    parse_date,
    review_status_rejected,
    table_meta,
)
from fsiii_mapper.io.schema_errors import location_text, problem_text, quoted
from fsiii_mapper.io.validation import Invalid, checked
from fsiii_mapper.model import MappingRow, MappingTable
from fsiii_mapper.model.table import REVIEW_STATUSES, ROW_EVIDENCE
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import Workspace

FhirVersion = Literal["r4", "r5"]
MAX_JSON_MB = 50  # a ConceptMap of the shipped tables is ~60 kB
MAX_JSON_BYTES = MAX_JSON_MB * 1024 * 1024

FSIII_SYSTEM = "urn:oid:1.2.208.176.2.21"
# Our own identifiers. ".invalid" is reserved (RFC 2606): these name things, they resolve nowhere.
# MedCom can substitute its canonical base when it publishes the tables.
BASE = "https://fsiii-mapper.invalid/fhir"
REPORT_FIELD_SYSTEM = f"{BASE}/CodeSystem/xdis16-report-field"
EXTENSION_BASE = f"{BASE}/StructureDefinition"
EXT = {
    "review_status": f"{EXTENSION_BASE}/mapping-review-status",
    "evidence": f"{EXTENSION_BASE}/mapping-evidence",
    "author": f"{EXTENSION_BASE}/mapping-author",
    "date": f"{EXTENSION_BASE}/mapping-date",
    "comment": f"{EXTENSION_BASE}/mapping-comment",
    "comment_generated": f"{EXTENSION_BASE}/comment-generated",
    "table_status": f"{EXTENSION_BASE}/table-status",
    "catalog": f"{EXTENSION_BASE}/table-catalog",
    "report_layout": f"{EXTENSION_BASE}/table-report-layout",
    "valid_from": f"{EXTENSION_BASE}/table-valid-from",
    "valid_to": f"{EXTENSION_BASE}/table-valid-to",
}
# The review status is a code of our own small code system (draft | in-review | approved |
# rejected); FHIR R5 requires a ``system`` for a property of type code (invariant cmd-11).
REVIEW_STATUS_SYSTEM = f"{BASE}/CodeSystem/mapping-review-status"
PROPERTY_URI = {
    "review-status": f"{BASE}/property/review-status",
    "author": f"{BASE}/property/author",
    "date": f"{BASE}/property/date",
}

R4_EQUIVALENCE = {
    "equivalent": "equivalent",
    "source-broader": "narrower",
    "source-narrower": "wider",
    "related": "relatedto",
    "no-map": "unmatched",
}
R5_RELATIONSHIP = {
    "equivalent": "equivalent",
    "source-broader": "source-is-broader-than-target",
    "source-narrower": "source-is-narrower-than-target",
    "related": "related-to",
}
# Reading back also accepts the other R4 codes with a clear counterpart.
_FROM_R4 = {v: k for k, v in R4_EQUIVALENCE.items()} | {
    "equal": "equivalent",
    "specializes": "source-broader",
    "subsumes": "source-narrower",
    "inexact": "related",
}
_FROM_R5 = {v: k for k, v in R5_RELATIONSHIP.items()}

GENERATED_COMMENT = (
    "Kildetilstanden er bredere end rapportfeltet; dens niveau/tekst bruges for feltet "
    "(source is broader than target)"
)
_STATUS = {"draft": "draft", "in-review": "draft", "published": "active", "retired": "retired"}
_STATUS_BACK = {"draft": "draft", "active": "published", "retired": "retired"}


def _fhir_id(text: str) -> str:
    return (re.sub(r"[^A-Za-z0-9\-.]", "-", text) or "table")[:64]


def canonical_url(table_id: str) -> str:
    """The table's canonical URL (the ConceptMap's ``url``; SSSOM's ``mapping_provider``)."""
    return f"{BASE}/ConceptMap/{_fhir_id(table_id)}"


def _fhir_name(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    name = "".join(w[:1].upper() + w[1:] for w in words) or "Table"
    return ("FsiiiMapper" + name)[:255]


def _ext(key: str, value_type: str, value: Any) -> dict[str, Any]:
    return {"url": EXT[key], value_type: value}


def _row_exts(row: MappingRow, with_comment: bool) -> list[dict[str, Any]]:
    out = [_ext("review_status", "valueCode", row.review_status)]
    if row.evidence:
        out.append(_ext("evidence", "valueCode", row.evidence))
    if row.author:
        out.append(_ext("author", "valueString", row.author))
    if row.date:
        out.append(_ext("date", "valueDate", row.date.isoformat()))
    if with_comment and row.comment:
        out.append(_ext("comment", "valueString", row.comment))
    return out


def _target(row: MappingRow, ws: Workspace, version: FhirVersion) -> dict[str, Any]:
    tgt: dict[str, Any] = {}
    if row.target:
        tgt["code"] = row.target
        tgt["display"] = ws.layout.label_of(row.target)
    comment = row.comment
    generated = False
    if not comment and row.relationship == "source-broader":
        comment, generated = GENERATED_COMMENT, True
    if version == "r4":
        tgt["equivalence"] = R4_EQUIVALENCE[row.relationship]
        if comment:
            tgt["comment"] = comment
        tgt["extension"] = _row_exts(row, with_comment=False)
    else:
        tgt["relationship"] = R5_RELATIONSHIP[row.relationship]
        if comment:
            tgt["comment"] = comment
        props: list[dict[str, Any]] = [{"code": "review-status", "valueCode": row.review_status}]
        if row.author:
            props.append({"code": "author", "valueString": row.author})
        if row.date:
            props.append({"code": "date", "valueDateTime": row.date.isoformat()})
        tgt["property"] = props
        if row.evidence:
            tgt["extension"] = [_ext("evidence", "valueCode", row.evidence)]
    if generated:
        tgt.setdefault("extension", []).append(_ext("comment_generated", "valueBoolean", True))
    return tgt


def _elements(
    table: MappingTable, ws: Workspace, info: ExportInfo, version: FhirVersion
) -> list[dict[str, Any]]:
    """One element per run of consecutive mapped rows with the same source (1→N rows share an
    element, row order is kept); in R5 a no-map row is an element of its own."""
    out: list[dict[str, Any]] = []
    last: dict[str, Any] | None = None
    for row in table.rows:
        st = info.catalog.resolve(row.source) if info.catalog else None
        if version == "r5" and not row.maps:
            el: dict[str, Any] = {"code": row.source}
            if st:
                el["display"] = st.display
            el["noMap"] = True
            el["extension"] = _row_exts(row, with_comment=True)
            out.append(el)
            last = None
            continue
        if last is not None and last["code"] == row.source:
            last["target"].append(_target(row, ws, version))
            continue
        el = {"code": row.source}
        if st:
            el["display"] = st.display
        el["target"] = [_target(row, ws, version)]
        out.append(el)
        last = el
    return out


def render_conceptmap(
    table: MappingTable, ws: Workspace, info: ExportInfo, version: FhirVersion
) -> str:
    m = table.table
    cm: dict[str, Any] = {"resourceType": "ConceptMap", "id": _fhir_id(m.id)}
    cm["text"] = {"status": "generated", "div": narrative(table, ws, info)}
    exts = [
        _ext("table_status", "valueCode", m.status),
        _ext("catalog", "valueString", m.catalog),
        _ext("report_layout", "valueString", m.report_layout),
    ]
    if version == "r4":
        if m.valid_from:
            exts.append(_ext("valid_from", "valueDate", m.valid_from.isoformat()))
        if m.valid_to:
            exts.append(_ext("valid_to", "valueDate", m.valid_to.isoformat()))
    cm["extension"] = exts
    cm["url"] = canonical_url(m.id)
    identifier = {"system": f"{BASE}/table-id", "value": m.id}
    cm["identifier"] = identifier if version == "r4" else [identifier]
    cm["version"] = m.version
    cm["name"] = _fhir_name(m.id)
    cm["title"] = m.title
    cm["status"] = _STATUS[m.status]
    cm["date"] = info.exported_at_text
    if m.publisher:
        cm["publisher"] = m.publisher
    if m.description:
        cm["description"] = m.description
    if version == "r5":
        if m.valid_from or m.valid_to:
            period = {}
            if m.valid_from:
                period["start"] = m.valid_from.isoformat()
            if m.valid_to:
                period["end"] = m.valid_to.isoformat()
            cm["effectivePeriod"] = period
        cm["property"] = [
            {
                "code": "review-status",
                "uri": PROPERTY_URI["review-status"],
                "type": "code",
                "system": REVIEW_STATUS_SYSTEM,
                "description": "Review status of the mapping row: " + " | ".join(REVIEW_STATUSES),
            },
            {
                "code": "author",
                "uri": PROPERTY_URI["author"],
                "type": "string",
                "description": "Who made the decision recorded in the row",
            },
            {
                "code": "date",
                "uri": PROPERTY_URI["date"],
                "type": "dateTime",
                "description": "When the row was last decided",
            },
        ]
    group: dict[str, Any] = {}
    source_version = info.catalog.code_system_version if info.catalog else None
    if version == "r4":
        group["source"] = FSIII_SYSTEM
        if source_version:
            group["sourceVersion"] = source_version
        group["target"] = REPORT_FIELD_SYSTEM
        group["targetVersion"] = info.layout_id
    else:  # R5: group.source/target are canonicals, the version follows a "|"
        group["source"] = FSIII_SYSTEM + (f"|{source_version}" if source_version else "")
        group["target"] = f"{REPORT_FIELD_SYSTEM}|{info.layout_id}"
    group["element"] = _elements(table, ws, info, version)
    cm["group"] = [group] if group["element"] else []
    if not cm["group"]:
        del cm["group"]
    return json.dumps(cm, ensure_ascii=False, indent=2) + "\n"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(text: str) -> str:
    """Text for the XHTML narrative: escaped, without characters XML cannot hold."""
    return escape(_NOT_XML.sub("\ufffd", text))


def narrative(table: MappingTable, ws: Workspace, info: ExportInfo) -> str:
    """The human-readable summary FHIR asks every resource to carry (dom-6): title, version,
    status and one table row per mapping row, as XHTML."""
    m = table.table
    head = f"<p><b>{_x(m.title)}</b> ({_x(m.id)} {_x(m.version)}, {_x(m.status)})</p>"
    rows = []
    for r in table.rows:
        st = info.catalog.resolve(r.source) if info.catalog else None
        target = f"{r.target} {ws.layout.label_of(r.target)}" if r.maps and r.target else "–"
        cells = (f"{r.source} {st.display if st else ''}".strip(), r.relationship, target)
        rows.append("<tr>" + "".join(f"<td>{_x(c)}</td>" for c in cells) + "</tr>")
    header = "<tr><th>FSIII</th><th>relationship</th><th>XDIS16</th></tr>"
    return (
        f'<div xmlns="http://www.w3.org/1999/xhtml">{head}<table>{header}{"".join(rows)}'
        "</table></div>"
    )


# --- reading back ----------------------------------------------------------------------------


def load_json(path: Path) -> Any:
    """The parsed JSON of ``path``; every way it can fail is an ``InputError`` (file, line and
    column where known): unreadable, too large, not UTF-8, not JSON, a number too long for
    Python, nesting too deep."""
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise InputError(
                t("the file is larger than {n} MB; a ConceptMap is far smaller", n=MAX_JSON_MB),
                path,
            )
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(
            t("not valid JSON: {problem}", problem=exc.msg), path, exc.lineno, exc.colno
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = read_problem(exc)
        raise InputError(t("cannot read the file: {reason}", reason=reason), path) from None
    except RecursionError:
        raise InputError(t("not valid JSON: nested too deeply"), path) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise InputError(t("not valid JSON: {problem}", problem=exc), path) from None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def conceptmap_version(data: dict[str, Any]) -> FhirVersion | None:
    """R4 or R5 from the shape of the resource (None when it says neither)."""
    keys = set()
    for group in _list(data.get("group")):
        for el in _list(_dict(group).get("element")):
            keys |= set(_dict(el))
            for tgt in _list(_dict(el).get("target")):
                keys |= set(_dict(tgt))
        keys |= set(_dict(group))
    keys |= set(data)
    if keys & {"relationship", "noMap", "sourceScope", "sourceScopeUri", "sourceScopeCanonical"}:
        return "r5"
    if keys & {"equivalence", "unmapped", "sourceUri", "sourceCanonical"}:
        return "r4"
    if isinstance(data.get("identifier"), dict):
        return "r4"
    return None


def _ext_value(obj: dict[str, Any], key: str) -> Any:
    for e in _list(obj.get("extension")):
        if isinstance(e, dict) and e.get("url") == EXT[key]:
            for k, v in e.items():
                if k.startswith("value"):
                    return v
    return None


def _props(tgt: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in _list(tgt.get("property")):
        if isinstance(p, dict) and isinstance(p.get("code"), str):
            out[p["code"]] = next((v for k, v in p.items() if k.startswith("value")), None)
    return out


def _row(
    source: str,
    target: str | None,
    relationship: str,
    holder: dict[str, Any],
    comment: str,
    version: FhirVersion,
    generated: bool,
) -> MappingRow:
    if version == "r5" and "property" in holder:
        props = _props(holder)
        review, author, date = props.get("review-status"), props.get("author"), props.get("date")
    else:
        review = _ext_value(holder, "review_status")
        author = _ext_value(holder, "author")
        date = _ext_value(holder, "date")
    review = review or "draft"
    if review not in REVIEW_STATUSES:
        raise RowRejected(review_status_rejected(review))
    evidence = _ext_value(holder, "evidence") or None
    if evidence not in (None, *ROW_EVIDENCE):
        raise RowRejected(evidence_rejected(evidence))
    if generated and comment == GENERATED_COMMENT:
        comment = ""
    if date is not None and not isinstance(date, str):
        raise RowRejected(t("the date {value} is not a date (YYYY-MM-DD)", value=quoted(date)))
    try:
        return checked(
            MappingRow(
                source=source,
                target=target,
                relationship=relationship,  # type: ignore[arg-type]
                review_status=review,
                evidence=evidence,
                comment=comment,
                author=_str(author),
                date=parse_date(date),
            )
        )
    except Invalid as exc:
        error = exc.errors[0]
        raise RowRejected(f"{location_text(error['loc'])}: {problem_text(error)}") from None


def read_conceptmap(path: Path, ws: Workspace, version: FhirVersion | None = None) -> ImportResult:
    data = load_json(path)
    if not isinstance(data, dict) or data.get("resourceType") != "ConceptMap":
        raise InputError(t("not a FHIR ConceptMap (resourceType must be ConceptMap)"), path)
    version = version or conceptmap_version(data) or "r4"
    rows: list[MappingRow] = []
    skipped: list[Skipped] = []
    if "group" in data and not isinstance(data["group"], list):
        skipped.append(Skipped("group", t("group must be a list; it was left out")))
    for gi, group in enumerate(_list(data.get("group"))):
        where_g = f"group[{gi}]"
        if not isinstance(group, dict):
            skipped.append(Skipped(where_g, t("a group must be an object; it was left out")))
            continue
        if _str(group.get("source")).split("|", 1)[0] != FSIII_SYSTEM:
            skipped.append(
                Skipped(
                    where_g,
                    t(
                        "the source system {system} is not FSIII ({fsiii}); the whole group was "
                        "left out",
                        system=quoted(group.get("source")),
                        fsiii=FSIII_SYSTEM,
                    ),
                )
            )
            continue
        for ei, el in enumerate(_list(group.get("element"))):
            where_e = f"{where_g}.element[{ei}]"
            if not isinstance(el, dict):
                skipped.append(Skipped(where_e, t("an element must be an object")))
                continue
            source = _str(el.get("code")).strip()
            if not source:
                skipped.append(Skipped(where_e, t("the element has no code")))
                continue
            if version == "r5" and el.get("noMap") is True:
                try:
                    rows.append(
                        _row(
                            source,
                            None,
                            "no-map",
                            el,
                            _str(_ext_value(el, "comment")),
                            version,
                            False,
                        )
                    )
                except RowRejected as exc:
                    skipped.append(Skipped(where_e, str(exc)))
                if el.get("target"):
                    skipped.append(
                        Skipped(
                            where_e,
                            t("noMap is true but targets are given; the targets were left out"),
                        )
                    )
                continue
            targets = _list(el.get("target"))
            if not targets:
                skipped.append(Skipped(where_e, t("the element has neither a target nor noMap")))
            for ti, tgt in enumerate(targets):
                where = f"{where_e}.target[{ti}]"
                try:
                    if not isinstance(tgt, dict):
                        raise RowRejected(t("a target must be an object"))
                    rows.append(_target_row(source, tgt, version))
                except RowRejected as exc:
                    skipped.append(Skipped(where, str(exc)))
        if group.get("unmapped"):
            skipped.append(
                Skipped(
                    f"{where_g}.unmapped",
                    t("group.unmapped is not a row of a mapping table and was left out"),
                )
            )
    identifier = data.get("identifier")
    if version == "r5":
        identifier = next(iter(_list(identifier)), None)
    m: dict[str, Any] = {
        "table_id": _dict(identifier).get("value"),
        "title": data.get("title"),
        "table_version": data.get("version"),
        "table_status": _ext_value(data, "table_status")
        or _STATUS_BACK.get(_str(data.get("status")), "draft"),
        "catalog": _ext_value(data, "catalog"),
        "report_layout": _ext_value(data, "report_layout"),
        "publisher": data.get("publisher"),
        "description": data.get("description"),
    }
    if version == "r5":
        period = _dict(data.get("effectivePeriod"))
        m["valid_from"], m["valid_to"] = period.get("start"), period.get("end")
    else:
        m["valid_from"] = _ext_value(data, "valid_from")
        m["valid_to"] = _ext_value(data, "valid_to")
    fallback = _str(data.get("id")) or path.stem
    meta = table_meta({k: _str(v) for k, v in m.items() if isinstance(v, str)}, rows, ws, fallback)
    return ImportResult(MappingTable(table=meta, rows=rows), f"conceptmap-{version}", skipped)


def _target_row(source: str, tgt: dict[str, Any], version: FhirVersion) -> MappingRow:
    comment = _str(tgt.get("comment"))
    generated = _ext_value(tgt, "comment_generated") is True
    code = _str(tgt.get("code")).strip() or None
    if version == "r4":
        eq = tgt.get("equivalence")
        if not isinstance(eq, str) or eq not in _FROM_R4:
            raise RowRejected(
                t("the equivalence {value} has no counterpart in a mapping table", value=quoted(eq))
            )
        rel = _FROM_R4[eq]
    else:
        rel_code = tgt.get("relationship")
        if not isinstance(rel_code, str) or rel_code not in _FROM_R5:
            raise RowRejected(
                t(
                    "the relationship {value} has no counterpart in a mapping table",
                    value=quoted(rel_code),
                )
            )
        rel = _FROM_R5[rel_code]
    if rel == "no-map":
        if code:
            raise RowRejected(
                t("the equivalence unmatched has a target code {code}", code=quoted(code))
            )
        return _row(source, None, rel, tgt, comment, version, generated)
    if not code:
        raise RowRejected(t("a target ({relationship}) without a code", relationship=rel))
    return _row(source, code, rel, tgt, comment, version, generated)
