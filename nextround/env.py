"""Small, pure parsers that turn environment variables into typed settings.

Each one takes the raw string (or None when the variable is unset) and a
default, so it can be tested without touching ``os.environ``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def parse_bool(raw: str | None, default: bool = False) -> bool:
    """Read a yes/no switch; anything unrecognised is an error, not a silent default."""
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"expected one of {sorted(TRUE_WORDS | FALSE_WORDS)}, got {raw!r}")


def parse_int(raw: str | None, default: int) -> int:
    """Read a whole number, falling back to the default when unset or blank."""
    if raw is None or not raw.strip():
        return default
    return int(raw.strip())


def parse_list(raw: str | None, default: list[str]) -> list[str]:
    """Read a comma-separated list, ignoring blanks around and between items."""
    if raw is None or not raw.strip():
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def load_or_create_secret_key(data_dir: Path) -> str:
    """Return the secret key kept in the data dir, generating it on first start.

    The file is written with owner-only permissions so that the key never has
    to live in the repository or in the environment of a laptop install.
    """
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.touch(mode=0o600)
    path.write_text(key)
    return key


def make_private(data_dir: Path) -> None:
    """Make the data dir the owner's alone, and everything written later too.

    The umask applies to the whole process, so the SQLite database, its WAL,
    uploaded files and backups are created 0600 (folders 0700) however the
    shell that started the app was set up.
    """
    os.umask(0o077)
    data_dir.mkdir(parents=True, exist_ok=True)
    # A data dir owned by someone else (a shared mount, say) is left as it is.
    with contextlib.suppress(PermissionError):
        data_dir.chmod(0o700)


EMAIL_SCHEMES = {"smtp", "smtps", "console"}


def parse_email_url(raw: str | None) -> dict:
    """Read ``NEXTROUND_EMAIL_URL`` into Django's ``EMAIL_*`` settings.

    ``smtp://user:password@host:587`` speaks STARTTLS (add ``?starttls=no``
    for a relay on the same machine that has no certificate), ``smtps://``
    uses TLS from the first byte, ``console:`` prints messages to the
    terminal. Unset or blank means no email at all: the result is ``{}`` and
    nothing is ever sent. User name and password may be percent-encoded.
    """
    if raw is None or not raw.strip():
        return {}
    parts = urlsplit(raw.strip())
    scheme = parts.scheme.lower()
    if scheme not in EMAIL_SCHEMES:
        raise ValueError(f"expected smtp://, smtps:// or console:, got {raw!r}")
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if not parts.hostname:
        raise ValueError(f"the email address {raw!r} names no host")
    try:
        port = parts.port
    except ValueError as error:
        raise ValueError(f"the email address {raw!r} has a port that is not a number") from error
    query = parse_qs(parts.query)
    starttls = parse_bool((query.get("starttls") or [None])[0], default=True)
    implicit_tls = scheme == "smtps"
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or (465 if implicit_tls else 587),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": implicit_tls,
        "EMAIL_USE_TLS": not implicit_tls and starttls,
        "EMAIL_TIMEOUT": 30,
    }
