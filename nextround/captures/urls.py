from django.urls import path

from nextround.captures import views

app_name = "captures"

urlpatterns = [
    path("capture/", views.capture, name="capture"),
    path("capture/offline-copy/", views.capture_shell, name="shell"),
    path("offline/", views.offline, name="offline"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
]
