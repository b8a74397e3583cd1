"""The database's own full-text index over the search entries, and entries for what is already there."""

from django.db import migrations


def create_index(apps, schema_editor):
    from nextround.home.search import create_full_text_index

    create_full_text_index(schema_editor)


def drop_index(apps, schema_editor):
    from nextround.home.search import drop_full_text_index

    drop_full_text_index(schema_editor)


def fill(apps, schema_editor):
    from nextround.home.search import rebuild

    rebuild(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_search_entries"),
        ("jobs", "0004_record_uid"),
        ("network", "0003_record_uid"),
        ("questions", "0002_record_uid"),
        ("feedback", "0002_record_uid"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
