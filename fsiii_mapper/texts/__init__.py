"""Every text a user reads, in one gettext catalogue per language.

Source strings (msgids) are English and live in the code; the Danish catalogue is
``locale/da/LC_MESSAGES/fsiii_mapper.po`` (compiled to ``.mo`` beside it). English needs no
catalogue: its texts are the msgids. Placeholders are named (``{table}``) and filled after
translation, so a translator can move them. Plural forms come from the catalogue's
``Plural-Forms`` header through ``nt``.

The language is chosen per call (``lang``), else by ``set_language`` (the GUI at start-up),
else by ``$FSIII_LANG``, else Danish. Maintaining the catalogue: ``tools/texts.sh`` (Babel).

- ``t(msgid, lang, **params)``: one text;
- ``nt(singular, plural, n, lang, **params)``: a text with a count; ``{n}`` is the count;
- ``N_(msgid)``: marks a msgid for extraction where it is translated later (tables of labels).
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

LANGS: tuple[str, ...] = ("da", "en")
DOMAIN = "fsiii_mapper"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_chosen: str | None = None


def default_lang() -> str:
    """The language in force: ``set_language``'s choice, else ``$FSIII_LANG``, else Danish."""
    if _chosen is not None:
        return _chosen
    lang = os.environ.get("FSIII_LANG", "da").lower()[:2]
    return lang if lang in LANGS else "da"


def set_language(lang: str | None) -> None:
    """Fix the language for this process (``None``: back to ``$FSIII_LANG`` or Danish)."""
    global _chosen
    _chosen = lang if lang in LANGS else None


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def t(msgid: str, lang: str | None = None, /, **params: object) -> str:
    """``msgid`` in ``lang``, with its ``{name}`` placeholders filled from ``params``."""
    text = _catalogue(lang or default_lang()).gettext(msgid)
    return text.format(**params) if params else text


def nt(singular: str, plural: str, n: int, lang: str | None = None, /, **params: object) -> str:
    """The form of a counted text that ``n`` takes in ``lang``; ``{n}`` is filled with ``n``."""
    text = _catalogue(lang or default_lang()).ngettext(singular, plural, n)
    return text.format(n=n, **params)


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalogue without translating it here."""
    return msgid
