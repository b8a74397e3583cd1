"""The content policy is sent and enforced: an injected inline script never runs."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_injected_inline_script_is_refused(chromium_browser, live_server, user, log_in):
    context = chromium_browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    messages = []
    tab.on("console", lambda message: messages.append(message.text))
    log_in(tab, user)
    tab.goto("/")
    tab.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.append(script);
        }"""
    )
    assert tab.evaluate("() => window.injected === undefined")
    assert any("Content Security Policy" in text for text in messages)
    context.close()
