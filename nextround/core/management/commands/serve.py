"""Serve Next Round with a production WSGI server.

One Python process answers one request at a time, whatever its threads (the
GIL), so on POSIX systems ``serve`` runs several worker processes under
gunicorn, one per core by default, each with a few threads. With one worker,
and where gunicorn cannot run (Windows), waitress serves in one process.
Both trust the same proxy headers the same way: waitress's own translation
of them wraps the app under gunicorn too.
"""

from __future__ import annotations

import argparse
import gc
import io
import logging
import multiprocessing
import os
import socket

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


def gunicorn_available() -> bool:
    """Whether worker processes can be had here: gunicorn installed, on a POSIX system."""
    if os.name != "posix":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def gunicorn_options(listener_fd: int, workers: int, threads: int) -> dict:
    """gunicorn's settings: our listening socket, gthread workers, and no proxy trust of its own.

    gunicorn would believe X-Forwarded-Proto from 127.0.0.1 by default; here
    the proxy headers are translated (or cleared) by the same middleware as
    under waitress, from NEXTROUND_TRUSTED_PROXY only.
    """
    return {
        "bind": [f"fd://{listener_fd}"],
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "proc_name": "nextround",
        "forwarded_allow_ips": "",
        "secure_scheme_headers": {},
        "loglevel": "warning",
        # A stop waits this long for requests under way, then ends them.
        "graceful_timeout": 5,
        # No control socket in the home folder: one serve must not clash with another.
        "control_socket_disable": True,
    }


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or the one-line reason it cannot be had."""
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM
        )[0]
        listener = socket.socket(family, kind, protocol)
    except OSError as error:
        raise CommandError(f"Cannot listen on {host}:{port}: {error.strerror}.") from error
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(1024)
    except OSError as error:
        listener.close()
        raise CommandError(f"Cannot listen on {host}:{port}: {error.strerror}.") from error
    listener.set_inheritable(True)
    return listener


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


def _workers(text: str) -> int:
    """``--workers``: how many processes, at least one."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"workers is a whole number, 1 or more, not {text!r}")
    return int(text)


class Command(BaseCommand):
    help = "Serve the app with a production server (gunicorn, or waitress)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default="127.0.0.1", help="Address to bind (default 127.0.0.1)."
        )
        parser.add_argument(
            "--port", type=_port, default=8000, help="Port to listen on (default 8000)."
        )
        parser.add_argument(
            "--workers",
            type=_workers,
            default=None,
            help="Worker processes (default NEXTROUND_WORKERS, else one per core).",
        )
        parser.add_argument(
            "--threads",
            type=_threads,
            default=None,
            help="Threads in each worker (default NEXTROUND_THREADS, else "
            f"{settings.SERVE_THREADS}).",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not send digests or watch vacancies here (run `nextround worker` instead).",
        )

    def handle(
        self, *args, host: str, port: int, workers=None, threads=None, no_worker=False, **options
    ):
        from django.core.wsgi import get_wsgi_application
        from django.db import connections
        from django.urls import get_resolver

        workers = workers or settings.SERVE_WORKERS
        threads = threads or settings.SERVE_THREADS
        for name, value in (("NEXTROUND_WORKERS", workers), ("NEXTROUND_THREADS", threads)):
            if value < 1:
                raise CommandError(f"{name} is a whole number, 1 or more, not {value}.")
        # Settings are already loaded by the command line; nextround.wsgi sits
        # above every app and would only set them again.
        application = get_wsgi_application()
        gunicorn_options_in_use = workers > 1 and gunicorn_available()
        if gunicorn_options_in_use:
            proxy = waitress_options(host, port, threads)
            listener = listen(host, port)
            shown_port = listener.getsockname()[1]
            # gunicorn takes the socket over, and closes it when it stops.
            options = gunicorn_options(listener.detach(), workers, threads)
            if not no_worker:
                options["post_worker_init"] = OneWorkerRunsReminders()
            server = _GunicornServer(_with_proxy_headers(application, proxy), options)
            run = server.run

            def close():
                pass

            # Import every view and build the API here, once, before the
            # workers are forked: they answer at once, and share those pages.
            get_resolver().url_patterns  # noqa: B018
            # And answer a page and an API call, which loads what only a first
            # request loads (translations, templates, the API's schemas).
            warm_up(application)
            # Objects made so far are left alone by the garbage collector, so
            # the workers do not copy the pages it would otherwise write to.
            gc.freeze()
            # The workers are forked from this process: none may share its connections.
            connections.close_all()
        else:
            from waitress import create_server

            try:
                waitress = create_server(application, **waitress_options(host, port, threads))
            except OSError as error:
                raise CommandError(f"Cannot listen on {host}:{port}: {error.strerror}.") from error
            shown_port = port
            run, close = waitress.run, waitress.close
        shown_host = f"[{host}]" if ":" in host else host
        self.stdout.write(f"Data directory: {settings.DATA_DIR}")
        self.stdout.write(f"Next Round is at http://{shown_host}:{shown_port}/  (Ctrl+C to stop)")
        self.stdout.flush()
        stop = None
        # Under gunicorn one of the workers runs them (see OneWorkerRunsReminders).
        if not no_worker and not gunicorn_options_in_use:
            # Digests and watches in this process (once, not in every worker),
            # so a laptop install needs no second one. Named in settings: core
            # sits below the app that does the work and does not import it.
            _, stop = import_string(settings.BACKGROUND_WORKER)()
        try:
            run()
        except KeyboardInterrupt:
            pass
        finally:
            if stop is not None:
                stop.set()
            close()


# Answered once before the workers are forked; neither needs a login or writes anything.
WARM_UP_PATHS = ("/accounts/login/", "/api/v1/me")


def warm_up(application) -> None:
    """Ask the app for a few pages in this process, so that every forked worker starts warm.

    What a first request loads would otherwise be loaded again in each
    worker, in memory of its own. Any answer will do (a login page, a 401,
    a redirect to https): the loading is the point, and a failure only
    means the workers warm up on their own.
    """
    host = next((name.lstrip(".") for name in settings.ALLOWED_HOSTS if name != "*"), "localhost")
    # The 401 of the API call is expected: not worth a line in the server's log.
    request_log = logging.getLogger("django.request")
    level, request_log.level = request_log.level, logging.ERROR
    try:
        _ask(application, host)
    finally:
        request_log.level = level


def _ask(application, host: str) -> None:
    for path in WARM_UP_PATHS:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": host,
            "SERVER_PORT": "443",
            "HTTP_HOST": host,
            "HTTP_X_FORWARDED_PROTO": "https",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "https",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        try:
            response = application(environ, lambda status, headers, exc_info=None: None)
            try:
                for _ in response:
                    pass
            finally:
                if hasattr(response, "close"):
                    response.close()
        except Exception:  # noqa: S112 (a cold worker is no worse than before)
            continue


def _with_proxy_headers(application, proxy: dict):
    """The app behind waitress's translation of the trusted proxy's headers, as waitress does it."""
    from waitress.proxy_headers import proxy_headers_middleware

    return proxy_headers_middleware(
        application,
        trusted_proxy=proxy.get("trusted_proxy"),
        trusted_proxy_count=proxy.get("trusted_proxy_count", 1),
        trusted_proxy_headers=proxy.get("trusted_proxy_headers"),
        clear_untrusted=proxy["clear_untrusted_proxy_headers"],
    )


class OneWorkerRunsReminders:
    """gunicorn's ``post_worker_init``: the first worker up runs digests and watches.

    Not the master: a thread there would be copied, mid-lock, into every
    worker forked after it. The claim lives in memory shared by the
    workers; a worker started after the claimant has gone takes it over.
    """

    def __init__(self):
        self.claimant = multiprocessing.Value("i", 0)

    def __call__(self, worker) -> None:
        with self.claimant.get_lock():
            if self.claimant.value and _is_running(self.claimant.value):
                return
            self.claimant.value = os.getpid()
        # Named in settings: core sits below the app that does the work.
        import_string(settings.BACKGROUND_WORKER)()


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _GunicornServer(application, options: dict):
    """A gunicorn master for ``application`` (already loaded, so workers share its memory)."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            for name, value in options.items():
                self.cfg.set(name, value)

        def load(self):
            return application

    return Server()
