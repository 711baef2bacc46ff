"""SSSOM read by the reference implementation, sssom-py: ``sssom validate`` passes with every row
loaded, and ``sssom convert`` to JSON, FHIR JSON and OWL keeps every mapping.

Round 1's file failed here: the sources were full URIs ("Missing prefix: urn"), the provider not a
URI, a non-ASCII table id made the mapping-set id an invalid URI, and the review status column was
dropped as an unknown slot.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from fsiii_mapper.interchange import export_tables
from fsiii_mapper.io.documents import load_table
from fsiii_mapper.workspace import Workspace

pytest.importorskip("sssom")

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "rich_table.yaml"
SSSOM = Path(sys.executable).parent / "sssom"


def sssom(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SSSOM), *args], capture_output=True, text=True, timeout=120, check=False
    )


def triples(rows: list[dict[str, str]]) -> Counter[tuple[str, str, str]]:
    return Counter((r["subject_id"], r["predicate_id"], r["object_id"]) for r in rows)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, frozen_ws: Workspace) -> Path:
    out = tmp_path_factory.mktemp("sssom") / "rundtur.sssom.tsv"
    export_tables([load_table(FIXTURE)], frozen_ws, "sssom", out, allow_warnings=True)
    return out


def written_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        body = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(body, delimiter="\t"))


def test_sssom_validate_passes(exported: Path) -> None:
    done = sssom("validate", str(exported))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "No attr for" not in done.stderr  # no column dropped as an unknown slot


def test_sssom_parse_keeps_every_row_and_the_review_status(exported: Path) -> None:
    from sssom.parsers import parse_sssom_table

    msdf = parse_sssom_table(exported)
    rows = written_rows(exported)
    assert len(msdf.df) == len(rows) == len(load_table(FIXTURE).table.rows)
    assert sorted(msdf.df["other"]) == sorted(r["other"] for r in rows)


@pytest.mark.parametrize("fmt", ["json", "fhir_json", "owl"])
def test_sssom_convert_keeps_every_mapping(exported: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"converted.{fmt}"
    done = sssom("convert", str(exported), "-O", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    rows = written_rows(exported)
    if fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert triples(data["mappings"]) == triples(rows)
        assert sorted(m["other"] for m in data["mappings"]) == sorted(r["other"] for r in rows)
    elif fmt == "fhir_json":
        data = json.loads(out.read_text(encoding="utf-8"))
        targets = [
            (el["code"], t["code"])
            for g in data["group"]
            for el in g["element"]
            for t in el["target"]
        ]
        assert Counter(targets) == Counter((r["subject_id"], r["object_id"]) for r in rows)
    else:
        text = out.read_text(encoding="utf-8")
        assert text.count("owl:annotatedSource") == len(rows)
