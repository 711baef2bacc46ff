"""The names the parser offers as choices, spelled out so that building the parser (and printing
``--help``) imports none of the core's heavy modules (pydantic, ruamel.yaml, lxml).

Each tuple mirrors a core constant; ``tests/test_cli_start.py`` checks that they stay equal.
"""

from __future__ import annotations

STRATEGIES = ("original", "simplified", "cura", "nexus")  # engine.strategies.STRATEGIES
EXPORT_FORMATS = (  # interchange.EXPORT_FORMATS
    "csv",
    "xlsx",
    "conceptmap-r4",
    "conceptmap-r5",
    "sssom",
    "guide-html",
    "guide-pdf",
)
IMPORT_FORMATS = ("csv", "xlsx", "conceptmap-r4", "conceptmap-r5")  # interchange.IMPORT_FORMATS
EDITABLE_FIELDS = (  # editing.EDITABLE_FIELDS
    "source",
    "target",
    "relationship",
    "review_status",
    "comment",
)
CHECK_FORMATS = ("text", "json", "junit", "sarif")  # conformance.report_files.FORMATS
