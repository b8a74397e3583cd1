"""Two `nextround remind` processes at once, on one database file: one digest."""

from __future__ import annotations

import subprocess

from aiosmtpd.controller import Controller

from tests.reminders.conftest import Inbox, _free_port
from tests.settings.test_startup import nextround

SETUP = (
    "from django.utils import timezone; import datetime; "
    "from nextround.accounts.models import User; "
    "from nextround.reminders.models import ReminderSettings; "
    "from tests.playbook.factories import ActionFactory; "
    "robin = User.objects.create_user('robin', password='not-used-here-123'); "
    "ReminderSettings.objects.create(user=robin, digest_enabled=True, email='robin@example.org', "
    "alarm_time=datetime.time(0, 0)); "
    "ActionFactory(owner=robin, due_on=timezone.localdate())"
)


def test_two_remind_processes_at_once_send_one_digest(tmp_path):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        env = {"NEXTROUND_EMAIL_URL": f"smtp://127.0.0.1:{controller.port}?starttls=no"}
        assert nextround("migrate", "--no-input", env=env, data_dir=tmp_path).returncode == 0
        made = nextround("django", "shell", "--no-imports", "-c", SETUP, env=env, data_dir=tmp_path)
        assert made.returncode == 0, made.stderr

        runs = [
            subprocess.Popen(
                nextround.command("remind"),
                env=nextround.environment(env, tmp_path),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=120) for run in runs]
    finally:
        controller.stop()

    assert [run.returncode for run in runs] == [0, 0], outputs
    said = sorted(out.strip() for out, _ in outputs)
    assert said == ["robin <robin@example.org>: already sent", "robin <robin@example.org>: sent"]
    assert len(inbox.envelopes) == 1
