"""Mapping tables: FSIII state → report field, one row per decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fsiii_mapper.model.checks import Check
from fsiii_mapper.model.common import CARRIED, Strict

Relationship = Literal["equivalent", "source-broader", "source-narrower", "related", "no-map"]
RELATIONSHIPS: tuple[Relationship, ...] = (
    "equivalent",
    "source-broader",
    "source-narrower",
    "related",
    "no-map",
)
ReviewStatus = Literal["draft", "in-review", "approved", "rejected"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = ("draft", "in-review", "approved", "rejected")
TableStatus = Literal["draft", "in-review", "published", "retired"]
RowEvidence = Literal["verified", "sibling", "assumed"]
"""What a row rests on: read in XD1634C material or KL's/the users' text (verified), seen in a
sibling message such as XD1834C (sibling), or our reading (assumed)."""
ROW_EVIDENCE: tuple[RowEvidence, ...] = ("verified", "sibling", "assumed")

ROW_FIELDS = (
    "source",
    "target",
    "relationship",
    "review_status",
    "evidence",
    "comment",
    "author",
    "date",
)


@dataclass(slots=True, kw_only=True)
class MappingRow(Strict):
    source: str
    target: str | None = None
    relationship: Relationship
    review_status: ReviewStatus = "draft"
    evidence: RowEvidence | None = None
    comment: str = ""
    author: str = ""
    date: dt.date | None = None

    # The YAML node this row was read from (kept so that a save edits it in place and keeps its
    # comments); carried along by ``replaced`` so edits of a row keep their place in the file.
    _node: Any = field(default=None, init=False, repr=False, compare=False, metadata=CARRIED)

    @property
    def maps(self) -> bool:
        return self.relationship != "no-map"


@dataclass(slots=True, kw_only=True)
class TableMeta(Strict):
    id: str
    title: str
    version: str
    status: TableStatus
    catalog: str
    report_layout: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    publisher: str
    description: str = ""


def _moved_keys(data: object) -> object:
    # ``include_area_notes`` moved to the vendor rules (``vendor_rules.yaml``: area notes are
    # a property of the rule, DOMAIN.md §5); tables written before still load.
    if isinstance(data, dict) and "include_area_notes" in data:
        data = {k: v for k, v in data.items() if k != "include_area_notes"}
    return data


@dataclass(slots=True, kw_only=True)
class MappingTable(Strict):
    table: Annotated[TableMeta, Check(_moved_keys, before=True)]
    rows: list[MappingRow]

    @property
    def id(self) -> str:
        return self.table.id
