"""Every command names the account the same way: ``--user NAME``, the older word still accepted."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from nextround.accounts.models import ApiToken
from nextround.jobs.models import Application
from nextround.playbook.models import ActionKind
from tests.factories import ApplicationFactory, UserFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db

CSV = "Company,Job Title,Status\nHarbourside Museum,Archive assistant,Applied\n"


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def robin(db):
    return UserFactory(username="robin")


@pytest.mark.parametrize("spelling", ["--user", "older"])
def test_agenda_shows_the_named_account_s_plan(robin, spelling):
    UserFactory(username="sam")
    ActionFactory(owner=robin, application=ApplicationFactory(owner=robin), kind=ActionKind.BE_KIND)
    name = ["--user", "robin"] if spelling == "--user" else ["robin"]
    assert "Be kind to yourself" in run("agenda", *name, "--width", "160")


@pytest.mark.parametrize("spelling", ["--user", "older"])
def test_token_is_issued_to_the_named_account(robin, spelling):
    name = ["--user", "robin"] if spelling == "--user" else ["robin"]
    run("token", *name)
    assert ApiToken.objects.get().user == robin


@pytest.mark.parametrize("spelling", ["--user", "older"])
def test_export_then_import_moves_the_named_account_s_records(robin, tmp_path, spelling):
    ApplicationFactory(owner=robin, role="Archive assistant")
    sam = UserFactory(username="sam")
    target = tmp_path / "robin.json"
    export_name = ["--user", "robin"] if spelling == "--user" else ["robin"]
    run("export", *export_name, "-o", str(target))
    assert json.loads(target.read_text())["format"] == "nextround-export"
    import_name = ["--user", "sam"] if spelling == "--user" else ["sam"]
    run("import", *import_name, str(target))
    assert Application.objects.get(owner=sam).role == "Archive assistant"


@pytest.mark.parametrize("spelling", ["--user", "older"])
def test_import_csv_adds_to_the_named_account(robin, tmp_path, spelling):
    source = tmp_path / "teal.csv"
    source.write_text(CSV, encoding="utf-8")
    name = ["--user", "robin"] if spelling == "--user" else ["robin"]
    run("import-csv", *name, str(source))
    assert Application.objects.get(owner=robin).role == "Archive assistant"


@pytest.mark.parametrize(
    "command",
    [
        ["agenda"],
        ["review"],
        ["token"],
        ["export"],
        ["import", "unused.json"],
        ["import-csv", "unused.csv"],
    ],
)
def test_an_unknown_account_is_one_plain_error(robin, command):
    with pytest.raises(CommandError, match=r"^No account named 'nobody'\.$"):
        run(*command, "--user", "nobody")


@pytest.mark.parametrize("command", [["agenda"], ["token"], ["export"]])
def test_an_unknown_account_is_refused_in_the_older_spelling_too(robin, command):
    with pytest.raises(CommandError, match=r"^No account named 'nobody'\.$"):
        run(*command, "nobody")


@pytest.mark.parametrize(
    "command", [["token"], ["export"], ["import", "x.json"], ["import-csv", "x.csv"]]
)
def test_commands_that_need_an_account_say_how_to_name_it(robin, command):
    with pytest.raises(
        CommandError, match=rf"^Name the account: nextround {command[0]} --user NAME$"
    ):
        run(*command)


@pytest.mark.parametrize("command", ["agenda", "review"])
def test_with_several_accounts_agenda_and_review_ask_which(robin, command):
    UserFactory(username="sam")
    with pytest.raises(CommandError, match=rf"^Name the account: nextround {command} --user NAME$"):
        run(command)


def test_two_different_names_are_refused_rather_than_guessed(robin):
    UserFactory(username="sam")
    with pytest.raises(CommandError, match="Name the account once"):
        run("token", "sam", "--user", "robin")
    assert not ApiToken.objects.exists()
