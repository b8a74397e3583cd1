"""The site's address book: each area keeps its own urls module."""

from django.urls import include, path

from nextround.api.urls import api
from nextround.feedback.views import insights
from nextround.jobs.views import today
from nextround.reminders.views import calendar_feed

urlpatterns = [
    path("", today.today, name="today"),
    path("accounts/", include("nextround.accounts.urls")),
    path("", include("nextround.jobs.urls")),
    path("contacts/", include("nextround.network.urls")),
    path("plan/", include("nextround.playbook.urls")),
    path("feedback/", include("nextround.feedback.urls")),
    path("insights/", insights.insights, name="insights"),
    path("questions/", include("nextround.questions.urls")),
    path("happy-box/", include("nextround.happybox.urls")),
    path("expenses/", include("nextround.expenses.urls")),
    path("", include("nextround.vacancies.urls")),
    path("reminders/", include("nextround.reminders.urls")),
    path("api/v1/", api.urls),
    path("calendar/<str:secret>.ics", calendar_feed, name="calendar_feed"),
]
