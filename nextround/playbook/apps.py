from django.apps import AppConfig


class PlaybookConfig(AppConfig):
    name = "nextround.playbook"
    label = "playbook"
