from django.urls import path

from nextround.playbook import interview_views, outcome_views, views

app_name = "playbook"

urlpatterns = [
    path("", views.plan_page, name="plan"),
    path("settings/", views.playbook_settings, name="settings"),
    path("actions/<int:action_id>/", views.action_detail, name="action"),
    path("actions/<int:action_id>/done/", views.action_done, name="done"),
    path("actions/<int:action_id>/skip/", views.action_skip, name="skip"),
    path("actions/<int:action_id>/snooze/", views.action_snooze, name="snooze"),
    path("actions/<int:action_id>/undo/", views.action_undo, name="undo"),
    path("actions/<int:action_id>/draft/", views.action_draft, name="draft"),
    path("actions/<int:action_id>/result/", views.action_result, name="result"),
    path(
        "actions/<int:action_id>/panel/<int:contact_id>/",
        views.panel_connection,
        name="panel_connection",
    ),
]

# Pages of the jobs area whose workflows change the plan. They keep their
# paths and their "jobs:" names: nextround/urls.py adds them to that namespace.
jobs_patterns = [
    path(
        "applications/<int:application_id>/edit/",
        outcome_views.application_edit,
        name="application_edit",
    ),
    path(
        "applications/<int:application_id>/outcome/",
        outcome_views.application_outcome,
        name="application_outcome",
    ),
    path("interviews/new/", interview_views.interview_create, name="interview_create"),
    path(
        "interviews/<int:interview_id>/edit/",
        interview_views.interview_edit,
        name="interview_edit",
    ),
]
