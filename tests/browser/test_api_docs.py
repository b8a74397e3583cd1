"""The API docs work offline: Swagger UI comes from the app, not from a CDN."""

from urllib.parse import urlsplit


def test_the_api_docs_render_without_reaching_another_host(page, live_server, db):
    ours = urlsplit(live_server.url).netloc
    elsewhere = []

    def only_ours(route):
        if urlsplit(route.request.url).netloc == ours:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_ours)
    page.goto("/api/v1/docs")
    # Swagger UI has drawn the operations from our OpenAPI document.
    page.locator(".opblock-summary-path", has_text="/api/v1/applications").first.wait_for()
    assert page.locator(".opblock").count() > 10
    assert elsewhere == []
