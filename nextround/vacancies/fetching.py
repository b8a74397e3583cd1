"""Fetch a web page politely, and never from inside the network.

Everything the watch and "Add from a link" read from the web comes through
``fetch``: one request at a time with a User-Agent that names Next Round, a
10 s timeout, a 2 MB cap, conditional requests from the last answer's
validators, and robots.txt asked first for watched addresses.

Addresses that resolve to loopback, private, link-local, reserved or other
non-public ranges are refused before any byte is sent, and again at every
redirect; the connection goes to the address that was checked, so a name
that resolves differently the second time (DNS rebinding) cannot slip past.
``NEXTROUND_WATCH_ALLOW_PRIVATE=1`` lifts the refusal (the tests serve
fixtures from 127.0.0.1).

The standard library's ``http.client`` is used rather than requests: it lets
the connection be pinned to the checked address with one attribute, and no
new dependency is needed for it.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

USER_AGENT = "NextRound/1.0 (Next Round vacancy watch; a self-hosted job-search companion)"
ROBOTS_AGENT = "NextRound"
TIMEOUT_SECONDS = 10
MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
# Answers worth a second try a moment later: the server was busy, not wrong.
TRANSIENT = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """The address could not be read; the message says why, in a person's words."""


class Refused(FetchError):
    """The address is not one Next Round will visit (inside a network, or robots.txt)."""


@dataclass(frozen=True)
class Answer:
    """What an address answered: 200 with a body, or 304 for "unchanged"."""

    status: int
    url: str
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""

    @property
    def unchanged(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body as text, in the charset the server named (UTF-8 otherwise)."""
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, port: int) -> bool:
    """Whether ``ip`` is on the public internet (not loopback, private, link-local, reserved…)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def public_address(host: str, port: int) -> str:
    """The IP address to connect to for ``host``, or ``Refused`` if it is not public.

    Every address the name resolves to must be public: a name with one
    public and one private address is refused, since either could be used.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"The name {host} could not be found.") from error
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"The name {host} could not be found.")
    if not settings.WATCH_ALLOW_PRIVATE:
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if not is_public(ip, port):
                raise Refused(
                    f"{host} is inside a private network ({ip}); Next Round only visits "
                    "public addresses."
                )
    return addresses[0]


def _split(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"} or not parts.hostname:
        raise Refused("Only http and https addresses can be read.")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as error:
        raise FetchError("The address has a port that is not a number.") from error
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, parts.hostname, port, path


def _one_request(url: str, headers: dict[str, str], deadline: float) -> Answer:
    scheme, host, port, path = _split(url)
    address = public_address(host, port)
    connection_class = (
        http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(host, port, timeout=TIMEOUT_SECONDS)

    # Connect to the address that was checked, not to whatever the name
    # resolves to a moment later; TLS still verifies the certificate for host.
    def pinned(target, timeout, source_address=None):
        return socket.create_connection((address, target[1]), timeout, source_address)

    connection._create_connection = pinned
    try:
        connection.request(
            "GET",
            path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.5",
                "Accept-Encoding": "identity",
                **headers,
            },
        )
        response = connection.getresponse()
        if response.status in REDIRECTS:
            location = response.getheader("Location", "") or ""
            return Answer(status=response.status, url=urljoin(url, location) if location else "")
        chunks, size = [], 0
        if response.status != 304:
            while chunk := response.read(65536):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(
                        "The page is larger than 2 MB; Next Round stops reading there."
                    )
                if time.monotonic() > deadline:
                    raise FetchError("The page took longer than 10 seconds to arrive.")
                chunks.append(chunk)
        return Answer(
            status=response.status,
            url=url,
            body=b"".join(chunks),
            content_type=response.getheader("Content-Type", "") or "",
            etag=response.getheader("ETag", "") or "",
            last_modified=response.getheader("Last-Modified", "") or "",
        )
    except TimeoutError as error:
        raise FetchError("The site did not answer within 10 seconds.") from error
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"The site could not be reached ({type(error).__name__}).") from error
    finally:
        connection.close()


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    attempts: int = 2,
    pause: float = 1.0,
) -> Answer:
    """GET ``url`` within the limits above, following redirects that stay public.

    A busy server (429, 5xx) or a dropped connection is tried again after
    ``pause`` seconds, doubling each time, up to ``attempts`` in all; any
    other failure is a ``FetchError`` at once.
    """
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for attempt in range(1, attempts + 1):
        try:
            answer = _follow(url, headers)
        except Refused:
            raise
        except FetchError:
            if attempt == attempts:
                raise
        else:
            if answer.status not in TRANSIENT or attempt == attempts:
                break
        time.sleep(pause * 2 ** (attempt - 1))
    if answer.status == 304 or 200 <= answer.status < 300:
        return answer
    raise FetchError(f"The site answered {answer.status} instead of the page.")


def _follow(url: str, headers: dict[str, str]) -> Answer:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    for _ in range(MAX_REDIRECTS + 1):
        answer = _one_request(url, headers, deadline)
        if answer.status not in REDIRECTS:
            return answer
        if not answer.url or answer.url == url:
            raise FetchError("The site redirected nowhere.")
        url = answer.url
    raise FetchError(f"The site redirected more than {MAX_REDIRECTS} times.")


def robots_allow(url: str) -> bool:
    """Whether the site's robots.txt lets Next Round read ``url``.

    As RFC 9309 says: no robots.txt (a 4xx) allows everything; one that
    cannot be read (5xx, no answer) is a failure of this visit, not a
    licence to go ahead.
    """
    scheme, host, port, _ = _split(url)
    default_port = 443 if scheme == "https" else 80
    shown_host = f"[{host}]" if ":" in host else host
    origin = f"{scheme}://{shown_host}" + ("" if port == default_port else f":{port}")
    answer = _follow(origin + "/robots.txt", {})
    if 400 <= answer.status < 500:
        return True
    if answer.status != 200:
        raise FetchError(f"The site's robots.txt answered {answer.status}.")
    rules = urllib.robotparser.RobotFileParser()
    rules.parse(answer.text().splitlines())
    return rules.can_fetch(ROBOTS_AGENT, url)
