"""The site's address book: each area keeps its own urls module."""

from django.urls import include, path

from nextround.api.urls import api
from nextround.feedback.views import insights
from nextround.jobs import urls as jobs_urls
from nextround.jobs.views import today
from nextround.playbook import urls as playbook_urls
from nextround.playbook.feed import calendar_feed

# A namespace may hold pages from a higher area whose workflow spans both:
# the jobs pages that change the plan live in the playbook.
jobs_patterns = [*jobs_urls.urlpatterns, *playbook_urls.jobs_patterns]

urlpatterns = [
    path("", today.today, name="today"),
    path("accounts/", include("nextround.accounts.urls")),
    path("", include((jobs_patterns, "jobs"))),
    path("contacts/", include("nextround.network.urls")),
    path("plan/", include("nextround.playbook.urls")),
    path("feedback/", include("nextround.feedback.urls")),
    path("insights/", insights.insights, name="insights"),
    path("questions/", include("nextround.questions.urls")),
    path("happy-box/", include("nextround.happybox.urls")),
    path("expenses/", include("nextround.expenses.urls")),
    path("api/v1/", api.urls),
    path("calendar/<str:secret>.ics", calendar_feed, name="calendar_feed"),
]
