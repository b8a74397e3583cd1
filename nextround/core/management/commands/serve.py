"""Serve Next Round with waitress, a production WSGI server that needs no compiler."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the app with a production server (waitress)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default="127.0.0.1", help="Address to bind (default 127.0.0.1)."
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="Port to listen on (default 8000)."
        )
        parser.add_argument("--threads", type=int, default=8, help="Worker threads (default 8).")

    def handle(self, *args, host: str, port: int, threads: int, **options):
        from django.core.wsgi import get_wsgi_application
        from waitress import serve

        # Settings are already loaded by the command line; nextround.wsgi sits
        # above every app and would only set them again.
        application = get_wsgi_application()

        shown_host = f"[{host}]" if ":" in host else host
        self.stdout.write(f"Data directory: {settings.DATA_DIR}")
        self.stdout.write(f"Next Round is at http://{shown_host}:{port}/  (Ctrl+C to stop)")
        self.stdout.flush()
        serve(application, host=host, port=port, threads=threads, ident="nextround")
