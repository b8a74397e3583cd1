import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test keeps its files in its own folder, so none can see another's."""
    settings.MEDIA_ROOT = tmp_path / "files"
    return settings.MEDIA_ROOT
