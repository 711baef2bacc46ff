"""What the commands share: exit codes, the epilog, common options and the workspace they build."""

from __future__ import annotations

import argparse
import json
import os
import time
from enum import IntEnum
from typing import TYPE_CHECKING, Any, TextIO

from fsiii_mapper.texts import nt, t
from fsiii_mapper_cli.choices import STRATEGIES

if TYPE_CHECKING:
    from fsiii_mapper.workspace import Workspace


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # validation errors, differences (diff), or findings of a check
    USAGE = 2  # bad arguments or unreadable input
    INTERNAL = 3  # a bug in fsiii-mapper: please report it


def epilog(lang: str | None = None) -> str:
    """The end of every command's ``--help``: exit codes and how TABLE and CITIZEN are given."""
    return t(
        """\
Exit codes:
  0  success (validate: no errors; diff: tables identical)
  1  findings (validate: errors, or warnings with --strict; diff: differences)
  2  usage or input error (unknown option, missing or malformed file)
  3  internal error (a bug: please report it)

Wherever a TABLE is expected, give a path or the id of a shipped table: original, simplified,
simplified-b.
Wherever a CITIZEN is expected, give a path or a demo id (demo-01 … demo-10).
Set FSIII_LANG=en (or --lang en) for English output.
""",
        lang,
    )


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def workspace_for(args: argparse.Namespace) -> Workspace:
    from fsiii_mapper.workspace import Workspace

    ws = Workspace.load(args.data)
    for attr, slot in (("old", "original"), ("new", "simplified")):
        arg = getattr(args, attr, None)
        if arg:
            ws.use_table(ws.open_table(arg), slot)
    return ws


def pair_options(p: argparse.ArgumentParser) -> None:
    """``--old`` / ``--new``: replace a table of the pair (path or id); see ``workspace_for``."""
    p.add_argument("--old", metavar="TABLE", help=t("use this table as the old table"))
    p.add_argument("--new", metavar="TABLE", help=t("use this table as the simplified table"))


def jobs_option(p: argparse.ArgumentParser, help_: str = "", default: int | None = 1) -> None:
    """``--jobs N``: worker processes (``default`` None: the command decides)."""
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=default,
        metavar="N",
        help=help_
        or nt(
            "work in N processes (this machine has {n} CPU)",
            "work in N processes (this machine has {n} CPUs)",
            os.cpu_count() or 1,
        ),
    )


def strategy_option(p: argparse.ArgumentParser, help_: str = "", required: bool = True) -> None:
    p.add_argument(
        "--strategy",
        "-s",
        choices=STRATEGIES,
        required=required,
        help=help_ or t("which table(s) apply: original, simplified, or a vendor rule"),
    )


class Progress:
    """``\\r n/total`` on a terminal, at most ten times a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        pct = 100 * done // total if total else 100
        self.stream.write(f"\r{done}/{total} ({pct} %)")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
