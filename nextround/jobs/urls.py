from django.urls import path

from nextround.jobs.views import applications, csv_upload, interviews, organisations

app_name = "jobs"

# Adding or editing an interview, recording an outcome and editing an
# application (its status) change the plan, so those pages live in the
# playbook; nextround/urls.py puts them in this "jobs" namespace.

urlpatterns = [
    path("applications/", applications.application_board, name="applications"),
    path("applications/list/", applications.application_list, name="application_list"),
    path("applications/new/", applications.application_create, name="application_create"),
    path("applications/import/", csv_upload.csv_import, name="csv_import"),
    path(
        "applications/<int:application_id>/delete/",
        applications.application_delete,
        name="application_delete",
    ),
    path("interviews/<int:interview_id>/", interviews.interview_detail, name="interview"),
    path(
        "interviews/<int:interview_id>/delete/",
        interviews.interview_delete,
        name="interview_delete",
    ),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path(
        "organisations/<int:organisation_id>/",
        organisations.organisation_detail,
        name="organisation",
    ),
    path(
        "organisations/<int:organisation_id>/edit/",
        organisations.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisations/<int:organisation_id>/delete/",
        organisations.organisation_delete,
        name="organisation_delete",
    ),
]
