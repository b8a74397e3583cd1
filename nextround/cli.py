"""The ``nextround`` command: Django's management commands, with our own among them.

``nextround serve``, ``createuser``, ``token``, ``demo`` and the rest are
management commands, so ``python -m django`` and ``nextround`` behave alike.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command named on the command line."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextround.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["nextround", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
