from django import template

register = template.Library()


@register.filter
def usual_answer(decision_times, organisation_id) -> str:
    """ "this museum usually answers in 9 days", or nothing when the history is silent."""
    if not decision_times:
        return ""
    wait = decision_times.for_organisation(organisation_id)
    return wait.sentence if wait else ""
