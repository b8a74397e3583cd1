from django.apps import AppConfig


class HappyboxConfig(AppConfig):
    name = "nextround.happybox"
    label = "happybox"
