from django.apps import AppConfig


class HappyboxConfig(AppConfig):
    name = "nextround.happybox"
    label = "happybox"

    def ready(self) -> None:
        from nextround.core.uploads import remove_files_on_delete
        from nextround.happybox.models import HappyItem

        remove_files_on_delete(HappyItem)
