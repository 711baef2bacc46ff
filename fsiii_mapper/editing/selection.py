"""Choosing rows of a table the way a script or the command line names them."""

from __future__ import annotations

from collections.abc import Iterable

from fsiii_mapper.model import MappingTable


def select_rows(
    table: MappingTable,
    source: str | None = None,
    target: str | None = None,
    numbers: Iterable[int] = (),
) -> list[int]:
    """Positions (0-based) of the rows matching every criterion given: the source state key, the
    target field code, and row numbers (1-based, as the GUI numbers them)."""
    wanted = set(numbers)
    return [
        i
        for i, row in enumerate(table.rows)
        if (source is None or row.source == source)
        and (target is None or (row.target or "") == target)
        and (not wanted or i + 1 in wanted)
    ]
