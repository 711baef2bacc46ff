"""``fsiii-mapper gui``: start the desktop application (or render a screenshot of it).

Qt is imported only inside the command function, so the core and the CLI never load Qt unless the
GUI is asked for.
"""

from __future__ import annotations

import argparse
from typing import Any

from fsiii_mapper.texts import t


def cmd_gui(args: argparse.Namespace) -> int:
    # Qt loads only when this command runs; ``ui.app`` is the GUI's public entry point.
    try:
        from ui import app
    except ImportError as exc:  # PySide6 missing or broken (e.g. no display libraries)
        from fsiii_mapper.errors import InputError

        raise InputError(
            t("the desktop application cannot start: {problem}", problem=exc),
            hint=t("install PySide6-Essentials and the system's Qt/X11 libraries"),
        ) from exc
    # --lang (anywhere on the line) or FSIII_LANG, else the GUI's saved setting, else Danish
    lang = getattr(args, "lang_chosen", None) or None
    options = app.Options(screenshot=args.screenshot, citizen=args.citizen, lang=lang)
    return int(app.run(options))


def register(subparsers: Any, epilog: str) -> None:
    p = subparsers.add_parser(
        "gui",
        help=t("Start the desktop application (table editor and preview)."),
        description=t(
            "Start the desktop application: edit both tables, preview citizens side by "
            "side. With --screenshot, render the main window (preview tab) to a PNG and exit."
        ),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--screenshot",
        metavar="PATH",
        help=t("render the main window with the preview tab to PATH (PNG) and exit"),
    )
    p.add_argument(
        "--citizen",
        metavar="FILE",
        help=t("citizen file or demo id (demo-01 …) to show in the preview"),
    )
    p.set_defaults(func=cmd_gui)
