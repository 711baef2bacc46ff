"""``gaps --bundles``: population impact straight from KL gateway bundles (invented citizens)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from fsiii_mapper.interchange.fhir_citizen import FSIII_CARESOCIAL, FSIII_OID
from fsiii_mapper.interchange.population import municipality_of, population_impact
from fsiii_mapper.workspace import Workspace

pytestmark = pytest.mark.usefixtures("frozen_cli")

CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"


def _bundle(ws: Workspace, rng: random.Random, i: int, municipality: str) -> dict[str, Any]:
    """An invented citizen's delivery report: old, simplified or migrated states, either URI."""
    old, new = ws.catalogs["original"].states, ws.catalogs["simplified"].states
    pool = rng.choice([old, new, old + new])
    system = rng.choice([FSIII_OID, FSIII_CARESOCIAL])
    patient = {
        "resourceType": "Patient",
        "id": f"p{i}",
        "identifier": [{"system": "urn:oid:1.2.208.176.1.2", "value": f"01019{i:05d}"}],
        "managingOrganization": {"identifier": {"value": municipality}},
    }
    entries: list[dict[str, Any]] = [{"fullUrl": f"urn:p{i}", "resource": patient}]
    chosen = rng.sample(pool, rng.randint(0, 10))
    if i % 5 == 0:  # every fifth documented in the old Vaske sig, which the simplified table loses
        chosen = [old[0], *(st for st in chosen if st.key != old[0].key)]
    for st in chosen:
        active = rng.choice(["active", "inactive"]) if st is not old[0] else "active"
        cond: dict[str, Any] = {
            "resourceType": "Condition",
            "subject": {"reference": f"Patient/p{i}"},
            "code": {"coding": [{"system": system, "code": st.key}]},
            "clinicalStatus": {"coding": [{"system": CLINICAL, "code": active}]},
        }
        if rng.random() < 0.3 and st is not old[0]:
            cond["verificationStatus"] = {
                "coding": [{"system": VERIFICATION, "code": "provisional"}]
            }
        if st.group == "funktionsevne":
            level = rng.choice(
                ["B1", "B2", "B3", "B4", "B5"] + (["B6"] if st is not old[0] else [])
            )
            cond["severity"] = {"coding": [{"system": system, "code": level}]}
        entries.append({"resource": cond})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def _bundles(ws: Workspace, folder: Path, n: int = 40) -> Path:
    folder.mkdir()
    rng = random.Random(13)
    for i in range(n):
        bundle = _bundle(ws, rng, i, rng.choice(["0101", "0751"]))
        (folder / f"b{i:03d}.json").write_text(json.dumps(bundle), encoding="utf-8")
    return folder


def _json(cli: Any, *args: str) -> tuple[int, dict[str, Any], str]:
    rc, out, err = cli(*args, "--format", "json")
    return rc, json.loads(out), err


def test_bundles_give_the_fill_rates_of_importing_them_and_gaps_over_the_citizens(
    cli: Any, frozen_ws: Workspace, tmp_path: Path
) -> None:
    bundles = _bundles(frozen_ws, tmp_path / "bundles")
    citizens = tmp_path / "citizens"
    citizens.mkdir()
    for b in sorted(bundles.glob("*.json")):
        rc, _, err = cli("citizen", "import-fhir", str(b), "-o", str(citizens / f"{b.stem}.yaml"))
        assert rc == 0, err
    rc_c, via_files, _ = _json(cli, "gaps", "--citizens", str(citizens))
    rc_b, direct, _ = _json(cli, "gaps", "--bundles", str(bundles))
    assert rc_c == rc_b == 0
    assert direct["citizens"] == via_files["citizens"] == 40
    assert direct["fill_rates"] == via_files["fill_rates"]
    # The mix is not trivial: the simplified table loses function items the old one fills.
    assert direct["fill_rates"]["original"]["FA510"] > direct["fill_rates"]["simplified"]["FA510"]


def test_lost_counts_citizens_filled_by_the_old_table_and_empty_under_the_simplified(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    from fsiii_mapper.engine.populate import engine_for
    from fsiii_mapper.interchange.fhir_citizen import citizen_from_bundle

    bundles = sorted(_bundles(frozen_ws, tmp_path / "b").glob("*.json"))
    result = population_impact(frozen_ws, bundles, ["cura"])
    engine = engine_for(frozen_ws)
    expected = dict.fromkeys(frozen_ws.layout.field_codes(), 0)
    for b in bundles:
        c = citizen_from_bundle(b, frozen_ws, b.stem).citizen
        for code in (
            engine.populate(c, "original").filled() - engine.populate(c, "simplified").filled()
        ):
            expected[code] += 1
    assert {c: result.total.lost[c] for c in expected} == expected
    assert expected["FA510"] > 0


def test_by_municipality_splits_the_citizens_and_adds_up_to_the_whole(
    cli: Any, frozen_ws: Workspace, tmp_path: Path
) -> None:
    bundles = _bundles(frozen_ws, tmp_path / "b")
    _, data, _ = _json(cli, "gaps", "--bundles", str(bundles), "--by-municipality", "-s", "cura")
    groups = {m["municipality"]: m for m in data["municipalities"]}
    assert set(groups) == {"0101", "0751"}
    assert sum(m["citizens"] for m in groups.values()) == data["citizens"] == 40
    for code, n in data["filled"]["cura"].items():
        assert sum(m["filled"]["cura"][code] for m in groups.values()) == n
    for code, n in data["lost"].items():
        assert sum(m["lost"][code] for m in groups.values()) == n


def test_unreadable_bundles_are_counted_and_named_and_the_run_goes_on(
    cli: Any, frozen_ws: Workspace, tmp_path: Path
) -> None:
    bundles = _bundles(frozen_ws, tmp_path / "b", n=5)
    (bundles / "broken.json").write_text('{"resourceType": "Bundle", "entry": [', encoding="utf-8")
    (bundles / "not-a-bundle.json").write_text('{"resourceType": "Patient"}', encoding="utf-8")
    (bundles / "wrong-shape.json").write_text(
        '{"resourceType": "Bundle", "entry": {"x": 1}}', encoding="utf-8"
    )
    rc, data, err = _json(cli, "--lang", "en", "gaps", "--bundles", str(bundles), "-s", "cura")
    assert rc == 1
    assert data["bundles"] == 8 and data["citizens"] == 5 and len(data["unreadable"]) == 3
    broken = next(u for u in data["unreadable"] if u["file"].endswith("broken.json"))
    assert broken["line"] == 1 and "JSON" in broken["message"]
    assert "broken.json:1:" in err and "wrong-shape.json" in err
    rc, text, _ = cli("--lang", "en", "gaps", "--bundles", str(bundles), "-s", "cura")
    assert rc == 1 and "3 bundles could not be read (of 8):" in text
    assert "Fill rate (5 citizens):" in text


def test_csv_has_a_row_per_field_for_the_country_and_each_municipality(
    cli: Any, frozen_ws: Workspace, tmp_path: Path
) -> None:
    import csv
    import io

    bundles = _bundles(frozen_ws, tmp_path / "b")
    rc, out, _ = cli("gaps", "--bundles", str(bundles), "--by-municipality", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    fields = frozen_ws.layout.field_codes()
    assert rc == 0 and len(rows) == 3 * len(fields)
    whole = {r["field"]: r for r in rows if r["municipality"] == ""}
    assert whole["FA510"]["citizens"] == "40"
    assert float(whole["FA510"]["rate_original"]) > float(whole["FA510"]["rate_simplified"])


def test_jobs_give_the_same_counts_as_one_process(frozen_ws: Workspace, tmp_path: Path) -> None:
    from fsiii_mapper.interchange import population

    bundles = sorted(_bundles(frozen_ws, tmp_path / "b", n=250).glob("*.json"))
    (tmp_path / "b" / "zz-broken.json").write_text("[", encoding="utf-8")
    bundles.append(tmp_path / "b" / "zz-broken.json")
    one = population_impact(frozen_ws, bundles, ["cura", "nexus"], by_municipality=True, jobs=1)
    seen: list[int] = []
    two = population_impact(
        frozen_ws,
        bundles,
        ["cura", "nexus"],
        by_municipality=True,
        jobs=2,
        progress=lambda done, total: seen.append(done),
    )
    assert len(bundles) > population.CHUNK
    assert one.rates() == two.rates() and one.total.lost == two.total.lost
    assert one.municipalities.keys() == two.municipalities.keys()
    assert [u.file for u in one.unreadable] == [u.file for u in two.unreadable]
    assert seen[-1] == len(bundles) == two.bundles


def test_municipality_is_the_managing_organisation_display_identifier_or_reference() -> None:
    def bundle(org: Any) -> dict[str, Any]:
        return {"entry": [{"resource": {"resourceType": "Patient", "managingOrganization": org}}]}

    assert municipality_of(
        bundle({"display": "Aarhus Kommune", "identifier": {"value": "751"}})
    ) == ("Aarhus Kommune")
    assert municipality_of(bundle({"identifier": {"value": "751"}})) == "751"
    assert municipality_of(bundle({"reference": "Organization/7"})) == "Organization/7"
    assert municipality_of(bundle("nonsense")) == ""
    assert municipality_of({"entry": "nonsense"}) == ""


def test_without_jobs_a_large_count_uses_every_cpu_and_a_small_one_a_single_process(
    frozen_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fsiii_mapper.interchange import population

    monkeypatch.setattr(population.os, "cpu_count", lambda: 2)
    assert population.auto_jobs(population.AUTO_JOBS_FROM) == 2
    assert population.auto_jobs(population.AUTO_JOBS_FROM - 1) == 1
    # the count asks for as many workers as auto_jobs says (a pool of 2 from the threshold on)
    bundles = sorted(_bundles(frozen_ws, tmp_path / "b", n=120).glob("*.json"))
    monkeypatch.setattr(population, "AUTO_JOBS_FROM", 100)
    asked: list[int] = []
    real_pool = population.multiprocessing.get_context("fork").Pool

    class Context:
        def Pool(self, n: int) -> object:  # multiprocessing's name
            asked.append(n)
            return real_pool(n)

    monkeypatch.setattr(population.multiprocessing, "get_context", lambda method: Context())
    auto = population_impact(frozen_ws, bundles, ["cura"])
    assert asked == [2]
    assert auto.rates() == population_impact(frozen_ws, bundles, ["cura"], jobs=1).rates()


def test_the_help_names_the_threshold_the_count_uses(cli: Any) -> None:
    from fsiii_mapper.interchange.population import AUTO_JOBS_FROM

    rc, out, _ = cli("--lang", "en", "gaps", "--help")
    assert rc == 0 and f"from {AUTO_JOBS_FROM:,} bundles on" in " ".join(out.split())


def test_jobs_below_one_is_refused_with_a_message(
    cli: Any, frozen_ws: Workspace, tmp_path: Path
) -> None:
    bundles = _bundles(frozen_ws, tmp_path / "b", n=3)
    rc, _, err = cli("gaps", "--bundles", str(bundles), "--jobs", "0")
    assert rc == 2 and "--jobs" in err


def test_a_folder_gives_its_json_files_in_the_order_and_kind_glob_gives(tmp_path: Path) -> None:
    from fsiii_mapper.interchange.population import bundle_paths

    folder = tmp_path / "b"
    folder.mkdir()
    for name in ("b2.json", "B1.json", "a-b.json", ".hidden.json", "notes.txt", "x.JSON"):
        (folder / name).write_text("{}", encoding="utf-8")
    (folder / "sub.json").mkdir()  # a folder named like a bundle is no bundle
    (folder / "link.json").symlink_to(folder / "b2.json")
    (folder / "dangling.json").symlink_to(folder / "gone.json")
    want = sorted(q for q in folder.glob("*.json") if q.is_file())
    assert bundle_paths([folder]) == want
    assert [p.name for p in want] == [".hidden.json", "B1.json", "a-b.json", "b2.json", "link.json"]
