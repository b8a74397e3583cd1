"""Signals for writes that go around ``save()``.

A bulk insert sends no ``post_save`` per record, so whatever keeps itself in
step with saves (the search index) would miss the new records. Code that
writes in bulk sends ``written_in_bulk`` once, with the account, when done.
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``owner``: the account whose records were just written in bulk.
written_in_bulk = Signal()
