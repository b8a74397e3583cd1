"""Each record gets a lasting identity, so that exports can be imported twice safely."""

import uuid

from django.db import migrations, models

from nextround.core.migration_operations import backfill_uids


class Migration(migrations.Migration):
    dependencies = [
        ("vacancies", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="vacancy",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="watchstate",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        backfill_uids("vacancies", "vacancy", "watchstate"),
        migrations.AlterField(
            model_name="vacancy",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="watchstate",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
    ]
