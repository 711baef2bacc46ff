"""Which row fields an edit may set, and checking new values the way the row model does.

The model classes are plain dataclasses (an assignment checks nothing), so every value an edit
writes into a row or into the table's metadata is checked here first."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Literal, get_args, get_origin, get_type_hints

from fsiii_mapper.errors import InputError
from fsiii_mapper.io.validation import Invalid, validate_as
from fsiii_mapper.model import MappingRow, TableMeta
from fsiii_mapper.texts import t

EDITABLE_FIELDS: tuple[str, ...] = ("source", "target", "relationship", "review_status", "comment")
"""Fields a user sets; ``author`` and ``date`` are stamped on every change."""


@cache
def _annotation(name: str) -> Any:
    """The type of the row field ``name`` (as the row model declares it)."""
    return get_type_hints(MappingRow, include_extras=True)[name]


def choices(name: str) -> tuple[str, ...]:
    """The allowed values of a field with a fixed set of codes (relationship, review status)."""
    annotation = _annotation(name)
    return tuple(get_args(annotation)) if get_origin(annotation) is Literal else ()


def check_values(values: Mapping[str, Any], lang: str | None = None) -> dict[str, Any]:
    """``values`` as the row model stores them; ``InputError`` for an unknown field or a value
    the model refuses. An empty text clears a field that may be empty (the target)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in EDITABLE_FIELDS:
            raise InputError(
                t("{field} is not a field that can be edited", lang, field=name),
                hint=t("choose one of: {choices}", lang, choices=", ".join(EDITABLE_FIELDS)),
            )
        if value == "" and type(None) in get_args(_annotation(name)):
            value = None
        try:
            out[name] = validate_as(_annotation(name), value)
        except Invalid:
            allowed = choices(name)
            raise InputError(
                t("»{value}« is not a valid value for {field}", lang, value=value, field=name),
                hint=t("choose one of: {choices}", lang, choices=", ".join(allowed))
                if allowed
                else "",
            ) from None
    return out


@cache
def _meta_annotations() -> dict[str, Any]:
    return get_type_hints(TableMeta, include_extras=True)


def check_meta(values: Mapping[str, Any], lang: str | None = None) -> dict[str, Any]:
    """``values`` for the table's metadata (``table:``) as the model stores them; ``InputError``
    for a key the metadata does not have or a value it refuses."""
    annotations = _meta_annotations()
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in annotations:
            raise InputError(
                t("{field} is not a field that can be edited", lang, field=name),
                hint=t("choose one of: {choices}", lang, choices=", ".join(annotations)),
            )
        try:
            out[name] = validate_as(annotations[name], value)
        except Invalid:
            raise InputError(
                t("»{value}« is not a valid value for {field}", lang, value=value, field=name)
            ) from None
    return out
