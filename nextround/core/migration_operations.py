"""Operations the apps' migrations share."""

from __future__ import annotations

import uuid

from django.db import migrations


def backfill_uids(app_label: str, *model_names: str) -> migrations.RunPython:
    """Give every existing row of the named models its own fresh ``uid``.

    A field added with ``default=uuid.uuid4`` gets one value for every
    existing row (the default is called once), so the rows are given theirs
    one by one before the field becomes required.
    """

    def forwards(apps, schema_editor):
        for name in model_names:
            model = apps.get_model(app_label, name)
            rows = list(model._default_manager.filter(uid__isnull=True).only("pk"))
            for row in rows:
                row.uid = uuid.uuid4()
            model._default_manager.bulk_update(rows, ["uid"], batch_size=500)

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)
