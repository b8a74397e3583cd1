"""Who is calling: a personal access token, or the browser's own session."""

from __future__ import annotations

from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from nextround.accounts.models import ApiToken, hash_token


class PersonalAccessToken(HttpBearer):
    """``Authorization: Bearer nr_…``; revoked or unknown tokens are refused with 401."""

    def authenticate(self, request, token: str):
        found = (
            ApiToken.objects.active()
            .select_related("user")
            .filter(token_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        # Write at most once a minute so a busy client does not turn every
        # read into a write.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


API_AUTH = [PersonalAccessToken(), django_auth]
