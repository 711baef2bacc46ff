"""Where the frozen copy of the data lives: catalogs, layout, crosswalk, the two tables and the
demo citizens as they were when the golden tests were pinned (see ``data/README.md``).

Golden tests read this copy, so an analyst who corrects a row in ``mapping_tables/`` breaks none
of them; tests whose purpose is the shipped data itself read ``mapping_tables/`` on purpose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fsiii_mapper.conformance.batch import CheckConfig

DATA = Path(__file__).resolve().parent / "data"
CITIZENS = DATA / "citizens"


def demo_path(demo_id: str) -> Path:
    """The frozen file of a demo citizen, e.g. ``demo_path("demo-02")``."""
    (path,) = CITIZENS.glob(f"{demo_id}-*.yaml")
    return path


def check_config(strategy: str, **options: Any) -> CheckConfig:
    """A vendor-check configuration over the frozen tables and demo citizens."""
    return CheckConfig(CITIZENS, strategy, data_dir=DATA, **options)


def fsiii(*args: str) -> int:
    """``fsiii-mapper --data tests/data ARGS…`` in-process; its exit code. Use it with the
    ``frozen_cli`` fixture, so demo ids name the frozen citizens too."""
    from fsiii_mapper_cli.main import main

    return main(["--data", str(DATA), *args])
