"""Reading postings out of pages: only web addresses, in every shape JSON-LD takes."""

from __future__ import annotations

import json

from nextround.vacancies.parsing import job_postings, posting_links, read_postings

PAGE = "https://museum.example.org/jobs"


def page_with(data) -> str:
    return f'<html><script type="application/ld+json">{json.dumps(data)}</script></html>'


def test_postings_inside_a_graph_are_found_and_remote_work_is_named():
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Jobs"},
            {
                "@type": "JobPosting",
                "title": "Digital Archivist",
                "url": "https://museum.example.org/jobs/digital-archivist",
                "jobLocationType": "TELECOMMUTE",
                "baseSalary": {"currency": "GBP", "value": {"value": 31000, "unitText": "YEAR"}},
            },
        ],
    }

    [posting] = job_postings(page_with(data), PAGE)

    assert posting.title == "Digital Archivist"
    assert posting.location == "Remote"
    assert posting.salary == "GBP 31,000 a year"


def test_a_script_address_in_jobposting_data_is_never_kept():
    data = {"@type": "JobPosting", "title": "Curator", "url": "javascript:alert(1)"}
    [posting] = job_postings(page_with(data), PAGE)
    assert posting.url == PAGE


def test_an_impossible_closing_date_is_left_out():
    data = {"@type": "JobPosting", "title": "Curator", "validThrough": "0001-01-01"}
    [posting] = job_postings(page_with(data), PAGE)
    assert posting.closes_on is None


def test_broken_json_ld_is_skipped_not_fatal():
    text = '<script type="application/ld+json">{"@type": "JobPosting", </script>'
    assert job_postings(text, PAGE) == []


def test_feed_entries_with_script_links_are_dropped():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>Bad</title><link>javascript:alert(1)</link></item>
    <item><title>Good</title><link>https://museum.example.org/jobs/1</link></item>
    </channel></rss>"""
    kind, postings = read_postings(feed, feed.decode(), "application/rss+xml", PAGE)
    assert kind == "feed"
    assert [posting.title for posting in postings] == ["Good"]


def test_only_posting_like_links_on_the_same_site_count():
    text = """
      <a href="/jobs">Jobs</a>
      <a href="/jobs/keeper">Keeper of Art</a>
      <a href="/about">About</a>
      <a href="/vacancies/123">Front of House</a>
      <a href="https://other.example.com/jobs/1">Elsewhere</a>
      <a href="javascript:void(0)">Apply</a>
      <a href="/jobs/keeper#apply">Keeper of Art again</a>
    """
    assert posting_links(text, PAGE) == [
        ("https://museum.example.org/jobs/keeper", "Keeper of Art"),
        ("https://museum.example.org/vacancies/123", "Front of House"),
    ]


def test_json_ld_nested_beyond_reason_is_skipped():
    text = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    assert job_postings(text, PAGE) == []
