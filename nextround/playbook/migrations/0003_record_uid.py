"""Each record gets a lasting identity, so that exports can be imported twice safely."""

import uuid

from django.db import migrations, models

from nextround.core.migration_operations import backfill_uids


class Migration(migrations.Migration):
    dependencies = [
        ("playbook", "0002_action_result"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="uid",
            field=models.UUIDField(editable=False, null=True),
        ),
        backfill_uids("playbook", "action"),
        migrations.AlterField(
            model_name="action",
            name="uid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
    ]
