"""User-facing texts of the interchange package: Danish first, English too.

Kept here (not in ``fsiii_mapper.texts.catalog``) so this package owns its wording; the lookup
the same rules as ``messages.tr``: the language is chosen per call, default ``$FSIII_LANG`` or
Danish.
"""

from __future__ import annotations

from fsiii_mapper.texts.catalog import lookup

_TEXTS: dict[str, dict[str, str]] = {
    "refused": {
        "da": "Eksport afvist: tabellen {table} har {errors} fejl – der er ikke skrevet nogen fil",
        "en": "Export refused: table {table} has {errors} error(s) – no file was written",
    },
    "refused.warnings": {
        "da": "Eksport afvist: tabellen {table} har {warnings} advarsel(er) – brug "
        "--allow-warnings for at eksportere alligevel; der er ikke skrevet nogen fil",
        "en": "Export refused: table {table} has {warnings} warning(s) – use --allow-warnings "
        "to export anyway; no file was written",
    },
    "exported": {
        "da": "{path}: {table} version {version} ({status}) eksporteret som {format}",
        "en": "{path}: {table} version {version} ({status}) exported as {format}",
    },
    "exported.warnings": {
        "da": "eksporteret trods {warnings} advarsel(er) (--allow-warnings)",
        "en": "exported despite {warnings} warning(s) (--allow-warnings)",
    },
    "imported": {
        "da": "{path}: {rows} rækker importeret fra {source} ({format})",
        "en": "{path}: {rows} rows imported from {source} ({format})",
    },
    "skipped.head": {
        "da": "{count} række(r) kunne ikke tages med:",
        "en": "{count} row(s) could not be taken:",
    },
    "skipped.none": {
        "da": "alle rækker taget med",
        "en": "every row was taken",
    },
    "import.strict": {
        "da": "ingen fil skrevet (--strict), fordi rækker ikke kunne tages med",
        "en": "no file written (--strict) because some rows could not be taken",
    },
    "import.findings": {
        "da": "den importerede tabel har {errors} fejl og {warnings} advarsler – kør "
        "`fsiii-mapper validate {path}`",
        "en": "the imported table has {errors} error(s) and {warnings} warning(s) – run "
        "`fsiii-mapper validate {path}`",
    },
    "exists": {
        "da": "filen findes allerede",
        "en": "the file already exists",
    },
    "exists.hint": {
        "da": "brug --force for at overskrive den",
        "en": "use --force to overwrite it",
    },
    "citizen.written": {
        "da": "{path}: borger {id} med {conditions} tilstande importeret fra {source}",
        "en": "{path}: citizen {id} with {conditions} conditions imported from {source}",
    },
    "citizen.notes.head": {
        "da": "Bemærkninger til importen:",
        "en": "Notes on the import:",
    },
    "fhir.no-fsiii-code": {
        "da": "{where}: Condition uden FSIII-kode ({system}) – ikke taget med",
        "en": "{where}: Condition without an FSIII code ({system}) – left out",
    },
    "fhir.excluded": {
        "da": "{where}: {code} har verificationStatus {status} – ikke taget med",
        "en": "{where}: {code} has verificationStatus {status} – left out",
    },
    "fhir.no-clinical": {
        "da": "{where}: {code} har ingen clinicalStatus – importeret som kladde",
        "en": "{where}: {code} has no clinicalStatus – imported as kladde",
    },
    "fhir.unknown-status": {
        "da": "{where}: {code} har clinicalStatus {status}, som ikke kendes – importeret som "
        "kladde",
        "en": "{where}: {code} has unknown clinicalStatus {status} – imported as kladde",
    },
    "fhir.unknown-severity": {
        "da": "{where}: {code} har severity {severity}, som ikke er B1–B6 eller deres UUID – "
        "importeret uden niveau",
        "en": "{where}: {code} has severity {severity}, not B1–B6 or their UUIDs – imported "
        "without a level",
    },
    "fhir.unknown-code": {
        "da": "{where}: {code} findes ikke i noget katalog – taget med, men preview vil ikke "
        "bruge den",
        "en": "{where}: {code} is in no catalog – kept, but the preview will not use it",
    },
    "fhir.level-on-health": {
        "da": "{where}: {code} er en helbredstilstand; dens severity {severity} er udeladt",
        "en": "{where}: {code} is a helbredstilstand; its severity {severity} was left out",
    },
    "fhir.no-level": {
        "da": "{where}: {code} er en funktionsevnetilstand uden severity – importeret uden niveau",
        "en": "{where}: {code} is a funktionsevnetilstand without severity – imported without a "
        "level",
    },
    "fhir.other-patient": {
        "da": "{where}: Condition om en anden patient ({subject}) – ikke taget med",
        "en": "{where}: Condition about another patient ({subject}) – left out",
    },
    "fhir.patients": {
        "da": "Bundlen har {count} Patient-ressourcer; den første er brugt",
        "en": "The bundle has {count} Patient resources; the first was used",
    },
    "fhir.description": {
        "da": "Importeret fra FHIR Bundle {file} ({bundle}, {timestamp})",
        "en": "Imported from FHIR Bundle {file} ({bundle}, {timestamp})",
    },
}


def t(key: str, lang: str | None = None, **params: object) -> str:
    return lookup(_TEXTS, key, lang, **params)
