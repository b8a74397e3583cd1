"""Every page carries a content policy and a permissions policy."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["today", "jobs:applications", "accounts:settings"])
def test_pages_send_a_strict_content_policy(user_client, name):
    response = user_client.get(reverse(name))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["form-action"].startswith("'self'")
    assert "camera=()" in response["Permissions-Policy"]


def test_the_login_page_has_them_too(client, user):
    response = client.get(reverse("accounts:login"))
    assert "Content-Security-Policy" in response
    assert "Permissions-Policy" in response
