from django.urls import path

from nextround.feedback.views import gaps, records

app_name = "feedback"

urlpatterns = [
    path("", gaps.gap_list, name="gaps"),
    path("skills/search/", records.skill_search, name="skill_search"),
    path("skills/<int:skill_id>/", gaps.skill_detail, name="skill"),
    path("skills/<int:skill_id>/edit/", gaps.skill_edit, name="skill_edit"),
    path("skills/<int:skill_id>/delete/", gaps.skill_delete, name="skill_delete"),
    path(
        "skills/<int:skill_id>/improvements/",
        gaps.improvement_create,
        name="improvement_create",
    ),
    path("improvements/<int:action_id>/edit/", gaps.improvement_edit, name="improvement_edit"),
    path(
        "improvements/<int:action_id>/status/",
        gaps.improvement_status,
        name="improvement_status",
    ),
    path(
        "improvements/<int:action_id>/delete/",
        gaps.improvement_delete,
        name="improvement_delete",
    ),
    path(
        "applications/<int:application_id>/new/",
        records.feedback_create,
        name="feedback_create",
    ),
    path(
        "applications/<int:application_id>/winner/",
        records.winner_create,
        name="winner_create",
    ),
    path("<int:feedback_id>/", records.feedback_detail, name="feedback"),
    path("<int:feedback_id>/edit/", records.feedback_edit, name="feedback_edit"),
    path("<int:feedback_id>/delete/", records.feedback_delete, name="feedback_delete"),
    path("winners/<int:candidate_id>/", records.winner_detail, name="winner"),
    path("winners/<int:candidate_id>/edit/", records.winner_edit, name="winner_edit"),
    path("winners/<int:candidate_id>/delete/", records.winner_delete, name="winner_delete"),
    # Tagging works the same on feedback and on who got the job.
    *(
        route
        for kind, prefix in (("feedback", ""), ("winner", "winners/"))
        for route in (
            path(f"{prefix}<int:record_id>/gaps/", records.tag, {"kind": kind}, name=f"{kind}_tag"),
            path(
                f"{prefix}<int:record_id>/gaps/confirm/",
                records.confirm,
                {"kind": kind},
                name=f"{kind}_confirm",
            ),
            path(
                f"{prefix}<int:record_id>/gaps/<int:mention_id>/remove/",
                records.untag,
                {"kind": kind},
                name=f"{kind}_untag",
            ),
        )
    ),
]
