from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "nextround.jobs"
    label = "jobs"
