from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "nextround.api"
    label = "api"
