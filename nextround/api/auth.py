"""Who is calling: a personal access token, or the browser's own session."""

from __future__ import annotations

from django.core.cache import caches
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from nextround.accounts.models import ApiToken, hash_token

# Wrong tokens from one address, per minute, before it is told to wait.
# Tokens are long and random, so this only slows someone trying many; the
# count is kept in the data dir, so every worker process adds to the same one.
WRONG_TOKENS_PER_MINUTE = 30
TOO_MANY = "Too many wrong tokens from this address. Wait a minute and check the token."


def _wrong_token_key(request) -> str:
    minute = int(timezone.now().timestamp() // 60)
    return f"wrong-token:{request.META.get('REMOTE_ADDR', '')}:{minute}"


class PersonalAccessToken(HttpBearer):
    """``Authorization: Bearer nr_…``; revoked or unknown tokens are refused with 401.

    An address that keeps sending wrong tokens is answered 429 for the rest
    of the minute, before any lookup.
    """

    def authenticate(self, request, token: str):
        key = _wrong_token_key(request)
        cache = caches["shared"]
        if cache.get(key, 0) >= WRONG_TOKENS_PER_MINUTE:
            raise HttpError(429, TOO_MANY)
        found = (
            ApiToken.objects.active()
            .select_related("user")
            .filter(token_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if found is None:
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, timeout=120)
            return None
        now = timezone.now()
        # Write at most once a minute so a busy client does not turn every
        # read into a write.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


API_AUTH = [PersonalAccessToken(), django_auth]
