"""User-facing texts of the core (CLI output, empty-field reasons), Danish first, English too.

The GUI translates its own strings with Qt Linguist; texts produced by the core come from here so
that the CLI and the GUI say the same thing. The language is chosen per call, defaulting to the
``FSIII_LANG`` environment variable, else Danish.
"""

from __future__ import annotations

import os

LANGS = ("da", "en")

_MESSAGES: dict[str, dict[str, str]] = {
    "label.added": {"da": "Tilføjet", "en": "Added"},
    "label.removed": {"da": "Fjernet", "en": "Removed"},
    "label.changed": {"da": "Ændret", "en": "Changed"},
    "label.identical": {"da": "Tabellerne er ens", "en": "The tables are identical"},
    "summary.ok": {"da": "Ingen fejl", "en": "No errors"},
    "severity.error": {"da": "fejl", "en": "error"},
    "severity.warning": {"da": "advarsel", "en": "warning"},
    # validation findings (fsiii_mapper.rules.table_rules); "val.row" prefixes row findings
    "val.row": {"da": "række {n}: ", "en": "row {n}: "},
    "val.FM001": {
        "da": "ukendt kildekode {code!r}",
        "en": "unknown source code {code!r}",
    },
    "val.FM002": {
        "da": "{code} er en tilstand i kataloget {other}, ikke i tabellens katalog ({catalog})",
        "en": "{code} is a state of the {other} catalog, not of this table's catalog ({catalog})",
    },
    "val.FM003": {
        "da": "ukendt målfelt {target!r}",
        "en": "unknown target field {target!r}",
    },
    "val.FM004": {
        "da": "gentager række {other} ({state} → {target})",
        "en": "duplicates row {other} ({state} → {target})",
    },
    "val.FM005": {
        "da": "{state} er hverken mappet eller markeret no-map",
        "en": "{state} is neither mapped nor marked no-map",
    },
    "val.FM006": {
        "da": "relationen er no-map, men målfeltet er {target}",
        "en": "relationship is no-map but target is {target}",
    },
    "val.FM007": {
        "da": "relationen {relationship} kræver et målfelt",
        "en": "relationship {relationship} needs a target",
    },
    "val.FM008": {
        "da": "{state} har et niveau og kan ikke udfylde problemområdet {target}",
        "en": "{state} carries a level and cannot fill problem area {target}",
    },
    "val.FM009": {
        "da": "{state} har intet niveau og kan ikke udfylde funktionsfeltet {target}",
        "en": "{state} has no level and cannot fill function item {target}",
    },
    "val.FM010.catalog": {
        "da": "table.catalog er {value!r}; kendte kataloger: {known}",
        "en": "table.catalog is {value!r}; known catalogs: {known}",
    },
    "val.FM010.layout": {
        "da": "table.report_layout er {value!r}, men rapportlayoutet i brug er {layout!r}",
        "en": "table.report_layout is {value!r}, the layout in use is {layout!r}",
    },
    "val.FM010.dates": {
        "da": "table.valid_to ({valid_to}) ligger før valid_from ({valid_from})",
        "en": "table.valid_to ({valid_to}) is before valid_from ({valid_from})",
    },
    "val.FM013": {
        "da": "{code} er mappet i en anden række og markeret no-map her",
        "en": "{code} is mapped in another row and marked no-map here",
    },
    "val.FM014": {
        "da": "{state} hører til {area}, men er mappet til {target}",
        "en": "{state} belongs to {area}, mapped to {target}",
    },
    "val.FM015": {
        "da": "reviewstatus er {status} i en publiceret tabel",
        "en": "review status is {status} in a published table",
    },
    "hint.catalog": {
        "da": "brug 'original' eller 'simplified'",
        "en": "use 'original' or 'simplified'",
    },
    "hint.other-catalog": {
        "da": "map den i den anden tabel, eller brug dens efterfølger i dette katalog",
        "en": "map it in the other table, or use its successor in this catalog",
    },
    "hint.code": {
        "da": "brug den brugervendte nøgle (fx J1.1) eller UUID'en",
        "en": "use the legacy key (e.g. J1.1) or the UUID",
    },
    "hint.display-name": {
        "da": "det ligner et visningsnavn; der matches på koder, aldrig navne – brug den "
        "brugervendte nøgle (fx J1.1) eller UUID'en",
        "en": "this looks like a display name; codes are matched, never names – use the "
        "legacy key (e.g. J1.1) or the UUID",
    },
    "hint.no-map-target": {
        "da": "fjern målfeltet eller vælg en anden relation",
        "en": "remove the target or choose another relationship",
    },
    "hint.needs-target": {
        "da": "angiv et rapportfelt eller brug no-map",
        "en": "name a report field or use no-map",
    },
    "hint.fields": {"da": "vælg et af {fields}", "en": "choose one of {fields}"},
    "hint.level-state": {
        "da": "map den til et funktionsfelt (FA…) eller brug no-map",
        "en": "map it to a function item (FA…) or use no-map",
    },
    "hint.own-area": {
        "da": "map den til sit problemområde {area}",
        "en": "map it to its problem area {area}",
    },
    "hint.delete-one": {"da": "slet en af de to rækker", "en": "delete one of the two rows"},
    "hint.mapped-and-no-map": {
        "da": "slet no-map-rækken eller mapningsrækkerne",
        "en": "delete the no-map row or the mapping rows",
    },
    "hint.add-row": {
        "da": "tilføj en række: map den, eller markér den no-map, så beslutningen er registreret",
        "en": "add a row: map it, or mark it no-map so the decision is recorded",
    },
    "summary.counts": {
        "da": "{errors} fejl, {warnings} advarsler",
        "en": "{errors} errors, {warnings} warnings",
    },
}


def default_lang() -> str:
    lang = os.environ.get("FSIII_LANG", "da").lower()[:2]
    return lang if lang in LANGS else "da"


Texts = dict[str, dict[str, str]]
"""A module's own texts: key → {"da": …, "en": …}; ``{name}`` placeholders filled by ``lookup``."""


def lookup(texts: Texts, key: str, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in ``lang`` (default: ``default_lang()``), Danish when missing."""
    entry = texts.get(key)
    if entry is None:
        return key
    text = entry.get(lang or default_lang()) or entry["da"]
    return text.format(**params) if params else text


def tr(key: str, lang: str | None = None, **params: object) -> str:
    return lookup(_MESSAGES, key, lang, **params)
