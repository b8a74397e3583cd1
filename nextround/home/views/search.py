"""The search page: every word typed, across the whole account."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import ngettext

from nextround.home import search


@login_required
def search_page(request):
    query = request.GET.get("q", "")[: search.MAX_QUERY_LENGTH].strip()
    results = search.search(request.user, query) if query else []
    if not query:
        summary = ""
    elif not search.search_words(query):
        summary = "Type a word or two: a name, an organisation, a few words of a question."
    elif not results:
        summary = f"Nothing holds all of “{query}”. Try fewer words, or the start of a word."
    elif len(results) >= search.DEFAULT_LIMIT:
        summary = (
            f"The {len(results)} closest matches for “{query}”. Add a word to narrow them down."
        )
    else:
        summary = ngettext(
            "%(count)d match for “%(query)s”.", "%(count)d matches for “%(query)s”.", len(results)
        ) % {"count": len(results), "query": query}
    return render(
        request,
        "home/search.html",
        {"query": query, "groups": search.grouped(results), "summary": summary},
    )
