"""One page of a long list, the same way on every page that lists things.

A job search can run for years, so no page renders every row an account
has: lists show a page at a time, and the template includes
``core/_pagination.html`` to move between pages with the filters kept.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator

# Enough to scan at a glance and small enough to stay quick on a phone.
PAGE_SIZE = 50


def page_of(request, rows, per_page: int = PAGE_SIZE) -> Page:
    """The page of ``rows`` that ``?page=`` asks for.

    A page number that is not a number shows the first page, and one past
    the end shows the last, so an old bookmark never breaks. ``rows`` must be
    ordered so that the pages do not overlap.
    """
    return Paginator(rows, per_page).get_page(request.GET.get("page"))
