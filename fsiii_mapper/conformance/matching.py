"""Which citizen a vendor's file belongs to.

First by the patient identifier in the XML (the citizen file's ``identifier``/``cpr``), compared
without spaces and hyphens. As a fallback, by file name: ``<citizen id>.xml`` or
``<citizen id>_<anything>.xml`` (also ``-``, ``.`` or a space after the id), or any file name that
contains the citizen's identifier as a separate run of digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fsiii_mapper.conformance.expected import normalise_identifier
from fsiii_mapper.model import Citizen

_SEPARATORS = "-_. "


@dataclass(frozen=True)
class CitizenIndex:
    by_identifier: dict[str, str]  # normalised identifier → citizen id
    ids: tuple[str, ...]  # longest first, so demo-10 is tried before demo-1

    @classmethod
    def build(cls, citizens: list[Citizen]) -> CitizenIndex:
        by_identifier = {}
        for c in citizens:
            ident = normalise_identifier(c.identifier)
            if ident:
                by_identifier[ident] = c.id
        ids = tuple(sorted((c.id for c in citizens), key=len, reverse=True))
        return cls(by_identifier, ids)

    def by_file_name(self, path: Path) -> str | None:
        stem = path.name.rsplit(".", 1)[0] if "." in path.name else path.name
        low = stem.casefold()
        for cid in self.ids:
            c = cid.casefold()
            if low == c or (low.startswith(c) and low[len(c)] in _SEPARATORS):
                return cid
        for ident, cid in self.by_identifier.items():
            if re.search(rf"(?<!\d){re.escape(ident)}(?!\d)", stem):
                return cid
        return None

    def match(self, identifier: str | None, path: Path) -> tuple[str | None, str | None]:
        """(citizen id, how) where how is 'identifier' or 'file-name'; (None, None) if neither."""
        if identifier and identifier in self.by_identifier:
            return self.by_identifier[identifier], "identifier"
        cid = self.by_file_name(path)
        return (cid, "file-name") if cid else (None, None)
