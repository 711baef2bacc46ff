"""Spreadsheet-safe text cells for CSV and SSSOM/TSV (OWASP's advice on CSV injection).

A spreadsheet treats a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (or strips the character), so an exported comment such as ``=HYPERLINK(…)``
would run when a colleague opens the file. Such a cell is written with a leading apostrophe,
which every spreadsheet shows as text. To stay lossless, a cell that already begins with an
apostrophe gets one too; ``restore`` removes exactly that one apostrophe on import.
"""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")
_ESCAPED_STARTS = FORMULA_STARTS | {"'"}


def neutralise(value: str) -> str:
    """The cell text to write: a formula-like text becomes plain text."""
    return "'" + value if value[:1] in _ESCAPED_STARTS else value


def restore(value: str) -> str:
    """The original text of a cell written by ``neutralise`` (other texts are returned as is)."""
    if value[:1] == "'" and value[1:2] in _ESCAPED_STARTS:
        return value[1:]
    return value


__all__ = ["FORMULA_STARTS", "neutralise", "restore"]
