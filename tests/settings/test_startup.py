"""Settings as a fresh process sees them: run ``nextround`` with a chosen environment."""

import os
import subprocess
import sys


def _environment(env: dict, data_dir) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEXTROUND_", "DATABASE_URL", "DJANGO_"))
    }
    environment.update({"NEXTROUND_DATA_DIR": str(data_dir), **env})
    return environment


def _command(*args) -> list[str]:
    return [sys.executable, "-m", "nextround", *args]


def nextround(*args, env: dict, data_dir, input=None) -> subprocess.CompletedProcess:
    """Run ``nextround ARGS`` in a new process with only the given settings."""
    return subprocess.run(
        _command(*args),
        env=_environment(env, data_dir),
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


nextround.command = _command
nextround.environment = _environment

PRINT_KEY = (
    "shell",
    "--no-imports",
    "-c",
    "from django.conf import settings; print(settings.SECRET_KEY)",
)


def test_the_secret_key_is_generated_into_the_data_dir_and_reused(tmp_path):
    first = nextround(*PRINT_KEY, env={}, data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    key = first.stdout.strip()
    assert (tmp_path / "secret_key").read_text() == key
    second = nextround(*PRINT_KEY, env={}, data_dir=tmp_path)
    assert second.stdout.strip() == key


def test_a_secret_key_from_the_environment_wins(tmp_path):
    result = nextround(*PRINT_KEY, env={"NEXTROUND_SECRET_KEY": "k" * 60}, data_dir=tmp_path)
    assert result.stdout.strip() == "k" * 60
    assert not (tmp_path / "secret_key").exists()


def test_check_deploy_is_clean_in_hosted_mode(tmp_path):
    hosted = {
        "DATABASE_URL": "postgres://nextround:secret@db.example.org:5432/nextround",
        "NEXTROUND_HTTPS": "1",
        "NEXTROUND_SECRET_KEY": "a-hosted-secret-key-" + "x" * 50,
        "NEXTROUND_DEBUG": "0",
        "NEXTROUND_ALLOWED_HOSTS": "jobs.example.org",
    }
    result = nextround(
        "check", "--deploy", "--fail-level", "WARNING", env=hosted, data_dir=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
