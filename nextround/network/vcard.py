"""vCard out and in: contacts written as vCard 3.0 (RFC 2426), read from 2.1, 3.0 or 4.0.

Content lines are icalendar's: it folds lines at 75 octets without splitting
a character or an escape (``Contentline.to_ical``), unfolds them
(``Contentlines``), splits a line into name, parameters and value with
quoted parameters that may hold ``:`` (``Contentline.raw_parts``), and
unescapes and splits values (``unescape_backslash``,
``split_on_unescaped_semicolon``).

What stays ours, and why:

- ``escape_text``: icalendar's TEXT escaping rewrites a literal ``\\N`` in a
  note as a line break, so a note would not come back as it was written;
- vCard 2.1, which icalendar does not read: bare parameters
  (``EMAIL;INTERNET;PREF:``) are given their ``TYPE=`` before parsing, and
  quoted-printable values (with their ``=`` soft line breaks) are decoded here;
- the group prefix (``item1.URL``), which icalendar keeps in the name;
- what a card means for a Contact: names, the preferred email, which network
  a link belongs to, and the faults listed for the person.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from icalendar.parser import (
    Contentline,
    Contentlines,
    split_on_unescaped_semicolon,
    unescape_backslash,
)

from nextround.network.models import Network

VCARD_CONTENT_TYPE = "text/vcard; charset=utf-8"
NAME_LIMIT = 200
TEXT_LIMIT = 200

# Where a profile lives, recognised by the address when a card only says URL.
_HOSTS = {
    Network.LINKEDIN: ("linkedin.com",),
    Network.BLUESKY: ("bsky.app",),
    Network.X: ("x.com", "twitter.com"),
}


# -- writing -------------------------------------------------------------------


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, comma, semicolon and line breaks."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold one content line into pieces of at most 75 octets, never splitting a character."""
    return Contentline(line).to_ical().decode("utf-8")


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) for the N property: the last word is taken as the family name."""
    words = name.split()
    if len(words) < 2:
        return name.strip(), ""
    return words[-1], " ".join(words[:-1])


def contact_to_vcard(contact) -> str:
    """One contact as a vCard 3.0 block, lines ending CRLF."""
    family, given = _split_name(contact.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{escape_text(contact.name)}",
        f"N:{escape_text(family)};{escape_text(given)};;;",
    ]
    if contact.organisation_id:
        lines.append(f"ORG:{escape_text(contact.organisation.name)}")
    if contact.role:
        lines.append(f"TITLE:{escape_text(contact.role)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{contact.email}")
    links = contact.links or {}
    for network in Network:
        url = links.get(network.value)
        if not url:
            continue
        if network == Network.WEBSITE:
            lines.append(f"URL:{url}")
        else:
            # The property Apple and others use for social profiles in 3.0 cards.
            lines.append(f"X-SOCIALPROFILE;TYPE={network.value}:{url}")
    if contact.notes:
        lines.append(f"NOTE:{escape_text(contact.notes)}")
    lines.append("END:VCARD")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def contacts_to_vcard(contacts: Iterable) -> str:
    """Many contacts as one .vcf file."""
    return "".join(contact_to_vcard(contact) for contact in contacts)


# -- reading -------------------------------------------------------------------


@dataclass
class ContentLine:
    name: str
    params: dict[str, list[str]]
    value: str


@dataclass
class Card:
    """What one vCard says about a person, in Contact's terms, with its faults."""

    number: int
    name: str = ""
    role: str = ""
    organisation: str = ""
    email: str = ""
    links: dict[str, str] = field(default_factory=dict)
    notes: str = ""
    errors: list[str] = field(default_factory=list)


class NotAVCard(ValueError):
    """The file as a whole cannot be read as vCards."""


def unescape_text(value: str) -> str:
    """Undo TEXT escaping: ``\\n`` to a line break, ``\\,`` ``\\;`` ``\\\\`` to themselves."""
    return unescape_backslash(value)


def unfold(text: str) -> list[str]:
    """Physical lines to logical content lines.

    A line starting with a space or tab continues the one before (RFC 6350
    §3.2). vCard 2.1's quoted-printable values continue instead with a
    trailing ``=``.
    """
    # icalendar splits on CRLF and LF; old Mac address books end lines with CR.
    text = re.sub(r"\r(?!\n)", "\n", text)
    try:
        unfolded = Contentlines.from_ical(text)
    except ValueError as fault:
        raise NotAVCard("This file is not a vCard: it has lines outside any card.") from fault
    lines: list[str] = []
    for line in unfolded:
        if lines and lines[-1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1].upper():
            lines[-1] = lines[-1][:-1] + line
        elif line.strip():
            lines.append(str(line))
    return lines


def _with_types_named(line: str) -> str:
    """vCard 2.1's bare parameters (``EMAIL;INTERNET;PREF:``) as ``TYPE=`` ones."""
    colon = Contentline(line).value_separator_index()
    head, rest = line[:colon], line[colon:]
    name, *params = head.split(";")
    params = [param if "=" in param else f"TYPE={param}" for param in params]
    return ";".join([name, *params]) + rest


def parse_line(line: str) -> ContentLine:
    """``group.NAME;PARAM=a,b;TYPE=x:value`` into its parts; quoted parameters may hold ``:``.

    The value is returned as written (still escaped), since structured
    values are split before they are unescaped.
    """
    if Contentline(line).value_separator_index() < 0:
        raise ValueError(f"This line has no value: {line[:60]!r}")
    try:
        name, parameters, value = Contentline(line).raw_parts()
    except ValueError:
        try:
            name, parameters, value = Contentline(_with_types_named(line)).raw_parts()
        except ValueError as fault:
            raise ValueError(f"This line could not be read: {line[:60]!r}") from fault
    name = name.split(".")[-1].upper()
    params: dict[str, list[str]] = {}
    for key, values in parameters.items():
        values = values if isinstance(values, list) else [values]
        params.setdefault(key.upper(), []).extend(str(v).strip() for v in values)
    if "QUOTED-PRINTABLE" in [v.upper() for v in params.get("ENCODING", [])]:
        charset = (params.get("CHARSET") or ["utf-8"])[0]
        try:
            value = quopri.decodestring(value.encode("ascii", "replace")).decode(charset)
        except (LookupError, UnicodeDecodeError) as fault:
            raise ValueError(f"The {name} value cannot be decoded.") from fault
    return ContentLine(name=name, params=params, value=value)


def _types(line: ContentLine) -> set[str]:
    return {v.lower() for key in ("TYPE", "SERVICE-TYPE") for v in line.params.get(key, []) if v}


def _network_for(line: ContentLine, url: str) -> str | None:
    """Which network a URL or social profile belongs to, or None for a plain website."""
    for network_type in _types(line):
        if network_type in Network.values:
            return network_type
        if network_type == "twitter":
            return Network.X
    lowered = url.lower()
    for network, hosts in _HOSTS.items():
        if any(f"://{host}" in lowered or f".{host}" in lowered for host in hosts):
            return network
    if line.name in ("X-SOCIALPROFILE", "SOCIALPROFILE") and "/@" in url:
        return Network.MASTODON
    return None


def _check_url(card: Card, label: str, url: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        card.errors.append(f"The {label} link {url[:80]!r} is not a web address.")
        return False
    if len(url) > 500:
        card.errors.append(f"The {label} link is longer than 500 characters.")
        return False
    return True


def _card_from_lines(number: int, lines: list[ContentLine]) -> Card:
    card = Card(number=number)
    by_name: dict[str, list[ContentLine]] = {}
    for line in lines:
        by_name.setdefault(line.name, []).append(line)

    if by_name.get("FN"):
        card.name = unescape_text(by_name["FN"][0].value).strip()
    if not card.name and by_name.get("N"):
        family, given, *_ = [*split_on_unescaped_semicolon(by_name["N"][0].value), "", ""]
        card.name = " ".join(p for p in (given, family) if p).strip()
    if not card.name:
        card.errors.append("It has no name (FN or N).")
    elif len(card.name) > NAME_LIMIT:
        card.errors.append(f"The name is longer than {NAME_LIMIT} characters.")

    if by_name.get("TITLE"):
        card.role = unescape_text(by_name["TITLE"][0].value).strip()
    elif by_name.get("ROLE"):
        card.role = unescape_text(by_name["ROLE"][0].value).strip()
    if len(card.role) > TEXT_LIMIT:
        card.errors.append(f"The title is longer than {TEXT_LIMIT} characters.")
    if by_name.get("ORG"):
        card.organisation = split_on_unescaped_semicolon(by_name["ORG"][0].value)[0].strip()
        if len(card.organisation) > TEXT_LIMIT:
            card.errors.append(f"The organisation is longer than {TEXT_LIMIT} characters.")

    emails = by_name.get("EMAIL", [])
    # The preferred address first (PREF type in 2.1/3.0, PREF=1 in 4.0).
    emails.sort(key=lambda line: not ("pref" in _types(line) or "PREF" in line.params))
    if emails:
        email = emails[0].value.strip()
        email = email.removeprefix("mailto:")
        try:
            validate_email(email)
            card.email = email
        except ValidationError:
            card.errors.append(f"The email {email[:80]!r} is not an address.")

    for line in [
        *by_name.get("URL", []),
        *by_name.get("X-SOCIALPROFILE", []),
        *by_name.get("SOCIALPROFILE", []),
    ]:
        # Some address books escape URIs as if they were text (``https\\://…``).
        url = re.sub(r"\\([:,;\\])", r"\1", line.value.strip())
        network = _network_for(line, url) or Network.WEBSITE
        if network in card.links:
            continue
        label = Network(network).label
        if _check_url(card, label, url):
            card.links[network] = url

    notes = [unescape_text(line.value) for line in by_name.get("NOTE", [])]
    card.notes = "\n\n".join(n for n in notes if n.strip())
    if len(card.notes) > 20000:
        card.errors.append("The note is longer than 20,000 characters.")
    return card


def parse_vcards(text: str) -> list[Card]:
    """Every card in a .vcf file; a card's faults are listed on it, not raised.

    Raises NotAVCard when the file as a whole is not vCard: no cards at all,
    or a card left open.
    """
    text = text.removeprefix("\ufeff")
    cards: list[Card] = []
    current: list[ContentLine] | None = None
    faults: list[str] = []
    for line in unfold(text):
        try:
            content = parse_line(line)
        except ValueError as fault:
            if current is None:
                raise NotAVCard(
                    "This file is not a vCard: it has lines outside any card."
                ) from fault
            faults.append(str(fault))
            continue
        if content.name == "BEGIN" and content.value.strip().upper() == "VCARD":
            if current is not None:
                raise NotAVCard(f"Card {len(cards) + 1} has no END:VCARD.")
            current, faults = [], []
        elif content.name == "END" and content.value.strip().upper() == "VCARD":
            if current is None:
                raise NotAVCard("This file has an END:VCARD without a BEGIN:VCARD.")
            card = _card_from_lines(len(cards) + 1, current)
            card.errors[:0] = faults
            cards.append(card)
            current = None
        elif current is None:
            raise NotAVCard("This file is not a vCard: it has lines outside any card.")
        else:
            current.append(content)
    if current is not None:
        raise NotAVCard(f"Card {len(cards) + 1} has no END:VCARD.")
    if not cards:
        raise NotAVCard("This file has no contacts in it (no BEGIN:VCARD).")
    return cards


def decode_upload(data: bytes) -> str:
    """The text of an uploaded .vcf; vCards are UTF-8 (4.0 requires it)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as fault:
        raise NotAVCard(
            "This file is not UTF-8 text. Export it again from your address book as vCard."
        ) from fault
