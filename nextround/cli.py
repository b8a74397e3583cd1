"""The ``nextround`` command: Next Round's own commands, grouped, each with a line.

Each command is a Django management command, so ``nextround serve`` and
``python -m django serve`` behave alike. Only the commands listed in
``GROUPS`` run directly; Django's developer commands (``flush``, ``shell``,
``makemigrations``…) stay reachable as ``nextround django NAME`` so that a
person reading ``nextround --help`` meets nothing that wipes their data.

Whatever goes wrong, the person gets one line on stderr and a non-zero exit,
never a traceback (``--traceback`` shows it for those who want it).
"""

from __future__ import annotations

import getpass
import os
import sys
import warnings

PROGRAM = "nextround"

# The order a person meets them in: running it, accounts, daily use, data.
GROUPS: dict[str, tuple[str, ...]] = {
    "Running it": ("serve", "worker", "migrate", "check", "demo", "collectstatic"),
    "Accounts": ("createuser", "changepassword", "token", "unlock"),
    "Every day": ("heard-back", "agenda", "review", "how-it-went", "search", "remind", "watch"),
    "Your data": ("export", "import", "import-csv", "backup", "restore"),
}
# Django's own commands in the list, described in our words.
DESCRIPTIONS = {
    "migrate": "Bring the database up to date (run it after every upgrade).",
    "check": "Look for problems in the installation (--deploy for a hosted one).",
    "collectstatic": "Copy the stylesheet and scripts to NEXTROUND_STATIC_ROOT for a proxy.",
    "changepassword": "Set a new password for an account: the way back in after forgetting it.",
}
CURATED = frozenset(name for names in GROUPS.values() for name in names)
HELP_WORDS = {"help", "--help", "-h"}


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextround.settings")
    import django

    django.setup()


def _one_line(text: str) -> str:
    """The first line of a command's help, for the list."""
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


def help_text() -> str:
    """``nextround --help``: the curated commands, grouped, one line each."""
    from django.core.management import get_commands, load_command_class

    available = get_commands()
    lines = [
        "Next Round: your job search, and a plan after every no.",
        "",
        f"Usage: {PROGRAM} COMMAND [OPTIONS]    ({PROGRAM} help COMMAND for its options)",
    ]
    for group, names in GROUPS.items():
        present = [name for name in names if name in available]
        if not present:
            continue
        lines += ["", f"{group}:"]
        width = max(len(name) for name in present)
        for name in present:
            description = DESCRIPTIONS.get(name) or _one_line(
                load_command_class(available[name], name).help
            )
            lines.append(f"  {name.ljust(width)}  {description}")
    lines += [
        "",
        f"Django's developer commands (flush, shell, makemigrations…): {PROGRAM} django --help",
    ]
    return "\n".join(lines)


def _fail(message: str, code: int = 1) -> None:
    print(f"{PROGRAM}: {message}", file=sys.stderr)
    raise SystemExit(code)


def _short_argument_errors() -> None:
    """Make a command's bad arguments two lines: what is wrong, and where its options are.

    argparse would print the whole usage first, which with Django's common
    options (--settings, --pythonpath, --skip-checks…) runs to five lines and
    buries the error. Commands called from code still get a CommandError.
    """
    from django.core.management.base import CommandError, CommandParser

    def error(parser, message):
        if not parser.called_from_command_line:
            raise CommandError(f"Error: {message}")
        words = parser.prog.split()
        asking = [*words[:-1], "help", words[-1]] if len(words) > 1 else [PROGRAM, "--help"]
        parser.exit(2, f"{parser.prog}: {message}\n`{' '.join(asking)}` lists its options.\n")

    CommandParser.error = error


def _run_django(argv: list[str]) -> None:
    """Run a management command, turning any failure into one line on stderr."""
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    _short_argument_errors()
    # changepassword without a terminal would warn twice that the password
    # may be echoed before asking; the one-line refusal below says enough.
    warnings.filterwarnings("ignore", category=getpass.GetPassWarning)
    if "--traceback" in argv:
        execute_from_command_line(argv)
        return
    try:
        execute_from_command_line(argv)
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except DatabaseError as error:
        first = _one_line(str(error))
        _fail(f"the database is not ready ({first}). Run `{PROGRAM} migrate` first?")
    except EOFError:
        if "createuser" in argv:
            _fail("it needed input and got none (pipe it in, e.g. with --password-stdin).")
        _fail("it needed input and got none (run it in a terminal, or pipe the answers in).")
    except Exception as error:
        _fail(f"{_one_line(str(error)) or type(error).__name__} (add --traceback for details)")


def main(argv: list[str] | None = None) -> None:
    """Run a Next Round command named on the command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        _setup_django()
    except Exception as error:
        _fail(f"cannot start: {_one_line(str(error)) or type(error).__name__}")
    if not args or (args[0] in HELP_WORDS and len(args) == 1):
        print(help_text())
        return
    name = args[0]
    if name in HELP_WORDS:
        target = args[1]
        if target not in CURATED and target != "django":
            _fail(f"no command {target!r}. `{PROGRAM} --help` lists them.", 2)
        _run_django([PROGRAM, "help", target])
        return
    if name == "django":
        _run_django([f"{PROGRAM} django", *args[1:]])
        return
    if name not in CURATED:
        from django.core.management import get_commands

        if name in get_commands():
            _fail(
                f"{name!r} is one of Django's developer commands: run `{PROGRAM} django {name}`.", 2
            )
        _fail(f"no command {name!r}. `{PROGRAM} --help` lists them.", 2)
    _run_django([PROGRAM, *args])


if __name__ == "__main__":
    main()
