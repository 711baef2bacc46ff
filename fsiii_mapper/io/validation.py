"""Validating data against the model classes: the one place that asks pydantic.

The model classes are plain dataclasses; building one in code checks nothing. Whatever comes
from outside — a file, an import, an edit — goes through ``validate`` (from plain data) or
``checked`` (an object built in code). pydantic is imported, and a class's validator built, the
first time a class is validated, so a command served from the model cache never imports it.
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from fsiii_mapper.model.common import to_data

M = TypeVar("M")


class Invalid(ValueError):
    """Data that does not fit its class; ``errors`` as pydantic lists them (``type``, ``loc``,
    ``input``, ``ctx``), for ``io.schema_errors`` to put into words."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} validation error(s): {errors[0] if errors else ''}")
        self.errors = errors


@cache
def _adapter(target: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(target)


def validate_as(target: Any, data: Any) -> Any:
    """``data`` validated as the type ``target`` (a class or an annotation); ``Invalid`` if not."""
    from pydantic import ValidationError

    try:
        return _adapter(target).validate_python(data)
    except ValidationError as exc:
        raise Invalid([dict(e) for e in exc.errors(include_url=False)]) from None


def validate(model: type[M], data: Any) -> M:
    """An object of ``model`` from plain data (a parsed file); ``Invalid`` if it does not fit."""
    result: M = validate_as(model, data)
    return result


def checked(obj: M) -> M:
    """``obj`` (built in code from outside data) validated as if it had been read from a file:
    a new, checked object of the same class; ``Invalid`` if it does not fit."""
    return validate(type(obj), to_data(obj))
