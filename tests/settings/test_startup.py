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
    "django",
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
        "NEXTROUND_TRUSTED_PROXY": "127.0.0.1",
    }
    result = nextround(
        "check", "--deploy", "--fail-level", "WARNING", env=hosted, data_dir=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_names_https_without_a_trusted_proxy(tmp_path):
    hosted = {
        "NEXTROUND_HTTPS": "1",
        "NEXTROUND_SECRET_KEY": "a-hosted-secret-key-" + "x" * 50,
        "NEXTROUND_ALLOWED_HOSTS": "jobs.example.org",
    }
    result = nextround("check", "--deploy", env=hosted, data_dir=tmp_path)
    assert result.returncode != 0
    assert "NEXTROUND_TRUSTED_PROXY" in result.stderr + result.stdout


def test_serve_refuses_https_without_a_trusted_proxy_in_one_line(tmp_path):
    result = nextround("serve", "--port", "0", env={"NEXTROUND_HTTPS": "1"}, data_dir=tmp_path)
    assert result.returncode != 0
    assert "NEXTROUND_TRUSTED_PROXY" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_names_a_busy_port_in_one_line(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = nextround("serve", "--port", str(port), env={}, data_dir=tmp_path)
    assert result.returncode != 0
    assert f"Cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_data_dir_and_database_are_private_whatever_the_umask(tmp_path):
    import stat

    data_dir = tmp_path / "data"
    result = subprocess.run(
        ["sh", "-c", "umask 022 && exec " + " ".join(nextround.command("migrate", "-v", "0"))],
        env=nextround.environment({}, data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in data_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


PRINT_EMAIL = (
    "django",
    "shell",
    "--no-imports",
    "-c",
    "from django.conf import settings as s; "
    "print(s.EMAIL_ENABLED, s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, "
    "s.DEFAULT_FROM_EMAIL)",
)


def test_email_is_set_from_the_environment(tmp_path):
    env = {
        "NEXTROUND_EMAIL_URL": "smtp://robin:pa%40ss@mail.example.org:587",
        "NEXTROUND_EMAIL_FROM": "Next Round <plan@example.org>",
    }
    result = nextround(*PRINT_EMAIL, env=env, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
        "True",
        "Next",
        "Round",
        "<plan@example.org>",
    ]


def test_without_an_email_address_no_email_is_sent(tmp_path):
    result = nextround(*PRINT_EMAIL, env={}, data_dir=tmp_path)
    assert result.stdout.split()[0] == "False"


def test_a_wrong_email_address_stops_startup_in_one_line(tmp_path):
    result = nextround("check", env={"NEXTROUND_EMAIL_URL": "pop3://x"}, data_dir=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "smtp://" in result.stderr
