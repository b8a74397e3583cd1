"""Deployment checks of our own, run by `nextround check --deploy`."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def https_needs_a_trusted_proxy(app_configs, **kwargs):
    """HTTPS is done by a proxy in front; without trusting it every request looks like http."""
    if settings.HTTPS and not settings.TRUSTED_PROXY:
        return [
            Error(
                "NEXTROUND_HTTPS=1 is set but NEXTROUND_TRUSTED_PROXY is not.",
                hint=(
                    "Set NEXTROUND_TRUSTED_PROXY to the address of the proxy that handles "
                    "https, or every request is redirected to https again and again."
                ),
                id="nextround.E001",
            )
        ]
    return []
