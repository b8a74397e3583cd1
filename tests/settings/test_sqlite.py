"""A laptop install on SQLite: WAL, a busy timeout, and two writers at once.

The suite's own SQLite database lives in memory, so these tests start real
``nextround`` processes on a database file in a temporary data dir.
"""

import subprocess

from tests.settings.test_startup import nextround

PRAGMAS = (
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('PRAGMA journal_mode')\n"
    "    print(cursor.fetchone()[0])\n"
    "    cursor.execute('PRAGMA busy_timeout')\n"
    "    print(cursor.fetchone()[0])\n"
)

# The web app, in the middle of a slow write: it holds the write lock until
# the command is about to write, then a moment longer.
HOLD_THE_LOCK = (
    "import pathlib, time\n"
    "from django.db import transaction\n"
    "from nextround.accounts.models import User\n"
    "with transaction.atomic():\n"
    "    User.objects.create(username='from-the-app')\n"
    "    print('holding', flush=True)\n"
    "    for _ in range(600):\n"
    "        if pathlib.Path({signal!r}).exists(): break\n"
    "        time.sleep(0.1)\n"
    "    time.sleep(1)\n"
)

# A command writing meanwhile; it prints how long it had to wait.
WRITE = (
    "import pathlib, time\n"
    "from nextround.accounts.models import User\n"
    "started = time.monotonic()\n"
    "pathlib.Path({signal!r}).touch()\n"
    "User.objects.create(username='from-the-command')\n"
    "print(time.monotonic() - started)\n"
)


def test_it_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    result = nextround("django", "shell", "--no-imports", "-c", PRAGMAS, env={}, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    journal_mode, busy_timeout = result.stdout.split()
    assert journal_mode == "wal"
    assert int(busy_timeout) >= 5000


def test_the_app_and_a_command_can_write_at_the_same_time(tmp_path):
    signal = str(tmp_path / "command-is-writing")
    migrated = nextround("migrate", "--no-input", env={}, data_dir=tmp_path)
    assert migrated.returncode == 0, migrated.stderr
    with subprocess.Popen(
        nextround.command(
            "django", "shell", "--no-imports", "-c", HOLD_THE_LOCK.format(signal=signal)
        ),
        env=nextround.environment({}, tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as app:
        assert app.stdout.readline().strip() == "holding"
        # The command waits for the app's transaction instead of failing
        # with "database is locked".
        command = nextround(
            "django",
            "shell",
            "--no-imports",
            "-c",
            WRITE.format(signal=signal),
            env={},
            data_dir=tmp_path,
        )
        _, app_errors = app.communicate(timeout=60)
    assert app.returncode == 0, app_errors
    assert command.returncode == 0, command.stderr
    assert float(command.stdout) > 0.5, "the command should have waited for the app"

    listed = nextround(
        "django",
        "shell",
        "--no-imports",
        "-c",
        "from nextround.accounts.models import User\n"
        "print(' '.join(User.objects.order_by('username').values_list('username', flat=True)))",
        env={},
        data_dir=tmp_path,
    )
    assert listed.stdout.split() == ["from-the-app", "from-the-command"]
