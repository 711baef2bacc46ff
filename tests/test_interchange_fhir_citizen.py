"""Citizens from FHIR Bundles shaped like KL's gateway reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from frozen import fsiii

from fsiii_mapper.engine.populate import STRATEGIES, Engine
from fsiii_mapper.interchange.fhir_citizen import citizen_from_bundle, save_citizen
from fsiii_mapper.io.documents import load_citizen
from fsiii_mapper.workspace import Workspace

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "gateway_bundle.json"

# Golden: commands run on the frozen data (tests/data).
pytestmark = pytest.mark.usefixtures("frozen_cli")


def test_levels_statuses_and_notes_from_the_fixture_bundle(frozen_ws: Workspace) -> None:
    result = citizen_from_bundle(FIXTURE, frozen_ws, "fx", lang="en")
    got = [(c.code, c.status, c.level) for c in result.citizen.conditions]
    assert got == [
        ("J1.1", "aktiv", 2),  # B3, active
        ("feb38b55-c2d7-4d57-99c2-93622eaa0025", "kladde", 4),  # B5 as UUID, unconfirmed
        ("I9.1", "aktiv", None),  # helbredstilstand: no level
        ("J3.5", "inaktiv", 1),  # B2, inactive
        ("J1.6", "aktiv", 9),  # B6: ikke relevant
        ("I2.1", "aktiv", None),  # severity on helbred dropped
        ("J1.4", "kladde", 0),  # B1, no clinicalStatus
    ]
    assert result.citizen.conditions[2].note == "Smerter i hoften\nefter fald"
    notes = "\n".join(result.notes)
    assert "entry[5]: I4.4 has verificationStatus entered-in-error" in notes
    assert "entry[7]" in notes and "snomed" in notes  # not an FSIII code
    assert "entry[8]: I2.1 is a health state" in notes
    assert "entry[9]: J1.4 has no clinicalStatus" in notes
    assert "entry[10]" in notes and "another patient" in notes


def test_patient_identifier_and_name(frozen_ws: Workspace) -> None:
    c = citizen_from_bundle(FIXTURE, frozen_ws, "fx").citizen
    assert (c.identifier, c.name) == ("0000000001", "Testborger Ærø")


def test_no_identifier_when_the_bundle_has_none(frozen_ws: Workspace, tmp_path: Path) -> None:
    bundle = tmp_path / "b.json"
    bundle.write_text(
        '{"resourceType": "Bundle", "entry": [{"resource": '
        '{"resourceType": "Patient", "id": "x"}}]}',
        encoding="utf-8",
    )
    result = citizen_from_bundle(bundle, frozen_ws, "b")
    save_citizen(result, tmp_path / "b.yaml", frozen_ws)
    assert result.citizen.identifier is None
    assert "identifier" not in (tmp_path / "b.yaml").read_text(encoding="utf-8")


def test_cli_writes_a_citizen_that_previews(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "borger.yaml"
    code = fsiii("citizen", "import-fhir", str(FIXTURE), "-o", str(out))
    assert code == 1  # written, with notes about what was left out
    assert "I4.4" in capsys.readouterr().err
    citizen = load_citizen(out)
    assert citizen.id == "borger" and len(citizen.conditions) == 7
    assert fsiii("preview", str(out), "-s", "nexus") == 0


def test_cli_refuses_a_file_that_is_not_a_bundle(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"resourceType": "Patient"}', encoding="utf-8")
    assert fsiii("citizen", "import-fhir", str(bad), "-o", str(tmp_path / "c.yaml")) == 2
    assert not (tmp_path / "c.yaml").exists()


def gateway_examples(shared: Path) -> list[Path]:
    return sorted((shared / "reference" / "kl-gateway").glob("*.json"))


def test_every_kl_gateway_example_imports_and_previews(
    shared_dir: Path, frozen_ws: Workspace, tmp_path: Path
) -> None:
    examples = gateway_examples(shared_dir)
    assert examples
    engine = Engine(frozen_ws)
    for i, path in enumerate(examples):
        result = citizen_from_bundle(path, frozen_ws, f"kl-{i}")
        assert result.notes == [], (path.name, result.notes)
        assert result.citizen.conditions, path.name
        out = tmp_path / f"kl-{i}.yaml"
        save_citizen(result, out, frozen_ws)
        citizen = load_citizen(out)
        for strategy in STRATEGIES:
            engine.populate(citizen, strategy)


def test_kl_example_levels_follow_the_severity_scale(
    shared_dir: Path, frozen_ws: Workspace
) -> None:
    old = shared_dir / "reference" / "kl-gateway" / "JensHansen--DeliveryReport-JensHansen-1.json"
    new = (
        shared_dir / "reference" / "kl-gateway" / "JensHansenNew--DeliveryReport-JensHansen-2.json"
    )
    first = citizen_from_bundle(old, frozen_ws, "jh").citizen.conditions[0]
    assert (first.code, first.level) == ("J1.3", 3)  # B4
    conditions = citizen_from_bundle(new, frozen_ws, "jh").citizen.conditions
    levels = {c.code: c.level for c in conditions}
    assert levels["feb38b55-c2d7-4d57-99c2-93622eaa0025"] == 3  # 1ceef776… is B4
    assert levels["d8aa5f09-cd9c-4996-a853-1c95ee98f25c"] == 2  # d984ad21… is B3


def test_kl_example_inactive_condition_does_not_fill_the_report(
    shared_dir: Path, frozen_ws: Workspace
) -> None:
    path = shared_dir / "reference" / "kl-gateway" / "PeterOlsen--DeliveryReport-PeterOlsen-2.json"
    citizen = citizen_from_bundle(path, frozen_ws, "po").citizen
    assert {c.code: c.status for c in citizen.conditions} == {"I7.1": "inaktiv", "I2.1": "aktiv"}
    report = Engine(frozen_ws).populate(citizen, "original")
    assert report.field("I7").is_empty and not report.field("I2").is_empty


CARESOCIAL = Path(__file__).parent / "fixtures" / "interchange" / "caresocial_2021_bundle.json"


def test_caresocial_bundle_keeps_every_fsiii_condition_with_its_level(
    frozen_ws: Workspace,
) -> None:
    result = citizen_from_bundle(CARESOCIAL, frozen_ws, "cs", lang="en")
    got = [(c.code, c.status, c.level, c.code_system) for c in result.citizen.conditions]
    care = "http://kl.dk/fhir/common/caresocial/CodeSystem/FSIII"
    assert got == [
        ("J1.1", "aktiv", 3, care),  # B4 under the caresocial URI
        ("J3.5", "aktiv", 1, care),
        ("J1.6", "aktiv", 9, care),
        ("I9.1", "aktiv", None, care),
    ]
    report = Engine(frozen_ws).populate(result.citizen, "original")
    assert not report.field("FA510").is_empty and not report.field("I9").is_empty


def test_left_out_conditions_and_resources_are_named_with_the_reason(
    frozen_ws: Workspace,
) -> None:
    notes = citizen_from_bundle(CARESOCIAL, frozen_ws, "cs", lang="en").notes
    assert notes == [
        "entry[5]: 86e1982c-f459-4658-9071-e4bf3453a687 is an FSIII state of Kommunal "
        "genoptræning efter sygehusophold-tilstande (SUL §140) – not part of the "
        "Indlæggelsesrapport, left out",
        "entry[6]: abc0b770-d080-4cc8-851a-aa62556730e6 is an FSIII state of Kommunale "
        "sundhedsfremme og forebyggelsestilstande (SUL §119) – not part of the "
        "Indlæggelsesrapport, left out",
        "entry[7]: code from another code system (http://snomed.info/sct) – left out",
        "The bundle holds 1 Goal (KLGatewayCareGoal) resource – not part of a citizen file, "
        "left out",
        "The bundle holds 2 Observation (KLGatewayCareMatterOfInterestObservation) resources – "
        "not part of a citizen file, left out",
    ]


def test_both_uris_for_code_and_severity_in_any_combination(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    oid, care = "urn:oid:1.2.208.176.2.21", "http://kl.dk/fhir/common/caresocial/CodeSystem/FSIII"
    entries = [
        {
            "resource": {
                "resourceType": "Condition",
                "clinicalStatus": {"coding": [{"code": "active"}]},
                "code": {"coding": [{"system": code_sys, "code": "J1.3"}]},
                "severity": {"coding": [{"system": sev_sys, "code": "B5"}]},
            }
        }
        for code_sys in (oid, care)
        for sev_sys in (oid, care)
    ]
    bundle = tmp_path / "mixed.json"
    bundle.write_text(json.dumps({"resourceType": "Bundle", "entry": entries}), encoding="utf-8")
    result = citizen_from_bundle(bundle, frozen_ws, "m")
    assert [(c.level, c.code_system) for c in result.citizen.conditions] == [
        (4, oid),
        (4, oid),
        (4, care),
        (4, care),
    ]
    assert result.notes == []


def test_where_documented_follows_the_codes_catalog(frozen_ws: Workspace, tmp_path: Path) -> None:
    codes = ["J1.1", "Personlig_pleje", "J3.5"]  # outgoing, new, retained
    entries = [
        {
            "resource": {
                "resourceType": "Condition",
                "clinicalStatus": {"coding": [{"code": "active"}]},
                "code": {"coding": [{"system": "urn:oid:1.2.208.176.2.21", "code": c}]},
                "severity": {"coding": [{"system": "urn:oid:1.2.208.176.2.21", "code": "B2"}]},
            }
        }
        for c in codes
    ]
    bundle = tmp_path / "where.json"
    bundle.write_text(json.dumps({"resourceType": "Bundle", "entry": entries}), encoding="utf-8")
    out = tmp_path / "where.yaml"
    save_citizen(citizen_from_bundle(bundle, frozen_ws, "w"), out, frozen_ws)
    documented = [c.documented_in for c in load_citizen(out).conditions]
    assert documented == ["original", "simplified", None]


def test_the_other_groups_never_share_a_code_with_the_report_catalogs(
    frozen_ws: Workspace,
) -> None:
    assert frozen_ws.other_groups is not None
    laws = {g.law for g in frozen_ws.other_groups.groups}
    assert laws == {"SUL §140", "SUL §119"}
    for g in frozen_ws.other_groups.groups:
        for s in g.states:
            assert all(cat.resolve(s.code) is None for cat in frozen_ws.catalogs.values())


_CONDITION = {
    "resourceType": "Condition",
    "clinicalStatus": {"coding": [{"code": "active"}]},
    "code": {"coding": [{"system": "urn:oid:1.2.208.176.2.21", "code": "I9.1"}]},
}


def _with(path: list[str | int], value: object) -> dict[str, object]:
    bundle: dict[str, object] = {
        "resourceType": "Bundle",
        "entry": [
            {"resource": {"resourceType": "Patient", "id": "p", "name": [{"text": "X"}]}},
            {"resource": json.loads(json.dumps(_CONDITION))},
        ],
    }
    node: Any = bundle
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return bundle


HOSTILE_SHAPES = {
    "entry is text": (["entry"], "x", "entry"),
    "entry item is a list": (["entry", 1], [1], "entry[1]"),
    "resource is text": (["entry", 1, "resource"], "Condition", "entry[1].resource"),
    "code is a list": (["entry", 1, "resource", "code"], [], "entry[1].resource.code"),
    "coding is an object": (
        ["entry", 1, "resource", "code", "coding"],
        {"code": "I9.1"},
        "entry[1].resource.code.coding",
    ),
    "code value is a list": (
        ["entry", 1, "resource", "code", "coding", 0, "code"],
        ["I9.1"],
        "entry[1].resource.code.coding[0].code",
    ),
    "huge number for a code": (
        ["entry", 1, "resource", "code", "coding", 0, "code"],
        1e308,
        "entry[1].resource.code.coding[0].code",
    ),
    "note is text": (["entry", 1, "resource", "note"], "hi", "entry[1].resource.note"),
    "name is an object": (["entry", 0, "resource", "name"], {"text": "X"}, "resource.name"),
    "subject reference is a number": (
        ["entry", 1, "resource", "subject"],
        {"reference": 7},
        "entry[1].resource.subject",
    ),
}


@pytest.mark.parametrize("shape", sorted(HOSTILE_SHAPES))
def test_a_bundle_of_the_wrong_shape_is_refused_with_its_json_path(
    shape: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, value, where = HOSTILE_SHAPES[shape]
    bundle = tmp_path / "bad.json"
    bundle.write_text(json.dumps(_with(path, value)), encoding="utf-8")
    out = tmp_path / "c.yaml"
    assert fsiii("--lang", "en", "citizen", "import-fhir", str(bundle), "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert where in err and "expected" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    "text",
    [
        '{"resourceType": "Bundle", "entry": [' + "[" * 100_000 + "]" * 100_000 + "]}",
        '{"resourceType": "Bundle", "total": ' + "9" * 5000 + "}",
        "[" * 50_000,
    ],
    ids=["deep nesting", "5000-digit number", "unclosed deep nesting"],
)
def test_hostile_json_gives_one_clear_message_and_exit_2(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "bad.json"
    bundle.write_text(text, encoding="utf-8")
    out = tmp_path / "c.yaml"
    assert fsiii("citizen", "import-fhir", str(bundle), "-o", str(out)) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not out.exists()


def test_a_lone_surrogate_or_control_character_is_never_written(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    bundle = tmp_path / "s.json"
    cond = dict(_CONDITION, note=[{"text": "Smerter \ud800 i\x1b[31m hoften"}])
    bundle.write_text(
        json.dumps({"resourceType": "Bundle", "entry": [{"resource": cond}]}), encoding="utf-8"
    )
    result = citizen_from_bundle(bundle, frozen_ws, "s", lang="en")
    out = tmp_path / "s.yaml"
    save_citizen(result, out, frozen_ws)
    assert load_citizen(out).conditions[0].note == "Smerter \ufffd i\ufffd[31m hoften"
    assert any("entry[0].resource.note[0].text" in n for n in result.notes)
