"""Catalogs come from KL's own CodeSystem files, and re-importing reproduces the shipped ones."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.catalog_import import (
    catalog_header,
    import_codesystems,
    other_groups_header,
)
from fsiii_mapper.io.documents import load_catalog, model_to_yaml
from fsiii_mapper.workspace import OTHER_GROUPS_FILE, shipped_dir
from fsiii_mapper_cli.main import main


def kl(shared: Path, version: str) -> Path:
    return shared / "reference" / "kl-term" / f"CodeSystem-FSIII-kl-term-{version}.json"


def counts(catalog) -> Counter:  # type: ignore[no-untyped-def]
    return Counter((s.group, s.status) for s in catalog.states)


def test_reimport_reproduces_the_shipped_catalogs_byte_for_byte(shared_dir):
    # On the shipped data on purpose: the shipped catalogs are exactly what KL's files give.
    result = import_codesystems([kl(shared_dir, "1.1.0"), kl(shared_dir, "2.3.0")])
    assert result.warnings == []
    for cat in result.catalogs:
        shipped = (shipped_dir() / f"catalog_{cat.id}.yaml").read_text(encoding="utf-8")
        assert model_to_yaml(cat, catalog_header(cat)) == shipped
    other = result.other_groups
    assert other is not None
    shipped = (shipped_dir() / OTHER_GROUPS_FILE).read_text(encoding="utf-8")
    assert model_to_yaml(other, other_groups_header(other)) == shipped


def test_shipped_catalogs_have_the_domain_counts(shipped_ws):
    # On the shipped data on purpose: the catalogs that ship have KL's state counts.
    orig, simp = shipped_ws.catalogs["original"], shipped_ws.catalogs["simplified"]
    assert sum(1 for s in orig.states if s.group == "funktionsevne") == 30
    assert sum(1 for s in orig.states if s.group == "helbred") == 43
    assert sum(1 for s in simp.states if s.group == "funktionsevne") == 13
    assert sum(1 for s in simp.states if s.group == "helbred") == 23
    assert [a.key for a in orig.areas if a.group == "helbred"] == [f"I{i}" for i in range(1, 13)]
    assert {s.area for s in simp.states if s.group == "helbred"} == {f"I{i}" for i in range(1, 13)}
    assert all(s.uuid for s in orig.states + simp.states)
    new = [s for s in simp.states if s.status == "new"]
    assert {s.status_evidence for s in new} == {"verified"}
    # our reading (assumed), except J5 Samfundsliv, which KL's value sets mark as outgoing
    assert {s.key for s in orig.states if s.status_evidence == "verified"} == {"J5.1"}
    assert {s.status_evidence for s in orig.states if s.area != "J5"} == {"assumed"}


def test_import_pairs_uuid_and_legacy_key(shared_dir):
    result = import_codesystems([kl(shared_dir, "1.1.0"), kl(shared_dir, "2.3.0")])
    orig = result.catalogs[0]
    assert orig.resolve("J1.1").uuid == "4d46bd94-9518-431c-82e8-ebb91bca307a"
    assert orig.resolve("4D46BD94-9518-431C-82E8-EBB91BCA307A").key == "J1.1"
    assert orig.resolve("Vaske sig") is None  # never by display


def test_original_catalog_keeps_the_old_display_names(shared_dir):
    orig, simp = import_codesystems([kl(shared_dir, "1.1.0"), kl(shared_dir, "2.3.0")]).catalogs
    assert orig.resolve("J2.4").display == "Skaffe sig varer og tjenesteydelser"
    assert simp.resolve("J2.4").display == "Indkøb"


def test_new_file_alone_still_yields_both_catalogs_with_new_status_assumed(shared_dir):
    orig, simp = import_codesystems([kl(shared_dir, "2.3.0")]).catalogs
    assert (len(orig.states), len(simp.states)) == (73, 36)
    assert {s.status_evidence for s in simp.states if s.status == "new"} == {"assumed"}


def test_old_file_alone_gives_the_original_catalog_and_a_warning(shared_dir):
    result = import_codesystems([kl(shared_dir, "1.1.0")])
    assert [c.id for c in result.catalogs] == ["original"]
    assert len(result.catalogs[0].states) == 73
    assert counts(result.catalogs[0]) == Counter(
        {("funktionsevne", "unknown"): 30, ("helbred", "unknown"): 43}
    )
    assert any("kl-term 2.x" in w for w in result.warnings)


def test_cli_import_writes_catalogs_and_keeps_definitions_out_of_them(shared_dir, tmp_path, capsys):
    defs = tmp_path / "defs.yaml"
    rc = main(
        [
            "catalog",
            "import",
            str(kl(shared_dir, "1.1.0")),
            str(kl(shared_dir, "2.3.0")),
            "-o",
            str(tmp_path),
            "--definitions",
            str(defs),
        ]
    )
    assert rc == 0
    written = load_catalog(tmp_path / "catalog_simplified.yaml")
    assert len(written.states) == 36
    definitions = import_codesystems([kl(shared_dir, "2.3.0")]).definitions
    sentences = [d for d in definitions.values() if len(d) > 40]
    assert sentences
    for name in ("catalog_original.yaml", "catalog_simplified.yaml"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert not [d for d in sentences if d in text]  # KL's sentences stay out of our data
    assert "Eksempler:" in defs.read_text(encoding="utf-8")
    assert "13 funktionsevnetilstande, 23 helbredstilstande" in capsys.readouterr().out


def test_not_json_reports_line_and_column(tmp_path):
    p = tmp_path / "cs.json"
    p.write_text('{"resourceType": "CodeSystem",\n  "url": }', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        import_codesystems([p])
    assert exc.value.line == 2 and exc.value.column is not None


@pytest.mark.parametrize(
    "doc,msg",
    [
        ({"resourceType": "ValueSet"}, "ikke et FHIR CodeSystem"),
        ({"resourceType": "CodeSystem", "url": "http://snomed.info/sct"}, "ikke FSIII"),
        (
            {"resourceType": "CodeSystem", "url": "urn:oid:1.2.208.176.2.21", "concept": []},
            "ikke FSIII-grupperne J og I",
        ),
    ],
)
def test_wrong_resource_is_refused(tmp_path, doc, msg):
    p = tmp_path / "cs.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError, match=msg):
        import_codesystems([p])


def test_catalog_list_json(cli):
    rc, out, _ = cli("catalog", "list", "--catalog", "simplified", "--format", "json")
    assert rc == 0
    items = json.loads(out)
    assert len(items) == 36
    assert {"uuid", "key", "display", "group", "area", "status"} <= set(items[0])
    assert Counter(i["group"] for i in items) == Counter({"funktionsevne": 13, "helbred": 23})
    pp = next(i for i in items if i["key"] == "Personlig_pleje")
    assert (pp["group"], pp["area"], pp["status"]) == ("funktionsevne", "J1", "new")


def test_catalog_list_shows_successors_of_old_states(cli):
    rc, out, _ = cli("catalog", "list", "--catalog", "original", "--format", "json")
    assert rc == 0
    items = {i["key"]: i for i in json.loads(out)}
    assert items["J1.1"]["successors"] == ["Personlig_pleje"]
    assert items["J1.1"]["status"] == "outgoing"
