"""Never a door into the network: private, loopback and link-local addresses
are refused before any byte is sent, at the first hop and after a redirect.

Only 127.0.0.1 ever receives traffic here: every other address is refused
by the check that runs before connecting.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

from nextround.vacancies import fetching
from nextround.vacancies.watching import check_due_watches
from tests.factories import OrganisationFactory

REFUSED = [
    "http://127.0.0.1/jobs",
    "http://10.1.2.3/jobs",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/jobs",
    "http://192.168.0.10/jobs",
    "http://[::ffff:127.0.0.1]/jobs",
    "http://0.0.0.0/jobs",
]


@pytest.fixture
def no_connections(monkeypatch):
    """Fail the test if anything tries to open a connection."""
    attempts = []

    def refuse(address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"tried to connect to {address}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.mark.parametrize("url", REFUSED)
def test_private_addresses_are_refused_before_connecting(url, settings, no_connections):
    settings.WATCH_ALLOW_PRIVATE = False

    with pytest.raises(fetching.Refused, match="private network"):
        fetching.fetch(url)

    assert no_connections == []


def test_a_name_that_resolves_inside_the_network_is_refused(settings, monkeypatch, no_connections):
    settings.WATCH_ALLOW_PRIVATE = False
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda *args, **kwargs: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80))],
    )

    with pytest.raises(fetching.Refused):
        fetching.fetch("http://intranet.example.org/jobs")

    assert no_connections == []


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/", "http://169.254.169.254/", "http://[::1]:9/", "http://127.0.0.1:9/"],
)
def test_a_redirect_into_the_network_is_refused(target, site, settings, monkeypatch):
    settings.WATCH_ALLOW_PRIVATE = False
    # The fixture site stands in for a public one: 127.0.0.1 on its own port
    # passes the check; every other address is judged for real.
    port = int(site.base.rsplit(":", 1)[1])
    real = fetching.is_public

    def fixture_site_is_public(ip, host_port):
        return (str(ip) == "127.0.0.1" and host_port == port) or real(ip, host_port)

    monkeypatch.setattr(fetching, "is_public", fixture_site_is_public)
    site.redirect("/jobs", target)

    with pytest.raises(fetching.Refused):
        fetching.fetch(site.url("/jobs"))

    assert site.hits["/jobs"] == 1


def test_a_refused_watch_is_reported_not_raised(settings, user, client_for, no_connections):
    settings.WATCH_ALLOW_PRIVATE = False
    organisation = OrganisationFactory(owner=user, vacancies_url="http://10.0.0.1/jobs")

    report = check_due_watches()

    assert "private network" in report.failures[0]
    page = client_for(user).get(organisation.get_absolute_url())
    assert page.status_code == 200
    assert "private network" in page.content.decode()


@pytest.mark.parametrize("address", ["8.8.8.8", "2a00:1450:4009:81f::200e"])
def test_public_addresses_pass_the_check(address):
    assert fetching.is_public(ipaddress.ip_address(address), 443)
