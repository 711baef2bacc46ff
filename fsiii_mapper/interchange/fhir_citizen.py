"""A citizen file from a FHIR Bundle shaped like KL's gateway delivery reports.

Read: the Patient (``identifier`` only if the bundle has one — prefer the CPR system) and every
Condition with a code in FSIII. FSIII has two system URIs [verified]: ``urn:oid:1.2.208.176.2.21``
and, in KL's gateway IGs and data of 2021–2023, ``http://kl.dk/fhir/common/caresocial/CodeSystem/
FSIII``; both are read for ``code`` and ``severity``, and each condition records the one it used
(``code_system``). Codes are kept as written (legacy key or UUID).

Level: ``Condition.severity`` B1–B6 (or the UUIDs KL gives them since 2024) → level 0, 1, 2, 3, 4,
9, for funktionsevnetilstande only (KL's gateway forbids a severity on helbredstilstande; one found
there is left out and noted).

Status rule (FHIR → EOJ status), first match wins:
  1. verificationStatus entered-in-error or refuted        → not imported (noted)
  2. clinicalStatus inactive, remission or resolved         → inaktiv
  3. verificationStatus unconfirmed, provisional, differential → kladde
  4. clinicalStatus active, recurrence or relapse           → aktiv
  5. no clinicalStatus (or an unknown one)                  → kladde (noted)

Where documented: a code only in the original catalog was documented in the old states, one only in
the simplified catalog in the simplified states (``documented_in``); a retained code (in both) does
not tell, so it is left open.

Everything left out is listed in ``notes`` with the reason: a code from another code system, an
FSIII state of genoptræning (SUL §140) or forebyggelse (SUL §119) — recognised from the codes
`catalog import` wrote to ``fsiii_other_groups.yaml`` — and every resource type other than Patient
and Condition. A bundle of the wrong shape is refused with its JSON path; characters YAML or a
report cannot hold (a lone surrogate, control characters, U+FFFE, U+FFFF — also in the file name)
are replaced by U+FFFD and noted.

``HappyPath`` is the fast reader of the population count (``gaps --bundles``): the same rules for
a bundle nothing in is noted, without building paths; any other bundle goes to the reader above.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fsiii_mapper.errors import InputError, read_problem
from fsiii_mapper.io.atomic import atomic_write_text
from fsiii_mapper.io.validation import checked
from fsiii_mapper.model import Citizen
from fsiii_mapper.model.catalog import CatalogState
from fsiii_mapper.model.citizen import CitizenCondition, ConditionStatus, DocumentedIn
from fsiii_mapper.texts import N_, nt, t
from fsiii_mapper.workspace import Workspace

FSIII_OID = "urn:oid:1.2.208.176.2.21"
FSIII_CARESOCIAL = "http://kl.dk/fhir/common/caresocial/CodeSystem/FSIII"
FSIII_SYSTEMS = (FSIII_OID, FSIII_CARESOCIAL)
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
READ_TYPES = {"Patient", "Condition"}
# What YAML cannot hold, a report (XML) cannot carry, or a reader would not see: lone surrogates,
# control characters and the non-characters U+FFFE and U+FFFF.
UNWRITABLE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

_OBJECT = N_("an object")
_LIST = N_("a list")
_TEXT = N_("text")


@dataclass
class CitizenImport:
    citizen: Citizen
    notes: list[str] = field(default_factory=list)


class _Reader:
    """Typed access to the bundle's JSON: a value of the wrong kind is refused with its path."""

    def __init__(self, path: Path, notes: list[str], lang: str | None) -> None:
        self.path = path
        self.notes = notes
        self.lang = lang

    def _refuse(self, where: str, expected: str, value: Any) -> InputError:
        return InputError(
            t(
                "{where}: expected {expected}, found {found}",
                self.lang,
                where=where,
                expected=t(expected, self.lang),
                found=_kind(value, self.lang),
            ),
            self.path,
            hint=t("correct the bundle; KL's gateway reports follow FHIR R4", self.lang),
        )

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self._refuse(where, _OBJECT, value)
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._refuse(where, _LIST, value)
        return value

    def text(self, value: Any, where: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise self._refuse(where, _TEXT, value)
        return self.clean(value, where)

    def clean(self, value: str, where: str) -> str:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        if UNWRITABLE.search(value):
            self.notes.append(
                t(
                    "{where}: a character that cannot be stored (control character, lone "
                    "surrogate, U+FFFE or U+FFFF) was replaced by \ufffd",
                    self.lang,
                    where=where,
                )
            )
            value = UNWRITABLE.sub("\ufffd", value)
        return value

    def codings(self, concept: Any, where: str) -> list[tuple[str | None, str | None]]:
        """(system, code) of every coding of a CodeableConcept."""
        c = self.obj(concept, where)
        out = []
        for i, coding in enumerate(self.items(c.get("coding"), f"{where}.coding")):
            at = f"{where}.coding[{i}]"
            coding = self.obj(coding, at)
            code = self.text(coding.get("code"), f"{at}.code")
            out.append((self.text(coding.get("system"), f"{at}.system"), (code or "").strip()))
        return [(s, c or None) for s, c in out]

    def code(self, concept: Any, where: str) -> str | None:
        codings = self.codings(concept, where)
        return codings[0][1] if codings else None

    def fsiii(self, concept: Any, where: str) -> tuple[str | None, str | None]:
        """(system, code) of the first FSIII coding, else (the first other system, None)."""
        codings = self.codings(concept, where)
        for system, code in codings:
            if system in FSIII_SYSTEMS and code:
                return system, code
        return (codings[0][0] if codings else None), None


def _kind(value: Any, lang: str | None) -> str:
    if isinstance(value, dict):
        return t(_OBJECT, lang)
    if isinstance(value, list):
        return t(_LIST, lang)
    if isinstance(value, str):
        return t(_TEXT, lang)
    if isinstance(value, bool):
        return t("true/false", lang)
    if isinstance(value, (int, float)):
        return t("a number", lang)
    return t("null", lang)


def load_bundle(path: Path, lang: str | None) -> Any:
    """The bundle's JSON; an unreadable file or bad JSON is an ``InputError`` (file, line)."""
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
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
    except ValueError:  # an integer longer than Python converts (4300 digits)
        raise InputError(
            t("the file holds a number too long to read", lang),
            path,
            hint=t("correct the bundle; KL's gateway reports follow FHIR R4", lang),
        ) from None
    except RecursionError:
        raise InputError(
            t("the JSON is nested too deeply to read", lang),
            path,
            hint=t("correct the bundle; KL's gateway reports follow FHIR R4", lang),
        ) from None


def condition_status(clinical: str | None, verification: str | None) -> ConditionStatus | None:
    """A Condition's status on the citizen from its clinical and verification status (the
    importer's rule); None when the clinical status is missing or unknown (the importer then
    imports a ``kladde`` and says so)."""
    if clinical in INACTIVE_CLINICAL:
        return "inaktiv"
    if verification in DRAFT_VERIFICATION:
        return "kladde"
    if clinical in ACTIVE_CLINICAL:
        return "aktiv"
    return None


def _name(r: _Reader, patient: dict[str, Any], where: str) -> str:
    for i, n in enumerate(r.items(patient.get("name"), f"{where}.name")):
        at = f"{where}.name[{i}]"
        n = r.obj(n, at)
        text = r.text(n.get("text"), f"{at}.text")
        if text:
            return text
        given = [
            r.text(g, f"{at}.given[{j}]") or ""
            for j, g in enumerate(r.items(n.get("given"), f"{at}.given"))
        ]
        joined = " ".join(p for p in [*given, r.text(n.get("family"), f"{at}.family") or ""] if p)
        if joined:
            return joined
    return ""


def _identifier(r: _Reader, patient: dict[str, Any], where: str) -> str | None:
    ids: list[tuple[str | None, str]] = []
    for i, ident in enumerate(r.items(patient.get("identifier"), f"{where}.identifier")):
        at = f"{where}.identifier[{i}]"
        ident = r.obj(ident, at)
        value = r.text(ident.get("value"), f"{at}.value")
        if value:
            ids.append((r.text(ident.get("system"), f"{at}.system"), value))
    for system, value in ids:
        if system == CPR_SYSTEM:
            return value
    return ids[0][1] if ids else None


def _documented_in(original: CatalogState | None, simplified: CatalogState | None) -> DocumentedIn:
    """Where a code was documented, as far as its catalogs tell (a retained code does not)."""
    if original is not None and simplified is None:
        return "original"
    if simplified is not None and original is None:
        return "simplified"
    return None


def citizen_from_bundle(
    path: Path,
    ws: Workspace,
    citizen_id: str,
    name: str | None = None,
    lang: str | None = None,
) -> CitizenImport:
    return citizen_from_json(load_bundle(path, lang), path, ws, citizen_id, name, lang)


def citizen_from_json(
    data: Any,
    path: Path,
    ws: Workspace,
    citizen_id: str,
    name: str | None = None,
    lang: str | None = None,
) -> CitizenImport:
    """``citizen_from_bundle`` for a bundle already parsed (``path`` names it in messages)."""
    notes: list[str] = []
    r = _Reader(path, notes, lang)
    data = r.obj(data, "$")
    if data.get("resourceType") != "Bundle":
        raise InputError(t("not a FHIR Bundle (resourceType must be Bundle)", lang), path)
    entries: list[tuple[str, dict[str, Any], str]] = []
    for i, e in enumerate(r.items(data.get("entry"), "entry")):
        e = r.obj(e, f"entry[{i}]")
        res = r.obj(e.get("resource"), f"entry[{i}].resource")
        entries.append((f"entry[{i}]", res, r.text(e.get("fullUrl"), f"entry[{i}].fullUrl") or ""))
    patients = [(w, res, u) for w, res, u in entries if res.get("resourceType") == "Patient"]
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
    patient_refs: set[str] = set()
    if patients:
        pid = r.text(patient.get("id"), f"{patients[0][0]}.resource.id")
        patient_refs = {f"Patient/{pid}", patients[0][2]}

    conditions: list[CitizenCondition] = []
    for where, res, _ in entries:
        if res.get("resourceType") != "Condition":
            continue
        cond = _condition(r, ws, res, where, patient_refs)
        if cond is not None:
            conditions.append(cond)
    _note_other_resources(r, entries)

    file_name = r.clean(path.name, t("the file name", lang))
    description = t(
        "Imported from FHIR Bundle {file} ({bundle}, {timestamp})",
        lang,
        file=file_name,
        bundle=r.text(data.get("id"), "id") or "-",
        timestamp=r.text(data.get("timestamp"), "timestamp") or "-",
    )
    who = patients[0][0] + ".resource" if patients else "-"
    citizen = Citizen(
        id=citizen_id,
        name=name if name is not None else _name(r, patient, who),
        identifier=_identifier(r, patient, who),
        description=description,
        conditions=conditions,
    )
    return CitizenImport(checked(citizen), notes)  # validated as a citizen file is


def _note_other_resources(r: _Reader, entries: list[tuple[str, dict[str, Any], str]]) -> None:
    """Every resource that is not read is listed by type (and profile), never dropped silently."""
    others: Counter[str] = Counter()
    for where, res, _ in entries:
        kind = r.text(res.get("resourceType"), f"{where}.resource.resourceType") or "-"
        if kind in READ_TYPES:
            continue
        meta = r.obj(res.get("meta"), f"{where}.resource.meta")
        profiles = r.items(meta.get("profile"), f"{where}.resource.meta.profile")
        profile = r.text(profiles[0], f"{where}.resource.meta.profile[0]") if profiles else None
        others[f"{kind} ({profile.rstrip('/').rsplit('/', 1)[-1]})" if profile else kind] += 1
    for kind, n in sorted(others.items()):
        r.notes.append(
            nt(
                "The bundle holds {n} {kind} resource – not part of a citizen file, left out",
                "The bundle holds {n} {kind} resources – not part of a citizen file, left out",
                n,
                r.lang,
                kind=kind,
            )
        )


def _condition(
    r: _Reader, ws: Workspace, res: dict[str, Any], where: str, patient_refs: set[str]
) -> CitizenCondition | None:
    lang = r.lang
    at = f"{where}.resource"
    subject = r.text(r.obj(res.get("subject"), f"{at}.subject").get("reference"), f"{at}.subject")
    if patient_refs and subject and subject not in patient_refs:
        r.notes.append(
            t(
                "{where}: Condition about another patient ({subject}) – left out",
                lang,
                where=where,
                subject=subject,
            )
        )
        return None
    system, code = r.fsiii(res.get("code"), f"{at}.code")
    if code is None:
        r.notes.append(
            t(
                "{where}: code from another code system ({system}) – left out",
                lang,
                where=where,
                system=system or "-",
            )
            if system not in FSIII_SYSTEMS
            else t("{where}: Condition without an FSIII code – left out", lang, where=where)
        )
        return None
    original, simplified = (ws.catalogs[c].resolve(code) for c in ("original", "simplified"))
    st = original or simplified
    other = ws.other_groups.find(code) if ws.other_groups is not None and st is None else None
    if other is not None:
        r.notes.append(
            t(
                "{where}: {code} is an FSIII state of {group} ({law}) – not part of the "
                "Indlæggelsesrapport, left out",
                lang,
                where=where,
                code=code,
                group=other.display,
                law=other.law,
            )
        )
        return None
    clinical = r.code(res.get("clinicalStatus"), f"{at}.clinicalStatus")
    verification = r.code(res.get("verificationStatus"), f"{at}.verificationStatus")
    if verification in EXCLUDED_VERIFICATION:
        r.notes.append(
            t(
                "{where}: {code} has verificationStatus {status} – left out",
                lang,
                where=where,
                code=code,
                status=verification,
            )
        )
        return None
    status = condition_status(clinical, verification)
    if status is None:
        status = "kladde"
        msgid = (
            N_("{where}: {code} has no clinicalStatus – imported as kladde")
            if clinical is None
            else N_(
                "{where}: {code} has clinicalStatus {status}, which is unknown – imported as kladde"
            )
        )
        r.notes.append(t(msgid, lang, where=where, code=code, status=clinical))
    if st is None:
        r.notes.append(
            t(
                "{where}: {code} is in no catalog – kept, but the preview will not use it",
                lang,
                where=where,
                code=code,
            )
        )
    level = _level(r, res, where, code, st)
    note = "\n".join(
        text
        for i, n in enumerate(r.items(res.get("note"), f"{at}.note"))
        if (text := r.text(r.obj(n, f"{at}.note[{i}]").get("text"), f"{at}.note[{i}].text"))
    )
    return CitizenCondition(
        code=code,
        status=status,
        level=level,
        note=note,
        documented_in=_documented_in(original, simplified),
        code_system=system,
    )


def _level(
    r: _Reader, res: dict[str, Any], where: str, code: str, st: CatalogState | None
) -> int | None:
    lang = r.lang
    codings = r.codings(res.get("severity"), f"{where}.resource.severity")
    if not codings:
        if st is not None and st.carries_level:
            r.notes.append(
                t(
                    "{where}: {code} is a function state without severity – imported without a "
                    "level",
                    lang,
                    where=where,
                    code=code,
                )
            )
        return None
    system, severity = next(((s, c) for s, c in codings if s in FSIII_SYSTEMS and c), codings[0])
    shown = severity or "-"
    if st is not None and not st.carries_level:
        r.notes.append(
            t(
                "{where}: {code} is a health state; its severity {severity} was left out",
                lang,
                where=where,
                code=code,
                severity=shown,
            )
        )
        return None
    if system not in FSIII_SYSTEMS or severity is None:
        r.notes.append(
            t(
                "{where}: {code} has a severity from another code system ({system}) – imported "
                "without a level",
                lang,
                where=where,
                code=code,
                system=system or "-",
            )
        )
        return None
    level = SEVERITY_LEVEL.get(severity, SEVERITY_LEVEL.get(severity.lower()))
    if level is None:
        r.notes.append(
            t(
                "{where}: {code} has severity {severity}, not B1–B6 or their UUIDs – "
                "imported without a level",
                lang,
                where=where,
                code=code,
                severity=severity,
            )
        )
    return level


def citizen_yaml(c: Citizen, ws: Workspace | None = None) -> str:
    # YAML only when a citizen is written: a population count reads bundles and writes none
    from ruamel.yaml.comments import CommentedMap

    from fsiii_mapper.io.yamltree import dump_yaml

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
        if cond.documented_in is not None:
            m["documented_in"] = cond.documented_in
        if cond.code_system is not None:
            m["code_system"] = cond.code_system
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


# --- the happy path -----------------------------------------------------------------------------

ConditionKey = tuple[str, ConditionStatus, int | None, DocumentedIn, str | None]
"""A read condition as a count needs it: code, status, level, documented_in, code_system (the
attributes of ``CitizenCondition`` the import sets, in that order, but the note: whether a field
is filled does not depend on a note's text)."""


class _Off(Exception):
    """The bundle is not on the happy path: read it with the checking reader."""


def _plain(value: Any) -> str | None:
    """``value`` when it is text ``_Reader.clean`` keeps as it is (or None); else ``_Off``."""
    if value is None:
        return None
    if type(value) is not str:
        raise _Off
    if not value.isprintable() and ("\r" in value or UNWRITABLE.search(value)):
        raise _Off
    return value


def _fast_codings(concept: Any) -> list[tuple[str | None, str | None]]:
    """``_Reader.codings`` for a well-formed CodeableConcept; ``_Off`` for anything else."""
    if concept is None:
        return []
    if type(concept) is not dict:
        raise _Off
    codings = concept.get("coding")
    if codings is None:
        return []
    if type(codings) is not list:
        raise _Off
    out: list[tuple[str | None, str | None]] = []
    for coding in codings:
        if type(coding) is not dict:
            raise _Off
        code = _plain(coding.get("code"))
        out.append((_plain(coding.get("system")), (code or "").strip() or None))
    return out


class HappyPath:
    """The conditions ``citizen_from_json`` reads from a bundle (as ``ConditionKey``), read
    without building JSON paths.

    ``conditions(data)`` touches the values directly and builds no JSON paths or messages. It
    answers only for a bundle the checking reader would import without a single note: when
    anything is off — a value of the wrong kind, a resource other than one Patient and its
    Conditions, a code from another system or in no catalog, a status or severity the checking
    reader notes, a character it would replace — it answers None, and the bundle is to be read
    with ``citizen_from_json``, which gives the notes and refusals. Where it answers, its
    conditions are exactly those of ``citizen_from_json`` with a name given (it does not read
    ``Patient.name``; the population count names no one), but for their notes' text —
    ``tests/test_fhir_happy_path.py``.
    It is stricter than the checking reader in places (a null entry, a second Patient): those
    bundles simply take the careful path.
    """

    def __init__(self, ws: Workspace) -> None:
        self._original = ws.catalogs["original"]
        self._simplified = ws.catalogs["simplified"]
        self._states: dict[str, tuple[CatalogState | None, CatalogState | None]] = {}

    def _resolve(self, code: str) -> tuple[CatalogState | None, CatalogState | None]:
        found = self._states.get(code)
        if found is None:
            found = (self._original.resolve(code), self._simplified.resolve(code))
            if found == (None, None):
                raise _Off  # another group's state, or in no catalog: both are noted
            self._states[code] = found
        return found

    def conditions(self, data: Any, path: Path) -> tuple[ConditionKey, ...] | None:
        """The bundle's conditions, or None when it must be read with ``citizen_from_json``."""
        try:
            _plain(path.name)
            return self._read(data)
        except _Off:
            return None

    def _read(self, data: Any) -> tuple[ConditionKey, ...]:
        if type(data) is not dict or data.get("resourceType") != "Bundle":
            raise _Off
        _plain(data.get("id"))
        _plain(data.get("timestamp"))
        entries = data.get("entry")
        if entries is None:
            entries = []
        elif type(entries) is not list:
            raise _Off
        patient: dict[str, Any] | None = None
        patient_url = ""
        resources: list[dict[str, Any]] = []
        for entry in entries:
            if type(entry) is not dict:
                raise _Off
            res = entry.get("resource")
            if type(res) is not dict:
                raise _Off
            url = _plain(entry.get("fullUrl"))
            kind = res.get("resourceType")
            if kind == "Condition":
                resources.append(res)
            elif kind == "Patient" and patient is None:
                patient, patient_url = res, url or ""
            else:
                raise _Off  # another resource type, or a second Patient: both are noted
        refs: set[str] = set()
        if patient is not None:
            refs = {f"Patient/{_plain(patient.get('id'))}", patient_url}
            idents = patient.get("identifier")
            if idents is not None:
                if type(idents) is not list:
                    raise _Off
                for ident in idents:
                    if type(ident) is not dict:
                        raise _Off
                    _plain(ident.get("value"))
                    _plain(ident.get("system"))
        return tuple(self._condition(res, refs) for res in resources)

    def _condition(self, res: dict[str, Any], refs: set[str]) -> ConditionKey:
        subject = res.get("subject")
        if subject is not None:
            if type(subject) is not dict:
                raise _Off
            reference = _plain(subject.get("reference"))
            if refs and reference and reference not in refs:
                raise _Off
        system = code = None
        for s, c in _fast_codings(res.get("code")):
            if s in FSIII_SYSTEMS and c:
                system, code = s, c
                break
        if code is None:
            raise _Off
        original, simplified = self._resolve(code)
        st = original or simplified
        assert st is not None
        clinical = _first_code(res.get("clinicalStatus"))
        verification = _first_code(res.get("verificationStatus"))
        if verification in EXCLUDED_VERIFICATION:
            raise _Off
        status = condition_status(clinical, verification)
        if status is None:
            raise _Off
        level = _fast_level(res.get("severity"), st)
        _check_notes(res.get("note"))
        return code, status, level, _documented_in(original, simplified), system


def _first_code(concept: Any) -> str | None:
    codings = _fast_codings(concept)
    return codings[0][1] if codings else None


def _fast_level(concept: Any, st: CatalogState) -> int | None:
    codings = _fast_codings(concept)
    if not codings:
        if st.carries_level:
            raise _Off
        return None
    if not st.carries_level:
        raise _Off
    system, severity = next(((s, c) for s, c in codings if s in FSIII_SYSTEMS and c), codings[0])
    if system not in FSIII_SYSTEMS or severity is None:
        raise _Off
    level = SEVERITY_LEVEL.get(severity)
    if level is None:
        level = SEVERITY_LEVEL.get(severity.lower())
        if level is None:
            raise _Off
    return level


def _check_notes(notes: Any) -> None:
    """The notes' texts are not counted, but the checking reader would note an odd one."""
    if notes is None:
        return
    if type(notes) is not list:
        raise _Off
    for n in notes:
        if type(n) is not dict:
            raise _Off
        _plain(n.get("text"))
