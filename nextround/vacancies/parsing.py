"""Read postings out of what a vacancies address served.

In order, the first that finds anything wins: an RSS or Atom feed
(feedparser, which knows their many dialects); schema.org ``JobPosting``
data in the page's JSON-LD; and failing both, the page's links that look
like postings. Each reader is bounded: a few hundred postings at most, and
JSON-LD blocks past a size are skipped rather than parsed.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser

from nextround.jobs.models import Contract

MAX_POSTINGS = 200
MAX_JSON_LD_BYTES = 512 * 1024
MAX_LINKS = 2000

# Words in a link's address or text that say "this is a job advert".
POSTING_WORDS = re.compile(
    r"\b(jobs?|vacanc(y|ies)|careers?|positions?|posts?|roles?|opportunit(y|ies)|recruit\w*|"
    r"traineeships?|internships?|apply)\b|/(job|jobs|vacancies|vacancy|careers|posting)s?[/-]",
    re.IGNORECASE,
)
CONTRACTS = {
    "FULL_TIME": Contract.PAID,
    "PART_TIME": Contract.PAID,
    "TEMPORARY": Contract.FIXED_TERM,
    "CONTRACTOR": Contract.FREELANCE,
    "INTERN": Contract.INTERNSHIP,
    "VOLUNTEER": Contract.VOLUNTARY,
}


@dataclass
class Posting:
    """One job advert, with whatever of its details the source gave."""

    title: str
    url: str
    organisation_name: str = ""
    closes_on: datetime.date | None = None
    salary: str = ""
    location: str = ""
    contract: str = ""
    extra: dict = field(default_factory=dict)


def _clip(text: str | None, length: int) -> str:
    return " ".join(str(text or "").split())[:length]


def read_postings(body: bytes, text: str, content_type: str, page_url: str) -> tuple[str, list]:
    """The postings a page holds, and how they were found: "feed", "jobposting" or "links".

    For "links" the list holds ``(url, text)`` pairs of posting-like links,
    to be compared with the last visit; the other two give ``Posting``s.
    """
    if _looks_like_feed(body, content_type):
        parsed = feedparser.parse(body)
        if parsed.get("version") and parsed.entries:
            return "feed", _feed_postings(parsed, page_url)
    postings = job_postings(text, page_url)
    if postings:
        return "jobposting", postings
    return "links", posting_links(text, page_url)


def _looks_like_feed(body: bytes, content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    if kind in {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"}:
        return True
    start = body[:512].lstrip().lower()
    return start.startswith(b"<?xml") or start.startswith(b"<rss") or start.startswith(b"<feed")


def _feed_postings(parsed, page_url: str) -> list[Posting]:
    postings = []
    for entry in parsed.entries[:MAX_POSTINGS]:
        link = entry.get("link") or ""
        title = _clip(entry.get("title"), 300)
        url = urldefrag(urljoin(page_url, link))[0]
        if not title or urlsplit(url).scheme not in {"http", "https"}:
            continue
        postings.append(Posting(title=title, url=url[:1000]))
    return postings


class _PageReader(HTMLParser):
    """Collects JSON-LD blocks and links from HTML, without running anything."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.json_ld: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._in_json_ld = False
        self._json_parts: list[str] = []
        self._link: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and (attributes.get("type") or "").lower() == "application/ld+json":
            self._in_json_ld = True
            self._json_parts = []
        elif tag == "a" and attributes.get("href") and len(self.links) < MAX_LINKS:
            self._link = attributes["href"]
            self._link_text = []

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self._in_json_ld = False
            self.json_ld.append("".join(self._json_parts))
        elif tag == "a" and self._link is not None:
            self.links.append((self._link, " ".join("".join(self._link_text).split())))
            self._link = None

    def handle_data(self, data):
        if self._in_json_ld:
            self._json_parts.append(data)
        elif self._link is not None:
            self._link_text.append(data)


def _read_page(text: str) -> _PageReader:
    reader = _PageReader()
    reader.feed(text)
    reader.close()
    return reader


def job_postings(text: str, page_url: str) -> list[Posting]:
    """The schema.org ``JobPosting`` items in a page's JSON-LD, or in JSON-LD pasted alone."""
    stripped = text.lstrip()
    blocks = [stripped] if stripped.startswith(("{", "[")) else _read_page(text).json_ld
    postings = []
    for block in blocks:
        if len(block) > MAX_JSON_LD_BYTES:
            continue
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            # Broken, or nested deep enough to be an attack: not an advert.
            continue
        for item in _job_items(data):
            posting = _posting_from(item, page_url)
            if posting:
                postings.append(posting)
            if len(postings) >= MAX_POSTINGS:
                return postings
    return postings


def _job_items(data, depth: int = 0):
    """Every dict typed JobPosting, looking into lists and ``@graph``."""
    if depth > 5:
        return
    if isinstance(data, list):
        for item in data:
            yield from _job_items(item, depth + 1)
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "JobPosting" in kinds:
            yield data
        elif "@graph" in data:
            yield from _job_items(data["@graph"], depth + 1)


def _posting_from(item: dict, page_url: str) -> Posting | None:
    title = _clip(_text(item.get("title") or item.get("name")), 300)
    if not title:
        return None
    url = urldefrag(urljoin(page_url, _text(item.get("url")) or page_url))[0]
    if urlsplit(url).scheme not in {"http", "https"}:
        # Only a web address can be opened; a script link never reaches a page.
        url = page_url
    organisation = item.get("hiringOrganization")
    organisation_name = _text(
        organisation.get("name") if isinstance(organisation, dict) else organisation
    )
    kinds = item.get("employmentType")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    contract = next((CONTRACTS[k] for k in kinds if isinstance(k, str) and k in CONTRACTS), "")
    return Posting(
        title=title,
        url=url[:1000],
        organisation_name=_clip(organisation_name, 200),
        closes_on=_date(item.get("validThrough")),
        salary=_clip(_salary(item.get("baseSalary")), 200),
        location=_clip(_location(item), 200),
        contract=contract,
    )


def _text(value) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)):
        return str(value)
    return ""


def _date(value) -> datetime.date | None:
    text = _text(value)
    if not text:
        return None
    try:
        found = datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None
    # Years outside the range every door accepts are slips in the advert.
    return found if 1900 <= found.year <= 2999 else None


def _amount(value) -> str:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return _text(value)
    if not number.is_finite():
        return ""
    return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,.2f}"


def _salary(value) -> str:
    """``baseSalary`` as a person writes it: "GBP 24,000 to 26,000 a year"."""
    if isinstance(value, (str, int, float)):
        return _text(value)
    if not isinstance(value, dict):
        return ""
    currency = _text(value.get("currency"))
    inner = value.get("value")
    unit = ""
    if isinstance(inner, dict):
        unit = _text(inner.get("unitText")).lower()
        if inner.get("minValue") is not None and inner.get("maxValue") is not None:
            amount = f"{_amount(inner['minValue'])} to {_amount(inner['maxValue'])}"
        else:
            amount = _amount(inner.get("value") or inner.get("minValue") or "")
    else:
        amount = _amount(inner) if inner is not None else ""
    if not amount:
        return ""
    units = {
        "year": "a year",
        "month": "a month",
        "week": "a week",
        "day": "a day",
        "hour": "an hour",
    }
    return " ".join(part for part in (currency, amount, units.get(unit, "")) if part)


def _location(item: dict) -> str:
    places = item.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    names = []
    for place in places:
        if not isinstance(place, dict):
            continue
        address = place.get("address")
        if isinstance(address, dict):
            parts = [_text(address.get(key)) for key in ("addressLocality", "addressRegion")]
            name = ", ".join(part for part in parts if part)
        else:
            name = _text(address) or _text(place.get("name"))
        if name and name not in names:
            names.append(name)
    if not names and _text(item.get("jobLocationType")).upper() == "TELECOMMUTE":
        names.append("Remote")
    return "; ".join(names)


def posting_links(text: str, page_url: str) -> list[tuple[str, str]]:
    """Links on the page that look like job adverts, as absolute ``(url, text)`` pairs.

    Links elsewhere (another site), back to the page itself, or with no
    text are left out; so is anything that is not http(s).
    """
    page = urldefrag(page_url)[0]
    site = urlsplit(page_url).netloc.lower()
    found: dict[str, str] = {}
    for href, label in _read_page(text).links:
        url = urldefrag(urljoin(page_url, href.strip()))[0]
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or parts.netloc.lower() != site:
            continue
        if url == page or not label or url in found:
            continue
        if POSTING_WORDS.search(parts.path) or POSTING_WORDS.search(label):
            found[url[:1000]] = label[:300]
    return list(found.items())[:MAX_POSTINGS]
