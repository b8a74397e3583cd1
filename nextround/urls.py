"""The site's address book: each area keeps its own urls module.

A page that belongs to a higher layer but keeps an area's URL name (the
Settings page is still ``accounts:settings``) is listed by the higher layer
and joined to the area's namespace here, so no area imports a layer above it.
"""

from django.urls import include, path

from nextround.accounts import urls as accounts_urls
from nextround.api.urls import api
from nextround.home import urls as home_urls
from nextround.jobs import urls as jobs_urls
from nextround.network import urls as network_urls
from nextround.playbook import urls as playbook_urls
from nextround.reminders.views import calendar_feed

accounts_patterns = [*accounts_urls.urlpatterns, *home_urls.accounts_patterns]
# A namespace may hold pages from a higher area whose workflow spans both:
# the jobs pages that change the plan live in the playbook, the application
# page (a timeline of every area) in home.
jobs_patterns = [
    *jobs_urls.urlpatterns,
    *playbook_urls.jobs_patterns,
    *network_urls.jobs_patterns,
    *home_urls.jobs_patterns,
]
playbook_patterns = [*playbook_urls.urlpatterns, *network_urls.playbook_patterns]

urlpatterns = [
    path("", include(home_urls)),
    path("accounts/", include((accounts_patterns, "accounts"))),
    path("", include((jobs_patterns, "jobs"))),
    path("contacts/", include("nextround.network.urls")),
    path("plan/", include((playbook_patterns, "playbook"))),
    path("feedback/", include("nextround.feedback.urls")),
    path("questions/", include("nextround.questions.urls")),
    path("happy-box/", include("nextround.happybox.urls")),
    path("expenses/", include("nextround.expenses.urls")),
    path("", include("nextround.vacancies.urls")),
    path("reminders/", include("nextround.reminders.urls")),
    path("", include("nextround.captures.urls")),
    path("api/v1/", api.urls),
    path("calendar/<str:secret>.ics", calendar_feed, name="calendar_feed"),
]
