"""A vendor file cannot make the checker open anything but itself, in any encoding.

libxml2 decodes UTF-16/32, and through iconv encodings such as UTF-7 or EBCDIC, in which a
DOCTYPE has none of the bytes ``<!DOCTYPE``. The checker finds the encoding as the parser would,
refuses encodings it cannot read itself, and refuses declarations in the decoded text. strace
shows which files the process really opened.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fsiii_mapper.conformance.safexml import XmlProblem, parse_bytes

SECRET = "TOP-SECRET-encodings"
STRACE = shutil.which("strace")

UNICODE = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
           "utf-32-be"]  # fmt: skip


def _declared(codec: str) -> str:
    return codec.removesuffix("-sig").removesuffix("-le").removesuffix("-be").upper()


def _hostile_documents(secret: Path, fifo: Path) -> dict[str, bytes]:
    docs: dict[str, bytes] = {}
    for codec in UNICODE:
        decl = f'<?xml version="1.0" encoding="{_declared(codec)}"?>\n'
        docs[f"entity-{codec}"] = (
            decl + f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>\n<r/>'
        ).encode(codec)
        docs[f"external-{codec}"] = (decl + f'<!DOCTYPE r SYSTEM "{secret}">\n<r/>').encode(codec)
        docs[f"fifo-{codec}"] = (decl + f'<!DOCTYPE r SYSTEM "{fifo}">\n<r/>').encode(codec)
        docs[f"xinclude-{codec}"] = (
            decl + '<r xmlns:xi="http://www.w3.org/2001/XInclude">'
            f'<xi:include href="{secret}" parse="text"/></r>'
        ).encode(codec)
    docs["utf-7"] = (
        b'<?xml version="1.0" encoding="UTF-7"?>\n'
        + f"+ADw-!DOCTYPE r SYSTEM +ACI-{secret}+ACI-+AD4-\n<r/>".encode("ascii")
    )
    docs["ebcdic"] = '<?xml version="1.0" encoding="cp037"?><r/>'.encode("cp037")
    docs["declared-ebcdic"] = b'<?xml version="1.0" encoding="IBM037"?><r/>'
    docs["utf-16-declared-in-ascii-bytes"] = (
        b'<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE r SYSTEM "x">'
    )
    return docs


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    folder = tmp_path / "files"
    folder.mkdir()
    docs = _hostile_documents(secret, fifo)
    for name, data in docs.items():
        (folder / f"{name}.xml").write_bytes(data)
    return secret, folder, docs


def test_every_hostile_encoding_is_refused_before_parsing(
    hostile: tuple[Path, Path, dict[str, bytes]],
) -> None:
    _secret, _folder, docs = hostile
    for name, data in docs.items():
        if name.startswith("xinclude"):
            continue  # never processed (the checker runs no XInclude); see the strace test
        with pytest.raises(XmlProblem) as caught:
            parse_bytes(data)
        assert caught.value.kind in ("dtd", "encoding"), name
        assert SECRET not in str(caught.value)


@pytest.mark.skipif(
    STRACE is None and not os.environ.get("CI"), reason="strace missing (.ci/run installs it)"
)
def test_checking_hostile_files_opens_nothing_outside_them(
    hostile: tuple[Path, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    assert STRACE is not None, "CI must have strace"
    secret, folder, docs = hostile
    trace = tmp_path / "trace.txt"
    code = (
        "import sys, pathlib\n"
        "from fsiii_mapper.conformance.safexml import XmlProblem, parse_bytes, read_bounded\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):\n"
        "    try: parse_bytes(read_bounded(p))\n"
        "    except XmlProblem: pass\n"
        "print('done')\n"
    )
    proc = subprocess.run(
        [
            STRACE,
            "-f",
            "-qq",
            "-e",
            "trace=open,openat",
            "-o",
            trace,
            sys.executable,
            "-c",
            code,
            folder,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.strip() == "done", proc.stderr  # no hang on the FIFO, no crash
    opened = trace.read_text()
    assert str(secret) not in opened
    assert f'"{folder.parent / "fifo"}"' not in opened
    assert len(docs) == sum(1 for line in opened.splitlines() if str(folder) + "/" in line)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "iso-8859-1", "cp1252"])
def test_a_correct_file_in_another_encoding_still_parses(codec: str) -> None:
    declared = {"iso-8859-1": "ISO-8859-1", "cp1252": "windows-1252"}.get(codec, _declared(codec))
    text = f'<?xml version="1.0" encoding="{declared}"?>\n<r><t>Sår på ben, plejeø</t></r>'
    tree = parse_bytes(text.encode(codec))
    assert tree.getroot().findtext("t") == "Sår på ben, plejeø"
