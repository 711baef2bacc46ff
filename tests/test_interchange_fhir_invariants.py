"""The FHIR invariants of our ConceptMaps, evaluated with a FHIRPath engine (fhirpathpy).

fhir.resources and the JSON schemas check structure, not invariants; the HL7 validator does. The
expressions below are the FHIR specification's own (ConceptMap R4 4.0.1 and R5 5.0.0, and the
DomainResource/Extension ones), each evaluated on every element its context names. Round 1's R5
file failed cmd-11 (the review-status property of type code had no system) and both versions
failed dom-6 (no narrative).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from fsiii_mapper.interchange import export_tables
from fsiii_mapper.io.documents import load_table
from fsiii_mapper.workspace import Workspace

fhirpath = pytest.importorskip("fhirpathpy")
models = pytest.importorskip("fhirpathpy.models").models

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "rich_table.yaml"
NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
XHTML = "http://www.w3.org/1999/xhtml"

# (key, severity, context, expression) — from the FHIR specification.
COMMON = [
    ("dom-6", "warning", "ConceptMap", "text.`div`.exists()"),
    ("dom-2", "error", "ConceptMap", "contained.contained.empty()"),
    (
        "ext-1",
        "error",
        "ConceptMap.descendants().extension",
        "extension.exists() != value.exists()",
    ),
]
R4 = [
    ("cmd-0", "warning", "ConceptMap", "name.matches('[A-Z]([A-Za-z0-9_]){0,254}')"),
    (
        "cmd-1",
        "error",
        "ConceptMap.group.element.target",
        "comment.exists() or equivalence.empty() or ((equivalence != 'narrower') and "
        "(equivalence != 'inexact'))",
    ),
    ("cmd-2", "error", "ConceptMap.group.unmapped", "(mode = 'fixed') implies code.exists()"),
    ("cmd-3", "error", "ConceptMap.group.unmapped", "(mode = 'other-map') implies url.exists()"),
]
R5 = [
    (
        "cnl-0",
        "warning",
        "ConceptMap",
        "name.exists() implies name.matches('^[A-Z]([A-Za-z0-9_]){1,254}$')",
    ),
    ("cnl-1", "warning", "ConceptMap.url", "exists() implies matches('^[^|# ]+$')"),
    (
        "cmd-1",
        "error",
        "ConceptMap.group.element.target",
        "comment.exists() or (%resource.status = 'draft') or relationship.empty() or "
        "((relationship != 'source-is-broader-than-target') and (relationship != "
        "'not-related-to'))",
    ),
    (
        "cmd-4",
        "error",
        "ConceptMap.group.element",
        "(noMap.exists() and noMap=true) implies target.empty()",
    ),
    (
        "cmd-5",
        "error",
        "ConceptMap.group.element",
        "(code.exists() and valueSet.empty()) or (code.empty() and valueSet.exists())",
    ),
    (
        "cmd-7",
        "error",
        "ConceptMap.group.element.target",
        "(code.exists() and valueSet.empty()) or (code.empty() and valueSet.exists())",
    ),
    ("cmd-11", "error", "ConceptMap.property", "type = 'code' implies system.exists()"),
]


def violations(
    resource: dict[str, Any], invariants: list[tuple[str, str, str, str]], version: str
) -> list[str]:
    """The keys whose expression is not true on every node of its context (evaluated from the
    resource, so choice types such as ``value[x]`` resolve through fhirpathpy's model)."""
    model = models[version]
    env = {"resource": resource}
    out = []
    for key, _severity, context, expression in invariants:
        if "unmapped" not in context:  # we never write group.unmapped; the rest must be there
            assert fhirpath.evaluate(resource, f"{context}.exists()", env, model) == [True], context
        if fhirpath.evaluate(resource, f"{context}.all({expression})", env, model) != [True]:
            out.append(key)
    return out


def exported(ws: Workspace, folder: Path, fmt: str, table: str | Path) -> dict[str, Any]:
    doc = load_table(table) if isinstance(table, Path) else ws.open_table(table)
    out = folder / f"{fmt}.json"
    export_tables([doc], ws, fmt, out, allow_warnings=True, now=NOW)
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


# A draft R5 table may leave a source-is-broader-than-target comment empty (cmd-1); we always
# write one, so the published shipped tables and the draft fixture are checked alike.
@pytest.mark.parametrize("table", ["original", "simplified", FIXTURE])
@pytest.mark.parametrize(("fmt", "invariants"), [("conceptmap-r4", R4), ("conceptmap-r5", R5)])
def test_every_invariant_holds(
    frozen_ws: Workspace,
    tmp_path: Path,
    table: str | Path,
    fmt: str,
    invariants: list[tuple[str, str, str, str]],
) -> None:
    cm = exported(frozen_ws, tmp_path, fmt, table)
    assert violations(cm, COMMON + invariants, fmt[-2:]) == []


def test_the_check_finds_what_round_1_got_wrong(frozen_ws: Workspace, tmp_path: Path) -> None:
    cm = exported(frozen_ws, tmp_path, "conceptmap-r5", "original")
    del cm["text"]
    for prop in cm["property"]:
        prop.pop("system", None)
    assert violations(cm, COMMON + R5, "r5") == ["dom-6", "cmd-11"]


@pytest.mark.parametrize("fmt", ["conceptmap-r4", "conceptmap-r5"])
def test_narrative_is_generated_xhtml_with_every_row(
    frozen_ws: Workspace, tmp_path: Path, fmt: str
) -> None:
    cm = exported(frozen_ws, tmp_path, fmt, FIXTURE)
    assert cm["text"]["status"] == "generated"
    div = etree.fromstring(cm["text"]["div"].encode("utf-8"))
    assert div.tag == f"{{{XHTML}}}div"
    allowed = {"div", "p", "b", "table", "tr", "th", "td"}  # no script, no attributes but xmlns
    assert {etree.QName(el).localname for el in div.iter()} <= allowed
    assert all(not el.attrib for el in div.iter())
    rows = div.findall(f".//{{{XHTML}}}td")
    assert len(rows) == 3 * len(load_table(FIXTURE).table.rows)
    assert "Rundtur" in "".join(div.itertext())
