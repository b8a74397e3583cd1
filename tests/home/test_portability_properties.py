"""Whatever an account holds, export and import carry it whole, and only once."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from nextround.core.uploads import check_file, put_file
from nextround.happybox.models import HappyItem
from nextround.home.portability import export_user, import_user
from nextround.jobs.models import Outcome
from nextround.network.models import Contact
from nextround.playbook.plan import interview_saved, record_outcome
from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.home.test_portability import canonical
from tests.uploads.samples import image_bytes

pytestmark = pytest.mark.django_db

applications = st.lists(
    st.tuples(
        st.integers(0, 2),  # which organisation
        # Any printable role: control characters never get past a form.
        st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(
            str.strip
        ),  # role
        st.one_of(st.none(), st.sampled_from(Outcome.values)),
        st.integers(0, 2),  # interviews
        st.booleans(),  # re-applies to the one before
    ),
    max_size=5,
)
happy_items = st.lists(
    st.tuples(
        st.sampled_from(["A kind letter", "Offer from the museum", "A good day"]),
        st.one_of(st.none(), st.tuples(*[st.integers(0, 255)] * 3)),  # a photo's colour
    ),
    max_size=2,
)
accounts = st.tuples(applications, st.integers(0, 3), happy_items)


def build_account(shape) -> object:
    """A made-up account: organisations, applications with outcomes, interviews, contacts, photos."""
    rows, contacts, happy = shape
    user = UserFactory()
    organisations = [OrganisationFactory(owner=user) for _ in range(3)]
    panel = [ContactFactory(owner=user) for _ in range(contacts)]
    earlier = None
    today = timezone.localdate()
    for which, role, outcome, interviews, reapplies in rows:
        application = ApplicationFactory(
            owner=user,
            organisation=organisations[which],
            role=role.strip(),
            reapplies_to=earlier if reapplies else None,
        )
        for number in range(interviews):
            interview = InterviewFactory(
                owner=user,
                application=application,
                stage=f"Interview {number + 1}",
                starts_at=timezone.now() - datetime.timedelta(days=10 - number),
            )
            interview.panel.set(panel)
            interview_saved(interview)
        if outcome:
            record_outcome(application, outcome, today)
        earlier = application
    for title, colour in happy:
        item = HappyItem(owner=user, title=title)
        if colour is not None:
            put_file(item, check_file(image_bytes(colour=colour), name="photo.png"))
        item.save()
    return user


@hypothesis_settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(shape=accounts)
def test_an_export_round_trips_and_a_second_import_changes_nothing(shape, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    user = build_account(shape)
    exported = json.loads(json.dumps(export_user(user)))
    newcomer = UserFactory()
    import_user(newcomer, exported)
    once = export_user(newcomer)
    assert canonical(once) == canonical(exported)
    assert import_user(newcomer, exported) == {}
    assert canonical(export_user(newcomer)) == canonical(once)
    # And back into the account it came from: nothing is added there either.
    assert import_user(user, exported) == {}
    assert Contact.objects.filter(owner=user).count() == shape[1]
