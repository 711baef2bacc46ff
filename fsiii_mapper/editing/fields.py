"""Which row fields an edit may set, and checking new values the way the row model does."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import TypeAdapter, ValidationError

from fsiii_mapper.errors import InputError
from fsiii_mapper.model import MappingRow
from fsiii_mapper.texts import t

EDITABLE_FIELDS: tuple[str, ...] = ("source", "target", "relationship", "review_status", "comment")
"""Fields a user sets; ``author`` and ``date`` are stamped on every change."""


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    annotation: Any = MappingRow.model_fields[name].annotation
    return TypeAdapter(annotation)


def choices(name: str) -> tuple[str, ...]:
    """The allowed values of a field with a fixed set of codes (relationship, review status)."""
    annotation = MappingRow.model_fields[name].annotation
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
        if value == "" and type(None) in get_args(MappingRow.model_fields[name].annotation):
            value = None
        try:
            out[name] = _adapter(name).validate_python(value)
        except ValidationError:
            allowed = choices(name)
            raise InputError(
                t("»{value}« is not a valid value for {field}", lang, value=value, field=name),
                hint=t("choose one of: {choices}", lang, choices=", ".join(allowed))
                if allowed
                else "",
            ) from None
    return out
