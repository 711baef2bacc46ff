"""A citizen file from a FHIR Bundle shaped like KL's gateway delivery reports.

Read: the Patient (``identifier`` only if the bundle has one — prefer the CPR system) and every
Condition with a code in FSIII (``urn:oid:1.2.208.176.2.21``; legacy key or UUID, kept as
written).

Level: ``Condition.severity`` B1–B6 (or the UUIDs KL gives them since 2024) → level 0, 1, 2, 3, 4,
9, for funktionsevnetilstande only (KL's gateway forbids a severity on helbredstilstande; one found
there is left out and noted).

Status rule (FHIR → EOJ status), first match wins:
  1. verificationStatus entered-in-error or refuted        → not imported (noted)
  2. clinicalStatus inactive, remission or resolved         → inaktiv
  3. verificationStatus unconfirmed, provisional, differential → kladde
  4. clinicalStatus active, recurrence or relapse           → aktiv
  5. no clinicalStatus (or an unknown one)                  → kladde (noted)
Condition.note texts become the condition's note. Everything unusual is listed in ``notes``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from fsiii_mapper.errors import InputError, read_problem
from fsiii_mapper.io.atomic import atomic_write_text
from fsiii_mapper.io.yamltree import dump_yaml
from fsiii_mapper.model import Citizen
from fsiii_mapper.model.citizen import CitizenCondition
from fsiii_mapper.texts import N_, nt, t
from fsiii_mapper.workspace import Workspace

FSIII_SYSTEM = "urn:oid:1.2.208.176.2.21"
CPR_SYSTEM = "urn:oid:1.2.208.176.1.2"

# KL's funktionsevne scale (ValueSet KLSeveritiesFSIII): legacy code and UUID → level. These are
# codes of the FSIII CodeSystem; the catalog data files do not carry the scale yet.
SEVERITY_LEVEL: dict[str, int] = {
    "B1": 0,
    "9c5cfb57-a498-40e5-98a7-792bf5fb205b": 0,
    "B2": 1,
    "fcc16cb1-41f0-4832-b834-110fba0aaabe": 1,
    "B3": 2,
    "d984ad21-48fe-4619-845e-2aa0303048e7": 2,
    "B4": 3,
    "1ceef776-0cfa-4acd-b222-c5bb2424e0c1": 3,
    "B5": 4,
    "f4c9f159-5806-4c06-95e9-e69b83bab1a1": 4,
    "B6": 9,
    "d7ff926a-4955-478f-b300-0b0ec0785013": 9,
}
EXCLUDED_VERIFICATION = {"entered-in-error", "refuted"}
INACTIVE_CLINICAL = {"inactive", "remission", "resolved"}
DRAFT_VERIFICATION = {"unconfirmed", "provisional", "differential"}
ACTIVE_CLINICAL = {"active", "recurrence", "relapse"}


@dataclass
class CitizenImport:
    citizen: Citizen
    notes: list[str] = field(default_factory=list)


def _code(concept: Any, system: str | None = None) -> tuple[str | None, str | None]:
    """First (system, code) of a CodeableConcept, preferring ``system``."""
    codings = [c for c in (concept or {}).get("coding") or [] if isinstance(c, dict)]
    for c in codings:
        if system is None or c.get("system") == system:
            return c.get("system"), (str(c["code"]).strip() if c.get("code") else None)
    if codings:
        return codings[0].get("system"), None
    return None, None


def _status(res: dict[str, Any]) -> tuple[str | None, str | None]:
    _, clinical = _code(res.get("clinicalStatus"))
    _, verification = _code(res.get("verificationStatus"))
    return clinical, verification


def _name(patient: dict[str, Any]) -> str:
    for n in patient.get("name") or []:
        if n.get("text"):
            return str(n["text"])
        parts = [*(n.get("given") or []), n.get("family") or ""]
        text = " ".join(p for p in parts if p)
        if text:
            return text
    return ""


def _identifier(patient: dict[str, Any]) -> str | None:
    ids = [i for i in patient.get("identifier") or [] if isinstance(i, dict) and i.get("value")]
    for i in ids:
        if i.get("system") == CPR_SYSTEM:
            return str(i["value"])
    return str(ids[0]["value"]) if ids else None


def citizen_from_bundle(
    path: Path,
    ws: Workspace,
    citizen_id: str,
    name: str | None = None,
    lang: str | None = None,
) -> CitizenImport:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(t("file not found", lang), path) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            t("not valid JSON: {problem}", lang, problem=exc.msg), path, exc.lineno, exc.colno
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            t("cannot read the file: {reason}", lang, reason=read_problem(exc)), path
        ) from None
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise InputError(t("not a FHIR Bundle (resourceType must be Bundle)", lang), path)
    entries = [
        (i, e.get("resource") or {}, e.get("fullUrl") or "")
        for i, e in enumerate(data.get("entry") or [])
        if isinstance(e, dict)
    ]
    notes: list[str] = []
    patients = [(i, r, u) for i, r, u in entries if r.get("resourceType") == "Patient"]
    patient = patients[0][1] if patients else {}
    if len(patients) > 1:
        notes.append(
            nt(
                "The bundle has {n} Patient resource; the first was used",
                "The bundle has {n} Patient resources; the first was used",
                len(patients),
                lang,
            )
        )
    patient_refs = {f"Patient/{patient.get('id')}", patients[0][2]} if patients else set()

    def resolve(code: str) -> Any:
        for cat in ws.catalogs.values():
            st = cat.resolve(code)
            if st is not None:
                return st
        return None

    conditions: list[CitizenCondition] = []
    for i, res, _ in entries:
        if res.get("resourceType") != "Condition":
            continue
        where = f"entry[{i}]"
        subject = ((res.get("subject") or {}).get("reference")) or ""
        if patient_refs and subject and subject not in patient_refs:
            notes.append(
                t(
                    "{where}: Condition about another patient ({subject}) – left out",
                    lang,
                    where=where,
                    subject=subject,
                )
            )
            continue
        system, code = _code(res.get("code"), FSIII_SYSTEM)
        if system != FSIII_SYSTEM or not code:
            notes.append(
                t(
                    "{where}: Condition without an FSIII code ({system}) – left out",
                    lang,
                    where=where,
                    system=system or "-",
                )
            )
            continue
        clinical, verification = _status(res)
        if verification in EXCLUDED_VERIFICATION:
            notes.append(
                t(
                    "{where}: {code} has verificationStatus {status} – left out",
                    lang,
                    where=where,
                    code=code,
                    status=verification,
                )
            )
            continue
        if clinical in INACTIVE_CLINICAL:
            status = "inaktiv"
        elif verification in DRAFT_VERIFICATION:
            status = "kladde"
        elif clinical in ACTIVE_CLINICAL:
            status = "aktiv"
        else:
            status = "kladde"
            msgid = (
                N_("{where}: {code} has no clinicalStatus – imported as kladde")
                if clinical is None
                else N_(
                    "{where}: {code} has clinicalStatus {status}, which is unknown – imported "
                    "as kladde"
                )
            )
            notes.append(t(msgid, lang, where=where, code=code, status=clinical))
        st = resolve(code)
        if st is None:
            notes.append(
                t(
                    "{where}: {code} is in no catalog – kept, but the preview will not use it",
                    lang,
                    where=where,
                    code=code,
                )
            )
        _, severity = _code(res.get("severity"))
        level = None
        if severity is not None:
            if st is not None and not st.carries_level:
                notes.append(
                    t(
                        "{where}: {code} is a health state; its severity {severity} was left out",
                        lang,
                        where=where,
                        code=code,
                        severity=severity,
                    )
                )
            elif severity in SEVERITY_LEVEL or severity.lower() in SEVERITY_LEVEL:
                level = SEVERITY_LEVEL.get(severity, SEVERITY_LEVEL.get(severity.lower()))
            else:
                notes.append(
                    t(
                        "{where}: {code} has severity {severity}, not B1–B6 or their UUIDs – "
                        "imported without a level",
                        lang,
                        where=where,
                        code=code,
                        severity=severity,
                    )
                )
        elif st is not None and st.carries_level:
            notes.append(
                t(
                    "{where}: {code} is a function state without severity – imported without a "
                    "level",
                    lang,
                    where=where,
                    code=code,
                )
            )
        note = "\n".join(
            str(n["text"]) for n in res.get("note") or [] if isinstance(n, dict) and n.get("text")
        )
        conditions.append(
            CitizenCondition(
                code=code,
                status=status,  # type: ignore[arg-type]
                level=level,
                note=note,
            )
        )
    description = t(
        "Imported from FHIR Bundle {file} ({bundle}, {timestamp})",
        lang,
        file=path.name,
        bundle=data.get("id") or "-",
        timestamp=data.get("timestamp") or "-",
    )
    citizen = Citizen(
        id=citizen_id,
        name=name if name is not None else _name(patient),
        identifier=_identifier(patient),
        description=description,
        conditions=conditions,
    )
    return CitizenImport(citizen, notes)


def citizen_yaml(c: Citizen, ws: Workspace | None = None) -> str:
    displays: dict[str, str] = {}
    if ws is not None:
        for cond in c.conditions:
            for cat in ws.catalogs.values():
                st = cat.resolve(cond.code)
                if st is not None:
                    displays[cond.code] = (
                        f"{st.key} {st.display}" if st.key != cond.code else st.display
                    )
                    break
    tree = CommentedMap()
    tree["id"] = c.id
    tree["name"] = c.name
    if c.identifier is not None:
        tree["identifier"] = c.identifier
    tree["description"] = c.description
    conds = []
    for cond in c.conditions:
        m = CommentedMap()
        m["code"] = cond.code
        if displays.get(cond.code):
            m.yaml_add_eol_comment(displays[cond.code], "code")
        m["status"] = cond.status
        if cond.level is not None:
            m["level"] = cond.level
        if cond.note:
            m["note"] = cond.note
        conds.append(m)
    tree["conditions"] = conds
    tree.yaml_set_start_comment(
        "Citizen imported from a FHIR Bundle by `fsiii-mapper citizen import-fhir`."
    )
    return dump_yaml(tree)


def save_citizen(result: CitizenImport, path: str | Path, ws: Workspace | None = None) -> None:
    atomic_write_text(path, citizen_yaml(result.citizen, ws))
