"""The login throttle, as the first authentication backend."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class LoginThrottle(AxesStandaloneBackend):
    """django-axes' check, for logins that come through a web request.

    Without a request (a command, a test client) there is no address and no
    form to throttle, so this backend steps aside and the password check
    goes on as usual.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
