"""Atomic file writes: a file is either the old one or the new one, never half written.

The user's own arrangement of the file survives a save: a symbolic link stays a link (the file it
points to is written), the mode (setgid and setuid included) and, where the user may, owner and
group are kept. What cannot be kept is said in the notes a write returns: other hard links of the
file keep the old content (an atomic replace makes a new file), and owner or group when the
system does not allow them to be kept. A temporary file left by a save that was killed is removed
by the next save of the same file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from fsiii_mapper.texts import t

STALE_AFTER_S = 600  # a temporary file of ours this old belongs to a save that died


def atomic_write_text(path: str | os.PathLike[str], text: str) -> list[str]:
    """Write UTF-8 ``text`` to ``path`` atomically (see ``atomic_write_bytes``)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> list[str]:
    """Write ``data`` to ``path`` atomically (see ``atomic_write_stream``)."""
    return atomic_write_stream(path, lambda fh: fh.write(data))


def atomic_write_stream(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object]
) -> list[str]:
    """Let ``write`` fill ``path`` piece by piece, so that the file is either the old one or the
    new one, never half — and a large file never has to be held in memory whole.

    The bytes go to a temporary file beside the real file (the target of a link), flushed and
    fsynced, then moved over it with ``os.replace``. If anything fails, the temporary file is
    removed and the file is untouched. Returns notes on what could not be kept (see the module).
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    _remove_stale_temps(folder, target.name)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    notes: list[str] = []
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if old is None:
            os.chmod(tmp, 0o666 & ~_umask())
        else:
            notes += _keep_owner(tmp, old.st_uid, old.st_gid)
            os.chmod(tmp, old.st_mode & 0o7777)  # after chown, which clears setuid/setgid
            if old.st_nlink > 1:
                notes.append(
                    t(
                        "{path} had other hard links; they keep the old content",
                        path=str(target),
                    )
                )
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return notes


def _keep_owner(tmp: str, uid: int, gid: int) -> list[str]:
    st = os.stat(tmp)
    if (st.st_uid, st.st_gid) == (uid, gid):
        return []
    try:
        os.chown(tmp, uid, gid)
        return []
    except PermissionError:
        try:
            os.chown(tmp, -1, gid)  # a member of the group may still keep the group
            return [t("the file's owner could not be kept; it is now yours")]
        except PermissionError:
            return [t("the file's owner and group could not be kept; they are now yours")]


def _remove_stale_temps(folder: Path, name: str) -> None:
    cutoff = time.time() - STALE_AFTER_S
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    prefix = f".{name}."
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
