"""Figures kept for an account are worked out again as soon as anything in it changes."""

import pytest
from django.urls import reverse

from nextround.core.account_cache import account_version, kept_for_account
from nextround.home.portability import export_user, import_user
from tests.factories import ApplicationFactory, InterviewFactory, UserFactory
from tests.network.factories import ContactFactory

pytestmark = pytest.mark.django_db


def test_a_kept_figure_is_reused_until_the_account_changes(user):
    calls = []

    def work_out():
        calls.append(1)
        return len(calls)

    assert kept_for_account(user, "figure", work_out) == 1
    assert kept_for_account(user, "figure", work_out) == 1
    ApplicationFactory(owner=user)
    assert kept_for_account(user, "figure", work_out) == 2


def test_saving_deleting_and_relinking_each_move_the_version_on(user):
    start = account_version(user.pk)
    application = ApplicationFactory(owner=user)
    saved = account_version(user.pk)
    interview = InterviewFactory(owner=user, application=application)
    interview.panel.add(ContactFactory(owner=user))
    linked = account_version(user.pk)
    application.delete()
    assert start < saved < linked < account_version(user.pk)


def test_another_accounts_changes_leave_the_figures_alone(user):
    kept_for_account(user, "figure", lambda: "before")
    ApplicationFactory(owner=UserFactory())
    assert kept_for_account(user, "figure", lambda: "after") == "before"


def test_an_import_moves_the_version_on(user):
    ApplicationFactory(owner=user, role="Conservator")
    document = export_user(user)
    other = UserFactory()
    kept_for_account(other, "figure", lambda: "before")
    import_user(other, document)
    assert kept_for_account(other, "figure", lambda: "after") == "after"


def test_deleting_an_account_with_records_works(user):
    ApplicationFactory(owner=user)
    user.delete()


def test_insights_show_a_new_outcome_straight_away(user, user_client):
    user_client.get(reverse("insights"))
    ApplicationFactory(owner=user, outcome="withdrawn", status="withdrawn")
    assert "Withdrawn: 1" in user_client.get(reverse("insights")).content.decode()
