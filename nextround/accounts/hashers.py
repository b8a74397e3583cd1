"""How passwords are stored: argon2id, sized so that many logins at once fit in memory."""

from __future__ import annotations

import threading

from django.contrib.auth import hashers

# How many passwords one server process hashes at the same moment; the
# rest wait their turn. Two keep both cores of a small machine busy.
HASHES_AT_ONCE = 2
hashing_slots = threading.BoundedSemaphore(HASHES_AT_ONCE)


class Argon2PasswordHasher(hashers.Argon2PasswordHasher):
    """Argon2id with OWASP's smaller recommended cost: 19 MiB of memory, two passes, one lane.

    Django's own parameters take 100 MiB for every login, so eight people
    logging in at the same moment needed most of a gigabyte. Hashes made with
    other parameters still verify, and are rewritten with these at the next
    login. Hashing waits for one of ``HASHES_AT_ONCE`` slots, which bounds the
    memory a burst of logins can take.
    """

    memory_cost = 19 * 1024
    time_cost = 2
    parallelism = 1

    def encode(self, password, salt):
        with hashing_slots:
            return super().encode(password, salt)

    def verify(self, password, encoded):
        with hashing_slots:
            return super().verify(password, encoded)
