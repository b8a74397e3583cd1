"""The number of database queries a request made, in a response header, for `make bench`.

Only added to the middleware when ``NEXTROUND_BENCH=1`` (see settings), so the
served code path is otherwise untouched. It sits first, so the session and
user look-ups are counted too.
"""

from __future__ import annotations

from contextlib import ExitStack

from django.db import connections

QUERY_COUNT_HEADER = "X-Bench-Queries"


class QueryCountHeader:
    """Counts the queries on every database connection while the request is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(counted))
            response = self.get_response(request)
        response[QUERY_COUNT_HEADER] = str(count)
        return response
