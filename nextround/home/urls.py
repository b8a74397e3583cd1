"""The cross-area pages' addresses.

``urlpatterns`` sits at the site's root; the other lists join an area's
namespace in ``nextround/urls.py`` so that their old names (``jobs:application``,
``accounts:settings``…) keep working in templates and ``reverse()``.
"""

from django.urls import path

from nextround.home.views import (
    activity,
    applications,
    debrief,
    insights,
    portability,
    search,
    settings,
    today,
)

urlpatterns = [
    path("", today.today, name="today"),
    path("insights/", insights.insights, name="insights"),
    path("search/", search.search_page, name="search"),
]

# Joins the "accounts" namespace under /accounts/.
accounts_patterns = [
    path("settings/", settings.settings_page, name="settings"),
    path("settings/export/", portability.export_download, name="export"),
    path("settings/import/", portability.import_upload, name="import"),
]

# Joins the "jobs" namespace at the site's root.
jobs_patterns = [
    path("applications/activity/", activity.activity_report, name="activity"),
    path(
        "applications/<int:application_id>/",
        applications.application_detail,
        name="application",
    ),
    path(
        "applications/<int:application_id>/outcome/",
        applications.application_outcome,
        name="application_outcome",
    ),
    path("interviews/just-had-one/", debrief.just_interviewed, name="just_interviewed"),
    path(
        "interviews/<int:interview_id>/how-it-went/",
        debrief.interview_debrief,
        name="interview_debrief",
    ),
]
