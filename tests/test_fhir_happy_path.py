"""The importer's happy path (``HappyPath``) reads exactly what the checking reader reads.

Where the happy path answers, ``citizen_from_json`` imports the same bundle without a single note
and with the same conditions; everywhere else the happy path answers None, and the population
count reads the bundle with the checking reader. Bundles are drawn by hypothesis over the shapes
the importer's tests and attacks use (both FSIII URIs, legacy keys and UUIDs in any case, every
status and severity the status rule knows and some it does not, notes with characters that must
be replaced, foreign codes, other patients, other resources, values of the wrong kind), and over
the synthetic population of ``bench/population.py``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsontrees import bench_module, json_paths

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.fhir_citizen import (
    FSIII_CARESOCIAL,
    FSIII_OID,
    SEVERITY_LEVEL,
    ConditionKey,
    HappyPath,
    citizen_from_json,
)
from fsiii_mapper.workspace import Workspace

DATA = Path(__file__).parent / "data"
FIXTURES = Path(__file__).parent / "fixtures" / "interchange"
WS = Workspace.load(DATA)
HAPPY = HappyPath(WS)
PATH = Path("b000001.json")
CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _codes() -> list[str]:
    """Every way a state's code is written (legacy key, UUID in either case), and a state of
    each group outside the report."""
    out: list[str] = []
    for catalog in ("original", "simplified"):
        for state in WS.catalogs[catalog].states:
            out.append(state.key)
            if state.uuid:
                out += [state.uuid, state.uuid.upper()]
    assert WS.other_groups is not None
    out += [g.states[0].code for g in WS.other_groups.groups]  # genoptræning, forebyggelse
    return out


CODES = _codes()
TEXT = st.text(max_size=6) | st.sampled_from(
    ["", " ", "ok", "a\nb", "a\r\nb", "a\x01b", "a\ud800b", "a\ufffeb", "æøå", "\t"]
)
CLEAN_TEXT = st.sampled_from(["", " ", "ok", "a\nb", "æøå", "a\tb", "Borgeren (opfundet)"])
ODD = st.none() | st.integers() | st.booleans() | st.lists(st.none(), max_size=1) | st.just({})
SYSTEMS = [FSIII_OID, FSIII_CARESOCIAL, FSIII_OID, FSIII_CARESOCIAL, "http://snomed.info/sct", None]
CLINICAL_CODES = ["active", "recurrence", "relapse", "inactive", "remission", "resolved"]
VERIFICATION_CODES = ["unconfirmed", "provisional", "differential", "confirmed"]
SEVERITIES = [*SEVERITY_LEVEL, "9C5CFB57-A498-40E5-98A7-792BF5FB205B"]


class _Shape:
    """How rough a drawn bundle is: ``rough`` 0 draws bundles meant for the happy path (values
    of the right kind, known codes and statuses); above 0, that share of values is something
    else, and the pools hold codes, statuses and texts the checking reader notes."""

    def __init__(self, rough: float) -> None:
        self.rough = rough
        clean = rough == 0
        self.text = CLEAN_TEXT if clean else TEXT
        self.code = st.sampled_from(CODES[: -len(WS.other_groups.groups)] if clean else CODES)
        if not clean:
            self.code |= st.sampled_from(["", "  ", "XX99", "J1.1 ", " B2"])
        self.system = st.sampled_from(SYSTEMS[:4] if clean else SYSTEMS)
        self.clinical = st.sampled_from(CLINICAL_CODES + ([] if clean else ["odd", ""]))
        self.verification = st.sampled_from(
            VERIFICATION_CODES + ([] if clean else ["refuted", "entered-in-error"])
        )
        self.severity = st.sampled_from(SEVERITIES + ([] if clean else ["B7", "b3", ""]))

    def maybe(self, draw: Any, value: Any, weight: float = 1.0) -> Any:
        """``value``, now and then something of another kind instead."""
        return draw(ODD) if draw(st.floats(0, 1)) < self.rough * weight else value


@st.composite
def concepts(draw: Any, shape: _Shape, codes: Any, systems: Any, most: int = 3) -> Any:
    codings = []
    for _ in range(draw(st.integers(0 if shape.rough else 1, most))):
        coding: dict[str, Any] = {}
        if draw(st.integers(0, 9)) or not shape.rough:
            coding["code"] = shape.maybe(draw, draw(codes))
        system = draw(systems)
        if system is not None:
            coding["system"] = shape.maybe(draw, system)
        codings.append(shape.maybe(draw, coding, 0.5))
    return shape.maybe(draw, {"coding": shape.maybe(draw, codings, 0.5)}, 0.5)


@st.composite
def conditions(draw: Any, shape: _Shape, patient: str | None) -> dict[str, Any]:
    res: dict[str, Any] = {"resourceType": "Condition", "id": draw(shape.text)}
    res["code"] = draw(concepts(shape, shape.code, shape.system))
    first = res["code"]["coding"][0]["code"] if shape.rough == 0 else ""
    state = WS.catalogs["original"].resolve(first) or WS.catalogs["simplified"].resolve(first)
    if draw(st.integers(0, 9)) or not shape.rough:
        res["clinicalStatus"] = draw(concepts(shape, shape.clinical, st.just(CLINICAL)))
    if draw(st.booleans()):
        res["verificationStatus"] = draw(concepts(shape, shape.verification, st.just(VERIFICATION)))
    if state.carries_level if state is not None else draw(st.booleans()):
        res["severity"] = draw(concepts(shape, shape.severity, shape.system, 2))
    if draw(st.booleans()):
        note = {"text": shape.maybe(draw, draw(shape.text))}
        res["note"] = shape.maybe(draw, [shape.maybe(draw, note, 0.5)])
    subjects = [f"Patient/{patient}", f"urn:{patient}", None]
    subject = draw(st.sampled_from(subjects + ([] if shape.rough == 0 else ["Patient/other", ""])))
    if subject is not None:
        res["subject"] = shape.maybe(draw, {"reference": subject}, 0.5)
    return res


@st.composite
def bundles(draw: Any, clean: bool = False) -> Any:
    shape = _Shape(0.0 if clean else draw(st.sampled_from([0.0, 0.0, 0.02, 0.1])))
    patient_id = draw(st.sampled_from(["p1", "p2", None]))
    entries: list[Any] = []
    patient: dict[str, Any] = {"resourceType": "Patient"}
    if patient_id is not None:
        patient["id"] = shape.maybe(draw, patient_id, 0.5)
    if draw(st.booleans()):
        ident = {"system": draw(shape.system), "value": shape.maybe(draw, draw(shape.text))}
        patient["identifier"] = shape.maybe(draw, [shape.maybe(draw, ident, 0.5)], 0.5)
    if draw(st.integers(0, 5)):
        entries.append({"fullUrl": f"urn:{patient_id}", "resource": patient})
    for _ in range(draw(st.integers(0, 6))):
        entry: dict[str, Any] = {"resource": draw(conditions(shape, patient_id))}
        if draw(st.booleans()):
            entry["fullUrl"] = shape.maybe(draw, draw(shape.text), 0.5)
        entries.append(shape.maybe(draw, entry, 0.3))
    if shape.rough and not draw(st.integers(0, 5)):
        where = draw(st.integers(0, len(entries)))
        entries.insert(where, {"resource": {"resourceType": "Encounter"}})
    if shape.rough and not draw(st.integers(0, 5)):
        entries.append({"resource": copy.deepcopy(patient)})
    bundle: dict[str, Any] = {"resourceType": "Bundle", "entry": shape.maybe(draw, entries, 0.3)}
    for key in ("id", "timestamp"):
        if draw(st.booleans()):
            bundle[key] = shape.maybe(draw, draw(shape.text), 0.5)
    if shape.rough and not draw(st.integers(0, 10)):
        bundle["resourceType"] = draw(st.sampled_from(["Patient", None, 1]))
    return shape.maybe(draw, bundle, 0.1)


def _concept(code: str, system: str | None = FSIII_OID) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


# One defect each: what the checking reader notes or refuses, and what it takes as it is.
DEFECT_VALUES: list[Any] = [
    None,
    0,
    1.5,
    True,
    "",
    " ",
    [],
    {},
    [None],
    [1],
    {"coding": 3},
    {"coding": [None]},
    "x\ry",
    "x\r\ny",
    "x\x01y",
    "x\x7fy",
    "x\ud800y",
    "x\ufffey",
    "x\uffffy",
    "x\ny",
    "Patient/other",
    "Patient/p1",
    "urn:p1",
    "Encounter",
    "Patient",
    "Condition",
    "Bundle",
    "active",
    "inactive",
    "remission",
    "odd",
    "provisional",
    "refuted",
    "entered-in-error",
    "B1",
    "B6",
    "b3",
    "B7",
    "XX99",
    " J1.1 ",
    FSIII_OID,
    FSIII_CARESOCIAL,
    "http://snomed.info/sct",
    *(g.states[0].code for g in WS.other_groups.groups),
    _concept("refuted", VERIFICATION),
    _concept("provisional", VERIFICATION),
    _concept("inactive", CLINICAL),
    _concept("odd", CLINICAL),
    _concept("B3"),
    _concept("B3", "http://snomed.info/sct"),
    _concept("B9"),
    _concept("XX99"),
    _concept("J1.1", FSIII_CARESOCIAL),
    [{"text": "x\ry"}],
    [{"text": 3}],
    {"reference": "Patient/other"},
    {"reference": "Patient/p1"},
    {"resource": {"resourceType": "Encounter"}},
    {"resource": {"resourceType": "Patient"}},
]
DEFECTS = st.sampled_from(DEFECT_VALUES)
INSERTED_KEY_NAMES = [
    "severity",
    "verificationStatus",
    "clinicalStatus",
    "note",
    "subject",
    "code",
    "resource",
    "entry",
    "id",
    "fullUrl",
    "identifier",
    "text",
    "coding",
    "reference",
    "value",
    "system",
]
INSERTED_KEYS = st.sampled_from(INSERTED_KEY_NAMES)


@st.composite
def defective(draw: Any) -> Any:
    """A happy bundle with one or two defects: a value replaced, or a key set."""
    data = draw(bundles(clean=True))
    for _ in range(draw(st.integers(1, 2))):
        where = draw(st.sampled_from(json_paths(data)))
        node = data
        for key in where[:-1] if where else ():
            node = node[key]
        value = draw(DEFECTS)
        if not where:
            data = value
        elif isinstance(node, list) and draw(st.booleans()):
            node.insert(where[-1], copy.deepcopy(value))
        elif isinstance(node[where[-1]], dict) and draw(st.booleans()):
            node[where[-1]][draw(INSERTED_KEYS)] = copy.deepcopy(value)
        else:
            node[where[-1]] = copy.deepcopy(value)
    return data


def _careful(data: Any, path: Path = PATH) -> tuple[tuple[ConditionKey, ...], list[str]] | None:
    """What the checking reader gives: the conditions as keys, and its notes; None if refused."""
    try:
        found = citizen_from_json(data, path, WS, path.stem, "", "en")
    except InputError:
        return None
    keys = tuple(
        (c.code, c.status, c.level, c.documented_in, c.code_system)
        for c in found.citizen.conditions
    )
    return keys, found.notes


def _agrees(data: Any, path: Path = PATH) -> bool:
    """The happy path's answer agrees with the checking reader; True when it answered."""
    fast = HAPPY.conditions(data, path)
    if fast is None:
        return False
    careful = _careful(data, path)
    assert careful is not None, "the happy path answered for a bundle the checker refuses"
    keys, notes = careful
    assert notes == [], "the happy path answered for a bundle the checker notes"
    assert fast == keys
    return True


@EXAMPLES
@given(bundles())
def test_where_the_happy_path_answers_the_checking_reader_gives_the_same_without_notes(
    data: Any,
) -> None:
    _agrees(data)


@EXAMPLES
@given(defective())
def test_a_happy_bundle_with_a_defect_is_answered_only_where_the_checker_agrees(data: Any) -> None:
    _agrees(data)


@settings(max_examples=100, deadline=None)
@given(bundles(clean=True))
def test_a_bundle_the_checker_notes_nothing_in_takes_the_happy_path(data: Any) -> None:
    assert _careful(data) is not None
    assert _agrees(data)


def test_every_character_the_checker_replaces_sends_the_bundle_the_careful_way() -> None:
    fixture = json.loads((FIXTURES / "gateway_bundle.json").read_text(encoding="utf-8"))
    assert not _agrees(fixture)  # its later entries are each noted by the checker
    fixture["entry"] = fixture["entry"][:5]  # the Patient and four Conditions noted for nothing
    assert _agrees(fixture)
    for bad in ["\r", "\x00", "\x7f", "\ud800", "\ufffe", "\uffff", "\x1f"]:
        for place in ("id", "timestamp"):
            data = copy.deepcopy(fixture)
            data[place] = f"x{bad}y"
            assert HAPPY.conditions(data, PATH) is None
        assert HAPPY.conditions(fixture, Path(f"b{bad}.json")) is None
    data = copy.deepcopy(fixture)
    data["id"] = "a\nb\tc æøå"  # kept as they are by the checker: still the happy path
    assert _agrees(data)


def _happy_bases(tmp_path: Path) -> list[Any]:
    """The importer's fixtures cut to their entries noted for nothing, and a bench bundle."""
    bases = []
    for name in ("gateway_bundle.json", "caresocial_2021_bundle.json"):
        fixture = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
        fixture["entry"] = fixture["entry"][:5]
        bases.append(fixture)
    bench_module("population").generate(WS, tmp_path, 1, seed=5)
    bench = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    bench["entry"] = bench["entry"][:4]
    bases.append(bench)
    for base in bases:
        assert _agrees(base)
    return bases


def test_every_single_defect_of_a_happy_bundle_is_answered_only_where_the_checker_agrees(
    tmp_path: Path,
) -> None:
    """Every subtree of a happy bundle replaced by each defect, and each key of a resource set
    to each defect of a kind: the happy path never answers differently from the checker."""
    inserted = [v for v in DEFECT_VALUES if not isinstance(v, str)]
    answered = refused = 0
    for base in _happy_bases(tmp_path):
        changes: list[tuple[tuple[Any, ...], Any]] = []
        for where in json_paths(base)[1:]:
            changes += [(where, v) for v in DEFECT_VALUES]
            if where[-1] == "resource":
                changes += [((*where, k), v) for k in INSERTED_KEY_NAMES for v in inserted]
        for at, value in changes:
            data = copy.deepcopy(base)
            node = data
            for key in at[:-1]:
                node = node[key]
            node[at[-1]] = copy.deepcopy(value)
            if _agrees(data):
                answered += 1
            else:
                refused += 1
    assert answered > 500 and refused > 5000


def test_the_benchmark_population_takes_the_happy_path_all_the_way(tmp_path: Path) -> None:
    bench_module("population").generate(WS, tmp_path, 150, seed=3)
    files = sorted(tmp_path.glob("*.json"))
    assert len(files) == 150
    for path in files:
        assert _agrees(json.loads(path.read_text(encoding="utf-8")), path), path.name
