from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "nextround.home"
    label = "home"
