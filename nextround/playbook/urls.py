from django.urls import path

from nextround.playbook import outcome_views, views

app_name = "playbook"

urlpatterns = [
    path("", views.plan_page, name="plan"),
    path("settings/", views.playbook_settings, name="settings"),
    path("heard-back/", outcome_views.heard_back_page, name="heard_back"),
    path("actions/<int:action_id>/", views.action_detail, name="action"),
    path("actions/<int:action_id>/done/", views.action_done, name="done"),
    path("actions/<int:action_id>/skip/", views.action_skip, name="skip"),
    path("actions/<int:action_id>/snooze/", views.action_snooze, name="snooze"),
    path("actions/<int:action_id>/undo/", views.action_undo, name="undo"),
    path("actions/<int:action_id>/draft/", views.action_draft, name="draft"),
    path("actions/<int:action_id>/result/", views.action_result, name="result"),
]

# Pages of the jobs area whose workflows change the plan. They keep their
# paths and their "jobs:" names: nextround/urls.py adds them to that namespace.
jobs_patterns = [
    path(
        "applications/<int:application_id>/edit/",
        outcome_views.application_edit,
        name="application_edit",
    ),
]
