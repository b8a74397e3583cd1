from django.apps import AppConfig


class CapturesConfig(AppConfig):
    name = "nextround.captures"
    label = "captures"
    verbose_name = "Straight after an interview"
