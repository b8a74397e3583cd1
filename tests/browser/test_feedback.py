"""From a rejection's feedback to a ranked gap with a step planned, in a real browser."""

from django.urls import reverse

from nextround.feedback.models import GapMention, ImprovementAction
from tests.browser.accessibility import assert_accessible
from tests.factories import ApplicationFactory, OrganisationFactory


def test_recording_feedback_ranks_its_gap_and_a_step_can_be_planned(logged_in_page, user):
    organisation = OrganisationFactory(owner=user, name="Quayside Museum")
    application = ApplicationFactory(
        owner=user, organisation=organisation, role="Collections assistant"
    )
    page = logged_in_page

    page.goto(application.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Record feedback").click()
    assert_accessible(page)
    page.get_by_label("What they said").fill(
        "You handled the objects beautifully. The successful candidate had more "
        "digitisation experience, and some answers needed specific examples."
    )
    page.get_by_role("button", name="Save feedback").click()

    # Suggestions are offered, never tagged on their own.
    page.get_by_role("group", name="These words may point to gaps").wait_for()
    assert_accessible(page)
    assert GapMention.objects.count() == 0
    page.get_by_label("Digitisation").check()
    page.get_by_role("button", name="Tag the ticked gaps").click()
    page.get_by_role("link", name="Digitisation").wait_for()
    settled(page)

    # The type-ahead offers the starter list as the user types.
    page.get_by_label("Add a gap").fill("spectr")
    option = page.get_by_role("button", name="Documentation and cataloguing (Spectrum)")
    option.wait_for()
    assert_accessible(page)
    option.click()
    page.get_by_role("link", name="Documentation and cataloguing (Spectrum)").wait_for()
    assert GapMention.objects.count() == 2
    settled(page)

    # A new skill: typed, given a category, added with Enter (not the first match).
    page.get_by_label("Add a gap").fill("Maritime history")
    page.get_by_label("Category").select_option("subject_knowledge")
    page.get_by_label("Add a gap").press("Enter")
    page.get_by_role("link", name="Maritime history").wait_for()
    assert GapMention.objects.count() == 3

    page.goto(reverse("feedback:gaps"))
    assert_accessible(page)
    assert page.get_by_role("heading", name="Digitisation").is_visible()
    page.get_by_role("link", name="Plan a step for Digitisation").click()
    assert_accessible(page)
    page.get_by_label("Kind of step").select_option("volunteering")
    page.get_by_label("What you will do").fill("Scan glass plate negatives on Saturdays")
    page.get_by_role("button", name="Add this step").click()
    page.get_by_text("Added: Scan glass plate negatives on Saturdays.").wait_for()
    assert_accessible(page)
    assert ImprovementAction.objects.get().skill.name == "Digitisation"

    page.goto(reverse("insights"))
    assert_accessible(page)
    page.goto(reverse("today"))
    assert page.get_by_role("heading", name="Gaps you are working on").is_visible()
    assert_accessible(page)


def settled(page) -> None:
    """Wait until htmx has swapped and wired up the new content.

    htmx wires a swapped-in field's triggers as it settles (removing
    "htmx-added"); typing into it before then would be lost.
    """
    page.wait_for_function(
        "() => !document.querySelector('.htmx-added, .htmx-settling, .htmx-request')"
    )


def test_who_got_the_job_asks_for_evidence_before_an_inside_appointment(logged_in_page, user):
    application = ApplicationFactory(owner=user, role="Learning officer")
    page = logged_in_page
    page.goto(reverse("feedback:winner_create", args=[application.pk]))
    assert_accessible(page)
    page.get_by_label("This may have been an inside appointment").check()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Write down what suggests an inside appointment").is_visible()
    assert_accessible(page)
    page.get_by_label("What suggests it").fill("The acting post-holder was appointed.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="A possible inside appointment").wait_for()
    assert_accessible(page)
