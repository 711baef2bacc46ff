"""No input to an importer gives a traceback: every CSV, XLSX and ConceptMap file either imports
(rows taken, the rest listed) or is an ``InputError`` (exit 2 with a message).

Hand-made hostile shapes first (ConceptMap JSON of the wrong shape, huge numbers, deep nesting),
then property-based fuzzing with hypothesis: random bytes and CSV-like text; real exports with
random subtrees replaced; workbooks whose sheet XML is cut, spliced and rewritten.
"""

from __future__ import annotations

import copy
import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import CliRun
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange import export_tables, import_file
from fsiii_mapper.workspace import Workspace

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["ConceptMap", "urn:oid:1.2.208.176.2.21", "equivalent", "FA510", "J1.1"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


def attempt(path: Path, ws: Workspace, fmt: str | None = None) -> None:
    """Import ``path``; only a result or an InputError with a message is acceptable."""
    try:
        result = import_file(path, ws, fmt)
    except InputError as exc:
        assert exc.message.strip()
        return
    for s in result.skipped:
        assert s.message.strip() and s.where.strip()


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory, frozen_ws: Workspace) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("exports")
    out = {}
    for fmt, name in (
        ("conceptmap-r4", "r4.json"),
        ("conceptmap-r5", "r5.json"),
        ("xlsx", "t.xlsx"),
    ):
        export_tables([frozen_ws.simplified], frozen_ws, fmt, folder / name)
        out[fmt] = (folder / name).read_bytes()
    return out


# --- ConceptMap JSON of the wrong shape -------------------------------------------------------

SHAPES: dict[str, Any] = {
    "group is a string": {"group": "x"},
    "group is an object": {"group": {"source": "urn:oid:1.2.208.176.2.21"}},
    "element is a string": {"group": [{"source": "urn:oid:1.2.208.176.2.21", "element": ["x"]}]},
    "target is a number": {
        "group": [
            {"source": "urn:oid:1.2.208.176.2.21", "element": [{"code": "J1.1", "target": 5}]}
        ]
    },
    "code is a list": {
        "group": [{"source": "urn:oid:1.2.208.176.2.21", "element": [{"code": ["J1.1"]}]}]
    },
    "source is a list": {"group": [{"source": ["urn:oid:1.2.208.176.2.21"]}]},
    "identifier is a string": {"identifier": "x"},
    "extension is a string": {"extension": "x", "group": []},
    "property is a list of numbers": {
        "group": [
            {
                "source": "urn:oid:1.2.208.176.2.21",
                "element": [
                    {
                        "code": "J1.1",
                        "target": [
                            {"code": "FA510", "relationship": "equivalent", "property": [1, 2]}
                        ],
                    }
                ],
            }
        ]
    },
    "effectivePeriod is a list": {"effectivePeriod": [1], "group": []},
    "title is a number": {"title": 12, "version": [], "status": {}},
    "date property is a number": {
        "group": [
            {
                "source": "urn:oid:1.2.208.176.2.21",
                "element": [
                    {
                        "code": "J1.1",
                        "target": [
                            {
                                "code": "FA510",
                                "relationship": "equivalent",
                                "property": [{"code": "date", "valueDateTime": 20260101}],
                            }
                        ],
                    }
                ],
            }
        ]
    },
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_conceptmap_of_the_wrong_shape(shape: str, frozen_ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "cm.json"
    src.write_text(json.dumps({"resourceType": "ConceptMap", **SHAPES[shape]}), encoding="utf-8")
    attempt(src, frozen_ws)
    attempt(src, frozen_ws, "conceptmap-r5")


@pytest.mark.parametrize(
    "text",
    [
        '{"resourceType": "ConceptMap", "version": ' + "9" * 5000 + "}",
        "[" * 100_000 + "]" * 100_000,
        '{"resourceType": "ConceptMap", "a": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"resourceType": "ConceptMap", "version": 1e999999}',
        "\ufeff{",
    ],
    ids=["5000-digit number", "deep list", "deep inside", "overflowing float", "truncated"],
)
def test_hostile_json(text: str, frozen_ws: Workspace, tmp_path: Path, cli: CliRun) -> None:
    src = tmp_path / "cm.json"
    src.write_text(text, encoding="utf-8")
    attempt(src, frozen_ws)
    rc, _, err = cli("import", str(src), "-o", str(tmp_path / "t.yaml"))
    assert rc in (1, 2) and "Traceback" not in err


@FUZZ
@given(data=st.data())
def test_fuzz_conceptmap_subtrees(
    data: st.DataObject, exports: dict[str, bytes], frozen_ws: Workspace
) -> None:
    fmt = data.draw(st.sampled_from(["conceptmap-r4", "conceptmap-r5"]))
    doc = json.loads(exports[fmt])
    for _ in range(data.draw(st.integers(1, 4))):
        node: Any = doc
        path = []
        while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
            key = data.draw(
                st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node)))
            )
            path.append(key)
            node = node[key]
        if path:
            parent = doc
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = data.draw(JSON_VALUES)
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "cm.json"
        src.write_text(json.dumps(copy.deepcopy(doc)), encoding="utf-8")
        attempt(src, frozen_ws)


@FUZZ
@given(value=JSON_VALUES)
def test_fuzz_any_json(value: Any, frozen_ws: Workspace) -> None:
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "cm.json"
        src.write_text(json.dumps({"resourceType": "ConceptMap", "group": value}), encoding="utf-8")
        attempt(src, frozen_ws)


# --- CSV ----------------------------------------------------------------------------------------

CSV_TEXT = st.lists(
    st.sampled_from(list(";,\t\"'\n\r=+-@#: abcæøå0123456789\ufeff"))
    | st.sampled_from(["J1.1", "FA510", "equivalent", "no-map", "30-02-2026", "2026-02-30"]),
    max_size=120,
).map("".join)


@FUZZ
@given(
    body=CSV_TEXT,
    header=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_fuzz_csv_text(body: str, header: bool, encoding: str, frozen_ws: Workspace) -> None:
    text = ("source;target;relationship;date\n" if header else "") + body
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "t.csv"
        src.write_bytes(text.encode(encoding, "replace"))
        attempt(src, frozen_ws, "csv")


@FUZZ
@given(data=st.binary(max_size=400))
def test_fuzz_csv_bytes(data: bytes, frozen_ws: Workspace) -> None:
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "t.csv"
        src.write_bytes(b"source,target,relationship\n" + data)
        attempt(src, frozen_ws, "csv")


# --- XLSX ---------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_fuzz_xlsx_parts(
    data: st.DataObject, exports: dict[str, bytes], frozen_ws: Workspace
) -> None:
    good = exports["xlsx"]
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    name = data.draw(st.sampled_from(sorted(parts)))
    content = parts[name]
    start = data.draw(st.integers(0, len(content)))
    end = data.draw(st.integers(start, min(len(content), start + 200)))
    insert = data.draw(
        st.binary(max_size=40)
        | st.sampled_from(
            [b"<", b"</c>", b'<c t="s"><v>7</v></c>', b'<c t="d"><v>x</v></c>', b"&x;"]
        )
    )
    parts[name] = content[:start] + insert + content[end:]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for n, c in parts.items():
            out.writestr(n, c, zipfile.ZIP_DEFLATED)
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "t.xlsx"
        src.write_bytes(buf.getvalue())
        attempt(src, frozen_ws, "xlsx")


@FUZZ
@given(data=st.binary(max_size=600))
def test_fuzz_xlsx_bytes(data: bytes, exports: dict[str, bytes], frozen_ws: Workspace) -> None:
    good = exports["xlsx"]
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "t.xlsx"
        src.write_bytes(good[: len(data)] + data if data else b"PK\x03\x04")
        attempt(src, frozen_ws, "xlsx")
