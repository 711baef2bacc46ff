"""The application as a user starts it: the CLI command, the screenshot, translations, the core
boundary (importing the CLI loads no Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _env(config: Path | None = None) -> dict[str, str]:
    """Environment for a child process: offscreen Qt, settings in a throw-away folder."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(config or Path(tempfile.mkdtemp(prefix="fsiii-ui-test-")))
    return env


def test_gui_screenshot_renders_the_preview_to_a_png(tmp_path: Path):
    # On the shipped data, as a user starts it: only that a picture of the window comes out.
    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "fsiii_mapper_cli.main",
            "gui",
            "--screenshot",
            str(out),
            "--citizen",
            "demo-03",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        env=_env(tmp_path / "config"),
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert not image.isNull() and image.width() > 800 and image.height() > 500


def test_gui_with_an_unknown_citizen_exits_with_usage_error(tmp_path: Path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "fsiii_mapper_cli.main",
            "gui",
            "--screenshot",
            str(tmp_path / "x.png"),
            "--citizen",
            "no-such-citizen",
        ],
        capture_output=True,
        text=True,
        env=_env(tmp_path / "config"),
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 2
    assert not (tmp_path / "x.png").exists()


def test_cli_help_lists_gui_without_loading_qt():
    code = (
        "import sys, contextlib, io\n"
        "from fsiii_mapper_cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out: main(['--help'])\n"
        "assert 'gui' in out.getvalue()\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'ui')])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize(("lang", "expected"), [("da", "Forhåndsvisning"), ("en", "Preview")])
def test_ui_language_comes_from_compiled_translations(
    qtbot,
    gui_ws,
    settings,
    lang,
    expected,
):
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translators(app, lang)
    try:
        w = MainWindow(gui_ws, settings=settings, lang=lang)
        qtbot.addWidget(w)
        assert w.tabs.tabText(w.tabs.indexOf(w.preview)) == expected
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_settings_are_declared_once_with_defaults(settings):
    from ui import settings as S

    assert settings.get(S.LANGUAGE) == "da"
    assert settings.get(S.RECENT_FILES) == []
    settings.add_recent("/a.yaml")
    settings.add_recent("/b.yaml")
    settings.add_recent("/a.yaml")
    assert settings.get(S.RECENT_FILES) == ["/a.yaml", "/b.yaml"]
    assert settings.store.value("schema_version") in (S.SCHEMA_VERSION, str(S.SCHEMA_VERSION))
    assert len({s.key for s in S.ALL}) == len(S.ALL)


def test_window_is_shown_first_and_filled_by_load(qtbot, settings):
    # On the shipped data: what the window loads by itself; only that it loads is checked.
    from ui.main_window import MainWindow

    w = MainWindow(settings=settings, defer=True)
    assert not w.ready
    assert w.close()  # nothing loaded, nothing to ask
    w = MainWindow(settings=settings, defer=True)
    with qtbot.waitSignal(w.loaded, timeout=10000):
        w.load()
    assert w.ready and w.preview.current_citizen() is not None
    w.close()


def test_vendor_check_tab_is_built_when_first_opened(qtbot, gui_ws, settings):
    pytest.importorskip("ui.vendor_tab")
    from ui.main_window import MainWindow

    w = MainWindow(gui_ws, settings=settings)
    index = next(i for i in range(w.tabs.count()) if w.tabs.widget(i) is w._vendor_placeholder)
    w.tabs.setCurrentIndex(index)
    assert w.vendor_tab is not None and w.tabs.widget(index) is w.vendor_tab
    w.close()


LONG_SESSION = """
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

class Emitter(QObject):
    ping = Signal()

emitter, stack = Emitter(), QUndoStack()
for _ in range(20):
    stack.push(QUndoCommand("edit"))
for _ in range(4000):  # a long editing session: undo, redo, signals
    stack.undo()
    stack.redo()
    emitter.ping.emit()
print("done")
"""


def test_a_long_session_of_undo_and_signals_does_not_abort_python():
    """Regression: PySide6-Essentials 6.12.0 on Python 3.11 lost a reference to None/True per
    emit() or undo(), and Python aborted ("bool_dealloc"/"none_dealloc") after some thousand
    edits. pyproject.toml keeps that release out; this fails if it comes back."""
    proc = subprocess.run(
        [sys.executable, "-c", LONG_SESSION],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "done"


@pytest.mark.parametrize(
    "argv,env,expected",
    [
        (["--lang", "en", "gui"], {}, "en"),
        (["gui", "--lang", "en"], {}, "en"),
        (["gui"], {"FSIII_LANG": "en"}, "en"),
        (["gui"], {}, None),  # no choice made: the GUI uses its saved setting
    ],
)
def test_gui_language_follows_the_global_choice(monkeypatch, argv, env, expected):
    """Regression: `fsiii-mapper --lang en gui` started the GUI in Danish."""
    import ui.app
    from fsiii_mapper_cli.main import main

    seen = {}
    monkeypatch.delenv("FSIII_LANG", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setattr(ui.app, "run", lambda opts: seen.update(lang=opts.lang) or 0)
    assert main(argv) == 0
    assert seen["lang"] == expected


def test_the_loading_message_goes_when_the_deferred_window_has_loaded(qtbot, settings):
    """Regression: »Indlæser tabeller og borgere …« stayed in the status bar after loading."""
    from ui.main_window import MainWindow

    w = MainWindow(settings=settings, lang="da", defer=True)
    qtbot.addWidget(w)
    assert w.statusBar().currentMessage().startswith("Indlæser")
    w.load()
    assert w.statusBar().currentMessage() == ""
