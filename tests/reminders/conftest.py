from __future__ import annotations

import socket

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """What the SMTP server received: one envelope per message."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on 127.0.0.1, with Next Round's email pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_ENABLED = True
    settings.DEFAULT_FROM_EMAIL = "Next Round <plan@nextround.example.org>"
    settings.BASE_URL = "https://nextround.example.org"
    yield inbox
    controller.stop()
