from django.test import Client


def test_a_missing_page_is_explained_in_the_sites_own_words(user_client):
    response = user_client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"This page is not here" in response.content
    assert b"nextround.css" in response.content


def test_the_server_error_page_renders_without_a_request(db):
    from django.template.loader import render_to_string

    assert "Something went wrong" in render_to_string("500.html")


def test_a_form_without_its_csrf_token_gets_a_kind_explanation(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/organisations/new/", {"name": "Harbour Gallery", "kind": "gallery"})
    assert response.status_code == 403
    assert b"reload the page and try again" in response.content


def test_an_id_too_large_for_the_database_is_refused_not_a_crash(user, user_client):
    from nextround.jobs.models import Interview

    response = user_client.post(
        "/interviews/new/",
        {
            "application": 2**70,
            "starts_at": "2026-12-01T10:00",
            "format": "video",
            "panel": [2**70],
        },
    )
    # SQLite overflows (the guard answers 400); PostgreSQL finds no such row
    # (the form names the field). Either way: no crash, nothing saved.
    assert response.status_code in (200, 400)
    assert not Interview.objects.filter(owner=user).exists()


def test_the_guard_turns_an_overflow_into_a_bad_request(rf, user):
    from nextround.core.middleware import OutOfRangeMiddleware

    request = rf.post("/interviews/new/")
    request.user = user
    guard = OutOfRangeMiddleware(lambda request: None)
    response = guard.process_exception(request, OverflowError("too large"))
    response.render()
    assert response.status_code == 400
    assert b"could not be understood" in response.content
    assert guard.process_exception(request, KeyError("other")) is None
