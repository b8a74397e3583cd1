"""One search box across the account: applications, organisations, contacts,
questions, interview notes and feedback, found by any of their words.

Each searchable record has a ``SearchEntry`` holding its words folded to
lower case without accents; the database's own full-text index looks
through them (SQLite's FTS5, PostgreSQL's text search), so a search costs
one indexed query however long the history. Every word typed must be found,
each as the start of a word: "curat tate" finds "Assistant Curator at Tate".

Entries follow their records through ``post_save`` and ``post_delete``
(connected in ``home/apps.py``). Writes that skip those signals — bulk
inserts, the whole-account import, the demo — call ``rebuild(owner)``
afterwards.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# The most words of a search that count, and the longest word.
MAX_WORDS = 12
MAX_WORD_LENGTH = 60
# The longest search a person can type.
MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def fold(text: str) -> str:
    """Lower case, accents taken off: "Musée" and "musee" are the same word."""
    if not text or text.isascii():  # most text: nothing to take off
        return (text or "").lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_words(query: str) -> list[str]:
    """The words of a search, folded: letters and digits only, nothing the index reads as syntax."""
    words = re.findall(r"[^\W_]+", fold(query[:MAX_QUERY_LENGTH]))
    return [word[:MAX_WORD_LENGTH] for word in words][:MAX_WORDS]


@dataclass(frozen=True)
class Description:
    """What a result shows (its title and a line under it) and the words it holds."""

    title: str
    body: list[str]
    detail: str = ""


# What each kind of record shows and holds. Field access only, no model
# methods, so that the migrations can build entries with historical models.


def _at(application) -> str:
    return f"{application.role} at {application.organisation.name}"


def _day(value) -> str:
    """A record's date as people write it; nothing for a value not (yet) a date."""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if not isinstance(value, datetime.date):
        return ""
    return date_format(value, "j F Y")


def _application(record) -> Description:
    applied = _day(record.applied_on)
    return Description(
        _at(record), [record.notes, record.link], f"Applied {applied}" if applied else ""
    )


def _organisation(record) -> Description:
    return Description(record.name, [record.notes])


def _contact(record) -> Description:
    organisation = record.organisation.name if record.organisation_id else ""
    detail = " at ".join(part for part in (record.role, organisation) if part)
    return Description(record.name, [record.role, organisation, record.email, record.notes], detail)


def _question(record) -> Description:
    return Description(
        record.text,
        [
            record.star_situation,
            record.star_task,
            record.star_action,
            record.star_result,
            record.answer,
            record.notes,
            record.tags,
        ],
    )


def _interview(record) -> Description:
    stage = record.stage or "Interview"
    return Description(
        f"{stage}: {_at(record.application)}",
        [record.notes, record.self_assessment, record.location],
        _day(record.starts_at),
    )


def _feedback(record) -> Description:
    received = _day(record.received_on)
    return Description(
        f"Feedback on {_at(record.application)}",
        [record.text],
        f"Received {received}" if received else "",
    )


@dataclass(frozen=True)
class Source:
    kind: str
    label: str
    model: str
    related: tuple[str, ...]
    describe: Callable[[object], Description]
    url_name: str


SOURCES: tuple[Source, ...] = (
    Source(
        "application",
        _("Applications"),
        "jobs.Application",
        ("organisation",),
        _application,
        "jobs:application",
    ),
    Source(
        "organisation",
        _("Organisations"),
        "jobs.Organisation",
        (),
        _organisation,
        "jobs:organisation",
    ),
    Source(
        "contact", _("Contacts"), "network.Contact", ("organisation",), _contact, "network:contact"
    ),
    Source("question", _("Questions"), "questions.Question", (), _question, "questions:question"),
    Source(
        "interview",
        _("Interview notes"),
        "jobs.Interview",
        ("application__organisation",),
        _interview,
        "jobs:interview",
    ),
    Source(
        "feedback",
        _("Feedback"),
        "feedback.Feedback",
        ("application__organisation",),
        _feedback,
        "feedback:feedback",
    ),
)
BY_KIND = {source.kind: source for source in SOURCES}
BY_MODEL = {source.model: source for source in SOURCES}


def _entry_fields(source: Source, record) -> dict:
    described = source.describe(record)
    return {
        "owner_id": record.owner_id,
        "title": described.title[:500],
        "detail": described.detail[:200],
        "words_title": fold(described.title),
        "words_body": fold("\n".join(part for part in described.body if part)),
    }


# Keeping entries up to date.

# Set while a bulk change runs: entries are made once, at its end.
_deferred: contextvars.ContextVar[bool] = contextvars.ContextVar("search_deferred", default=False)


@contextlib.contextmanager
def deferred(owner):
    """Write no entries one by one inside; make the account's entries again at the end."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)
    rebuild(owner)


def index(record) -> None:
    """Write (or rewrite) the entry of one record, and of the records whose titles name it."""
    source = BY_MODEL.get(record._meta.label)
    if source is None or _deferred.get():
        return
    _write(source, record)
    for dependant_source, records in _dependants(record):
        for dependant in records:
            _write(dependant_source, dependant)


def _write(source: Source, record) -> None:
    entry_model = global_apps.get_model("home", "SearchEntry")
    entry_model.objects.update_or_create(
        kind=source.kind, object_id=record.pk, defaults=_entry_fields(source, record)
    )


def _dependants(record) -> Iterator[tuple[Source, Iterable]]:
    """Records whose entry shows this one's name: an organisation's applications, say."""
    label = record._meta.label
    if label == "jobs.Organisation":
        yield BY_KIND["application"], record.applications.select_related("organisation")
        yield BY_KIND["contact"], record.contacts.select_related("organisation")
        applications = record.applications.all()
        yield (
            BY_KIND["interview"],
            _related("jobs.Interview").filter(application__in=applications),
        )
        yield (
            BY_KIND["feedback"],
            _related("feedback.Feedback").filter(application__in=applications),
        )
    elif label == "jobs.Application":
        yield BY_KIND["interview"], _related("jobs.Interview").filter(application=record)
        yield BY_KIND["feedback"], _related("feedback.Feedback").filter(application=record)


def _related(model_label: str):
    source = BY_MODEL[model_label]
    return global_apps.get_model(model_label).objects.select_related(*source.related)


def forget(record) -> None:
    """Remove a deleted record's entry."""
    source = BY_MODEL.get(record._meta.label)
    if source is None or _deferred.get():
        return
    entry_model = global_apps.get_model("home", "SearchEntry")
    entry_model.objects.filter(kind=source.kind, object_id=record.pk).delete()


def rebuild(owner=None, *, apps=global_apps, batch_size: int = 1000) -> int:
    """Make the entries of one account (or of every account) again; return how many there are.

    For writes that go around the model signals: bulk inserts, imports, the
    demo. ``apps`` lets a migration pass its historical models.
    """
    entry_model = apps.get_model("home", "SearchEntry")
    written = 0
    with transaction.atomic():
        entries = entry_model.objects.all()
        if owner is not None:
            entries = entries.filter(owner_id=owner.pk)
        entries.delete()
        for source in SOURCES:
            records = apps.get_model(source.model).objects.select_related(*source.related)
            if owner is not None:
                records = records.filter(owner_id=owner.pk)
            batch = []
            for record in records.order_by("pk").iterator(chunk_size=batch_size):
                batch.append(
                    entry_model(
                        kind=source.kind, object_id=record.pk, **_entry_fields(source, record)
                    )
                )
                if len(batch) >= batch_size:
                    entry_model.objects.bulk_create(batch)
                    written += len(batch)
                    batch = []
            entry_model.objects.bulk_create(batch)
            written += len(batch)
    return written


# The database's full-text index, made by the migrations.


def create_full_text_index(schema_editor) -> None:
    """SQLite: an FTS5 table kept in step with the entries by triggers. PostgreSQL: a GIN index."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_INDEX:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX home_searchentry_words ON home_searchentry USING GIN ("
            "(setweight(to_tsvector('simple'::regconfig, words_title), 'A') || "
            "setweight(to_tsvector('simple'::regconfig, words_body), 'B')))"
        )


SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE home_searchentry_fts USING fts5(words_title, words_body, "
    "content='home_searchentry', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER home_searchentry_fts_insert AFTER INSERT ON home_searchentry BEGIN "
    "INSERT INTO home_searchentry_fts(rowid, words_title, words_body) "
    "VALUES (new.id, new.words_title, new.words_body); END",
    "CREATE TRIGGER home_searchentry_fts_delete AFTER DELETE ON home_searchentry BEGIN "
    "INSERT INTO home_searchentry_fts(home_searchentry_fts, rowid, words_title, words_body) "
    "VALUES ('delete', old.id, old.words_title, old.words_body); END",
    "CREATE TRIGGER home_searchentry_fts_update AFTER UPDATE ON home_searchentry BEGIN "
    "INSERT INTO home_searchentry_fts(home_searchentry_fts, rowid, words_title, words_body) "
    "VALUES ('delete', old.id, old.words_title, old.words_body); "
    "INSERT INTO home_searchentry_fts(rowid, words_title, words_body) "
    "VALUES (new.id, new.words_title, new.words_body); END",
    "INSERT INTO home_searchentry_fts(home_searchentry_fts) VALUES ('rebuild')",
)


def drop_full_text_index(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for trigger in ("insert", "delete", "update"):
            schema_editor.execute("DROP TRIGGER IF EXISTS home_searchentry_fts_" + trigger)
        schema_editor.execute("DROP TABLE IF EXISTS home_searchentry_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS home_searchentry_words")


# Searching.


@dataclass(frozen=True)
class Result:
    kind: str
    label: str
    id: int
    title: str
    detail: str
    url: str


def search(user, query: str, *, limit: int = DEFAULT_LIMIT) -> list[Result]:
    """The user's records that hold every word of ``query``, best matches first."""
    words = search_words(query)
    if not words or not getattr(user, "is_authenticated", False):
        return []
    limit = max(1, min(limit, MAX_LIMIT))
    ids = _matching_ids(user.pk, words, limit)
    if not ids:
        return []
    entry_model = global_apps.get_model("home", "SearchEntry")
    entries = {entry.pk: entry for entry in entry_model.objects.filter(pk__in=ids)}
    results = []
    for pk in ids:
        entry = entries.get(pk)
        source = BY_KIND.get(entry.kind) if entry else None
        if source is None:
            continue
        results.append(
            Result(
                kind=entry.kind,
                label=str(source.label),
                id=entry.object_id,
                title=entry.title,
                detail=entry.detail,
                url=reverse(source.url_name, args=[entry.object_id]),
            )
        )
    return results


def _matching_ids(owner_id: int, words: list[str], limit: int) -> list[int]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_SEARCH, [" & ".join(f"{word}:*" for word in words), owner_id, limit])
        else:
            cursor.execute(
                SQLITE_SEARCH, [" AND ".join(f'"{word}"*' for word in words), owner_id, limit]
            )
        return [row[0] for row in cursor.fetchall()]


# The words reach the database as parameters; ``search_words`` has already
# kept only letters and digits, so nothing in them reads as query syntax.
PG_SEARCH = (
    "SELECT id FROM home_searchentry, to_tsquery('simple', %s) AS query "
    "WHERE owner_id = %s AND "
    "(setweight(to_tsvector('simple'::regconfig, words_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, words_body), 'B')) @@ query "
    "ORDER BY ts_rank("
    "(setweight(to_tsvector('simple'::regconfig, words_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, words_body), 'B')), query) DESC, id DESC "
    "LIMIT %s"
)
SQLITE_SEARCH = (
    "SELECT entry.id FROM home_searchentry_fts JOIN home_searchentry AS entry "
    "ON entry.id = home_searchentry_fts.rowid "
    "WHERE home_searchentry_fts MATCH %s AND entry.owner_id = %s "
    "ORDER BY bm25(home_searchentry_fts, 5.0, 1.0), entry.id DESC LIMIT %s"
)


def grouped(results: list[Result]) -> list[tuple[str, list[Result]]]:
    """Results under their kind's heading, kinds in the order of ``SOURCES``."""
    groups = []
    for source in SOURCES:
        found = [result for result in results if result.kind == source.kind]
        if found:
            groups.append((str(source.label), found))
    return groups
