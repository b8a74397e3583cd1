"""Each record gets a lasting identity, so that exports can be imported twice safely."""

import uuid

from django.db import migrations, models

from nextround.core.migration_operations import backfill_uids


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0003_organisation_vacancies_url"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="interview",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="organisation",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        backfill_uids("jobs", "application", "interview", "organisation"),
        migrations.AlterField(
            model_name="application",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="interview",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
    ]
