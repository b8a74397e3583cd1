from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class CoreConfig(AppConfig):
    name = "nextround.core"
    label = "core"

    def ready(self):
        # Registers the deployment checks.
        from nextround.core import checks  # noqa: F401
        from nextround.core.account_cache import changed_on_save_or_delete

        # Kept figures (insights, review statistics) last until the account changes.
        for name, signal in (("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)):
            signal.connect(changed_on_save_or_delete, dispatch_uid=f"account-changed-on-{name}")
