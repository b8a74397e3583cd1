"""Everything of one user as one JSON document, and back again.

The document is built from the models themselves, not from a list kept by
hand: every model that belongs to a user (an ``OwnedModel``, or a one-to-one
settings record) is exported, so a new area is carried along without any
change here. Ids are the exporting database's; on import every record gets
a new id and every reference is rewritten, so a document can be loaded into
another account or another installation. Each record also carries its
``uid``, a UUID that stays with it through exports and imports: it is how an
import recognises what the account already holds. (A key made from the
record's content would change with every edit, and two honest records can
look alike: two interviews at the same time, two notes with the same text.)
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import functools
import json
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, models, transaction
from django.utils import timezone

from nextround.core.account_cache import account_changed
from nextround.core.dates import validate_plausible_date
from nextround.core.models import OwnedModel
from nextround.core.uploads import CheckedFile, UploadedFileFields, check_file, put_file
from nextround.home import search

FORMAT = "nextround-export"
VERSION = 1
# Account fields a person would expect to move with their data. Passwords,
# tokens and the calendar secret stay behind on purpose.
USER_FIELDS = (
    "email",
    "first_name",
    "last_name",
    "signing_name",
    "country",
    "holiday_region",
    "theme",
)


# Records a person has at most one of by name (case aside): an import reuses
# the account's own instead of adding a second.
MERGED_BY_NAME = {"feedback.skill": "name"}


def _same_named(model: type[models.Model], user, instance: models.Model, named: dict):
    """The account's record of that name, or one met earlier in the same document."""
    field = MERGED_BY_NAME.get(model._meta.label_lower)
    if field is None:
        return None
    value = getattr(instance, field)
    key = str(value).casefold()
    if key in named:
        return named[key]
    existing = model._default_manager.filter(owner=user, **{f"{field}__iexact": value}).first()
    named[key] = existing or instance
    return existing


def _user_model():
    return apps.get_model(settings.AUTH_USER_MODEL)


@functools.cache
def _settings_link(model: type[models.Model]) -> models.OneToOneField | None:
    """The one-to-one field tying a per-user settings record to its user, if any."""
    for field in model._meta.concrete_fields:
        if isinstance(field, models.OneToOneField) and field.related_model is _user_model():
            return field
    return None


def portable_models() -> list[type[models.Model]]:
    """Every per-user model, each after the models it points to."""
    candidates = [
        model
        for model in apps.get_models()
        if not model._meta.abstract
        and (issubclass(model, OwnedModel) or _settings_link(model) is not None)
    ]
    ordered: list[type[models.Model]] = []
    pending = list(candidates)
    while pending:
        progressed = False
        for model in list(pending):
            needs = {
                field.related_model
                for field in model._meta.concrete_fields
                if field.is_relation
                and field.related_model in candidates
                and field.related_model is not model
            }
            if needs <= set(ordered):
                ordered.append(model)
                pending.remove(model)
                progressed = True
        if not progressed:  # a cycle between areas: keep a stable order, links are fixed later
            ordered.extend(sorted(pending, key=lambda m: m._meta.label))
            break
    return ordered


def _rows(model: type[models.Model], user) -> models.QuerySet:
    link = _settings_link(model)
    if link is not None and not issubclass(model, OwnedModel):
        return model._default_manager.filter(**{link.name: user})
    return model._default_manager.filter(owner=user).order_by("pk")


def _skipped(field: models.Field, model: type[models.Model]) -> bool:
    return field.name in ("owner", "created_at", "updated_at") or field is _settings_link(model)


@functools.cache
def _document_fields(model: type[models.Model]) -> list[tuple[models.Field, str]]:
    """The fields a document's record carries, each with the key it goes by there.

    The export writes them and the import reads them back, by the same list.
    """
    return [
        (field, field.attname if field.is_relation else field.name)
        for field in model._meta.concrete_fields
        if not field.primary_key and not _skipped(field, model)
    ]


def export_user(user) -> dict:
    """The whole of ``user``'s data as a JSON-ready dict."""
    return {
        **_header(user),
        "data": {
            model._meta.label_lower: list(_records(model, user)) for model in portable_models()
        },
    }


def export_json(user) -> Iterator[str]:
    """The same document as :func:`export_user`, as JSON text a piece at a time.

    Records are read in chunks and written one a line, so an account of any
    size streams out without being held in memory whole.
    """
    header = json.dumps(_header(user), ensure_ascii=False, indent=1)
    yield header[: header.rindex("}")].rstrip() + ',\n "data": {'
    for number, model in enumerate(portable_models()):
        label = json.dumps(model._meta.label_lower)
        yield f"{',' if number else ''}\n  {label}: ["
        separator = "\n   "
        for record in _records(model, user):
            yield separator + json.dumps(record, ensure_ascii=False)
            separator = ",\n   "
        yield "]"
    yield "\n }\n}\n"


def _header(user) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "user": {name: getattr(user, name) for name in USER_FIELDS},
    }


def _links_of(field: models.ManyToManyField, user) -> dict[int, list[int]]:
    """Every link of a many-to-many field for the user's records, read in one query.

    Read from the join table rather than prefetched per record, which would
    name thousands of ids in one query.
    """
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = field.remote_field.through._default_manager.filter(**{f"{source}__owner": user})
    links: dict[int, list[int]] = {}
    for record_id, linked_id in rows.values_list(f"{source}_id", f"{target}_id").iterator(
        chunk_size=5000
    ):
        links.setdefault(record_id, []).append(linked_id)
    return links


def _records(model: type[models.Model], user) -> Iterator[dict]:
    """The user's records of ``model`` as JSON-ready dicts, read in chunks.

    Rows come as plain values, not model instances: for tens of thousands of
    records, building each instance would cost more than the rest together.
    """
    portable = portable_models()
    many = {
        field: _links_of(field, user)
        for field in model._meta.many_to_many
        if field.related_model in portable
    }
    fields = [field for field, _ in _document_fields(model)]
    keys = [key for _, key in _document_fields(model)]
    writers = [_writer(field) for field in fields]
    columns = ["pk", *(field.attname for field in fields)]
    if hasattr(model, "created_at"):
        columns.append("created_at")
    for row in _rows(model, user).values_list(*columns).iterator(chunk_size=2000):
        record: dict = {"id": row[0]}
        for key, write, value in zip(keys, writers, row[1 : len(keys) + 1], strict=True):
            record[key] = write(value)
        for field, links in many.items():
            record[field.name] = sorted(links.get(row[0], ()))
        if len(row) > len(keys) + 1:
            record["created_at"] = _plain(row[-1])
        yield record


def _writer(field: models.Field) -> Callable:
    """How one field's stored value is written into the document."""
    if isinstance(field, models.FileField):
        return lambda name: _export_file(field.attr_class(None, field, name))
    if field.is_relation or isinstance(field, models.JSONField):
        return lambda value: value
    return _plain


def _plain(value):
    """A field value in JSON terms, without losing precision (microseconds, pennies)."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    return value


def _export_file(value) -> dict | None:
    if not value:
        return None
    try:
        with value.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        return None
    return {"name": value.name.rsplit("/", 1)[-1], "content": base64.b64encode(content).decode()}


# How many records go into one INSERT: well under SQLite's limit on bound values.
BATCH_SIZE = 500


def import_user(
    user, document: dict, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Add a document's records to ``user``'s account; return how many of each were added.

    Records carry a lasting identity (``uid``); those the account already
    holds are left as they are, so importing the same document twice adds
    nothing the second time. ``progress`` is told each kind of record as it
    is added, with how many, for a command to show how far it has got.

    All or nothing: a fault anywhere leaves the account as it was, and the
    files already written for it are removed again.
    """
    stored: list = []
    try:
        with transaction.atomic(), search.deferred(user):
            added = _import(user, document, stored, progress or (lambda label, count: None))
            # Records written in bulk send no signals: say that the account changed.
            account_changed(user.pk)
            return added
    except BaseException:
        for storage, name in stored:
            with contextlib.suppress(OSError):
                storage.delete(name)
        raise


def _import(user, document: dict, stored: list, progress) -> dict[str, int]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError({"format": f"Not a Next Round export (expected format {FORMAT!r})."})
    if document.get("version") != VERSION:
        raise ValidationError(
            {"version": f"Unsupported export version {document.get('version')!r}."}
        )
    data = document.get("data")
    if not isinstance(data, dict):
        raise ValidationError({"data": "Missing the data section."})
    by_label = {model._meta.label_lower: model for model in portable_models()}
    unknown = sorted(set(data) - set(by_label))
    if unknown:
        raise ValidationError({"data": f"Unknown kinds of record: {', '.join(unknown)}."})

    _import_account_fields(user, document.get("user") or {})
    # Old id to the record now standing for it: the written instance where
    # there is one (so rules that look at a linked record need no query), or
    # the id of one the account already held.
    new_ids: dict[type[models.Model], dict[int, models.Model | int]] = {}
    deferred_links: list[tuple[models.Model, models.ForeignKey, object]] = []
    deferred_many: list[tuple[models.Model, models.ManyToManyField, list]] = []
    counts: dict[str, int] = {}
    for model in portable_models():
        label = model._meta.label_lower
        records = data.get(label) or []
        if not isinstance(records, list):
            raise ValidationError({label: "Expected a list of records."})
        # Records of this kind are checked one by one, then written together;
        # a link to one of them from the same list waits until all are written.
        ids: dict[int, models.Model | int] = {}
        pending: list[tuple[models.Model, object, object]] = []
        present = _present_by_uid(model, user)
        named: dict[str, models.Model] = {}
        for position, record in enumerate(records):
            where = f"{label}[{position}]"
            uid = _record_uid(model, record, where)
            if uid is not None and uid in present:
                # Already in this account (an earlier import of the same
                # document, or the same record twice in it): keep it, and let
                # its children link to it.
                if isinstance(record.get("id"), int):
                    ids[record["id"]] = present[uid]
                continue
            instance, links, many = _build(model, user, record, new_ids, where, stored)
            existing = _same_named(model, user, instance, named)
            if existing is not None:
                # The account already has it (a skill by that name): link to
                # that one rather than refuse the document or hold two.
                if isinstance(record.get("id"), int):
                    ids[record["id"]] = existing
                continue
            _check(instance, where)
            if uid is not None:
                present[uid] = instance
            pending.append((instance, record.get("id"), record.get("created_at")))
            deferred_links.extend((instance, field, old) for field, old in links)
            deferred_many.extend((instance, field, old) for field, old in many)
        _write(model, [instance for instance, _, _ in pending])
        _keep_creation_times(model, pending)
        for instance, old_id, _ in pending:
            if isinstance(old_id, int):
                ids[old_id] = instance
        new_ids[model] = ids
        counts[label] = len(pending)
        if pending:
            progress(label, len(pending))

    # Links to records that came later in the document (or to the same
    # table, like an application's earlier try) are set once all exist.
    relinked: dict[tuple[type[models.Model], str], list[models.Model]] = {}
    for instance, field, old in deferred_links:
        target = new_ids.get(field.related_model, {}).get(old)
        if target is None:
            raise ValidationError({field.name: f"Refers to a missing record ({old!r})."})
        setattr(instance, field.attname, _pk(target))
        relinked.setdefault((type(instance), field.attname), []).append(instance)
    for (model, attname), instances in relinked.items():
        model._default_manager.bulk_update(instances, [attname], batch_size=BATCH_SIZE)
    joins: dict[models.ManyToManyField, set[tuple[int, int]]] = {}
    for instance, field, olds in deferred_many:
        targets = [new_ids.get(field.related_model, {}).get(old) for old in olds]
        if None in targets:
            raise ValidationError({field.name: "Refers to a missing record."})
        joins.setdefault(field, set()).update((instance.pk, _pk(target)) for target in targets)
    for field, pairs in joins.items():
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through._default_manager.bulk_create(
            [
                through(**{f"{source}_id": one, f"{target}_id": other})
                for one, other in sorted(pairs)
            ],
            batch_size=BATCH_SIZE,
        )
    return {label: count for label, count in counts.items() if count}


def _pk(target: models.Model | int) -> int:
    return target.pk if isinstance(target, models.Model) else target


def _check(instance: models.Model, where: str) -> None:
    """Every record passes the model's own rules, as a form would check it.

    Links are left out of the check: each was just mapped to a record of this
    account (or written by this import), so asking the database whether it
    exists again would only cost a query per record.
    """
    links = [field.name for field in instance._meta.concrete_fields if field.is_relation]
    try:
        instance.full_clean(exclude=links, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        raise ValidationError(
            {f"{where}.{field}".rstrip("."): messages for field, messages in detail.items()}
        ) from error


def _write(model: type[models.Model], instances: list[models.Model]) -> None:
    """Insert the checked records, many to a statement where the model allows it."""
    if model.save is models.Model.save and not _settings_link(model):
        model._default_manager.bulk_create(instances, batch_size=BATCH_SIZE)
        return
    # A settings record may update the person's own; a model with its own
    # save() has work there that a bulk insert would skip.
    for instance in instances:
        instance.save()


def _keep_creation_times(model: type[models.Model], pending: list) -> None:
    """Creation times are history too; ``auto_now_add`` replaced them with now.

    One plain UPDATE per record, sent together: Django's ``bulk_update``
    builds a CASE expression per batch, which costs far more here.
    """
    if not pending or not hasattr(model, "created_at"):
        return
    field = model._meta.get_field("created_at")
    changes = []
    for instance, _, created_at in pending:
        if not created_at:
            continue
        try:
            value = field.to_python(created_at)
        except (ValidationError, TypeError, ValueError):
            # Not a time at all (an object, a number): the record keeps today.
            continue
        if value is not None:
            instance.created_at = value
            changes.append((field.get_db_prep_save(value, connection), instance.pk))
    if changes:
        quote = connection.ops.quote_name
        # The names come from the model, quoted; the values are bound parameters.
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {quote(model._meta.db_table)} SET {quote(field.column)} = %s "  # noqa: S608
                f"WHERE {quote(model._meta.pk.column)} = %s",
                changes,
            )


def _present_by_uid(model: type[models.Model], user) -> dict[uuid.UUID, int]:
    """The account's records of ``model`` by their lasting identity (one query)."""
    if not issubclass(model, OwnedModel):
        return {}
    return dict(model._default_manager.filter(owner=user).values_list("uid", "pk"))


def _record_uid(model: type[models.Model], record, where: str) -> uuid.UUID | None:
    """The record's identity from the document; older exports have none."""
    if not issubclass(model, OwnedModel) or not isinstance(record, dict):
        return None
    value = record.get("uid")
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise ValidationError({f"{where}.uid": "Is not a record identity (a UUID)."}) from error


def _import_account_fields(user, account: dict) -> None:
    changed = [
        name for name in USER_FIELDS if name in account and account[name] != getattr(user, name)
    ]
    for name in changed:
        setattr(user, name, account[name])
    if changed:
        user.full_clean(exclude=["password", "username", "calendar_secret"])
        user.save(update_fields=changed)


def _build(model, user, record, new_ids, where, stored):
    if not isinstance(record, dict):
        raise ValidationError({where: "Expected an object."})
    link = _settings_link(model)
    instance = model()
    if link is not None and not issubclass(model, OwnedModel):
        # One settings record per person: update theirs instead of adding one.
        instance = model._default_manager.filter(**{link.name: user}).first() or model(
            **{link.name: user}
        )
    else:
        instance.owner = user
    links, many = [], []
    kinds: dict[str, CheckedFile | None] = {}
    for field, key in _document_fields(model):
        if key not in record:
            continue
        value = record[key]
        if field.is_relation:
            if value is None:
                setattr(instance, field.attname, None)
            elif field.related_model in new_ids and value in new_ids[field.related_model]:
                target = new_ids[field.related_model][value]
                if isinstance(target, models.Model):
                    setattr(instance, field.name, target)
                else:
                    setattr(instance, field.attname, target)
            else:
                if not field.null:
                    raise ValidationError(
                        {f"{where}.{key}": "Refers to a record not in the export."}
                    )
                links.append((field, value))
        elif isinstance(field, models.FileField):
            kinds[field.name] = _attach_file(instance, field, value, where)
            # Attaching a file may write its thumbnail too: note every new path.
            for file_field in model._meta.concrete_fields:
                if isinstance(file_field, models.FileField):
                    written = getattr(instance, file_field.name)
                    if written.name and (written.storage, written.name) not in stored:
                        stored.append((written.storage, written.name))
        else:
            if isinstance(value, str) and "\x00" in value:
                # PostgreSQL refuses it in text: name the field rather than fail there.
                raise ValidationError({f"{where}.{key}": "Contains a NUL character."})
            try:
                value = field.to_python(value)
                if isinstance(field, models.DateField):  # date-times too
                    validate_plausible_date(value)  # the range every door keeps
                setattr(instance, field.attname, value)
            except ValidationError as error:
                raise ValidationError({f"{where}.{key}": error.messages}) from error
            except (TypeError, ValueError) as error:
                # A value of the wrong JSON type (an object where a date goes).
                raise ValidationError(
                    {f"{where}.{key}": "This value has the wrong type."}
                ) from error
    for field in model._meta.many_to_many:
        if isinstance(record.get(field.name), list):
            many.append((field, record[field.name]))
    checked = kinds.get("file")
    if isinstance(instance, UploadedFileFields) and checked is not None:
        # What the document says about the file gives way to what was found.
        instance.file_type = checked.content_type
        instance.file_name = checked.name_like(instance.file_name or checked.name)
        instance.file_size = len(checked.content)
    return instance, links, many


def _attach_file(instance, field, value, where) -> CheckedFile | None:
    """Store a file from the document through the same checker as every upload.

    An export is only text someone could have edited, so its files pass
    ``check_file`` like any upload: the kind, the extension on disk and the
    content type come from the bytes, never from what the document claims,
    and images are re-encoded without their metadata. A record's thumbnail is
    made from its checked file, never taken from the document.
    """
    if isinstance(instance, UploadedFileFields) and field.name == "thumbnail":
        return None
    if not value:
        return None
    try:
        content = base64.b64decode(value["content"], validate=True)
        name = str(value["name"])[:100]
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError({f"{where}.{field.name}": "A file could not be read."}) from error
    try:
        checked = check_file(content, name=name)
    except ValidationError as error:
        raise ValidationError({f"{where}.{field.name}": error.messages}) from error
    if isinstance(instance, UploadedFileFields) and field.name == "file":
        put_file(instance, checked)
    else:
        getattr(instance, field.name).save(
            f"file.{checked.extension}", ContentFile(checked.content), save=False
        )
    return checked
