"""Logging filters: what the server's log should and should not carry."""

from __future__ import annotations

import logging

from django.http.multipartparser import MultiPartParserError


class NoTracebackForUnreadableBodies(logging.Filter):
    """Log a body that cannot be parsed as one line, not a full traceback.

    A client that sends a broken multipart body gets a 400 or 422; the
    traceback says nothing about our code and only buries real faults.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], MultiPartParserError):
            record.exc_info = None
            record.exc_text = None
        return True
