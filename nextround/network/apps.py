from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "nextround.network"
    label = "network"
