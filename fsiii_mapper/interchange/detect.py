"""Which import format a file is in: by its name, else by its first bytes."""

from __future__ import annotations

import json
from pathlib import Path

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.conceptmap import conceptmap_version

IMPORT_FORMATS = ("csv", "xlsx", "conceptmap-r4", "conceptmap-r5")


def detect_format(path: Path) -> str:
    try:
        head = path.read_bytes()[:4]
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm") or head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if suffix == ".json" or head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{"):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"not valid JSON: {exc}", path) from None
        if not isinstance(data, dict) or data.get("resourceType") != "ConceptMap":
            raise InputError(
                "a JSON file, but not a FHIR ConceptMap",
                path,
                hint="only ConceptMap JSON can be imported as a table",
            )
        version = conceptmap_version(data)
        if version is None:
            raise InputError(
                "cannot tell whether this ConceptMap is R4 or R5",
                path,
                hint="give --format conceptmap-r4 or --format conceptmap-r5",
            )
        return f"conceptmap-{version}"
    if suffix in (".csv", ".txt", ".tsv") or suffix == "":
        return "csv"
    raise InputError(
        f"cannot tell the format of a {suffix} file",
        path,
        hint=f"give --format, one of {', '.join(IMPORT_FORMATS)}",
    )
