"""What an edit implies beyond the values a user set: the review and status rules of editing.

- A row that was ``approved`` and is changed goes back to ``in-review`` (unless the edit sets
  the review status itself): an approval covers the row as it was approved.
- Choosing a target on a ``no-map`` row makes it ``equivalent``; clearing the target of a
  mapped row makes it ``no-map`` (unless the edit sets the relationship itself). The user can
  change the suggestion afterwards; the edit and its implications are one undo step.
- A table whose rows change is a ``draft`` again (see ``implied_meta``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fsiii_mapper.model import MappingRow, TableMeta

CONTENT_FIELDS = frozenset({"source", "target", "relationship", "comment", "evidence"})
"""Fields whose change re-opens an approved row's review."""


def implied_row_values(row: MappingRow, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` (checked) plus what setting them on ``row`` implies."""
    out = dict(values)
    changed = {k for k, v in values.items() if getattr(row, k, None) != v}
    if "relationship" not in values and "target" in changed:
        if values["target"] is not None and row.relationship == "no-map":
            out["relationship"] = "equivalent"
        elif values["target"] is None and row.relationship != "no-map":
            out["relationship"] = "no-map"
    if (
        "review_status" not in values
        and row.review_status == "approved"
        and changed & CONTENT_FIELDS
    ):
        out["review_status"] = "in-review"
    return out


def implied_meta(meta: TableMeta) -> dict[str, Any]:
    """The table fields an edit of its rows implies: an edited table is a draft."""
    return {} if meta.status == "draft" else {"status": "draft"}


def next_version(version: str) -> str:
    """The version a save offers after edits: the last number raised by one (``1.0.0`` →
    ``1.0.1``, ``2`` → ``3``); a version without a final number gets ``.1``."""
    head, sep, last = version.rpartition(".")
    if last.isascii() and last.isdigit():
        return f"{head}{sep}{int(last) + 1}"
    return f"{version}.1"
