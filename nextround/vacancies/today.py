"""The vacancy watch's part of Today (wired in by the Today page)."""

from __future__ import annotations

from nextround.core.access import owned
from nextround.vacancies.models import Vacancy

# Today shows a handful; the vacancies page has the rest.
TODAY_LIMIT = 5


def today_context(user) -> dict:
    """New vacancies for Today, newest first, for ``vacancies/_today.html``."""
    fresh = owned(Vacancy, user).fresh()
    return {
        "new_vacancies": list(fresh.select_related("organisation")[:TODAY_LIMIT]),
        "new_vacancy_count": fresh.count(),
    }
