"""Another user's object is 404 on every page and every API route that names one.

This test walks the whole site: every URL pattern Django resolves and every
operation in the API's OpenAPI schema. Each URL parameter is filled with an
object that belongs to someone else, and the answer must be 404 (a 405 for
the wrong method is fine: it is decided before any lookup), with nothing of
theirs changed or deleted.

ADDING A URL OR ROUTE WITH A NEW PARAMETER? Register it in ``PARAMETERS``
below: parameter name -> a function ``(victim, where)`` that makes one of the
victim's objects and returns what goes in the URL. ``where`` is the URL asking
(``where.name`` like "feedback:winner_tag" or "api:/skills/{skill_id}",
``where.defaults`` its extra view arguments), for a name that means different
objects in different places. Parameters that name no owned object go in
``NOT_OBJECTS`` with the reason. Until you register it,
``test_every_url_parameter_is_known`` fails, on purpose: an unregistered
parameter is an ownership check nobody ran.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from nextround.accounts.models import ApiToken
from nextround.api.urls import api
from tests.expenses.factories import ExpenseFactory
from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.feedback.factories import (
    FeedbackFactory,
    GapMentionFactory,
    ImprovementActionFactory,
    SkillFactory,
    SuccessfulCandidateFactory,
)
from tests.happybox.factories import HappyItemFactory
from tests.network.factories import InteractionFactory
from tests.playbook.factories import ActionFactory
from tests.questions.factories import QuestionFactory, QuestionToAskFactory
from tests.vacancies.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def _feedback_record(victim, where):
    """Tagging routes serve both feedback and who got the job, told apart by ``kind``."""
    if where.defaults.get("kind") == "winner":
        return SuccessfulCandidateFactory(owner=victim).pk
    return FeedbackFactory(owner=victim).pk


PARAMETERS: dict[str, Callable] = {
    "organisation_id": lambda victim, where: OrganisationFactory(owner=victim).pk,
    "application_id": lambda victim, where: ApplicationFactory(owner=victim).pk,
    "interview_id": lambda victim, where: InterviewFactory(owner=victim).pk,
    "contact_id": lambda victim, where: ContactFactory(owner=victim).pk,
    "interaction_id": lambda victim, where: (
        InteractionFactory(contact=ContactFactory(owner=victim)).pk
    ),
    "token_id": lambda victim, where: ApiToken.issue(victim, "their laptop")[0].pk,
    "skill_id": lambda victim, where: SkillFactory(owner=victim).pk,
    "feedback_id": lambda victim, where: FeedbackFactory(owner=victim).pk,
    "candidate_id": lambda victim, where: SuccessfulCandidateFactory(owner=victim).pk,
    "record_id": _feedback_record,
    "mention_id": lambda victim, where: GapMentionFactory(owner=victim).pk,
    # Steps of the plan under /plan/ and /actions; improvement actions in feedback.
    "action_id": lambda victim, where: (
        ActionFactory(owner=victim).pk
        if where.name.startswith(("playbook:", "api:/actions"))
        else ImprovementActionFactory(owner=victim).pk
    ),
    "item_id": lambda victim, where: HappyItemFactory(owner=victim).pk,
    "expense_id": lambda victim, where: ExpenseFactory(owner=victim).pk,
    "question_id": lambda victim, where: QuestionFactory(owner=victim).pk,
    "ask_id": lambda victim, where: QuestionToAskFactory(owner=victim).pk,
    "vacancy_id": lambda victim, where: VacancyFactory(owner=victim).pk,
}

# Parameters that name no owned object, with the reason.
NOT_OBJECTS = {
    # The calendar feed is reached by its own unguessable secret, with no
    # login at all; playbook tests cover a wrong or regenerated secret.
    "secret",
    # The digest's unsubscribe link is reached by its own signed token, with
    # no login; reminders tests cover a forged token and another person's.
    "token",
}

API_PREFIX = "/api/v1"


@dataclass(frozen=True)
class Page:
    name: str
    route: str
    parameters: tuple[str, ...]
    defaults: dict = field(default_factory=dict, compare=False)


def _parameters(pattern) -> list[str]:
    return list(getattr(pattern, "converters", {}) or pattern.regex.groupindex)


def site_pages(
    patterns=None, prefix: str = "", namespace: str = "", parameters=()
) -> Iterator[Page]:
    """Every named URL pattern of the site, with the parameters of its full route."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        found = (*parameters, *_parameters(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from site_pages(entry.url_patterns, prefix + str(entry.pattern), inner, found)
        elif isinstance(entry, URLPattern):
            yield Page(
                f"{namespace}{entry.name}", prefix + str(entry.pattern), found, entry.default_args
            )


def is_api(page: Page) -> bool:
    return ("/" + page.route).startswith(API_PREFIX + "/")


def web_pages() -> list[Page]:
    return [page for page in site_pages() if page.parameters and not is_api(page)]


def api_operations() -> list[tuple[str, str, dict]]:
    """(method, path template, operation) for every API operation with a path parameter."""
    schema = api.get_openapi_schema()
    return [
        (method.upper(), path, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "{" in path
    ]


def test_every_url_parameter_is_known():
    """A new parameter must be registered above, so the walk below can fill it."""
    names = {name for page in site_pages() for name in page.parameters}
    names |= {name for _, path, _ in api_operations() for name in re.findall(r"{(\w+)}", path)}
    unknown = sorted(names - set(PARAMETERS) - NOT_OBJECTS)
    assert not unknown, (
        f"URL parameters {unknown} have no factory in tests/test_ownership.py PARAMETERS: "
        "register one so that another user's object is checked to be 404."
    )


def test_every_api_route_with_a_parameter_is_in_the_schema():
    """The API walk reads the schema, so a route hidden from it would be skipped."""
    in_schema = {re.sub(r"{(\w+)}", r"<\1>", path) for _, path, _ in api_operations()}
    routed = {
        "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", page.route)
        for page in site_pages()
        if is_api(page) and page.parameters
    }
    assert routed <= in_schema, f"API routes missing from the schema: {sorted(routed - in_schema)}"


def fill(person, parameters, where) -> dict:
    """A URL's parameters, each naming a new object of ``person``'s."""
    return {name: PARAMETERS[name](person, where) for name in parameters if name not in NOT_OBJECTS}


def everything_stored(acting_user) -> dict:
    """Every row of every table, except what the acting user's own visit may touch."""
    skip = {"sessions.session"}
    snapshot = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label_lower in skip:
            continue
        rows = model._default_manager.all()
        if model is ApiToken:
            rows = rows.exclude(user=acting_user)
        elif model._meta.label_lower == "accounts.user":
            rows = rows.exclude(pk=acting_user.pk)
        snapshot[model._meta.label] = list(rows.order_by("pk").values())
    return snapshot


def test_another_users_objects_are_not_found_on_any_page(user, client_for):
    victim = UserFactory(username="someone-else")
    client = client_for(user)
    pages = [page for page in web_pages() if not set(page.parameters) & NOT_OBJECTS]
    assert pages, "the walk found no pages with parameters"
    urls = {page: reverse(page.name, kwargs=fill(victim, page.parameters, page)) for page in pages}
    before = everything_stored(user)

    answers = {}
    for page, url in urls.items():
        statuses = (client.get(url).status_code, client.post(url, {}).status_code)
        if not (set(statuses) <= {404, 405} and 404 in statuses):
            answers[f"{page.name} {url}"] = statuses

    assert not answers, f"expected 404 (GET, POST), got: {answers}"
    assert everything_stored(user) == before, "another user's data changed"


def example_body(schema: dict, components: dict, own: Callable) -> object:
    """The smallest body the schema accepts, so that validation never answers first.

    Foreign keys in the body (``*_id``) point at the acting user's own objects:
    only the object in the path belongs to someone else.
    """
    if "$ref" in schema:
        return example_body(components[schema["$ref"].rsplit("/", 1)[-1]], components, own)
    if "anyOf" in schema or "allOf" in schema:
        options = [s for s in schema.get("anyOf", schema.get("allOf")) if s.get("type") != "null"]
        return example_body(options[0], components, own)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        body = {}
        for name in schema.get("required", []):
            if name in PARAMETERS:
                body[name] = own(name)
            else:
                body[name] = example_body(schema["properties"][name], components, own)
        return body
    if kind == "array":
        return []
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return "1.00"
    if kind == "boolean":
        return False
    formats = {
        "date": timezone.localdate().isoformat(),
        "date-time": (timezone.now() - datetime.timedelta(days=1)).isoformat(),
        "email": "someone@example.org",
        "uri": "https://example.org/",
    }
    return formats.get(schema.get("format"), "x" * max(1, schema.get("minLength", 1)))


@dataclass(frozen=True)
class Route:
    name: str
    defaults: dict = field(default_factory=dict)


def test_another_users_objects_are_not_found_in_the_api(user, api_for):
    victim = UserFactory(username="someone-else")
    client = api_for(user)
    schema = api.get_openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    operations = api_operations()
    assert operations, "the schema lists no routes with parameters"
    paths, bodies = {}, {}
    for method, path, operation in operations:
        where = Route(f"api:{path.removeprefix(API_PREFIX)}")
        paths[method, path] = path.format(**fill(victim, re.findall(r"{(\w+)}", path), where))
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            body_schema = content["application/json"]["schema"]
            mine = lambda name, where=where: PARAMETERS[name](user, where)  # noqa: E731
            bodies[method, path] = example_body(body_schema, components, mine)
    before = everything_stored(user)

    answers = {}
    for method, path, _ in operations:
        url = paths[method, path]
        body = bodies.get((method, path))
        if method == "GET":
            response = client.get(url)
        elif method == "DELETE":
            response = client.delete(url)
        else:
            send = getattr(client.client, method.lower())
            response = send(
                url, body or {}, content_type="application/json", headers=client.headers
            )
        if response.status_code != 404:
            answers[f"{method} {url}"] = (response.status_code, response.content[:200])

    assert not answers, f"expected 404, got: {answers}"
    assert everything_stored(user) == before, "another user's data changed"
