"""argparse's own words (»usage:«, »error:«, »positional arguments« …) in the run's language.

argparse looks its texts up through the module-level ``_`` and ``ngettext`` it imported from
``gettext``; ``use_catalogue`` points those two names at our catalogue, so ``--help`` and usage
errors speak the language of everything else. The msgids below are argparse's own (Python 3.11),
listed so that Babel extracts them into our catalogue; those a user can meet are translated.
"""

from __future__ import annotations

import argparse

from fsiii_mapper import texts
from fsiii_mapper.texts import N_

ARGPARSE_MSGIDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _gettext(message: str) -> str:
    return texts.t(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    # argparse fills its own %-placeholders after the lookup; our ``nt`` fills ``{n}`` only
    return texts.t(singular if n == 1 else plural)


def use_catalogue() -> None:
    """Make argparse look its words up in our catalogue, in the process language."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
