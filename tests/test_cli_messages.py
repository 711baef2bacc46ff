"""The CLI's error messages speak the user's language: Danish by default, English with --lang en
(or FSIII_LANG=en), in our own words — never pydantic's phrases or a Python repr."""

from __future__ import annotations

from pathlib import Path

import pytest

from fsiii_mapper.workspace import shipped_dir
from fsiii_mapper_cli.main import ExitCode, main

PYDANTIC_PHRASES = ("Field required", "Input should be", "Extra inputs", "Value error", "type=")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def _citizen(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "c.yaml"
    p.write_text("id: c1\n" + body, encoding="utf-8")
    return p


def _table_without(tmp_path: Path, old: str, new: str) -> Path:
    text = (shipped_dir() / "table_original.yaml").read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / "t.yaml"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


CASES = {
    "bad status": (
        lambda d: [
            "preview",
            "-s",
            "original",
            str(_citizen(d, "conditions:\n  - code: J1.1\n    status: maybe\n")),
        ],
        [
            "ikke en gyldig borgerfil",
            "conditions › nr. 1 › status",
            "»maybe« er ikke tilladt",
            "aktiv, kladde, inaktiv",
        ],
        [
            "not a valid citizen file",
            "conditions › no. 1 › status",
            "“maybe” is not allowed",
            "aktiv, kladde, inaktiv",
        ],
    ),
    "unknown key": (
        lambda d: ["preview", "-s", "original", str(_citizen(d, "nmae: Ole\n"))],
        ["ikke en gyldig borgerfil", "nmae: ukendt nøgle"],
        ["not a valid citizen file", "nmae: unknown key"],
    ),
    "level not a number": (
        lambda d: [
            "preview",
            "-s",
            "original",
            str(_citizen(d, "conditions:\n  - {code: J1.1, status: aktiv, level: høj}\n")),
        ],
        ["»høj« skal være et heltal"],
        ["“høj” should be a whole number"],
    ),
    "level out of range": (
        lambda d: [
            "preview",
            "-s",
            "original",
            str(_citizen(d, "conditions:\n  - {code: J1.1, status: aktiv, level: 7}\n")),
        ],
        ["niveauet skal være 0, 1, 2, 3, 4 eller 9"],
        ["the level must be 0, 1, 2, 3, 4 or 9"],
    ),
    "missing key in a table": (
        lambda d: [
            "diff",
            "original",
            str(_table_without(d, "    relationship: equivalent\n", "")),
        ],
        ["ikke en gyldig mapningstabel", "rows › nr. ", "relationship: nøglen mangler"],
        ["not a valid mapping table", "rows › no. ", "relationship: the key is missing"],
    ),
    "no such citizen": (
        lambda d: ["preview", "-s", "original", "nope.yaml"],
        ["nope.yaml: ingen sådan borgerfil eller demoborger", "angiv stien"],
        ["nope.yaml: no such citizen file or demo citizen", "give the path"],
    ),
    "YAML syntax": (
        lambda d: ["preview", "-s", "original", str(_citizen(d, "conditions: [J1.1\n"))],
        ["YAML-syntaksfejl", "ret filen i en teksteditor"],
        ["YAML syntax error", "fix the file in a text editor"],
    ),
    "import over an existing file": (
        lambda d: ["import", str(_doc(d)), "-o", str(_citizen(d, ""))],
        ["filen findes allerede", "brug --force"],
        ["the file already exists", "use --force"],
    ),
    "export over its own input": (
        lambda d: ["export", str(_table_without(d, "", "")), "-f", "csv", "-o", str(d / "t.yaml")],
        ["uddatafilen er en inddatafil", "overskrives aldrig"],
        ["the output file is an input of this command", "never overwritten"],
    ),
    "unknown import format": (
        lambda d: ["import", str(_doc(d)), "-o", str(d / "out.yaml")],
        ["kan ikke afgøre formatet af en .docx-fil", "angiv --format"],
        ["cannot tell the format of a .docx file", "give --format"],
    ),
}


def _doc(folder: Path) -> Path:
    p = folder / "table.docx"
    p.write_bytes(b"not a table")
    return p


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ["da", "en", "env-en"])
def test_error_messages_follow_the_language_in_our_own_words(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    case: str,
    lang: str,
) -> None:
    make, danish, english = CASES[case]
    args = make(tmp_path)
    if lang == "en":
        args = ["--lang", "en", *args]
    elif lang == "env-en":
        monkeypatch.setenv("FSIII_LANG", "en")
    rc, out, err = run(capsys, *args)
    assert rc == ExitCode.USAGE and out == ""
    assert err.startswith("fsiii-mapper: fejl: " if lang == "da" else "fsiii-mapper: error: ")
    for needle in danish if lang == "da" else english:
        assert needle in err
    for phrase in PYDANTIC_PHRASES:
        assert phrase not in err
    if case != "YAML syntax":  # the YAML parser's own words may quote the character it wanted
        assert "'" not in err  # no Python repr of a value


def test_an_export_refusal_counts_in_real_plurals(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = _table_without(tmp_path, "target: FA510", "target: FA999")
    out = tmp_path / "t.csv"
    rc, _, err = run(capsys, "export", str(bad), "-f", "csv", "-o", str(out))
    assert rc == ExitCode.FINDINGS and not out.exists()
    assert "Eksport afvist: tabellen" in err and "har 1 fejl" in err and " fejl FM003 " in err
    rc, _, err = run(capsys, "--lang", "en", "export", str(bad), "-f", "csv", "-o", str(out))
    assert "Export refused: the table" in err and "has 1 error –" in err
    assert " error FM003 " in err


def test_help_follows_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--help")
    assert "Slutkoder:" in out and "Vis de medfølgende demoborgere." in out
    _, out, _ = run(capsys, "--lang", "en", "--help")
    assert "Exit codes:" in out and "List the shipped demo citizens." in out


def test_the_language_chosen_on_the_command_line_holds_for_the_whole_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Texts made deep in the core when an error is raised follow --lang, not only the CLI's."""
    from fsiii_mapper.texts import default_lang

    run(capsys, "--lang", "en", "citizens")
    assert default_lang() == "en"


@pytest.mark.parametrize("where", ["front", "after the command", "at the end"])
def test_lang_is_one_setting_wherever_it_stands_on_the_line(
    capsys: pytest.CaptureFixture[str], where: str
) -> None:
    args = {
        "front": ["--lang", "en", "preview", "demo-01", "-s", "cura"],
        "after the command": ["preview", "--lang", "en", "demo-01", "-s", "cura"],
        "at the end": ["preview", "demo-01", "-s", "cura", "--lang=en"],
    }[where]
    rc, out, _err = run(capsys, *args)
    assert rc == 0
    assert out.startswith("Citizen: demo-01")


@pytest.mark.parametrize(
    ("lang", "usage", "error"),
    [
        (None, "brug: fsiii-mapper", "fsiii-mapper: fejl: ukendte argumenter: --bogus"),
        ("en", "usage: fsiii-mapper", "fsiii-mapper: error: unrecognized arguments: --bogus"),
    ],
)
def test_usage_errors_speak_the_runs_language(
    capsys: pytest.CaptureFixture[str], lang: str | None, usage: str, error: str
) -> None:
    args = ["preview", "demo-01", "--bogus"] + (["--lang", lang] if lang else [])
    rc, _out, err = run(capsys, *args)
    assert rc == ExitCode.USAGE
    assert err.startswith(usage) and err.rstrip().endswith(error)
