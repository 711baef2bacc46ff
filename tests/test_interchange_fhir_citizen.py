"""Citizens from FHIR Bundles shaped like KL's gateway reports."""

from __future__ import annotations

from pathlib import Path

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
