"""One search box: every word typed, across the account, through every door."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.home import search
from nextround.home.models import SearchEntry
from nextround.home.portability import export_user, import_user
from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.feedback.factories import FeedbackFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(user):
    """One of each kind, with words found nowhere else."""
    organisation = OrganisationFactory(
        owner=user, name="Musée des Tisserands", notes="Lace archive"
    )
    application = ApplicationFactory(
        owner=user, organisation=organisation, role="Assistant Curator", notes="Loom gallery"
    )
    return {
        "organisation": organisation,
        "application": application,
        "contact": ContactFactory(
            owner=user, name="Priya Okonkwo", role="Keeper of Textiles", notes="Met at a symposium"
        ),
        "question": QuestionFactory(
            owner=user,
            text="Tell me about a time you rescued a damaged object",
            star_action="Humidified the parchment slowly",
        ),
        "interview": InterviewFactory(
            owner=user, application=application, notes="They asked about dehumidifiers"
        ),
        "feedback": FeedbackFactory(
            owner=user, application=application, text="Strong on cataloguing, weaker on budgets"
        ),
    }


def found(user, query: str) -> set[tuple[str, int]]:
    return {(result.kind, result.id) for result in search.search(user, query)}


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("lace", "organisation"),
        ("loom", "application"),
        ("keeper textiles", "contact"),
        ("parchment", "question"),
        ("dehumidifiers", "interview"),
        ("cataloguing budgets", "feedback"),
    ],
)
def test_every_kind_is_found_by_a_word_of_its_own(user, records, query, kind):
    assert (kind, records[kind].pk) in found(user, query)


def test_every_word_must_be_there_each_as_the_start_of_a_word(user, records):
    application = records["application"]
    # "curat" starts "Curator"; "tisser" starts a word of the organisation's name.
    assert ("application", application.pk) in found(user, "curat tisser")
    assert ("application", application.pk) not in found(user, "curator porcelain")
    assert found(user, "urator") == set()


def test_case_and_accents_do_not_matter(user, records):
    organisation = records["organisation"]
    assert ("organisation", organisation.pk) in found(user, "MUSEE")
    assert ("organisation", organisation.pk) in found(user, "musée")


def test_another_accounts_records_are_never_found(user, other_user, records):
    assert found(other_user, "lace") == set()
    OrganisationFactory(owner=other_user, name="Lace Museum")
    assert {kind for kind, _ in found(user, "lace")} == {"organisation"}
    assert len(found(user, "lace")) == 1


def test_changes_and_deletions_are_followed(user, records):
    organisation = records["organisation"]
    organisation.name = "Weavers' Hall"
    organisation.save()
    # The application's title names its organisation: it follows the rename.
    assert ("application", records["application"].pk) in found(user, "weavers curator")
    assert found(user, "tisserands") == set()
    records["question"].delete()
    assert found(user, "parchment") == set()
    records["application"].delete()  # its interviews and feedback go with it
    assert found(user, "dehumidifiers") == set()
    assert found(user, "cataloguing") == set()


def test_titles_and_addresses(user, records):
    results = {result.kind: result for result in search.search(user, "curator")}
    assert results["application"].title == "Assistant Curator at Musée des Tisserands"
    assert results["application"].url == f"/applications/{records['application'].pk}/"
    assert results["interview"].title.startswith("First interview: Assistant Curator")
    contact = search.search(user, "priya")[0]
    assert contact.detail == "Keeper of Textiles"


@pytest.mark.parametrize(
    "query",
    ['"', "*", "NEAR(", "a AND OR NOT", "-", "':*", "\\", "()", "&|!", "🙂", "x" * 500, "   "],
)
def test_what_the_index_reads_as_syntax_is_never_an_error(user, records, query):
    search.search(user, query)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=80))
def test_any_text_is_a_search(user, query):
    search.search(user, query)


def test_one_search_is_a_few_queries_however_many_records(user, records):
    for number in range(30):
        ApplicationFactory(owner=user, role=f"Curator {number}")
    with CaptureQueriesContext(connection) as queries:
        results = search.search(user, "curator")
    assert len(results) > 30
    assert len(queries) == 2


def test_rebuild_makes_the_same_entries(user, other_user, records):
    before = set(SearchEntry.objects.values_list("kind", "object_id", "words_title", "words_body"))
    OrganisationFactory(owner=other_user, name="Other Museum")
    assert search.rebuild(user) == len(before)
    after = set(
        SearchEntry.objects.filter(owner=user).values_list(
            "kind", "object_id", "words_title", "words_body"
        )
    )
    assert after == before
    assert ("application", records["application"].pk) in found(user, "loom")
    assert found(other_user, "other")


def test_an_imported_account_can_be_searched(user, records):
    document = export_user(user)
    newcomer = UserFactory()
    import_user(newcomer, json.loads(json.dumps(document, default=str)))
    assert {kind for kind, _ in found(newcomer, "curator")} == {
        "application",
        "interview",
        "feedback",
    }


# The doors: the page, the API, the command line.


def test_the_page_groups_results_under_their_kind(user_client, records):
    response = user_client.get("/search/", {"q": "curator"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Applications" in text and "Interview notes" in text
    assert f'href="/applications/{records["application"].pk}/"' in text
    assert "3 matches for “curator”." in text


def test_the_page_says_kindly_when_nothing_is_found(user_client, records):
    text = user_client.get("/search/", {"q": "porcelain"}).content.decode()
    assert "Nothing holds all of “porcelain”" in text
    assert "1 match for “loom”." in user_client.get("/search/", {"q": "loom"}).content.decode()


def test_the_header_has_the_search_box(user_client):
    text = user_client.get("/").content.decode()
    assert 'role="search"' in text and 'action="/search/"' in text


def test_the_page_needs_a_login(client):
    response = client.get("/search/", {"q": "x"})
    assert response.status_code == 302


def test_the_api_answers_kind_id_title_url(user, api, records):
    response = api.get("/api/v1/search", q="curator")
    assert response.status_code == 200
    items = response.json()
    assert {item["kind"] for item in items} == {"application", "interview", "feedback"}
    application = next(item for item in items if item["kind"] == "application")
    assert application == {
        "kind": "application",
        "id": records["application"].pk,
        "title": "Assistant Curator at Musée des Tisserands",
        "detail": records["application"].applied_on.strftime("Applied %-d %B %Y"),
        "url": f"/applications/{records['application'].pk}/",
    }
    assert api.get("/api/v1/search", q="curator", limit=1).json()[:1] == items[:1]


@pytest.mark.parametrize(
    "params", [{}, {"q": "x" * 201}, {"q": "a", "limit": 0}, {"q": "a", "limit": "many"}]
)
def test_the_api_refuses_a_bad_search_naming_the_field(api, params):
    response = api.get("/api/v1/search", **params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_the_command_line_prints_one_line_a_result(user, records, capsys):
    call_command("search", "curator", "--user", user.username)
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    assert {line.split("\t")[0] for line in lines} == {"application", "interview", "feedback"}


def test_the_command_line_refuses_an_empty_search(user):
    with pytest.raises(CommandError, match="words"):
        call_command("search", "--user", user.username)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own text search")
def test_postgresql_searches_through_its_full_text_index(user, records):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        # With few rows the planner rightly prefers the owner's index; without
        # the owner, only the text index can answer the words.
        every_account = search.PG_SEARCH.replace("owner_id = %s AND ", "")
        cursor.execute("EXPLAIN " + every_account, ["curat:*", 50])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "home_searchentry_words" in plan, plan
