from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "nextround.core"
    label = "core"

    def ready(self):
        # Registers the deployment checks.
        from nextround.core import checks  # noqa: F401
