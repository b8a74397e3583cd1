from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "nextround.reminders"
    label = "reminders"
