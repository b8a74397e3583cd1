"""A small web site on 127.0.0.1 for the watch to visit: fixture pages, ETags,
robots.txt and redirects, counting every request it gets."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str = ""

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass
class FixtureSite:
    """What the server serves (path -> Page) and what it was asked."""

    pages: dict[str, Page] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    conditional_hits: Counter = field(default_factory=Counter)
    user_agents: list[str] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8"):
        self.pages[path] = Page(body.encode() if isinstance(body, str) else body, content_type)

    def redirect(self, path: str, location: str):
        self.pages[path] = Page(b"", status=302, location=location)


def start(site: FixtureSite) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            site.hits[self.path] += 1
            site.user_agents.append(self.headers.get("User-Agent", ""))
            page = site.pages.get(self.path)
            if page is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if page.location:
                self.send_response(page.status)
                self.send_header("Location", page.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == page.etag:
                site.conditional_hits[self.path] += 1
                self.send_response(304)
                self.send_header("ETag", page.etag)
                self.end_headers()
                return
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            self.send_header("ETag", page.etag)
            self.end_headers()
            self.wfile.write(page.body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
