"""Pydantic validation errors in our own words: what is wrong with a value, and where.

Pydantic's messages ("Field required", "Input should be …") are English and speak of Python
types; a user editing a YAML file needs to hear which key is missing or which value is not
allowed. ``problem_text`` translates one error by its ``type``; ``location_text`` names the place
(list positions counted from 1, as a user counts rows); ``schema_error_text`` is the headline of a
file that does not have the expected shape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from fsiii_mapper.texts import N_, nt, t

# What a document is called in "not a valid …" (the whole sentence: Danish nouns have gender).
_NOT_VALID: dict[str, str] = {
    "catalog": N_("not a valid catalog"),
    "report layout": N_("not a valid report layout"),
    "crosswalk": N_("not a valid crosswalk"),
    "citizen": N_("not a valid citizen file"),
    "mapping table": N_("not a valid mapping table"),
}

_NOT_A_MAPPING: dict[str, str] = {
    "catalog": N_("a catalog must be a YAML mapping (key: value) at the top level"),
    "report layout": N_("a report layout must be a YAML mapping (key: value) at the top level"),
    "crosswalk": N_("a crosswalk must be a YAML mapping (key: value) at the top level"),
    "citizen": N_("a citizen file must be a YAML mapping (key: value) at the top level"),
    "mapping table": N_("a mapping table must be a YAML mapping (key: value) at the top level"),
}

# Error types that say "the value has the wrong kind", by the kind expected.
_WRONG_KIND: dict[str, str] = {
    "string_type": N_("{value} should be text"),
    "int_type": N_("{value} should be a whole number"),
    "int_parsing": N_("{value} should be a whole number"),
    "int_from_float": N_("{value} should be a whole number"),
    "float_type": N_("{value} should be a number"),
    "float_parsing": N_("{value} should be a number"),
    "bool_type": N_("{value} should be true or false"),
    "bool_parsing": N_("{value} should be true or false"),
    "date_type": N_("{value} should be a date (YYYY-MM-DD)"),
    "date_parsing": N_("{value} should be a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": N_("{value} should be a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": N_("{value} should be a date (YYYY-MM-DD)"),
    "list_type": N_("{value} should be a list (lines starting with “- ”)"),
    "dict_type": N_("{value} should be a mapping (key: value)"),
    "dataclass_type": N_("{value} should be a mapping (key: value)"),
    "dataclass_args_type": N_("{value} should be a mapping (key: value)"),
}

_LITERAL_VALUE = re.compile(r"'((?:[^'\\]|\\.)*)'|(-?\d+)")


def quoted(value: object, lang: str | None = None) -> str:
    """A value as a user reads it, in the language's quotation marks (no Python repr)."""
    if value is None:
        return t("nothing", lang)
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, Mapping):
        return t("a mapping (key: value)", lang)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        return t("a list", lang)
    else:
        text = str(value)
        if len(text) > 60:
            text = text[:57] + "…"
    return t("“{value}”", lang, value=text)


def location_text(loc: Sequence[Any], lang: str | None = None) -> str:
    """``("rows", 3, "target")`` → ``rows › no. 4 › target``: keys as written in the file, list
    positions counted from 1."""
    parts = [
        t("no. {n}", lang, n=p + 1) if isinstance(p, int) else str(p)
        for p in loc
        # pydantic names the member of a union or a function validator in the location
        if not (isinstance(p, str) and (p.startswith("function-") or "[" in p))
    ]
    return " › ".join(parts) if parts else t("(top level)", lang)


def _allowed(expected: str, lang: str | None) -> str:
    values = [a or b for a, b in _LITERAL_VALUE.findall(expected)]
    return ", ".join(values) if values else expected


def problem_text(error: Mapping[str, Any], lang: str | None = None) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) as a sentence of ours."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return t("the key is missing", lang)
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return t("unknown key – remove it or check the spelling", lang)
    if kind in ("literal_error", "enum"):
        return t(
            "{value} is not allowed; choose one of: {allowed}",
            lang,
            value=quoted(value, lang),
            allowed=_allowed(str(ctx.get("expected", "")), lang),
        )
    if kind == "value_error":
        # Our own validators raise ValueError with a text already in the user's language.
        return str(ctx.get("error", "")) or t("{value} is not allowed", lang, value=quoted(value))
    if kind in ("string_too_short", "too_short"):
        return t("must not be empty", lang)
    if kind in _WRONG_KIND:
        return t(_WRONG_KIND[kind], lang, value=quoted(value, lang))
    return t("{value} is not allowed here ({type})", lang, value=quoted(value, lang), type=kind)


def not_a_mapping_text(kind: str, lang: str | None = None) -> str:
    """The message for a document whose top level is not a mapping."""
    msgid = _NOT_A_MAPPING.get(kind)
    return t(msgid, lang) if msgid else t("the file must be a YAML mapping (key: value)", lang)


def schema_error_text(
    kind: str, loc: Sequence[Any], message: str, more: int, lang: str | None = None
) -> str:
    """``not a valid mapping table: rows › no. 4 › target: …`` plus how many problems follow."""
    head = t(_NOT_VALID[kind], lang) if kind in _NOT_VALID else t("not a valid file", lang)
    text = f"{head}: {location_text(loc, lang)}: {message}"
    if more:
        text += " " + nt("(and {n} more problem)", "(and {n} more problems)", more, lang)
    return text


def schema_error_hint(lang: str | None = None) -> str:
    return t("correct the value named; nothing was changed", lang)
