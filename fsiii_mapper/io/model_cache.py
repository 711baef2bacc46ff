"""A cache of validated data-file models, so a command that starts many times (a vendor's CI, a
trainer's handout per citizen) does not parse and validate the same catalogs, layout and tables
every time.

An entry is keyed by the SHA-256 of the file's bytes together with the model class and a
fingerprint of the code that defines and validates the models (package and pydantic versions,
the sources of ``fsiii_mapper.model`` and of ``io/validation.py``): a changed file or changed
model code is never served from the cache, whatever the timestamps say. Neither the fingerprint
nor a hit imports pydantic (its version is read from its ``version.py``): a command served from
the cache never pays for it. Entries are pickles written atomically into a folder only the user
can write (``$FSIII_CACHE_DIR``, else ``$XDG_CACHE_HOME/fsiii-mapper``, else
``~/.cache/fsiii-mapper``; ``FSIII_CACHE_DIR=off`` turns the cache off). A cache that cannot be
read or written — a read-only folder, a full disk, a damaged entry — is skipped silently: the
file is parsed as without a cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

M = TypeVar("M")
ENV = "FSIII_CACHE_DIR"


def _pydantic_version() -> bytes:
    """The bytes of pydantic's ``version.py`` (its version, which pins pydantic-core's), found
    on ``sys.path`` as an import would find it, without importing pydantic; empty if not found."""
    for entry in sys.path:
        try:
            return (Path(entry or ".") / "pydantic" / "version.py").read_bytes()
        except OSError:
            continue
    return b""


def sources() -> list[Path]:
    """The code whose change makes every entry stale: the model classes and their validation."""
    from fsiii_mapper import model

    return sorted(
        [*Path(model.__file__).parent.glob("*.py"), Path(__file__).with_name("validation.py")]
    )


def digest(version: str, pydantic_version: bytes, files: list[Path]) -> bytes:
    h = hashlib.sha256(version.encode())
    h.update(pydantic_version)
    for source in files:
        h.update(source.name.encode())
        h.update(source.read_bytes())
    return h.digest()


@cache
def _fingerprint() -> bytes:
    from fsiii_mapper import __version__

    return digest(__version__, _pydantic_version(), sources())


def cache_dir() -> Path | None:
    """Where entries live; None when the cache is turned off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return None if configured.lower() in ("", "off", "0") else Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "fsiii-mapper"


def _entry(model: type[Any], raw: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    h = hashlib.sha256(_fingerprint())
    h.update(f"{model.__module__}.{model.__qualname__}".encode())
    h.update(raw)
    return folder / f"{h.hexdigest()}.pickle"


def get(model: type[M], raw: bytes) -> M | None:
    """The model cached for a file with these bytes, or None."""
    entry = _entry(model, raw)
    if entry is None:
        return None
    try:
        with entry.open("rb") as f:
            if hasattr(os, "getuid") and os.fstat(f.fileno()).st_uid != os.getuid():
                return None  # only ever unpickle what this user wrote
            data = f.read()
    except OSError:
        return None
    try:
        found = pickle.loads(data)
    except Exception:  # a damaged or foreign entry is a miss, never an error
        return None
    return found if type(found) is model else None


def put(model: type[M], raw: bytes, value: M) -> None:
    """Remember ``value`` for a file with these bytes; any failure to write is ignored."""
    entry = _entry(model, raw)
    if entry is None:
        return
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        return
