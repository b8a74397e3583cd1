from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save

from nextround.core.signals import written_in_bulk


class HomeConfig(AppConfig):
    name = "nextround.home"
    label = "home"

    def ready(self) -> None:
        from nextround.home import search

        for source in search.SOURCES:
            model = self.apps.get_model(source.model)
            post_save.connect(_saved, sender=model, dispatch_uid=f"search-index-{source.kind}")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-forget-{source.kind}")
        written_in_bulk.connect(_written_in_bulk, dispatch_uid="search-rebuild-after-bulk")


def _saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # fixtures: rebuild afterwards
        return
    from nextround.home import search

    search.index(instance)


def _written_in_bulk(sender, owner, **kwargs) -> None:
    from nextround.home import search

    search.rebuild(owner)


def _deleted(sender, instance, **kwargs) -> None:
    from nextround.home import search

    search.forget(instance)
