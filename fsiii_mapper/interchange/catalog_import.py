"""Build the tool's catalogs from KL's FHIR CodeSystem files (kl-term).

kl-term 1.x holds only the original FSIII with legacy keys (``J1.1``). kl-term 2.x holds every
concept twice: once under its FK-klassifikation UUID and once under its legacy key, old and
simplified concepts side by side, without a property linking the two. This module pairs them
(group by display, area by display, state by display + definition inside paired areas) and decides
each state's simplification status:

- ``new``: in the newest file but not in the original catalog (verified when an older file was
  given, assumed from the text-style key otherwise);
- ``retained`` / ``outgoing``: an original state whose definition was rewritten in the new style
  (with "Eksempler:") is retained, else outgoing. This is our reading, so it is marked assumed,
  except in an area KL itself marks as outgoing (J5 Samfundsliv): outgoing, verified.

A CodeSystem is FSIII when its ``url`` is one of FSIII's two URIs (the OID, or KL's caresocial URI
of 2021–2023) or its ``identifier`` names the OID. A *UUID-only* release (KL announced that legacy
keys and retiring concepts go away) has no ``J``/``I`` trees: its concepts are matched to the
existing catalogs by UUID, a state that is no longer there becomes ``outgoing`` (verified), and a
concept the catalogs do not know is ``new`` (verified) under its UUID. JSON of the wrong shape is
refused with its JSON path; nothing is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fsiii_mapper.errors import InputError, read_problem
from fsiii_mapper.io.schema_errors import quoted
from fsiii_mapper.io.validation import checked
from fsiii_mapper.model.catalog import (
    Catalog,
    CatalogArea,
    CatalogState,
    OtherGroup,
    OtherGroups,
    OtherGroupState,
    StateStatus,
)
from fsiii_mapper.model.common import Evidence, Group, replaced
from fsiii_mapper.texts import t

FSIII_SYSTEM = "urn:oid:1.2.208.176.2.21"
FSIII_CARESOCIAL = "http://kl.dk/fhir/common/caresocial/CodeSystem/FSIII"
FSIII_URLS = (FSIII_SYSTEM, FSIII_CARESOCIAL)
# The roots of the two groups under their UUIDs, as kl-term 2.x names them (Kommunale pleje- og
# omsorgstilstande, Kommunale sygeplejetilstande) [verified, kl-term 2.3.0].
GROUP_ROOT_UUIDS: dict[str, Group] = {
    "d49d6b0c-c067-4469-b92d-3842822c4971": "funktionsevne",
    "4db72d65-7ec1-45b4-89c3-5017c35d085e": "helbred",
}
MAX_DEPTH = 16  # concept nesting; FSIII has four levels
# Areas KL itself marks as outgoing: the comments of kl-term's area value sets say
# "Samfundsliv - J5 - udgaaende" [verified]. The CodeSystem does not carry that comment.
OUTGOING_AREAS = frozenset({"J5"})
GROUP_ROOTS: dict[str, Group] = {"J": "funktionsevne", "I": "helbred"}
ORIGINAL_KEY = re.compile(r"^[IJ]\d+\.\d+$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
NEW_STYLE_MARKER = "Eksempler:"
# FSIII groups outside the Indlæggelsesrapport, by the UUID of their root concept (kl-term 1.1.0
# and 2.3.0 use the same UUIDs; 2.3.0 repeats each tree with ``_`` for ``-``) [verified].
OTHER_GROUP_LAWS = {
    "94db6c71-859d-43e6-9a62-4e7fa7daf767": "SUL §140",
    "0fa991ef-adf5-4202-8cfe-a31454ed6e9d": "SUL §119",
}


@dataclass
class _Concept:
    key: str
    display: str
    definition: str
    area: str
    group: Group
    designation: str | None = None
    uuid: str | None = None


@dataclass
class _System:
    path: Path
    version: str
    url: str = FSIII_SYSTEM
    areas: dict[str, tuple[str, Group, str | None]] = field(default_factory=dict)
    states: dict[str, _Concept] = field(default_factory=dict)
    other: dict[str, OtherGroup] = field(default_factory=dict)
    uuid_only: bool = False  # no legacy keys: ``states`` and ``areas`` are keyed by UUID

    @property
    def source(self) -> str:
        return f"{self.url}|{self.version}"


@dataclass
class ImportResult:
    catalogs: list[Catalog]
    other_groups: OtherGroups | None
    definitions: dict[str, str]
    warnings: list[str]


def _walk(concepts: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for c in concepts:
        yield c
        yield from _walk(c.get("concept", []))


def _text(c: dict[str, Any], name: str) -> str:
    v = c.get(name)
    return v.strip() if isinstance(v, str) else ""


class _Shape:
    """Typed access to a CodeSystem's JSON: a value of the wrong kind is refused with its path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def refuse(self, message: str) -> InputError:
        return InputError(
            message,
            self.path,
            hint=t("expected KL's CodeSystem-FSIII.json from kl-term (FHIR R4 CodeSystem)"),
        )

    def _wrong(self, where: str, expected: str, value: Any) -> InputError:
        return self.refuse(
            t(
                "{where}: expected {expected}, found {found}",
                where=where,
                expected=expected,
                found=_kind(value),
            )
        )

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self._wrong(where, t("an object"), value)
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._wrong(where, t("a list"), value)
        return value

    def text(self, value: Any, where: str, required: bool = False) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self._wrong(where, t("text"), value)
        return value

    def concepts(self, value: Any, where: str, depth: int = 1) -> list[dict[str, Any]]:
        """A checked copy of a ``concept`` list: code, display, definition, designation values
        and sub-concepts, each of the right kind."""
        if depth > MAX_DEPTH:
            raise self.refuse(
                t("{where}: concepts nested deeper than {n} levels", where=where, n=MAX_DEPTH)
            )
        out = []
        for i, raw in enumerate(self.items(value, where)):
            at = f"{where}[{i}]"
            c = self.obj(raw, at)
            designations = []
            for j, d in enumerate(self.items(c.get("designation"), f"{at}.designation")):
                dat = f"{at}.designation[{j}]"
                designations.append({"value": self.text(self.obj(d, dat).get("value"), dat)})
            out.append(
                {
                    "code": self.text(c.get("code"), f"{at}.code", required=True),
                    "display": self.text(c.get("display"), f"{at}.display"),
                    "definition": self.text(c.get("definition"), f"{at}.definition"),
                    "designation": designations,
                    "concept": self.concepts(c.get("concept"), f"{at}.concept", depth + 1),
                }
            )
        return out


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return t("an object")
    if isinstance(value, list):
        return t("a list")
    if isinstance(value, str):
        return t("text")
    if isinstance(value, bool):
        return t("true/false")
    if isinstance(value, (int, float)):
        return t("a number")
    return t("null")


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(t("file not found"), path) from None
    except UnicodeDecodeError:
        raise InputError(t("the file is not JSON in UTF-8"), path) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            t("not valid JSON: {problem}", problem=exc.msg), path, exc.lineno, exc.colno
        ) from None
    except OSError as exc:
        raise InputError(
            t("cannot read the file: {reason}", reason=read_problem(exc)), path
        ) from None
    except ValueError:  # an integer longer than Python converts (4300 digits)
        raise InputError(t("the file holds a number too long to read"), path) from None
    except RecursionError:
        raise InputError(t("the JSON is nested too deeply to read"), path) from None


def _is_fsiii(shape: _Shape, doc: dict[str, Any]) -> tuple[bool, str]:
    """Whether the CodeSystem is FSIII (by url or identifier), and its url."""
    url = shape.text(doc.get("url"), "url")
    named = []
    for i, ident in enumerate(shape.items(doc.get("identifier"), "identifier")):
        at = f"identifier[{i}]"
        named.append(shape.text(shape.obj(ident, at).get("value"), f"{at}.value"))
    oid = FSIII_SYSTEM.removeprefix("urn:oid:")
    return url in FSIII_URLS or any(v in (FSIII_SYSTEM, oid) for v in named), url


def _read(path: Path) -> _System:
    shape = _Shape(path)
    doc = _load(path)
    if not isinstance(doc, dict) or doc.get("resourceType") != "CodeSystem":
        raise InputError(
            t("not a FHIR CodeSystem"),
            path,
            hint=t("expected KL's CodeSystem-FSIII.json from kl-term"),
        )
    fsiii, url = _is_fsiii(shape, doc)
    if not fsiii:
        raise InputError(
            t(
                "the CodeSystem's url is {url}, not FSIII ({fsiii})",
                url=quoted(url or None),
                fsiii=" | ".join(FSIII_URLS),
            ),
            path,
            hint=t("import KL's FSIII CodeSystem"),
        )
    system = _System(path, shape.text(doc.get("version"), "version"), url or FSIII_SYSTEM)
    tops = shape.concepts(doc.get("concept"), "concept")
    legacy_roots = {c["code"]: c for c in tops if c["code"] in GROUP_ROOTS}
    if not legacy_roots:
        _read_uuid_only(system, tops)
    for root_key, root in legacy_roots.items():
        group = GROUP_ROOTS[root_key]
        uuid_root = next(
            (
                c
                for c in tops
                if UUID.match(c.get("code", "")) and _text(c, "display") == _text(root, "display")
            ),
            None,
        )
        uuid_areas = {
            _text(a, "display"): a for a in (uuid_root.get("concept", []) if uuid_root else [])
        }
        for area in root.get("concept", []):
            ukey = uuid_areas.get(_text(area, "display"))
            system.areas[area["code"]] = (
                _text(area, "display"),
                group,
                ukey["code"].lower() if ukey else None,
            )
            uuid_states = list(_walk(ukey.get("concept", []))) if ukey else []
            for st in _walk(area.get("concept", [])):
                con = _Concept(
                    key=st["code"],
                    display=_text(st, "display"),
                    definition=_text(st, "definition"),
                    area=area["code"],
                    group=group,
                    designation=next(
                        (d.get("value") for d in st.get("designation", []) if d.get("value")),
                        None,
                    ),
                )
                con.uuid = _pair(con, uuid_states)
                system.states[con.key] = con
    _read_other_groups(system, tops)
    return system


def _read_uuid_only(system: _System, tops: list[dict[str, Any]]) -> None:
    """A release without legacy keys: the two groups under their root UUIDs, areas and states
    keyed by their UUIDs."""
    roots = [
        (GROUP_ROOT_UUIDS[c["code"].lower()], c)
        for c in tops
        if c["code"].lower() in GROUP_ROOT_UUIDS
    ]
    if not roots:
        raise InputError(t("the CodeSystem has no FSIII groups J and I"), system.path)
    system.uuid_only = True
    for group, root in roots:
        for area in root["concept"]:
            akey = area["code"].lower()
            system.areas[akey] = (_text(area, "display"), group, akey)
            for st in _walk(area["concept"]):
                key = st["code"].lower()
                system.states[key] = _Concept(
                    key=key,
                    display=_text(st, "display"),
                    definition=_text(st, "definition"),
                    area=akey,
                    group=group,
                    uuid=key,
                )


def _read_other_groups(system: _System, tops: list[dict[str, Any]]) -> None:
    """Collect the §140 and §119 trees: every code (UUID and KL's key form) with its display."""
    for top in tops:
        root = str(top.get("code", "")).replace("_", "-").lower()
        law = OTHER_GROUP_LAWS.get(root)
        if law is None:
            continue
        group = system.other.setdefault(
            root, OtherGroup(key=root, display=_text(top, "display"), law=law, states=[])
        )
        if UUID.match(str(top.get("code", ""))):
            group.display = _text(top, "display")
        known = {s.code for s in group.states}
        for c in _walk(top.get("concept", [])):
            code = str(c.get("code", ""))
            if code and code not in known:
                known.add(code)
                group.states.append(OtherGroupState(code=code, display=_text(c, "display")))


def _pair(con: _Concept, candidates: list[dict[str, Any]]) -> str | None:
    exact = [
        c
        for c in candidates
        if _text(c, "display") == con.display and _text(c, "definition") == con.definition
    ]
    if len(exact) != 1:
        exact = [c for c in candidates if _text(c, "display") == con.display]
    return exact[0]["code"].lower() if len(exact) == 1 else None


def import_codesystems(
    paths: Iterable[str | Path], existing: Mapping[str, Catalog] | None = None
) -> ImportResult:
    """Read one or more KL FSIII CodeSystem files and build the original and simplified catalogs.

    A UUID-only release is matched to the ``existing`` catalogs (``original``, ``simplified``)."""
    systems = sorted((_read(Path(p)) for p in paths), key=lambda s: s.version)
    if not systems:
        raise InputError(t("no CodeSystem file given"))
    if systems[-1].uuid_only:
        return _match_release(systems[-1], existing)
    warnings: list[str] = []
    oldest, newest = systems[0], systems[-1]
    by_diff = len(systems) > 1
    if by_diff:
        original_keys = [k for k in oldest.states]
    else:
        original_keys = [k for k in newest.states if ORIGINAL_KEY.match(k)]
    has_simplification = any(k not in original_keys for k in newest.states)
    if not has_simplification:
        warnings.append(
            t(
                "no simplified concepts found: whether a state is retained or outgoing is "
                "unknown. Import a kl-term 2.x CodeSystem too."
            )
        )

    def uuid_of(key: str) -> str | None:
        for s in reversed(systems):
            if key in s.states and s.states[key].uuid:
                return s.states[key].uuid
        return None

    def area_uuid(key: str) -> str | None:
        for s in reversed(systems):
            if key in s.areas and s.areas[key][2]:
                return s.areas[key][2]
        return None

    statuses: dict[str, tuple[StateStatus, Evidence]] = {}
    orig_source = oldest if by_diff else newest
    for key in original_keys:
        if not has_simplification:
            statuses[key] = ("unknown", "assumed")
        elif key not in newest.states or orig_source.states[key].area in OUTGOING_AREAS:
            statuses[key] = ("outgoing", "verified")  # gone, or in an area KL marks outgoing
        elif NEW_STYLE_MARKER in newest.states[key].definition:
            statuses[key] = ("retained", "assumed")
        else:
            statuses[key] = ("outgoing", "assumed")
    for key in newest.states:
        if key not in statuses:
            statuses[key] = ("new", "verified" if by_diff else "assumed")

    def state(con: _Concept) -> CatalogState:
        status, evidence = statuses[con.key]
        return CatalogState(
            key=con.key,
            uuid=uuid_of(con.key),
            display=con.display,
            group=con.group,
            area=con.area,
            status=status,
            status_evidence=evidence,
        )

    def areas(system: _System, used: set[str]) -> list[CatalogArea]:
        found = [
            CatalogArea(key=k, uuid=area_uuid(k), display=d, group=g)
            for k, (d, g, _) in system.areas.items()
            if k in used
        ]
        return sorted(found, key=lambda a: (_GROUP_RANK[a.group], _area_number(a.key)))

    derived = [s.source for s in systems]
    orig_states = [state(orig_source.states[k]) for k in original_keys]
    original = Catalog(
        id="original",
        title="FSIII – oprindeligt katalog (før forenklingen)",
        code_system=FSIII_SYSTEM,
        code_system_version=orig_source.version,
        derived_from=derived,
        areas=areas(orig_source, {s.area for s in orig_states}),
        states=_ordered(orig_states),
    )
    catalogs = [original]
    if has_simplification:
        simp_states = [
            state(c) for k, c in newest.states.items() if statuses[k][0] in ("retained", "new")
        ]
        catalogs.append(
            Catalog(
                id="simplified",
                title="FSIII – forenklet katalog",
                code_system=FSIII_SYSTEM,
                code_system_version=newest.version,
                derived_from=derived,
                areas=areas(newest, {s.area for s in simp_states}),
                states=_ordered(simp_states),
            )
        )
    for cat in catalogs:
        missing = [s.key for s in cat.states if not s.uuid]
        if missing and any(s.uuid for s in cat.states):
            warnings.append(f"{cat.id}: no UUID paired for {', '.join(missing)}")
    definitions: dict[str, str] = {}
    for s in systems:
        for key, con in s.states.items():
            if con.definition:
                definitions[key] = con.definition
                if uuid_of(key):
                    definitions[uuid_of(key) or key] = con.definition
    other = OtherGroups(
        title="FSIII-grupper uden for indlæggelsesrapporten",
        code_system_version=newest.version,
        groups=list(newest.other.values()),
    )
    catalogs = [checked(c) for c in catalogs]  # built from the CodeSystem: checked as files are
    return ImportResult(catalogs, checked(other) if other.groups else None, definitions, warnings)


def _match_release(release: _System, existing: Mapping[str, Catalog] | None) -> ImportResult:
    """A UUID-only release against the existing catalogs: states matched by UUID keep their key;
    a state the release no longer has is ``outgoing`` (verified) and leaves the simplified
    catalog; a concept neither catalog knows is ``new`` (verified) under its UUID."""
    if not existing or "original" not in existing or "simplified" not in existing:
        raise InputError(
            t("the CodeSystem has only UUIDs; it can only be matched to existing catalogs"),
            release.path,
            hint=t(
                "import it with fsiii-mapper catalog import, which matches it to the catalogs "
                "of the data folder (--data)"
            ),
        )
    original, simplified = existing["original"], existing["simplified"]
    present = release.states
    known: dict[str, CatalogState] = {}
    areas: dict[str, CatalogArea] = {}
    for cat in (original, simplified):
        known.update({s.uuid.lower(): s for s in cat.states if s.uuid})
        areas.update({a.uuid.lower(): a for a in cat.areas if a.uuid})
    warnings: list[str] = []
    gone = {
        s.key for s in original.states + simplified.states if (s.uuid or "").lower() not in present
    }

    def updated(st: CatalogState) -> CatalogState:
        if st.key in gone:
            return replaced(st, status="outgoing", status_evidence="verified")
        return st

    new_areas: list[CatalogArea] = []
    new_states: list[CatalogState] = []
    for uuid, con in present.items():
        if uuid in known:
            continue
        area = areas.get(con.area)
        if area is None:
            display, group, _ = release.areas[con.area]
            area = areas[con.area] = CatalogArea(
                key=con.area, uuid=con.area, display=display, group=group
            )
            new_areas.append(area)
        new_states.append(
            CatalogState(
                key=uuid,
                uuid=uuid,
                display=con.display,
                group=con.group,
                area=area.key,
                status="new",
                status_evidence="verified",
            )
        )
    for key in sorted(s.key for s in simplified.states if s.key in gone and s.status == "new"):
        warnings.append(t("{state}: a new state is no longer in the CodeSystem", state=key))
    derived = [*original.derived_from, release.source]
    new_original = replaced(
        original,
        derived_from=list(dict.fromkeys(derived)),
        states=[updated(s) for s in original.states],
    )
    kept = [
        replaced(s, display=present[s.uuid.lower()].display or s.display)
        for s in simplified.states
        if s.key not in gone and s.uuid
    ]
    used = {s.area for s in kept + new_states}
    simp_areas = [a for a in [*simplified.areas, *new_areas] if a.key in used]
    new_simplified = replaced(
        simplified,
        code_system_version=release.version,
        derived_from=list(dict.fromkeys([*simplified.derived_from, release.source])),
        areas=simp_areas,
        states=_ordered(kept + new_states),
    )
    definitions = {uuid: c.definition for uuid, c in present.items() if c.definition}
    other = OtherGroups(
        title="FSIII-grupper uden for indlæggelsesrapporten",
        code_system_version=release.version,
        groups=list(release.other.values()),
    )
    catalogs = [checked(c) for c in (new_original, new_simplified)]
    return ImportResult(catalogs, checked(other) if other.groups else None, definitions, warnings)


_GROUP_RANK = {"funktionsevne": 0, "helbred": 1}


def _area_number(area: str) -> int:
    return int(area[1:]) if area[1:].isdigit() else 999


def _ordered(states: list[CatalogState]) -> list[CatalogState]:
    """J before I, then by area number; inside an area legacy keys by number (J1.2 before J1.10),
    then the simplification's text keys in KL's order."""

    def key(s: CatalogState) -> tuple[int, int, int, int]:
        numbered = ORIGINAL_KEY.match(s.key)
        sub = int(s.key.split(".")[1]) if numbered else 0
        return (_GROUP_RANK[s.group], _area_number(s.area), 0 if numbered else 1, sub)

    return sorted(states, key=key)


def catalog_header(catalog: Catalog) -> str:
    return (
        f"FSIII catalog '{catalog.id}', written by `fsiii-mapper catalog import` from KL's FSIII\n"
        f"CodeSystem ({', '.join(catalog.derived_from)}).\n"
        "Codes and display names are KL's; status 'new' is verified by version comparison,\n"
        "'retained'/'outgoing' is our reading of KL's rewritten definitions (assumed), except\n"
        "J5 Samfundsliv, which KL's value sets mark as outgoing (verified).\n"
        "Do not edit by hand: import a newer kl-term CodeSystem instead."
    )


def other_groups_header(groups: OtherGroups) -> str:
    laws = ", ".join(f"{g.law} ({g.display})" for g in groups.groups)
    return (
        "FSIII groups outside the Indlæggelsesrapport, written by `fsiii-mapper catalog import`\n"
        f"from KL's FSIII CodeSystem {groups.code_system_version}: {laws}.\n"
        "Codes and display names are KL's [verified]; `citizen import-fhir` uses them to explain\n"
        "why such a condition is left out. Do not edit by hand."
    )
