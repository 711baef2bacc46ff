"""SSSOM/TSV: YAML metadata block, standard columns, NoTermFound, predicates read subject→object."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from fsiii_mapper.interchange import export_tables
from fsiii_mapper.interchange.cells import neutralise
from fsiii_mapper.io.documents import load_table
from fsiii_mapper.workspace import Workspace

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "rich_table.yaml"


def export(ws: Workspace, folder: Path) -> tuple[dict[str, object], list[dict[str, str]]]:
    out = folder / "t.sssom.tsv"
    export_tables([load_table(FIXTURE)], ws, "sssom", out)
    text = out.read_text(encoding="utf-8")
    head = "".join(line[1:] for line in text.splitlines(True) if line.startswith("#"))
    body = "".join(line for line in text.splitlines(True) if not line.startswith("#"))
    meta = YAML(typ="safe").load(head)
    rows = list(csv.DictReader(io.StringIO(body, newline=""), delimiter="\t"))
    return meta, rows


def test_metadata_block_has_the_required_slots(frozen_ws: Workspace, tmp_path: Path) -> None:
    meta, _ = export(frozen_ws, tmp_path)
    for key in ("curie_map", "mapping_set_id", "license", "mapping_set_version"):
        assert meta[key]
    curies = meta["curie_map"]
    assert isinstance(curies, dict)
    assert {"FSIII", "XDIS16", "skos", "semapv", "sssom"} <= set(curies)
    # the sources are CURIEs of the curie_map, the provider a URI (sssom-py refuses anything else)
    for key in ("subject_source", "object_source"):
        prefix = str(meta[key]).split(":", 1)[0]
        assert prefix in curies, key
    assert str(meta["mapping_provider"]).startswith("https://")


def test_a_formula_comment_is_written_as_text(frozen_ws: Workspace, tmp_path: Path) -> None:
    _, rows = export(frozen_ws, tmp_path)
    comments = [r["comment"] for r in rows]
    assert "'=SUM(A1:A2) er ikke en formel" in comments
    assert not any(c[:1] in "=+-@" for c in comments if c)


def test_rows_carry_author_date_comment_and_one_line_per_row(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    _, rows = export(frozen_ws, tmp_path)
    table = load_table(FIXTURE).table
    assert len(rows) == len(table.rows)
    for row, src in zip(rows, table.rows, strict=True):
        assert row["subject_id"] == f"FSIII:{src.source}"
        assert row["author_label"] == src.author
        assert row["mapping_date"] == (src.date.isoformat() if src.date else "")
        # tabs and newlines survive TSV quoting; a formula-like comment is neutralised
        assert row["comment"] == neutralise(src.comment)
        assert row["mapping_justification"] == "semapv:ManualMappingCuration"
        assert row["other"] == f"review_status={src.review_status}"


@pytest.mark.parametrize(
    ("relationship", "predicate"),
    [
        ("equivalent", "skos:exactMatch"),
        ("source-broader", "skos:narrowMatch"),  # the object is narrower than the subject
        ("source-narrower", "skos:broadMatch"),  # the object is broader than the subject
        ("related", "skos:relatedMatch"),
    ],
)
def test_predicate_direction(
    relationship: str, predicate: str, frozen_ws: Workspace, tmp_path: Path
) -> None:
    _, rows = export(frozen_ws, tmp_path)
    table = load_table(FIXTURE).table
    got = {
        r["predicate_id"]
        for r, s in zip(rows, table.rows, strict=True)
        if s.relationship == relationship
    }
    assert got == {predicate}


def test_no_map_rows_point_to_no_term_found(frozen_ws: Workspace, tmp_path: Path) -> None:
    _, rows = export(frozen_ws, tmp_path)
    table = load_table(FIXTURE).table
    for r, s in zip(rows, table.rows, strict=True):
        if s.relationship == "no-map":
            assert (r["object_id"], r["mapping_cardinality"]) == ("sssom:NoTermFound", "1:0")
        else:
            assert r["object_id"] == f"XDIS16:{s.target}"
    one_to_n = [
        r["mapping_cardinality"]
        for r, s in zip(rows, table.rows, strict=True)
        if s.source == "Personlig_pleje"
    ]
    assert one_to_n == ["1:n", "1:n", "1:n"]
