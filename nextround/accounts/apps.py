from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "nextround.accounts"
    label = "accounts"
