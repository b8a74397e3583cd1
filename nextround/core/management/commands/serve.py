"""Serve Next Round with waitress, a production WSGI server that needs no compiler."""

from __future__ import annotations

import argparse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

# The proxy headers `serve` believes, and only from NEXTROUND_TRUSTED_PROXY:
# the scheme the visitor used (so https is seen as https, and no redirect
# loop starts), their address (for the login throttle), host and port.
PROXY_HEADERS = {"x-forwarded-proto", "x-forwarded-for", "x-forwarded-host", "x-forwarded-port"}


def waitress_options(host: str, port: int, threads: int) -> dict:
    """The keyword arguments for ``waitress.serve`` under the current settings.

    Behind a TLS proxy the app must know which requests came in over https;
    without a trusted proxy it could only ever see plain http, so a hosted
    HTTPS setting with no proxy named is refused instead of looping.
    """
    options = {
        "host": host,
        "port": port,
        "threads": threads,
        "ident": "nextround",
        # A client that is not the proxy cannot pretend to be on https.
        "clear_untrusted_proxy_headers": True,
    }
    proxies = settings.TRUSTED_PROXY
    if settings.HTTPS and not proxies:
        raise CommandError(
            "NEXTROUND_HTTPS=1 needs NEXTROUND_TRUSTED_PROXY, the address of the proxy that "
            "handles https (for example 127.0.0.1)."
        )
    if len(proxies) > 1:
        raise CommandError(
            "NEXTROUND_TRUSTED_PROXY takes one address: put the proxies behind one front proxy."
        )
    if proxies:
        options.update(
            trusted_proxy=proxies[0],
            trusted_proxy_count=1,
            trusted_proxy_headers=PROXY_HEADERS,
        )
    return options


def _port(text: str) -> int:
    """``--port``: a TCP port, 0 (any free one) to 65535; argparse words the refusal."""
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535, not {text!r}")
    return int(text)


def _threads(text: str) -> int:
    """``--threads``: how many, at least one."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"threads is a whole number, 1 or more, not {text!r}")
    return int(text)


class Command(BaseCommand):
    help = "Serve the app with a production server (waitress)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default="127.0.0.1", help="Address to bind (default 127.0.0.1)."
        )
        parser.add_argument(
            "--port", type=_port, default=8000, help="Port to listen on (default 8000)."
        )
        parser.add_argument(
            "--threads", type=_threads, default=8, help="Worker threads (default 8)."
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not send digests or watch vacancies here (run `nextround worker` instead).",
        )

    def handle(self, *args, host: str, port: int, threads: int, no_worker=False, **options):
        from django.core.wsgi import get_wsgi_application
        from waitress import create_server

        # Settings are already loaded by the command line; nextround.wsgi sits
        # above every app and would only set them again.
        application = get_wsgi_application()

        try:
            server = create_server(application, **waitress_options(host, port, threads))
        except OSError as error:
            raise CommandError(f"Cannot listen on {host}:{port}: {error.strerror}.") from error
        shown_host = f"[{host}]" if ":" in host else host
        self.stdout.write(f"Data directory: {settings.DATA_DIR}")
        self.stdout.write(f"Next Round is at http://{shown_host}:{port}/  (Ctrl+C to stop)")
        self.stdout.flush()
        stop = None
        if not no_worker:
            # Digests and watches in this process, so a laptop install needs
            # no second one. Named in settings: core sits below the app that
            # does the work and does not import it.
            _, stop = import_string(settings.BACKGROUND_WORKER)()
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            if stop is not None:
                stop.set()
            server.close()
