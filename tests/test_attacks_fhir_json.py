"""No FHIR JSON gives a traceback: a gateway Bundle (``citizen import-fhir``, ``gaps --bundles``)
and a KL CodeSystem (``catalog import``) either import or are an ``InputError`` naming where.

Property-based: real, valid inputs with random subtrees replaced by random JSON, and random
JSON documents of their own.
"""

from __future__ import annotations

import contextlib
import copy
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsontrees import json_paths

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.catalog_import import import_codesystems
from fsiii_mapper.interchange.fhir_citizen import citizen_from_json
from fsiii_mapper.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"
BUNDLES = [
    json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    for name in ("gateway_bundle.json", "caresocial_2021_bundle.json")
]
WS = Workspace.load(Path(__file__).parent / "data")
FUZZ = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=16)
    | st.sampled_from(
        [
            "Bundle",
            "Condition",
            "Patient",
            "urn:oid:1.2.208.176.2.21",
            "http://kl.dk/fhir/common/caresocial/CodeSystem/FSIII",
            "J1.1",
            "B4",
            "active",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


def _replaced(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    doc = copy.deepcopy(doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


def _citizen(data: Any) -> None:
    with contextlib.suppress(InputError):
        citizen_from_json(data, Path("bundle.json"), WS, "fuzz")


def _codesystem(data: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        p = Path(folder) / "cs.json"
        p.write_text(json.dumps(data), encoding="utf-8")
        with contextlib.suppress(InputError):
            import_codesystems([p], WS.catalogs)


@FUZZ
@given(st.integers(min_value=0, max_value=1), st.data(), JSON)
def test_a_bundle_with_any_subtree_replaced_imports_or_is_refused(
    which: int, data: st.DataObject, value: Any
) -> None:
    bundle = BUNDLES[which]
    path = data.draw(st.sampled_from(json_paths(bundle)))
    _citizen(_replaced(bundle, path, value))


@FUZZ
@given(JSON)
def test_any_json_as_a_bundle_imports_or_is_refused(value: Any) -> None:
    _citizen(value)


def _small_codesystem() -> dict[str, Any]:
    """A CodeSystem shaped like KL's, made from our own catalog (no KL file is read)."""
    states = WS.catalogs["simplified"].states[:6]
    return {
        "resourceType": "CodeSystem",
        "url": "http://kl.dk/fhir/common/caresocial/CodeSystem/FSIII",
        "version": "2.3.0",
        "concept": [{"code": s.uuid or s.key, "display": s.display, "concept": []} for s in states],
    }


@FUZZ
@given(st.data(), JSON)
def test_a_codesystem_with_any_subtree_replaced_imports_or_is_refused(
    data: st.DataObject, value: Any
) -> None:
    cs = _small_codesystem()
    path = data.draw(st.sampled_from(json_paths(cs)))
    _codesystem(_replaced(cs, path, value))


@FUZZ
@given(JSON)
def test_any_json_as_a_codesystem_imports_or_is_refused(value: Any) -> None:
    _codesystem(value)
