"""“Lost after the simplification”: a report field the old table fills and the simplified (or a
vendor's) routing leaves empty. Defined once here; the preview (per citizen) and the structural
gaps (per table pair) both ask this module.
"""

from __future__ import annotations

from collections.abc import Iterable

from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.engine.report import Report

OLD_TABLE = "original"
NEW_TABLE = "simplified"


def lost_fields(filled_by_old: Iterable[str], filled_here: Iterable[str]) -> frozenset[str]:
    """The field codes filled under the old table and not here."""
    return frozenset(filled_by_old) - frozenset(filled_here)


def lost_in_report(report: Report, old: Report) -> frozenset[str]:
    """Fields empty in ``report`` that the old table fills for the same citizen (``old``)."""
    if report.strategy == OLD_TABLE:
        return frozenset()
    return lost_fields(old.filled(), report.filled())


def lost_by_the_tables(engine: Engine) -> frozenset[str]:
    """Fields some row of the old table fills and no row of the simplified table does."""
    return lost_fields(engine.sources(OLD_TABLE), engine.sources(NEW_TABLE))
