"""Every command ``nextround --help`` lists, given bad input: one short message, never a traceback.

Each case runs the installed script against a migrated data dir with one
account (``robin``), as a person would, and expects a non-zero exit and at
most three lines on stderr (argparse's usage line and its error are fine).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nextround.cli import GROUPS
from tests.cli.test_console_script import nextround

# Placeholders filled in per test: a file that does not exist, and files of
# the wrong kind for a command that reads one.
MISSING = "{missing}"
PICTURE = "{picture}"
JSON = "{json}"

UNKNOWN_OPTION = ["--no-such-option"]
CASES: dict[str, list[list[str]]] = {
    "serve": [UNKNOWN_OPTION, ["--port", "not-a-port"], ["--port", "99999999"]],
    "worker": [UNKNOWN_OPTION, ["surplus"]],
    "migrate": [UNKNOWN_OPTION, ["no_such_app"]],
    "check": [UNKNOWN_OPTION, ["no_such_app"]],
    "demo": [UNKNOWN_OPTION, ["surplus"]],
    "collectstatic": [UNKNOWN_OPTION],
    "createuser": [
        UNKNOWN_OPTION,
        [],
        ["robin", "--password-stdin"],
        ["sam", "--password-stdin", "--country", "XX"],
    ],
    # "robin" with nothing on standard input: the password prompt gets no answer.
    "changepassword": [UNKNOWN_OPTION, [], ["nobody"], ["robin"]],
    "token": [UNKNOWN_OPTION, [], ["--user", "nobody"]],
    "unlock": [UNKNOWN_OPTION, [], ["--user", "nobody"]],
    "heard-back": [
        UNKNOWN_OPTION,
        [],
        ["--user", "nobody", "--outcome", "rejected"],
        ["--user", "robin", "--outcome", "rejected"],
        ["--user", "robin", "--org", "Harbour Gallery", "--role", "Curator", "--outcome", "maybe"],
        ["--user", "robin", "--application", "many", "--outcome", "rejected"],
        ["--user", "robin", "--role", "Curator", "--outcome", "rejected", "--date", "someday"],
    ],
    "agenda": [UNKNOWN_OPTION, ["--user", "nobody"]],
    "review": [UNKNOWN_OPTION, ["--user", "nobody"]],
    "how-it-went": [
        UNKNOWN_OPTION,
        ["--user", "nobody"],
        ["--user", "robin", "not-a-number"],
        ["--user", "robin", "999", "--feeling", "4"],
        ["--user", "robin", "999", "--feeling", "9"],
    ],
    "search": [
        UNKNOWN_OPTION,
        ["--user", "nobody", "archive"],
        ["--user", "robin"],
        ["--user", "robin", "archive", "--limit", "0"],
        ["--user", "robin", "archive", "--limit", "many"],
    ],
    "remind": [UNKNOWN_OPTION, ["--user", "nobody"]],
    "watch": [UNKNOWN_OPTION, ["--user", "nobody"]],
    "export": [UNKNOWN_OPTION, [], ["--user", "nobody"], ["--user", "robin", "-o", PICTURE + "/x"]],
    "import": [
        UNKNOWN_OPTION,
        [],
        ["--user", "nobody", JSON],
        ["--user", "robin"],
        ["--user", "robin", MISSING],
        ["--user", "robin", PICTURE],
        ["--user", "robin", JSON],
    ],
    "import-csv": [
        UNKNOWN_OPTION,
        [],
        ["--user", "nobody", JSON],
        ["--user", "robin"],
        ["--user", "robin", MISSING],
        ["--user", "robin", PICTURE],
    ],
    "backup": [UNKNOWN_OPTION, ["--keep", "many"], ["-o", PICTURE + "/x.zip"]],
    "restore": [UNKNOWN_OPTION, [], [MISSING], [PICTURE], [JSON]],
}


def test_every_listed_command_has_bad_input_cases():
    listed = {name for names in GROUPS.values() for name in names}
    assert listed == set(CASES)


@pytest.fixture(scope="module")
def with_robin(tmp_path_factory) -> Path:
    """A migrated data dir with one account, made once for the module."""
    data_dir = tmp_path_factory.mktemp("robin")
    assert nextround(data_dir, "migrate", "--no-input").returncode == 0
    made = nextround(
        data_dir, "createuser", "robin", "--password-stdin", stdin="a-long-pw-for-robin-9"
    )
    assert made.returncode == 0, made.stderr
    return data_dir


@pytest.mark.parametrize(
    ("command", "arguments"),
    [(command, arguments) for command, cases in CASES.items() for arguments in cases],
    ids=[
        f"{command} {' '.join(arguments) or '(nothing)'}"
        for command, cases in CASES.items()
        for arguments in cases
    ],
)
def test_bad_input_is_a_short_message_and_a_non_zero_exit(with_robin, tmp_path, command, arguments):
    data_dir = tmp_path / "data"
    shutil.copytree(with_robin, data_dir)
    picture = tmp_path / "picture.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    document = tmp_path / "not-an-export.json"
    document.write_text('{"what": "a JSON file that is not an export"}')
    places = {MISSING: str(tmp_path / "missing"), PICTURE: str(picture), JSON: str(document)}
    argv = []
    for argument in arguments:
        for placeholder, value in places.items():
            argument = argument.replace(placeholder, value)
        argv.append(argument)

    result = nextround(data_dir, command, *argv)

    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 3, result.stderr


def test_an_unknown_option_is_named_with_where_to_find_the_options(with_robin):
    result = nextround(with_robin, "token", "--no-such-option")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "nextround token: unrecognized arguments: --no-such-option",
        "`nextround help token` lists its options.",
    ]


def test_a_port_out_of_range_is_refused_before_anything_listens(with_robin):
    result = nextround(with_robin, "serve", "--port", "70000")
    assert result.returncode == 2
    assert "a port is a number from 0 to 65535, not '70000'" in result.stderr
    assert "Next Round is at" not in result.stdout


def test_export_and_backup_name_the_path_they_cannot_write(with_robin, tmp_path):
    picture = tmp_path / "picture.png"
    picture.write_bytes(b"\x89PNG")
    export = nextround(with_robin, "export", "--user", "robin", "-o", f"{picture}/x.json")
    assert export.stderr.strip() == (
        f"CommandError: Could not write {picture}/x.json: Not a directory."
    )
    backup = nextround(with_robin, "backup", "-o", f"{picture}/x.zip")
    assert backup.stderr.strip() == (
        f"CommandError: Could not write {picture}/x.zip: {picture} is not a folder."
    )


def test_changepassword_without_a_terminal_is_one_line(with_robin):
    result = nextround(with_robin, "changepassword", "robin")
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith("it needed input and got none (run it in a terminal, or pipe the answers in).")
    )
    assert "GetPassWarning" not in result.stderr
