"""``mailto:`` links: every drafted message opens the person's own mail program through one."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django.http import HttpResponseRedirect


def mailto_link(to: str | Iterable[str], subject: str, body: str) -> str:
    """A ``mailto:`` address with subject and body, each encoded for the link (RFC 6068).

    ``to`` is one address, several separated by commas, or a list of them.
    Line ends are plain newlines, as the browser's own link has them, whether
    the text came from a submitted form (which sends CR LF) or from a draft.
    """
    body = body.replace("\r\n", "\n")
    addresses = to.split(",") if isinstance(to, str) else list(to)
    recipients = ",".join(quote(address.strip(), safe="@") for address in addresses if address)
    return f"mailto:{recipients}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


class MailtoRedirect(HttpResponseRedirect):
    """Send the browser on to the mail program, once the edits are kept."""

    allowed_schemes = ["mailto"]
