"""Catalog import survives KL's next releases (issue 9, item 9): the CodeSystem under either FSIII
URI or named by its OID identifier, a UUID-only release matched to the existing catalogs, and JSON
of the wrong shape refused with its JSON path (exit 2, nothing written).

The UUID-only fixtures are built here from the frozen catalogs (codes and displays only); KL's
own files are read from the shared reference folder, never copied into the repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from frozen import fsiii

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.catalog_import import (
    FSIII_CARESOCIAL,
    GROUP_ROOT_UUIDS,
    import_codesystems,
)
from fsiii_mapper.io.documents import load_catalog
from fsiii_mapper.model import Catalog
from fsiii_mapper.workspace import Workspace

OID = "urn:oid:1.2.208.176.2.21"


def kl(shared: Path, version: str) -> Path:
    return shared / "reference" / "kl-term" / f"CodeSystem-FSIII-kl-term-{version}.json"


def rewritten(source: Path, target: Path, **changes: Any) -> Path:
    doc = json.loads(source.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    target.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    "url,identifier",
    [
        (FSIII_CARESOCIAL, [{"system": "urn:ietf:rfc:3986", "value": OID}]),
        (FSIII_CARESOCIAL, None),
        ("https://example.invalid/fhir/CodeSystem/fsiii-copy", [{"value": OID}]),
        ("https://example.invalid/fhir/CodeSystem/fsiii-copy", [{"value": "1.2.208.176.2.21"}]),
    ],
)
def test_the_codesystem_under_either_url_or_named_by_its_oid(shared_dir, tmp_path, url, identifier):
    old, new = kl(shared_dir, "1.1.0"), kl(shared_dir, "2.3.0")
    copy = rewritten(new, tmp_path / "cs.json", url=url, identifier=identifier)
    reference = import_codesystems([old, new])
    result = import_codesystems([old, copy])
    for got, want in zip(result.catalogs, reference.catalogs, strict=True):
        assert got.states == want.states and got.areas == want.areas
        assert got.derived_from[-1] == f"{url}|20240530"  # which URI was read


def test_another_code_system_is_still_refused(shared_dir, tmp_path):
    other = rewritten(
        kl(shared_dir, "2.3.0"),
        tmp_path / "cs.json",
        url="http://snomed.info/sct",
        identifier=[{"value": "urn:oid:2.16.840.1.113883.6.96"}],
    )
    with pytest.raises(InputError, match="ikke FSIII"):
        import_codesystems([other])


# --- a UUID-only release --------------------------------------------------------------------


def uuid_release(
    original: Catalog,
    simplified: Catalog,
    drop: set[str],
    add: dict[str, tuple[str, str]] | None = None,
    version: str = "20270101",
) -> dict[str, Any]:
    """A CodeSystem as KL announced it: every concept under its UUID, no legacy keys. ``drop``:
    keys of states left out; ``add``: new UUID → (area key, display)."""
    roots = {g: uuid for uuid, g in GROUP_ROOT_UUIDS.items()}
    states = {s.key: s for s in [*original.states, *simplified.states] if s.key not in drop}
    areas = {a.key: a for a in [*original.areas, *simplified.areas]}
    tree: dict[str, list[dict[str, Any]]] = {}
    for st in states.values():
        assert st.uuid
        tree.setdefault(st.area, []).append({"code": st.uuid, "display": st.display})
    for uuid, (area, display) in (add or {}).items():
        tree.setdefault(area, []).append({"code": uuid, "display": display})
    tops = [
        {
            "code": roots[group],
            "display": "Kommunale testtilstande",
            "concept": [
                {"code": a.uuid, "display": a.display, "concept": tree.get(key, [])}
                for key, a in areas.items()
                if a.group == group
            ],
        }
        for group in ("funktionsevne", "helbred")
    ]
    return {
        "resourceType": "CodeSystem",
        "url": OID,
        "identifier": [{"system": "urn:ietf:rfc:3986", "value": OID}],
        "version": version,
        "concept": tops,
    }


NEW_UUID = "00000000-0000-4000-8000-000000000001"  # invented


@pytest.fixture
def frozen_catalogs(frozen_ws: Workspace) -> dict[str, Catalog]:
    return dict(frozen_ws.catalogs)


def test_a_uuid_only_release_is_matched_by_uuid(frozen_catalogs, tmp_path):
    orig, simp = frozen_catalogs["original"], frozen_catalogs["simplified"]
    retained = next(s for s in simp.states if s.status == "retained" and s.group == "helbred")
    outgoing = next(s for s in orig.states if s.status == "outgoing")
    doc = uuid_release(orig, simp, {retained.key, outgoing.key}, {NEW_UUID: ("I9", "Ny tilstand")})
    path = tmp_path / "CodeSystem-FSIII-uuid.json"
    path.write_text(json.dumps(doc), encoding="utf-8")

    result = import_codesystems([path], frozen_catalogs)
    new_orig, new_simp = result.catalogs
    by_key = {s.key: s for s in new_orig.states}
    # states that disappeared are outgoing, verified; the rest keep key, UUID and status
    assert (by_key[retained.key].status, by_key[retained.key].status_evidence) == (
        "outgoing",
        "verified",
    )
    assert (by_key[outgoing.key].status, by_key[outgoing.key].status_evidence) == (
        "outgoing",
        "verified",
    )
    unchanged = [s for s in orig.states if s.key not in {retained.key, outgoing.key}]
    assert [by_key[s.key] for s in unchanged] == unchanged
    simp_keys = [s.key for s in new_simp.states]
    assert retained.key not in simp_keys
    assert "Personlig_pleje" in simp_keys and "J3.5" in simp_keys  # legacy keys kept
    new = next(s for s in new_simp.states if s.uuid == NEW_UUID)
    assert (new.key, new.area, new.status, new.status_evidence) == (
        NEW_UUID,
        "I9",
        "new",
        "verified",
    )
    assert new_simp.code_system_version == "20270101"
    assert new_simp.derived_from[-1] == f"{OID}|20270101"
    assert new_simp.resolve(NEW_UUID) is new


def test_cli_imports_a_uuid_only_release_into_the_data_folder(frozen_catalogs, tmp_path, capsys):
    orig, simp = frozen_catalogs["original"], frozen_catalogs["simplified"]
    gone = next(s for s in simp.states if s.status == "retained")
    path = tmp_path / "release.json"
    path.write_text(json.dumps(uuid_release(orig, simp, {gone.key})), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert fsiii("catalog", "import", str(path), "-o", str(out)) == 0
    written = load_catalog(out / "catalog_original.yaml")
    st = written.resolve(gone.key)
    assert st is not None and (st.status, st.status_evidence) == ("outgoing", "verified")
    assert load_catalog(out / "catalog_simplified.yaml").resolve(gone.key) is None
    assert "Traceback" not in capsys.readouterr().err


# --- wrong shapes ---------------------------------------------------------------------------


def _base() -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem",
        "url": OID,
        "version": "1",
        "concept": [
            {
                "code": "J",
                "display": "Funktionsevnetilstande",
                "concept": [{"code": "J1", "display": "Egenomsorg", "concept": []}],
            }
        ],
    }


def _nested(depth: int) -> dict[str, Any]:
    doc = _base()
    node = doc["concept"][0]["concept"][0]
    for i in range(depth):
        child = {"code": f"x{i}", "display": "x", "concept": []}
        node["concept"].append(child)
        node = child
    return doc


def _set(path: list[Any], value: Any) -> dict[str, Any]:
    doc = _base()
    node: Any = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return doc


WRONG_SHAPES = [
    (_set(["concept", 0], "J"), "concept[0]: forventede et objekt, fandt tekst"),
    (_set(["concept", 0, "concept"], "J1"), "concept[0].concept: forventede en liste"),
    (_set(["concept", 0, "code"], ["J"]), "concept[0].code: forventede tekst, fandt en liste"),
    (_set(["concept", 0, "display"], {"da": "x"}), "concept[0].display: forventede tekst"),
    (_set(["concept", 0, "concept", 0, "code"], None), "concept[0].concept[0].code"),
    (
        _set(["concept", 0, "concept", 0, "designation"], [7]),
        "designation[0]: forventede et objekt",
    ),
    (_set(["url"], [OID]), "url: forventede tekst, fandt en liste"),
    (_set(["identifier"], {"value": OID}), "identifier: forventede en liste"),
    (_set(["version"], 20240530), "version: forventede tekst, fandt et tal"),
    (_nested(40), "dybere end 16 niveauer"),
]


@pytest.mark.parametrize("doc,message", WRONG_SHAPES)
def test_wrong_shape_is_a_message_with_its_json_path(tmp_path, capsys, doc, message):
    path = tmp_path / "cs.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert fsiii("catalog", "import", str(path), "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []  # nothing written


@pytest.mark.parametrize(
    "text,message",
    [
        ('{"resourceType": "CodeSystem", "version": ' + "9" * 5000 + "}", "for langt"),
        ("[" * 100_000 + "]" * 100_000, "for dybt"),
    ],
)
def test_huge_numbers_and_deep_nesting_are_refused(tmp_path, capsys, text, message):
    path = tmp_path / "cs.json"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert fsiii("catalog", "import", str(path), "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert list(out.iterdir()) == []
