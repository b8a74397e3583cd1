"""Each record gets a lasting identity, so that exports can be imported twice safely."""

import uuid

from django.db import migrations, models

from nextround.core.migration_operations import backfill_uids


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_interactions_and_follow_up"),
    ]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="interaction",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        backfill_uids("network", "contact", "interaction"),
        migrations.AlterField(
            model_name="contact",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="interaction",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
    ]
