"""User-facing texts of the core (CLI output, empty-field reasons), Danish first, English too.

The GUI translates its own strings with Qt Linguist; texts produced by the core come from here so
that the CLI and the GUI say the same thing. The language is chosen per call, defaulting to the
``FSIII_LANG`` environment variable, else Danish.
"""

from __future__ import annotations

import os

LANGS = ("da", "en")

_MESSAGES: dict[str, dict[str, str]] = {
    "empty.no-row": {
        "da": "Ingen række i {tables} udfylder {field}",
        "en": "No row in {tables} targets {field}",
    },
    "empty.no-data": {
        "da": "Borgeren har ingen data for feltets kilder ({sources})",
        "en": "The citizen has no data for this field's sources ({sources})",
    },
    "table.original": {"da": "den gamle tabel", "en": "the old table"},
    "table.simplified": {"da": "den forenklede tabel", "en": "the simplified table"},
    "strategy.original": {
        "da": "Gammel tabel over aktive tilstande",
        "en": "Old table over active states",
    },
    "strategy.simplified": {
        "da": "Forenklet tabel over aktive tilstande",
        "en": "Simplified table over active states",
    },
    "strategy.cura.simplified-state": {
        "da": "Cura: borgeren har den aktive tilstand {code} ({display}), som kun findes i det "
        "forenklede katalog – den forenklede tabel bruges",
        "en": "Cura: the citizen has the active state {code} ({display}), which exists only in the "
        "simplified catalog – the simplified table is used",
    },
    "strategy.cura.area-note": {
        "da": "Cura: borgeren har aktiv områdedokumentation ({area}) – den forenklede tabel bruges",
        "en": "Cura: the citizen has active area documentation ({area}) – the simplified table "
        "is used",
    },
    "strategy.cura.old-only": {
        "da": "Cura: borgeren har kun data i gamle tilstande – den gamle tabel bruges",
        "en": "Cura: the citizen only has data in old states – the old table is used",
    },
    "strategy.nexus": {
        "da": "Nexus: nye tilstande i status kladde og aktiv gennem den forenklede tabel, gamle "
        "tilstande i status aktiv gennem den gamle tabel",
        "en": "Nexus: new states in status draft and active through the simplified table, old "
        "states in status active through the old table",
    },
    "unused.inaktiv": {"da": "status inaktiv bidrager aldrig", "en": "inactive never contributes"},
    "unused.status": {
        "da": "status {status} bruges ikke af denne regel",
        "en": "status {status} is not used by this rule",
    },
    "unused.unknown-code": {
        "da": "koden findes ikke i noget katalog",
        "en": "the code is in no catalog",
    },
    "unused.not-in-catalog": {
        "da": "koden findes ikke i {table}s katalog",
        "en": "the code is not in the catalog of {table}",
    },
    "unused.no-map": {
        "da": "{table} mapper bevidst ikke denne tilstand (no-map)",
        "en": "{table} deliberately does not map this state (no-map)",
    },
    "unused.no-row": {
        "da": "{table} har ingen række for denne tilstand",
        "en": "{table} has no row for this state",
    },
    "unused.area-notes-off": {
        "da": "{table} sender ikke områdedokumentation",
        "en": "{table} does not send area documentation",
    },
    "flag.duplicate": {
        "da": "Feltet udfyldes flere gange",
        "en": "The field is filled more than once",
    },
    "flag.conflict": {
        "da": "Modstridende niveauer",
        "en": "Conflicting levels",
    },
    "flag.same-need-twice": {
        "da": "Samme behov optræder to gange (gammel tilstand og dens efterfølger)",
        "en": "The same need appears twice (an old state and its successor)",
    },
    "flag.no-score-word": {
        "da": "Niveauet har intet scoreord i rapportlayoutet",
        "en": "The level has no score word in the report layout",
    },
    "flag.missing-level": {
        "da": "Funktionsevnetilstanden har intet niveau",
        "en": "The function state has no level",
    },
    "area-note": {"da": "Områdedokumentation", "en": "Area documentation"},
    "label.citizen": {"da": "Borger", "en": "Citizen"},
    "label.rule": {"da": "Regel", "en": "Rule"},
    "label.tables": {"da": "Tabeller", "en": "Tables"},
    "label.function-items": {"da": "Funktionsevne", "en": "Function ability"},
    "label.problem-areas": {
        "da": "Sygeplejefaglige problemområder",
        "en": "Nursing problem areas",
    },
    "label.empty": {"da": "TOM", "en": "EMPTY"},
    "label.unused": {"da": "Ikke med i rapporten", "en": "Not in the report"},
    "label.no-score": {"da": "(intet scoreord)", "en": "(no score word)"},
    "label.lost": {"da": "tabt efter forenklingen", "en": "lost after the simplification"},
    "label.nothing": {"da": "intet", "en": "nothing"},
    "label.fill-rates": {"da": "Udfyldningsgrad", "en": "Fill rate"},
    "label.citizens": {"da": "borgere", "en": "citizens"},
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
