"""Each record gets a lasting identity, so that exports can be imported twice safely."""

import uuid

from django.db import migrations, models

from nextround.core.migration_operations import backfill_uids


class Migration(migrations.Migration):
    dependencies = [
        ("happybox", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="happyitem",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        backfill_uids("happybox", "happyitem"),
        migrations.AlterField(
            model_name="happyitem",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
    ]
