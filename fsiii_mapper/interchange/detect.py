"""Which import format a file is in: by its name, else by its first bytes."""

from __future__ import annotations

from pathlib import Path

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.conceptmap import conceptmap_version, load_json
from fsiii_mapper.texts import t

IMPORT_FORMATS = ("csv", "xlsx", "conceptmap-r4", "conceptmap-r5")


def detect_format(path: Path) -> str:
    try:
        head = path.read_bytes()[:4]
    except FileNotFoundError:
        raise InputError(t("file not found"), path) from None
    except OSError as exc:
        raise InputError(t("cannot read the file: {reason}", reason=exc.strerror), path) from None
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm") or head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if suffix == ".json" or head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{"):
        data = load_json(path)
        if not isinstance(data, dict) or data.get("resourceType") != "ConceptMap":
            raise InputError(
                t("a JSON file, but not a FHIR ConceptMap"),
                path,
                hint=t("only a ConceptMap (JSON) can be imported as a mapping table"),
            )
        version = conceptmap_version(data)
        if version is None:
            raise InputError(
                t("cannot tell whether this ConceptMap is R4 or R5"),
                path,
                hint=t("give --format conceptmap-r4 or --format conceptmap-r5"),
            )
        return f"conceptmap-{version}"
    if suffix in (".csv", ".txt", ".tsv") or suffix == "":
        return "csv"
    raise InputError(
        t("cannot tell the format of a {suffix} file", suffix=suffix),
        path,
        hint=t("give --format, one of: {choices}", choices=", ".join(IMPORT_FORMATS)),
    )
